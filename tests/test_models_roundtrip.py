"""Every mapped class survives a round trip through the database, column by column.

Each test writes one fully populated row of one class (and the parent rows it needs) in one
session, commits, and reads it back in a fresh session: dates, aware UTC datetimes,
Decimal, JSON, booleans, bytes and Chinese text must come back equal and of the same type,
on SQLite and on PostgreSQL. A class without a row factory here fails
``test_every_table_has_a_round_trip``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import inspect
from sqlalchemy.orm import Session

from app.db import Database
from app.models import (
    GENESIS_HASH,
    AgendaItem,
    Attachment,
    Attendance,
    AttendanceInterval,
    AuditEvent,
    AuditHead,
    Ballot,
    Base,
    Blob,
    Committee,
    CommitteeProfile,
    CommitteeTerm,
    Complaint,
    ConsultantEngagement,
    CriterionScore,
    Decision,
    Declaration,
    Institution,
    Letter,
    Meeting,
    Membership,
    MembershipExpertise,
    MembershipRole,
    NumberCounter,
    NumberSeries,
    Person,
    Project,
    Recusal,
    ReviewAssignment,
    Setting,
    SiteVisit,
    StemCellDetail,
    Submission,
    SubmissionAnswer,
    SubmissionEvent,
    Training,
    UserAccount,
    VoteRound,
    Worksheet,
)

# Beijing time: what is written is not UTC, what comes back must be the same instant in UTC.
CST = timezone(timedelta(hours=8))
BLOB_DATA = bytes(range(256)) * 3 + "知情同意书 第2版".encode() + b"\x00\xff"

# Columns a fully populated row leaves NULL because a CHECK forbids a value beside another.
NULL_BY_CONSTRAINT = {
    # ck_criterion_score_score_or_answer: a 1-5 score and a yes/no/na answer exclude each other
    ("criterion_score", "answer"),
    # ck_declaration_scope_target: a meeting-scoped declaration names no project
    ("declaration", "project_id"),
}


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """An aware Beijing-time instant in March 2025, with microseconds."""
    return datetime(2025, 3, day, hour, minute, 7, 123456, tzinfo=CST)


class Graph:
    """Rows written on demand: asking for a class writes its parents first, once each."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.written: dict[str, tuple[Any, dict[str, Any]]] = {}

    def row(self, cls: type[Base], name: str = "") -> Any:
        key = f"{cls.__name__}:{name}"
        if key not in self.written:
            values = ROWS[cls](self) if not name else EXTRA_ROWS[key](self)
            if cls is AuditHead:
                # Migration 0001 writes the one head row; the round trip updates it.
                obj = self.session.get(AuditHead, 1)
                assert obj is not None, "migration 0001 did not write the audit head row"
                for attr, value in values.items():
                    setattr(obj, attr, value)
            else:
                obj = cls(**values)
                self.session.add(obj)
            self.session.flush()
            self.written[key] = (obj, values)
        return self.written[key][0]

    def id(self, cls: type[Base], name: str = "") -> Any:
        return self.row(cls, name).id


# Each factory returns the value of every column (autoincrement ids aside), chosen to differ
# from the column's default so that a value lost on the way in would show.
ROWS: dict[type[Base], Callable[[Graph], dict[str, Any]]] = {
    AuditEvent: lambda g: {
        "seq": 1,
        "at": at(14, 9, 26),
        "actor": "秘书 王芳",
        "action": "submission.accept",
        "entity_type": "submission",
        "entity_id": "42",
        "payload": '{"acceptance_number":"KY-2025-001","note":"已受理 𠮷"}',
        "prev_hash": GENESIS_HASH,
        "hash": hashlib.sha256(b"event 1").hexdigest(),
    },
    AuditHead: lambda g: {
        "id": 1,
        "count": 1,
        "hash": hashlib.sha256(b"event 1").hexdigest(),
    },
    Blob: lambda g: {
        "sha256": hashlib.sha256(BLOB_DATA).hexdigest(),
        "size": len(BLOB_DATA),
        "data": BLOB_DATA,
    },
    Attachment: lambda g: {
        "owner_type": "submission",
        "owner_id": g.id(Submission),
        "blob_sha256": g.row(Blob).sha256,
        "filename": "知情同意书 v2.0.pdf",
        "media_type": "application/pdf",
        "document_type": "informed_consent",
        "version_label": "2.0",
        "version_date": date(2025, 2, 28),
    },
    Institution: lambda g: {
        "name_zh": "北京协和医院",
        "name_en": "Peking Union Medical College Hospital",
        "address": "北京市东城区帅府园1号",
    },
    Committee: lambda g: {
        "institution_id": g.id(Institution),
        "name_zh": "药物临床试验伦理委员会",
        "name_en": "Drug Trial Ethics Committee",
        "filing_number": "医伦备[2024]第0012号",
        "filing_authority": "北京市卫生健康委员会",
        "timezone": "Asia/Urumqi",
    },
    CommitteeProfile: lambda g: {
        "committee_id": g.id(Committee),
        "effective_from": date(2024, 3, 1),
        "profile_id": "cn-2023",
        "sop_overrides": {
            "quorum": {"minimum": 7, "lay_member": True},
            "名称": "涉及人的生命科学和医学研究伦理审查办法",
            "weights": [1, 2.5, None, False],
        },
        "note": "按2023年办法执行",
    },
    CommitteeTerm: lambda g: {
        "committee_id": g.id(Committee),
        "number": 3,
        "start_date": date(2023, 1, 1),
        "end_date": date(2027, 12, 31),
        "appointment_document": "院发〔2022〕88号",
    },
    NumberSeries: lambda g: {
        "committee_id": g.id(Committee),
        "kind": "letter",
        "pattern": "伦审-{yyyy}-{seq:03d}",
    },
    NumberCounter: lambda g: {
        "series_id": g.id(NumberSeries),
        "year": 2025,
        "last_value": 42,
    },
    Setting: lambda g: {
        "key": "ui.recent_committees",
        "value": {"ids": [3, 1], "语言": "zh_CN", "compact": True, "zoom": 1.25},
    },
    Person: lambda g: {
        "name_zh": "张伟",
        "name_sort": "zhang1 wei3\x01张伟",
        "name_en": "Zhang Wei",
        "gender": "female",
        "ethnicity": "回族",
        "minority": True,
        "title": "主任医师",
        "degrees": "医学博士",
        "profession": "心血管内科",
        "employer": "北京协和医院",
        "email": "zhangwei@example.cn",
        "phone": "+86 10 6915 0000",
        "consent_publish": True,
    },
    Membership: lambda g: {
        "committee_id": g.id(Committee),
        "person_id": g.id(Person),
        "affiliated": True,
        "voting": False,
        "scientist": True,
        "term_start": date(2023, 1, 1),
        "term_end": date(2027, 12, 31),
        "alternate_for_id": g.id(Membership, "seated"),
        "ended_on": date(2025, 6, 30),
        "end_reason": "调离本院",
    },
    MembershipRole: lambda g: {
        "membership_id": g.id(Membership),
        "role": "vice_chair",
    },
    MembershipExpertise: lambda g: {
        "membership_id": g.id(Membership),
        "category": "bioethics",
    },
    ConsultantEngagement: lambda g: {
        "committee_id": g.id(Committee),
        "person_id": g.id(Person),
        "project_id": g.id(Project),
        "submission_id": g.id(Submission),
        "start_date": date(2025, 3, 1),
        "end_date": date(2025, 4, 30),
        "expertise": "law",
        "coi_declared_on": date(2025, 3, 2),
        "confidentiality_signed_on": date(2025, 3, 2),
        "note": "独立顾问：医疗法律",
    },
    Training: lambda g: {
        "person_id": g.id(Person),
        "course": "GCP 培训（2025版）",
        "taken_on": date(2025, 1, 10),
        "hours": Decimal("12.5"),
        "expires_on": date(2028, 1, 9),
    },
    Declaration: lambda g: {
        "person_id": g.id(Person),
        "committee_id": g.id(Committee),
        "kind": "conflict_of_interest",
        "scope": "meeting",
        "meeting_id": g.id(Meeting),
        "project_id": None,
        "signed_on": date(2025, 3, 14),
        "valid_until": date(2025, 3, 14),
        "interests": "持有申办方股票",
    },
    UserAccount: lambda g: {
        "username": "wangfang",
        "display_name": "王芳",
        "role": "secretary",
        "password_hash": "scrypt$16384$8$1$c2FsdA==$aGFzaA==",
        "pin_hash": "scrypt$16384$8$1$cGlu$cGluaGFzaA==",
        "person_id": g.id(Person),
        "active": False,
    },
    Project: lambda g: {
        "committee_id": g.id(Committee),
        "title_zh": "一项评价XX片治疗原发性高血压有效性和安全性的多中心、随机、双盲研究",
        "title_en": "A multicentre randomised double-blind study of XX tablets",
        "protocol_code": "XX-HTN-301",
        "principal_investigator": "李娜",
        "team": "李娜、赵磊、陈静",
        "department": "心内科",
        "sponsor": "某某制药有限公司",
        "project_type": "stem_cell",
        "risk_level": "high",
        "multicentre_role": "lead",
        "status": "ongoing",
        "approval_from": date(2025, 3, 14),
        "approval_until": date(2026, 3, 13),
    },
    StemCellDetail: lambda g: {
        "project_id": g.id(Project),
        "cell_type": "间充质干细胞",
        "cell_source": "脐带",
        "embryonic": True,
        "within_14_days": True,
        "no_reproductive_implantation": True,
        "no_species_mixing": False,
        "no_trade": True,
        "donor_consent": False,
        "institution_filing_number": "干细胞机构备案 2019-07",
        "project_filing_number": "干细胞项目备案 2025-003",
        "academic_committee_approved_on": date(2025, 2, 20),
    },
    Submission: lambda g: {
        "project_id": g.id(Project),
        "committee_id": g.id(Committee),
        "kind": "amendment",
        "acceptance_number": "KY-2025-001",
        "received_on": date(2025, 3, 1),
        "accepted_on": date(2025, 3, 3),
        "review_path": "exempt",
        "exempt_basis": "第三十二条第一款",
        "fee_receipt": "收据 No.0001234",
        "status": "decided",
        "summary": "修改知情同意书第2版",
    },
    SubmissionAnswer: lambda g: {
        "submission_id": g.id(Submission),
        "decision_id": g.id(Decision),
    },
    SubmissionEvent: lambda g: {
        "submission_id": g.id(Submission),
        "kind": "returned_for_completion",
        "occurred_on": date(2025, 3, 2),
        "deadline": date(2025, 3, 16),
        "note": "缺少研究者简历",
    },
    SiteVisit: lambda g: {
        "project_id": g.id(Project),
        "visited_on": date(2025, 5, 6),
        "visitors": "张伟、王芳",
        "findings": "知情同意书版本不一致",
        "follow_up": "两周内提交整改报告",
        "follow_up_due": date(2025, 5, 20),
    },
    Complaint: lambda g: {
        "project_id": g.id(Project),
        "received_on": date(2025, 6, 1),
        "complainant": "受试者 S-017",
        "summary": "随访电话过于频繁",
        "handling": "约谈研究者",
        "outcome": "已调整随访频率",
        "closed_on": date(2025, 6, 15),
    },
    Meeting: lambda g: {
        "committee_id": g.id(Committee),
        "number": "2025-03",
        "held_on": date(2025, 3, 14),
        "place": "行政楼三层会议室",
        "status": "adjourned",
        "minutes": "会议纪要：出席委员9人。",
    },
    AgendaItem: lambda g: {
        "meeting_id": g.id(Meeting),
        "position": 2,
        # A report item (an SAE report, say) may still name its submission.
        "kind": "report",
        "submission_id": g.id(Submission),
        "title": "XX片Ⅲ期临床试验 初始审查",
        "started_at": at(14, 9, 30),
        "ended_at": at(14, 10, 5),
    },
    Attendance: lambda g: {
        "meeting_id": g.id(Meeting),
        "membership_id": g.id(Membership),
        "status": "remote",
        "note": "视频参会",
    },
    AttendanceInterval: lambda g: {
        "attendance_id": g.id(Attendance),
        "arrived_at": at(14, 9, 0),
        "left_at": at(14, 11, 45),
    },
    Recusal: lambda g: {
        "agenda_item_id": g.id(AgendaItem),
        "membership_id": g.id(Membership),
        "reason": "本人为该项目合作研究者",
    },
    VoteRound: lambda g: {
        "agenda_item_id": g.id(AgendaItem),
        "number": 2,
        "secret": True,
        "opened_at": at(14, 9, 50),
        "closed_at": at(14, 9, 55),
    },
    Ballot: lambda g: {
        "round_id": g.id(VoteRound),
        # The alternate votes in the seat of the member it sits for.
        "membership_id": g.id(Membership),
        "seat_membership_id": g.id(Membership, "seated"),
        "choice": "approve_with_modifications",
        "cast_at": at(14, 9, 52),
    },
    Decision: lambda g: {
        "submission_id": g.id(Submission),
        "agenda_item_id": g.id(AgendaItem),
        "code": "approve_with_modifications",
        "decided_on": date(2025, 3, 14),
        "reasons": "风险受益比合理",
        "modifications": "修改知情同意书第5节",
        "dissent": "一名委员认为样本量不足",
        "approval_from": date(2025, 3, 14),
        "approval_until": date(2026, 3, 13),
        "next_review_on": date(2025, 9, 14),
        "tally": {"approve": 6, "approve_with_modifications": 2, "disapprove": 0, "回避": 1},
        "profile_id": "cn-2023",
        "profile_snapshot": {"profile": "cn-2023", "quorum": 5, "criteria": ["c1", "c2"]},
    },
    Letter: lambda g: {
        "decision_id": g.id(Decision),
        "committee_id": g.id(Committee),
        "letter_number": "伦审-2025-007",
        "status": "issued",
        "language": "bilingual",
        "issued_on": date(2025, 3, 17),
        "blob_sha256": g.row(Blob).sha256,
    },
    ReviewAssignment: lambda g: {
        "submission_id": g.id(Submission),
        "membership_id": g.id(Membership),
        "role": "secondary",
        "assigned_on": date(2025, 3, 4),
        "due_on": date(2025, 3, 11),
    },
    Worksheet: lambda g: {
        "assignment_id": g.id(ReviewAssignment),
        "version": 2,
        "status": "submitted",
        "recommendation": "approve_with_modifications",
        "comments": "建议补充不良事件处理流程",
        "submitted_at": at(10, 16, 40),
    },
    CriterionScore: lambda g: {
        "worksheet_id": g.id(Worksheet),
        "criterion_id": "risk_benefit",
        "score": 4,
        "answer": None,
        "comment": "风险可控",
    },
}

EXTRA_ROWS: dict[str, Callable[[Graph], dict[str, Any]]] = {
    # The member the Membership under test sits in for as an alternate.
    "Membership:seated": lambda g: {
        "committee_id": g.id(Committee),
        "person_id": g.id(Person),
        "affiliated": False,
        "term_start": date(2023, 1, 1),
    },
}


def column_keys(cls: type[Base]) -> dict[str, Any]:
    """Attribute key → Column of every column the class maps."""
    return {prop.key: prop.columns[0] for prop in inspect(cls).column_attrs}


def generated_keys(cls: type[Base]) -> set[str]:
    """Attribute keys the database assigns (autoincrement integer primary keys)."""
    table = cls.__table__  # type: ignore[attr-defined]
    auto = table.autoincrement_column
    if cls is AuditHead or auto is None:
        return set()
    return {key for key, column in column_keys(cls).items() if column is auto}


def mapped_classes() -> list[type[Base]]:
    return sorted((m.class_ for m in Base.registry.mappers), key=lambda c: c.__name__)


def test_every_table_has_a_round_trip() -> None:
    classes = mapped_classes()
    assert {c.__table__.name for c in classes} == set(Base.metadata.tables)  # type: ignore[attr-defined]
    assert set(ROWS) == set(classes)


@pytest.mark.parametrize("cls", mapped_classes(), ids=lambda c: c.__name__)
def test_factory_populates_every_column(cls: type[Base]) -> None:
    """The row under test sets every column, to a value that is not the column's default."""
    table = cls.__table__.name  # type: ignore[attr-defined]
    columns = column_keys(cls)
    values = ROWS[cls](_Recorder())
    assert set(values) == set(columns) - generated_keys(cls)
    for key, value in values.items():
        if (table, key) in NULL_BY_CONSTRAINT:
            assert value is None
            continue
        assert value is not None, f"{table}.{key} is left NULL"
        default = columns[key].default
        if default is not None and default.is_scalar:
            assert value != default.arg, f"{table}.{key} is given its default"


@pytest.mark.parametrize("cls", mapped_classes(), ids=lambda c: c.__name__)
def test_round_trip(database: Database, cls: type[Base]) -> None:
    with database.session_scope() as session:
        graph = Graph(session)
        obj = graph.row(cls)
        identity = inspect(obj).identity
        written = dict(graph.written[f"{cls.__name__}:"][1])
        for key in generated_keys(cls):
            written[key] = getattr(obj, key)

    with database.write_session() as session:
        loaded = session.get(cls, identity)
        assert loaded is not None
        for key in column_keys(cls):
            got, want = getattr(loaded, key), written[key]
            assert type(got) is type(want), f"{key}: {type(got)} is not {type(want)}"
            assert got == want, key
            if isinstance(got, datetime):
                assert got.utcoffset() == timedelta(0), f"{key} is not returned in UTC"
                assert got.tzinfo is UTC, key
            if isinstance(got, Decimal):
                assert got.as_tuple() == want.as_tuple(), f"{key} lost its scale"


class _Recorder:
    """Stands in for a Graph when only the factories' keys and literal values matter."""

    def row(self, cls: type[Base], name: str = "") -> Any:
        return _Parent()

    def id(self, cls: type[Base], name: str = "") -> int:
        return 1


class _Parent:
    id = 1
    sha256 = "0" * 64
