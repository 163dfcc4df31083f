"""Issue 4: every visible label, button and header of the committee page — and of the
dialogs it opens — fits and has its glyphs, in English and in Chinese, with the demo's
roster at the size the screenshots use."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtWidgets import QAbstractButton, QHeaderView, QLabel
from pytestqt.qtbot import QtBot

from app.db import Database
from app.ui.committee import CommitteeRosterPage
from app.ui.main_window import MainWindow
from tests.helpers import build_demo
from tests.ui.fit import unfit_texts

DAY = date(2026, 11, 26)


def _walked(widget) -> int:  # type: ignore[no-untyped-def]
    kinds = (QLabel, QAbstractButton, QHeaderView)
    return sum(1 for kind in kinds for w in widget.findChildren(kind) if w.isVisible())


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_committee_page_and_its_dialogs_fit(
    qtbot: QtBot, database: Database, open_window: Callable[..., MainWindow], lang: str
) -> None:
    build_demo(database, DAY)
    window = open_window(lang, today=lambda: DAY)
    window.resize(1400, 860)
    window.show_page("committee")
    page = window.page("committee")
    assert isinstance(page, CommitteeRosterPage)
    qtbot.waitUntil(lambda: page.model.rowCount() == 17, timeout=3000)
    assert _walked(page) > 20, "the walk must see the page's texts"
    assert unfit_texts(window) == []

    page.add_member()
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitExposed(dialog)
    assert _walked(dialog) > 10
    assert unfit_texts(dialog) == []
    dialog.reject()

    window.open_committee_settings()
    settings = window.settings_dialog
    assert settings is not None
    qtbot.waitExposed(settings)
    assert unfit_texts(settings) == []
    settings.close()
