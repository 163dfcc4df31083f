"""One seat predicate: a seat is held on day D when its term covers D and it was not ended
before D (the last day is inclusive). The SQL and the Python of it agree, and every place
that asks — composition, the dashboard, the roster, the export — gives the same answer: a
membership ended today is counted, listed and exported today, and not tomorrow."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app.db import Database
from app.domain import seats
from app.models import Membership
from app.services import roster
from app.services.actors import SYSTEM
from app.services.composition import check_composition
from app.services.queries.overview import load_overview
from app.services.queries.roster import RosterQuery, count_roster, roster_page
from app.services.roster_io import export_roster_csv, export_roster_json, export_seats
from tests.helpers import TODAY, make_committee, make_member

DAYS = [date(2024, 1, 1) + timedelta(days=n) for n in (-1, 0, 1, 30, 31, 32, 400)]


def test_the_sql_and_the_python_of_the_predicate_agree(database: Database) -> None:
    committee = make_committee(database)
    starts = (date(2024, 1, 1), date(2024, 1, 31))
    ends = (None, date(2024, 1, 31), date(2024, 2, 1))
    with database.write_scope() as s:
        for number, (start, end, ended) in enumerate(
            itertools.product(starts, ends, (None, date(2024, 1, 31), date(2024, 2, 1)))
        ):
            person = roster.create_person(s, SYSTEM, name_zh=f"委员{number}", gender="male")
            seat = roster.add_membership(
                s,
                SYSTEM,
                committee_id=committee,
                person_id=person.id,
                roles=["member"],
                expertise=["lay"],
                affiliated=False,
                term_start=start,
                term_end=end,
            )
            if ended is not None and ended >= start:
                roster.end_membership(s, SYSTEM, seat.id, ended_on=ended)
    with database.read_scope() as s:
        memberships = s.scalars(select(Membership)).all()
        for day in DAYS:
            in_sql = set(s.scalars(select(Membership.id).where(Membership.holds_seat_on(day))))
            in_python = {
                m.id
                for m in memberships
                if seats.holds_seat(m.term_start, m.term_end, m.ended_on, day)
            }
            assert in_sql == in_python == {m.id for m in memberships if m.holds_seat_on(day)}
            history = set(s.scalars(select(Membership.id).where(Membership.ended_before(day))))
            assert history == {m.id for m in memberships if seats.ended_before(m.ended_on, day)}


def test_a_membership_ended_today_counts_is_listed_and_exported_today_not_tomorrow(
    database: Database,
) -> None:
    committee = make_committee(database)
    make_member(database, committee, "王芳", roles=("chair",))
    leaving = make_member(database, committee, "黄磊", expertise=("law",), gender="male")
    with database.write_scope() as s:
        roster.end_membership(s, SYSTEM, leaving, ended_on=TODAY, reason="resigned")
    tomorrow = TODAY + timedelta(days=1)

    def everywhere(day: date) -> dict[str, object]:
        with database.read_scope() as s:
            result = check_composition(s, committee, day)
            counted = next(f for f in result.findings if f.check == "min_members")
            summary = load_overview(s, day).committee(committee)
            assert summary is not None
            query = RosterQuery(committee, day)
            listed = [r.name_zh for r in roster_page(s, query, limit=50).rows]
            return {
                "counted": counted.message_in("en"),
                "dashboard": summary.voting_members,
                "listed": listed,
                "roster_count": count_roster(s, query),
                "exported": [r.name for r in export_seats(s, committee, day)],
                "json": [m["name"] for m in export_roster_json(s, committee, day)["members"]],
                "csv": "黄磊" in export_roster_csv(s, committee, day).decode("utf-8-sig"),
            }

    assert everywhere(TODAY) == {
        "counted": "At least 7 members: 2 counted members",
        "dashboard": 2,
        "listed": ["王芳", "黄磊"],
        "roster_count": 2,
        "exported": ["王芳", "黄磊"],
        "json": ["王芳", "黄磊"],
        "csv": True,
    }
    assert everywhere(tomorrow) == {
        "counted": "At least 7 members: 1 counted members",
        "dashboard": 1,
        "listed": ["王芳"],
        "roster_count": 1,
        "exported": ["王芳"],
        "json": ["王芳"],
        "csv": False,
    }


@pytest.mark.parametrize(
    ("last_day", "state"),
    [
        (None, "ok"),
        (TODAY - timedelta(days=1), "expired"),
        (TODAY, "expiring"),  # the last day is inclusive: still valid today
        (TODAY + timedelta(days=seats.EXPIRY_WINDOW_DAYS), "expiring"),
        (TODAY + timedelta(days=seats.EXPIRY_WINDOW_DAYS + 1), "ok"),
    ],
)
def test_what_runs_out_and_what_is_expiring_on_the_window_s_edges(
    last_day: date | None, state: str
) -> None:
    assert seats.expiry_state(last_day, TODAY) == state
    assert seats.run_out(last_day, TODAY) == (state == "expired")
