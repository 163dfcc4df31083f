"""People, their memberships of committees, consultant engagements, training, declarations
and user accounts."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ColumnElement,
    Date,
    ForeignKey,
    Numeric,
    String,
    Text,
    and_,
    or_,
)
from sqlalchemy.ext.hybrid import hybrid_method
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.schema import UniqueConstraint

from app.domain import seats
from app.domain.vocabulary import (
    DECLARATION_KINDS,
    DECLARATION_SCOPES,
    EXPERTISE,
    GENDERS,
    ROLE_PRECEDENCE,
    ROLES,
    USER_ROLES,
)
from app.models.base import Base, not_before, one_of


class Person(Base):
    __tablename__ = "person"

    id: Mapped[int] = mapped_column(primary_key=True)
    name_zh: Mapped[str] = mapped_column(String(100))
    # How the name sorts (app.domain.names.sort_key: pinyin), written with the name.
    name_sort: Mapped[str] = mapped_column(String(400), default="", server_default="", index=True)
    name_en: Mapped[str] = mapped_column(String(100), default="")
    gender: Mapped[str] = mapped_column(String(10))
    ethnicity: Mapped[str] = mapped_column(String(50), default="")
    minority: Mapped[bool] = mapped_column(Boolean, default=False)
    title: Mapped[str] = mapped_column(String(100), default="")
    degrees: Mapped[str] = mapped_column(String(100), default="")
    profession: Mapped[str] = mapped_column(String(100), default="")
    employer: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    consent_publish: Mapped[bool] = mapped_column(Boolean, default=False)

    memberships: Mapped[list[Membership]] = relationship(
        back_populates="person", order_by="Membership.id"
    )

    __table_args__ = (
        one_of("gender", GENDERS),
        CheckConstraint("length(name_zh) > 0", name="name_zh_not_empty"),
    )


# The seat predicates of app.domain.seats as SQL, over anything with a membership's columns:
# the mapped class (its hybrids below) or ``Membership.__table__.c`` (Core queries, which
# the dashboard's first read uses: they need no mapper configuration).


def not_over_sql(c: Any, day: date) -> ColumnElement[bool]:
    """Not over by ``day``: held then, or starting later."""
    return and_(
        or_(c.term_end.is_(None), c.term_end >= day),
        or_(c.ended_on.is_(None), c.ended_on >= day),
    )


def holds_seat_sql(c: Any, day: date) -> ColumnElement[bool]:
    """Held on ``day``: the term covers it and it was not ended before it."""
    return and_(c.term_start <= day, not_over_sql(c, day))


def ended_before_sql(c: Any, day: date) -> ColumnElement[bool]:
    """History on ``day``: ended before it."""
    return and_(c.ended_on.is_not(None), c.ended_on < day)


class Membership(Base):
    """A person's seat on a committee for a term (委员). Ended memberships stay as history."""

    __tablename__ = "membership"

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committee.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    affiliated: Mapped[bool] = mapped_column(Boolean)
    voting: Mapped[bool] = mapped_column(Boolean, default=True)
    scientist: Mapped[bool | None] = mapped_column(Boolean)
    term_start: Mapped[date] = mapped_column(Date)
    term_end: Mapped[date | None] = mapped_column(Date)
    alternate_for_id: Mapped[int | None] = mapped_column(ForeignKey("membership.id"))
    ended_on: Mapped[date | None] = mapped_column(Date)
    end_reason: Mapped[str] = mapped_column(Text, default="")

    person: Mapped[Person] = relationship(back_populates="memberships")
    role_rows: Mapped[list[MembershipRole]] = relationship(
        cascade="all, delete-orphan", order_by="MembershipRole.role"
    )
    expertise_rows: Mapped[list[MembershipExpertise]] = relationship(
        cascade="all, delete-orphan", order_by="MembershipExpertise.category"
    )
    alternate_for: Mapped[Membership | None] = relationship(remote_side=[id])

    __table_args__ = (
        not_before("term_end", "term_start"),
        not_before("ended_on", "term_start"),
        CheckConstraint(
            "alternate_for_id IS NULL OR alternate_for_id <> id", name="not_own_alternate"
        ),
    )

    @property
    def roles(self) -> set[str]:
        return {r.role for r in self.role_rows}

    @property
    def primary_role(self) -> str:
        held = self.roles
        return next((r for r in ROLE_PRECEDENCE if r in held), "member")

    @property
    def expertise(self) -> list[str]:
        return list(EXPERTISE.ordered(e.category for e in self.expertise_rows))

    @property
    def last_day(self) -> date | None:
        """The seat's last day: the earlier of ``term_end`` and ``ended_on``."""
        return seats.seat_end(self.term_end, self.ended_on)

    # The seat predicate of app.domain.seats, in Python and as SQL: held on ``day`` when the
    # term covers the day and the membership was not ended before it.
    def _holds_seat_on(self, day: date) -> bool:
        return seats.holds_seat(self.term_start, self.term_end, self.ended_on, day)

    # History on ``day``: ended before it.
    def _ended_before(self, day: date) -> bool:
        return seats.ended_before(self.ended_on, day)

    # Not over by ``day``: held then, or starting later (what an export writes).
    def _not_over_before(self, day: date) -> bool:
        return not seats.over_before(self.term_end, self.ended_on, day)

    holds_seat_on = hybrid_method(_holds_seat_on, holds_seat_sql)
    ended_before = hybrid_method(_ended_before, ended_before_sql)
    not_over_before = hybrid_method(_not_over_before, not_over_sql)


class MembershipRole(Base):
    __tablename__ = "membership_role"

    membership_id: Mapped[int] = mapped_column(
        ForeignKey("membership.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(20), primary_key=True)

    __table_args__ = (one_of("role", ROLES),)


class MembershipExpertise(Base):
    __tablename__ = "membership_expertise"

    membership_id: Mapped[int] = mapped_column(
        ForeignKey("membership.id", ondelete="CASCADE"), primary_key=True
    )
    category: Mapped[str] = mapped_column(String(20), primary_key=True)

    __table_args__ = (one_of("category", EXPERTISE),)


class ConsultantEngagement(Base):
    """An outside expert engaged for a project or submission (独立顾问); never votes."""

    __tablename__ = "consultant_engagement"

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committee.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    project_id: Mapped[int | None] = mapped_column(ForeignKey("project.id"))
    submission_id: Mapped[int | None] = mapped_column(ForeignKey("submission.id"))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    expertise: Mapped[str] = mapped_column(String(20), default="other")
    coi_declared_on: Mapped[date | None] = mapped_column(Date)
    confidentiality_signed_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")

    person: Mapped[Person] = relationship()

    __table_args__ = (
        not_before("end_date", "start_date"),
        one_of("expertise", EXPERTISE),
    )


class Training(Base):
    __tablename__ = "training"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    course: Mapped[str] = mapped_column(String(200))
    taken_on: Mapped[date] = mapped_column(Date)
    hours: Mapped[Decimal] = mapped_column(Numeric(6, 1), default=Decimal(0))
    expires_on: Mapped[date | None] = mapped_column(Date)

    __table_args__ = (
        not_before("expires_on", "taken_on"),
        CheckConstraint("hours >= 0", name="hours_not_negative"),
        CheckConstraint("length(course) > 0", name="course_not_empty"),
    )


class Declaration(Base):
    """A signed confidentiality or conflict-of-interest declaration with its scope."""

    __tablename__ = "declaration"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committee.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    scope: Mapped[str] = mapped_column(String(20))
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id"))
    project_id: Mapped[int | None] = mapped_column(ForeignKey("project.id"))
    signed_on: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date)
    interests: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        one_of("kind", DECLARATION_KINDS),
        one_of("scope", DECLARATION_SCOPES),
        not_before("valid_until", "signed_on"),
        CheckConstraint(
            "(scope = 'standing' AND meeting_id IS NULL AND project_id IS NULL)"
            " OR (scope = 'meeting' AND meeting_id IS NOT NULL AND project_id IS NULL)"
            " OR (scope = 'project' AND project_id IS NOT NULL AND meeting_id IS NULL)",
            name="scope_target",
        ),
    )


class UserAccount(Base):
    """A login of the application, with one role of the permission table."""

    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(100))
    display_name: Mapped[str] = mapped_column(String(100), default="")
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(300))
    pin_hash: Mapped[str | None] = mapped_column(String(300))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    __table_args__ = (
        UniqueConstraint("username"),
        one_of("role", USER_ROLES),
        CheckConstraint("length(username) > 0", name="username_not_empty"),
    )
