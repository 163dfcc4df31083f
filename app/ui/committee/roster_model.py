"""The roster table: one row per membership of a committee, read in pages of SQL.

``load_roster_page`` turns memberships into frozen ``RosterRow`` values inside one short
session, so no ORM object reaches the model. ``RosterModel`` holds the rows read so far and
reads the next page when the view asks (``canFetchMore``/``fetchMore``).
``RosterFilterProxy`` searches and filters the rows and sorts them by the model's sort keys
(names by the Chinese collation, which is pinyin order; dates as dates).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCollator,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from app.db import Database
from app.models import (
    Declaration,
    Membership,
    MembershipExpertise,
    MembershipRole,
    Person,
    Training,
)
from app.domain.vocabulary import DECLARATION_KINDS, EXPERTISE, ROLE_PRECEDENCE
from app.ui.committee.vocabulary import (
    declaration_kind_name,
    expertise_name,
    gender_name,
    role_name,
)
from app.ui.committee.widgets import MUTED_COLOUR, status_icon
from app.ui.i18n import current_language

PAGE_SIZE = 100
EXPIRY_WARNING_DAYS = 90  # the dashboard's window: training or a term ending this soon warns

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

# Custom roles: what the proxy sorts by, and which records a row stands for.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
MEMBERSHIP_ID_ROLE = Qt.ItemDataRole.UserRole + 2
PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 3
ENDED_ROLE = Qt.ItemDataRole.UserRole + 4
ROW_ROLE = Qt.ItemDataRole.UserRole + 5  # the RosterRow itself

Parent = QModelIndex | QPersistentModelIndex

TRAINING_STATES = ("none", "expired", "expiring", "valid")  # worst first (sort order)


@dataclass(frozen=True)
class RosterRow:
    """One membership as the roster shows it; plain values read in one session."""

    membership_id: int
    person_id: int
    name_zh: str
    name_en: str
    roles: tuple[str, ...]  # in ROLE_PRECEDENCE order
    alternate_for: str  # the name of the member an alternate sits for, else ""
    expertise: tuple[str, ...]
    affiliated: bool
    voting: bool
    gender: str
    title: str
    profession: str
    employer: str
    term_start: date
    term_end: date | None
    ended_on: date | None
    end_reason: str
    training_state: str  # one of TRAINING_STATES, on the day the rows were read
    training_expiry: date | None  # the latest expiry; None when a course never expires
    declarations: frozenset[str] = field(default_factory=frozenset)  # kinds on file today
    today: date = date.min

    @property
    def ended(self) -> bool:
        return self.ended_on is not None and self.ended_on <= self.today

    @property
    def term_state(self) -> str:
        """``ended``, ``expired`` (ran out, not ended), ``expiring`` (within 90 days), ``ok``."""
        if self.ended:
            return "ended"
        if self.term_end is None:
            return "ok"
        if self.term_end < self.today:
            return "expired"
        if self.term_end <= self.today + timedelta(days=EXPIRY_WARNING_DAYS):
            return "expiring"
        return "ok"


# --- reading ----------------------------------------------------------------------------


def _ended(today: date) -> Any:
    return and_(Membership.ended_on.is_not(None), Membership.ended_on <= today)


def _roster_filter(committee_id: int, today: date, show_history: bool) -> list[Any]:
    conditions = [Membership.committee_id == committee_id]
    if not show_history:
        conditions.append(~_ended(today))
    return conditions


def count_roster(session: Session, committee_id: int, today: date, show_history: bool) -> int:
    return int(
        session.scalar(
            select(func.count())
            .select_from(Membership)
            .where(*_roster_filter(committee_id, today, show_history))
        )
        or 0
    )


def _role_rank() -> Any:
    """The membership's first role in DESIGN.md's order, as a number (chair first)."""
    rank = case({role: i for i, role in enumerate(ROLE_PRECEDENCE)}, value=MembershipRole.role)
    return (
        select(func.min(rank))
        .where(MembershipRole.membership_id == Membership.id)
        .correlate(Membership)
        .scalar_subquery()
    )


def _training_state(
    count: int, dated: int, latest: date | None, today: date
) -> tuple[str, date | None]:
    if not count:
        return "none", None
    if dated < count:  # a course without an expiry stays valid
        return "valid", None
    assert latest is not None
    if latest < today:
        return "expired", latest
    if latest <= today + timedelta(days=EXPIRY_WARNING_DAYS):
        return "expiring", latest
    return "valid", latest


def load_roster_page(
    session: Session,
    committee_id: int,
    today: date,
    *,
    show_history: bool,
    offset: int,
    limit: int,
) -> list[RosterRow]:
    """Memberships ``offset`` to ``offset + limit`` of the committee: current seats first
    (ended ones after them when ``show_history``), each in role order, then by name.

    Reads columns, not ORM objects (a page of a hundred rows in a few milliseconds):
    the seats with their people, then their roles, expertise, the names of the members
    alternates sit for, training and declarations, one query each.
    """
    seats = session.execute(
        select(
            Membership.id,
            Membership.person_id,
            Membership.affiliated,
            Membership.voting,
            Membership.term_start,
            Membership.term_end,
            Membership.ended_on,
            Membership.end_reason,
            Membership.alternate_for_id,
            Person.name_zh,
            Person.name_en,
            Person.gender,
            Person.title,
            Person.profession,
            Person.employer,
        )
        .join(Person, Person.id == Membership.person_id)
        .where(*_roster_filter(committee_id, today, show_history))
        .order_by(
            case((_ended(today), 1), else_=0),
            _role_rank(),
            Person.name_zh,
            Membership.id,
        )
        .offset(offset)
        .limit(limit)
    ).all()
    if not seats:
        return []
    ids = [seat.id for seat in seats]
    people = {seat.person_id for seat in seats}
    roles: dict[int, set[str]] = {}
    for membership_id, role in session.execute(
        select(MembershipRole.membership_id, MembershipRole.role).where(
            MembershipRole.membership_id.in_(ids)
        )
    ):
        roles.setdefault(membership_id, set()).add(role)
    expertise: dict[int, set[str]] = {}
    for membership_id, category in session.execute(
        select(MembershipExpertise.membership_id, MembershipExpertise.category).where(
            MembershipExpertise.membership_id.in_(ids)
        )
    ):
        expertise.setdefault(membership_id, set()).add(category)
    seated_for = {seat.alternate_for_id for seat in seats if seat.alternate_for_id is not None}
    alternate_names: dict[int, str] = {}
    if seated_for:
        alternate_names = {
            membership_id: name
            for membership_id, name in session.execute(
                select(Membership.id, Person.name_zh)
                .join(Person, Person.id == Membership.person_id)
                .where(Membership.id.in_(seated_for))
            )
        }
    training = {
        person_id: (count, dated, latest)
        for person_id, count, dated, latest in session.execute(
            select(
                Training.person_id,
                func.count(),
                func.count(Training.expires_on),
                func.max(Training.expires_on),
            )
            .where(Training.person_id.in_(people))
            .group_by(Training.person_id)
        )
    }
    on_file: dict[int, set[str]] = {}
    for person_id, kind in session.execute(
        select(Declaration.person_id, Declaration.kind)
        .where(
            Declaration.committee_id == committee_id,
            Declaration.person_id.in_(people),
            Declaration.scope == "standing",
            Declaration.signed_on <= today,
            or_(Declaration.valid_until.is_(None), Declaration.valid_until >= today),
        )
        .distinct()
    ):
        on_file.setdefault(person_id, set()).add(kind)
    rows = []
    for seat in seats:
        state, expiry = _training_state(*training.get(seat.person_id, (0, 0, None)), today)
        held = roles.get(seat.id, set())
        categories = expertise.get(seat.id, set())
        rows.append(
            RosterRow(
                membership_id=seat.id,
                person_id=seat.person_id,
                name_zh=seat.name_zh,
                name_en=seat.name_en,
                roles=tuple(r for r in ROLE_PRECEDENCE if r in held),
                alternate_for=alternate_names.get(seat.alternate_for_id or 0, ""),
                expertise=tuple(c for c in EXPERTISE if c in categories),
                affiliated=seat.affiliated,
                voting=seat.voting,
                gender=seat.gender,
                title=seat.title,
                profession=seat.profession,
                employer=seat.employer,
                term_start=seat.term_start,
                term_end=seat.term_end,
                ended_on=seat.ended_on,
                end_reason=seat.end_reason,
                training_state=state,
                training_expiry=expiry,
                declarations=frozenset(on_file.get(seat.person_id, ())),
                today=today,
            )
        )
    return rows


# --- texts ------------------------------------------------------------------------------


def list_separator() -> str:
    return QCoreApplication.translate("RosterModel", ", ")


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
            parts.append(role_name(role))
    text = list_separator().join(parts)
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


def name_text(row: RosterRow, lang: str) -> str:
    """The Chinese name, the one the committee's documents use (the English name, when
    there is one, is in the tooltip and in searches)."""
    return row.name_zh


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
        days = (row.training_expiry - row.today).days
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
        name = declaration_kind_name(kind)
        if kind in row.declarations:
            lines.append(
                QCoreApplication.translate("RosterModel", "{declaration}: on file").format(
                    declaration=name
                )
            )
        else:
            lines.append(
                QCoreApplication.translate("RosterModel", "{declaration}: missing").format(
                    declaration=name
                )
            )
    return "\n".join(lines)


def search_text(row: RosterRow) -> str:
    """Everything a search may match, case-folded: names, title, profession, employer and
    expertise (its id and its name in the UI language)."""
    parts = [row.name_zh, row.name_en, row.title, row.profession, row.employer]
    for category in row.expertise:
        parts.extend((category, expertise_name(category)))
    return "\n".join(parts).casefold()


_MARKS = {
    "none": "fail",
    "expired": "fail",
    "expiring": "warning",
    "valid": "pass",
}


# --- the model ---------------------------------------------------------------------------


class RosterModel(QAbstractTableModel):
    """The memberships of one committee, read ``PAGE_SIZE`` at a time.

    Current seats only, unless ``show_history`` adds the ended ones. ``today`` is the day
    the states (ended, term and training expiries, declarations on file) are judged on.
    """

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.committee_id: int | None = None
        self.today = date.today()
        self.show_history = False
        self.page_size = PAGE_SIZE
        self._rows: list[RosterRow] = []
        self._search: list[str] = []
        self._texts: list[tuple[str, ...]] = []  # each row's cell texts, made once
        self._total = 0
        self._lang = current_language()
        self._muted = QBrush(QColor(MUTED_COLOUR))

    # --- loading ------------------------------------------------------------------------

    def load(self, committee_id: int | None, today: date, *, show_history: bool | None = None):
        """Read the committee's roster again from its first page (None: empty)."""
        self.committee_id = committee_id
        self.today = today
        if show_history is not None:
            self.show_history = show_history
        self.reload()

    def set_show_history(self, show: bool) -> None:
        if show != self.show_history:
            self.show_history = show
            self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = []
        self._search = []
        self._texts = []
        self._total = 0
        self._lang = current_language()
        if self.committee_id is not None:
            with self.db.session_scope() as session:
                self._total = count_roster(
                    session, self.committee_id, self.today, self.show_history
                )
                self._append(self._read(session, 0))
        self.endResetModel()

    def _read(self, session: Session, offset: int) -> list[RosterRow]:
        assert self.committee_id is not None
        return load_roster_page(
            session,
            self.committee_id,
            self.today,
            show_history=self.show_history,
            offset=offset,
            limit=self.page_size,
        )

    def _append(self, rows: Sequence[RosterRow]) -> None:
        self._rows.extend(rows)
        self._search.extend(search_text(r) for r in rows)
        self._texts.extend(tuple(self._display(r, c) for c in range(COLUMN_COUNT)) for r in rows)

    def canFetchMore(self, parent: Parent = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Parent = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self.committee_id is None:
            return
        with self.db.session_scope() as session:
            rows = self._read(session, len(self._rows))
        rows = rows[: self._total - len(self._rows)]
        if not rows:
            self._total = len(self._rows)  # the table shrank meanwhile
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._append(rows)
        self.endInsertRows()

    def fetch_all(self) -> None:
        while self.canFetchMore():
            self.fetchMore()

    # --- access -------------------------------------------------------------------------

    @property
    def total(self) -> int:
        """How many memberships the query finds (read or not yet)."""
        return self._total

    def row(self, number: int) -> RosterRow:
        return self._rows[number]

    def search_key(self, number: int) -> str:
        return self._search[number]

    def text(self, number: int, column: int) -> str:
        """The text shown in a cell."""
        return self._texts[number][column]

    def has_mark(self, number: int, column: int) -> bool:
        """Whether the cell shows a status mark before its text."""
        return self._decoration(self._rows[number], column) is not None

    def row_of_membership(self, membership_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.membership_id == membership_id), None)

    # --- the model interface --------------------------------------------------------------

    def rowCount(self, parent: Parent = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Parent = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers()[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == COL_DECLARATIONS:
            return self.tr("Standing confidentiality and conflict-of-interest declarations")
        return None

    def _headers(self) -> tuple[str, ...]:
        return (
            self.tr("Name"),
            self.tr("Roles"),
            self.tr("Expertise"),
            self.tr("Affiliation"),
            self.tr("Gender"),
            self.tr("Title / profession"),
            self.tr("Term"),
            self.tr("Training"),
            self.tr("Declarations"),
        )

    def flags(self, index: Parent) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Parent, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[index.row()][column]
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == MEMBERSHIP_ID_ROLE:
            return row.membership_id
        if role == PERSON_ID_ROLE:
            return row.person_id
        if role == ENDED_ROLE:
            return row.ended
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DecorationRole:
            return self._decoration(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and row.ended:
            return self._muted
        return None

    def _display(self, row: RosterRow, column: int) -> str:
        if column == COL_NAME:
            return name_text(row, self._lang)
        if column == COL_ROLES:
            return roles_text(row)
        if column == COL_EXPERTISE:
            return list_separator().join(expertise_name(c) for c in row.expertise)
        if column == COL_AFFILIATION:
            return self.tr("Affiliated") if row.affiliated else self.tr("External")
        if column == COL_GENDER:
            return gender_name(row.gender)
        if column == COL_PROFESSION:
            return profession_text(row)
        if column == COL_TERM:
            return term_text(row)
        if column == COL_TRAINING:
            return training_text(row)
        if column == COL_DECLARATIONS:
            return declarations_text(row)
        return ""

    def _sort_key(self, row: RosterRow, column: int) -> Any:
        if column == COL_NAME:
            return row.name_zh
        if column == COL_ROLES:
            ranks = [ROLE_PRECEDENCE.index(r) for r in row.roles] or [len(ROLE_PRECEDENCE)]
            return (min(ranks), row.name_zh)
        if column == COL_TERM:
            return (row.term_end or date.max, row.term_start)
        if column == COL_TRAINING:
            return (
                TRAINING_STATES.index(row.training_state),
                row.training_expiry or date.max,
            )
        if column == COL_DECLARATIONS:
            return len(row.declarations)
        if column == COL_AFFILIATION:
            return int(row.affiliated)
        return self._display(row, column)

    def _decoration(self, row: RosterRow, column: int) -> Any:
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

    def _tooltip(self, row: RosterRow, column: int) -> str | None:
        if column == COL_NAME:
            lines = [row.name_zh] + ([row.name_en] if row.name_en else [])
            if row.employer:
                lines.append(row.employer)
            return "\n".join(lines)
        if column == COL_TERM:
            state = row.term_state
            if state == "ended":
                assert row.ended_on is not None
                text = self.tr("Ended on {date}").format(date=row.ended_on.isoformat())
                if row.end_reason:
                    text += self.tr(": {reason}").format(reason=row.end_reason)
                return text
            if state == "expired":
                assert row.term_end is not None
                return self.tr(
                    "The term ran out on {date}; end the membership or renew it."
                ).format(date=row.term_end.isoformat())
            if state == "expiring":
                assert row.term_end is not None
                days = (row.term_end - row.today).days
                return self.tr("The term ends in {days} days").format(days=days)
            return None
        if column == COL_TRAINING:
            return training_tooltip(row)
        if column == COL_DECLARATIONS:
            return declarations_tooltip(row)
        if column == COL_ROLES and row.alternate_for:
            return QCoreApplication.translate("RosterModel", "Alternate for {name}").format(
                name=row.alternate_for
            )
        if column in (COL_PROFESSION, COL_EXPERTISE, COL_ROLES):
            return self._display(row, column)
        return None


class RosterFilterProxy(QSortFilterProxyModel):
    """Search (plain substring of names, title, profession, employer and expertise, so a
    one- or two-character Chinese query matches), a role filter and a current/ended filter;
    sorts by the model's ``SORT_ROLE`` keys, names in the collation of the UI language."""

    STATUSES = ("all", "current", "ended")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._terms: tuple[str, ...] = ()
        self._role: str | None = None
        self._status = "all"
        self._collator = QCollator(QLocale())
        self.setSortRole(SORT_ROLE)

    def _changing(self) -> None:
        self.beginFilterChange()

    def _changed(self) -> None:
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    @property
    def search(self) -> str:
        return " ".join(self._terms)

    def set_search(self, text: str) -> None:
        terms = tuple(text.casefold().split())
        if terms != self._terms:
            self._changing()
            self._terms = terms
            self._changed()

    def set_role(self, role: str | None) -> None:
        if role != self._role:
            self._changing()
            self._role = role
            self._changed()

    def set_status(self, status: str) -> None:
        if status not in self.STATUSES:
            raise ValueError(f"unknown status {status!r}")
        if status != self._status:
            self._changing()
            self._status = status
            self._changed()

    def roster(self) -> RosterModel:
        model = self.sourceModel()
        assert isinstance(model, RosterModel)
        return model

    def filterAcceptsRow(self, source_row: int, source_parent: Parent) -> bool:
        model = self.sourceModel()
        if not isinstance(model, RosterModel) or source_parent.isValid():
            return True
        row = model.row(source_row)
        if self._role is not None and self._role not in row.roles:
            return False
        if self._status == "current" and row.ended:
            return False
        if self._status == "ended" and not row.ended:
            return False
        key = model.search_key(source_row)
        return all(term in key for term in self._terms)

    def lessThan(self, left: Parent, right: Parent) -> bool:
        a = left.data(SORT_ROLE)
        b = right.data(SORT_ROLE)
        if isinstance(a, str) and isinstance(b, str):
            return self._collator.compare(a, b) < 0
        if isinstance(a, tuple) and isinstance(b, tuple) and len(a) == len(b) == 2:
            if a[0] != b[0]:
                return bool(a[0] < b[0])
            if isinstance(a[1], str) and isinstance(b[1], str):
                return self._collator.compare(a[1], b[1]) < 0
            return bool(a[1] < b[1])
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)

    def membership_id(self, proxy_row: int) -> int | None:
        if not 0 <= proxy_row < self.rowCount():
            return None
        value = self.index(proxy_row, 0).data(MEMBERSHIP_ID_ROLE)
        return int(value) if value is not None else None
