"""What the dashboard and the pages' headers show about the data: institutions, their
committees with their seats, counts and compliance today — one read, plain values."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import FromClause, Select, func, select
from sqlalchemy.orm import Session

from app.domain import seats
from app.models import (
    Committee,
    Institution,
    Letter,
    Meeting,
    Membership,
    MembershipRole,
    Project,
    ReviewAssignment,
    Submission,
)
from app.models.people import holds_seat_sql
from app.services.composition import ComplianceOutlook, compliance_outlook
from app.services.organisation import profile_on


@dataclass(frozen=True)
class CommitteeSummary:
    id: int
    institution_id: int
    name_zh: str
    name_en: str
    profile_id: str | None
    profile_since: date | None
    voting_members: int  # counted members holding a seat today (N)
    other_seats: int  # alternates, non-voting secretaries and members holding a seat today
    projects: int = 0
    submissions: int = 0
    review_assignments: int = 0
    meetings: int = 0
    letters: int = 0
    outlook: ComplianceOutlook | None = None  # compliance today and within the window


@dataclass(frozen=True)
class InstitutionSummary:
    id: int
    name_zh: str
    name_en: str
    committees: tuple[CommitteeSummary, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Overview:
    institutions: tuple[InstitutionSummary, ...]

    @property
    def committees(self) -> tuple[CommitteeSummary, ...]:
        return tuple(c for i in self.institutions for c in i.committees)

    def committee(self, committee_id: int | None) -> CommitteeSummary | None:
        return next((c for c in self.committees if c.id == committee_id), None)

    def institution(self, institution_id: int) -> InstitutionSummary | None:
        return next((i for i in self.institutions if i.id == institution_id), None)


def _counts(session: Session, query: Select[Any]) -> dict[int, int]:
    return {int(row[0]): int(row[1]) for row in session.execute(query)}


def _per_committee(table: FromClause) -> Select[Any]:
    column = table.c.committee_id
    return select(column, func.count()).group_by(column)


def load_overview(session: Session, today: date, *, outlook: bool = True) -> Overview:
    """Every institution and its committees as of ``today``: who holds a seat (the seat
    predicate), the counts of their records and, with ``outlook``, whether each complies
    today and from which day within the expiry window that changes.

    Core queries throughout: this is the window's first read, and plain rows need no ORM
    mapper configuration (a tenth of the start-up's time)."""
    m = Membership.__table__.c
    r = MembershipRole.__table__.c
    held = session.execute(
        select(m.id, m.committee_id, m.voting).where(holds_seat_sql(m, today))
    ).all()
    roles: dict[int, set[str]] = {}
    for membership_id, role in session.execute(
        select(r.membership_id, r.role).where(r.membership_id.in_([h.id for h in held]))
    ):
        roles.setdefault(membership_id, set()).add(role)
    counted: dict[int, int] = {}
    other: dict[int, int] = {}
    for seat in held:
        tally = counted if seats.counts(roles.get(seat.id, ()), seat.voting) else other
        tally[seat.committee_id] = tally.get(seat.committee_id, 0) + 1

    projects = _counts(session, _per_committee(Project.__table__))
    submissions = _counts(session, _per_committee(Submission.__table__))
    meetings = _counts(session, _per_committee(Meeting.__table__))
    letters = _counts(session, _per_committee(Letter.__table__))
    s, a = Submission.__table__.c, ReviewAssignment.__table__.c
    assignments = _counts(
        session,
        select(s.committee_id, func.count())
        .join_from(Submission.__table__, ReviewAssignment.__table__, a.submission_id == s.id)
        .group_by(s.committee_id),
    )

    i, c = Institution.__table__.c, Committee.__table__.c
    committees_of: dict[int, list[CommitteeSummary]] = {}
    for committee in session.execute(
        select(c.id, c.institution_id, c.name_zh, c.name_en).order_by(c.id)
    ):
        profile = profile_on(session, committee.id, today)
        committees_of.setdefault(committee.institution_id, []).append(
            CommitteeSummary(
                id=committee.id,
                institution_id=committee.institution_id,
                name_zh=committee.name_zh,
                name_en=committee.name_en,
                profile_id=profile.profile_id if profile else None,
                profile_since=profile.effective_from if profile else None,
                voting_members=counted.get(committee.id, 0),
                other_seats=other.get(committee.id, 0),
                projects=projects.get(committee.id, 0),
                submissions=submissions.get(committee.id, 0),
                review_assignments=assignments.get(committee.id, 0),
                meetings=meetings.get(committee.id, 0),
                letters=letters.get(committee.id, 0),
                outlook=compliance_outlook(session, committee.id, today) if outlook else None,
            )
        )
    institutions = tuple(
        InstitutionSummary(
            id=institution.id,
            name_zh=institution.name_zh,
            name_en=institution.name_en,
            committees=tuple(committees_of.get(institution.id, ())),
        )
        for institution in session.execute(select(i.id, i.name_zh, i.name_en).order_by(i.id))
    )
    return Overview(institutions=institutions)


def committee_ids(session: Session) -> list[int]:
    c = Committee.__table__.c
    return list(session.scalars(select(c.id).order_by(c.id)))


def committee_of(session: Session, kind: str, item_id: int) -> int | None:
    """The committee a project (``kind`` "project") or a meeting ("meeting") belongs to,
    or None when there is no such record."""
    table = (Project if kind == "project" else Meeting).__table__
    return session.scalar(select(table.c.committee_id).where(table.c.id == item_id))


def committee_names(session: Session, committee_id: int) -> tuple[str, str] | None:
    """The committee's Chinese and English names, or None when there is no such committee."""
    c = Committee.__table__.c
    row = session.execute(select(c.name_zh, c.name_en).where(c.id == committee_id)).first()
    return (row.name_zh, row.name_en) if row is not None else None
