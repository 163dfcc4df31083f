"""Appending to the audit trail and computing its hashes; the convention every event follows.

The convention (``record_change``; docs/audit.md says it for users): an event names what
changed, each field with its value before and after —

    {"changes": {"term_end": {"before": "2028-12-31", "after": "2026-12-08"}, …},
     "reason": "resigned", "context": {"committee_id": 3}}

— a record's creation has ``before`` null for every field; ``reason`` is there when the
change says why, and a correction of a recorded fact (``correction=True``: a vote, a
sign-in, a signed declaration put right) is refused without one; ``context`` names records the event
belongs to without changing them. A secret field (``SECRET_FIELDS``, or named by the
caller: a private ballot's choice, a PIN's hash, a complainant's identity) is recorded as
``{"secret": true}``: that it changed, never its value, because the chain is permanent and
a value once written could never be removed.

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
from collections.abc import Collection, Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import GENESIS_HASH, AuditEvent, AuditHead
from app.models.types import utcnow
from app.services.actors import Actor
from app.services.validation import invalid

# Fields whose values never enter the chain, per entity type (the caller may name more:
# a ballot's choice is secret only in a private round).
SECRET_FIELDS: dict[str, frozenset[str]] = {
    "user_account": frozenset({"password_hash", "pin_hash"}),
    "complaint": frozenset({"complainant_name", "complainant_contact", "complainant_identity"}),
}


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


def _comparable(value: Any) -> Any:
    """A value as the chain writes it (so ``before == after`` means "unchanged")."""
    return json.loads(canonical_json(value))


def record_change(
    session: Session,
    actor: Actor,
    action: str,
    entity_type: str,
    entity_id: int | str,
    *,
    after: Mapping[str, Any],
    before: Mapping[str, Any] | None = None,
    reason: str | None = None,
    context: Mapping[str, Any] | None = None,
    secret: Collection[str] = (),
    correction: bool = False,
) -> AuditEvent:
    """Append the event of a change to ``entity_type`` ``entity_id`` (the convention above).

    ``after`` holds the fields the action set; ``before`` their values before it (None: the
    record is new, every field was null). A field whose value did not change is left out.
    Fields of ``SECRET_FIELDS`` and ``secret`` are recorded as changed, without values.
    With ``correction`` an empty ``reason`` is a ValidationError of the field "reason"
    (raised before anything is written).
    """
    if correction and not (reason and reason.strip()):
        raise invalid(
            "reason",
            "is required: a correction of a recorded fact says why",
            "不能为空：更正已记录的事实须说明理由",
        )
    hidden = SECRET_FIELDS.get(entity_type, frozenset()) | set(secret)
    changes: dict[str, Any] = {}
    for key, new in after.items():
        old = None if before is None else before.get(key)
        if before is not None and _comparable(old) == _comparable(new):
            continue
        changes[key] = {"secret": True} if key in hidden else {"before": old, "after": new}
    payload: dict[str, Any] = {"changes": changes}
    if reason:
        payload["reason"] = reason
    if context:
        payload["context"] = dict(context)
    return record(session, actor, action, entity_type, entity_id, payload)


def snapshot(row: Any, fields: Collection[str]) -> dict[str, Any]:
    """The current values of ``fields`` of an ORM row (a set as a sorted list), to pass as
    ``before``."""
    values = {}
    for key in fields:
        value = getattr(row, key)
        values[key] = sorted(value) if isinstance(value, set | frozenset) else value
    return values
