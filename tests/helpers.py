"""Small helpers shared by the tests."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from app.db import Database
from app.models import AuditHead, Base
from app.services import demo, organisation, roster
from app.services.actors import SYSTEM

TODAY = date(2026, 11, 26)


def table_counts(db: Database) -> dict[str, int]:
    """Row count of every table plus the audit head: equal before and after means nothing
    was written."""
    with db.session_scope() as s:
        counts = {
            name: int(s.scalar(select(func.count()).select_from(table)) or 0)
            for name, table in Base.metadata.tables.items()
        }
        head = s.get(AuditHead, 1)
        assert head is not None
        counts["audit_head.count"] = head.count
    return counts


def make_committee(db: Database, profile_id: str = "cn-2023") -> int:
    with db.session_scope() as s:
        inst = organisation.create_institution(
            s, SYSTEM, name_zh="测试医院", name_en="Test Hospital"
        )
        committee = organisation.create_committee(
            s,
            SYSTEM,
            institution_id=inst.id,
            name_zh="伦理委员会",
            name_en="Ethics Committee",
            profile_id=profile_id,
            effective_from=date(2024, 1, 1),
        )
        return committee.id


def make_member(
    db: Database,
    committee_id: int,
    name: str = "王芳",
    *,
    roles: tuple[str, ...] = ("member",),
    expertise: tuple[str, ...] = ("medicine",),
    gender: str = "female",
    affiliated: bool = True,
) -> int:
    with db.session_scope() as s:
        person = roster.create_person(s, SYSTEM, name_zh=name, gender=gender)
        membership = roster.add_membership(
            s,
            SYSTEM,
            committee_id=committee_id,
            person_id=person.id,
            roles=list(roles),
            expertise=list(expertise),
            affiliated=affiliated,
            term_start=date(2024, 1, 1),
            term_end=date(2028, 12, 31),
        )
        return membership.id


def build_demo(db: Database, today: date = TODAY) -> None:
    """The demo, built in one write as the command line and the welcome panel build it."""
    with db.write_scope() as s:
        demo.build_demo(s, SYSTEM, today)
