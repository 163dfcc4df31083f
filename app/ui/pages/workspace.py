"""The pages that later issues fill: Dossiers, Reviews, Meetings, Documents,
Settings. Today each says what it will hold, what the data already has, and the next step."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from app import preferences
from app.context import AppContext
from app.domain.vocabulary import UI_LANGUAGES
from app.ui.labels import display_name
from app.ui.pages.base import Page, PageContext, named, secondary_label


class DossiersPage(Page):
    def refresh(self, context: PageContext) -> None:
        about = self.tr(
            "Projects and their submissions appear here once the committee has registered "
            "one: each project with its investigator, type and approval period, and each "
            "submission with its acceptance number and review path."
        )
        committee = context.committee
        if committee is None:
            self.show_needs_committee(self.tr("No projects yet"), about)
        elif committee.projects == 0:
            self.state.show_state(self.tr("No projects yet"), about)
        else:
            self.state.show_state(
                self.tr("Projects"),
                self.tr("Projects registered with this committee, and their submissions."),
                facts=[
                    (self.tr("Projects"), str(committee.projects)),
                    (self.tr("Submissions"), str(committee.submissions)),
                ],
            )


class ReviewsPage(Page):
    def refresh(self, context: PageContext) -> None:
        about = self.tr(
            "When a submission has been accepted and given primary reviewers, their "
            "assignments and worksheets appear here: a score and comment for each approval "
            "criterion, and the decision each reviewer recommends."
        )
        committee = context.committee
        if committee is None:
            self.show_needs_committee(self.tr("No reviews yet"), about)
        elif committee.review_assignments == 0:
            self.state.show_state(self.tr("No reviews yet"), about)
        else:
            self.state.show_state(
                self.tr("Reviews"),
                self.tr("Reviewers assigned to this committee's submissions."),
                facts=[(self.tr("Review assignments"), str(committee.review_assignments))],
            )


class MeetingsPage(Page):
    def refresh(self, context: PageContext) -> None:
        about = self.tr(
            "Meetings appear here once one has been planned, each with its agenda, sign-in "
            "and quorum, recusals, votes and minutes."
        )
        committee = context.committee
        if committee is None:
            self.show_needs_committee(self.tr("No meetings yet"), about)
        elif committee.meetings == 0:
            self.state.show_state(self.tr("No meetings yet"), about)
        else:
            self.state.show_state(
                self.tr("Meetings"),
                self.tr("Meetings of this committee, planned and held."),
                facts=[(self.tr("Meetings"), str(committee.meetings))],
            )


class DocumentsPage(Page):
    def refresh(self, context: PageContext) -> None:
        about = self.tr(
            "Decision letters, agendas, sign-in sheets, minutes and rosters that the "
            "committee issues are kept here, with their numbers and dates."
        )
        committee = context.committee
        if committee is None:
            self.show_needs_committee(self.tr("No documents yet"), about)
        elif committee.letters == 0:
            self.state.show_state(self.tr("No documents yet"), about)
        else:
            self.state.show_state(
                self.tr("Documents"),
                self.tr("Documents this committee has issued."),
                facts=[(self.tr("Decision letters"), str(committee.letters))],
            )


class SettingsPage(Page):
    """Where the data lives and the language; the committee's own settings open from here.

    The language is the computer user's preference (``app.preferences``, in the config dir,
    not the shared database); it takes effect when EthicsDesk next starts, the command line
    included. ``--lang`` still overrides it for one run.
    """

    # The user asked for the current committee's settings (the main window opens them).
    committee_settings_requested = Signal()
    language_chosen = Signal(str)  # "zh_CN", "en", or "" for the system's

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._has_committee = False
        self.language = named(QComboBox(), "language")
        self.language.addItem(self.tr("The system's language"), "")
        for code in UI_LANGUAGES:
            self.language.addItem(
                UI_LANGUAGES.term(code).zh if code == "zh_CN" else "English", code
            )
        self.language.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.language_note = named(secondary_label(), "language_note")
        chooser = QWidget()
        row = QHBoxLayout(chooser)
        row.setContentsMargins(0, 0, 0, 0)
        label = QLabel(self.tr("Language"))
        label.setBuddy(self.language)
        row.addWidget(label)
        row.addWidget(self.language)
        row.addStretch(1)
        self.state.extras.addWidget(chooser)
        self.state.extras.addWidget(self.language_note)
        stored = preferences.load().get("language") or ""
        self.language.setCurrentIndex(max(0, self.language.findData(stored)))
        self.language.currentIndexChanged.connect(self._language_changed)

    def _language_changed(self, _index: int) -> None:
        code = str(self.language.currentData() or "")
        try:
            preferences.save("language", code or None)
        except OSError as exc:
            self.language_note.setText(
                self.tr("The choice could not be saved: {reason}").format(
                    reason=exc.strerror or exc
                )
            )
            self.language_note.show()
            return
        shown = self.language.currentText()
        self.language_note.setText(
            self.tr("EthicsDesk will be in {language} from its next start.").format(language=shown)
            if code
            else self.tr("EthicsDesk will follow the system's language from its next start.")
        )
        self.language_note.show()
        self.language_chosen.emit(code)

    def refresh(self, context: PageContext) -> None:
        facts = []
        committee = context.committee
        self._has_committee = committee is not None
        if committee is not None:
            facts.append(
                (
                    self.tr("Committee"),
                    display_name(committee.name_zh, committee.name_en, context.lang),
                )
            )
        if context.paths is not None:
            facts.append((self.tr("Data folder"), str(context.paths.root)))
        facts.append((self.tr("Database"), context.database))
        facts.append((self.tr("Language now"), UI_LANGUAGES.name(context.lang, context.lang)))
        if committee is not None:
            body = self.tr(
                "EthicsDesk keeps everything in one database, in its data folder, on this "
                "computer. The committee's names, filing, number series, terms and regulatory "
                "profile are kept in its settings."
            )
            action = self.tr("Committee settings…")
        else:
            body = self.tr(
                "EthicsDesk keeps everything in one database, in its data folder, on this "
                "computer. The data folder is chosen when EthicsDesk starts."
            )
            action = ""
        self.state.show_state(
            self.tr("Settings"),
            body,
            facts=facts,
            hint=self.tr(
                "To use another data folder, start EthicsDesk with the option --data-dir "
                "FOLDER; --lang zh_CN or --lang en chooses the language for one run."
            ),
            action=action,
        )
        if self.language_note.text() == "":
            self.language_note.hide()

    def _on_action(self) -> None:
        if self._has_committee:
            self.committee_settings_requested.emit()
        else:
            self.setup_requested.emit()
