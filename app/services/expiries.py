"""What runs out soon on a committee: members' terms, training and declarations.

The dashboard's "expires within 90 days" list. Things that have already run out are listed
too, flagged ``expired``, for as long as they matter: a term that ran out without the
membership being ended (or the person re-appointed), and the latest training or declaration
of a current member. Anything older is history and is not listed.

A current member here is a membership not ended before ``today`` whose term (the earlier of
``term_end`` and ``ended_on``) has not run out before ``today``; a seat that starts later is
current too. The training and declarations of people who hold no current seat are not
listed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import seats
from app.models import Committee, Declaration, Training
from app.services import validation as v
from app.services.composition import SeatRecord, committee_seats

ExpiryKind = Literal["term", "training", "declaration"]


@dataclass(frozen=True)
class Expiry:
    """One thing that runs out on ``date``.

    ``membership_id`` is the membership whose term ends (kind ``term``), or the person's
    current seat on the committee (``training``, ``declaration``). ``label`` says what runs
    out: the course's name, the declaration's kind (``confidentiality`` or
    ``conflict_of_interest``) or the role the term is held in (a role id of
    ``app.models.vocab.ROLES``); the UI translates ids. ``record_id`` is the membership,
    training or declaration row. ``expired`` is true when ``date`` is before ``today``
    (an expiry on ``today`` itself is still valid that day).
    """

    kind: ExpiryKind
    date: date
    person_id: int
    person_name: str
    membership_id: int | None
    label: str
    record_id: int
    expired: bool = False


def expiring(
    session: Session, committee_id: int, today: date, within_days: int = seats.EXPIRY_WINDOW_DAYS
) -> list[Expiry]:
    """Terms, training and declarations of the committee that run out on or before
    ``today + within_days`` — in the window, or already run out (``expired``) — sorted by
    date, then person, then kind.

    Terms: memberships not ended whose ``term_end`` is in the window or has passed, unless
    the person has a later membership of the committee (a recorded end needs no renewal;
    what it does to the composition is the dashboard's compliance line). Training: of each
    person with a current seat, the latest record of each course (by date taken), when its
    ``expires_on`` is due. Declarations: of each such person on this committee, the latest
    of each kind, scope, meeting and project (by date signed), when its ``valid_until`` is
    due; one that has run out is listed only when it is standing.
    """
    v.known(session, Committee, "committee_id", committee_id)
    day = v.parse_date("today", today)
    days = v.whole_number("within_days", within_days, minimum=0)
    horizon = day + timedelta(days=days)
    memberships = committee_seats(session, committee_id)
    found: list[Expiry] = []

    latest_start: dict[int, date] = {}
    for m in memberships:
        latest_start[m.person_id] = max(latest_start.get(m.person_id, m.term_start), m.term_start)
    for m in memberships:
        if m.ended_on is not None or m.term_end is None or m.term_end > horizon:
            continue
        if latest_start[m.person_id] > m.term_start:
            continue  # re-appointed: the later membership carries on
        found.append(
            Expiry(
                kind="term",
                date=m.term_end,
                person_id=m.person_id,
                person_name=m.name,
                membership_id=m.id,
                label=m.primary_role,
                record_id=m.id,
                expired=seats.run_out(m.term_end, day),
            )
        )

    seat_of: dict[int, SeatRecord] = {}
    for m in memberships:
        if not seats.over_before(m.term_end, m.ended_on, day):  # held, or starting later
            seat_of.setdefault(m.person_id, m)
    people = list(seat_of)
    if not people:
        return _sorted(found)

    # Core queries (plain rows): the dashboard reads this before anything needs the mappers.
    training = Training.__table__.c
    latest_training: dict[tuple[int, str], Any] = {}
    for t in session.execute(
        select(training.id, training.person_id, training.course, training.expires_on)
        .where(training.person_id.in_(people))
        .order_by(training.taken_on, training.id)
    ):
        latest_training[(t.person_id, t.course)] = t
    for t in latest_training.values():
        if t.expires_on is None or t.expires_on > horizon:
            continue
        seat = seat_of[t.person_id]
        found.append(
            Expiry(
                kind="training",
                date=t.expires_on,
                person_id=t.person_id,
                person_name=seat.name,
                membership_id=seat.id,
                label=t.course,
                record_id=t.id,
                expired=seats.run_out(t.expires_on, day),
            )
        )

    declaration = Declaration.__table__.c
    latest_declaration: dict[tuple[int, str, str, int | None, int | None], Any] = {}
    for d in session.execute(
        select(
            declaration.id,
            declaration.person_id,
            declaration.kind,
            declaration.scope,
            declaration.meeting_id,
            declaration.project_id,
            declaration.valid_until,
        )
        .where(declaration.committee_id == committee_id, declaration.person_id.in_(people))
        .order_by(declaration.signed_on, declaration.id)
    ):
        key = (d.person_id, d.kind, d.scope, d.meeting_id, d.project_id)
        latest_declaration[key] = d
    for d in latest_declaration.values():
        if d.valid_until is None or d.valid_until > horizon:
            continue
        if seats.run_out(d.valid_until, day) and d.scope != "standing":
            continue  # a past meeting's or project's declaration did its work
        seat = seat_of[d.person_id]
        found.append(
            Expiry(
                kind="declaration",
                date=d.valid_until,
                person_id=d.person_id,
                person_name=seat.name,
                membership_id=seat.id,
                label=d.kind,
                record_id=d.id,
                expired=seats.run_out(d.valid_until, day),
            )
        )
    return _sorted(found)


_KIND_ORDER = {"term": 0, "training": 1, "declaration": 2}


def _sorted(found: list[Expiry]) -> list[Expiry]:
    return sorted(found, key=lambda e: (e.date, e.person_name, _KIND_ORDER[e.kind], e.record_id))
