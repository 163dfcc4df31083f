"""Appending to the audit trail and computing its hashes.

An event's hash is SHA-256 over the previous event's hash, a newline, and the canonical JSON
of its content (sequence number, UTC time, actor, action, entity, payload). Canonical JSON
is built here in Python (sorted keys, no spaces, UTF-8), never taken from what a database
returns. Appending locks the head row (SELECT … FOR UPDATE on PostgreSQL; SQLite's
IMMEDIATE transaction already holds the write lock), so concurrent writers queue and the
chain never forks.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import GENESIS_HASH, AuditEvent, AuditHead
from app.models.types import utcnow
from app.services.context import Actor


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, set | frozenset):
        return sorted(value)
    raise TypeError(f"cannot put {type(value).__name__} into an audit payload")


def canonical_json(value: Any) -> str:
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_json_default
    )


def format_time(at: datetime) -> str:
    return at.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def event_content(event: AuditEvent) -> dict[str, Any]:
    return {
        "seq": event.seq,
        "at": format_time(event.at),
        "actor": event.actor,
        "action": event.action,
        "entity_type": event.entity_type,
        "entity_id": event.entity_id,
        "payload": event.payload,
    }


def chain_hash(prev_hash: str, content: dict[str, Any]) -> str:
    data = (prev_hash + "\n" + canonical_json(content)).encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def lock_head(session: Session) -> AuditHead:
    head = session.execute(
        select(AuditHead).where(AuditHead.id == 1).with_for_update()
    ).scalar_one_or_none()
    if head is None:
        head = AuditHead(id=1, count=0, hash=GENESIS_HASH)
        session.add(head)
        session.flush()
    return head


def record(
    session: Session,
    actor: Actor,
    action: str,
    entity_type: str,
    entity_id: int | str,
    payload: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event to the chain, in the caller's transaction."""
    session.flush()  # the entity's id must exist before it is named
    head = lock_head(session)
    event = AuditEvent(
        seq=head.count + 1,
        at=utcnow(),
        actor=actor.username,
        action=action,
        entity_type=entity_type,
        entity_id=str(entity_id),
        payload=canonical_json(payload or {}),
        prev_hash=head.hash,
    )
    event.hash = chain_hash(head.hash, event_content(event))
    session.add(event)
    head.count = event.seq
    head.hash = event.hash
    session.flush()
    return event
