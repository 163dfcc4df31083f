"""Profiles are the files of ``resources/rules``: a new file is offered everywhere at once —
``profile_ids()``, ``ethicsdesk rules list``, the services (``create_committee``), the
welcome form and the settings dialog — with the names the file gives it. A file without
its ``short_title`` is refused naming the file and the key.

Each test runs on a copy of the whole resource folder (``ETHICSDESK_RESOURCES``) holding
one more profile, ``zz-test``; the caches are reset before and after, so other tests see the
real folder.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from app.context import AppContext
from app.db import Database
from app.errors import ValidationError
from app.resources import resource_root
from app.rules import DEFAULT_PROFILE, check_profile_id
from app.rules.profiles import ProfileError, clear_caches, load_profile, profile_ids
from app.services import organisation
from app.services.actors import SYSTEM
from app.ui.i18n import install_translators
from app.ui.labels import profile_name, profile_title
from app.ui.main import create_main_window
from app.ui.setup import CommitteeSettingsDialog
from tests.helpers import TODAY, make_committee

NEW_ID = "zz-test"
SHORT_EN = "Test land: trial rules"
SHORT_ZH = "测试地区：试行规则"
TITLE_EN = "Rules of the Test Land for Ethics Committees (trial)"
TITLE_ZH = "测试地区伦理委员会规则（试行）"
SHIPPED = (
    "cn-2016",
    "cn-2023",
    "cn-gcp-2020",
    "cn-most-2023",
    "ich-e6",
    "us-21cfr56",
    "us-45cfr46",
    "who-2011",
)


def _reset() -> None:
    resource_root.cache_clear()
    clear_caches()


def _profile_text(reference: str, *, short_title: bool = True, ident: str = NEW_ID) -> str:
    """cn-2023.toml as the profile ``ident`` with its own titles (``short_title`` left out
    when asked)."""
    text, count = re.subn(r'(?m)^id = "cn-2023"$', f'id = "{ident}"', reference)
    assert count == 1
    title = f'title = {{ zh = "{TITLE_ZH}", en = "{TITLE_EN}" }}'
    text, count = re.subn(r"(?m)^title = \{.*\}$", title, text, count=1)
    assert count == 1
    replacement = f'short_title = {{ zh = "{SHORT_ZH}", en = "{SHORT_EN}" }}' if short_title else ""
    text, count = re.subn(r"(?m)^short_title = \{.*\}$", replacement, text)
    assert count == 1
    return text


@pytest.fixture
def resources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the resource folder with ``rules/zz-test.toml`` added, in force."""
    copy = tmp_path / "resources"
    shutil.copytree(resource_root(), copy)
    reference = (copy / "rules" / "cn-2023.toml").read_text(encoding="utf-8")
    (copy / "rules" / f"{NEW_ID}.toml").write_text(_profile_text(reference), encoding="utf-8")
    monkeypatch.setenv("ETHICSDESK_RESOURCES", str(copy))
    _reset()
    yield copy
    monkeypatch.undo()
    _reset()


@pytest.fixture
def english_afterwards(qapp: QApplication) -> Iterator[None]:
    yield
    install_translators(qapp, "en")


# --- the list ---------------------------------------------------------------------------


def test_the_new_file_is_a_profile(resources: Path) -> None:
    assert resource_root() == resources.resolve()
    assert profile_ids() == (DEFAULT_PROFILE, *sorted({*SHIPPED, NEW_ID} - {DEFAULT_PROFILE}))
    profile = load_profile(NEW_ID)
    assert (profile.short_title.en, profile.short_title.zh) == (SHORT_EN, SHORT_ZH)
    assert (profile.title.en, profile.title.zh) == (TITLE_EN, TITLE_ZH)


def test_the_caches_are_back_on_the_real_folder_afterwards() -> None:
    # runs after the test above: its fixture put the shipped folder and list back
    assert not (resource_root() / "rules" / f"{NEW_ID}.toml").exists()
    assert set(profile_ids()) == set(SHIPPED)
    assert NEW_ID not in profile_ids()


def test_rules_list_lists_it(resources: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from app.cli import main

    assert main(["--lang", "en", "rules", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == list(profile_ids())
    assert any(line.startswith(NEW_ID) and line.endswith(TITLE_EN) for line in lines)


# --- the services -----------------------------------------------------------------------


def test_a_committee_can_follow_it(resources: Path, database: Database) -> None:
    committee_id = make_committee(database, profile_id=NEW_ID)
    with database.session_scope() as s:
        entry = organisation.profile_on(s, committee_id, TODAY)
        assert entry is not None and entry.profile_id == NEW_ID


def test_an_unknown_profile_is_refused_naming_the_known_ones(
    resources: Path, database: Database
) -> None:
    with database.session_scope() as s:
        inst = organisation.create_institution(s, SYSTEM, name_zh="测试医院")
        with pytest.raises(ValidationError) as raised:
            organisation.create_committee(
                s,
                SYSTEM,
                institution_id=inst.id,
                name_zh="伦理委员会",
                profile_id="zz-unknown",
                effective_from=date(2024, 1, 1),
            )
    error = raised.value
    assert error.field == "profile_id"
    assert "'zz-unknown'" in error.message
    assert f"(known: {', '.join(profile_ids())})" in error.message
    assert NEW_ID in error.message and NEW_ID in (error.zh_message or "")


def test_the_check_accepts_exactly_the_files(resources: Path) -> None:
    for ident in profile_ids():
        assert check_profile_id("profile_id", ident) == ident
    (resources / "rules" / f"{NEW_ID}.toml").unlink()
    clear_caches()
    with pytest.raises(ValidationError):
        check_profile_id("profile_id", NEW_ID)


# --- the UI -----------------------------------------------------------------------------


def _offered(combo: QComboBox) -> dict[str, str]:
    return {str(combo.itemData(i)): combo.itemText(i) for i in range(combo.count())}


@pytest.mark.parametrize(("lang", "short"), [("en", SHORT_EN), ("zh_CN", SHORT_ZH)])
def test_the_welcome_form_offers_it_by_its_short_title(
    resources: Path,
    qtbot: QtBot,
    database: Database,
    english_afterwards: None,
    lang: str,
    short: str,
) -> None:
    window = create_main_window(database, lang=lang, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.dashboard.showing_welcome()
    combo = window.dashboard.welcome.form.profile
    offered = _offered(combo)
    assert list(offered) == list(profile_ids())
    assert offered[NEW_ID] == short
    assert profile_name(NEW_ID) == short
    assert combo.currentData() == DEFAULT_PROFILE
    index = combo.findData(NEW_ID)
    assert NEW_ID in str(combo.itemData(index, 3))  # the tooltip: title (id)
    combo.setCurrentIndex(index)
    title = TITLE_EN if lang == "en" else TITLE_ZH
    assert title in window.dashboard.welcome.form.profile_hint.text()


def test_the_settings_dialog_offers_it(resources: Path, qtbot: QtBot, database: Database) -> None:
    committee_id = make_committee(database, profile_id=NEW_ID)
    dialog = CommitteeSettingsDialog(
        AppContext(database, clock=lambda: TODAY), committee_id=committee_id
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    combo = dialog.profile.profile
    offered = _offered(combo)
    assert list(offered) == list(profile_ids())
    # the settings list the full titles (the in-force entry names the file's title too)
    assert offered[NEW_ID] == profile_title(NEW_ID) == TITLE_EN
    assert combo.currentData() == NEW_ID
    assert dialog.profile.profile_other.text() == f"{TITLE_ZH} · {NEW_ID}"


# --- a malformed file -------------------------------------------------------------------


def test_a_profile_without_short_title_is_refused_naming_file_and_key(
    resources: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.cli import main

    broken = "zz-broken"
    reference = (resources / "rules" / "cn-2023.toml").read_text(encoding="utf-8")
    text = _profile_text(reference, short_title=False, ident=broken)
    (resources / "rules" / f"{broken}.toml").write_text(text, encoding="utf-8")
    clear_caches()
    assert broken in profile_ids()
    with pytest.raises(ProfileError) as raised:
        load_profile(broken)
    assert (raised.value.file, raised.value.key) == (f"{broken}.toml", "short_title")
    assert str(raised.value).startswith(f"{broken}.toml: short_title: ")
    # the UI shows an unreadable profile by its id; the CLI names file and key
    assert profile_name(broken) == broken
    assert profile_title(broken) == broken
    assert main(["--lang", "en", "rules", "show", broken]) == 2
    assert f"{broken}.toml: short_title" in capsys.readouterr().err
