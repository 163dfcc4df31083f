"""A committee's composition as the rules engine sees it, on a date.

The database's memberships become ``app.rules.facts.Member`` facts (one per membership) and
are evaluated against the profile in force on that date, with its SOP overrides. The roster
page's composition panel, the warning shown before a change that leaves the committee
non-compliant, and the roster export all start here.

Which memberships are facts on ``as_of`` (``memberships_on``):

- every membership of the committee, except
- one ended (``ended_on``) before ``as_of`` — history, deliberately closed, and
- one whose term ran out before ``as_of`` without being ended, when the same person holds a
  later membership of the committee (re-appointed at a 换届).

So a seat whose term has simply run out is still a fact: it is not counted and the profile's
``term_expired`` check names it, which is how an "as of" date after a term's end shows the
secretary why the committee stops being compliant. A seat that starts after ``as_of`` is a
fact as well; the rules leave it out silently. Consultants are engagements, not memberships,
and never count: they are not facts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.domain.vocabulary import EXPERTISE, ROLE_PRECEDENCE
from app.errors import NotFound
from app.models import (
    Committee,
    CommitteeProfile,
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
from app.services.organisation import profile_on

# Meetings that still lie ahead of the secretary: their date is the natural "as of".
UPCOMING_MEETING_STATUSES = ("planned", "agenda_closed")


def effective_end(membership: Membership) -> date | None:
    """The last day of the seat: the earlier of ``term_end`` and ``ended_on``."""
    ends = [d for d in (membership.term_end, membership.ended_on) if d is not None]
    return min(ends) if ends else None


def committee_memberships(session: Session, committee_id: int) -> list[Membership]:
    """Every membership of the committee, history included, ordered by id, with the person,
    roles and expertise loaded."""
    return list(
        session.scalars(
            select(Membership)
            .where(Membership.committee_id == committee_id)
            .options(
                selectinload(Membership.person),
                selectinload(Membership.role_rows),
                selectinload(Membership.expertise_rows),
            )
            .order_by(Membership.id)
        )
    )


def memberships_on(session: Session, committee_id: int, as_of: date) -> list[Membership]:
    """The memberships that are composition facts on ``as_of`` (see the module docstring)."""
    every = committee_memberships(session, committee_id)
    latest_start: dict[int, date] = {}
    for m in every:
        if m.person_id not in latest_start or m.term_start > latest_start[m.person_id]:
            latest_start[m.person_id] = m.term_start
    result = []
    for m in every:
        if m.ended_on is not None and m.ended_on < as_of:
            continue
        end = effective_end(m)
        if end is not None and end < as_of and latest_start[m.person_id] > m.term_start:
            continue
        result.append(m)
    return result


def member_fact(membership: Membership) -> Member:
    """One membership as a rules fact.

    The role is the membership's first role in DESIGN.md's order, so a secretary who is also
    a member (or chair) counts as that role, and a secretary-only membership is "secretary".
    """
    person = membership.person
    role = membership.primary_role
    alternate_for = membership.alternate_for_id if role == "alternate" else None
    return Member(
        id=str(membership.id),
        name=person.name_zh,
        gender=person.gender,
        role=role,
        expertise=tuple(membership.expertise),
        affiliated=membership.affiliated,
        minority=person.minority,
        term_start=membership.term_start,
        term_end=effective_end(membership),
        scientist=membership.scientist,
        voting=membership.voting,
        alternate_for=None if alternate_for is None else str(alternate_for),
        profession=person.profession,
        employer=person.employer,
        degrees=person.degrees,
    )


def profile_entry(session: Session, committee_id: int, as_of: date) -> CommitteeProfile:
    """The profile entry in force on ``as_of``; before the first entry, the first entry."""
    entry = profile_on(session, committee_id, as_of)
    if entry is None:
        entry = session.scalar(
            select(CommitteeProfile)
            .where(CommitteeProfile.committee_id == committee_id)
            .order_by(CommitteeProfile.effective_from)
            .limit(1)
        )
    if entry is None:
        raise NotFound(
            "committee_id",
            f"committee {committee_id} has no regulatory profile",
            zh=f"委员会（编号 {committee_id}）尚未设定适用法规",
        )
    return entry


@dataclass(frozen=True)
class _Seat:
    """One membership read as plain values (no ORM objects: the panel re-reads the roster on
    every change, and identity-mapped objects cost more than the check itself)."""

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


def _seats(
    session: Session, committee_id: int
) -> tuple[list[_Seat], dict[int, set[str]], dict[int, list[str]]]:
    rows = session.execute(
        select(
            Membership.id,
            Membership.person_id,
            Membership.affiliated,
            Membership.voting,
            Membership.scientist,
            Membership.term_start,
            Membership.term_end,
            Membership.alternate_for_id,
            Membership.ended_on,
            Person.name_zh,
            Person.gender,
            Person.minority,
            Person.profession,
            Person.employer,
            Person.degrees,
        )
        .join(Person, Person.id == Membership.person_id)
        .where(Membership.committee_id == committee_id)
        .order_by(Membership.id)
    ).all()
    seats = [_Seat(*tuple(row)) for row in rows]
    roles: dict[int, set[str]] = {}
    for membership_id, role in session.execute(
        select(MembershipRole.membership_id, MembershipRole.role)
        .join(Membership, Membership.id == MembershipRole.membership_id)
        .where(Membership.committee_id == committee_id)
    ):
        roles.setdefault(membership_id, set()).add(role)
    expertise: dict[int, list[str]] = {}
    for membership_id, category in session.execute(
        select(MembershipExpertise.membership_id, MembershipExpertise.category)
        .join(Membership, Membership.id == MembershipExpertise.membership_id)
        .where(Membership.committee_id == committee_id)
    ):
        expertise.setdefault(membership_id, []).append(category)
    return seats, roles, expertise


_EXPERTISE_ORDER = {c: i for i, c in enumerate(EXPERTISE)}


def _facts_on(session: Session, committee_id: int, as_of: date) -> tuple[Member, ...]:
    """``memberships_on`` and ``member_fact`` in one pass over plain rows."""
    seats, roles, expertise = _seats(session, committee_id)
    latest_start: dict[int, date] = {}
    for seat in seats:
        if seat.person_id not in latest_start or seat.term_start > latest_start[seat.person_id]:
            latest_start[seat.person_id] = seat.term_start
    facts = []
    for seat in seats:
        ends = [d for d in (seat.term_end, seat.ended_on) if d is not None]
        end = min(ends) if ends else None
        if seat.ended_on is not None and seat.ended_on < as_of:
            continue
        if end is not None and end < as_of and latest_start[seat.person_id] > seat.term_start:
            continue
        held = roles.get(seat.id, set())
        role = next((r for r in ROLE_PRECEDENCE if r in held), "member")
        alternate_for = seat.alternate_for_id if role == "alternate" else None
        facts.append(
            Member(
                id=str(seat.id),
                name=seat.name,
                gender=seat.gender,
                role=role,
                expertise=tuple(
                    sorted(expertise.get(seat.id, []), key=_EXPERTISE_ORDER.__getitem__)
                ),
                affiliated=seat.affiliated,
                minority=seat.minority,
                term_start=seat.term_start,
                term_end=end,
                scientist=seat.scientist,
                voting=seat.voting,
                alternate_for=None if alternate_for is None else str(alternate_for),
                profession=seat.profession,
                employer=seat.employer,
                degrees=seat.degrees,
            )
        )
    return tuple(facts)


def roster_facts(
    session: Session, committee_id: int, as_of: date, *, minority_region: bool = False
) -> tuple[Roster, Profile]:
    """The committee's roster on ``as_of`` as rules facts, and the profile in force then.

    ``Roster.sop`` carries that profile entry's SOP overrides. ``minority_region`` (is the
    committee in a minority-nationality region, which the cn profiles' ``minority_member``
    check depends on) is not stored for a committee yet; the caller may pass it. The facts
    are the same as ``member_fact`` over ``memberships_on`` (a test holds them equal), read
    without building ORM objects.
    """
    v.get(session, Committee, "committee_id", committee_id)
    day = v.parse_date("as_of", as_of)
    entry = profile_entry(session, committee_id, day)
    session.flush()  # a pending change (the save-warning flow) must be seen by the query
    members = _facts_on(session, committee_id, day)
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
