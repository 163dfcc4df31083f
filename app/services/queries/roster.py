"""The roster of a committee as the committee page lists it, and what its dialogs show.

``roster_page`` reads one page of memberships: the search, the filters and the sort are in
the query, and paging is by keyset (``after``: the last row's sort key), so a search or a
sort over a roster longer than a page sees every row, not only the rows read so far.
Names sort by their pinyin (``Person.name_sort``). Rows are frozen ``RosterRow`` values
judged on the query's day: ended (history), the term's state, training and declarations.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, exists, func, literal, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import SQLCoreOperations

from app.domain import seats
from app.domain.vocabulary import DECLARATION_KINDS, EXPERTISE, ROLES, word_key
from app.models import (
    Declaration,
    Membership,
    MembershipExpertise,
    MembershipRole,
    Person,
    Training,
)
from app.services import validation as v
from app.services.queries.keyset import SortKey, after

TRAINING_STATES = ("none", "expired", "expiring", "valid")  # worst first (sort order)
STATUSES = ("all", "current", "ended")
# What the roster can be sorted by: its default order, then the page's columns in order.
SORTS = (
    "default",
    "name",
    "roles",
    "expertise",
    "affiliation",
    "gender",
    "profession",
    "term",
    "training",
    "declarations",
)
_FAR_FUTURE = date(9999, 12, 31)


@dataclass(frozen=True)
class RosterRow:
    """One membership as the roster shows it, judged on ``day``."""

    membership_id: int
    person_id: int
    name_zh: str
    name_en: str
    roles: tuple[str, ...]  # in ROLES order
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
    training_state: str  # one of TRAINING_STATES
    training_expiry: date | None  # the latest expiry; None when a course never expires
    declarations: frozenset[str] = field(default_factory=frozenset)  # standing ones in force
    day: date = date.min

    @property
    def ended(self) -> bool:
        """History on the day: ended before it (a seat ended on the day is still held)."""
        return seats.ended_before(self.ended_on, self.day)

    @property
    def term_state(self) -> str:
        """``ended``, ``expired`` (ran out, not ended), ``expiring`` (within the expiry
        window), ``ok``."""
        if self.ended:
            return "ended"
        return seats.expiry_state(self.term_end, self.day)


@dataclass(frozen=True)
class RosterQuery:
    """Which memberships of a committee, in which order, judged on ``day``.

    ``history`` adds the ended memberships (after the current ones); ``status`` then narrows
    to ``current`` or ``ended``. ``search``: every word must occur in the names, title,
    profession or employer, or name an expertise (in either language). ``sort`` is one of
    SORTS; history always follows the current seats.
    """

    committee_id: int
    day: date
    history: bool = False
    status: str = "all"
    role: str | None = None
    search: str = ""
    sort: str = "default"
    descending: bool = False


@dataclass(frozen=True)
class RosterPage:
    rows: tuple[RosterRow, ...]
    next_after: tuple[Any, ...] | None  # the keyset to read the next page from; None: done


# --- the query -----------------------------------------------------------------------------


def _role_rank() -> ColumnElement[int]:
    rank = case({role: i for i, role in enumerate(ROLES)}, value=MembershipRole.role)
    return (
        select(func.coalesce(func.min(rank), len(ROLES)))
        .where(MembershipRole.membership_id == Membership.id)
        .correlate(Membership)
        .scalar_subquery()
    )


def _expertise_rank() -> ColumnElement[int]:
    rank = case({c: i for i, c in enumerate(EXPERTISE)}, value=MembershipExpertise.category)
    return (
        select(func.coalesce(func.min(rank), len(EXPERTISE)))
        .where(MembershipExpertise.membership_id == Membership.id)
        .correlate(Membership)
        .scalar_subquery()
    )


def _training_rank(day: date) -> tuple[ColumnElement[int], ColumnElement[date]]:
    """The training state as its rank in TRAINING_STATES, and the latest expiry."""

    def aggregate(expression: Any) -> ColumnElement[Any]:
        return (
            select(expression)
            .where(Training.person_id == Membership.person_id)
            .correlate(Membership)
            .scalar_subquery()
        )

    count = aggregate(func.count())
    dated = aggregate(func.count(Training.expires_on))
    latest = aggregate(func.max(Training.expires_on))
    soon = seats.window_end(day)
    rank = case(
        (count == 0, 0),
        (dated < count, 3),
        (latest < day, 1),
        (latest <= soon, 2),
        else_=3,
    )
    return rank, func.coalesce(latest, _FAR_FUTURE)


def _standing_declaration(committee_id: int, day: date) -> ColumnElement[bool]:
    return and_(
        Declaration.committee_id == committee_id,
        Declaration.scope == "standing",
        Declaration.signed_on <= day,
        or_(Declaration.valid_until.is_(None), Declaration.valid_until >= day),
    )


def _declarations_held(committee_id: int, day: date) -> ColumnElement[int]:
    return (
        select(func.count(func.distinct(Declaration.kind)))
        .where(
            Declaration.person_id == Membership.person_id,
            _standing_declaration(committee_id, day),
        )
        .correlate(Membership)
        .scalar_subquery()
    )


def _sort_keys(query: RosterQuery) -> list[SortKey]:
    down = query.descending
    history = SortKey(case((Membership.ended_before(query.day), 1), else_=0))
    name = SortKey(Person.name_sort, down)
    by: dict[str, list[SortKey]] = {
        "default": [SortKey(_role_rank()), SortKey(Person.name_sort)],
        "name": [name],
        "roles": [SortKey(_role_rank(), down), name],
        "expertise": [SortKey(_expertise_rank(), down), name],
        "affiliation": [SortKey(case((Membership.affiliated, 1), else_=0), down), name],
        "gender": [SortKey(Person.gender, down), name],
        "profession": [
            SortKey(func.lower(Person.title + literal(" ") + Person.profession), down),
            name,
        ],
        "term": [
            SortKey(func.coalesce(Membership.term_end, _FAR_FUTURE), down),
            SortKey(Membership.term_start, down),
            name,
        ],
        "declarations": [SortKey(_declarations_held(query.committee_id, query.day), down), name],
    }
    if query.sort == "training":
        rank, latest = _training_rank(query.day)
        keys = [SortKey(rank, down), SortKey(latest, down), name]
    else:
        keys = by[query.sort]
    return [history, *keys, SortKey(Membership.id, down)]


def _expertise_codes(word: str) -> list[str]:
    """The categories whose code or name (in either language) contains ``word``."""
    key = word_key(word)
    return [
        term.code
        for term in (EXPERTISE.term(c) for c in EXPERTISE)
        if any(key in word_key(text) for text in (term.code, term.en, term.zh))
    ]


def _matches(word: str) -> ColumnElement[bool]:
    texts = (
        Person.name_zh,
        Person.name_en,
        Person.title,
        Person.profession,
        Person.employer,
    )
    found: list[ColumnElement[bool]] = [t.icontains(word, autoescape=True) for t in texts]
    codes = _expertise_codes(word)
    if codes:
        found.append(
            exists().where(
                MembershipExpertise.membership_id == Membership.id,
                MembershipExpertise.category.in_(codes),
            )
        )
    return or_(*found)


def _where(query: RosterQuery) -> list[SQLCoreOperations[bool]]:
    conditions: list[SQLCoreOperations[bool]] = [Membership.committee_id == query.committee_id]
    ended = Membership.ended_before(query.day)
    if not query.history or query.status == "current":
        conditions.append(~ended)
    elif query.status == "ended":
        conditions.append(ended)
    if query.role is not None:
        conditions.append(
            exists().where(
                MembershipRole.membership_id == Membership.id, MembershipRole.role == query.role
            )
        )
    conditions.extend(_matches(word) for word in query.search.split())
    return conditions


def _checked(query: RosterQuery) -> RosterQuery:
    v.choice("status", query.status, STATUSES)
    v.choice("sort", query.sort, SORTS)
    if query.role is not None:
        v.choice("role", query.role, ROLES)
    return query


def count_roster(session: Session, query: RosterQuery) -> int:
    """How many memberships the query finds."""
    _checked(query)
    statement = (
        select(func.count())
        .select_from(Membership)
        .join(Person, Person.id == Membership.person_id)
        .where(*_where(query))
    )
    return int(session.scalar(statement) or 0)


def _seats_query(query: RosterQuery, keys: list[SortKey]) -> Select[*tuple[Any, ...]]:
    return (
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
            *(k.expression.label(f"k{i}") for i, k in enumerate(keys)),
        )
        .join(Person, Person.id == Membership.person_id)
        .where(*_where(query))
        .order_by(*(k.order() for k in keys))
    )


def roster_page(
    session: Session, query: RosterQuery, *, after_key: Sequence[Any] | None = None, limit: int
) -> RosterPage:
    """The next ``limit`` memberships of the query, after the row whose sort key is
    ``after_key`` (None: from the first)."""
    _checked(query)
    keys = _sort_keys(query)
    statement = _seats_query(query, keys)
    if after_key is not None:
        statement = statement.where(after(keys, list(after_key)))
    found = session.execute(statement.limit(limit + 1)).all()
    more = len(found) > limit
    found = found[:limit]
    rows = _rows(session, query, found)
    next_after = tuple(found[-1][-len(keys) :]) if more and found else None
    return RosterPage(rows, next_after)


def _rows(session: Session, query: RosterQuery, found: Sequence[Any]) -> tuple[RosterRow, ...]:
    if not found:
        return ()
    day = query.day
    ids = [seat.id for seat in found]
    people = {seat.person_id for seat in found}
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
    seated_for = {seat.alternate_for_id for seat in found if seat.alternate_for_id is not None}
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
            Declaration.person_id.in_(people),
            _standing_declaration(query.committee_id, day),
        )
        .distinct()
    ):
        on_file.setdefault(person_id, set()).add(kind)
    return tuple(
        RosterRow(
            membership_id=seat.id,
            person_id=seat.person_id,
            name_zh=seat.name_zh,
            name_en=seat.name_en,
            roles=ROLES.ordered(roles.get(seat.id, ())),
            alternate_for=alternate_names.get(seat.alternate_for_id or 0, ""),
            expertise=EXPERTISE.ordered(expertise.get(seat.id, ())),
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
            training_state=(
                state := training_state(*training.get(seat.person_id, (0, 0, None)), day)
            )[0],
            training_expiry=state[1],
            declarations=frozenset(DECLARATION_KINDS.ordered(on_file.get(seat.person_id, ()))),
            day=day,
        )
        for seat in found
    )


def training_state(
    count: int, dated: int, latest: date | None, day: date
) -> tuple[str, date | None]:
    """A person's training on ``day`` from their records: none, expired, expiring (within
    the expiry window) or valid; and the latest expiry (None when a course never expires)."""
    if not count:
        return "none", None
    if dated < count:  # a course without an expiry stays valid
        return "valid", None
    assert latest is not None
    state = seats.expiry_state(latest, day)
    return ("valid" if state == "ok" else state), latest


def find_membership(session: Session, query: RosterQuery, membership_id: int) -> int | None:
    """The position (from 0) of ``membership_id`` among the query's rows, or None when the
    query does not find it (to select a row that lies beyond the pages read)."""
    _checked(query)
    keys = _sort_keys(query)
    target = (
        select(*(k.expression for k in keys))
        .select_from(Membership)
        .join(Person, Person.id == Membership.person_id)
        .where(*_where(query), Membership.id == membership_id)
    )
    found = session.execute(target).first()
    if found is None:
        return None
    before = (
        select(func.count())
        .select_from(Membership)
        .join(Person, Person.id == Membership.person_id)
        .where(*_where(query), ~after(keys, list(found)), Membership.id != membership_id)
    )
    return int(session.scalar(before) or 0)


# --- what the member dialogs show ----------------------------------------------------------

PERSON_FORM_FIELDS = (
    "name_zh",
    "name_en",
    "gender",
    "title",
    "profession",
    "employer",
    "degrees",
    "ethnicity",
    "minority",
    "email",
    "phone",
    "consent_publish",
)


@dataclass(frozen=True)
class SeatChoice:
    """A member an alternate may sit for."""

    membership_id: int
    name: str
    role: str


@dataclass(frozen=True)
class PersonChoice:
    """Someone already known (a former member, a consultant, a member elsewhere)."""

    person_id: int
    values: dict[str, Any]


@dataclass(frozen=True)
class MemberForm:
    """A current membership as the member dialog edits it."""

    membership_id: int
    person_id: int
    person: dict[str, Any]
    seat: dict[str, Any]


@dataclass(frozen=True)
class EndingForm:
    """A membership as the end-membership dialog names it."""

    membership_id: int
    name: str
    roles: tuple[str, ...]
    term_start: date


def _person_values(person: Person) -> dict[str, Any]:
    return {key: getattr(person, key) for key in PERSON_FORM_FIELDS}


def seat_choices(session: Session, committee_id: int, day: date) -> list[SeatChoice]:
    """The seats an alternate may sit for on ``day``: every membership that is not history
    and not itself an alternate's, in id order."""
    rows = session.execute(
        select(Membership.id, Person.name_zh)
        .join(Person, Person.id == Membership.person_id)
        .where(Membership.committee_id == committee_id, ~Membership.ended_before(day))
        .order_by(Membership.id)
    ).all()
    roles: dict[int, set[str]] = {}
    for membership_id, role in session.execute(
        select(MembershipRole.membership_id, MembershipRole.role).where(
            MembershipRole.membership_id.in_([r.id for r in rows])
        )
    ):
        roles.setdefault(membership_id, set()).add(role)
    return [
        SeatChoice(
            r.id, r.name_zh, ROLES.ordered(roles.get(r.id, ()))[0] if roles.get(r.id) else "member"
        )
        for r in rows
        if "alternate" not in roles.get(r.id, set())
    ]


def person_choices(session: Session, committee_id: int, day: date) -> list[PersonChoice]:
    """People who hold no membership of the committee that is current on ``day`` (a former
    member is seated again with their history kept), in pinyin order."""
    seated = select(Membership.person_id).where(
        Membership.committee_id == committee_id, ~Membership.ended_before(day)
    )
    people = session.scalars(
        select(Person).where(Person.id.not_in(seated)).order_by(Person.name_sort, Person.id)
    ).all()
    return [PersonChoice(p.id, _person_values(p)) for p in people]


def member_form(session: Session, committee_id: int, membership_id: int) -> MemberForm:
    """The membership ``membership_id`` of the committee, as the dialog fills its fields."""
    membership = session.get(Membership, membership_id)
    if membership is None or membership.committee_id != committee_id:
        raise v.invalid(
            "membership_id",
            f"no membership {membership_id} on this committee",
            f"本委员会没有编号为 {membership_id} 的任职记录",
        )
    return MemberForm(
        membership_id=membership.id,
        person_id=membership.person_id,
        person=_person_values(membership.person),
        seat={
            "roles": list(ROLES.ordered(membership.roles)),
            "expertise": list(membership.expertise),
            "affiliated": membership.affiliated,
            "voting": membership.voting,
            "term_start": membership.term_start,
            "term_end": membership.term_end,
            "alternate_for_id": membership.alternate_for_id,
        },
    )


def ending_form(session: Session, membership_id: int) -> EndingForm:
    membership = v.get(session, Membership, "membership_id", membership_id)
    return EndingForm(
        membership.id,
        membership.person.name_zh,
        ROLES.ordered(membership.roles),
        membership.term_start,
    )
