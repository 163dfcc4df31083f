"""The dashboard: the welcome panel on a database without a committee, else a summary of
the institution and its committees."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.ui.labels import display_name, other_name, profile_name, profile_title
from app.ui.overview import CommitteeSummary, InstitutionSummary
from app.ui.pages.base import PAGE_MARGINS, PageContext, heading_font, named, secondary_label
from app.ui.pages.welcome import WelcomePanel


def _value(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class CommitteeCard(QFrame):
    """One committee: its names, profile and seats; a button to work with it."""

    chosen = Signal(int)

    def __init__(
        self, committee: CommitteeSummary, lang: str, current: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"committee_card_{committee.id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.committee_id = committee.id
        title = QLabel(display_name(committee.name_zh, committee.name_en, lang))
        title.setObjectName("title")
        title.setFont(heading_font(self.font(), 1.2))
        title.setWordWrap(True)
        title.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(6)
        layout.addWidget(title)
        second = other_name(committee.name_zh, committee.name_en, lang)
        if second:
            layout.addWidget(secondary_label(second))
        facts = QFormLayout()
        facts.setContentsMargins(0, 6, 0, 6)
        if committee.profile_id is None:
            facts.addRow(self.tr("Regulatory profile"), _value(self.tr("none in force today")))
        else:
            profile = _value(profile_name(committee.profile_id))
            profile.setToolTip(f"{profile_title(committee.profile_id)} ({committee.profile_id})")
            facts.addRow(self.tr("Regulatory profile"), profile)
            facts.addRow(self.tr("In force since"), _value(str(committee.profile_since)))
        facts.addRow(self.tr("Voting members"), _value(str(committee.voting_members)))
        facts.addRow(self.tr("Other seats"), _value(str(committee.other_seats)))
        layout.addLayout(facts)
        layout.addStretch(1)
        if current:
            note = secondary_label(self.tr("The window works with this committee."))
            note.setObjectName("current")
            layout.addWidget(note)
        else:
            button = named(QPushButton(self.tr("Work with this committee")), "choose")
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda: self.chosen.emit(self.committee_id))
            layout.addWidget(button)


class SummaryPanel(QScrollArea):
    """Institutions with their committees, as cards."""

    committee_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.viewport().setBackgroundRole(QPalette.ColorRole.Base)
        self._content: QWidget | None = None

    def refresh(self, context: PageContext) -> None:
        content = named(QWidget(), "summary")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.setSpacing(10)
        for institution in context.overview.institutions:
            self._add_institution(layout, institution, context)
            layout.addSpacing(18)
        layout.addStretch(1)
        self.setWidget(content)  # the old content is deleted by the scroll area
        self._content = content

    def _add_institution(
        self, layout: QVBoxLayout, institution: InstitutionSummary, context: PageContext
    ) -> None:
        name = QLabel(
            display_name(institution.name_zh, institution.name_en, context.lang),
        )
        name.setObjectName("institution")
        name.setFont(heading_font(self.font(), 1.6))
        name.setWordWrap(True)
        name.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(name)
        second = other_name(institution.name_zh, institution.name_en, context.lang)
        if second:
            layout.addWidget(secondary_label(second))
        if not institution.committees:
            layout.addWidget(QLabel(self.tr("No committee is set up for this institution.")))
            return
        count = len(institution.committees)
        layout.addWidget(
            QLabel(
                self.tr("Committees: {count}").format(count=count)
                if count > 1
                else self.tr("One committee.")
            )
        )
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(16)
        for index, committee in enumerate(institution.committees):
            current = context.committee is not None and committee.id == context.committee.id
            card = CommitteeCard(committee, context.lang, current)
            card.chosen.connect(self.committee_chosen)
            grid.addWidget(card, index // 2, index % 2)  # cards in a row share a height
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)


class DashboardPage(QWidget):
    committee_created = Signal(int)
    demo_built = Signal()
    committee_chosen = Signal(int)

    def __init__(
        self, db: Database, today: Callable[[], date], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.welcome = WelcomePanel(db, today)
        self.summary = SummaryPanel()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.welcome.committee_created.connect(self.committee_created)
        self.welcome.demo_built.connect(self.demo_built)
        self.summary.committee_chosen.connect(self.committee_chosen)

    def refresh(self, context: PageContext) -> None:
        if context.overview.committees:
            self.summary.refresh(context)
            self.stack.setCurrentWidget(self.summary)
        else:
            self.stack.setCurrentWidget(self.welcome)

    def showing_welcome(self) -> bool:
        return self.stack.currentWidget() is self.welcome
