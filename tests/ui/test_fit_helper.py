"""The fit checker itself: it must catch what it claims to catch, or its passes prove nothing."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.fit import missing_glyphs, unfit_texts


def _shown(qtbot: QtBot, *children: QWidget, width: int = 400) -> QWidget:
    root = QWidget()
    layout = QHBoxLayout(root)
    for child in children:
        layout.addWidget(child)
    qtbot.addWidget(root)
    root.resize(width, 80)
    root.show()
    qtbot.waitExposed(root)
    return root


def test_chinese_and_english_have_glyphs() -> None:
    font = QFont()
    assert missing_glyphs("伦理委员会 Ethics Committee 第3届", font) == ""


def test_a_character_no_font_has_is_caught() -> None:
    assert missing_glyphs("\U000f0000", QFont()) != ""  # a private-use plane character


def test_a_clipped_label_and_button_are_caught(qtbot: QtBot) -> None:
    label = QLabel("A label far too long for the few pixels it is given here")
    label.setFixedWidth(60)
    button = QPushButton("主任委员任期届满提醒设置")
    button.setFixedWidth(40)
    root = _shown(qtbot, label, button)
    problems = unfit_texts(root)
    assert any(p.startswith("label 'A label far too long") for p in problems)
    assert any(p.startswith("button '主任委员任期届满提醒设置'") for p in problems)


def test_texts_with_room_pass(qtbot: QtBot) -> None:
    root = _shown(qtbot, QLabel("委员"), QPushButton("Add member"), width=500)
    assert unfit_texts(root) == []
