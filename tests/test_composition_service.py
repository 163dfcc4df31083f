"""The composition check on the database: memberships as rules facts, the profile in force,
the warning before a change that leaves the committee non-compliant, the next meeting."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from app.db import Database
from app.errors import NotFound
from app.models import Committee, Meeting, Membership, Person
from app.rules.evaluate import Finding, RosterResult
from app.rules.facts import Member
from app.rules.profiles import Rule, Text
from app.services import organisation, roster
from app.services.actors import SYSTEM
from app.services.composition import (
    check_composition,
    committee_seats,
    facts_on,
    newly_failing,
    next_meeting_date,
    roster_facts,
)
from tests.helpers import TODAY, build_demo, make_committee, make_member, table_counts


def research_committee(db: Database) -> int:
    with db.session_scope() as s:
        committee_id = s.scalar(select(Committee.id).where(Committee.name_zh == "医学伦理委员会"))
        assert committee_id is not None
        return committee_id


def seat_of(db: Database, name: str, committee_id: int) -> int:
    with db.session_scope() as s:
        seat = s.scalar(
            select(Membership.id)
            .join(Person)
            .where(Person.name_zh == name, Membership.committee_id == committee_id)
        )
        assert seat is not None
        return seat


@pytest.fixture
def demo(database: Database) -> Database:
    build_demo(database, TODAY)
    return database


def test_demo_roster_as_facts(demo: Database) -> None:
    committee = research_committee(demo)
    with demo.session_scope() as s:
        facts, profile = roster_facts(s, committee, TODAY)
    assert profile.id == "cn-2023" and facts.profile == "cn-2023"
    assert facts.as_of == TODAY and facts.sop == {} and facts.minority_region is False
    by_name = {m.name: m for m in facts.members}
    # 15 members, the alternate and the secretary; the consultant is not a member.
    assert len(facts.members) == 17
    assert "何伟" not in by_name
    assert by_name["王芳"].role == "chair"
    assert by_name["李建国"].role == "vice_chair"
    assert by_name["林晓"].role == "secretary" and by_name["林晓"].voting is False
    alternate = by_name["郭强"]
    assert alternate.role == "alternate"
    assert alternate.alternate_for == by_name["徐明"].id
    assert by_name["马超"].minority is True
    assert by_name["朱琳"].expertise == ("bioethics",)
    assert by_name["孙悦"].term_end == TODAY + timedelta(days=45)
    assert by_name["黄磊"].id == str(seat_of(demo, "黄磊", committee))
    assert by_name["刘洋"].affiliated is False and by_name["刘洋"].gender == "male"
    assert by_name["王芳"].profession == "肿瘤内科"
    assert len(facts.counted()) == 15


def test_demo_is_compliant_today_and_the_as_of_date_catches_an_expiring_term(
    demo: Database,
) -> None:
    committee = research_committee(demo)
    sun_yue = str(seat_of(demo, "孙悦", committee))
    with demo.session_scope() as s:
        today = check_composition(s, committee, TODAY)
        later = check_composition(s, committee, TODAY + timedelta(days=46))
    assert today.ok and today.profile == "cn-2023"
    assert all(f.ok for f in today.findings)
    expired = [f for f in later.findings if f.check == "term_expired" and not f.ok]
    assert [(f.member, f.severity) for f in expired] == [(sun_yue, "warning")]
    assert "孙悦" in expired[0].message_in("zh_CN") and "届满" in expired[0].message_in("zh_CN")
    counted = next(f for f in later.findings if f.check == "min_members")
    assert "14" in counted.message_in("zh_CN")


def test_secretary_who_is_also_a_member_counts_as_that_role(database: Database) -> None:
    committee = make_committee(database)
    both = make_member(database, committee, "林晓", roles=("secretary", "member"))
    alone = make_member(database, committee, "周洁", roles=("secretary",))
    chair = make_member(database, committee, "王芳", roles=("chair", "secretary"))
    with database.session_scope() as s:
        facts, _ = roster_facts(s, committee, TODAY)
        by_id = facts.by_id()
        fact_alone = by_id[str(alone)]
    assert by_id[str(both)].role == "member" and by_id[str(both)].voting is True
    assert by_id[str(chair)].role == "chair"
    assert fact_alone.role == "secretary" and fact_alone.voting is False
    assert {m.id for m in facts.counted()} == {str(both), str(chair)}


def test_ended_and_superseded_memberships_are_history(database: Database) -> None:
    committee = make_committee(database)
    left = make_member(database, committee, "黄磊", gender="male")
    leaving = make_member(database, committee, "赵丽")
    lapsed = make_member(database, committee, "刘洋", gender="male")
    with database.session_scope() as s:
        roster.end_membership(s, SYSTEM, left, ended_on=date(2025, 6, 30), reason="resigned")
        roster.end_membership(s, SYSTEM, leaving, ended_on=date(2027, 3, 31))
        # 吴刚 served one term that ran out, and was appointed again.
        person = roster.create_person(s, SYSTEM, name_zh="吴刚", gender="male")
        common = {
            "committee_id": committee,
            "person_id": person.id,
            "roles": ["member"],
            "expertise": ["sociology"],
            "affiliated": False,
        }
        first = roster.add_membership(
            s, SYSTEM, **common, term_start=date(2020, 1, 1), term_end=date(2023, 12, 31)
        )
        second = roster.add_membership(
            s, SYSTEM, **common, term_start=date(2024, 1, 1), term_end=date(2028, 12, 31)
        )
        s.flush()
        first_id, second_id = first.id, second.id
        roster.edit_membership(s, SYSTEM, lapsed, term_end=date(2026, 6, 30))
    with database.session_scope() as s:
        facts, _ = roster_facts(s, committee, TODAY)
        earlier, _ = roster_facts(s, committee, date(2025, 1, 1))
        result = check_composition(s, committee, TODAY)
    ids = {m.id for m in facts.members}
    assert str(left) not in ids  # ended before as_of
    assert str(first_id) not in ids and str(second_id) in ids  # re-appointed
    assert str(lapsed) in ids  # ran out without being ended: named by term_expired
    assert facts.by_id()[str(leaving)].term_end == date(2027, 3, 31)  # the earlier end
    assert str(left) in {m.id for m in earlier.members}
    expired = [f.member for f in result.findings if f.check == "term_expired" and not f.ok]
    assert expired == [str(lapsed)]


def test_profile_in_force_on_the_date_with_its_sop(database: Database) -> None:
    committee = make_committee(database)  # cn-2023 from 2024-01-01
    make_member(database, committee, "王芳", roles=("chair",))
    with database.session_scope() as s:
        organisation.set_profile(
            s,
            SYSTEM,
            committee,
            profile_id="us-45cfr46",
            effective_from=date(2026, 7, 1),
            sop_overrides={"required_expertise": ["statistics"]},
        )
    with database.session_scope() as s:
        before_first, profile_0 = roster_facts(s, committee, date(2023, 1, 1))
        old, profile_1 = roster_facts(s, committee, date(2026, 6, 30))
        new, profile_2 = roster_facts(s, committee, TODAY)
        result = check_composition(s, committee, TODAY)
    assert profile_0.id == profile_1.id == "cn-2023" and before_first.sop == {}
    assert profile_2.id == "us-45cfr46" and new.sop == {"required_expertise": ["statistics"]}
    assert old.sop == {}
    assert result.profile == "us-45cfr46"
    checks = {f.check for f in result.findings}
    assert "required_expertise:statistics" in checks and "chair" not in checks


def test_unknown_committee_is_not_found(database: Database) -> None:
    with database.session_scope() as s, pytest.raises(NotFound) as caught:
        roster_facts(s, 999, TODAY)
    assert caught.value.field == "committee_id"


def test_ending_the_law_member_warns_before_saving_and_cancel_changes_nothing(
    demo: Database,
) -> None:
    """The UI's flow: flush the change, evaluate on the next meeting's date, compare, and
    roll back when the secretary cancels."""
    committee = research_committee(demo)
    # The demo's one law member is 黄磊.
    law_members = [seat_of(demo, "黄磊", committee)]
    with demo.session_scope() as s:
        s.add(Meeting(committee_id=committee, number="2026-12", held_on=TODAY + timedelta(7)))
    counts = table_counts(demo)

    session = demo.write_session()
    try:
        as_of = next_meeting_date(session, committee, TODAY)
        assert as_of == TODAY + timedelta(days=7)
        before = check_composition(session, committee, as_of)
        for seat in law_members:
            roster.end_membership(session, SYSTEM, seat, ended_on=TODAY, reason="resigned")
        session.flush()
        after = check_composition(session, committee, as_of)
        warned = newly_failing(before, after)
        assert [f.check for f in warned] == ["required_expertise:law"]
        assert not after.ok and before.ok
        session.rollback()  # the secretary cancels
    finally:
        session.close()

    assert table_counts(demo) == counts
    with demo.session_scope() as s:
        assert all(s.get(Membership, seat).ended_on is None for seat in law_members)  # type: ignore[union-attr]
        assert check_composition(s, committee, TODAY + timedelta(days=7)).ok


def _finding(check: str, ok: bool, severity: str = "error", member: str | None = None) -> Finding:
    rule = Rule("R", severity, Text("", ""), Text("", ""), Text("", ""), "verified", Text("", ""))
    return Finding(check, ok, severity, "R", "verified", rule, "counted", member=member)


def _result(*findings: Finding) -> RosterResult:
    ok = not any(f.severity == "error" and not f.ok for f in findings)
    return RosterResult("cn-2023", ok, findings, ())


def test_newly_failing_compares_errors_by_check_and_member() -> None:
    before = _result(
        _finding("min_members", False),
        _finding("required_expertise:law", True),
        _finding("term_length", False, "warning", member="3"),
        _finding("chair", True),
    )
    after = _result(
        _finding("min_members", False),  # failed already: not new
        _finding("required_expertise:law", False),  # new
        _finding("term_length", False, "warning", member="4"),  # a warning: never
        _finding("chair", False),  # new
        _finding("gender_diversity", True),
    )
    assert [f.check for f in newly_failing(before, after)] == [
        "required_expertise:law",
        "chair",
    ]
    assert newly_failing(after, after) == []
    assert newly_failing(after, before) == []


def test_next_meeting_date_is_the_earliest_planned_one_ahead(database: Database) -> None:
    committee = make_committee(database)
    with database.session_scope() as s:
        assert next_meeting_date(s, committee, TODAY) is None
        other = organisation.create_committee(
            s,
            SYSTEM,
            institution_id=s.get(Committee, committee).institution_id,  # type: ignore[union-attr]
            name_zh="药物临床试验伦理委员会",
            effective_from=date(2024, 1, 1),
        )
        for number, day, status, owner in (
            ("past", TODAY - timedelta(days=1), "planned", committee),
            ("running", TODAY + timedelta(days=1), "in_session", committee),
            ("done", TODAY + timedelta(days=2), "adjourned", committee),
            ("other", TODAY + timedelta(days=3), "planned", other.id),
            ("closed", TODAY + timedelta(days=9), "agenda_closed", committee),
            ("later", TODAY + timedelta(days=30), "planned", committee),
        ):
            s.add(Meeting(committee_id=owner, number=number, held_on=day, status=status))
    with database.session_scope() as s:
        assert next_meeting_date(s, committee, TODAY) == TODAY + timedelta(days=9)
        assert next_meeting_date(s, committee, TODAY + timedelta(days=9)) == TODAY + timedelta(
            days=9
        )
        assert next_meeting_date(s, committee, TODAY + timedelta(days=10)) == TODAY + timedelta(
            days=30
        )
        assert next_meeting_date(s, committee, TODAY + timedelta(days=31)) is None


def test_committee_seats_and_the_facts_of_each_day(database: Database) -> None:
    """``committee_seats`` reads every membership, history included, with its roles and
    expertise in the vocabulary's order; ``facts_on`` keeps what the module docstring says:
    every membership except one ended before the day and one whose term ran out before it
    while the same person holds a later membership. A seat that ran out unrenewed, and one
    that starts later, stay facts (neither counted)."""
    committee = make_committee(database)
    chair = make_member(
        database,
        committee,
        "王芳",
        roles=("secretary", "member", "chair"),
        expertise=("law", "medicine", "bioethics"),
    )
    ended = make_member(database, committee, "黄磊", gender="male")  # 2024-01-01 … 2028-12-31
    lapsed = make_member(database, committee, "刘洋", gender="male")
    last_day = date(2026, 6, 30)
    future_start = TODAY + timedelta(days=30)
    with database.session_scope() as s:
        roster.end_membership(s, SYSTEM, ended, ended_on=last_day, reason="resigned")
        roster.edit_membership(s, SYSTEM, lapsed, term_end=date(2026, 3, 31))  # not renewed
        # 吴刚's first term ran out and he was appointed again.
        person = roster.create_person(s, SYSTEM, name_zh="吴刚", gender="male")
        common: dict[str, Any] = {
            "committee_id": committee,
            "person_id": person.id,
            "roles": ["member"],
            "expertise": ["sociology"],
            "affiliated": False,
        }
        first = roster.add_membership(
            s, SYSTEM, **common, term_start=date(2020, 1, 1), term_end=date(2023, 12, 31)
        )
        second = roster.add_membership(
            s, SYSTEM, **common, term_start=date(2024, 1, 1), term_end=date(2028, 12, 31)
        )
        newcomer = roster.create_person(s, SYSTEM, name_zh="陈静", gender="female")
        future = roster.add_membership(
            s,
            SYSTEM,
            committee_id=committee,
            person_id=newcomer.id,
            roles=["alternate"],
            expertise=["nursing", "medicine"],
            affiliated=True,
            term_start=future_start,
            alternate_for_id=chair,
        )
        s.flush()
        first_id, second_id, future_id = first.id, second.id, future.id

    with database.read_scope() as s:
        records = committee_seats(s, committee)
    by_id = {r.id: r for r in records}
    assert [r.id for r in records] == [chair, ended, lapsed, first_id, second_id, future_id]
    assert by_id[chair].roles == ("chair", "member", "secretary")
    assert by_id[chair].expertise == ("medicine", "bioethics", "law")
    assert by_id[chair].primary_role == "chair" and by_id[chair].name == "王芳"
    assert by_id[future_id].roles == ("alternate",)
    assert by_id[future_id].expertise == ("medicine", "nursing")
    assert by_id[future_id].alternate_for_id == chair and by_id[future_id].term_end is None
    assert (by_id[ended].ended_on, by_id[ended].last_day) == (last_day, last_day)
    assert (by_id[lapsed].ended_on, by_id[lapsed].last_day) == (None, date(2026, 3, 31))
    assert by_id[first_id].person_id == by_id[second_id].person_id

    every = [chair, ended, lapsed, first_id, second_id, future_id]
    expected = {
        date(2019, 12, 31): every,  # before any start: every membership, none ended yet
        date(2023, 12, 31): every,  # the last day of 吴刚's first term
        date(2024, 1, 1): [chair, ended, lapsed, second_id, future_id],  # renewed: history
        date(2026, 3, 31): [chair, ended, lapsed, second_id, future_id],
        date(2026, 4, 1): [chair, ended, lapsed, second_id, future_id],  # ran out: a fact
        last_day: [chair, ended, lapsed, second_id, future_id],  # ended today: held today
        last_day + timedelta(days=1): [chair, lapsed, second_id, future_id],
        TODAY: [chair, lapsed, second_id, future_id],  # starts later: a fact
        future_start: [chair, lapsed, second_id, future_id],
        date(2029, 1, 1): [chair, lapsed, second_id, future_id],  # ran out, not renewed
    }
    for day, ids in expected.items():
        facts = facts_on(records, day)
        assert [f.id for f in facts] == [str(i) for i in ids], day
        with database.read_scope() as s:  # the one code path: the roster the rules see
            assert roster_facts(s, committee, day)[0].members == facts, day

    on_last_day = {f.id: f for f in facts_on(records, last_day)}
    assert on_last_day[str(ended)].term_end == last_day  # the seat's last day
    assert on_last_day[str(ended)].counted_on(last_day)
    assert not on_last_day[str(lapsed)].counted_on(last_day)  # named by term_expired
    assert on_last_day[str(future_id)].term_start == future_start
    assert not on_last_day[str(future_id)].term_covers(last_day)
    assert on_last_day[str(chair)] == Member(
        id=str(chair),
        name="王芳",
        gender="female",
        role="chair",
        expertise=("medicine", "bioethics", "law"),
        affiliated=True,
        minority=False,
        term_start=date(2024, 1, 1),
        term_end=date(2028, 12, 31),
        scientist=None,
        voting=True,
        alternate_for=None,
    )
    assert on_last_day[str(future_id)].role == "alternate"
    assert on_last_day[str(future_id)].alternate_for == str(chair)
    renewed = {f.id: f for f in facts_on(records, date(2023, 12, 31))}
    assert renewed[str(first_id)].counted_on(date(2023, 12, 31))
    assert not renewed[str(second_id)].counted_on(date(2023, 12, 31))
