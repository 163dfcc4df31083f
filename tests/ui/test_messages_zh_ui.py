"""In Chinese the UI shows the core's refusals in Chinese: beside the field, in the SOP
override notes and in the roster import preview."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QSpinBox
from pytestqt.qtbot import QtBot

from app.context import AppContext
from app.db import Database
from app.ui.i18n import install_translators
from app.ui.main_window import MainWindow
from app.ui.roster_io import FixedChooser, ImportPreviewDialog
from app.ui.setup import CommitteeSettingsDialog
from tests.helpers import TODAY, make_committee

OpenWindow = Callable[..., MainWindow]
ENGLISH_RUN = re.compile(r"\b[a-z]+(?:\s+[a-z]+){2,}\b")


def open_settings_zh(
    qtbot: QtBot, database: Database, committee_id: int
) -> CommitteeSettingsDialog:
    install_translators(QApplication.instance(), "zh_CN")  # type: ignore[arg-type]
    dialog = CommitteeSettingsDialog(
        AppContext(database, lang="zh_CN", clock=lambda: TODAY), committee_id=committee_id
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_a_bad_number_pattern_is_refused_in_chinese(qtbot: QtBot, database: Database):
    dialog = open_settings_zh(qtbot, database, make_committee(database))
    dialog.tabs.setCurrentIndex(2)
    letter = dialog.numbers.patterns["letter"]
    letter.setText("PJ-{yyyy}")
    error = dialog.numbers.errors["letter.pattern"]
    assert error.isVisible()
    assert error.text() == "无法使用此格式：必须恰好包含一个 {seq}。"


def test_a_refused_override_is_explained_in_chinese(qtbot: QtBot, database: Database):
    dialog = open_settings_zh(qtbot, database, make_committee(database))
    dialog.tabs.setCurrentIndex(4)
    row = dialog.profile.rows["continuing_review_months"]
    row.enabled.setChecked(True)
    assert isinstance(row.editor, QSpinBox)
    row.editor.setValue(24)
    assert row.note.isVisible()
    assert "CN23-TRACK-1" in row.note.text()
    tip = row.note.toolTip()
    assert tip.startswith("每 24 个月跟踪审查一次"), tip
    assert "CN23-TRACK-1" in tip and not ENGLISH_RUN.search(tip)


def test_the_import_preview_lists_problems_in_chinese(
    qtbot: QtBot, open_window: OpenWindow, database: Database, tmp_path: Path
):
    make_committee(database)
    path = tmp_path / "roster.csv"
    path.write_text(
        "name,gender,role,expertise,affiliated,term_start\n"
        "王芳,female,chair,medicine,yes,2024-01-01\n"
        "李强,robot,member,law,no,2024-13-01\n",
        "utf-8",
    )
    window = open_window(lang="zh_CN", today=lambda: TODAY)
    window.roster_transfer.chooser = FixedChooser(path)
    window.import_action.trigger()
    qtbot.waitUntil(lambda: window.roster_transfer.dialog is not None, timeout=20_000)
    dialog = window.roster_transfer.dialog
    assert isinstance(dialog, ImportPreviewDialog)
    problems = dialog.problems.text().splitlines()
    assert problems == [
        "第 3 行：性别/gender：'robot' 不是有效的性别（女、男、其他；female、male、other）",
        "第 3 行：任期开始/term_start：'2024-13-01' 不是有效的日期",
    ]
    status = dialog.model.index(1, dialog.model.COL_PROBLEMS)
    shown = status.data()
    assert shown.startswith("性别/gender：'robot' 不是有效的性别")  # the place is in its column
    assert status.data(Qt.ItemDataRole.ToolTipRole) == "\n".join(problems)


def test_an_unreadable_file_is_explained_in_chinese(
    qtbot: QtBot, open_window: OpenWindow, database: Database, tmp_path: Path
):
    make_committee(database)
    path = tmp_path / "roster.csv"
    path.write_text("name,gender,colour\nx,female,red\n", "utf-8")
    window = open_window(lang="zh_CN", today=lambda: TODAY)
    window.roster_transfer.chooser = FixedChooser(path)
    window.import_action.trigger()
    qtbot.waitUntil(lambda: window.roster_transfer.dialog is not None, timeout=20_000)
    dialog = window.roster_transfer.dialog
    assert isinstance(dialog, ImportPreviewDialog)
    assert dialog.file_errors.isVisible()
    assert dialog.file_errors.text().startswith("第 1 行：第 3 列：无法识别表头中的列名 'colour'")
