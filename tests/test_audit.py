"""The audit chain and its head catch edits, deletions, reordering and truncation, and
concurrent writers leave one valid chain."""

from __future__ import annotations

import itertools
import json
import threading
from datetime import date

import pytest
from sqlalchemy import func, select, text

from app.db import Database
from app.errors import ValidationError
from app.models import AuditEvent, AuditHead
from app.services import audit, roster
from app.services.actors import SYSTEM
from app.services.integrity import verify
from tests.helpers import build_demo, make_committee, make_member


def _report(db: Database, expected_head: tuple[int, str] | None = None):
    with db.session_scope() as s:
        return verify(s, expected_head)


@pytest.fixture
def chained(database: Database) -> Database:
    committee = make_committee(database)
    for name in ("王芳", "李建国", "张敏"):
        make_member(database, committee, name)
    return database


def _sql(db: Database, statement: str, **params: object) -> None:
    with db.engine.begin() as conn:
        conn.execute(text(statement), params)


def test_intact_chain_verifies(chained: Database) -> None:
    report = _report(chained)
    assert report.ok, report.problems
    assert report.events == report.head_count > 5
    with chained.session_scope() as s:
        last = s.scalar(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1))
        assert last is not None and report.head_hash == last.hash


def test_each_event_hash_covers_previous_hash(chained: Database) -> None:
    with chained.session_scope() as s:
        events = s.scalars(select(AuditEvent).order_by(AuditEvent.seq)).all()
        assert events[0].prev_hash == "0" * 64
        for before, after in itertools.pairwise(events):
            assert after.prev_hash == before.hash
            assert audit.chain_hash(after.prev_hash, audit.event_content(after)) == after.hash


def test_edited_event_is_caught(chained: Database) -> None:
    _sql(chained, "UPDATE audit_event SET payload = :p WHERE seq = 3", p='{"name_zh":"伪造"}')
    report = _report(chained)
    assert report.problems == ["audit chain: event 3 was changed after it was written"]


def test_edited_actor_is_caught(chained: Database) -> None:
    _sql(chained, "UPDATE audit_event SET actor = 'mallory' WHERE seq = 2")
    assert "event 2 was changed" in _report(chained).problems[0]


def test_deleted_event_is_caught(chained: Database) -> None:
    _sql(chained, "DELETE FROM audit_event WHERE seq = 4")
    assert _report(chained).problems[0] == "audit chain: event 4 is missing (next found is 5)"


def test_reordered_events_are_caught(chained: Database) -> None:
    _sql(chained, "UPDATE audit_event SET seq = 1000 WHERE seq = 3")
    _sql(chained, "UPDATE audit_event SET seq = 3 WHERE seq = 4")
    _sql(chained, "UPDATE audit_event SET seq = 4 WHERE seq = 1000")
    problems = _report(chained).problems
    assert problems and "event 3 does not follow event 2" in problems[0]


def test_truncated_chain_is_caught_by_the_head(chained: Database) -> None:
    with chained.session_scope() as s:
        last = s.scalar(select(AuditEvent.seq).order_by(AuditEvent.seq.desc()).limit(1))
    _sql(chained, "DELETE FROM audit_event WHERE seq = :seq", seq=last)
    problems = _report(chained).problems
    assert problems and problems[0].startswith(f"audit head says {last} events")


def test_truncation_with_a_rewritten_head_is_caught_by_an_outside_copy(chained: Database) -> None:
    before = _report(chained)
    last = before.head_count
    with chained.session_scope() as s:
        prev = s.scalar(select(AuditEvent.hash).where(AuditEvent.seq == last - 1))
    _sql(chained, "DELETE FROM audit_event WHERE seq = :seq", seq=last)
    _sql(chained, "UPDATE audit_head SET count = :c, hash = :h WHERE id = 1", c=last - 1, h=prev)
    assert _report(chained).ok  # consistent on its own…
    report = _report(chained, (before.head_count, before.head_hash))
    assert report.problems and "does not contain the expected head" in report.problems[0]


def test_changed_head_is_caught(chained: Database) -> None:
    _sql(chained, "UPDATE audit_head SET count = count + 1")
    assert _report(chained).problems[0].startswith("audit head says")


def test_recorded_event_names_actor_action_and_entity(database: Database) -> None:
    committee = make_committee(database)
    with database.session_scope() as s:
        event = s.scalar(select(AuditEvent).where(AuditEvent.action == "committee.create"))
        assert event is not None
        assert (event.actor, event.entity_type, event.entity_id) == (
            "system",
            "committee",
            str(committee),
        )
        changes = json.loads(event.payload)["changes"]
        assert changes["profile_id"] == {"before": None, "after": "cn-2023"}


def test_concurrent_writers_leave_one_valid_chain(database: Database) -> None:
    per_writer = 25
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def writer(tag: str) -> None:
        try:
            start.wait(timeout=30)
            for i in range(per_writer):
                with database.session_scope() as s:
                    audit.record(s, SYSTEM, "test.write", tag, i, {"writer": tag, "i": i})
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(tag,)) for tag in ("a", "b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors
    report = _report(database)
    assert report.ok, report.problems
    assert report.head_count == report.events == 2 * per_writer
    with database.session_scope() as s:
        head = s.get(AuditHead, 1)
        assert head is not None and head.count == 2 * per_writer
        writers = s.scalars(select(AuditEvent.entity_type)).all()
        assert sorted(set(writers)) == ["a", "b"]


# --- the convention every event follows ----------------------------------------------------


def _payload(db: Database, action: str) -> dict:
    with db.session_scope() as s:
        event = s.scalars(
            select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.seq.desc())
        ).first()
        assert event is not None, action
        return json.loads(event.payload)


def test_an_edit_records_the_changed_fields_before_and_after_with_its_reason(
    chained: Database,
) -> None:
    with chained.session_scope() as s:
        membership_id = s.scalar(
            select(AuditEvent.entity_id).where(AuditEvent.action == "membership.add")
        )
        assert membership_id is not None
        roster.edit_membership(
            s,
            SYSTEM,
            int(membership_id),
            term_end=date(2027, 6, 30),
            affiliated=True,  # as it was: not a change
            reason="appointment letter corrected",
        )
    payload = _payload(chained, "membership.edit")
    assert payload["changes"] == {"term_end": {"before": "2028-12-31", "after": "2027-06-30"}}
    assert payload["reason"] == "appointment letter corrected"


def test_a_correction_without_a_reason_is_refused_and_writes_nothing(
    database: Database,
) -> None:
    with database.session_scope() as s:
        before = s.scalar(select(func.count()).select_from(AuditEvent))
        for reason in (None, "", "   "):
            with pytest.raises(ValidationError) as refused:
                audit.record_change(
                    s,
                    SYSTEM,
                    "vote.correct",
                    "vote",
                    4,
                    before={"choice": "approve"},
                    after={"choice": "modify"},
                    reason=reason,
                    correction=True,
                )
            assert refused.value.field == "reason"
            assert "理由" in refused.value.localized("zh_CN")
        assert s.scalar(select(func.count()).select_from(AuditEvent)) == before
        audit.record_change(
            s,
            SYSTEM,
            "vote.correct",
            "vote",
            4,
            before={"choice": "approve"},
            after={"choice": "modify"},
            reason="the member's written vote was misread",
            correction=True,
        )
    payload = _payload(database, "vote.correct")
    assert payload == {
        "changes": {"choice": {"before": "approve", "after": "modify"}},
        "reason": "the member's written vote was misread",
    }


def test_a_creation_records_every_field_with_no_value_before(database: Database) -> None:
    committee = make_committee(database)
    make_member(database, committee, "王芳")
    payload = _payload(database, "membership.add")
    assert payload["context"] == {"committee_id": committee, "person_id": 1}
    assert payload["changes"]["roles"] == {"before": None, "after": ["member"]}
    assert payload["changes"]["term_start"] == {"before": None, "after": "2024-01-01"}


def test_a_secret_field_is_recorded_as_changed_without_its_value(database: Database) -> None:
    with database.session_scope() as s:
        audit.record_change(
            s,
            SYSTEM,
            "account.pin",
            "user_account",
            7,
            before={"pin_hash": "scrypt$old", "display_name": "林晓"},
            after={"pin_hash": "scrypt$new", "display_name": "林晓"},
        )
        audit.record_change(
            s,
            SYSTEM,
            "ballot.cast",
            "ballot",
            3,
            after={"choice": "disapprove", "voter": 12},
            secret=("choice",),  # a private round
        )
    with database.session_scope() as s:
        raw = [e.payload for e in s.scalars(select(AuditEvent).order_by(AuditEvent.seq))]
    assert json.loads(raw[-2])["changes"] == {"pin_hash": {"secret": True}}
    assert json.loads(raw[-1])["changes"] == {
        "choice": {"secret": True},
        "voter": {"before": None, "after": 12},
    }
    for secret in ("scrypt$old", "scrypt$new", "disapprove"):
        assert all(secret not in payload for payload in raw)


def test_every_event_of_the_services_follows_the_convention(database: Database) -> None:
    build_demo(database, date(2026, 11, 26))
    with database.session_scope() as s:
        events = s.scalars(select(AuditEvent).order_by(AuditEvent.seq)).all()
        assert len(events) > 50
        for event in events:
            payload = json.loads(event.payload)
            assert set(payload) <= {"changes", "reason", "context"}, event.action
            assert payload["changes"], event.action
            for field, change in payload["changes"].items():
                assert change in ({"secret": True},) or set(change) == {"before", "after"}, (
                    event.action,
                    field,
                )
