"""Meetings (会议): agenda items, attendance, recusals, vote rounds and ballots, and the
decisions and letters that come out of them."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, CheckConstraint, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.schema import UniqueConstraint

from app.domain.vocabulary import (
    AGENDA_ITEM_KINDS,
    ATTENDANCE_STATUSES,
    DOCUMENT_LANGUAGES,
    LETTER_STATUSES,
    MEETING_STATUSES,
)
from app.models.base import Base, not_before, one_of
from app.models.types import UtcDateTime


class Meeting(Base):
    __tablename__ = "meeting"

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committee.id"), index=True)
    number: Mapped[str] = mapped_column(String(60))
    held_on: Mapped[date] = mapped_column(Date)
    place: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(20), default="planned")
    minutes: Mapped[str] = mapped_column(Text, default="")

    items: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting", order_by="AgendaItem.position"
    )
    attendance: Mapped[list[Attendance]] = relationship(order_by="Attendance.id")

    __table_args__ = (
        UniqueConstraint("committee_id", "number"),
        one_of("status", MEETING_STATUSES),
    )


class AgendaItem(Base):
    __tablename__ = "agenda_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(10), default="review")
    submission_id: Mapped[int | None] = mapped_column(ForeignKey("submission.id"), index=True)
    title: Mapped[str] = mapped_column(Text, default="")
    started_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UtcDateTime)

    meeting: Mapped[Meeting] = relationship(back_populates="items")
    recusals: Mapped[list[Recusal]] = relationship(order_by="Recusal.id")
    rounds: Mapped[list[VoteRound]] = relationship(order_by="VoteRound.number")

    __table_args__ = (
        UniqueConstraint("meeting_id", "position"),
        one_of("kind", AGENDA_ITEM_KINDS),
        CheckConstraint("position >= 1", name="position_positive"),
        CheckConstraint(
            "kind = 'report' OR submission_id IS NOT NULL", name="review_has_submission"
        ),
        not_before("ended_at", "started_at"),
    )


class Attendance(Base):
    """One row per member per meeting: present, remote, absent or excused."""

    __tablename__ = "attendance"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"), index=True)
    membership_id: Mapped[int] = mapped_column(ForeignKey("membership.id"), index=True)
    status: Mapped[str] = mapped_column(String(10))
    note: Mapped[str] = mapped_column(Text, default="")

    intervals: Mapped[list[AttendanceInterval]] = relationship(
        cascade="all, delete-orphan", order_by="AttendanceInterval.arrived_at"
    )

    __table_args__ = (
        UniqueConstraint("meeting_id", "membership_id"),
        one_of("status", ATTENDANCE_STATUSES),
    )


class AttendanceInterval(Base):
    """When a present member arrived and left; a member may leave and return."""

    __tablename__ = "attendance_interval"

    id: Mapped[int] = mapped_column(primary_key=True)
    attendance_id: Mapped[int] = mapped_column(
        ForeignKey("attendance.id", ondelete="CASCADE"), index=True
    )
    arrived_at: Mapped[datetime] = mapped_column(UtcDateTime)
    left_at: Mapped[datetime | None] = mapped_column(UtcDateTime)

    __table_args__ = (not_before("left_at", "arrived_at"),)


class Recusal(Base):
    """A member stepping aside from one agenda item, with the reason."""

    __tablename__ = "recusal"

    id: Mapped[int] = mapped_column(primary_key=True)
    agenda_item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id"), index=True)
    membership_id: Mapped[int] = mapped_column(ForeignKey("membership.id"), index=True)
    reason: Mapped[str] = mapped_column(Text)

    __table_args__ = (
        UniqueConstraint("agenda_item_id", "membership_id"),
        CheckConstraint("length(reason) > 0", name="reason_not_empty"),
    )


class VoteRound(Base):
    """A round of voting on an item; a re-vote is a new round. Closed rounds are final."""

    __tablename__ = "vote_round"

    id: Mapped[int] = mapped_column(primary_key=True)
    agenda_item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    secret: Mapped[bool] = mapped_column(Boolean, default=False)
    opened_at: Mapped[datetime] = mapped_column(UtcDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)

    ballots: Mapped[list[Ballot]] = relationship(order_by="Ballot.id")

    __table_args__ = (
        UniqueConstraint("agenda_item_id", "number"),
        CheckConstraint("number >= 1", name="number_positive"),
        not_before("closed_at", "opened_at"),
    )


class Ballot(Base):
    """One ballot per seat per round; ``seat_membership_id`` is the member whose seat the
    voter holds (the voter's own, or the absent member's for an alternate)."""

    __tablename__ = "ballot"

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("vote_round.id"), index=True)
    membership_id: Mapped[int] = mapped_column(ForeignKey("membership.id"))
    seat_membership_id: Mapped[int] = mapped_column(ForeignKey("membership.id"))
    choice: Mapped[str] = mapped_column(String(40))
    cast_at: Mapped[datetime] = mapped_column(UtcDateTime)

    __table_args__ = (
        UniqueConstraint("round_id", "seat_membership_id"),
        UniqueConstraint("round_id", "membership_id"),
    )


class Decision(Base):
    """The outcome of an item or an expedited review, with the rules it was taken under."""

    __tablename__ = "decision"

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submission.id"), index=True)
    agenda_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_item.id"))
    code: Mapped[str] = mapped_column(String(40))
    decided_on: Mapped[date] = mapped_column(Date)
    reasons: Mapped[str] = mapped_column(Text, default="")
    modifications: Mapped[str] = mapped_column(Text, default="")
    dissent: Mapped[str] = mapped_column(Text, default="")
    approval_from: Mapped[date | None] = mapped_column(Date)
    approval_until: Mapped[date | None] = mapped_column(Date)
    next_review_on: Mapped[date | None] = mapped_column(Date)
    tally: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    profile_id: Mapped[str] = mapped_column(String(40))
    profile_snapshot: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    __table_args__ = (
        UniqueConstraint("agenda_item_id"),
        not_before("approval_until", "approval_from"),
        not_before("next_review_on", "decided_on"),
    )


class Letter(Base):
    """A decision letter (批件/审查意见), numbered from the committee's letter series."""

    __tablename__ = "letter"

    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("decision.id"), index=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committee.id"), index=True)
    # Taken from the letter series when the chair approves the letter, never for a draft
    # that may be abandoned, so the series has no gaps.
    letter_number: Mapped[str | None] = mapped_column(String(60))
    status: Mapped[str] = mapped_column(String(10), default="draft")
    language: Mapped[str] = mapped_column(String(10), default="zh_CN")
    issued_on: Mapped[date | None] = mapped_column(Date)
    blob_sha256: Mapped[str | None] = mapped_column(ForeignKey("blob.sha256"))

    __table_args__ = (
        UniqueConstraint("committee_id", "letter_number"),
        one_of("status", LETTER_STATUSES),
        one_of("language", DOCUMENT_LANGUAGES),
        CheckConstraint("status <> 'issued' OR issued_on IS NOT NULL", name="issued_has_date"),
        CheckConstraint(
            "status = 'draft' OR letter_number IS NOT NULL", name="numbered_unless_draft"
        ),
    )
