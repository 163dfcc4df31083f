"""Projects (研究项目), their stem-cell details, submissions (送审) with their events, site
visits and complaints."""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    ForeignKeyConstraint,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.schema import UniqueConstraint

from app.domain.vocabulary import (
    MULTICENTRE_ROLES,
    PROJECT_STATUSES,
    PROJECT_TYPES,
    REVIEW_PATHS,
    RISK_LEVELS,
    SUBMISSION_EVENT_KINDS,
    SUBMISSION_KINDS,
    SUBMISSION_STATUSES,
)
from app.models.base import Base, not_before, one_of


class Project(Base):
    __tablename__ = "project"

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committee.id"), index=True)
    title_zh: Mapped[str] = mapped_column(Text)
    title_en: Mapped[str] = mapped_column(Text, default="")
    protocol_code: Mapped[str] = mapped_column(String(100), default="")
    principal_investigator: Mapped[str] = mapped_column(String(100))
    team: Mapped[str] = mapped_column(Text, default="")
    department: Mapped[str] = mapped_column(String(200), default="")
    sponsor: Mapped[str] = mapped_column(String(200), default="")
    project_type: Mapped[str] = mapped_column(String(30))
    risk_level: Mapped[str] = mapped_column(String(20), default="minimal")
    multicentre_role: Mapped[str] = mapped_column(String(20), default="single_site")
    status: Mapped[str] = mapped_column(String(20), default="not_started")
    approval_from: Mapped[date | None] = mapped_column(Date)
    approval_until: Mapped[date | None] = mapped_column(Date)

    stem_cell: Mapped[StemCellDetail | None] = relationship(
        back_populates="project", cascade="all, delete-orphan"
    )
    submissions: Mapped[list[Submission]] = relationship(
        back_populates="project", order_by="Submission.id"
    )

    __table_args__ = (
        one_of("project_type", PROJECT_TYPES),
        one_of("risk_level", RISK_LEVELS),
        one_of("multicentre_role", MULTICENTRE_ROLES),
        one_of("status", PROJECT_STATUSES),
        not_before("approval_until", "approval_from"),
        CheckConstraint("length(title_zh) > 0", name="title_zh_not_empty"),
        # The target of submission's composite key: a submission's committee is its project's.
        UniqueConstraint("id", "committee_id"),
    )


class StemCellDetail(Base):
    """Stem-cell clinical research details: source, embryonic-source limits, dual filing."""

    __tablename__ = "stem_cell_detail"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"))
    cell_type: Mapped[str] = mapped_column(String(200), default="")
    cell_source: Mapped[str] = mapped_column(String(200), default="")
    embryonic: Mapped[bool] = mapped_column(Boolean, default=False)
    within_14_days: Mapped[bool | None] = mapped_column(Boolean)
    no_reproductive_implantation: Mapped[bool | None] = mapped_column(Boolean)
    no_species_mixing: Mapped[bool | None] = mapped_column(Boolean)
    no_trade: Mapped[bool | None] = mapped_column(Boolean)
    donor_consent: Mapped[bool | None] = mapped_column(Boolean)
    institution_filing_number: Mapped[str] = mapped_column(String(100), default="")
    project_filing_number: Mapped[str] = mapped_column(String(100), default="")
    academic_committee_approved_on: Mapped[date | None] = mapped_column(Date)

    project: Mapped[Project] = relationship(back_populates="stem_cell")

    __table_args__ = (UniqueConstraint("project_id"),)


class Submission(Base):
    """One review event of a project, numbered from the committee's acceptance series."""

    __tablename__ = "submission"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(index=True)
    # Kept beside project_id so that acceptance numbers are unique per committee; the
    # composite foreign key below ties it to the project's own committee.
    committee_id: Mapped[int] = mapped_column(ForeignKey("committee.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    acceptance_number: Mapped[str] = mapped_column(String(60))
    received_on: Mapped[date] = mapped_column(Date)
    accepted_on: Mapped[date | None] = mapped_column(Date)
    review_path: Mapped[str | None] = mapped_column(String(20))
    exempt_basis: Mapped[str] = mapped_column(Text, default="")
    fee_receipt: Mapped[str] = mapped_column(String(100), default="")
    status: Mapped[str] = mapped_column(String(20), default="received")
    summary: Mapped[str] = mapped_column(Text, default="")

    project: Mapped[Project] = relationship(back_populates="submissions")
    events: Mapped[list[SubmissionEvent]] = relationship(
        back_populates="submission", order_by="SubmissionEvent.id"
    )
    answers: Mapped[list[SubmissionAnswer]] = relationship(cascade="all, delete-orphan")

    __table_args__ = (
        ForeignKeyConstraint(
            ["project_id", "committee_id"],
            ["project.id", "project.committee_id"],
            name="fk_submission_project_committee",
        ),
        UniqueConstraint("committee_id", "acceptance_number"),
        one_of("kind", SUBMISSION_KINDS),
        one_of("review_path", REVIEW_PATHS),
        one_of("status", SUBMISSION_STATUSES),
        not_before("accepted_on", "received_on"),
        CheckConstraint(
            "review_path IS NULL OR review_path <> 'exempt' OR length(exempt_basis) > 0",
            name="exempt_needs_basis",
        ),
    )


class SubmissionAnswer(Base):
    """Links a re-review or an appeal to the decision it answers."""

    __tablename__ = "submission_answer"

    submission_id: Mapped[int] = mapped_column(
        ForeignKey("submission.id", ondelete="CASCADE"), primary_key=True
    )
    decision_id: Mapped[int] = mapped_column(ForeignKey("decision.id"), primary_key=True)


class SubmissionEvent(Base):
    """Something that happened to a submission: returned for completion (补正), resubmitted…"""

    __tablename__ = "submission_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submission.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    occurred_on: Mapped[date] = mapped_column(Date)
    deadline: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")

    submission: Mapped[Submission] = relationship(back_populates="events")

    __table_args__ = (
        one_of("kind", SUBMISSION_EVENT_KINDS),
        not_before("deadline", "occurred_on"),
        CheckConstraint(
            "kind <> 'returned_for_completion' OR deadline IS NOT NULL",
            name="return_needs_deadline",
        ),
    )


class SiteVisit(Base):
    __tablename__ = "site_visit"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id"), index=True)
    visited_on: Mapped[date] = mapped_column(Date)
    visitors: Mapped[str] = mapped_column(Text, default="")
    findings: Mapped[str] = mapped_column(Text, default="")
    follow_up: Mapped[str] = mapped_column(Text, default="")
    follow_up_due: Mapped[date | None] = mapped_column(Date)

    __table_args__ = (not_before("follow_up_due", "visited_on"),)


class Complaint(Base):
    """A participant's complaint (受试者抱怨); the complainant is confidential."""

    __tablename__ = "complaint"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id"), index=True)
    received_on: Mapped[date] = mapped_column(Date)
    complainant: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[str] = mapped_column(Text)
    handling: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    closed_on: Mapped[date | None] = mapped_column(Date)

    __table_args__ = (not_before("closed_on", "received_on"),)
