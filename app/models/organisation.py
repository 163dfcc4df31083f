"""Institutions, committees, their regulatory profile history, terms and number series."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import JSON, CheckConstraint, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.schema import UniqueConstraint

from app.domain.vocabulary import NUMBER_SERIES_KINDS
from app.models.base import Base, not_before, one_of


class Institution(Base):
    __tablename__ = "institution"

    id: Mapped[int] = mapped_column(primary_key=True)
    name_zh: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(Text, default="")

    committees: Mapped[list[Committee]] = relationship(
        back_populates="institution", order_by="Committee.id"
    )

    __table_args__ = (
        UniqueConstraint("name_zh"),
        CheckConstraint("length(name_zh) > 0", name="name_zh_not_empty"),
    )


class Committee(Base):
    __tablename__ = "committee"

    id: Mapped[int] = mapped_column(primary_key=True)
    institution_id: Mapped[int] = mapped_column(ForeignKey("institution.id"), index=True)
    name_zh: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    filing_number: Mapped[str] = mapped_column(String(100), default="")
    filing_authority: Mapped[str] = mapped_column(String(200), default="")
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Shanghai")

    institution: Mapped[Institution] = relationship(back_populates="committees")
    profiles: Mapped[list[CommitteeProfile]] = relationship(
        back_populates="committee", order_by="CommitteeProfile.effective_from"
    )
    terms: Mapped[list[CommitteeTerm]] = relationship(
        back_populates="committee", order_by="CommitteeTerm.number"
    )

    __table_args__ = (
        UniqueConstraint("institution_id", "name_zh"),
        CheckConstraint("length(name_zh) > 0", name="name_zh_not_empty"),
    )


class CommitteeProfile(Base):
    """The regulatory profile and SOP overrides a committee applies from a date on."""

    __tablename__ = "committee_profile"

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committee.id"), index=True)
    effective_from: Mapped[date] = mapped_column(Date)
    profile_id: Mapped[str] = mapped_column(String(40))
    sop_overrides: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    note: Mapped[str] = mapped_column(Text, default="")

    committee: Mapped[Committee] = relationship(back_populates="profiles")

    __table_args__ = (UniqueConstraint("committee_id", "effective_from"),)


class CommitteeTerm(Base):
    """A term of office of the committee (换届: 第N届)."""

    __tablename__ = "committee_term"

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committee.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    appointment_document: Mapped[str] = mapped_column(String(200), default="")

    committee: Mapped[Committee] = relationship(back_populates="terms")

    __table_args__ = (
        UniqueConstraint("committee_id", "number"),
        CheckConstraint("number >= 1", name="number_positive"),
        not_before("end_date", "start_date"),
    )


class NumberSeries(Base):
    """A committee's gap-free numbering, e.g. acceptance numbers ``KY-{yyyy}-{seq:03d}``."""

    __tablename__ = "number_series"

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committee.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    pattern: Mapped[str] = mapped_column(String(100))

    __table_args__ = (
        UniqueConstraint("committee_id", "kind"),
        one_of("kind", NUMBER_SERIES_KINDS),
    )


class NumberCounter(Base):
    """The last number taken from a series in a year; locked while a number is taken."""

    __tablename__ = "number_counter"

    id: Mapped[int] = mapped_column(primary_key=True)
    series_id: Mapped[int] = mapped_column(ForeignKey("number_series.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    last_value: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (
        UniqueConstraint("series_id", "year"),
        CheckConstraint("last_value >= 0", name="last_value_not_negative"),
    )


class Setting(Base):
    """An application setting (key → JSON value); keys are declared in app/services/settings."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
