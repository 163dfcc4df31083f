"""The parts of the committee settings screen, as views: they lay out fields, show values
and inline errors, and say what the user changed. ``CommitteeSettingsDialog`` wires them
to the services.

Error keys are the services' field names prefixed with the step that writes them:
``institution.name_zh``, ``logo.path``, ``committee.timezone``, ``acceptance.pattern``,
``term.number``, ``profile.sop_overrides.quorum_min_present``.
"""

from __future__ import annotations

import zoneinfo
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocabulary import REQUIRABLE_EXPERTISE
from app.errors import ValidationError
from app.rules import DEFAULT_PROFILE
from app.rules.profiles import (
    SOP_KEYS,
    Profile,
    Rule,
    load_profile,
    profile_ids,
)
from app.services.numbering import check_pattern, format_number
from app.services.queries.setup import CommitteeSetup, ProfileEntry, StoredImage, TermEntry
from app.ui.i18n import field_error_text
from app.ui.pages.base import named, secondary_label
from app.ui.roster_io.files import FileChooser
from app.ui.setup.models import ProfileHistoryModel, TermsModel
from app.ui.setup.sop_check import OverrideNote, SopVerdict, judge, profile_values, rule_of
from app.ui.vocabulary import name, sop_value_text
from app.ui.widgets import ERROR_STYLE, error_label

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg")
THUMBNAIL = QSize(132, 88)
RELAXED_STYLE = "color: #8a5a00;"  # amber: allowed, but a departure the reader should see
FIELD_WIDTH = 420
EDITOR_WIDTH = 240
# The order the overrides are shown in: the two halves of the vote threshold read together.
OVERRIDE_ORDER = (
    "remote_counts",
    "quorum_min_present",
    "threshold_fraction",
    "threshold_base",
    "required_expertise",
    "continuing_review_months",
    "named_votes",
)


class TermNumberBox(QSpinBox):
    """A term's number as the committee writes it: "Term 4" / 第4届 (a prefix alone cannot
    say 第…届)."""

    def textFromValue(self, value: int) -> str:
        return self.tr("Term {number}").format(number=value)

    def valueFromText(self, text: str) -> int:
        digits = "".join(c for c in text if c.isdigit())
        return int(digits) if digits else self.minimum()

    def validate(self, text: str, pos: int) -> object:
        from PySide6.QtGui import QValidator

        digits = "".join(c for c in text if c.isdigit())
        if not digits:
            return (QValidator.State.Intermediate, text, pos)
        ok = self.minimum() <= int(digits) <= self.maximum()
        return (QValidator.State.Acceptable if ok else QValidator.State.Invalid, text, pos)


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def date_edit(name: str) -> QDateEdit:
    edit = named(QDateEdit(), name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def table_view(name: str) -> QTableView:
    view = named(QTableView(), name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setShowGrid(False)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
    return view


def fit_columns(view: QTableView) -> None:
    """Columns as wide as their contents plus some air; the last one takes the rest."""
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for column in range(header.count() - 1):
        view.setColumnWidth(column, view.columnWidth(column) + 24)


class FormSection(QWidget):
    """A page of the settings screen: a form whose fields each carry an inline error."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(20, 18, 20, 18)
        self.layout_.setSpacing(12)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.form.setVerticalSpacing(10)

    def add_field(
        self,
        key: str,
        label: str,
        widget: QWidget,
        below: QWidget | None = None,
        error: QLabel | None = None,
    ) -> None:
        """A labelled row: the field, then (optionally) ``below``, then its error."""
        cell = QWidget()
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(3)
        column.addWidget(widget)
        if below is not None:
            column.addWidget(below)
        if error is None:
            error = error_label("error_" + key.replace(".", "_"))
        column.addWidget(error)
        shown = QLabel(label)
        shown.setBuddy(widget)
        self.form.addRow(shown, cell)
        self.fields[key] = widget
        self.errors[key] = error

    def error_for(self, key: str) -> QLabel | None:
        """The error label of ``key``, or of the nearest field that contains it."""
        while key:
            if key in self.errors:
                return self.errors[key]
            key = key.rpartition(".")[0]
        return None

    def show_error(self, key: str, message: str) -> bool:
        label = self.error_for(key)
        if label is None:
            return False
        label.setText(message)
        label.show()
        field = next((k for k, v in self.errors.items() if v is label), "")
        widget = self.fields.get(field)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()

    def visible_errors(self) -> dict[str, str]:
        return {k: v.text() for k, v in self.errors.items() if not v.isHidden()}


def line_edit(name: str, placeholder: str = "") -> QLineEdit:
    line = named(QLineEdit(), name)
    line.setPlaceholderText(placeholder)
    line.setMaximumWidth(FIELD_WIDTH + 200)
    return line


# --- institution ------------------------------------------------------------------------


class ImagePicker(QWidget):
    """An image of the institution (logo or seal): a thumbnail, its file name, a button.

    A chosen file is only remembered (``pending``) and shown; Save attaches it.
    """

    changed = Signal()

    def __init__(self, kind: str, chooser: FileChooser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self._chooser = chooser
        self.pending: Path | None = None
        self.thumbnail = named(QLabel(), f"{kind}_thumbnail")
        self.thumbnail.setFixedSize(THUMBNAIL)
        self.thumbnail.setFrameShape(QFrame.Shape.StyledPanel)
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.filename = secondary_label()
        self.filename.setObjectName(f"{kind}_filename")
        self.filename.setWordWrap(False)
        self.choose_button = named(QPushButton(self.tr("Choose image…")), f"choose_{kind}")
        self.choose_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.choose_button.clicked.connect(self._ask)
        side = QVBoxLayout()
        side.setSpacing(6)
        side.addWidget(self.filename)
        side.addWidget(self.choose_button)
        side.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.thumbnail, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(side)
        layout.addStretch(1)
        self.error = error_label(f"error_{kind}")

    def _ask(self) -> None:
        self._chooser.open_file(
            self,
            self.tr("Choose an image"),
            self.tr("Images (*.png *.jpg *.jpeg)"),
            self.choose,
        )

    def _show(self, image: QImage, name: str) -> None:
        pixmap = QPixmap.fromImage(image).scaled(
            THUMBNAIL - QSize(8, 8),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        self.thumbnail.setPixmap(pixmap)
        self.filename.setText(name)

    def show_stored(self, stored: StoredImage | None) -> None:
        self.pending = None
        self.error.hide()
        image = QImage()
        if stored is not None and image.loadFromData(stored.content):
            self._show(image, stored.filename)
        else:
            self.thumbnail.clear()
            self.thumbnail.setText(self.tr("No image"))
            self.filename.setText(self.tr("None chosen yet."))

    def choose(self, path: Path) -> bool:
        """Take ``path`` as the new image if it is a PNG or JPEG file; else say why."""
        self.error.hide()
        image = QImage()
        if path.suffix.lower() not in IMAGE_SUFFIXES or not image.load(str(path)):
            self.error.setText(self.tr("{name} is not a PNG or JPEG image.").format(name=path.name))
            self.error.show()
            return False
        self.pending = path
        self._show(image, self.tr("{name} (saved when you save)").format(name=path.name))
        self.changed.emit()
        return True


class InstitutionSection(FormSection):
    def __init__(self, chooser: FileChooser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        intro = secondary_label(
            self.tr(
                "The institution's names, address, logo and seal are shared by all its "
                "committees and appear on letterheads."
            )
        )
        self.layout_.addWidget(intro)
        self.name_zh = line_edit("institution_name_zh", self.tr("e.g. 华康市第一人民医院"))
        self.name_en = line_edit("institution_name_en")
        self.address = line_edit("institution_address")
        self.logo = ImagePicker("logo", chooser)
        self.seal = ImagePicker("seal", chooser)
        self.add_field("institution.name_zh", self.tr("Name (Chinese) *"), self.name_zh)
        self.add_field("institution.name_en", self.tr("Name (English)"), self.name_en)
        self.add_field("institution.address", self.tr("Address"), self.address)
        for picker, label in ((self.logo, self.tr("Logo")), (self.seal, self.tr("Seal"))):
            # the picker's own error label also says when a file is not an image
            self.add_field(picker.kind, label, picker, error=picker.error)
        self.layout_.addLayout(self.form)
        self.layout_.addStretch(1)
        for line in (self.name_zh, self.name_en, self.address):
            line.textEdited.connect(self.changed)
        self.logo.changed.connect(self.changed)
        self.seal.changed.connect(self.changed)

    def load(self, setup: CommitteeSetup) -> None:
        self.name_zh.setText(setup.institution_name_zh)
        self.name_en.setText(setup.institution_name_en)
        self.address.setText(setup.address)
        self.logo.show_stored(setup.images.get("logo"))
        self.seal.show_stored(setup.images.get("seal"))

    def changes(self, setup: CommitteeSetup) -> dict[str, Any]:
        now = {
            "name_zh": self.name_zh.text(),
            "name_en": self.name_en.text(),
            "address": self.address.text(),
        }
        before = {
            "name_zh": setup.institution_name_zh,
            "name_en": setup.institution_name_en,
            "address": setup.address,
        }
        return {k: v for k, v in now.items() if v.strip() != before[k]}

    def images(self) -> dict[str, Path]:
        return {p.kind: p.pending for p in (self.logo, self.seal) if p.pending is not None}


# --- committee ----------------------------------------------------------------------------


def timezone_names() -> list[str]:
    names = sorted(n for n in zoneinfo.available_timezones() if "/" in n and "Etc/" not in n)
    return names or ["Asia/Shanghai", "UTC"]


class CommitteeSection(FormSection):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name_zh = line_edit("committee_name_zh", self.tr("e.g. 医学伦理委员会"))
        self.name_en = line_edit("committee_name_en", self.tr("e.g. Medical Ethics Committee"))
        self.filing_number = line_edit("filing_number")
        self.filing_authority = line_edit(
            "filing_authority", self.tr("e.g. the municipal health commission")
        )
        self.timezone = named(QComboBox(), "timezone")
        self.timezone.setEditable(True)
        self.timezone.addItems(timezone_names())
        self.timezone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.timezone.setMaximumWidth(FIELD_WIDTH)
        self.timezone.setMinimumContentsLength(24)
        self.add_field("committee.name_zh", self.tr("Name (Chinese) *"), self.name_zh)
        self.add_field("committee.name_en", self.tr("Name (English)"), self.name_en)
        self.add_field(
            "committee.filing_number", self.tr("Filing number (备案号)"), self.filing_number
        )
        self.add_field(
            "committee.filing_authority",
            self.tr("Filing authority (备案机关)"),
            self.filing_authority,
        )
        self.add_field(
            "committee.timezone",
            self.tr("Time zone"),
            self.timezone,
            secondary_label(
                self.tr("Dates in minutes and letters, and the year of each number, follow it.")
            ),
        )
        self.layout_.addLayout(self.form)
        self.layout_.addStretch(1)
        for line in (self.name_zh, self.name_en, self.filing_number, self.filing_authority):
            line.textEdited.connect(self.changed)
        self.timezone.currentTextChanged.connect(self.changed)

    def load(self, setup: CommitteeSetup) -> None:
        self.name_zh.setText(setup.name_zh)
        self.name_en.setText(setup.name_en)
        self.filing_number.setText(setup.filing_number)
        self.filing_authority.setText(setup.filing_authority)
        self.timezone.setCurrentText(setup.timezone)

    def values(self) -> dict[str, Any]:
        return {
            "name_zh": self.name_zh.text(),
            "name_en": self.name_en.text(),
            "filing_number": self.filing_number.text(),
            "filing_authority": self.filing_authority.text(),
            "timezone": self.timezone.currentText().strip(),
        }

    def changes(self, setup: CommitteeSetup) -> dict[str, Any]:
        before = {
            "name_zh": setup.name_zh,
            "name_en": setup.name_en,
            "filing_number": setup.filing_number,
            "filing_authority": setup.filing_authority,
            "timezone": setup.timezone,
        }
        return {k: v for k, v in self.values().items() if v.strip() != before[k]}


# --- number series ------------------------------------------------------------------------


class NumbersSection(FormSection):
    """The acceptance and letter number patterns, each with a live example."""

    def __init__(self, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.year = year
        intro = secondary_label(
            self.tr(
                "Acceptance numbers (受理号) and letter numbers (批件号) are separate series "
                "without gaps, counted per year. Write {yyyy} for the year and {seq} for the "
                "number; {seq:03d} writes it with three digits (001)."
            )
        )
        self.layout_.addWidget(intro)
        self.patterns: dict[str, QLineEdit] = {}
        self.previews: dict[str, QLabel] = {}
        labels = {
            "acceptance": self.tr("Acceptance numbers"),
            "letter": self.tr("Letter numbers"),
        }
        for kind in ("acceptance", "letter"):
            line = line_edit(f"{kind}_pattern", "KY-{yyyy}-{seq:03d}")
            line.setMaximumWidth(FIELD_WIDTH)
            preview = named(QLabel(), f"{kind}_preview")
            preview.setTextFormat(Qt.TextFormat.PlainText)
            self.patterns[kind] = line
            self.previews[kind] = preview
            self.add_field(f"{kind}.pattern", labels[kind], line, preview)
            line.textChanged.connect(lambda _text, k=kind: self._preview(k))
            line.textEdited.connect(self.changed)
        self.layout_.addLayout(self.form)
        self.layout_.addStretch(1)

    def _preview(self, kind: str) -> None:
        """Show the first number of the year, or why the pattern cannot make one."""
        error = self.errors[f"{kind}.pattern"]
        preview = self.previews[kind]
        try:
            pattern = check_pattern("pattern", self.patterns[kind].text())
        except ValidationError as exc:
            preview.hide()
            error.setText(self.pattern_message(exc))
            error.show()
            return
        error.hide()
        preview.setText(
            self.tr("The first number of {year} will be {example}").format(
                year=self.year, example=format_number(pattern, self.year, 1)
            )
        )
        preview.show()

    def pattern_message(self, exc: ValidationError) -> str:
        return self.tr("This pattern cannot be used: it {reason}.").format(
            reason=field_error_text(exc)
        )

    def load(self, setup: CommitteeSetup) -> None:
        for kind, line in self.patterns.items():
            line.setText(setup.patterns[kind])
            self._preview(kind)

    def values(self) -> dict[str, str]:
        return {kind: line.text().strip() for kind, line in self.patterns.items()}

    def changes(self, setup: CommitteeSetup) -> dict[str, str]:
        return {k: v for k, v in self.values().items() if v != setup.patterns[k]}

    def clear_errors(self) -> None:
        super().clear_errors()
        for kind in self.patterns:
            self._preview(kind)


# --- terms ----------------------------------------------------------------------------------


class TermsSection(FormSection):
    """The committee's terms (换届): the list, and a row to add the next one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        intro = secondary_label(
            self.tr(
                "Each term of office (第N届) with its dates and the document that appointed "
                "it. New terms are written when you save."
            )
        )
        self.layout_.addWidget(intro)
        self.model = TermsModel(self)
        self.view = table_view("terms")
        self.view.setModel(self.model)
        self.model.modelReset.connect(lambda: fit_columns(self.view))
        self.model.rowsRemoved.connect(lambda: fit_columns(self.view))
        self.view.setMinimumHeight(120)
        self.layout_.addWidget(self.view, 1)

        add_title = named(QLabel(self.tr("Add a term")), "add_term_title")
        font = add_title.font()
        font.setBold(True)
        add_title.setFont(font)
        self.layout_.addWidget(add_title)
        self.number = named(TermNumberBox(), "term_number")
        self.number.setRange(1, 999)
        self.start = date_edit("term_start")
        self.has_end = named(QCheckBox(self.tr("Ends on")), "term_has_end")
        self.has_end.setChecked(True)
        self.end = date_edit("term_end")
        self.has_end.toggled.connect(self.end.setEnabled)
        self.start.dateChanged.connect(self._suggest_end)
        ends = QHBoxLayout()
        ends.setSpacing(8)
        ends.addWidget(self.has_end)
        ends.addWidget(self.end)
        ends.addStretch(1)
        end_cell = QWidget()
        end_cell.setLayout(ends)
        ends.setContentsMargins(0, 0, 0, 0)
        for narrow in (self.number, self.start):
            narrow.setMaximumWidth(160)
        self.end.setMaximumWidth(160)
        self.document = line_edit("term_document", self.tr("e.g. 明医发〔2026〕12号"))
        self.add_button = named(QPushButton(self.tr("Add term")), "add_term")
        self.add_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.remove_button = named(QPushButton(self.tr("Remove")), "remove_term")
        self.remove_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.remove_button.setToolTip(self.tr("Remove a term that has not been saved yet"))
        self.remove_button.setEnabled(False)
        self.add_field("term.number", self.tr("Term"), self.number)
        self.add_field("term.start_date", self.tr("Starts on"), self.start)
        self.add_field("term.end_date", self.tr("End"), end_cell)
        self.add_field("term.appointment_document", self.tr("Appointment document"), self.document)
        self.layout_.addLayout(self.form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self.layout_.addLayout(buttons)
        self.add_button.clicked.connect(self.add_term)
        self.remove_button.clicked.connect(self.remove_selected)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)

    def _suggest_end(self, start: QDate) -> None:
        self.end.setDate(start.addYears(5).addDays(-1))

    def _selection_changed(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        self.remove_button.setEnabled(bool(rows) and not self.model.term(rows[0].row()).saved)

    def load(self, setup: CommitteeSetup, today: date) -> None:
        self.model.set_terms(setup.terms)
        self._reset_form(today)

    def _reset_form(self, today: date) -> None:
        terms = self.model.terms()
        self.number.setValue(max((t.number for t in terms), default=0) + 1)
        last_end = max((t.end_date for t in terms if t.end_date), default=None)
        start = last_end + timedelta(days=1) if last_end else today
        self.start.setDate(to_qdate(start))
        self._suggest_end(self.start.date())
        self.has_end.setChecked(True)
        self.document.clear()

    def add_term(self) -> bool:
        """Add the form's term to the list (written on Save); False with an inline error."""
        self.clear_errors()
        number = self.number.value()
        start = from_qdate(self.start.date())
        end = from_qdate(self.end.date()) if self.has_end.isChecked() else None
        if any(t.number == number for t in self.model.terms()):
            self.show_error(
                "term.number",
                self.tr("Term {number} is in the list already.").format(number=number),
            )
            return False
        if end is not None and end < start:
            self.show_error("term.end_date", self.tr("The term cannot end before it starts."))
            return False
        self.model.add(TermEntry(number, start, end, self.document.text().strip(), saved=False))
        self._reset_form(end + timedelta(days=1) if end else start)
        self.changed.emit()
        return True

    def remove_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if rows and not self.model.term(rows[0].row()).saved:
            self.model.remove_row(rows[0].row())
            self.changed.emit()

    def pending(self) -> list[TermEntry]:
        return self.model.pending()


# --- regulatory profile and SOP overrides -----------------------------------------------------


def rule_message(rule: Rule, lang: str) -> str:
    """The rule's message with its parameters filled in."""
    text = rule.message.pick(lang)
    try:
        return text.format(**rule.params)
    except (KeyError, IndexError, ValueError):
        return text


class OverrideRow:
    """One SOP override: a check box that turns it on, its editor, the profile's value, and
    a note (refused, or the relaxation beside the rule it departs from)."""

    def __init__(self, key: str, label: str, editor: QWidget) -> None:
        self.key = key
        self.enabled = named(QCheckBox(label), f"override_{key}")
        self.editor = editor
        self.editor.setObjectName(f"override_{key}_value")
        self.editor.setEnabled(False)
        self.enabled.toggled.connect(self.editor.setEnabled)
        self.profile_value = secondary_label()
        self.profile_value.setObjectName(f"override_{key}_profile")
        self.note = named(QLabel(), f"override_{key}_note")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.hide()


class ExpertiseChoice(QWidget):
    """Expertise categories and groups as check boxes (the required_expertise override)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(2)
        self.boxes: dict[str, QCheckBox] = {}
        for index, category in enumerate(REQUIRABLE_EXPERTISE):
            box = named(QCheckBox(name(REQUIRABLE_EXPERTISE, category)), f"expertise_{category}")
            box.toggled.connect(self.changed)
            self.boxes[category] = box
            grid.addWidget(box, index // 4, index % 4)

    def value(self) -> list[str]:
        return [c for c, box in self.boxes.items() if box.isChecked()]

    def set_value(self, categories: list[str]) -> None:
        for category, box in self.boxes.items():
            box.setChecked(category in categories)


class ProfileSection(FormSection):
    """The profile in force, a new entry (profile, SOP overrides, date, note) validated live
    by the rules engine, and the history of entries."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self._loaded: ProfileEntry | None = None
        self.in_force = named(QLabel(), "profile_in_force")
        self.in_force.setWordWrap(True)
        self.layout_.addWidget(self.in_force)

        self.profile = named(QComboBox(), "profile")
        self.profile.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.profile.setMinimumContentsLength(40)
        other = "en" if lang.startswith("zh") else "zh"
        for profile_id in profile_ids():
            title = load_profile(profile_id).title
            self.profile.addItem(title.pick(lang), profile_id)
            self.profile.setItemData(
                self.profile.count() - 1,
                f"{title.pick(other)} ({profile_id})",
                Qt.ItemDataRole.ToolTipRole,
            )
        self.profile_other = secondary_label()
        self.profile_other.setObjectName("profile_other_title")
        self.effective_from = date_edit("effective_from")
        self.effective_from.setMaximumWidth(160)
        self.note = line_edit("profile_note", self.tr("e.g. SOP version 4.0, approved 2026-03-01"))
        self.add_field(
            "profile.profile_id", self.tr("Regulatory profile"), self.profile, self.profile_other
        )
        self.add_field("profile.effective_from", self.tr("Applies from"), self.effective_from)
        self.add_field("profile.note", self.tr("Note"), self.note)
        self.layout_.addLayout(self.form)

        overrides_title = named(QLabel(self.tr("SOP overrides")), "overrides_title")
        font = overrides_title.font()
        font.setBold(True)
        overrides_title.setFont(font)
        self.layout_.addWidget(overrides_title)
        self.layout_.addWidget(
            secondary_label(
                self.tr(
                    "The committee's SOP may make any rule stricter. It may relax a rule only "
                    "where the profile leaves it to the SOP; each relaxation is shown beside "
                    "the rule it departs from."
                )
            )
        )
        self.rows = self._override_rows()
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(2, 1)
        line = 0
        for key in OVERRIDE_ORDER:
            row = self.rows[key]
            grid.addWidget(row.enabled, line, 0, Qt.AlignmentFlag.AlignTop)
            if isinstance(row.editor, ExpertiseChoice):
                # too wide for the editors' column: the check boxes get a line of their own
                grid.addWidget(row.profile_value, line, 1, 1, 2, Qt.AlignmentFlag.AlignTop)
                line += 1
                grid.addWidget(row.editor, line, 1, 1, 2, Qt.AlignmentFlag.AlignTop)
            else:
                row.editor.setFixedWidth(EDITOR_WIDTH)
                grid.addWidget(row.editor, line, 1, Qt.AlignmentFlag.AlignTop)
                grid.addWidget(row.profile_value, line, 2, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(row.note, line + 1, 1, 1, 2)
            self.errors[f"profile.sop_overrides.{row.key}"] = row.note
            self.fields[f"profile.sop_overrides.{row.key}"] = row.editor
            line += 2
        self.layout_.addLayout(grid)
        self.verdict = SopVerdict()

        history_title = named(QLabel(self.tr("History")), "history_title")
        history_title.setFont(font)
        self.layout_.addWidget(history_title)
        self.history_model = ProfileHistoryModel(self)
        self.history = table_view("profile_history")
        self.history.setModel(self.history_model)
        self.history_model.modelReset.connect(lambda: fit_columns(self.history))
        self.history.setMinimumHeight(96)
        self.layout_.addWidget(self.history, 1)

        self.profile.currentIndexChanged.connect(self._profile_changed)
        self.effective_from.dateChanged.connect(self.changed)
        self.note.textEdited.connect(self.changed)
        for row in self.rows.values():
            row.enabled.toggled.connect(self.revalidate)

    def _override_rows(self) -> dict[str, OverrideRow]:
        remote = QComboBox()
        remote.addItem(self.tr("counts toward the quorum"), True)
        remote.addItem(self.tr("does not count"), False)
        quorum = QSpinBox()
        quorum.setRange(0, 99)
        quorum.setSuffix(self.tr(" present"))
        base = QComboBox()
        base.addItem(self.tr("all members"), "all_members")
        base.addItem(self.tr("the members present"), "present")
        fraction = QComboBox()
        fraction.addItem(self.tr("more than half"), "more_than_half")
        fraction.addItem(self.tr("two thirds"), "two_thirds")
        expertise = ExpertiseChoice()
        months = QSpinBox()
        months.setRange(1, 120)
        months.setSuffix(self.tr(" months"))
        named_votes = QComboBox()
        named_votes.addItem(self.tr("recorded by name"), True)
        named_votes.addItem(self.tr("not recorded by name"), False)
        labels = {
            "remote_counts": (self.tr("Remote attendance"), remote),
            "quorum_min_present": (self.tr("Quorum: at least"), quorum),
            "threshold_base": (self.tr("Counted among"), base),
            "threshold_fraction": (self.tr("Votes needed"), fraction),
            "required_expertise": (self.tr("Also required expertise"), expertise),
            "continuing_review_months": (self.tr("Continuing review every"), months),
            "named_votes": (self.tr("Votes"), named_votes),
        }
        rows = {}
        for key in SOP_KEYS:
            label, editor = labels[key]
            rows[key] = OverrideRow(key, label, editor)
            if isinstance(editor, QComboBox):
                editor.currentIndexChanged.connect(self.revalidate)
            elif isinstance(editor, QSpinBox):
                editor.valueChanged.connect(self.revalidate)
            elif isinstance(editor, ExpertiseChoice):
                editor.changed.connect(self.revalidate)
        return rows

    # --- values ---

    def profile_id(self) -> str:
        return str(self.profile.currentData())

    def current_profile(self) -> Profile:
        return load_profile(self.profile_id())

    def overrides(self) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, row in self.rows.items():
            if not row.enabled.isChecked():
                continue
            editor = row.editor
            if isinstance(editor, QComboBox):
                result[key] = editor.currentData()
            elif isinstance(editor, QSpinBox | ExpertiseChoice):
                result[key] = editor.value()
        return result

    def set_overrides(self, overrides: dict[str, Any]) -> None:
        defaults = profile_values(self.current_profile())
        for key, row in self.rows.items():
            value = overrides.get(key, defaults[key])
            editor = row.editor
            editor.blockSignals(True)
            if isinstance(editor, QComboBox):
                editor.setCurrentIndex(max(0, editor.findData(value)))
            elif isinstance(editor, QSpinBox):
                editor.setValue(int(value) if value else editor.minimum())
            elif isinstance(editor, ExpertiseChoice):
                editor.set_value(list(value) if key in overrides else [])
            editor.blockSignals(False)
            row.enabled.blockSignals(True)
            row.enabled.setChecked(key in overrides)
            row.enabled.blockSignals(False)
            row.editor.setEnabled(key in overrides)

    def entry(self) -> ProfileEntry:
        return ProfileEntry(
            from_qdate(self.effective_from.date()),
            self.profile_id(),
            self.overrides(),
            self.note.text().strip(),
        )

    def load(self, setup: CommitteeSetup, today: date) -> None:
        entry = setup.profile_today
        self._loaded = entry
        profile_id = entry.profile_id if entry else DEFAULT_PROFILE
        self.profile.blockSignals(True)
        self.profile.setCurrentIndex(max(0, self.profile.findData(profile_id)))
        self.profile.blockSignals(False)
        self.effective_from.blockSignals(True)
        self.effective_from.setDate(to_qdate(today))
        self.effective_from.blockSignals(False)
        self.note.setText(entry.note if entry else "")
        self.set_overrides(entry.sop_overrides if entry else {})
        if entry is None or setup.is_new:
            self.in_force.setText(
                self.tr("Choose the rules the committee applies, and from which day.")
            )
        else:
            self.in_force.setText(
                self.tr(
                    "In force today: {title}, since {date}. A change applies from the date "
                    "you give; decisions taken before it keep the rules they were taken under."
                ).format(
                    title=load_profile(entry.profile_id).title.pick(self.lang),
                    date=entry.effective_from.isoformat(),
                )
            )
        self.history_model.set_entries(
            setup.profiles, entry.effective_from if entry and not setup.is_new else None
        )
        self._describe_profile()
        self.revalidate()

    def changed_entry(self) -> ProfileEntry | None:
        """The entry to write, or None when profile, overrides and note are as loaded."""
        entry = self.entry()
        loaded = self._loaded
        if loaded is not None and (entry.profile_id, entry.sop_overrides, entry.note) == (
            loaded.profile_id,
            loaded.sop_overrides,
            loaded.note,
        ):
            return None
        return entry

    # --- live validation ---

    def _profile_changed(self) -> None:
        self._describe_profile()
        # editors not switched on follow the newly chosen profile's values
        chosen = self.overrides()
        self.set_overrides(chosen)
        self.revalidate()

    def _describe_profile(self) -> None:
        profile = self.current_profile()
        other = "en" if self.lang.startswith("zh") else "zh"
        self.profile_other.setText(f"{profile.title.pick(other)} · {profile.id}")
        values = profile_values(profile)
        for key, row in self.rows.items():
            rule = rule_of(profile, key)
            shown = sop_value_text(key, values[key])
            if key == "required_expertise":
                shown = self.tr("the profile requires: {value}").format(value=shown)
            else:
                shown = self.tr("profile: {value}").format(value=shown)
            if rule is not None:
                shown = f"{shown} ({rule.id})"
                row.profile_value.setToolTip(rule.citation(self.lang))
            row.profile_value.setText(shown)

    def revalidate(self) -> SopVerdict:
        """Judge the overrides now and show a note beside each refused or relaxed one."""
        self.verdict = judge(self.profile_id(), self.overrides())
        for key, row in self.rows.items():
            self._show_note(row, self.verdict.notes.get(key))
        self.changed.emit()
        return self.verdict

    def _show_note(self, row: OverrideRow, note: OverrideNote | None) -> None:
        if note is None:
            row.note.clear()
            row.note.hide()
            row.note.setToolTip("")
            return
        if note.kind == "relaxed" and note.rule is not None:
            text = self.tr(
                "Relaxes rule {rule} ({citation}): the profile says {profile}; this SOP says "
                "{value}. The profile leaves this to the committee's SOP."
            ).format(
                rule=note.rule.id,
                citation=note.rule.citation(self.lang),
                profile=sop_value_text(note.key, note.profile_value),
                value=sop_value_text(note.key, note.value),
            )
            row.note.setStyleSheet(RELAXED_STYLE)
            row.note.setToolTip(note.rule.quote.pick(self.lang))
        elif note.kind == "refused" and note.rule is not None:
            text = self.tr(
                "Not allowed: this relaxes rule {rule} ({citation}) — {message}. The profile "
                "does not leave this rule to the SOP."
            ).format(
                rule=note.rule.id,
                citation=note.rule.citation(self.lang),
                message=rule_message(note.rule, self.lang),
            )
            row.note.setStyleSheet(ERROR_STYLE)
            row.note.setToolTip(note.detail_in(self.lang))
        else:
            text = self.tr("Not allowed: {reason}.").format(reason=note.detail_in(self.lang))
            row.note.setStyleSheet(ERROR_STYLE)
        row.note.setText(text)
        row.note.show()

    def clear_errors(self) -> None:
        super().clear_errors()
        self.revalidate()

    def visible_errors(self) -> dict[str, str]:
        """Errors shown; a relaxation the profile allows is a note, not an error."""
        relaxed = {
            f"profile.sop_overrides.{k}"
            for k, n in self.verdict.notes.items()
            if n.kind == "relaxed"
        }
        return {k: v for k, v in super().visible_errors().items() if k not in relaxed}
