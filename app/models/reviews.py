"""Review assignments (主审) and the versioned worksheets members score against the
profile's approval criteria."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.schema import UniqueConstraint

from app.domain.vocabulary import ASSIGNMENT_ROLES, WORKSHEET_STATUSES
from app.models.base import Base, not_before, one_of
from app.models.types import UtcDateTime


class ReviewAssignment(Base):
    __tablename__ = "review_assignment"

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submission.id"), index=True)
    membership_id: Mapped[int] = mapped_column(ForeignKey("membership.id"), index=True)
    role: Mapped[str] = mapped_column(String(20), default="primary")
    assigned_on: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date | None] = mapped_column(Date)

    worksheets: Mapped[list[Worksheet]] = relationship(order_by="Worksheet.version")

    __table_args__ = (
        UniqueConstraint("submission_id", "membership_id"),
        one_of("role", ASSIGNMENT_ROLES),
        not_before("due_on", "assigned_on"),
    )


class Worksheet(Base):
    """One version of a reviewer's worksheet; a submitted version is never changed."""

    __tablename__ = "worksheet"

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("review_assignment.id"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), default="draft")
    recommendation: Mapped[str | None] = mapped_column(String(40))
    comments: Mapped[str] = mapped_column(Text, default="")
    submitted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)

    scores: Mapped[list[CriterionScore]] = relationship(
        cascade="all, delete-orphan", order_by="CriterionScore.criterion_id"
    )

    __table_args__ = (
        UniqueConstraint("assignment_id", "version"),
        one_of("status", WORKSHEET_STATUSES),
        CheckConstraint("version >= 1", name="version_positive"),
        CheckConstraint(
            "(status = 'submitted') = (submitted_at IS NOT NULL)", name="submitted_has_time"
        ),
    )


class CriterionScore(Base):
    """A worksheet's score for one approval criterion: 1–5, or yes/no/na, by profile."""

    __tablename__ = "criterion_score"

    id: Mapped[int] = mapped_column(primary_key=True)
    worksheet_id: Mapped[int] = mapped_column(
        ForeignKey("worksheet.id", ondelete="CASCADE"), index=True
    )
    criterion_id: Mapped[str] = mapped_column(String(60))
    score: Mapped[int | None] = mapped_column(Integer)
    answer: Mapped[str | None] = mapped_column(String(5))
    comment: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        UniqueConstraint("worksheet_id", "criterion_id"),
        CheckConstraint("score IS NULL OR (score >= 1 AND score <= 5)", name="score_range"),
        one_of("answer", ("yes", "no", "na")),
        CheckConstraint("score IS NULL OR answer IS NULL", name="score_or_answer"),
    )
