"""Content-addressed blobs and the attachments that point at them from any entity."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.domain.vocabulary import ATTACHMENT_OWNERS
from app.models.base import Base, one_of


class Blob(Base):
    """File content, keyed by its SHA-256; stored once however often it is attached."""

    __tablename__ = "blob"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)

    __table_args__ = (
        CheckConstraint("length(sha256) = 64", name="sha256_length"),
        CheckConstraint("size >= 0", name="size_not_negative"),
        CheckConstraint("size = length(data)", name="size_matches_data"),
    )


class Attachment(Base):
    """A file attached to an entity (``owner_type`` names its table, ``owner_id`` its row)."""

    __tablename__ = "attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_type: Mapped[str] = mapped_column(String(30))
    owner_id: Mapped[int] = mapped_column(Integer)
    blob_sha256: Mapped[str] = mapped_column(ForeignKey("blob.sha256"), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    document_type: Mapped[str] = mapped_column(String(60), default="")
    version_label: Mapped[str] = mapped_column(String(60), default="")
    version_date: Mapped[date | None] = mapped_column(Date)

    blob: Mapped[Blob] = relationship()

    __table_args__ = (
        one_of("owner_type", ATTACHMENT_OWNERS),
        CheckConstraint("length(filename) > 0", name="filename_not_empty"),
        Index("ix_attachment_owner", "owner_type", "owner_id"),
    )
