"""A person's training and declarations, the committee's consultants, and what a
declaration may be scoped to: short lists, each read whole."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.models import Attachment, ConsultantEngagement, Declaration, Meeting, Project, Training


@dataclass(frozen=True)
class TrainingRecord:
    id: int
    course: str
    taken_on: date
    hours: Decimal
    expires_on: date | None


@dataclass(frozen=True)
class DeclarationRecord:
    id: int
    kind: str
    scope: str
    target: str  # the meeting's number or the project's title, for a scoped declaration
    signed_on: date
    valid_until: date | None
    files: tuple[str, ...]


@dataclass(frozen=True)
class ConsultantRecord:
    id: int
    name_zh: str
    name_en: str
    expertise: str
    engaged_for: str  # the project's title, or ""
    start_date: date
    end_date: date | None
    coi_declared_on: date | None
    confidentiality_signed_on: date | None
    note: str


@dataclass(frozen=True)
class Target:
    """A meeting or project a declaration may be scoped to."""

    id: int
    label: str


def training_of(session: Session, person_id: int) -> list[TrainingRecord]:
    """A person's courses, the latest first."""
    return [
        TrainingRecord(t.id, t.course, t.taken_on, t.hours, t.expires_on)
        for t in session.scalars(
            select(Training)
            .where(Training.person_id == person_id)
            .order_by(Training.taken_on.desc(), Training.id.desc())
        )
    ]


def declarations_of(session: Session, person_id: int, committee_id: int) -> list[DeclarationRecord]:
    """A person's declarations to the committee, the latest first, with the files signed."""
    declarations = session.scalars(
        select(Declaration)
        .where(Declaration.person_id == person_id, Declaration.committee_id == committee_id)
        .order_by(Declaration.signed_on.desc(), Declaration.id.desc())
    ).all()
    ids = [d.id for d in declarations]
    files: dict[int, list[str]] = {}
    if ids:
        for owner_id, filename in session.execute(
            select(Attachment.owner_id, Attachment.filename)
            .where(Attachment.owner_type == "declaration", Attachment.owner_id.in_(ids))
            .order_by(Attachment.id)
        ):
            files.setdefault(owner_id, []).append(filename)
    meetings = dict(
        session.execute(
            select(Meeting.id, Meeting.number).where(
                Meeting.id.in_([d.meeting_id for d in declarations if d.meeting_id])
            )
        ).all()
    )
    projects = _project_titles(session, (d.project_id for d in declarations))
    return [
        DeclarationRecord(
            d.id,
            d.kind,
            d.scope,
            meetings.get(d.meeting_id or 0) or projects.get(d.project_id or 0) or "",
            d.signed_on,
            d.valid_until,
            tuple(files.get(d.id, ())),
        )
        for d in declarations
    ]


def _project_titles(session: Session, ids: Iterable[int | None]) -> dict[int, str]:
    """The Chinese titles of the projects ``ids`` names (None left out), by id."""
    wanted = {i for i in ids if i}
    if not wanted:
        return {}
    rows = session.execute(select(Project.id, Project.title_zh).where(Project.id.in_(wanted)))
    return {project_id: title for project_id, title in rows}


def consultants_of(session: Session, committee_id: int) -> list[ConsultantRecord]:
    """The committee's consultant engagements, the latest first."""
    engagements = session.scalars(
        select(ConsultantEngagement)
        .where(ConsultantEngagement.committee_id == committee_id)
        .options(selectinload(ConsultantEngagement.person))
        .order_by(ConsultantEngagement.start_date.desc(), ConsultantEngagement.id.desc())
    ).all()
    projects = _project_titles(session, (e.project_id for e in engagements))
    return [
        ConsultantRecord(
            e.id,
            e.person.name_zh,
            e.person.name_en,
            e.expertise,
            projects.get(e.project_id or 0, ""),
            e.start_date,
            e.end_date,
            e.coi_declared_on,
            e.confidentiality_signed_on,
            e.note,
        )
        for e in engagements
    ]


def declaration_targets(session: Session, committee_id: int) -> tuple[list[Target], list[Target]]:
    """The committee's meetings (the latest first) and projects (the newest first) that a
    declaration may be scoped to."""
    meetings = [
        Target(meeting_id, f"{number} ({held_on.isoformat()})")
        for meeting_id, number, held_on in session.execute(
            select(Meeting.id, Meeting.number, Meeting.held_on)
            .where(Meeting.committee_id == committee_id)
            .order_by(Meeting.held_on.desc(), Meeting.id.desc())
        )
    ]
    projects = [
        Target(project_id, title)
        for project_id, title in session.execute(
            select(Project.id, Project.title_zh)
            .where(Project.committee_id == committee_id)
            .order_by(Project.id.desc())
        )
    ]
    return meetings, projects
