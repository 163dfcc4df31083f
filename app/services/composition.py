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

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.errors import NotFound
from app.models import Committee, CommitteeProfile, Meeting, Membership
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
        raise NotFound("committee_id", f"committee {committee_id} has no regulatory profile")
    return entry


def roster_facts(
    session: Session, committee_id: int, as_of: date, *, minority_region: bool = False
) -> tuple[Roster, Profile]:
    """The committee's roster on ``as_of`` as rules facts, and the profile in force then.

    ``Roster.sop`` carries that profile entry's SOP overrides. ``minority_region`` (is the
    committee in a minority-nationality region, which the cn profiles' ``minority_member``
    check depends on) is not stored for a committee yet; the caller may pass it.
    """
    v.get(session, Committee, "committee_id", committee_id)
    day = v.parse_date("as_of", as_of)
    entry = profile_entry(session, committee_id, day)
    members = tuple(member_fact(m) for m in memberships_on(session, committee_id, day))
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
    lang: str = "en",
    *,
    minority_region: bool = False,
) -> RosterResult:
    """Evaluate the committee's composition on ``as_of`` under the profile then in force.

    Reads only. To warn before a change, flush the change in the session, call this again,
    compare with ``newly_failing`` and roll back if the user cancels.
    """
    roster, profile = roster_facts(session, committee_id, as_of, minority_region=minority_region)
    return evaluate_roster(roster, profile, lang)


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
