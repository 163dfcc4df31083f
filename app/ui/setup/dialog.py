"""The committee settings screen: a non-modal dialog (opened with ``show()``, never
``exec()``) over the sections of ``app.ui.setup.sections``.

Save is one action, ``organisation.save_settings``, in one write: the institution, its logo
and seal, the committee, its number patterns, new terms and a new profile entry. A refusal
(``SettingRefused``, its field prefixed with the step: keys as in ``sections``) is shown under
the field it names and, since the write rolls back, nothing at all is written. The same
dialog creates a committee of the institution ("New committee…",
``organisation.create_committee_with_settings``), then carries on as that committee's
settings.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.errors import UserError
from app.services import organisation
from app.services.organisation import SettingRefused
from app.services.queries.setup import (
    CommitteeSetup,
    SetupChanges,
    load_setup,
    new_committee_setup,
)
from app.ui.i18n import error_text, field_error_text
from app.ui.labels import display_name
from app.ui.pages.base import heading_font, named
from app.ui.pages.welcome import system_timezone
from app.ui.roster_io.files import FileChooser
from app.ui.setup.sections import (
    CommitteeSection,
    FormSection,
    InstitutionSection,
    NumbersSection,
    ProfileSection,
    TermsSection,
)
from app.ui.widgets import error_label

log = logging.getLogger(__name__)


def _scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    return area


class CommitteeSettingsDialog(QDialog):
    """Settings of committee ``committee_id``, or (``committee_id`` None) a new committee of
    ``institution_id``."""

    saved = Signal(int)  # the committee's id, after changes were written
    committee_created = Signal(int)

    def __init__(
        self,
        ctx: AppContext,
        *,
        committee_id: int | None = None,
        institution_id: int | None = None,
        chooser: FileChooser | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if (committee_id is None) == (institution_id is None):
            raise TypeError("give committee_id (settings) or institution_id (a new committee)")
        self.setObjectName("committee_settings")
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.ctx = ctx
        self.lang = ctx.lang
        self._institution_id = institution_id
        self.setup: CommitteeSetup
        chooser = chooser or FileChooser()

        self.heading = named(QLabel(), "heading")
        self.heading.setFont(heading_font(self.font(), 1.3))
        self.heading.setWordWrap(True)
        self.subheading = named(QLabel(), "subheading")
        self.subheading.setWordWrap(True)

        self.institution = InstitutionSection(chooser)
        self.committee = CommitteeSection()
        self.numbers = NumbersSection(ctx.today().year)
        self.terms = TermsSection()
        self.profile = ProfileSection(ctx.lang)
        self.sections: dict[str, FormSection] = {
            "institution": self.institution,
            "committee": self.committee,
            "numbers": self.numbers,
            "terms": self.terms,
            "profile": self.profile,
        }
        self.tabs = named(QTabWidget(), "tabs")
        titles = {
            "institution": self.tr("Institution"),
            "committee": self.tr("Committee"),
            "numbers": self.tr("Number series"),
            "terms": self.tr("Terms"),
            "profile": self.tr("Regulatory profile"),
        }
        for key, section in self.sections.items():
            self.tabs.addTab(_scrolled(section), titles[key])

        self.form_error = error_label("form_error")
        self.status = named(QLabel(), "status")
        self.status.setWordWrap(True)

        self.discard_bar = named(QFrame(), "discard_bar")
        self.discard_bar.setFrameShape(QFrame.Shape.StyledPanel)
        bar = QHBoxLayout(self.discard_bar)
        bar.setContentsMargins(12, 8, 12, 8)
        bar.addWidget(QLabel(self.tr("Your changes have not been saved.")), 1)
        self.discard_button = named(QPushButton(self.tr("Discard changes")), "discard")
        self.keep_button = named(QPushButton(self.tr("Keep editing")), "keep_editing")
        bar.addWidget(self.discard_button)
        bar.addWidget(self.keep_button)
        self.discard_bar.hide()
        self.discard_button.clicked.connect(self._discard)
        self.keep_button.clicked.connect(self.discard_bar.hide)

        self.save_button = named(QPushButton(), "save")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.close_button = named(QPushButton(self.tr("Close")), "close")
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.subheading)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.form_error)
        layout.addWidget(self.discard_bar)
        layout.addLayout(buttons)

        for section in self.sections.values():
            section.changed.connect(self._edited)
        self.resize(960, 780)
        self.load(committee_id)

    # --- loading ---------------------------------------------------------------------------

    @property
    def committee_id(self) -> int | None:
        return self.setup.committee_id

    def load(self, committee_id: int | None = None) -> None:
        """Read the data again (the committee's, or a blank one for a new committee)."""
        today = self.ctx.today()
        if committee_id is not None:
            self.setup = self.ctx.read(load_setup, committee_id, today)
        else:
            assert self._institution_id is not None
            self.setup = self.ctx.read(new_committee_setup, self._institution_id, system_timezone())
        setup = self.setup
        for section in self.sections.values():
            section.blockSignals(True)
        self.institution.load(setup)
        self.committee.load(setup)
        self.numbers.load(setup)
        self.terms.load(setup, today)
        self.profile.load(setup, today)
        for section in self.sections.values():
            section.blockSignals(False)
        institution = display_name(setup.institution_name_zh, setup.institution_name_en, self.lang)
        if setup.is_new:
            title = self.tr("New committee")
            self.heading.setText(title)
            self.subheading.setText(
                self.tr("A new committee of {institution}.").format(institution=institution)
            )
            self.save_button.setText(self.tr("Create the committee"))
        else:
            name = display_name(setup.name_zh, setup.name_en, self.lang)
            title = self.tr("Committee settings — {name}").format(name=name)
            self.heading.setText(name)
            self.subheading.setText(institution)
            self.save_button.setText(self.tr("Save"))
        self.setWindowTitle(title)
        self.tabs.setTabVisible(0, not setup.is_new)
        if setup.is_new:
            self.tabs.setCurrentIndex(1)
        self.clear_errors()
        self.discard_bar.hide()

    # --- changes -----------------------------------------------------------------------------

    def changes(self) -> SetupChanges:
        setup = self.setup
        return SetupChanges(
            institution=self.institution.changes(setup) if not setup.is_new else {},
            images=self.institution.images() if not setup.is_new else {},
            committee=self.committee.changes(setup),
            patterns=self.numbers.changes(setup),
            terms=self.terms.pending(),
            profile=self.profile.changed_entry(),
        )

    def has_changes(self) -> bool:
        return self.setup.is_new or not self.changes().empty()

    def _edited(self) -> None:
        self.status.clear()

    # --- errors ------------------------------------------------------------------------------

    def clear_errors(self) -> None:
        for section in self.sections.values():
            section.clear_errors()
        self.form_error.clear()
        self.form_error.hide()

    def show_error(self, key: str, message: str) -> None:
        """Show ``message`` under the field ``key`` and bring its tab forward; under the form
        when no field has that key."""
        for name, section in self.sections.items():
            if section.error_for(key) is not None:
                if key.startswith("profile.sop_overrides."):
                    # the live check says it better, beside the override
                    verdict = self.profile.revalidate()
                    if verdict.notes:
                        self._show_tab(name)
                        return
                section.show_error(key, message)
                self._show_tab(name)
                return
        self.form_error.setText(message)
        self.form_error.show()

    def _show_tab(self, name: str) -> None:
        self.tabs.setCurrentIndex(list(self.sections).index(name))

    def errors_shown(self) -> dict[str, str]:
        found = {}
        for section in self.sections.values():
            found.update(section.visible_errors())
        if not self.form_error.isHidden():
            found["form"] = self.form_error.text()
        return found

    # --- saving ------------------------------------------------------------------------------

    def save(self) -> bool:
        """Write the changes in one transaction; False (with the errors shown) when refused."""
        self.clear_errors()
        self.status.clear()
        self.discard_bar.hide()
        if self.setup.is_new:
            return self._create()
        changes = self.changes()
        if changes.empty():
            self.status.setText(self.tr("Nothing has changed."))
            return True
        if not self._checked_locally():
            return False
        committee_id = self.setup.committee_id
        assert committee_id is not None
        try:
            self.ctx.write(
                organisation.save_settings, committee_id, self.setup.institution_id, changes
            )
        except SettingRefused as refused:
            self._show_refusal(refused)
            return False
        except UserError as exc:
            self._show_failure(exc)
            return False
        self.load(committee_id)
        self.status.setText(self.tr("Saved."))
        self.saved.emit(committee_id)
        return True

    def _checked_locally(self) -> bool:
        """Refuse before writing what the screen already knows is wrong."""
        if not self.committee.name_zh.text().strip():
            self.show_error("committee.name_zh", self.tr("Enter the committee's name in Chinese."))
            return False
        if not self.setup.is_new and not self.institution.name_zh.text().strip():
            self.show_error(
                "institution.name_zh", self.tr("Enter the institution's name in Chinese.")
            )
            return False
        if not self.profile.revalidate().ok:
            self._show_tab("profile")
            return False
        return True

    def _show_refusal(self, refused: SettingRefused) -> None:
        if refused.step == "term":
            self.show_error(
                refused.field,
                self.tr("Term {number}: {reason}").format(
                    number=refused.term_number, reason=field_error_text(refused)
                ),
            )
        elif refused.field.endswith(".pattern") and refused.step in ("acceptance", "letter"):
            self.show_error(refused.field, self.numbers.pattern_message(refused))
        elif refused.step in ("logo", "seal"):
            self.show_error(refused.step, field_error_text(refused))
        else:
            self.show_error(refused.field, field_error_text(refused))

    def _show_failure(self, exc: UserError) -> None:
        self.form_error.setText(error_text(exc))
        self.form_error.show()

    def _create(self) -> bool:
        if not self._checked_locally():
            return False
        try:
            committee_id = self.ctx.write(
                organisation.create_committee_with_settings,
                institution_id=self.setup.institution_id,
                committee=self.committee.values(),
                patterns=self.numbers.values(),
                profile=self.profile.entry(),
                terms=self.terms.pending(),
            )
        except SettingRefused as refused:
            self._show_refusal(refused)
            return False
        except UserError as exc:
            self._show_failure(exc)
            return False
        self.load(committee_id)
        self.status.setText(
            self.tr("The committee has been created. Its terms can be recorded now.")
        )
        self.committee_created.emit(committee_id)
        return True

    # --- closing -----------------------------------------------------------------------------

    def reject(self) -> None:
        """Close; with unsaved changes, first ask inline (no modal question)."""
        if self.discard_bar.isHidden() and self.has_changes() and not self._pristine_new():
            self.discard_bar.show()
            self.keep_button.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().reject()

    def _pristine_new(self) -> bool:
        return self.setup.is_new and not (
            self.committee.name_zh.text().strip()
            or self.committee.name_en.text().strip()
            or self.terms.pending()
        )

    def _discard(self) -> None:
        self.discard_bar.hide()
        self.load(self.setup.committee_id)
        super().reject()
