"""The audit trail: events chained by SHA-256 and the head kept apart.

Each event's ``hash`` is SHA-256 over the previous event's hash and the event's canonical
content (app/audit.py builds it). The head row (there is exactly one) holds the count and
the last hash; appending locks it, so two writers cannot fork the chain.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.schema import UniqueConstraint

from app.models.base import Base
from app.models.types import UtcDateTime

GENESIS_HASH = "0" * 64


class AuditEvent(Base):
    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(60))
    entity_type: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(60))
    # Canonical JSON text, exactly as hashed (never a JSON column: PostgreSQL reorders keys).
    payload: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (
        UniqueConstraint("seq"),
        UniqueConstraint("hash"),
        CheckConstraint("seq >= 1", name="seq_positive"),
        CheckConstraint("length(hash) = 64 AND length(prev_hash) = 64", name="hash_length"),
    )


class AuditHead(Base):
    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(primary_key=True)
    count: Mapped[int] = mapped_column(Integer, default=0)
    hash: Mapped[str] = mapped_column(String(64), default=GENESIS_HASH)

    __table_args__ = (
        CheckConstraint("id = 1", name="single_row"),
        CheckConstraint("count >= 0", name="count_not_negative"),
        CheckConstraint("length(hash) = 64", name="hash_length"),
    )
