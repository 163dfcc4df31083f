"""The roster table: one row per membership of a committee, read in pages of SQL.

``RosterModel`` is a ``PagedModel`` over ``app.services.queries.roster``: the search, the
role and status filters and the sort by any column are the query's, so they see every
membership, not only the pages read so far. Rows are the read model's frozen
``RosterRow`` values; this module only says how they look.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QBrush, QColor

from app.context import AppContext
from app.domain.vocabulary import DECLARATION_KINDS, EXPERTISE, FIELDS, GENDERS, ROLES
from app.services.queries.roster import (
    SORTS,
    STATUSES,
    RosterQuery,
    RosterRow,
    count_roster,
    find_membership,
    roster_page,
)
from app.ui.table_model import ID_ROLE, ROW_ROLE, SORT_ROLE, PagedModel
from app.ui.vocabulary import field_name, in_sentence, name, separator
from app.ui.widgets import MUTED_COLOUR, status_icon

PAGE_SIZE = 100

COL_NAME = 0
COL_ROLES = 1
COL_EXPERTISE = 2
COL_AFFILIATION = 3
COL_GENDER = 4
COL_PROFESSION = 5
COL_TERM = 6
COL_TRAINING = 7
COL_DECLARATIONS = 8
COLUMN_COUNT = 9

# The read model's sort for each column: its sorts after the default, in column order.
COLUMN_SORTS = SORTS[1:]
assert len(COLUMN_SORTS) == COLUMN_COUNT
MEMBERSHIP_ID_ROLE = ID_ROLE
__all__ = ["MEMBERSHIP_ID_ROLE", "ROW_ROLE", "SORT_ROLE", "RosterModel", "RosterRow"]


# --- texts ------------------------------------------------------------------------------


def roles_text(row: RosterRow) -> str:
    parts = []
    for role in row.roles:
        if role == "alternate" and row.alternate_for:
            parts.append(
                QCoreApplication.translate("RosterModel", "Alternate ({name})").format(
                    name=row.alternate_for
                )
            )
        else:
            parts.append(name(ROLES, role))
    text = separator().join(parts)
    if not row.voting and set(row.roles) != {"secretary"} and "alternate" not in row.roles:
        text = QCoreApplication.translate("RosterModel", "{roles} (non-voting)").format(roles=text)
    return text


def term_text(row: RosterRow) -> str:
    start = row.term_start.isoformat()
    if row.ended:
        assert row.ended_on is not None
        return QCoreApplication.translate("RosterModel", "{start} – {end}, ended").format(
            start=start, end=row.ended_on.isoformat()
        )
    if row.term_end is None:
        return QCoreApplication.translate("RosterModel", "from {start}").format(start=start)
    return f"{start} – {row.term_end.isoformat()}"


def profession_text(row: RosterRow) -> str:
    return " · ".join(part for part in (row.title, row.profession) if part)


def training_text(row: RosterRow) -> str:
    """Short, for the cell: the latest expiry (the mark beside it says valid, expiring or
    expired), "None" or "No expiry"."""
    if row.training_state == "none":
        return QCoreApplication.translate("RosterModel", "None")
    if row.training_expiry is None:
        return QCoreApplication.translate("RosterModel", "No expiry")
    return row.training_expiry.isoformat()


def training_tooltip(row: RosterRow) -> str:
    expiry = row.training_expiry.isoformat() if row.training_expiry else ""
    if row.training_state == "none":
        return QCoreApplication.translate("RosterModel", "No training is recorded.")
    if row.training_state == "expired":
        return QCoreApplication.translate("RosterModel", "Training expired on {date}.").format(
            date=expiry
        )
    if row.training_state == "expiring":
        assert row.training_expiry is not None
        days = (row.training_expiry - row.day).days
        return QCoreApplication.translate(
            "RosterModel", "Training expires on {date}, in {days} days."
        ).format(date=expiry, days=days)
    if row.training_expiry is None:
        return QCoreApplication.translate("RosterModel", "Training is valid and does not expire.")
    return QCoreApplication.translate("RosterModel", "Training is valid to {date}.").format(
        date=expiry
    )


def declarations_text(row: RosterRow) -> str:
    """Short, for the cell: which standing declarations are missing, if any."""
    missing = [k for k in DECLARATION_KINDS if k not in row.declarations]
    if not missing:
        return QCoreApplication.translate("RosterModel", "On file")
    if len(missing) == len(DECLARATION_KINDS):
        return QCoreApplication.translate("RosterModel", "None")
    if missing == ["conflict_of_interest"]:
        return QCoreApplication.translate("RosterModel", "No COI")
    return QCoreApplication.translate("RosterModel", "No confid.")


def declarations_tooltip(row: RosterRow) -> str:
    lines = []
    for kind in DECLARATION_KINDS:
        declaration = name(DECLARATION_KINDS, kind)
        if kind in row.declarations:
            text = QCoreApplication.translate("RosterModel", "{declaration}: on file")
        else:
            text = QCoreApplication.translate("RosterModel", "{declaration}: missing")
        lines.append(text.format(declaration=declaration))
    return "\n".join(lines)


_MARKS = {"none": "fail", "expired": "fail", "expiring": "warning", "valid": "pass"}


# --- the model ---------------------------------------------------------------------------


class RosterModel(PagedModel):
    """The memberships of one committee, ``PAGE_SIZE`` at a time, judged on ``day``.

    Current seats only, unless ``show_history`` adds the ended ones (after them); ``status``
    narrows history to ``current`` or ``ended``, ``role`` to one role, ``search`` to the
    rows every word of which matches. Each change reads again from the first page.
    """

    STATUSES = STATUSES

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.committee_id: int | None = None
        self.day = ctx.today()
        self.show_history = False
        self.status = "all"
        self.role: str | None = None
        self.search = ""
        self.page_size = PAGE_SIZE
        self._texts: dict[int, tuple[str, ...]] = {}
        self._muted = QBrush(QColor(MUTED_COLOUR))

    # --- the query ----------------------------------------------------------------------

    def query(self) -> RosterQuery:
        assert self.committee_id is not None
        return RosterQuery(
            committee_id=self.committee_id,
            day=self.day,
            history=self.show_history,
            status=self.status if self.show_history else "all",
            role=self.role,
            search=self.search,
            sort=self.current_sort(),
            descending=self.descending,
        )

    def can_load(self) -> bool:
        return self.committee_id is not None

    def count(self) -> int:
        return self.ctx.read(count_roster, self.query())

    def fetch_page(self, after: Any, limit: int) -> tuple[Sequence[RosterRow], Any]:
        page = self.ctx.read(roster_page, self.query(), after_key=after, limit=limit)
        for row in page.rows:
            self._texts[row.membership_id] = tuple(
                self._display(row, c) for c in range(COLUMN_COUNT)
            )
        return page.rows, page.next_after

    def sort_name(self, column: int) -> str | None:
        return COLUMN_SORTS[column] if 0 <= column < COLUMN_COUNT else None

    def load(self, committee_id: int | None, day: date, *, show_history: bool | None = None):
        """Read the committee's roster again from its first page (None: empty)."""
        self.committee_id = committee_id
        self.day = day
        if show_history is not None:
            self.show_history = show_history
        self.reload()

    def reload(self) -> None:
        self._texts = {}
        super().reload()

    def set_show_history(self, show: bool) -> None:
        if show != self.show_history:
            self.show_history = show
            if not show:
                self.status = "all"
            self.reload()

    def set_status(self, status: str) -> None:
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        if status != self.status:
            self.status = status
            self.reload()

    def set_role(self, role: str | None) -> None:
        if role != self.role:
            self.role = role
            self.reload()

    def set_search(self, text: str) -> None:
        words = " ".join(text.split())
        if words != self.search:
            self.search = words
            self.reload()

    def position_of(self, membership_id: int) -> int | None:
        """Where ``membership_id`` stands in the query's order (read or not), or None."""
        if self.committee_id is None:
            return None
        return self.ctx.read(find_membership, self.query(), membership_id)

    def row_of_membership(self, membership_id: int) -> int | None:
        """The model row of ``membership_id``, reading pages until it is reached."""
        position = self.position_of(membership_id)
        if position is None:
            return None
        while len(self._rows) <= position and self.canFetchMore():
            self.fetchMore()
        return self.row_of(membership_id)

    def text(self, number: int, column: int) -> str:
        """The text shown in a cell."""
        return self._texts[self._rows[number].membership_id][column]

    def has_mark(self, number: int, column: int) -> bool:
        return self.decoration(self._rows[number], column) is not None

    # --- how a row looks ------------------------------------------------------------------

    def row_id(self, row: RosterRow) -> int:
        return row.membership_id

    def headers(self) -> tuple[str, ...]:
        return (
            field_name("name"),
            field_name("roles"),
            field_name("expertise"),
            field_name("affiliation"),
            field_name("gender"),
            f"{field_name('title')} / {in_sentence(FIELDS, 'profession')}",
            field_name("term"),
            field_name("training"),
            field_name("declarations"),
        )

    def header_tooltip(self, section: int) -> str | None:
        if section == COL_DECLARATIONS:
            return self.tr("Standing confidentiality and conflict-of-interest declarations")
        return None

    def display(self, row: RosterRow, column: int) -> str:
        texts = self._texts.get(row.membership_id)
        return texts[column] if texts is not None else self._display(row, column)

    def _display(self, row: RosterRow, column: int) -> str:
        if column == COL_NAME:
            return row.name_zh  # the name the committee's documents use
        if column == COL_ROLES:
            return roles_text(row)
        if column == COL_EXPERTISE:
            return separator().join(name(EXPERTISE, c) for c in row.expertise)
        if column == COL_AFFILIATION:
            return self.tr("Affiliated") if row.affiliated else self.tr("External")
        if column == COL_GENDER:
            return name(GENDERS, row.gender)
        if column == COL_PROFESSION:
            return profession_text(row)
        if column == COL_TERM:
            return term_text(row)
        if column == COL_TRAINING:
            return training_text(row)
        if column == COL_DECLARATIONS:
            return declarations_text(row)
        return ""

    def sort_key(self, row: RosterRow, column: int) -> Any:
        if column == COL_TERM:
            return (row.term_end or date.max, row.term_start)
        if column == COL_TRAINING:
            return (row.training_state, row.training_expiry or date.max)
        return self.display(row, column)

    def foreground(self, row: RosterRow, column: int) -> Any:
        return self._muted if row.ended else None

    def decoration(self, row: RosterRow, column: int) -> Any:
        if column == COL_TRAINING:
            return status_icon(_MARKS[row.training_state])
        if column == COL_DECLARATIONS:
            held = len(row.declarations)
            mark = "pass" if held == len(DECLARATION_KINDS) else "warning" if held else "fail"
            return status_icon(mark)
        if column == COL_TERM:
            state = row.term_state
            if state == "expired":
                return status_icon("fail")
            if state == "expiring":
                return status_icon("warning")
            if state == "ended":
                return status_icon("none")
        return None

    def tooltip(self, row: RosterRow, column: int) -> str | None:
        if column == COL_NAME:
            lines = [row.name_zh] + ([row.name_en] if row.name_en else [])
            if row.employer:
                lines.append(row.employer)
            return "\n".join(lines)
        if column == COL_TERM:
            return self._term_tooltip(row)
        if column == COL_TRAINING:
            return training_tooltip(row)
        if column == COL_DECLARATIONS:
            return declarations_tooltip(row)
        if column == COL_ROLES and row.alternate_for:
            return QCoreApplication.translate("RosterModel", "Alternate for {name}").format(
                name=row.alternate_for
            )
        if column in (COL_PROFESSION, COL_EXPERTISE, COL_ROLES):
            return self.display(row, column)
        return None

    def _term_tooltip(self, row: RosterRow) -> str | None:
        state = row.term_state
        if state == "ended":
            assert row.ended_on is not None
            text = self.tr("Ended on {date}").format(date=row.ended_on.isoformat())
            if row.end_reason:
                text += self.tr(": {reason}").format(reason=row.end_reason)
            return text
        if state == "expired":
            assert row.term_end is not None
            return self.tr("The term ran out on {date}; end the membership or renew it.").format(
                date=row.term_end.isoformat()
            )
        if state == "expiring":
            assert row.term_end is not None
            days = (row.term_end - row.day).days
            return self.tr("The term ends in {days} days").format(days=days)
        return None

    def membership_id(self, row: int) -> int | None:
        return self._rows[row].membership_id if 0 <= row < len(self._rows) else None
