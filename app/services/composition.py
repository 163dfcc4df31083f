"""A committee's composition as the rules engine sees it, on a date — and on the days ahead.

The database's memberships are read once as plain ``SeatRecord`` values (``committee_seats``)
and become ``app.rules.facts.Member`` facts (one per membership), evaluated against the
profile in force on that date with its SOP overrides. The roster page's composition panel,
the warning before a change that leaves the committee non-compliant (``composition_guard``),
the dashboard's outlook, the roster export and the expiries all start here.

Which memberships are facts on ``as_of`` (``is_fact_on``):

- every membership of the committee, except
- one ended before ``as_of`` — history, deliberately closed (``app.domain.seats``), and
- one whose term ran out before ``as_of`` without being ended, when the same person holds a
  later membership of the committee (re-appointed at a 换届).

So a seat whose term has simply run out is still a fact: it is not counted and the profile's
``term_expired`` check names it, which is how an "as of" date after a term's end shows the
secretary why the committee stops being compliant. A seat that starts after ``as_of`` is a
fact as well; the rules leave it out silently (both by the seat predicate, which the facts'
``term_covers`` is). Consultants are engagements, not memberships, and never count: they are
not facts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import seats
from app.domain.vocabulary import EXPERTISE, ROLES
from app.errors import NotFound
from app.models import (
    Committee,
    Meeting,
    Membership,
    MembershipExpertise,
    MembershipRole,
    Person,
)
from app.rules.evaluate import Finding, RosterResult, evaluate_roster
from app.rules.facts import Member, Roster
from app.rules.profiles import Profile, load_profile
from app.services import validation as v
from app.services.organisation import (
    ProfileInForce,
    first_profile,
    profile_changes,
    profile_on,
)

# Meetings that still lie ahead of the secretary: their date is the natural "as of".
UPCOMING_MEETING_STATUSES = ("planned", "agenda_closed")


@dataclass(frozen=True)
class SeatRecord:
    """One membership of a committee as plain values, history included."""

    id: int
    person_id: int
    affiliated: bool
    voting: bool
    scientist: bool | None
    term_start: date
    term_end: date | None
    alternate_for_id: int | None
    ended_on: date | None
    name: str
    gender: str
    minority: bool
    profession: str
    employer: str
    degrees: str
    roles: tuple[str, ...] = ()  # in ROLES order
    expertise: tuple[str, ...] = ()  # in EXPERTISE order

    @property
    def last_day(self) -> date | None:
        return seats.seat_end(self.term_end, self.ended_on)

    @property
    def primary_role(self) -> str:
        """The first role in DESIGN.md's order: a secretary who is also a member counts as
        that member; a secretary-only membership is "secretary"."""
        return self.roles[0] if self.roles else "member"


def committee_seats(session: Session, committee_id: int) -> list[SeatRecord]:
    """Every membership of the committee, history included, in id order. Three Core
    queries, no ORM objects (the panel reads the roster again on every change, and the
    dashboard's first read needs no mapper configuration)."""
    m = Membership.__table__.c
    p = Person.__table__.c
    rows = session.execute(
        select(
            m.id,
            m.person_id,
            m.affiliated,
            m.voting,
            m.scientist,
            m.term_start,
            m.term_end,
            m.alternate_for_id,
            m.ended_on,
            p.name_zh.label("name"),
            p.gender,
            p.minority,
            p.profession,
            p.employer,
            p.degrees,
        )
        .join_from(Membership.__table__, Person.__table__, p.id == m.person_id)
        .where(m.committee_id == committee_id)
        .order_by(m.id)
    ).all()
    roles: dict[int, set[str]] = {}
    r = MembershipRole.__table__.c
    for membership_id, role in session.execute(
        select(r.membership_id, r.role)
        .join_from(MembershipRole.__table__, Membership.__table__, m.id == r.membership_id)
        .where(m.committee_id == committee_id)
    ):
        roles.setdefault(membership_id, set()).add(role)
    expertise: dict[int, set[str]] = {}
    e = MembershipExpertise.__table__.c
    for membership_id, category in session.execute(
        select(e.membership_id, e.category)
        .join_from(MembershipExpertise.__table__, Membership.__table__, m.id == e.membership_id)
        .where(m.committee_id == committee_id)
    ):
        expertise.setdefault(membership_id, set()).add(category)
    return [
        SeatRecord(
            **row._asdict(),
            roles=ROLES.ordered(roles.get(row.id, ())),
            expertise=EXPERTISE.ordered(expertise.get(row.id, ())),
        )
        for row in rows
    ]


def _latest_starts(records: Sequence[SeatRecord]) -> dict[int, date]:
    latest: dict[int, date] = {}
    for record in records:
        if record.person_id not in latest or record.term_start > latest[record.person_id]:
            latest[record.person_id] = record.term_start
    return latest


def is_fact_on(record: SeatRecord, day: date, latest_start: dict[int, date]) -> bool:
    """Is the membership a composition fact on ``day`` (see the module docstring)?"""
    if seats.ended_before(record.ended_on, day):
        return False
    over = seats.over_before(record.term_end, record.ended_on, day)
    return not (over and latest_start[record.person_id] > record.term_start)


def member_fact(record: SeatRecord) -> Member:
    """One membership as a rules fact: its first role, its seat's last day as the term's
    end."""
    role = record.primary_role
    alternate_for = record.alternate_for_id if role == "alternate" else None
    return Member(
        id=str(record.id),
        name=record.name,
        gender=record.gender,
        role=role,
        expertise=record.expertise,
        affiliated=record.affiliated,
        minority=record.minority,
        term_start=record.term_start,
        term_end=record.last_day,
        scientist=record.scientist,
        voting=record.voting,
        alternate_for=None if alternate_for is None else str(alternate_for),
        profession=record.profession,
        employer=record.employer,
        degrees=record.degrees,
    )


def facts_on(records: Sequence[SeatRecord], day: date) -> tuple[Member, ...]:
    latest = _latest_starts(records)
    return tuple(member_fact(r) for r in records if is_fact_on(r, day, latest))


def profile_entry(session: Session, committee_id: int, as_of: date) -> ProfileInForce:
    """The profile entry in force on ``as_of``; before the first entry, the first entry."""
    entry = profile_on(session, committee_id, as_of) or first_profile(session, committee_id)
    if entry is None:
        raise NotFound(
            "committee_id",
            f"committee {committee_id} has no regulatory profile",
            zh=f"委员会（编号 {committee_id}）尚未设定适用法规",
        )
    return entry


def roster_facts(
    session: Session, committee_id: int, as_of: date, *, minority_region: bool = False
) -> tuple[Roster, Profile]:
    """The committee's roster on ``as_of`` as rules facts, and the profile in force then.

    ``Roster.sop`` carries that profile entry's SOP overrides. ``minority_region`` (is the
    committee in a minority-nationality region, which the cn profiles' ``minority_member``
    check depends on) is not stored for a committee yet; the caller may pass it. The facts
    are read as plain rows (``committee_seats``), without building ORM objects.
    """
    v.known(session, Committee, "committee_id", committee_id)
    day = v.parse_date("as_of", as_of)
    entry = profile_entry(session, committee_id, day)
    session.flush()  # a pending change (the save-warning flow) must be seen by the query
    members = facts_on(committee_seats(session, committee_id), day)
    roster = Roster(
        profile=entry.profile_id,
        as_of=day,
        members=members,
        minority_region=minority_region,
        sop=dict(entry.sop_overrides or {}),
    )
    return roster, load_profile(entry.profile_id)


def check_composition(
    session: Session,
    committee_id: int,
    as_of: date,
    *,
    minority_region: bool = False,
) -> RosterResult:
    """Evaluate the committee's composition on ``as_of`` under the profile then in force.

    Reads only. To warn before a change, flush the change in the session, call this again,
    compare with ``newly_failing`` and roll back if the user cancels. The findings know no
    language: render them with ``message_in(lang)`` and ``citation_in(lang)``.
    """
    roster, profile = roster_facts(session, committee_id, as_of, minority_region=minority_region)
    return evaluate_roster(roster, profile)


def _failing_errors(result: RosterResult) -> list[Finding]:
    return [f for f in result.findings if f.severity == "error" and not f.ok]


@dataclass(frozen=True)
class ComplianceOutlook:
    """Whether a committee complies today, and the first day within ``window`` days on
    which that changes (the dashboard's "不符合" / "自 D 起不符合")."""

    profile: str | None  # the profile in force today; None: the committee has none
    compliant: bool | None  # today; None without a profile
    failing: tuple[Finding, ...]  # the error findings that fail today
    changes_on: date | None = None  # the first day compliance differs from today's
    failing_then: tuple[Finding, ...] = ()  # the error findings that fail from that day
    window: int = seats.EXPIRY_WINDOW_DAYS


def compliance_outlook(
    session: Session, committee_id: int, today: date, window: int = seats.EXPIRY_WINDOW_DAYS
) -> ComplianceOutlook:
    """The committee's compliance today and the next change within ``window`` days.

    Composition only changes on the days a seat starts or ends (the day after its last) and
    the days a profile entry takes effect; each such day in the window is evaluated, in
    order, from one reading of the roster.
    """
    v.known(session, Committee, "committee_id", committee_id)
    day = v.parse_date("today", today)
    records = committee_seats(session, committee_id)

    def evaluate(on: date) -> RosterResult:
        entry = profile_entry(session, committee_id, on)
        roster = Roster(
            profile=entry.profile_id,
            as_of=on,
            members=facts_on(records, on),
            sop=dict(entry.sop_overrides or {}),
        )
        return evaluate_roster(roster, load_profile(entry.profile_id))

    try:
        now = evaluate(day)
    except NotFound:  # no profile
        return ComplianceOutlook(None, None, (), window=window)
    horizon = day + timedelta(days=window)
    candidates = {r.term_start for r in records}
    candidates |= {r.last_day + timedelta(days=1) for r in records if r.last_day is not None}
    candidates |= set(profile_changes(session, committee_id))
    failing = tuple(_failing_errors(now))
    for candidate in sorted(c for c in candidates if day < c <= horizon):
        then = evaluate(candidate)
        if then.ok != now.ok:
            return ComplianceOutlook(
                now.profile,
                now.ok,
                failing,
                candidate,
                tuple(_failing_errors(then)),
                window,
            )
    return ComplianceOutlook(now.profile, now.ok, failing, window=window)


def newly_failing(before: RosterResult, after: RosterResult) -> list[Finding]:
    """Error findings that fail in ``after`` but did not fail in ``before``.

    Findings are matched by check and member, so an error the committee already had is not
    reported again; the order is ``after``'s.
    """
    failing_before = {(f.check, f.member) for f in _failing_errors(before)}
    return [f for f in _failing_errors(after) if (f.check, f.member) not in failing_before]


def next_meeting_date(session: Session, committee_id: int, today: date) -> date | None:
    """The date of the committee's earliest planned (or agenda-closed) meeting on or after
    ``today``, or None."""
    return session.scalar(
        select(Meeting.held_on)
        .where(
            Meeting.committee_id == committee_id,
            Meeting.status.in_(UPCOMING_MEETING_STATUSES),
            Meeting.held_on >= today,
        )
        .order_by(Meeting.held_on)
        .limit(1)
    )
