"""The dashboard's "Expiring within 90 days": terms, training and declarations of the
current committee, soonest first, expired ones marked; a calm line when nothing expires."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from pytestqt.qtbot import QtBot

from app.db import Database
from app.services import roster
from app.services.actors import SYSTEM
from app.ui.main_window import MainWindow
from app.ui.pages.dashboard import EXPIRED_TEXT, ExpiryModel
from tests.helpers import TODAY, build_demo, make_committee, make_member

OpenWindow = Callable[..., MainWindow]


def rows(model: ExpiryModel) -> list[list[str]]:
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_the_demo_dashboard_lists_the_expiring_term_and_training(
    open_window: OpenWindow, database: Database
):
    build_demo(database, TODAY)
    window = open_window(today=lambda: TODAY)
    section = window.dashboard.expiries
    assert section.isVisible()
    assert section.heading.text() == "Expiring within 90 days"
    assert section.table.isVisible() and section.empty.isHidden()
    ends = (TODAY + timedelta(days=45)).isoformat()
    training = (TODAY + timedelta(days=60)).isoformat()
    assert rows(section.model) == [
        [ends, "in 45 days", "孙悦", "Term of office as member"],
        [ends, "in 45 days", "孙悦", "Confidentiality undertaking"],
        [ends, "in 45 days", "孙悦", "Conflict-of-interest declaration"],
        [
            training,
            "in 60 days",
            "孙悦",
            "Training: GCP 与伦理审查培训 / GCP and ethics review training",
        ],
    ]
    assert "Medical Research Ethics Committee" in section.about.text()
    # every row is shown without scrolling
    assert section.table.height() >= section.table.verticalHeader().length()


def test_expired_ones_are_marked_and_come_first(open_window: OpenWindow, database: Database):
    committee_id = make_committee(database)
    make_member(database, committee_id, "王芳")
    with database.session_scope() as s:
        person = roster.create_person(s, SYSTEM, name_zh="李强", gender="male")
        roster.add_membership(
            s,
            SYSTEM,
            committee_id=committee_id,
            person_id=person.id,
            roles=["member"],
            expertise=["law"],
            affiliated=False,
            term_start=date(2022, 1, 1),
            term_end=TODAY - timedelta(days=3),
        )
        roster.add_training(
            s,
            SYSTEM,
            person_id=person.id,
            course="GCP",
            taken_on=date(2023, 1, 1),
            hours=4,
            expires_on=TODAY + timedelta(days=1),
        )
    window = open_window(today=lambda: TODAY)
    model = window.dashboard.expiries.model
    assert rows(model) == [
        [
            (TODAY - timedelta(days=3)).isoformat(),
            "expired 3 days ago",
            "李强",
            ("Term of office as member"),
        ],
    ]
    brush = model.index(0, ExpiryModel.COL_WHEN).data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(brush, QBrush) and brush.color() == EXPIRED_TEXT


def test_when_nothing_expires_a_calm_line_says_so(open_window: OpenWindow, database: Database):
    committee_id = make_committee(database)
    make_member(database, committee_id)  # term to 2028
    window = open_window(today=lambda: TODAY)
    section = window.dashboard.expiries
    assert section.table.isHidden()
    assert section.empty.isVisible()
    assert section.empty.text() == (
        "Nothing expires in the next 90 days: every term, training record and declaration on "
        "file runs beyond 2027-02-24."
    )


def test_switching_committee_switches_the_list(
    qtbot: QtBot, open_window: OpenWindow, database: Database
):
    build_demo(database, TODAY)
    window = open_window(today=lambda: TODAY)
    assert window.dashboard.expiries.model.rowCount() == 4
    window.switcher.setFocus()
    qtbot.keyClick(window.switcher, Qt.Key.Key_Down)  # the drug-trial committee
    section = window.dashboard.expiries
    assert window.windowTitle() == "EthicsDesk — Drug Clinical Trial Ethics Committee"
    assert section.model.rowCount() == 0
    assert section.empty.isVisible()


def test_the_expiry_model_passes_the_model_tester(qtmodeltester, open_window, database):  # type: ignore[no-untyped-def]
    build_demo(database, TODAY)
    window = open_window(today=lambda: TODAY)
    qtmodeltester.check(window.dashboard.expiries.model)


def test_no_expiry_section_on_the_welcome_screen(open_window: OpenWindow):
    window = open_window()
    assert window.dashboard.showing_welcome()
    assert not window.dashboard.expiries.isVisible()
