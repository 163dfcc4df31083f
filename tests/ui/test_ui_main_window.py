"""The main window driven as a user: navigation, empty states, the welcome form, zh_CN."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.db import Database, describe_database
from app.errors import UserError
from app.models import Committee, CommitteeProfile, Institution
from app.services import organisation, roster
from app.services.actors import SYSTEM
from app.ui.main import create_main_window
from app.ui.main_window import GEOMETRY_KEY, PAGE_IDS, MainWindow
from app.ui.pages.base import Page
from tests.helpers import TODAY, make_committee, make_member, table_counts

OpenWindow = Callable[..., MainWindow]

NAV_EN = ["Dashboard", "Committee", "Dossiers", "Reviews", "Meetings", "Documents", "Settings"]
NAV_ZH = ["工作台", "委员会", "项目档案", "审查", "会议", "文件", "设置"]


def click_nav(qtbot: QtBot, window: MainWindow, row: int) -> None:
    nav = window.navigation
    rect = nav.visualItemRect(nav.item(row))
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def texts(widget: object) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel)]  # type: ignore[attr-defined]


def has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def type_text(qtbot: QtBot, line: QLineEdit, text: str) -> None:
    """Type as a user would: ASCII as key presses, Chinese as an input method commits it
    (QTest can only press keys that exist on a keyboard)."""
    if text.isascii():
        qtbot.keyClicks(line, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(line, event)


def fill_form(qtbot: QtBot, window: MainWindow, **values: str) -> None:
    form = window.dashboard.welcome.form
    for name, value in values.items():
        line = getattr(form, name)
        line.clear()
        type_text(qtbot, line, value)
        assert line.text() == value


def submit(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.mouseClick(window.dashboard.welcome.form.create_button, Qt.MouseButton.LeftButton)


def count(db: Database, model: type) -> int:
    with db.session_scope() as s:
        return len(s.scalars(select(model)).all())


# --- navigation --------------------------------------------------------------------------


def test_seven_entries_and_clicking_one_shows_its_page(qtbot: QtBot, open_window: OpenWindow):
    window = open_window()
    nav = window.navigation
    assert [nav.item(i).text() for i in range(nav.count())] == NAV_EN
    assert window.current_page_id() == "dashboard"
    for row, page_id in reversed(list(enumerate(PAGE_IDS))):
        click_nav(qtbot, window, row)
        assert window.current_page_id() == page_id
        assert window.stack.currentWidget() is window.page(page_id)


def test_show_page_refuses_an_unknown_page(open_window: OpenWindow):
    window = open_window()
    with pytest.raises(ValueError, match="unknown page"):
        window.show_page("minutes")
    window.show_page("meetings")
    assert window.current_page_id() == "meetings"


def test_window_title_and_status_bar_without_a_committee(open_window: OpenWindow):
    window = open_window()
    assert window.windowTitle() == "EthicsDesk"
    assert window.location.text() == f"Data: {describe_database(window.ctx.db.url)}"
    assert window.location.isVisible()


def test_status_bar_never_shows_a_password():
    shown = describe_database("postgresql+psycopg://clerk:s3cret@db.example/ethics")
    assert "s3cret" not in shown
    assert "clerk" in shown and "db.example/ethics" in shown
    assert describe_database("sqlite:////data/ethicsdesk.db") == "/data/ethicsdesk.db"


# --- empty states ------------------------------------------------------------------------

EMPTY_HEADINGS = {
    "committee": "No committee yet",
    "dossiers": "No projects yet",
    "reviews": "No reviews yet",
    "meetings": "No meetings yet",
    "documents": "No documents yet",
}


def test_every_page_explains_itself_and_offers_the_next_step(qtbot: QtBot, open_window: OpenWindow):
    window = open_window()
    for row, page_id in enumerate(PAGE_IDS):
        click_nav(qtbot, window, row)
        page = window.page(page_id)
        shown = " ".join(texts(page)).lower()
        assert "coming soon" not in shown
        if page_id in EMPTY_HEADINGS:
            assert isinstance(page, Page)
            assert page.state.heading.text() == EMPTY_HEADINGS[page_id]
            assert page.state.body.isVisible() and len(page.state.body.text()) > 60
            assert page.state.action.isVisible()
            assert page.state.action.text() == "Set up a committee"
    dossiers = window.page("dossiers")
    assert "Projects and their submissions appear here once the committee has registered one" in (
        dossiers.state.body.text()  # type: ignore[union-attr]
    )
    settings = window.page("settings")
    assert str(window.ctx.paths.root) in texts(settings)  # type: ignore[union-attr]


def test_set_up_a_committee_leads_to_the_welcome_form(qtbot: QtBot, open_window: OpenWindow):
    window = open_window()
    window.show_page("meetings")
    meetings = window.page("meetings")
    assert isinstance(meetings, Page)
    qtbot.mouseClick(meetings.state.action, Qt.MouseButton.LeftButton)
    assert window.current_page_id() == "dashboard"
    assert window.dashboard.showing_welcome()
    assert window.dashboard.welcome.form.isVisible()


# --- the welcome form --------------------------------------------------------------------


def test_empty_chinese_institution_name_is_refused_inline_and_nothing_is_written(
    qtbot: QtBot, open_window: OpenWindow, database: Database
):
    window = open_window()
    before = table_counts(database)
    fill_form(qtbot, window, committee_name_zh="医学伦理委员会", institution_name_en="Hospital")
    submit(qtbot, window)
    form = window.dashboard.welcome.form
    error = form.errors["institution.name_zh"]
    assert error.isVisible()
    assert "institution" in error.text() and "Chinese" in error.text()
    assert form.errors["committee.name_zh"].isHidden()
    assert count(database, Institution) == 0
    assert table_counts(database) == before
    assert window.dashboard.showing_welcome()
    assert window.windowTitle() == "EthicsDesk"


def test_a_name_the_service_refuses_is_shown_under_its_field(
    qtbot: QtBot, open_window: OpenWindow, database: Database
):
    with database.session_scope() as s:
        organisation.create_institution(s, SYSTEM, name_zh="明湖医院")
    window = open_window()
    before = table_counts(database)
    fill_form(qtbot, window, institution_name_zh="明湖医院", committee_name_zh="伦理委员会")
    submit(qtbot, window)
    form = window.dashboard.welcome.form
    assert form.errors["institution.name_zh"].isVisible()
    assert "exists already" in form.errors["institution.name_zh"].text()
    assert form.errors["committee.name_zh"].isHidden()
    assert table_counts(database) == before
    assert count(database, Committee) == 0


def test_a_valid_form_creates_the_committee_and_the_dashboard_shows_it(
    qtbot: QtBot, open_window: OpenWindow, database: Database
):
    window = open_window(today=lambda: TODAY)
    fill_form(
        qtbot,
        window,
        institution_name_zh="明湖大学附属医院",
        institution_name_en="Minghu University Hospital",
        committee_name_zh="医学伦理委员会",
        committee_name_en="Medical Ethics Committee",
    )
    form = window.dashboard.welcome.form
    form.profile.setCurrentIndex(form.profile.findData("us-45cfr46"))
    submit(qtbot, window)

    assert not form.has_errors()
    with database.session_scope() as s:
        institution = s.scalars(select(Institution)).one()
        committee = s.scalars(select(Committee)).one()
        profile = s.scalars(select(CommitteeProfile)).one()
        assert institution.name_en == "Minghu University Hospital"
        assert committee.name_zh == "医学伦理委员会"
        assert committee.institution_id == institution.id
        assert (profile.profile_id, profile.effective_from) == ("us-45cfr46", TODAY)

    assert window.windowTitle() == "EthicsDesk — Medical Ethics Committee"
    assert not window.dashboard.showing_welcome()
    summary = texts(window.dashboard.summary)
    assert "Minghu University Hospital" in summary
    assert "Medical Ethics Committee" in summary
    assert "US: Common Rule (45 CFR 46)" in summary
    committee_page = window.page("committee")
    assert isinstance(committee_page, Page)
    assert committee_page.state.heading.text() == "Medical Ethics Committee"
    assert committee_page.state.action.isHidden()
    assert window.page("dossiers").state.action.isHidden()  # type: ignore[union-attr]


def test_dashboard_counts_the_seats_held_today(open_window: OpenWindow, database: Database):
    committee_id = make_committee(database)
    chair = make_member(database, committee_id, "王芳", roles=("chair",))
    make_member(database, committee_id, "李强", gender="male")
    make_member(database, committee_id, "张敏", roles=("secretary",))
    with database.session_scope() as s:
        alternate = roster.create_person(s, SYSTEM, name_zh="赵磊", gender="male")
        roster.add_membership(
            s,
            SYSTEM,
            committee_id=committee_id,
            person_id=alternate.id,
            roles=["alternate"],
            expertise=["law"],
            affiliated=False,
            term_start=date(2024, 1, 1),
            alternate_for_id=chair,
        )
        former = roster.create_person(s, SYSTEM, name_zh="陈静", gender="female")
        roster.add_membership(
            s,
            SYSTEM,
            committee_id=committee_id,
            person_id=former.id,
            roles=["member"],
            expertise=["lay"],
            affiliated=False,
            term_start=date(2020, 1, 1),
            term_end=date(2023, 12, 31),
        )
    window = open_window(today=lambda: TODAY)
    card = window.dashboard.summary.findChild(QFrame, f"committee_card_{committee_id}")
    assert card is not None
    shown = texts(card)
    voting = shown[shown.index("Voting members") + 1]
    other = shown[shown.index("Other seats") + 1]
    # chair and member vote; the secretary and the alternate hold other seats; the former
    # member's term ended
    assert (voting, other) == ("2", "2")


def test_choosing_another_committee_retitles_the_window(
    qtbot: QtBot, open_window: OpenWindow, database: Database
):
    with database.session_scope() as s:
        institution = organisation.create_institution(s, SYSTEM, name_zh="明湖医院")
        for name in ("医学伦理委员会", "药物临床试验伦理委员会"):
            organisation.create_committee(
                s, SYSTEM, institution_id=institution.id, name_zh=name, effective_from=TODAY
            )
    window = open_window(lang="zh_CN", today=lambda: TODAY)
    assert window.windowTitle() == "EthicsDesk — 医学伦理委员会"
    buttons = [
        b for b in window.dashboard.summary.findChildren(QPushButton) if b.objectName() == "choose"
    ]
    assert len(buttons) == 1
    qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    assert window.windowTitle() == "EthicsDesk — 药物临床试验伦理委员会"


def test_create_main_window_refuses_an_unknown_committee(qtbot: QtBot, database: Database):
    with pytest.raises(ValueError, match="no committee"):
        create_main_window(database, lang="en", committee_id=999)


# --- the demo --------------------------------------------------------------------------


def fake_demo(monkeypatch: pytest.MonkeyPatch, build: Callable[..., None]) -> None:
    from app.services import demo

    monkeypatch.setattr(demo, "build_demo", build)


def test_the_demo_is_built_off_the_gui_thread_and_then_shown(
    qtbot: QtBot, open_window: OpenWindow, database: Database
):
    window = open_window()
    welcome = window.dashboard.welcome
    with qtbot.waitSignal(welcome.demo_built, timeout=60_000):
        qtbot.mouseClick(welcome.demo_button, Qt.MouseButton.LeftButton)
        assert not welcome.demo_button.isEnabled()
        assert welcome.demo_progress.isVisible()
    assert not welcome.demo_running()
    assert not window.dashboard.showing_welcome()
    assert count(database, Committee) == 2
    assert window.windowTitle().startswith("EthicsDesk — ")
    shown = texts(window.dashboard.summary)
    assert "15" in shown  # the research committee's voting members


def test_a_demo_that_fails_says_why_and_leaves_the_form_usable(
    qtbot: QtBot, open_window: OpenWindow, monkeypatch: pytest.MonkeyPatch
):
    def refuse(session: object, actor: object, today: date) -> None:
        raise UserError("the demo is built only into an empty database")

    fake_demo(monkeypatch, refuse)
    window = open_window()
    welcome = window.dashboard.welcome
    with qtbot.waitSignal(welcome.demo_failed, timeout=10_000):
        qtbot.mouseClick(welcome.demo_button, Qt.MouseButton.LeftButton)
    assert welcome.demo_error.isVisible()
    assert "empty database" in welcome.demo_error.text()
    assert welcome.demo_button.isEnabled() and welcome.form.isEnabled()
    assert welcome.demo_progress.isHidden()
    assert window.dashboard.showing_welcome()


# --- Chinese -----------------------------------------------------------------------------


def test_in_chinese_the_navigation_and_every_page_speak_chinese(
    qtbot: QtBot, open_window: OpenWindow
):
    window = open_window(lang="zh_CN")
    nav = window.navigation
    assert [nav.item(i).text() for i in range(nav.count())] == NAV_ZH
    welcome = window.dashboard.welcome
    assert "欢迎使用 EthicsDesk" in texts(welcome)
    assert window.location.text().startswith("数据位置：")
    for page_id in PAGE_IDS[1:]:
        page = window.page(page_id)
        assert isinstance(page, Page)
        assert has_cjk(page.state.heading.text()), page_id
        if page.state.body.text():
            assert has_cjk(page.state.body.text()), page_id
    fill_form(qtbot, window, committee_name_zh="医学伦理委员会")
    submit(qtbot, window)
    assert welcome.form.errors["institution.name_zh"].text() == "请填写机构的中文名称。"


# --- geometry ----------------------------------------------------------------------------


def test_geometry_is_remembered_only_when_settings_are_given(
    qtbot: QtBot, open_window: OpenWindow, tmp_path
):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = open_window(settings=settings)
    window.close()
    assert settings.value(GEOMETRY_KEY) is not None

    plain = open_window()
    plain.close()
    assert plain._settings is None
