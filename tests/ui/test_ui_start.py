"""Starting the GUI for real: run_gui's refusal of a bad database, and a normal start."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from app.paths import DataPaths
from app.ui import main
from app.ui.main_window import GEOMETRY_KEY, MainWindow


def test_a_file_that_is_not_a_database_is_refused_with_a_message(
    qapp: QApplication, data_paths: DataPaths, monkeypatch: pytest.MonkeyPatch
):
    data_paths.database.write_bytes(b"minutes of the last meeting, not a database")
    shown: list[str] = []
    monkeypatch.setattr(main, "_critical", lambda title, text: shown.append(text))
    code = main.run_gui(data_paths, data_paths.database_url(), "en")
    assert code == 1
    assert len(shown) == 1
    assert "cannot open its database" in shown[0]
    assert str(data_paths.database) in shown[0]
    assert data_paths.database.read_bytes() == b"minutes of the last meeting, not a database"


def test_a_normal_start_shows_the_window_and_keeps_its_geometry(
    qapp: QApplication, data_paths: DataPaths, monkeypatch: pytest.MonkeyPatch, tmp_path
):
    ini = str(tmp_path / "settings.ini")
    monkeypatch.setattr(main, "QSettings", lambda: QSettings(ini, QSettings.Format.IniFormat))
    seen: list[str] = []

    def close_when_shown() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        seen.extend(w.windowTitle() for w in windows if w.isVisible())
        for window in windows:
            window.close()
        QApplication.quit()

    QTimer.singleShot(0, close_when_shown)
    assert main.run_gui(data_paths, data_paths.database_url(), "en") == 0
    assert seen == ["EthicsDesk"]
    assert QSettings(ini, QSettings.Format.IniFormat).value(GEOMETRY_KEY) is not None
    assert data_paths.database.exists()


def test_headless_code_does_not_load_qt():
    """app.ui is the only package that imports PySide6; the rest loads without it."""
    code = (
        "import sys, app.db, app.paths, app.services.organisation, app.services.demo; "
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt was loaded'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
