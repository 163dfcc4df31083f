"""Files attached to any entity, stored once as content-addressed blobs (SHA-256)."""

from __future__ import annotations

import hashlib
import mimetypes
import re
import unicodedata
from datetime import date
from pathlib import Path, PurePosixPath, PureWindowsPath

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import (
    AgendaItem,
    Attachment,
    Blob,
    Committee,
    CommitteeTerm,
    Complaint,
    ConsultantEngagement,
    Decision,
    Declaration,
    Institution,
    Letter,
    Meeting,
    Membership,
    Person,
    Project,
    SiteVisit,
    Submission,
    Training,
)
from app.models.base import Base
from app.services import audit
from app.services import validation as v
from app.services.actors import Actor
from app.services.permissions import require

MAX_ATTACHMENT_BYTES = 64 * 1024 * 1024

OWNER_MODELS: dict[str, type[Base]] = {
    "institution": Institution,
    "committee": Committee,
    "committee_term": CommitteeTerm,
    "person": Person,
    "membership": Membership,
    "consultant_engagement": ConsultantEngagement,
    "training": Training,
    "declaration": Declaration,
    "project": Project,
    "submission": Submission,
    "meeting": Meeting,
    "agenda_item": AgendaItem,
    "decision": Decision,
    "letter": Letter,
    "site_visit": SiteVisit,
    "complaint": Complaint,
}

_UNSAFE_NAME = re.compile(r'[\x00-\x1f\x7f<>:"|?*]')


def clean_filename(name: object) -> str:
    """The file's own name, without any directory part or characters unsafe on disk."""
    if not isinstance(name, str):
        raise v.invalid("filename", "must be text", "必须是文本")
    base = PureWindowsPath(PurePosixPath(unicodedata.normalize("NFC", name)).name).name.strip()
    base = _UNSAFE_NAME.sub("_", base)
    if base in ("", ".", ".."):
        raise v.invalid("filename", "is empty", "不能为空")
    if len(base) > 255:
        stem, dot, ext = base.rpartition(".")
        base = (stem[: 250 - len(ext)] + dot + ext) if dot and len(ext) < 20 else base[:255]
    return base


def store_blob(session: Session, content: bytes) -> Blob:
    """The blob holding ``content``, stored now unless the same bytes are stored already."""
    digest = hashlib.sha256(content).hexdigest()
    blob = session.get(Blob, digest)
    if blob is None:
        blob = Blob(sha256=digest, size=len(content), data=content)
        session.add(blob)
        session.flush()
    return blob


def attach_file(
    session: Session,
    actor: Actor,
    *,
    owner_type: str,
    owner_id: int,
    filename: str,
    content: bytes,
    media_type: str | None = None,
    document_type: str = "",
    version_label: str = "",
    version_date: date | None = None,
) -> Attachment:
    require(actor, "attachment.add")
    v.choice("owner_type", owner_type, tuple(OWNER_MODELS))
    owner = v.get(session, OWNER_MODELS[owner_type], "owner_id", owner_id)
    name = clean_filename(filename)
    if not isinstance(content, bytes | bytearray | memoryview):
        raise v.invalid("content", "must be the file's bytes", "必须是文件的字节内容")
    if len(content) > MAX_ATTACHMENT_BYTES:
        raise v.invalid(
            "content",
            f"{name} is {len(content) / 2**20:.1f} MiB; files may be at most "
            f"{MAX_ATTACHMENT_BYTES // 2**20} MiB",
            f"{name} 大小为 {len(content) / 2**20:.1f} MiB，文件不能超过 "
            f"{MAX_ATTACHMENT_BYTES // 2**20} MiB",
        )
    kind = v.text(
        "media_type",
        media_type or mimetypes.guess_type(name)[0] or "application/octet-stream",
        max_length=100,
    )
    doc_type = v.text("document_type", document_type, max_length=60)
    label = v.text("version_label", version_label, max_length=60)
    when = v.optional_date("version_date", version_date)
    blob = store_blob(session, bytes(content))
    attachment = Attachment(
        owner_type=owner_type,
        owner_id=int(owner.id),  # type: ignore[attr-defined]
        blob_sha256=blob.sha256,
        filename=name,
        media_type=kind,
        document_type=doc_type,
        version_label=label,
        version_date=when,
    )
    session.add(attachment)
    session.flush()
    audit.record_change(
        session,
        actor,
        "attachment.add",
        "attachment",
        attachment.id,
        context={"owner_type": owner_type, "owner_id": attachment.owner_id},
        after={
            "filename": name,
            "sha256": blob.sha256,
            "size": blob.size,
            "media_type": kind,
            "document_type": doc_type,
            "version_label": label,
            "version_date": when,
        },
    )
    return attachment


def attach_path(session: Session, actor: Actor, *, path: Path, **fields: object) -> Attachment:
    """Attach a file from disk; its size is checked before it is read."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise v.invalid(
            "path", f"cannot read {path}: {exc.strerror}", f"无法读取 {path}：{exc.strerror}"
        ) from exc
    if size > MAX_ATTACHMENT_BYTES:
        raise v.invalid(
            "path",
            f"{path.name} is {size / 2**20:.1f} MiB; files may be at most "
            f"{MAX_ATTACHMENT_BYTES // 2**20} MiB",
            f"{path.name} 大小为 {size / 2**20:.1f} MiB，文件不能超过 "
            f"{MAX_ATTACHMENT_BYTES // 2**20} MiB",
        )
    return attach_file(session, actor, filename=path.name, content=path.read_bytes(), **fields)  # type: ignore[arg-type]


def attachments_of(session: Session, owner_type: str, owner_id: int) -> list[Attachment]:
    return list(
        session.scalars(
            select(Attachment)
            .where(Attachment.owner_type == owner_type, Attachment.owner_id == owner_id)
            .order_by(Attachment.id)
        )
    )
