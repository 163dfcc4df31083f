"""The dashboard: the welcome panel on a database without a committee, else a summary of
the institution and its committees — each with whether it complies today and from which day
within the expiry window that changes — and what of the current committee expires within
that window (terms, training, declarations)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.domain.seats import EXPIRY_WINDOW_DAYS
from app.domain.vocabulary import DECLARATION_KINDS, ROLES
from app.errors import UserError
from app.services.composition import ComplianceOutlook
from app.services.expiries import Expiry, expiring
from app.services.queries.overview import CommitteeSummary, InstitutionSummary
from app.ui.i18n import error_text
from app.ui.labels import display_name, other_name, profile_name, profile_title
from app.ui.pages.base import PAGE_MARGINS, PageContext, heading_font, named, secondary_label
from app.ui.pages.welcome import WelcomePanel
from app.ui.table_model import ListModel
from app.ui.vocabulary import in_sentence, name
from app.ui.widgets import FAIL_COLOUR, PASS_COLOUR, WARNING_COLOUR, status_icon

log = logging.getLogger(__name__)

EXPIRED_TEXT = QColor("#b42318")
MAX_RULES_SHOWN = 3  # failing rules listed on a card; more are counted


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
        if committee.outlook is not None and committee.outlook.compliant is not None:
            layout.addWidget(ComplianceLine(committee.outlook, lang))
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


class ComplianceLine(QWidget):
    """Whether the committee complies today and from which day that changes, with the
    rules that fail: "Not compliant" / "Not compliant from D", never colour alone."""

    def __init__(
        self, outlook: ComplianceOutlook, lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("compliance")
        self.outlook = outlook
        mark = named(QLabel(), "compliance_mark")
        # Compliant throughout: a tick; compliant today but not from a day ahead: a warning;
        # not compliant today: a cross.
        if not outlook.compliant:
            self.state, colour = "fail", FAIL_COLOUR
        elif outlook.changes_on is not None:
            self.state, colour = "warning", WARNING_COLOUR
        else:
            self.state, colour = "pass", PASS_COLOUR
        mark.setPixmap(status_icon(self.state).pixmap(18, 18))
        self.text = named(QLabel(self.describe(outlook, lang)), "compliance_text")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setStyleSheet(f"color: {colour};")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 4, 0, 0)
        row.addWidget(mark, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.text, 1)

    def _rules(self, findings: Sequence[Any], lang: str) -> str:
        lines = [
            self.tr("• {requirement} ({rule})").format(requirement=f.message_in(lang), rule=f.rule)
            for f in findings[:MAX_RULES_SHOWN]
        ]
        if len(findings) > MAX_RULES_SHOWN:
            lines.append(
                self.tr("• and {count} more").format(count=len(findings) - MAX_RULES_SHOWN)
            )
        return "\n".join(lines)

    def describe(self, outlook: ComplianceOutlook, lang: str) -> str:
        day = outlook.changes_on.isoformat() if outlook.changes_on else ""
        if outlook.compliant:
            if outlook.changes_on is None:
                return self.tr("Compliant today and for the next {days} days.").format(
                    days=outlook.window
                )
            return (
                self.tr("Compliant today; not compliant from {date}:").format(date=day)
                + "\n"
                + self._rules(outlook.failing_then, lang)
            )
        text = self.tr("Not compliant:") + "\n" + self._rules(outlook.failing, lang)
        if outlook.changes_on is not None:
            text += "\n" + self.tr("Compliant from {date}.").format(date=day)
        return text


class ExpiryModel(ListModel):
    """What expires soon, soonest first (as ``expiring`` sorts it); expired rows in red."""

    COL_DATE, COL_WHEN, COL_PERSON, COL_WHAT = range(4)

    def __init__(self, today: date, parent: Any = None) -> None:
        super().__init__(parent)
        self._today = today

    def set_expiries(self, expiries: Sequence[Expiry], today: date) -> None:
        self._today = today
        self.set_rows(expiries)

    def expiry(self, row: int) -> Expiry:
        return self._rows[row]

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Date"), self.tr("When"), self.tr("Person"), self.tr("What"))

    def row_id(self, row: Expiry) -> Any:
        return (row.kind, row.record_id)

    def what(self, expiry: Expiry) -> str:
        if expiry.kind == "term":
            return self.tr("Term of office as {role}").format(role=in_sentence(ROLES, expiry.label))
        if expiry.kind == "training":
            return self.tr("Training: {course}").format(course=expiry.label)
        return name(DECLARATION_KINDS, expiry.label)

    def when(self, expiry: Expiry) -> str:
        days = (expiry.date - self._today).days
        if days < -1:
            return self.tr("expired {days} days ago").format(days=-days)
        if days == -1:
            return self.tr("expired yesterday")
        if days == 0:
            return self.tr("expires today")
        if days == 1:
            return self.tr("tomorrow")
        return self.tr("in {days} days").format(days=days)

    def display(self, expiry: Expiry, column: int) -> str:
        if column == self.COL_DATE:
            return expiry.date.isoformat()
        if column == self.COL_WHEN:
            return self.when(expiry)
        if column == self.COL_PERSON:
            return expiry.person_name
        return self.what(expiry)

    def tooltip(self, expiry: Expiry, column: int) -> str | None:
        return self.display(expiry, column)

    def sort_key(self, expiry: Expiry, column: int) -> Any:
        return (
            expiry.date,
            (expiry.date - self._today).days,
            expiry.person_name,
            self.what(expiry),
        )[column]

    def foreground(self, expiry: Expiry, column: int) -> Any:
        return QBrush(EXPIRED_TEXT) if expiry.expired else None


class ExpiriesSection(QWidget):
    """ "Expiring within 90 days" for the current committee: a table, or a calm line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = named(
            QLabel(self.tr("Expiring within {days} days").format(days=EXPIRY_WINDOW_DAYS)),
            "expiries_heading",
        )
        self.heading.setFont(heading_font(self.font(), 1.2))
        self.about = secondary_label()
        self.about.setObjectName("expiries_about")
        self.model = ExpiryModel(date.min, self)
        self.table = named(QTableView(), "expiries")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
        self.empty = named(QLabel(), "expiries_empty")
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.about)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)

    def show_expiries(self, committee: str, expiries: Sequence[Expiry], today: date) -> None:
        self.model.set_expiries(expiries, today)
        self.about.setText(
            self.tr(
                "Terms of office, training and declarations of {committee} that run out by "
                "{date}, soonest first; those already run out are marked."
            ).format(committee=committee, date=_plus_days(today))
        )
        has_rows = bool(expiries)
        self.about.setVisible(has_rows)
        self.table.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        self.empty.setText(
            self.tr(
                "Nothing expires in the next {days} days: every term, training record and "
                "declaration on file runs beyond {date}."
            ).format(days=EXPIRY_WINDOW_DAYS, date=_plus_days(today))
        )
        if has_rows:
            self.table.resizeColumnsToContents()
            for column in range(self.model.columnCount() - 1):
                self.table.setColumnWidth(column, self.table.columnWidth(column) + 28)
            shown = min(len(expiries), 12)  # beyond a dozen rows the table scrolls
            height = (
                self.table.horizontalHeader().sizeHint().height()
                + shown * self.table.verticalHeader().defaultSectionSize()
                + 2 * self.table.frameWidth()
            )
            self.table.setFixedHeight(height)

    def show_unavailable(self, reason: str) -> None:
        self.model.set_expiries([], date.min)
        self.about.setText("")
        self.table.hide()
        self.empty.setText(reason)
        self.empty.show()


def _plus_days(today: date) -> str:
    return (today + timedelta(days=EXPIRY_WINDOW_DAYS)).isoformat()


class SummaryPanel(QScrollArea):
    """Institutions with their committees, as cards."""

    committee_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.viewport().setBackgroundRole(QPalette.ColorRole.Base)
        self._content: QWidget | None = None

    def refresh(self, context: PageContext, expiries: ExpiriesSection | None = None) -> None:
        content = named(QWidget(), "summary")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.setSpacing(10)
        for institution in context.overview.institutions:
            self._add_institution(layout, institution, context)
            layout.addSpacing(18)
        if expiries is not None:
            layout.addWidget(expiries)
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

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.welcome = WelcomePanel(ctx)
        self.summary = SummaryPanel()
        self.expiries = ExpiriesSection()
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
            # the section moves into the summary's new content; keep it out of the old one,
            # which the scroll area deletes
            self.expiries.setParent(None)
            self._refresh_expiries(context)
            self.summary.refresh(context, self.expiries if context.committee else None)
            self.stack.setCurrentWidget(self.summary)
        else:
            self.stack.setCurrentWidget(self.welcome)

    def showing_welcome(self) -> bool:
        return self.stack.currentWidget() is self.welcome

    def _refresh_expiries(self, context: PageContext) -> None:
        committee = context.committee
        if committee is None:
            return
        today = self.ctx.today()
        shown = display_name(committee.name_zh, committee.name_en, context.lang)
        try:
            found = self.ctx.read(expiring, committee.id, today, EXPIRY_WINDOW_DAYS)
        except UserError as exc:
            log.warning("reading what expires failed: %s", exc)
            self.expiries.show_unavailable(
                self.tr("What expires soon cannot be read just now: {reason}").format(
                    reason=error_text(exc)
                )
            )
            return
        self.expiries.show_expiries(shown, found, today)
