"""First start: the welcome panel that offers an empty committee or the demo, inline.

No modal dialog: the panel lives on the dashboard, so tests and headless screenshots see it
as the user does. ``CommitteeForm`` only lays out the fields and shows errors;
``WelcomePanel`` wires it to the services and to the demo builder.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimeZone, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.errors import UserError, ValidationError
from app.rules import DEFAULT_PROFILE
from app.rules.profiles import profile_ids
from app.ui.i18n import error_text, field_error_text
from app.ui.labels import profile_name, profile_title
from app.ui.pages.base import PAGE_MARGINS, heading_font, named, secondary_label
from app.ui.tasks import Task, run_task
from app.ui.widgets import error_label

log = logging.getLogger(__name__)

WELCOME_WIDTH = 1000


@dataclass(frozen=True)
class CommitteeFormValues:
    institution_name_zh: str
    institution_name_en: str
    committee_name_zh: str
    committee_name_en: str
    profile_id: str


class CommitteeForm(QWidget):
    """The fields of a new institution and committee, each with an inline error label.

    Errors are keyed like the services' fields, prefixed with the step that checks them:
    ``institution.name_zh``, ``committee.name_en``, ``committee.profile_id``.
    """

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.institution_name_zh = named(QLineEdit(), "institution_name_zh")
        self.institution_name_zh.setPlaceholderText(self.tr("e.g. 华康市第一人民医院"))
        self.institution_name_en = named(QLineEdit(), "institution_name_en")
        self.institution_name_en.setPlaceholderText(self.tr("e.g. Huakang First People's Hospital"))
        self.committee_name_zh = named(QLineEdit(), "committee_name_zh")
        self.committee_name_zh.setPlaceholderText(self.tr("e.g. 医学伦理委员会"))
        self.committee_name_en = named(QLineEdit(), "committee_name_en")
        self.committee_name_en.setPlaceholderText(self.tr("e.g. Medical Ethics Committee"))
        self.profile = named(QComboBox(), "profile")
        self.profile.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.profile.setMinimumContentsLength(24)
        for profile_id in profile_ids():
            self.profile.addItem(profile_name(profile_id), profile_id)
            self.profile.setItemData(
                self.profile.count() - 1,
                f"{profile_title(profile_id)} ({profile_id})",
                Qt.ItemDataRole.ToolTipRole,
            )

        self.fields: dict[str, QWidget] = {
            "institution.name_zh": self.institution_name_zh,
            "institution.name_en": self.institution_name_en,
            "committee.name_zh": self.committee_name_zh,
            "committee.name_en": self.committee_name_en,
            "committee.profile_id": self.profile,
        }
        self.errors = {key: error_label("error_" + key.replace(".", "_")) for key in self.fields}
        self.form_error = error_label("form_error")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        labels = {
            "institution.name_zh": self.tr("Institution name (Chinese) *"),
            "institution.name_en": self.tr("Institution name (English)"),
            "committee.name_zh": self.tr("Committee name (Chinese) *"),
            "committee.name_en": self.tr("Committee name (English)"),
            "committee.profile_id": self.tr("Regulatory profile"),
        }
        for key, widget in self.fields.items():
            cell = QWidget()
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(widget)
            column.addWidget(self.errors[key])
            label = QLabel(labels[key])
            label.setBuddy(widget)
            form.addRow(label, cell)
        self.profile_hint = secondary_label()
        self.profile_hint.setObjectName("profile_hint")
        form.addRow("", self.profile_hint)
        self.profile.currentIndexChanged.connect(self._describe_profile)
        self.profile.setCurrentIndex(max(0, self.profile.findData(DEFAULT_PROFILE)))
        self._describe_profile()

        self.create_button = named(QPushButton(self.tr("Create the committee")), "create")
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.submitted)
        for line in (
            self.institution_name_zh,
            self.institution_name_en,
            self.committee_name_zh,
            self.committee_name_en,
        ):
            line.returnPressed.connect(self.submitted)
        required = secondary_label(self.tr("* required"))

        buttons = QHBoxLayout()
        buttons.addWidget(required)
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.form_error)
        layout.addLayout(buttons)

    def _describe_profile(self) -> None:
        profile_id = str(self.profile.currentData())
        self.profile_hint.setText(
            self.tr(
                "{title}. The rules the committee applies to its composition, quorum and votes."
            ).format(title=profile_title(profile_id))
        )

    def values(self) -> CommitteeFormValues:
        return CommitteeFormValues(
            institution_name_zh=self.institution_name_zh.text(),
            institution_name_en=self.institution_name_en.text(),
            committee_name_zh=self.committee_name_zh.text(),
            committee_name_en=self.committee_name_en.text(),
            profile_id=str(self.profile.currentData()),
        )

    def clear_errors(self) -> None:
        for label in (*self.errors.values(), self.form_error):
            label.clear()
            label.hide()

    def show_error(self, key: str | None, message: str) -> None:
        """Show ``message`` under the field ``key``, or under the form when no field fits."""
        label = self.errors.get(key or "", self.form_error)
        label.setText(message)
        label.show()
        widget = self.fields.get(key or "")
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(widget, QLineEdit):
                widget.selectAll()

    def has_errors(self) -> bool:
        return any(not label.isHidden() for label in (*self.errors.values(), self.form_error))


def section(title: str, name: str) -> tuple[QFrame, QVBoxLayout]:
    """A framed part of the panel with a bold title; returns it and its layout."""
    frame = named(QFrame(), name)
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(20, 16, 20, 20)
    layout.setSpacing(12)
    label = named(QLabel(title), "section_title")
    label.setFont(heading_font(frame.font(), 1.15))
    layout.addWidget(label)
    return frame, layout


def system_timezone() -> str | None:
    """The computer's IANA time zone, when Python knows it too (the committee's default)."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    name = bytes(QTimeZone.systemTimeZoneId().data()).decode("ascii", "replace")
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    return name


class WelcomePanel(QWidget):
    """Shown on the dashboard while the database holds no committee."""

    committee_created = Signal(int)
    demo_built = Signal()
    demo_failed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._demo_task: Task | None = None

        heading = named(QLabel(self.tr("Welcome to EthicsDesk")), "heading")
        heading.setFont(heading_font(self.font(), 1.8))
        intro = QLabel(
            self.tr(
                "This data folder holds no committee yet. Set up your institution's committee "
                "to start from an empty roster, or open the demo to look around first."
            ),
        )
        intro.setObjectName("intro")
        intro.setWordWrap(True)

        self.form = CommitteeForm()
        self.form.submitted.connect(self.create_committee)
        create_box, create_layout = section(self.tr("Create an empty committee"), "create_box")
        create_layout.addWidget(self.form)

        demo_box, demo_layout = section(self.tr("Open the demo"), "demo_box")
        demo_text = QLabel(
            self.tr(
                "A fictional hospital with two committees, one of them with a full roster of "
                "15 members, to try EthicsDesk without typing anything. Every name in it is "
                "made up."
            )
        )
        demo_text.setWordWrap(True)
        demo_note = QLabel(
            self.tr(
                "The demo is written into this data folder. Keep your own committee's records "
                "in another data folder."
            )
        )
        demo_note.setWordWrap(True)
        self.demo_button = named(QPushButton(self.tr("Open the demo")), "open_demo")
        self.demo_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.demo_button.clicked.connect(self.open_demo)
        self.demo_progress = named(QProgressBar(), "demo_progress")
        self.demo_progress.setRange(0, 0)
        self.demo_progress.setTextVisible(False)
        self.demo_progress.hide()
        self.demo_status = named(QLabel(), "demo_status")
        self.demo_status.setWordWrap(True)
        self.demo_status.hide()
        self.demo_error = error_label("demo_error")
        for widget in (demo_text, demo_note, self.demo_button, self.demo_progress):
            demo_layout.addWidget(widget)
        demo_layout.addWidget(self.demo_status)
        demo_layout.addWidget(self.demo_error)
        demo_layout.addStretch(1)

        boxes = QHBoxLayout()
        boxes.setSpacing(20)
        boxes.addWidget(create_box, 3)
        boxes.addWidget(demo_box, 2)

        column = QWidget()
        column.setMaximumWidth(WELCOME_WIDTH)
        inner = QVBoxLayout(column)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(14)
        inner.addWidget(heading)
        inner.addWidget(intro)
        inner.addSpacing(6)
        inner.addLayout(boxes)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(*PAGE_MARGINS)
        outer.addWidget(column)
        outer.addStretch(1)

    def focus_form(self) -> None:
        self.form.institution_name_zh.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- an empty committee -------------------------------------------------------------

    def create_committee(self) -> None:
        self.form.clear_errors()
        values = self.form.values()
        if not values.institution_name_zh.strip():
            self.form.show_error(
                "institution.name_zh", self.tr("Enter the institution's name in Chinese.")
            )
        if not values.committee_name_zh.strip():
            self.form.show_error(
                "committee.name_zh", self.tr("Enter the committee's name in Chinese.")
            )
        if self.form.has_errors():
            # focus the first field in error, top to bottom
            first = next(k for k, lbl in self.form.errors.items() if not lbl.isHidden())
            self.form.fields[first].setFocus(Qt.FocusReason.OtherFocusReason)
            return
        from app.services.organisation import set_up_committee  # when first used

        try:
            committee_id = self.ctx.write(
                set_up_committee,
                institution_name_zh=values.institution_name_zh,
                institution_name_en=values.institution_name_en,
                committee_name_zh=values.committee_name_zh,
                committee_name_en=values.committee_name_en,
                profile_id=values.profile_id,
                effective_from=self.ctx.today(),
                timezone=system_timezone(),
            )
        except ValidationError as exc:
            if exc.field in self.form.fields:
                self.form.show_error(exc.field, field_error_text(exc))
            else:
                self.form.show_error(None, error_text(exc))
            return
        except UserError as exc:
            self.form.show_error(None, error_text(exc))
            return
        self.committee_created.emit(committee_id)

    # --- the demo -------------------------------------------------------------------------

    def open_demo(self) -> None:
        from app.services import demo  # when first used

        ctx, today = self.ctx, self.ctx.today()
        self.demo_error.hide()
        self._set_busy(True)
        self._demo_task = run_task(
            lambda _progress: ctx.write(demo.build_demo, today),
            self._demo_succeeded,
            failed=self._demo_failed,
            parent=self,
        )

    def demo_running(self) -> bool:
        return self._demo_task is not None

    def _set_busy(self, busy: bool) -> None:
        self.demo_button.setEnabled(not busy)
        self.form.setEnabled(not busy)
        self.demo_progress.setVisible(busy)
        self.demo_status.setText(self.tr("Building the demo…") if busy else "")
        self.demo_status.setVisible(busy)

    def _demo_succeeded(self, _result: object) -> None:
        self._demo_task = None
        self._set_busy(False)
        self.demo_built.emit()

    def _demo_failed(self, exc: object) -> None:
        self._demo_task = None
        self._set_busy(False)
        if isinstance(exc, UserError):
            message = error_text(exc)
        else:
            message = self.tr(
                "The demo could not be built because of an error in EthicsDesk. "
                "The details are in the log."
            )
        self.demo_error.setText(message)
        self.demo_error.show()
        self.demo_failed.emit(message)
