"""The dashboard's outlook: whether a committee complies today, and the first day within the
expiry window on which that changes, with the rules that fail — for an empty committee too."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from app.db import Database
from app.models import Membership, Person
from app.services import roster
from app.services.actors import SYSTEM
from app.services.composition import compliance_outlook
from app.services.queries.overview import load_overview
from tests.helpers import TODAY, build_demo, make_committee, make_member

LAW_SEAT_ENDS = TODAY + timedelta(days=30)


def research(db: Database) -> int:
    build_demo(db, TODAY)
    with db.read_scope() as s:
        return int(
            s.scalar(select(Membership.committee_id).join(Person).where(Person.name_zh == "黄磊"))
            or 0
        )


def test_a_compliant_committee_stays_compliant_for_the_window(database: Database) -> None:
    committee = research(database)
    with database.read_scope() as s:
        outlook = compliance_outlook(s, committee, TODAY)
    assert outlook.profile == "cn-2023"
    assert outlook.compliant is True and outlook.failing == ()
    assert outlook.changes_on is None and outlook.window == 90


def test_the_day_the_only_lawyer_leaves_is_the_day_it_stops_complying(
    database: Database,
) -> None:
    committee = research(database)
    with database.write_scope() as s:
        seat = s.scalar(select(Membership.id).join(Person).where(Person.name_zh == "黄磊"))
        assert seat is not None
        roster.end_membership(s, SYSTEM, seat, ended_on=LAW_SEAT_ENDS, reason="retires")
    with database.read_scope() as s:
        outlook = compliance_outlook(s, committee, TODAY)
        last_day = compliance_outlook(s, committee, LAW_SEAT_ENDS)
        beyond = compliance_outlook(s, committee, TODAY, window=20)
    assert outlook.compliant is True
    assert outlook.changes_on == LAW_SEAT_ENDS + timedelta(days=1)  # his last day still counts
    assert [f.check for f in outlook.failing_then] == ["required_expertise:law"]
    assert "计入的 14 名委员中没有" in outlook.failing_then[0].message_in("zh")
    assert last_day.compliant is True and last_day.changes_on == LAW_SEAT_ENDS + timedelta(days=1)
    assert beyond.changes_on is None  # beyond a 20-day window


def test_an_empty_committee_does_not_comply(database: Database) -> None:
    committee = make_committee(database)
    with database.read_scope() as s:
        outlook = compliance_outlook(s, committee, TODAY)
    assert outlook.compliant is False and outlook.changes_on is None
    assert "min_members" in {f.check for f in outlook.failing}


def test_a_committee_that_will_comply_says_from_when(database: Database) -> None:
    committee = make_committee(database)
    members = (
        ("王芳", ("chair",), ("medicine",), "female", True),
        ("李强", ("member",), ("pharmacy",), "male", True),
        ("赵丽", ("member",), ("bioethics",), "female", False),
        ("黄磊", ("member",), ("law",), "male", False),
        ("周婷", ("member",), ("lay",), "female", False),
        ("陈静", ("member",), ("nursing",), "female", True),
    )
    for name, roles, expertise, gender, affiliated in members:
        make_member(
            database,
            committee,
            name,
            roles=roles,
            expertise=expertise,
            gender=gender,
            affiliated=affiliated,
        )
    joins = TODAY + timedelta(days=10)
    with database.write_scope() as s:
        person = roster.create_person(s, SYSTEM, name_zh="杨帆", gender="male")
        roster.add_membership(
            s,
            SYSTEM,
            committee_id=committee,
            person_id=person.id,
            roles=["member"],
            expertise=["statistics"],
            affiliated=True,
            term_start=joins,
        )
    with database.read_scope() as s:
        outlook = compliance_outlook(s, committee, TODAY)
    assert outlook.compliant is False
    assert [f.check for f in outlook.failing] == ["min_members"]  # six of seven
    assert outlook.changes_on == joins and outlook.failing_then == ()


def test_the_overview_carries_each_committee_s_outlook(database: Database) -> None:
    research(database)
    with database.read_scope() as s:
        overview = load_overview(s, TODAY)
        quick = load_overview(s, TODAY, outlook=False)
    assert all(c.outlook is not None and c.outlook.compliant for c in overview.committees)
    assert all(c.outlook is None for c in quick.committees)
