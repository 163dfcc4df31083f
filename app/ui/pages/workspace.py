"""The pages that later issues fill: Dossiers, Reviews, Meetings, Documents,
Settings. Today each says what it will hold, what the data already has, and the next step."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from app.ui.labels import display_name
from app.ui.pages.base import Page, PageContext


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
    """Where the data lives and the language; the committee's own settings open from here."""

    # The user asked for the current committee's settings (the main window opens them).
    committee_settings_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._has_committee = False

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
        language = (
            self.tr("Chinese (Simplified)") if context.lang == "zh_CN" else self.tr("English")
        )
        facts.append((self.tr("Language"), language))
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
                "computer. The data folder and the language are chosen when EthicsDesk starts."
            )
            action = ""
        self.state.show_state(
            self.tr("Settings"),
            body,
            facts=facts,
            hint=self.tr(
                "To use another data folder or language, start EthicsDesk with the options "
                "--data-dir FOLDER and --lang zh_CN or --lang en."
            ),
            action=action,
        )

    def _on_action(self) -> None:
        if self._has_committee:
            self.committee_settings_requested.emit()
        else:
            self.setup_requested.emit()
