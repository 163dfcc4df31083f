"""The shipped zh_CN translation: complete, compiled from its source, and up to date.

When a string in app/ui changes, regenerate and recompile (commands in app/ui/i18n.py).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app.resources import resource_path
from app.rules.profiles import profile_ids
from app.ui.labels import profile_name, profile_title

ROOT = Path(__file__).resolve().parents[2]
TS = resource_path("i18n", "ethicsdesk_zh_CN.ts")
QM = resource_path("i18n", "ethicsdesk_zh_CN.qm")
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    assert found, f"{name} not found: it ships with PySide6-Essentials"
    return found


def messages() -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(TS).getroot()
    return [
        (context.findtext("name") or "", message.findtext("source") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def test_every_message_is_translated():
    found = messages()
    assert len(found) > 50
    for context, source, message in found:
        translation = message.find("translation")
        assert translation is not None, (context, source)
        assert translation.get("type") not in ("unfinished", "vanished", "obsolete"), (
            context,
            source,
        )
        assert (translation.text or "").strip(), (context, source)


def test_translations_keep_the_placeholders():
    for context, source, message in messages():
        translated = message.findtext("translation") or ""
        assert sorted(PLACEHOLDER.findall(translated)) == sorted(PLACEHOLDER.findall(source)), (
            context,
            source,
        )


def test_the_committed_qm_is_what_lrelease_makes_of_the_ts(tmp_path: Path):
    out = tmp_path / "ethicsdesk_zh_CN.qm"
    subprocess.run(
        [tool("pyside6-lrelease"), str(TS), "-qm", str(out)], check=True, capture_output=True
    )
    assert out.read_bytes() == QM.read_bytes(), "recompile the .qm (see app/ui/i18n.py)"


def test_the_ts_holds_every_string_of_app_ui(tmp_path: Path):
    copy = tmp_path / "ethicsdesk_zh_CN.ts"
    shutil.copyfile(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "app" / "ui").rglob("*.py"))
    subprocess.run(
        [tool("pyside6-lupdate"), *sources, "-locations", "none", "-no-obsolete", "-ts", str(copy)],
        check=True,
        capture_output=True,
    )
    assert copy.read_text("utf-8") == TS.read_text("utf-8"), (
        "app/ui has strings the .ts lacks (or the .ts has stale ones): run lupdate "
        "(see app/ui/i18n.py), translate, and recompile"
    )


@pytest.mark.parametrize("profile_id", profile_ids())
def test_every_shipped_profile_has_a_name_and_a_title(profile_id: str):
    assert profile_name(profile_id) != profile_id
    assert profile_title(profile_id) != profile_id
