"""What runs out within a window: terms, training (latest course only) and declarations."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app.db import Database
from app.errors import ValidationError
from app.models import Committee, Meeting, Membership, Person
from app.services import organisation, roster
from app.services.actors import SYSTEM
from app.services.expiries import Expiry, expiring
from tests.helpers import TODAY, build_demo, make_committee, make_member

COURSE = "GCP 与伦理审查培训 / GCP and ethics review training"


@pytest.fixture
def demo(database: Database) -> tuple[Database, int]:
    build_demo(database, TODAY)
    with database.session_scope() as s:
        committee = s.scalar(select(Committee.id).where(Committee.name_zh == "医学伦理委员会"))
        assert committee is not None
    return database, committee


def _seat(db: Database, committee: int, name: str) -> tuple[int, int]:
    with db.session_scope() as s:
        row = s.execute(
            select(Membership.id, Person.id)
            .join(Person)
            .where(Person.name_zh == name, Membership.committee_id == committee)
        ).one()
        return row[0], row[1]


def _summary(items: list[Expiry]) -> list[tuple[str, str, int, str, bool]]:
    return [(e.kind, e.person_name, (e.date - TODAY).days, e.label, e.expired) for e in items]


def test_demo_lists_the_term_its_training_and_declarations(demo: tuple[Database, int]) -> None:
    db, committee = demo
    seat, person = _seat(db, committee, "孙悦")
    with db.session_scope() as s:
        items = expiring(s, committee, TODAY)
        month = expiring(s, committee, TODAY, within_days=30)
        exactly_60 = expiring(s, committee, TODAY, within_days=60)
        fewer = expiring(s, committee, TODAY, within_days=59)
    assert _summary(items) == [
        ("term", "孙悦", 45, "member", False),
        ("declaration", "孙悦", 45, "confidentiality", False),
        ("declaration", "孙悦", 45, "conflict_of_interest", False),
        ("training", "孙悦", 60, COURSE, False),
    ]
    assert all(e.person_id == person and e.membership_id == seat for e in items)
    assert items[0].record_id == seat
    assert month == []
    assert [e.kind for e in exactly_60] == ["term", "declaration", "declaration", "training"]
    assert "training" not in {e.kind for e in fewer}


def test_run_out_items_are_flagged_expired(demo: tuple[Database, int]) -> None:
    db, committee = demo
    later = TODAY + timedelta(days=50)
    with db.session_scope() as s:
        items = expiring(s, committee, later)
    # Her term ran out five days ago without the seat being ended: listed, expired. She holds
    # no current seat any more, so her training and declarations are not listed.
    assert [(e.kind, e.person_name, e.date, e.expired) for e in items] == [
        ("term", "孙悦", TODAY + timedelta(days=45), True)
    ]


def test_only_the_latest_course_of_a_name_counts(demo: tuple[Database, int]) -> None:
    db, committee = demo
    _seat_id, person = _seat(db, committee, "孙悦")
    with db.session_scope() as s:
        roster.add_training(
            s,
            SYSTEM,
            person_id=person,
            course=COURSE,
            taken_on=TODAY - timedelta(days=10),
            hours=8,
            expires_on=TODAY + timedelta(days=3 * 365),
        )
        roster.add_training(
            s,
            SYSTEM,
            person_id=person,
            course="人类遗传资源管理培训",
            taken_on=TODAY - timedelta(days=400),
            expires_on=TODAY - timedelta(days=35),
        )
    with db.session_scope() as s:
        trainings = [e for e in expiring(s, committee, TODAY) if e.kind == "training"]
    assert [(e.label, e.expired) for e in trainings] == [("人类遗传资源管理培训", True)]


def test_ended_and_renewed_items_are_not_listed(demo: tuple[Database, int]) -> None:
    db, committee = demo
    seat, person = _seat(db, committee, "孙悦")
    with db.session_scope() as s:
        roster.end_membership(s, SYSTEM, seat, ended_on=TODAY + timedelta(days=10))
    with db.session_scope() as s:
        items = expiring(s, committee, TODAY)
    # The ended seat's term is not "expiring": its end was recorded. She still sits for ten
    # days, so her training and declarations are listed.
    assert [e.kind for e in items] == ["declaration", "declaration", "training"]

    with db.session_scope() as s:
        for kind in ("confidentiality", "conflict_of_interest"):
            roster.add_declaration(
                s,
                SYSTEM,
                person_id=person,
                committee_id=committee,
                kind=kind,
                scope="standing",
                signed_on=TODAY,
                valid_until=TODAY + timedelta(days=365),
            )
    with db.session_scope() as s:
        assert [e.kind for e in expiring(s, committee, TODAY)] == ["training"]


def _other_committee(db: Database, committee: int) -> int:
    with db.session_scope() as s:
        institution = s.get(Committee, committee).institution_id  # type: ignore[union-attr]
        other = organisation.create_committee(
            s,
            SYSTEM,
            institution_id=institution,
            name_zh="药物临床试验伦理委员会",
            effective_from=date(2024, 1, 1),
        )
        return other.id


def test_reappointed_term_and_other_committees_are_left_out(database: Database) -> None:
    committee = make_committee(database)
    other = _other_committee(database, committee)
    make_member(database, other, "钱卫东", gender="male")  # other committee: 2028-12-31
    with database.session_scope() as s:
        person = roster.create_person(s, SYSTEM, name_zh="吴刚", gender="male")
        common = {
            "committee_id": committee,
            "person_id": person.id,
            "roles": ["member"],
            "expertise": ["sociology"],
            "affiliated": False,
        }
        roster.add_membership(
            s, SYSTEM, **common, term_start=date(2022, 1, 1), term_end=TODAY - timedelta(days=5)
        )
        roster.add_membership(
            s, SYSTEM, **common, term_start=TODAY - timedelta(days=4), term_end=date(2031, 1, 1)
        )
        meeting = Meeting(committee_id=committee, number="2026-10", held_on=TODAY - timedelta(30))
        s.add(meeting)
        s.flush()
        roster.add_declaration(
            s,
            SYSTEM,
            person_id=person.id,
            committee_id=committee,
            kind="conflict_of_interest",
            scope="meeting",
            meeting_id=meeting.id,
            signed_on=TODAY - timedelta(days=30),
            valid_until=TODAY - timedelta(days=30),
        )
        roster.add_declaration(
            s,
            SYSTEM,
            person_id=person.id,
            committee_id=other,
            kind="confidentiality",
            scope="standing",
            signed_on=TODAY - timedelta(days=300),
            valid_until=TODAY + timedelta(days=20),
        )
    with database.session_scope() as s:
        assert expiring(s, committee, TODAY) == []
        assert expiring(s, committee, TODAY, within_days=0) == []
        far = expiring(s, committee, TODAY, within_days=4000)
    # Only the later seat's term, years ahead; the first ran out but he was re-appointed.
    assert [(e.kind, e.person_name, e.date) for e in far] == [("term", "吴刚", date(2031, 1, 1))]


def test_window_must_be_a_whole_number_of_days(database: Database) -> None:
    committee = make_committee(database)
    with database.session_scope() as s:
        for bad in (-1, 1.5, "90"):
            with pytest.raises(ValidationError) as caught:
                expiring(s, committee, TODAY, within_days=bad)  # type: ignore[arg-type]
            assert caught.value.field == "within_days"
