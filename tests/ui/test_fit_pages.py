"""Every visible text of every page fits and has its glyphs, in English and in Chinese."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from app.db import Database
from app.ui.main_window import PAGE_IDS, MainWindow
from tests.helpers import build_demo
from tests.ui.fit import unfit_texts

OpenWindow = Callable[..., MainWindow]


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_welcome_and_empty_pages_fit(open_window: OpenWindow, lang: str) -> None:
    window = open_window(lang)
    problems = {}
    for page_id in PAGE_IDS:
        window.show_page(page_id)
        found = unfit_texts(window)
        if found:
            problems[page_id] = found
    assert problems == {}


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_demo_pages_fit(open_window: OpenWindow, database: Database, lang: str) -> None:
    build_demo(database, date(2026, 11, 26))
    window = open_window(lang, today=lambda: date(2026, 11, 26))
    problems = {}
    for page_id in PAGE_IDS:
        window.show_page(page_id)
        found = unfit_texts(window)
        if found:
            problems[page_id] = found
    assert problems == {}
