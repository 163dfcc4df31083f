"""The dashboard says whether each committee complies: today, and from the next day within
90 days on which that changes, with the rules that fail; an empty committee too."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from app.db import Database
from app.services import roster
from app.services.actors import SYSTEM
from app.services.queries.roster import RosterQuery, roster_page
from app.ui.main_window import MainWindow
from app.ui.pages.dashboard import CommitteeCard, ComplianceLine
from tests.helpers import TODAY, build_demo, make_committee

OpenWindow = Callable[..., MainWindow]


def line_of(window: MainWindow, committee_id: int) -> ComplianceLine:
    card = window.dashboard.findChild(CommitteeCard, f"committee_card_{committee_id}")
    assert card is not None and card.isVisible()
    line = card.findChild(ComplianceLine)
    assert line is not None and line.isVisible()
    return line


def end_the_lawyers_seat(db: Database, last_day: date) -> None:
    with db.read_scope() as s:
        rows = roster_page(s, RosterQuery(1, TODAY, search="黄磊"), limit=1).rows
    assert [r.name_zh for r in rows] == ["黄磊"]
    with db.write_scope() as s:
        roster.end_membership(s, SYSTEM, rows[0].membership_id, ended_on=last_day, reason="退休")


def test_the_demo_committees_comply_for_the_whole_window(
    open_window: OpenWindow, database: Database
) -> None:
    build_demo(database, TODAY)
    window = open_window(today=lambda: TODAY)
    for committee_id in (1, 2):
        line = line_of(window, committee_id)
        assert line.state == "pass"
        assert line.text.text() == "Compliant today and for the next 90 days."


def test_a_seat_ending_within_the_window_says_from_which_day_and_which_rule(
    open_window: OpenWindow, database: Database
) -> None:
    build_demo(database, TODAY)
    last_day = TODAY + timedelta(days=30)
    end_the_lawyers_seat(database, last_day)
    window = open_window("zh_CN", today=lambda: TODAY)
    line = line_of(window, 1)
    assert line.state == "warning"
    first, *rules = line.text.text().splitlines()
    assert first == f"今日符合要求；自 {last_day + timedelta(days=1)} 起不符合："
    assert len(rules) == 1 and "法学" in rules[0] and "（CN23-COMP-1）" in rules[0]
    assert line_of(window, 2).state == "pass"  # the other committee is not touched


def test_on_the_last_day_it_still_complies_and_the_next_day_it_does_not(
    open_window: OpenWindow, database: Database
) -> None:
    build_demo(database, TODAY)
    end_the_lawyers_seat(database, TODAY)
    today = open_window(today=lambda: TODAY)
    assert (
        line_of(today, 1)
        .text.text()
        .startswith(f"Compliant today; not compliant from {TODAY + timedelta(days=1)}:")
    )
    tomorrow = open_window(today=lambda: TODAY + timedelta(days=1))
    line = line_of(tomorrow, 1)
    assert line.state == "fail"
    assert line.text.text().splitlines()[0] == "Not compliant:"
    assert "(CN23-COMP-1)" in line.text.text()


def test_an_empty_committee_is_said_not_to_comply(
    open_window: OpenWindow, database: Database
) -> None:
    make_committee(database)
    window = open_window("zh_CN", today=lambda: TODAY)
    line = line_of(window, 1)
    assert line.state == "fail"
    first, *rules = line.text.text().splitlines()
    assert first == "不符合："
    # the first three failing rules, each with its id, and how many more
    *shown, more = rules
    assert len(shown) == 3
    assert all(rule.startswith("• ") and "（CN23-" in rule for rule in shown)
    assert "委员不少于 7 人" in shown[0]
    assert more.startswith("• 另有 ") and more.endswith(" 项")
