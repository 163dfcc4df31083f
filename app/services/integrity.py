"""What ``ethicsdesk verify`` checks: the database's own integrity, the audit chain and its
head, and every blob's hash. Reads only; reports the first problem of each kind."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from app.models import GENESIS_HASH, AuditEvent, AuditHead, Blob
from app.services.audit import chain_hash, event_content


@dataclass
class VerifyReport:
    head_count: int = 0
    head_hash: str = GENESIS_HASH
    events: int = 0
    blobs: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_database(session: Session) -> list[str]:
    """SQLite's integrity and foreign-key checks; PostgreSQL checks itself."""
    if session.get_bind().dialect.name != "sqlite":
        return []
    problems = []
    rows = [r[0] for r in session.execute(text("PRAGMA integrity_check")).all()]
    if rows != ["ok"]:
        problems.append(f"database integrity check failed: {'; '.join(map(str, rows[:3]))}")
    bad_fk = session.execute(text("PRAGMA foreign_key_check")).all()
    if bad_fk:
        table, rowid, parent, _ = bad_fk[0]
        problems.append(
            f"{len(bad_fk)} rows point at missing rows (first: {table} row {rowid} → {parent})"
        )
    return problems


def check_chain(session: Session, report: VerifyReport) -> None:
    """Walk the chain in sequence order; stop at the first broken link."""
    expected_prev = GENESIS_HASH
    expected_seq = 1
    query = select(AuditEvent).order_by(AuditEvent.seq).execution_options(yield_per=1000)
    for event in session.scalars(query):
        report.events += 1
        if event.seq != expected_seq:
            report.problems.append(
                f"audit chain: event {expected_seq} is missing (next found is {event.seq})"
            )
            return
        if event.prev_hash != expected_prev:
            report.problems.append(
                f"audit chain: event {event.seq} does not follow event {event.seq - 1} "
                "(events removed, reordered or recomputed)"
            )
            return
        if chain_hash(event.prev_hash, event_content(event)) != event.hash:
            report.problems.append(
                f"audit chain: event {event.seq} was changed after it was written"
            )
            return
        expected_prev = event.hash
        expected_seq += 1
    head = session.get(AuditHead, 1)
    if head is None:
        report.problems.append("audit head is missing")
        return
    report.head_count, report.head_hash = head.count, head.hash
    last = expected_seq - 1
    if head.count != last or head.hash != expected_prev:
        report.problems.append(
            f"audit head says {head.count} events ending {head.hash[:12]}…, the chain has "
            f"{last} ending {expected_prev[:12]}… "
            "(events removed from the end, or the head changed)"
        )


def check_blobs(session: Session, report: VerifyReport) -> None:
    keys = session.scalars(select(Blob.sha256).order_by(Blob.sha256)).all()
    for key in keys:
        report.blobs += 1
        data = session.scalar(select(Blob.data).where(Blob.sha256 == key)) or b""
        size = session.scalar(select(Blob.size).where(Blob.sha256 == key))
        if hashlib.sha256(data).hexdigest() != key or len(data) != size:
            report.problems.append(
                f"document {key[:12]}… does not match its hash (changed or damaged)"
            )
            return


def check_expected_head(session: Session, count: int, digest: str, report: VerifyReport) -> None:
    """Compare the chain with a head copied elsewhere (a backup, a letter's metadata)."""
    found = session.scalar(select(AuditEvent.hash).where(AuditEvent.seq == count))
    if count == 0:
        found = GENESIS_HASH
    if found != digest:
        report.problems.append(
            f"audit chain does not contain the expected head {count}:{digest[:12]}… "
            "(the chain was truncated or recomputed since that copy)"
        )


def verify(session: Session, expected_head: tuple[int, str] | None = None) -> VerifyReport:
    report = VerifyReport()
    report.problems += check_database(session)
    check_chain(session, report)
    if expected_head is not None:
        check_expected_head(session, *expected_head, report)
    check_blobs(session, report)
    return report


def count_rows(session: Session, model: type) -> int:
    return int(session.scalar(select(func.count()).select_from(model)) or 0)
