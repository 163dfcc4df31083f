"""What the dashboard and the empty pages show about the data: one read, plain values.

Read in one short session and handed to the widgets as frozen dataclasses, so no ORM
object outlives its session or reaches a widget.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session, selectinload

from app.db import Database
from app.models import (
    Committee,
    Institution,
    Letter,
    Meeting,
    Membership,
    Project,
    ReviewAssignment,
    Submission,
)
from app.services.organisation import profile_on

# Roles whose holders count toward the committee's size (DESIGN.md section 5).
COUNTED_ROLES = frozenset({"chair", "vice_chair", "member"})


@dataclass(frozen=True)
class CommitteeSummary:
    id: int
    institution_id: int
    name_zh: str
    name_en: str
    profile_id: str | None
    profile_since: date | None
    voting_members: int  # counted members: chair, vice-chair or member, voting, in term
    other_seats: int  # alternates, non-voting secretaries and members, in term
    projects: int = 0
    submissions: int = 0
    review_assignments: int = 0
    meetings: int = 0
    letters: int = 0


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


def load_overview(db: Database, today: date) -> Overview:
    with db.session_scope() as session:
        return _overview(session, today)


def _counts(session: Session, query: Select[int, int]) -> dict[int, int]:
    return {committee_id: count for committee_id, count in session.execute(query)}


def _seats(memberships: Iterable[Membership]) -> tuple[int, int]:
    voting = other = 0
    for membership in memberships:
        if membership.voting and membership.roles & COUNTED_ROLES:
            voting += 1
        else:
            other += 1
    return voting, other


def _overview(session: Session, today: date) -> Overview:
    current = session.scalars(
        select(Membership)
        .options(selectinload(Membership.role_rows))
        .where(
            Membership.term_start <= today,
            or_(Membership.term_end.is_(None), Membership.term_end >= today),
            or_(Membership.ended_on.is_(None), Membership.ended_on > today),
        )
    ).all()
    by_committee: dict[int, list[Membership]] = {}
    for membership in current:
        by_committee.setdefault(membership.committee_id, []).append(membership)

    def per_committee(column: InstrumentedAttribute[int]) -> Select[int, int]:
        return select(column, func.count()).group_by(column)

    projects = _counts(session, per_committee(Project.committee_id))
    submissions = _counts(session, per_committee(Submission.committee_id))
    meetings = _counts(session, per_committee(Meeting.committee_id))
    letters = _counts(session, per_committee(Letter.committee_id))
    assignments = _counts(
        session,
        select(Submission.committee_id, func.count())
        .join(ReviewAssignment, ReviewAssignment.submission_id == Submission.id)
        .group_by(Submission.committee_id),
    )

    institutions = []
    for institution in session.scalars(select(Institution).order_by(Institution.id)):
        committees = []
        for committee in session.scalars(
            select(Committee)
            .where(Committee.institution_id == institution.id)
            .order_by(Committee.id)
        ):
            profile = profile_on(session, committee.id, today)
            voting, other = _seats(by_committee.get(committee.id, []))
            committees.append(
                CommitteeSummary(
                    id=committee.id,
                    institution_id=institution.id,
                    name_zh=committee.name_zh,
                    name_en=committee.name_en,
                    profile_id=profile.profile_id if profile else None,
                    profile_since=profile.effective_from if profile else None,
                    voting_members=voting,
                    other_seats=other,
                    projects=projects.get(committee.id, 0),
                    submissions=submissions.get(committee.id, 0),
                    review_assignments=assignments.get(committee.id, 0),
                    meetings=meetings.get(committee.id, 0),
                    letters=letters.get(committee.id, 0),
                )
            )
        institutions.append(
            InstitutionSummary(
                id=institution.id,
                name_zh=institution.name_zh,
                name_en=institution.name_en,
                committees=tuple(committees),
            )
        )
    return Overview(institutions=tuple(institutions))
