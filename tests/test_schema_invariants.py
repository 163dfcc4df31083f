"""The invariants the database itself enforces, one test per row of docs/invariants.md.

Every test runs on a freshly migrated database (so it checks migration 0001, not the
models' ``create_all``), inside one transaction that is rolled back. It first shows that a
valid row is accepted, then that the violating row is refused with ``IntegrityError`` — and
that the constraint the doc names is the one that refused it: PostgreSQL reports the
constraint's name, SQLite the CHECK's name, the UNIQUE columns or the NOT NULL column.
Removing a constraint from the schema makes its test fail.

Rows are written with Core inserts on the model's tables, so no ORM validation or
relationship bookkeeping stands between the test and the database.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import (
    CheckConstraint,
    Constraint,
    ForeignKeyConstraint,
    PrimaryKeyConstraint,
    Table,
    UniqueConstraint,
    delete,
    func,
    insert,
    inspect,
    null,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.sql import Executable

from app.db import Database, open_database
from app.models import GENESIS_HASH, Base

DOC = Path(__file__).resolve().parents[1] / "docs" / "invariants.md"
TESTS_DIR = Path(__file__).resolve().parent
SERVICES_HEADING = "## Enforced by services"

D = date(2025, 3, 1)
T = datetime(2025, 3, 14, 9, 0, tzinfo=UTC)
DAY = timedelta(days=1)
TICK = timedelta(microseconds=1)
MISSING_ID = 999_999
MISSING_SHA = "f" * 64


# --- rows ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ref:
    """A row of the World, resolved when the test runs (ids differ between backends)."""

    name: str


class _Refs:
    def __getattr__(self, name: str) -> Ref:
        return Ref(name)


W = _Refs()


class World:
    """The parent rows every test can point at, written inside the test's transaction."""

    def __init__(self, session: Session) -> None:
        self.session = session
        # Migration 0001 writes the audit head row; it goes (until the rollback) so that the
        # audit_head cases can insert theirs.
        session.execute(delete(table("audit_head")))
        self.blob = put(session, "blob", sha256="a" * 64, size=3, data=b"abc")
        self.institution = put(session, "institution", name_zh="第一医院")
        self.institution2 = put(session, "institution", name_zh="第二医院")
        self.committee = put(
            session, "committee", institution_id=self.institution, name_zh="医学伦理委员会"
        )
        # The same committee name at another institution.
        self.committee2 = put(
            session, "committee", institution_id=self.institution2, name_zh="医学伦理委员会"
        )
        self.p1 = put(session, "person", name_zh="张三", gender="female")
        self.p2 = put(session, "person", name_zh="李四", gender="male")
        self.m1, self.m2, self.m3 = (
            put(
                session,
                "membership",
                committee_id=self.committee,
                person_id=person,
                affiliated=True,
                term_start=D,
            )
            for person in (self.p1, self.p2, self.p2)
        )
        self.series = put(
            session,
            "number_series",
            committee_id=self.committee,
            kind="acceptance",
            pattern="KY-{yyyy}-{seq:03d}",
        )
        self.project, self.project2 = (
            put(
                session,
                "project",
                committee_id=self.committee,
                title_zh=title,
                principal_investigator="李娜",
                project_type="drug_trial",
            )
            for title in ("高血压研究", "糖尿病研究")
        )
        self.submission = put(
            session,
            "submission",
            project_id=self.project,
            committee_id=self.committee,
            kind="initial",
            acceptance_number="KY-2025-001",
            received_on=D,
        )
        self.meeting = put(
            session, "meeting", committee_id=self.committee, number="2025-01", held_on=D
        )
        self.item = put(
            session,
            "agenda_item",
            meeting_id=self.meeting,
            position=1,
            kind="review",
            submission_id=self.submission,
        )
        self.round = put(session, "vote_round", agenda_item_id=self.item, number=1, opened_at=T)
        # An expedited decision: no agenda item.
        self.decision = put(
            session,
            "decision",
            submission_id=self.submission,
            agenda_item_id=None,
            code="approve",
            decided_on=D,
            profile_id="cn-2023",
        )
        self.assignment = put(
            session,
            "review_assignment",
            submission_id=self.submission,
            membership_id=self.m1,
            assigned_on=D,
        )
        self.worksheet = put(session, "worksheet", assignment_id=self.assignment, version=1)
        self.attendance = put(
            session,
            "attendance",
            meeting_id=self.meeting,
            membership_id=self.m1,
            status="present",
        )

    def resolve(self, values: Mapping[str, Any]) -> dict[str, Any]:
        return {k: getattr(self, v.name) if isinstance(v, Ref) else v for k, v in values.items()}


# A valid row of every table, beside the World's rows (no UNIQUE clash with them). Dates and
# times that a later one must not precede are D and T.
VALID: dict[str, dict[str, Any]] = {
    "audit_event": {
        "seq": 1,
        "at": T,
        "actor": "秘书",
        "action": "submission.accept",
        "entity_type": "submission",
        "entity_id": "1",
        "payload": "{}",
        "prev_hash": GENESIS_HASH,
        "hash": "b" * 64,
    },
    "audit_head": {"id": 1, "count": 0, "hash": GENESIS_HASH},
    "blob": {"sha256": "c" * 64, "size": 2, "data": b"xy"},
    "institution": {"name_zh": "第三医院"},
    "person": {"name_zh": "王五", "gender": "male"},
    "setting": {"key": "test.key", "value": {"a": 1}},
    "attachment": {
        "owner_type": "submission",
        "owner_id": W.submission,
        "blob_sha256": W.blob,
        "filename": "方案.pdf",
    },
    "committee": {"institution_id": W.institution, "name_zh": "第二伦理委员会"},
    "training": {
        "person_id": W.p1,
        "course": "GCP",
        "taken_on": D,
        "hours": Decimal("2.0"),
        "expires_on": D + 365 * DAY,
    },
    "user_account": {
        "username": "secretary1",
        "role": "secretary",
        "password_hash": "hash",
        "person_id": W.p1,
    },
    "committee_profile": {
        "committee_id": W.committee,
        "effective_from": D,
        "profile_id": "cn-2023",
    },
    "committee_term": {
        "committee_id": W.committee,
        "number": 1,
        "start_date": D,
        "end_date": D + 1000 * DAY,
    },
    "meeting": {"committee_id": W.committee, "number": "2025-02", "held_on": D},
    "membership": {
        "committee_id": W.committee,
        "person_id": W.p2,
        "affiliated": False,
        "term_start": D,
        "term_end": D + 1000 * DAY,
        "alternate_for_id": W.m1,
        "ended_on": D + 500 * DAY,
    },
    "number_series": {
        "committee_id": W.committee,
        "kind": "letter",
        "pattern": "L-{yyyy}-{seq:03d}",
    },
    "number_counter": {"series_id": W.series, "year": 2025, "last_value": 0},
    "project": {
        "committee_id": W.committee,
        "title_zh": "干细胞研究",
        "principal_investigator": "赵磊",
        "project_type": "observational",
        "approval_from": D,
        "approval_until": D + 365 * DAY,
    },
    "stem_cell_detail": {"project_id": W.project},
    "attendance": {"meeting_id": W.meeting, "membership_id": W.m2, "status": "present"},
    "complaint": {
        "project_id": W.project,
        "received_on": D,
        "summary": "随访过于频繁",
        "closed_on": D + 10 * DAY,
    },
    "declaration": {
        "person_id": W.p1,
        "committee_id": W.committee,
        "kind": "confidentiality",
        "scope": "standing",
        "signed_on": D,
        "valid_until": D + 365 * DAY,
    },
    "membership_expertise": {"membership_id": W.m1, "category": "medicine"},
    "membership_role": {"membership_id": W.m1, "role": "member"},
    "site_visit": {"project_id": W.project, "visited_on": D, "follow_up_due": D + 14 * DAY},
    "submission": {
        "project_id": W.project,
        "committee_id": W.committee,
        "kind": "amendment",
        "acceptance_number": "KY-2025-002",
        "received_on": D,
        "accepted_on": D + 2 * DAY,
        "review_path": "full_board",
    },
    "submission_event": {
        "submission_id": W.submission,
        "kind": "received",
        "occurred_on": D,
        "deadline": D + 14 * DAY,
    },
    "submission_answer": {"submission_id": W.submission, "decision_id": W.decision},
    "agenda_item": {
        "meeting_id": W.meeting,
        "position": 2,
        "kind": "review",
        "submission_id": W.submission,
        "started_at": T,
        "ended_at": T + timedelta(minutes=20),
    },
    "attendance_interval": {
        "attendance_id": W.attendance,
        "arrived_at": T,
        "left_at": T + timedelta(hours=2),
    },
    "consultant_engagement": {
        "committee_id": W.committee,
        "person_id": W.p2,
        "project_id": W.project,
        "submission_id": W.submission,
        "start_date": D,
        "end_date": D + 30 * DAY,
    },
    "review_assignment": {
        "submission_id": W.submission,
        "membership_id": W.m2,
        "role": "primary",
        "assigned_on": D,
        "due_on": D + 7 * DAY,
    },
    "worksheet": {"assignment_id": W.assignment, "version": 2, "status": "draft"},
    "criterion_score": {"worksheet_id": W.worksheet, "criterion_id": "risk_benefit", "score": 3},
    "recusal": {"agenda_item_id": W.item, "membership_id": W.m1, "reason": "合作研究者"},
    "vote_round": {
        "agenda_item_id": W.item,
        "number": 2,
        "opened_at": T,
        "closed_at": T + timedelta(minutes=5),
    },
    "ballot": {
        "round_id": W.round,
        "membership_id": W.m1,
        "seat_membership_id": W.m1,
        "choice": "approve",
        "cast_at": T,
    },
    "decision": {
        "submission_id": W.submission,
        "agenda_item_id": W.item,
        "code": "approve",
        "decided_on": D,
        "approval_from": D,
        "approval_until": D + 365 * DAY,
        "next_review_on": D + 180 * DAY,
        "profile_id": "cn-2023",
    },
    "letter": {
        "decision_id": W.decision,
        "committee_id": W.committee,
        "letter_number": "L-2025-001",
        "status": "draft",
        "blob_sha256": W.blob,
    },
}


# --- the cases -------------------------------------------------------------------------


@dataclass(frozen=True)
class Check:
    """A CHECK constraint: ``bad`` overrides of the valid row it refuses, ``ok`` ones it
    lets through (the edge of the rule). ``also`` names constraints that necessarily refuse
    the same rows."""

    table: str
    bad: list[dict[str, Any]]
    ok: list[dict[str, Any]] = field(default_factory=list)
    also: tuple[str, ...] = ()


def later_not_before(table: str, later: str, earlier: date | datetime = D) -> Check:
    """``not_before``: ``later`` may equal ``earlier`` or be NULL, never precede it."""
    step = TICK if isinstance(earlier, datetime) else DAY
    return Check(table, bad=[{later: earlier - step}], ok=[{later: earlier}, {later: None}])


def one_of(table: str, column: str, wrong: str, *right: str | None) -> Check:
    return Check(table, bad=[{column: wrong}], ok=[{column: v} for v in right])


def not_empty(table: str, column: str) -> Check:
    return Check(table, bad=[{column: ""}], ok=[{column: "x"}])


CHECKS: dict[str, Check] = {
    # audit
    "ck_audit_event_hash_length": Check(
        "audit_event", bad=[{"hash": "b" * 63}, {"prev_hash": "0" * 63}, {"hash": ""}]
    ),
    "ck_audit_event_seq_positive": Check("audit_event", bad=[{"seq": 0}, {"seq": -1}]),
    "ck_audit_head_count_not_negative": Check(
        "audit_head", bad=[{"count": -1}], ok=[{"count": 10}]
    ),
    "ck_audit_head_hash_length": Check(
        "audit_head", bad=[{"hash": "e" * 63}, {"hash": ""}], ok=[{"hash": "e" * 64}]
    ),
    # files
    "ck_blob_sha256_length": Check("blob", bad=[{"sha256": "c" * 63}, {"sha256": ""}]),
    "ck_blob_size_matches_data": Check(
        "blob",
        bad=[
            {"size": 3},
            {"size": 0},
            {"data": b""},
            # The length of the bytes, not of the text they encode.
            {"size": 1, "data": "知".encode()},
        ],
        ok=[
            {"size": 0, "data": b""},
            {"size": 5, "data": b"\x00\xff" + "知".encode()},
        ],
    ),
    "ck_blob_size_not_negative": Check(
        "blob",
        bad=[{"size": -1}],
        ok=[{"size": 0, "data": b""}],
        # data is NOT NULL and its length is never negative, so size_matches_data refuses
        # every row this one does (and both backends try it first): no row tells them apart.
        also=("ck_blob_size_matches_data",),
    ),
    "ck_attachment_owner_type_valid": one_of(
        "attachment", "owner_type", "user_account", "meeting", "site_visit"
    ),
    "ck_attachment_filename_not_empty": not_empty("attachment", "filename"),
    # organisation
    "ck_institution_name_zh_not_empty": not_empty("institution", "name_zh"),
    "ck_committee_name_zh_not_empty": not_empty("committee", "name_zh"),
    "ck_committee_term_number_positive": Check(
        "committee_term", bad=[{"number": 0}, {"number": -2}]
    ),
    "ck_committee_term_end_date_not_before_start_date": later_not_before(
        "committee_term", "end_date"
    ),
    "ck_number_series_kind_valid": Check(
        "number_series",
        bad=[{"kind": "invoice"}],
        ok=[{"kind": "acceptance", "committee_id": W.committee2}],
    ),
    "ck_number_counter_last_value_not_negative": Check(
        "number_counter", bad=[{"last_value": -1}], ok=[{"last_value": 999}]
    ),
    # people
    "ck_person_gender_valid": one_of("person", "gender", "unknown", "female", "other"),
    "ck_person_name_zh_not_empty": not_empty("person", "name_zh"),
    "ck_membership_term_end_not_before_term_start": later_not_before("membership", "term_end"),
    "ck_membership_ended_on_not_before_term_start": later_not_before("membership", "ended_on"),
    "ck_membership_not_own_alternate": Check(
        "membership",
        bad=[{"id": 900_001, "alternate_for_id": 900_001}],
        ok=[{"id": 900_001}, {"id": 900_001, "alternate_for_id": None}],
    ),
    "ck_membership_role_role_valid": one_of(
        "membership_role", "role", "president", "chair", "secretary"
    ),
    "ck_membership_expertise_category_valid": one_of(
        "membership_expertise", "category", "astrology", "lay", "statistics"
    ),
    "ck_consultant_engagement_expertise_valid": one_of(
        "consultant_engagement", "expertise", "astrology", "law"
    ),
    "ck_consultant_engagement_end_date_not_before_start_date": later_not_before(
        "consultant_engagement", "end_date"
    ),
    "ck_training_course_not_empty": not_empty("training", "course"),
    "ck_training_hours_not_negative": Check(
        "training", bad=[{"hours": Decimal("-0.5")}], ok=[{"hours": Decimal("0")}]
    ),
    "ck_training_expires_on_not_before_taken_on": later_not_before("training", "expires_on"),
    "ck_declaration_kind_valid": one_of("declaration", "kind", "gift", "conflict_of_interest"),
    "ck_declaration_scope_valid": Check(
        "declaration",
        bad=[{"scope": "global"}],
        # scope_target also requires one of the three scopes, so it refuses the same row.
        also=("ck_declaration_scope_target",),
    ),
    "ck_declaration_scope_target": Check(
        "declaration",
        bad=[
            {"scope": "standing", "meeting_id": W.meeting},
            {"scope": "standing", "project_id": W.project},
            {"scope": "meeting"},
            {"scope": "meeting", "meeting_id": W.meeting, "project_id": W.project},
            {"scope": "project"},
            {"scope": "project", "project_id": W.project, "meeting_id": W.meeting},
        ],
        ok=[
            {"scope": "meeting", "meeting_id": W.meeting},
            {"scope": "project", "project_id": W.project},
        ],
    ),
    "ck_declaration_valid_until_not_before_signed_on": later_not_before(
        "declaration", "valid_until"
    ),
    "ck_user_account_username_not_empty": not_empty("user_account", "username"),
    "ck_user_account_role_valid": one_of("user_account", "role", "superuser", "admin", "viewer"),
    # projects
    "ck_project_title_zh_not_empty": not_empty("project", "title_zh"),
    "ck_project_project_type_valid": one_of(
        "project", "project_type", "vaccine_trial", "stem_cell", "biobank"
    ),
    "ck_project_risk_level_valid": one_of("project", "risk_level", "extreme", "high"),
    "ck_project_multicentre_role_valid": one_of(
        "project", "multicentre_role", "regional", "lead", "participating"
    ),
    "ck_project_status_valid": one_of("project", "status", "paused", "approval_expired"),
    "ck_project_approval_until_not_before_approval_from": later_not_before(
        "project", "approval_until"
    ),
    "ck_submission_kind_valid": one_of("submission", "kind", "renewal", "appeal", "sae"),
    "ck_submission_review_path_valid": one_of(
        "submission", "review_path", "fast_track", "expedited", None
    ),
    "ck_submission_status_valid": one_of("submission", "status", "archived", "withdrawn"),
    "ck_submission_accepted_on_not_before_received_on": later_not_before(
        "submission", "accepted_on"
    ),
    "ck_submission_exempt_needs_basis": Check(
        "submission",
        bad=[{"review_path": "exempt", "exempt_basis": ""}, {"review_path": "exempt"}],
        ok=[{"review_path": "exempt", "exempt_basis": "第三十二条第一款"}],
    ),
    "ck_submission_event_kind_valid": one_of(
        "submission_event", "kind", "lost", "returned_for_completion", "note"
    ),
    "ck_submission_event_deadline_not_before_occurred_on": later_not_before(
        "submission_event", "deadline"
    ),
    "ck_submission_event_return_needs_deadline": Check(
        "submission_event",
        bad=[{"kind": "returned_for_completion", "deadline": None}],
        ok=[{"kind": "returned_for_completion"}, {"kind": "note", "deadline": None}],
    ),
    "ck_site_visit_follow_up_due_not_before_visited_on": later_not_before(
        "site_visit", "follow_up_due"
    ),
    "ck_complaint_closed_on_not_before_received_on": later_not_before("complaint", "closed_on"),
    # meetings
    "ck_meeting_status_valid": one_of("meeting", "status", "cancelled", "minutes_approved"),
    "ck_agenda_item_kind_valid": one_of("agenda_item", "kind", "break", "report"),
    "ck_agenda_item_position_positive": Check(
        "agenda_item", bad=[{"position": 0}, {"position": -1}]
    ),
    "ck_agenda_item_review_has_submission": Check(
        "agenda_item",
        bad=[{"kind": "review", "submission_id": None}],
        ok=[{"kind": "report", "submission_id": None}],
    ),
    "ck_agenda_item_ended_at_not_before_started_at": later_not_before("agenda_item", "ended_at", T),
    "ck_attendance_status_valid": one_of("attendance", "status", "late", "remote", "excused"),
    "ck_attendance_interval_left_at_not_before_arrived_at": later_not_before(
        "attendance_interval", "left_at", T
    ),
    "ck_recusal_reason_not_empty": not_empty("recusal", "reason"),
    "ck_vote_round_number_positive": Check("vote_round", bad=[{"number": 0}]),
    "ck_vote_round_closed_at_not_before_opened_at": later_not_before("vote_round", "closed_at", T),
    "ck_decision_approval_until_not_before_approval_from": later_not_before(
        "decision", "approval_until"
    ),
    "ck_decision_next_review_on_not_before_decided_on": later_not_before(
        "decision", "next_review_on"
    ),
    "ck_letter_status_valid": one_of("letter", "status", "sent", "approved"),
    "ck_letter_language_valid": one_of("letter", "language", "fr", "en", "bilingual"),
    "ck_letter_issued_has_date": Check(
        "letter",
        bad=[{"status": "issued", "issued_on": None}],
        ok=[{"status": "issued", "issued_on": D}, {"status": "approved", "issued_on": None}],
    ),
    "ck_letter_numbered_unless_draft": Check(
        "letter",
        bad=[
            {"status": "approved", "letter_number": None},
            {"status": "issued", "issued_on": D, "letter_number": None},
        ],
        ok=[
            {"status": "draft", "letter_number": None},
            {"status": "approved"},
            {"status": "issued", "issued_on": D},
        ],
    ),
    # reviews
    "ck_review_assignment_role_valid": one_of("review_assignment", "role", "tertiary", "secondary"),
    "ck_review_assignment_due_on_not_before_assigned_on": later_not_before(
        "review_assignment", "due_on"
    ),
    "ck_worksheet_status_valid": one_of("worksheet", "status", "final"),
    "ck_worksheet_version_positive": Check("worksheet", bad=[{"version": 0}]),
    "ck_worksheet_submitted_has_time": Check(
        "worksheet",
        bad=[
            {"status": "submitted", "submitted_at": None},
            {"status": "draft", "submitted_at": T},
        ],
        ok=[{"status": "submitted", "submitted_at": T}],
    ),
    "ck_criterion_score_score_range": Check(
        "criterion_score",
        bad=[{"score": 0}, {"score": 6}, {"score": -1}],
        ok=[{"score": 1}, {"score": 5}, {"score": None}],
    ),
    "ck_criterion_score_answer_valid": Check(
        "criterion_score",
        bad=[{"score": None, "answer": "maybe"}],
        ok=[{"score": None, "answer": a} for a in ("yes", "no", "na")],
    ),
    "ck_criterion_score_score_or_answer": Check(
        "criterion_score",
        bad=[{"score": 3, "answer": "yes"}],
        ok=[{"score": None, "answer": "na"}, {"score": None, "answer": None}],
    ),
}


@dataclass(frozen=True)
class Unique:
    """A UNIQUE (or composite PRIMARY KEY) constraint: the valid row is written, then a row
    with the same key (``dup`` changes its other columns, so that no other constraint
    objects) is refused; ``ok`` overrides of the key are accepted beside the first row."""

    table: str
    dup: dict[str, Any] = field(default_factory=dict)
    ok: list[dict[str, Any]] = field(default_factory=list)


UNIQUES: dict[str, Unique] = {
    "uq_audit_event_seq": Unique(
        "audit_event", dup={"hash": "d" * 64}, ok=[{"seq": 2, "hash": "d" * 64}]
    ),
    "uq_audit_event_hash": Unique("audit_event", dup={"seq": 2}, ok=[{"seq": 2, "hash": "d" * 64}]),
    "pk_blob": Unique("blob", dup={"size": 3, "data": b"xyz"}, ok=[{"sha256": "d" * 64}]),
    "pk_setting": Unique("setting", dup={"value": {"b": 2}}, ok=[{"key": "other.key"}]),
    "uq_institution_name_zh": Unique(
        "institution", dup={"name_en": "Third Hospital"}, ok=[{"name_zh": "第四医院"}]
    ),
    "uq_committee_institution_id_name_zh": Unique(
        "committee",
        dup={"name_en": "Second EC"},
        ok=[{"name_zh": "第三伦理委员会"}, {"institution_id": W.institution2}],
    ),
    "uq_committee_profile_committee_id_effective_from": Unique(
        "committee_profile",
        dup={"profile_id": "eu-ctr"},
        ok=[{"effective_from": D + DAY}, {"committee_id": W.committee2}],
    ),
    "uq_committee_term_committee_id_number": Unique(
        "committee_term",
        dup={"start_date": D + DAY, "end_date": None},
        ok=[{"number": 2}, {"committee_id": W.committee2}],
    ),
    "uq_number_series_committee_id_kind": Unique(
        "number_series", dup={"pattern": "X-{seq}"}, ok=[{"committee_id": W.committee2}]
    ),
    "uq_number_counter_series_id_year": Unique(
        "number_counter", dup={"last_value": 5}, ok=[{"year": 2026}]
    ),
    "pk_membership_role": Unique("membership_role", ok=[{"role": "chair"}]),
    "pk_membership_expertise": Unique("membership_expertise", ok=[{"category": "law"}]),
    "uq_user_account_username": Unique(
        "user_account", dup={"display_name": "另一人", "role": "viewer"}, ok=[{"username": "s2"}]
    ),
    "uq_stem_cell_detail_project_id": Unique(
        "stem_cell_detail", dup={"cell_type": "iPSC"}, ok=[{"project_id": W.project2}]
    ),
    "uq_submission_committee_id_acceptance_number": Unique(
        "submission",
        dup={"project_id": W.project2, "kind": "initial"},
        ok=[{"acceptance_number": "KY-2025-003"}],
    ),
    "pk_submission_answer": Unique("submission_answer"),
    "uq_meeting_committee_id_number": Unique(
        "meeting",
        dup={"held_on": D + DAY},
        ok=[{"number": "2025-09"}, {"committee_id": W.committee2}],
    ),
    "uq_agenda_item_meeting_id_position": Unique(
        "agenda_item", dup={"kind": "report", "submission_id": None}, ok=[{"position": 3}]
    ),
    "uq_attendance_meeting_id_membership_id": Unique(
        "attendance", dup={"status": "absent"}, ok=[{"membership_id": W.m3}]
    ),
    "uq_recusal_agenda_item_id_membership_id": Unique(
        "recusal", dup={"reason": "另一理由"}, ok=[{"membership_id": W.m2}]
    ),
    "uq_vote_round_agenda_item_id_number": Unique(
        "vote_round", dup={"secret": True}, ok=[{"number": 3}]
    ),
    "uq_ballot_round_id_seat_membership_id": Unique(
        "ballot",
        dup={"membership_id": W.m2},  # another voter in the same seat
        ok=[{"membership_id": W.m2, "seat_membership_id": W.m2}],
    ),
    "uq_ballot_round_id_membership_id": Unique(
        "ballot",
        dup={"seat_membership_id": W.m2},  # the same voter in a second seat
        ok=[{"membership_id": W.m2, "seat_membership_id": W.m2}],
    ),
    "uq_decision_agenda_item_id": Unique(
        "decision",
        dup={"code": "disapprove"},
        # Expedited decisions have no agenda item; the World holds one already.
        ok=[{"agenda_item_id": None}],
    ),
    "uq_letter_committee_id_letter_number": Unique(
        "letter", dup={"language": "en"}, ok=[{"letter_number": "L-2025-002"}]
    ),
    "uq_review_assignment_submission_id_membership_id": Unique(
        "review_assignment", dup={"role": "secondary"}, ok=[{"membership_id": W.m3}]
    ),
    "uq_worksheet_assignment_id_version": Unique(
        "worksheet", dup={"comments": "另一版本"}, ok=[{"version": 3}]
    ),
    "uq_criterion_score_worksheet_id_criterion_id": Unique(
        "criterion_score", dup={"score": 5}, ok=[{"criterion_id": "consent"}]
    ),
}


@dataclass(frozen=True)
class Reference:
    """A foreign key ``table.column`` → ``parent``. ``base`` overrides the valid row where
    the column is only allowed together with other values; ``cascade`` is ON DELETE CASCADE
    (otherwise a referenced parent cannot be deleted)."""

    table: str
    column: str
    parent: str
    base: dict[str, Any] = field(default_factory=dict)
    cascade: bool = False


FOREIGN_KEYS: dict[str, Reference] = {
    "fk_attachment_blob_sha256_blob": Reference("attachment", "blob_sha256", "blob"),
    "fk_committee_institution_id_institution": Reference(
        "committee", "institution_id", "institution"
    ),
    "fk_committee_profile_committee_id_committee": Reference(
        "committee_profile", "committee_id", "committee"
    ),
    "fk_committee_term_committee_id_committee": Reference(
        "committee_term", "committee_id", "committee"
    ),
    "fk_number_series_committee_id_committee": Reference(
        "number_series", "committee_id", "committee"
    ),
    "fk_number_counter_series_id_number_series": Reference(
        "number_counter", "series_id", "number_series"
    ),
    "fk_membership_committee_id_committee": Reference("membership", "committee_id", "committee"),
    "fk_membership_person_id_person": Reference("membership", "person_id", "person"),
    "fk_membership_alternate_for_id_membership": Reference(
        "membership", "alternate_for_id", "membership"
    ),
    "fk_membership_role_membership_id_membership": Reference(
        "membership_role", "membership_id", "membership", cascade=True
    ),
    "fk_membership_expertise_membership_id_membership": Reference(
        "membership_expertise", "membership_id", "membership", cascade=True
    ),
    "fk_consultant_engagement_committee_id_committee": Reference(
        "consultant_engagement", "committee_id", "committee"
    ),
    "fk_consultant_engagement_person_id_person": Reference(
        "consultant_engagement", "person_id", "person"
    ),
    "fk_consultant_engagement_project_id_project": Reference(
        "consultant_engagement", "project_id", "project"
    ),
    "fk_consultant_engagement_submission_id_submission": Reference(
        "consultant_engagement", "submission_id", "submission"
    ),
    "fk_training_person_id_person": Reference("training", "person_id", "person"),
    "fk_declaration_person_id_person": Reference("declaration", "person_id", "person"),
    "fk_declaration_committee_id_committee": Reference("declaration", "committee_id", "committee"),
    "fk_declaration_meeting_id_meeting": Reference(
        "declaration", "meeting_id", "meeting", base={"scope": "meeting", "meeting_id": W.meeting}
    ),
    "fk_declaration_project_id_project": Reference(
        "declaration", "project_id", "project", base={"scope": "project", "project_id": W.project}
    ),
    "fk_user_account_person_id_person": Reference("user_account", "person_id", "person"),
    "fk_project_committee_id_committee": Reference("project", "committee_id", "committee"),
    "fk_stem_cell_detail_project_id_project": Reference(
        "stem_cell_detail", "project_id", "project", cascade=True
    ),
    # (project_id, committee_id) → project (id, committee_id): a submission's project exists
    # (and its committee is the project's: test_submission_committee_is_its_projects).
    "fk_submission_project_committee": Reference("submission", "project_id", "project"),
    # fk_submission_committee_id_committee: test_submission_committee_is_its_projects (a
    # submission cannot point at another committee than its project's, new or missing).
    "fk_submission_answer_submission_id_submission": Reference(
        "submission_answer", "submission_id", "submission", cascade=True
    ),
    "fk_submission_answer_decision_id_decision": Reference(
        "submission_answer", "decision_id", "decision"
    ),
    "fk_submission_event_submission_id_submission": Reference(
        "submission_event", "submission_id", "submission"
    ),
    "fk_site_visit_project_id_project": Reference("site_visit", "project_id", "project"),
    "fk_complaint_project_id_project": Reference("complaint", "project_id", "project"),
    "fk_meeting_committee_id_committee": Reference("meeting", "committee_id", "committee"),
    "fk_agenda_item_meeting_id_meeting": Reference("agenda_item", "meeting_id", "meeting"),
    "fk_agenda_item_submission_id_submission": Reference(
        "agenda_item", "submission_id", "submission"
    ),
    "fk_attendance_meeting_id_meeting": Reference("attendance", "meeting_id", "meeting"),
    "fk_attendance_membership_id_membership": Reference(
        "attendance", "membership_id", "membership"
    ),
    "fk_attendance_interval_attendance_id_attendance": Reference(
        "attendance_interval", "attendance_id", "attendance", cascade=True
    ),
    "fk_recusal_agenda_item_id_agenda_item": Reference("recusal", "agenda_item_id", "agenda_item"),
    "fk_recusal_membership_id_membership": Reference("recusal", "membership_id", "membership"),
    "fk_vote_round_agenda_item_id_agenda_item": Reference(
        "vote_round", "agenda_item_id", "agenda_item"
    ),
    "fk_ballot_round_id_vote_round": Reference("ballot", "round_id", "vote_round"),
    "fk_ballot_membership_id_membership": Reference("ballot", "membership_id", "membership"),
    "fk_ballot_seat_membership_id_membership": Reference(
        "ballot", "seat_membership_id", "membership"
    ),
    "fk_decision_submission_id_submission": Reference("decision", "submission_id", "submission"),
    "fk_decision_agenda_item_id_agenda_item": Reference(
        "decision", "agenda_item_id", "agenda_item"
    ),
    "fk_letter_decision_id_decision": Reference("letter", "decision_id", "decision"),
    "fk_letter_committee_id_committee": Reference("letter", "committee_id", "committee"),
    "fk_letter_blob_sha256_blob": Reference("letter", "blob_sha256", "blob"),
    "fk_review_assignment_submission_id_submission": Reference(
        "review_assignment", "submission_id", "submission"
    ),
    "fk_review_assignment_membership_id_membership": Reference(
        "review_assignment", "membership_id", "membership"
    ),
    "fk_worksheet_assignment_id_review_assignment": Reference(
        "worksheet", "assignment_id", "review_assignment"
    ),
    "fk_criterion_score_worksheet_id_worksheet": Reference(
        "criterion_score", "worksheet_id", "worksheet", cascade=True
    ),
}


# --- helpers ---------------------------------------------------------------------------


def table(name: str) -> Table:
    return Base.metadata.tables[name]


def put(session: Session, name: str, **values: Any) -> Any:
    """Insert one row; return its (single-column) primary key."""
    t = table(name)
    (pk,) = t.primary_key.columns
    return session.execute(insert(t).values(**values).returning(pk)).scalar_one()


def named_constraint(name: str) -> Constraint:
    for t in Base.metadata.tables.values():
        for constraint in t.constraints:
            if constraint.name == name:
                return constraint
    raise KeyError(name)


def check_accepted(session: Session, name: str, row: dict[str, Any]) -> None:
    """``row`` goes in (inside a savepoint that is then rolled back)."""
    savepoint = session.begin_nested()
    session.execute(insert(table(name)).values(**row))
    savepoint.rollback()


def check_refused(session: Session, name: str, row: dict[str, Any], *by: str) -> None:
    """Inserting ``row`` fails with an IntegrityError raised by one of the constraints ``by``."""
    check_refused_statement(session, insert(table(name)).values(**row), *by)


def check_refused_statement(session: Session, statement: Executable, *by: str) -> None:
    """``statement`` fails with an IntegrityError raised by one of the constraints ``by``."""
    with pytest.raises(IntegrityError) as failure, session.begin_nested():
        session.execute(statement)
    assert_raised_by(session, failure.value, by)


def assert_raised_by(session: Session, error: IntegrityError, names: tuple[str, ...]) -> None:
    """The database says which constraint failed: PostgreSQL by name; SQLite by the CHECK's
    name, the UNIQUE columns, or only "FOREIGN KEY constraint failed"."""
    if session.get_bind().dialect.name == "postgresql":
        reported = error.orig.diag.constraint_name  # type: ignore[union-attr]
        assert reported in names, f"refused by {reported}, not by {names}: {error.orig}"
        return
    message = str(error.orig)
    expected = set()
    for name in names:
        constraint = named_constraint(name)
        if isinstance(constraint, CheckConstraint):
            expected.add(f"CHECK constraint failed: {name}")
        elif isinstance(constraint, UniqueConstraint | PrimaryKeyConstraint):
            columns = ", ".join(f"{c.table.name}.{c.name}" for c in constraint.columns)
            expected.add(f"UNIQUE constraint failed: {columns}")
        elif isinstance(constraint, ForeignKeyConstraint):
            expected.add("FOREIGN KEY constraint failed")
    assert message in expected, f"refused with {message!r}, expected one of {expected}"


# Every test here rolls back, so the tests of a backend share one migrated database: a fresh
# PostgreSQL database per test (conftest's ``database``) makes them ten times slower.
BACKENDS = ["sqlite"] + (["postgresql"] if os.environ.get("ETHICSDESK_TEST_DATABASE_URL") else [])


@pytest.fixture(scope="module", params=BACKENDS)
def migrated(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    sqlite_template: Path,
) -> Iterator[Database]:
    """A database migrated to head (copied from conftest's templates), shared by the module."""
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("invariants") / "ethicsdesk.db"
        shutil.copyfile(sqlite_template, path)
        db = open_database(f"sqlite:///{path}")
        yield db
        db.dispose()
        return
    server = request.getfixturevalue("postgres_server")
    name = server.create_migrated()
    db = open_database(server.url_for(name))
    yield db
    db.dispose()
    server.drop(name)


@pytest.fixture
def session(migrated: Database) -> Iterator[Session]:
    """A session whose transaction is rolled back at the end: nothing a test writes stays."""
    with migrated.write_session() as session:
        yield session
        session.rollback()


# --- the tests -------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_check(session: Session, name: str) -> None:
    case = CHECKS[name]
    world = World(session)
    row = world.resolve(VALID[case.table])
    for overrides in [{}, *case.ok]:
        check_accepted(session, case.table, {**row, **world.resolve(overrides)})
    for overrides in case.bad:
        check_refused(session, case.table, {**row, **world.resolve(overrides)}, name, *case.also)


@pytest.mark.parametrize("name", sorted(UNIQUES))
def test_unique(session: Session, name: str) -> None:
    case = UNIQUES[name]
    world = World(session)
    row = world.resolve(VALID[case.table])
    session.execute(insert(table(case.table)).values(**row))
    for overrides in case.ok:
        check_accepted(session, case.table, {**row, **world.resolve(overrides)})
    check_refused(session, case.table, {**row, **world.resolve(case.dup)}, name)


@pytest.mark.parametrize("name", sorted(FOREIGN_KEYS))
def test_foreign_key(session: Session, name: str) -> None:
    """A dangling reference is refused; deleting a referenced parent is refused, or
    deletes the row with it where the key cascades."""
    case = FOREIGN_KEYS[name]
    world = World(session)
    row = world.resolve({**VALID[case.table], **case.base})
    assert row[case.column] is not None, "the valid row must set the column under test"
    check_accepted(session, case.table, row)
    missing = MISSING_SHA if case.parent == "blob" else MISSING_ID
    check_refused(session, case.table, {**row, case.column: missing}, name)

    parent = table(case.parent)
    (parent_key,) = parent.primary_key.columns
    new_parent = put(session, case.parent, **world.resolve(VALID[case.parent]))
    child = table(case.table)
    session.execute(insert(child).values(**{**row, case.column: new_parent}))
    delete_parent = delete(parent).where(parent_key == new_parent)
    children = select(func.count()).select_from(child).where(child.c[case.column] == new_parent)
    if case.cascade:
        session.execute(delete_parent)
        assert session.execute(children).scalar_one() == 0
    else:
        with pytest.raises(IntegrityError) as failure, session.begin_nested():
            session.execute(delete_parent)
        assert_raised_by(session, failure.value, (name,))
        assert session.execute(children).scalar_one() == 1


def required_columns(name: str) -> list[str]:
    t = table(name)
    return [c.name for c in t.columns if not c.nullable and c is not t.autoincrement_column]


@pytest.mark.parametrize("name", sorted(VALID))
def test_not_null(session: Session, name: str) -> None:
    """Every column the model declares required refuses NULL, whatever its default."""
    world = World(session)
    row = world.resolve(VALID[name])
    check_accepted(session, name, row)
    dialect = session.get_bind().dialect.name
    for column in required_columns(name):
        with pytest.raises(IntegrityError) as failure, session.begin_nested():
            session.execute(insert(table(name)).values(**{**row, column: null()}))
        error = failure.value.orig
        if dialect == "postgresql":
            assert error.sqlstate == "23502", error  # type: ignore[union-attr]
            assert error.diag.column_name == column  # type: ignore[union-attr]
        else:
            assert str(error) == f"NOT NULL constraint failed: {name}.{column}"


def test_audit_head_single_row(session: Session) -> None:
    """Migration 0001 writes the one head row; no second row can join it."""
    head = table("audit_head")
    rows = session.execute(select(head.c.id, head.c.count, head.c.hash)).all()
    assert [tuple(r) for r in rows] == [(1, 0, GENESIS_HASH)]
    check_refused(
        session,
        "audit_head",
        {"id": 2, "count": 0, "hash": GENESIS_HASH},
        "ck_audit_head_single_row",
    )
    check_refused(
        session, "audit_head", {"id": 1, "count": 0, "hash": GENESIS_HASH}, "pk_audit_head"
    )
    # Without an id, PostgreSQL's sequence offers 1 and SQLite the next rowid, 2.
    check_refused(
        session,
        "audit_head",
        {"count": 0, "hash": GENESIS_HASH},
        "pk_audit_head",
        "ck_audit_head_single_row",
    )
    assert session.execute(select(func.count()).select_from(head)).scalar_one() == 1


def test_project_id_committee_id_is_a_key(session: Session) -> None:
    """``uq_project_id_committee_id`` makes (id, committee_id) a key that submission's
    composite foreign key can reference. No row breaks it without breaking ``pk_project``
    first (id alone is the primary key); what it adds is that the pair can be referenced:
    without it PostgreSQL cannot create ``fk_submission_project_committee`` and SQLite
    refuses every write of a submission ("foreign key mismatch")."""
    uniques = {
        u["name"]: u["column_names"]
        for u in inspect(session.connection()).get_unique_constraints("project")
    }
    assert uniques.get("uq_project_id_committee_id") == ["id", "committee_id"]
    world = World(session)  # writes a submission, which references the pair
    check_accepted(session, "submission", world.resolve(VALID["submission"]))
    check_refused(
        session,
        "project",
        {**world.resolve(VALID["project"]), "id": world.project},
        "pk_project",
        "uq_project_id_committee_id",
    )


def test_submission_committee_is_its_projects(session: Session) -> None:
    """``fk_submission_project_committee`` refers to project (id, committee_id), so a
    submission's committee is its project's: another committee is refused although it
    exists, and afterwards neither the submission nor its project can move to another
    committee. A missing committee is refused too, by ``fk_submission_committee_id_committee``
    or by the composite key (which implies it: no project belongs to a missing committee)."""
    world = World(session)
    submission, project = table("submission"), table("project")
    row = world.resolve(VALID["submission"])
    check_accepted(session, "submission", row)
    check_refused(
        session,
        "submission",
        {**row, "committee_id": world.committee2},
        "fk_submission_project_committee",
    )
    check_refused(
        session,
        "submission",
        {**row, "committee_id": MISSING_ID},
        "fk_submission_committee_id_committee",
        "fk_submission_project_committee",
    )
    check_refused_statement(
        session,
        update(submission)
        .where(submission.c.id == world.submission)
        .values(committee_id=world.committee2),
        "fk_submission_project_committee",
    )
    check_refused_statement(
        session,
        update(project).where(project.c.id == world.project).values(committee_id=world.committee2),
        "fk_submission_project_committee",
    )
    # A project without submissions may move; its submissions then belong to the new committee.
    session.execute(
        update(project).where(project.c.id == world.project2).values(committee_id=world.committee2)
    )
    moved = {**row, "project_id": world.project2}
    check_accepted(session, "submission", {**moved, "committee_id": world.committee2})
    check_refused(session, "submission", moved, "fk_submission_project_committee")


def test_draft_letters_without_number_do_not_clash(session: Session) -> None:
    """A draft has no number until the chair approves it (``ck_letter_numbered_unless_draft``);
    ``uq_letter_committee_id_letter_number`` lets any number of drafts stand side by side
    (NULLs are distinct on both backends) while a number stays unique in its committee."""
    world = World(session)
    draft = {**world.resolve(VALID["letter"]), "letter_number": None}
    for _ in range(3):
        session.execute(insert(table("letter")).values(**draft))
    numbered = {**draft, "status": "approved", "letter_number": "L-2025-009"}
    session.execute(insert(table("letter")).values(**numbered))
    check_refused(session, "letter", numbered, "uq_letter_committee_id_letter_number")


# --- the doc ---------------------------------------------------------------------------


@dataclass(frozen=True)
class DocRow:
    section: str
    invariant: str
    where: str
    test: str


def doc_rows() -> list[DocRow]:
    rows = []
    section = ""
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            section = line.strip()
            continue
        if not line.startswith("|"):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        assert len(cells) == 3, f"a row of docs/invariants.md has {len(cells)} cells: {line}"
        if cells[0] == "Invariant" or set(cells[0]) <= set("-: "):
            continue
        rows.append(DocRow(section, *cells))
    return rows


def code_spans(text: str) -> list[str]:
    return re.findall(r"`([^`]+)`", text)


# Parametrised tests of this module and the names they take.
PARAMETRISED = {
    "test_check": set(CHECKS),
    "test_unique": set(UNIQUES),
    "test_foreign_key": set(FOREIGN_KEYS),
    "test_not_null": set(VALID),
}


def names_a_test(name: str) -> bool:
    """``name`` is ``function`` or ``function[param]`` of a test under tests/."""
    match = re.fullmatch(r"(test_\w+)(?:\[(.+)\])?", name)
    if not match:
        return False
    function, param = match.groups()
    if function in PARAMETRISED:
        return param is None or param in PARAMETRISED[function]
    for path in TESTS_DIR.rglob("test_*.py"):
        source = path.read_text(encoding="utf-8")
        if re.search(rf"^\s*(async\s+)?def {function}\(", source, re.MULTILINE):
            return param is None or param in source
    return False


def schema_constraint_names() -> dict[str, Constraint]:
    return {
        str(c.name): c
        for t in Base.metadata.tables.values()
        for c in t.constraints
        if isinstance(c, CheckConstraint | UniqueConstraint | ForeignKeyConstraint)
        or (isinstance(c, PrimaryKeyConstraint) and len(c.columns) > 1)
    }


def test_doc_matches_schema_and_tests() -> None:
    rows = doc_rows()
    schema_rows = [r for r in rows if r.section != SERVICES_HEADING]
    assert schema_rows, "docs/invariants.md has no invariants"
    headings = [h for h in DOC.read_text(encoding="utf-8").splitlines() if h.startswith("## ")]
    assert headings[-1] == SERVICES_HEADING, f"{SERVICES_HEADING!r} must be the last section"

    for row in rows:
        tests = code_spans(row.test)
        assert tests, f"no test named for {row.invariant!r}"
        for name in tests:
            assert names_a_test(name), f"docs/invariants.md names {name}, which does not exist"

    # Every CHECK, UNIQUE and FOREIGN KEY of the models, and each composite primary key, is
    # listed where the schema enforces it; every name listed exists.
    known = schema_constraint_names()
    listed = {n for r in schema_rows for n in code_spans(r.where) if re.match(r"(ck|uq|fk|pk)_", n)}
    assert sorted(set(known) - listed) == [], "constraints missing from docs/invariants.md"
    all_names = set(known) | {str(t.primary_key.name) for t in Base.metadata.tables.values()}
    assert sorted(listed - all_names) == [], "docs/invariants.md names unknown constraints"

    # Each generic case is documented, by the row of the constraint it tests.
    documented = {n for r in schema_rows for n in code_spans(r.test)}
    assert "test_not_null" in documented, "the NOT NULL row is missing"
    for function, params in PARAMETRISED.items():
        if function == "test_not_null":
            continue
        for param in params:
            assert f"{function}[{param}]" in documented, f"{function}[{param}] is undocumented"
    for row in schema_rows:
        for name in code_spans(row.test):
            match = re.fullmatch(r"test_(check|unique|foreign_key)\[(.+)\]", name)
            if match:
                assert match.group(2) in code_spans(row.where), f"{name} is on the wrong row"
