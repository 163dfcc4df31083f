"""The application context: made once, handed to every page. Its actor is the actor of
every service call the screens make, its clock is the only "today" they know, and its
language is the user's choice (a preference in the config dir, not in the database)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot

from app import preferences
from app.context import AppContext
from app.db import Database
from app.services.actors import Actor
from app.ui.committee.membership_dialog import MembershipDialog
from app.ui.main import create_main_window, window_for
from app.ui.pages.workspace import SettingsPage
from tests.helpers import TODAY, make_committee, table_counts

UI = Path(__file__).resolve().parents[2] / "app" / "ui"


def sources() -> dict[str, str]:
    return {str(p.relative_to(UI)): p.read_text("utf-8") for p in UI.rglob("*.py")}


def test_no_screen_reads_the_computer_s_date_or_names_an_actor() -> None:
    clock = re.compile(r"\b(date\.today|datetime\.now|datetime\.today|time\.time)\(")
    for name, text in sources().items():
        assert not clock.search(text), name  # "today" is the context's clock
        assert "SYSTEM" not in text, name  # the actor comes from the context


def test_the_context_s_actor_is_the_actor_of_a_save(qtbot: QtBot, database: Database) -> None:
    committee = make_committee(database)
    viewer = AppContext(database, actor=Actor("guest", "viewer"), clock=lambda: TODAY)
    window = window_for(viewer, page="committee", committee_id=committee)
    qtbot.addWidget(window)
    page = window.page("committee")
    dialog = page.add_member()  # type: ignore[attr-defined]
    assert isinstance(dialog, MembershipDialog)
    dialog.form.name_zh.setText("王芳")
    dialog.form.gender.setCurrentIndex(dialog.form.gender.findData("female"))
    dialog.form.roles["chair"].setChecked(True)
    dialog.form.expertise["medicine"].setChecked(True)
    before = table_counts(database)
    dialog.accept()
    assert dialog.isVisible() and dialog.form_error.isVisible()
    assert "guest (viewer) may not do person.edit" in dialog.form_error.text()
    assert table_counts(database) == before


def test_the_context_s_clock_is_the_page_s_today(qtbot: QtBot, database: Database) -> None:
    committee = make_committee(database)
    day = date(2031, 5, 4)
    window = window_for(AppContext(database, clock=lambda: day), committee_id=committee)
    qtbot.addWidget(window)
    page = window.page("committee")
    assert page.view.panel.as_of_date() == day  # type: ignore[attr-defined]
    assert page.model.day == day  # type: ignore[attr-defined]


def test_the_language_is_the_user_s_stored_choice(qtbot: QtBot, database: Database) -> None:
    preferences.save("language", "zh_CN")
    try:
        window = create_main_window(database, lang=None)  # no --lang: the preference
        qtbot.addWidget(window)
        assert window.ctx.lang == "zh_CN"
        assert window.navigation.item(0).text() == "工作台"
        english = create_main_window(database, lang="en")  # --lang wins
        qtbot.addWidget(english)
        assert english.navigation.item(0).text() == "Dashboard"
    finally:
        preferences.save("language", None)


def test_the_settings_page_stores_the_language_for_the_next_start(
    qtbot: QtBot, database: Database
) -> None:
    window = create_main_window(database, lang="en")
    qtbot.addWidget(window)
    window.show_page("settings")
    page = window.page("settings")
    assert isinstance(page, SettingsPage)
    try:
        with qtbot.waitSignal(page.language_chosen, timeout=2000) as chosen:
            page.language.setCurrentIndex(page.language.findData("zh_CN"))
        assert chosen.args == ["zh_CN"]
        assert preferences.load()["language"] == "zh_CN"
        assert preferences.resolve_language(None) == "zh_CN"  # the command line's too
        assert "from its next start" in page.language_note.text()
        assert page.language.itemText(page.language.findData("zh_CN")) == "简体中文"
        page.language.setCurrentIndex(page.language.findData(""))
        assert preferences.load()["language"] is None
    finally:
        preferences.save("language", None)


def test_a_broken_preferences_file_is_ignored(tmp_path: Path) -> None:
    broken = tmp_path / "preferences.json"
    broken.write_text("{not json", "utf-8")
    assert preferences.load(broken) == {"language": None}
    broken.write_text('{"language": "klingon"}', "utf-8")
    assert preferences.load(broken) == {"language": None}
    preferences.save("language", "en", broken)
    assert preferences.load(broken) == {"language": "en"}
