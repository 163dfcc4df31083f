"""The composition panel beside the roster: is the committee lawful on a date?

One row per finding of ``app.services.composition.check_composition`` with a drawn mark and
a word (pass, fails, warning: never colour alone), the message, and the citation and
evidence on hover; a click shows the rule, its citation, the quote and the evidence level in
the detail area below. The "as of" date starts at today, or at the next planned meeting, and
every change of it evaluates again. SOP relaxations are shown beside the rule they relax.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from html import escape
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QItemSelection,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.domain.vocabulary import EVIDENCE
from app.errors import UserError
from app.rules.evaluate import Finding, RosterResult
from app.rules.profiles import ProfileError, Rule, load_profile
from app.rules.sop import Relaxation
from app.services.composition import check_composition, next_meeting_date
from app.ui.i18n import error_text
from app.ui.labels import profile_name
from app.ui.pages.base import heading_font, named, secondary_label
from app.ui.table_model import ListModel
from app.ui.vocabulary import in_sentence, sop_value_text
from app.ui.widgets import (
    FAIL_COLOUR,
    MUTED_COLOUR,
    PASS_COLOUR,
    WARNING_COLOUR,
    status_icon,
)

COL_STATUS = 0
COL_FINDING = 1
COLUMN_COUNT = 2

FINDING_ROLE = Qt.ItemDataRole.UserRole + 11  # the Finding
MEMBER_ROLE = Qt.ItemDataRole.UserRole + 12  # the membership id of a per-member finding

Parent = QModelIndex | QPersistentModelIndex


def finding_mark(finding: Finding) -> str:
    """``pass``, ``fail`` (an error that fails) or ``warning`` (a warning that fails)."""
    if finding.ok:
        return "pass"
    return "fail" if finding.severity == "error" else "warning"


def _rank(finding: Finding) -> int:
    return {"fail": 0, "warning": 1, "pass": 2}[finding_mark(finding)]


@dataclass(frozen=True)
class FindingRow:
    """A finding as the panel lists it: rendered once in the panel's language."""

    finding: Finding
    message: str
    citation: str


class FindingsModel(ListModel):
    """The findings of one evaluation: failing errors first, then failing warnings, then
    what passes, each group in the profile's order. The per-member findings that pass (one
    per member and check: many rows saying "this term runs to …") are folded away unless
    ``show_member_passes``; failing ones always show."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[FindingRow] = []
        self._relaxed: dict[str, list[Relaxation]] = {}
        self._show_member_passes = False

    def set_result(self, result: RosterResult | None, lang: str = "en") -> None:
        """Show ``result``'s findings, rendered once in ``lang``."""
        findings = sorted(result.findings, key=_rank) if result is not None else []
        self._all = [FindingRow(f, f.message_in(lang), f.citation_in(lang)) for f in findings]
        self._relaxed = {}
        for relaxation in result.relaxations if result is not None else ():
            self._relaxed.setdefault(relaxation.rule.id, []).append(relaxation)
        self._show()

    @property
    def show_member_passes(self) -> bool:
        return self._show_member_passes

    def set_show_member_passes(self, show: bool) -> None:
        if show != self._show_member_passes:
            self._show_member_passes = show
            self._show()

    def _show(self) -> None:
        self.set_rows(
            [
                r
                for r in self._all
                if self._show_member_passes or r.finding.member is None or not r.finding.ok
            ]
        )

    @property
    def total(self) -> int:
        """Every finding, folded ones included."""
        return len(self._all)

    def finding(self, row: int) -> Finding:
        return self._rows[row].finding

    def findings(self) -> list[Finding]:
        """The findings shown, in order."""
        return [r.finding for r in self._rows]

    def relaxations_of(self, finding: Finding) -> list[Relaxation]:
        return self._relaxed.get(finding.rule, [])

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Status"), self.tr("Requirement and finding"))

    def row_id(self, row: FindingRow) -> Any:
        return (row.finding.check, row.finding.member)

    def status_text(self, finding: Finding) -> str:
        mark = finding_mark(finding)
        text = {
            "pass": self.tr("Pass"),
            "fail": self.tr("Fails"),
            "warning": self.tr("Warning"),
        }[mark]
        if self.relaxations_of(finding):
            text = self.tr("{status}, SOP").format(status=text)
        return text

    def display(self, row: FindingRow, column: int) -> str:
        return self.status_text(row.finding) if column == COL_STATUS else row.message

    def sort_key(self, row: FindingRow, column: int) -> Any:
        return _rank(row.finding)

    def decoration(self, row: FindingRow, column: int) -> Any:
        return status_icon(finding_mark(row.finding)) if column == COL_STATUS else None

    def tooltip(self, row: FindingRow, column: int) -> str | None:
        finding = row.finding
        lines = [
            row.citation,
            self.tr("Evidence: {level}").format(level=in_sentence(EVIDENCE, finding.evidence)),
        ]
        if finding.evidence == "unverified":
            lines.append(self.tr("Check against the official text."))
        for relaxation in self.relaxations_of(finding):
            lines.append(relaxation_text(relaxation))
        return "\n".join(line for line in lines if line)

    def data(self, index: Parent, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == FINDING_ROLE and index.isValid() and 0 <= index.row() < len(self._rows):
            return self._rows[index.row()].finding
        if role == MEMBER_ROLE and index.isValid() and 0 <= index.row() < len(self._rows):
            member = self._rows[index.row()].finding.member
            return int(member) if member is not None else None
        return super().data(index, role)


def relaxation_text(relaxation: Relaxation) -> str:
    return QCoreApplication.translate(
        "CompositionPanel", "The SOP relaxes this rule: {value} (the profile: {profile_value})"
    ).format(
        value=sop_value_text(relaxation.override, relaxation.value),
        profile_value=sop_value_text(relaxation.override, relaxation.profile_value),
    )


class FindingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped message at the column's real width (the default size
    hint measures a little wider than it paints, which elides the last word). Heights are
    kept per text and width: the rows are fitted again on every resize."""

    def __init__(self, parent: QTableView) -> None:
        super().__init__(parent)
        self._heights: dict[tuple[str, int], int] = {}

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        view = self.parent()
        if index.column() != COL_FINDING or not isinstance(view, QTableView):
            return super().sizeHint(option, index)
        # The viewport's width, not the column's: a stretched column is resized after the
        # view, so its width lags one resize behind.
        width = max(40, view.viewport().width() - view.columnWidth(COL_STATUS) - 14)
        text = str(index.data() or "")
        key = (text, width)
        height = self._heights.get(key)
        if height is None:
            bounds = option.fontMetrics.boundingRect(
                QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), text
            )
            height = max(option.fontMetrics.height(), bounds.height()) + 8
            if len(self._heights) > 2000:
                self._heights.clear()
            self._heights[key] = height
        return QSize(width, height)


class FindingsTable(QTableView):
    """Fits its rows again whenever its width changes."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resizeRowsToContents()


class CompositionPanel(QWidget):
    """The live composition check of one committee on an "as of" date."""

    evaluated = Signal(object)  # the RosterResult, or None when it could not be evaluated

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.committee_id: int | None = None
        self.lang = "en"
        self.result: RosterResult | None = None
        self.next_meeting: date | None = None
        self._rules: dict[tuple[str, str], Rule] = {}
        self.preferred_width = 320

        self.title = named(QLabel(self.tr("Composition")), "composition_title")
        self.title.setFont(heading_font(self.font(), 1.2))
        self.as_of_label = QLabel(self.tr("As of"))
        self.as_of = named(QDateEdit(), "as_of")
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.as_of_label.setBuddy(self.as_of)
        self.today_button = named(QPushButton(self.tr("Today")), "as_of_today")
        self.today_button.setToolTip(self.tr("Check the committee as it is today"))
        self.meeting_button = named(QPushButton(self.tr("Next meeting")), "as_of_meeting")
        self.as_of_hint = named(secondary_label(), "as_of_hint")

        self.summary_mark = QLabel()
        self.summary = named(QLabel(), "composition_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)

        self.model = FindingsModel(self)
        self.table = named(FindingsTable(), "findings")
        self.table.setModel(self.model)
        self.table.setItemDelegate(FindingDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_STATUS, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_FINDING, QHeaderView.ResizeMode.Stretch)
        self.show_member_passes = named(
            QCheckBox(self.tr("Show every member's passing term checks")), "show_member_passes"
        )

        self.relaxations = named(QLabel(), "relaxations")
        self.relaxations.setWordWrap(True)
        self.relaxations.setTextFormat(Qt.TextFormat.PlainText)
        self.relaxations.hide()

        self.detail = named(QTextBrowser(), "finding_detail")
        self.detail.setOpenLinks(False)
        self.detail.setFrameShape(QFrame.Shape.StyledPanel)
        self.detail.setMinimumHeight(90)
        self.detail.setMaximumHeight(170)

        date_row = QHBoxLayout()
        date_row.setSpacing(6)
        date_row.addWidget(self.as_of_label)
        date_row.addWidget(self.as_of)
        date_row.addWidget(self.today_button)
        date_row.addWidget(self.meeting_button)
        date_row.addStretch(1)
        summary_row = QHBoxLayout()
        summary_row.addWidget(self.summary_mark, 0, Qt.AlignmentFlag.AlignTop)
        summary_row.addWidget(self.summary, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 4, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addLayout(date_row)
        layout.addWidget(self.as_of_hint)
        layout.addLayout(summary_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.show_member_passes)
        layout.addWidget(self.relaxations)
        layout.addWidget(self.detail)

        self.as_of.dateChanged.connect(self._date_changed)
        self.today_button.clicked.connect(lambda: self.set_as_of(self.ctx.today()))
        self.meeting_button.clicked.connect(self._to_meeting)
        self.show_member_passes.toggled.connect(self._show_member_passes)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.clicked.connect(self._show_detail)

    def sizeHint(self) -> QSize:
        return QSize(self.preferred_width, super().sizeHint().height())

    # --- public ---------------------------------------------------------------------------

    def as_of_date(self) -> date:
        return self.as_of.date().toPython()  # type: ignore[no-any-return]

    def set_committee(self, committee_id: int | None, lang: str, *, keep_date: bool) -> None:
        """Work with ``committee_id``; the "as of" date goes back to its default (the next
        planned meeting, else today) unless ``keep_date``."""
        self.committee_id = committee_id
        self.lang = lang
        today = self.ctx.today()
        self.next_meeting = None
        if committee_id is not None:
            self.next_meeting = self.ctx.read(next_meeting_date, committee_id, today)
        self.meeting_button.setVisible(self.next_meeting is not None)
        if self.next_meeting is not None:
            self.as_of_hint.setText(
                self.tr("Next meeting: {date}").format(date=self.next_meeting.isoformat())
            )
        else:
            self.as_of_hint.setText(self.tr("No meeting is planned."))
        if keep_date:
            self.evaluate()
        else:
            self.set_as_of(self.next_meeting or today, force=True)

    def set_as_of(self, day: date, *, force: bool = False) -> None:
        if day == self.as_of_date() and not force:
            return
        self.as_of.blockSignals(True)
        self.as_of.setDate(QDate(day))
        self.as_of.blockSignals(False)
        self.evaluate()

    def evaluate(self) -> None:
        """Check the committee again on the "as of" date and show the findings."""
        result: RosterResult | None = None
        problem = ""
        if self.committee_id is not None:
            try:
                result = self.ctx.read(check_composition, self.committee_id, self.as_of_date())
            except UserError as exc:  # no profile, or a broken profile file
                problem = error_text(exc)
        self.result = result
        self._rules = self._profile_rules(result)
        self.model.set_result(result, self.lang)
        self._fit_rows()
        self._show_summary(result, problem)
        self._show_relaxations(result)
        self._show_detail_hint()
        self.evaluated.emit(result)

    def visible_findings(self) -> list[Finding]:
        return self.model.findings()

    def select_check(self, check: str, member: str | None = None) -> bool:
        """Select (as a click does) the first row of ``check``; False when none shows."""
        for row in range(self.model.rowCount()):
            finding = self.model.finding(row)
            if finding.check == check and (member is None or finding.member == member):
                index = self.model.index(row, COL_FINDING)
                self.table.setCurrentIndex(index)
                self._show_detail(index)
                return True
        return False

    # --- internals -----------------------------------------------------------------------

    def _profile_rules(self, result: RosterResult | None) -> dict[tuple[str, str], Rule]:
        if result is None:
            return {}
        try:
            profile = load_profile(result.profile)
        except ProfileError:
            return {}
        return {(r.id, r.vocabulary_check): r for r in profile.composition}

    def _date_changed(self, _day: QDate) -> None:
        self.evaluate()

    def _to_meeting(self) -> None:
        if self.next_meeting is not None:
            self.set_as_of(self.next_meeting)

    def _show_member_passes(self, show: bool) -> None:
        self.model.set_show_member_passes(show)
        self._fit_rows()

    def _fit_rows(self, *_args: object) -> None:
        self.table.resizeRowsToContents()

    def _show_summary(self, result: RosterResult | None, problem: str) -> None:
        if result is None:
            self.summary_mark.setPixmap(status_icon("none").pixmap(22, 22))
            self.summary.setText(problem or self.tr("No committee is chosen."))
            self.summary.setStyleSheet("")
            return
        failing = sum(1 for f in result.findings if not f.ok and f.severity == "error")
        warnings = sum(1 for f in result.findings if not f.ok and f.severity != "error")
        profile = profile_name(result.profile)
        day = self.as_of_date().isoformat()
        if failing:
            mark, colour = "fail", FAIL_COLOUR
            text = self.tr(
                "Not compliant with {profile} on {date}: {count} requirement(s) fail."
            ).format(profile=profile, date=day, count=failing)
        else:
            mark, colour = ("warning", WARNING_COLOUR) if warnings else ("pass", PASS_COLOUR)
            text = self.tr("Compliant with {profile} on {date}.").format(profile=profile, date=day)
        if warnings:
            text += " " + self.tr("{count} warning(s).").format(count=warnings)
        self.summary_mark.setPixmap(status_icon(mark).pixmap(22, 22))
        self.summary.setText(text)
        self.summary.setStyleSheet(f"color: {colour}; font-weight: bold;")

    def _show_relaxations(self, result: RosterResult | None) -> None:
        relaxations: Sequence[Relaxation] = result.relaxations if result is not None else ()
        if not relaxations:
            self.relaxations.hide()
            return
        lines = [self.tr("The committee's SOP departs from its profile:")]
        for relaxation in relaxations:
            lines.append(
                self.tr("• rule {rule} ({message}): {change}").format(
                    rule=relaxation.rule.id,
                    message=relaxation.rule.message.pick(self.lang).format(
                        **relaxation.rule.params
                    ),
                    change=relaxation_text(relaxation),
                )
            )
        self.relaxations.setText("\n".join(lines))
        self.relaxations.show()

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self._show_detail(indexes[0])

    def _show_detail(self, index: QModelIndex | QPersistentModelIndex) -> None:
        finding = index.data(FINDING_ROLE) if index.isValid() else None
        if not isinstance(finding, Finding):
            self._show_detail_hint()
            return
        self.detail.setHtml(self.detail_html(finding))

    def _show_detail_hint(self) -> None:
        hint = self.tr("Click a finding to see its rule, citation, quote and evidence.")
        self.detail.setHtml(f"<p style='color:{MUTED_COLOUR}'>{escape(hint)}</p>")

    def detail_html(self, finding: Finding) -> str:
        rule = self._rules.get((finding.rule, finding.check))
        if rule is None and finding.member is not None:
            rule = next((r for (rid, _c), r in self._rules.items() if rid == finding.rule), None)
        rows = [
            (self.tr("Rule"), f"{finding.rule} ({finding.check})"),
            (self.tr("Finding"), finding.message_in(self.lang)),
            (self.tr("Citation"), finding.citation_in(self.lang)),
        ]
        quote = rule.quote.pick(self.lang) if rule is not None else ""
        if quote:
            rows.append((self.tr("Quote"), f"“{quote}”"))
        rows.append((self.tr("Evidence"), in_sentence(EVIDENCE, finding.evidence)))
        html = "".join(
            f"<p style='margin:0 0 4px 0'><b>{escape(label)}:</b> {escape(value)}</p>"
            for label, value in rows
        )
        if finding.evidence == "unverified":
            html += (
                f"<p style='margin:0 0 4px 0; color:{WARNING_COLOUR}'><b>"
                + escape(self.tr("Check against the official text."))
                + "</b></p>"
            )
        model = self.model
        for relaxation in model.relaxations_of(finding):
            html += f"<p style='margin:0'>{escape(relaxation_text(relaxation))}</p>"
        return html
