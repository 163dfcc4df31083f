"""Fixtures for the GUI tests: a shown main window on the test database, in a language."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.db import Database
from app.paths import DataPaths
from app.ui.i18n import install_translators
from app.ui.main import create_main_window
from app.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def english_afterwards(qapp: QApplication) -> Iterator[None]:
    """Each test may switch the language; the next one starts in English again."""
    yield
    install_translators(qapp, "en")


@pytest.fixture
def open_window(
    qtbot: QtBot, database: Database, data_paths: DataPaths
) -> Callable[..., MainWindow]:
    def open_(lang: str = "en", **options: object) -> MainWindow:
        window = create_main_window(database, lang=lang, paths=data_paths, **options)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        return window

    return open_
