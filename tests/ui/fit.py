"""Does every text of a shown widget fit, and does the font have its glyphs?

`unfit_texts(widget)` walks the visible labels, buttons, check boxes, group titles, tab
titles and table headers below ``widget`` and returns one line per problem:

- a text wider than the room its widget has (it would be clipped or elided);
- a word-wrapped label taller than its widget (the last lines are cut off);
- a character that no font renders (laid out with the widget's own font and Qt's fallback
  fonts: a glyph index 0 is the "missing glyph" box).
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QFont, QFontMetrics, QTextLayout
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QTabBar,
    QToolButton,
    QWidget,
)

# Text that is drawn deliberately shortened by the code, or rich text, is left out by the
# callers through this object name suffix.
ELIDED_ON_PURPOSE = "_elided"


def missing_glyphs(text: str, font: QFont) -> str:
    """The characters of ``text`` drawn as the missing-glyph box, if any."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(100_000)
    layout.endLayout()
    missing = 0
    for run in layout.glyphRuns():
        missing += sum(1 for index in run.glyphIndexes() if index == 0)
    if not missing:
        return ""
    printable = [c for c in text if not c.isspace()]
    return "".join(printable)[:20]


def _visible(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _label_problem(label: QLabel) -> str | None:
    text = label.text()
    if not text or label.textFormat() == label.textFormat().RichText or "<" in text:
        return None
    metrics = QFontMetrics(label.font())
    room: QRect = label.contentsRect()
    indent = max(label.indent(), 0) if label.indent() > 0 else 0
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height() + 1:
            return f"label {text!r}: needs {needed}px of height, has {label.height()}px"
        return None
    widest = max(metrics.horizontalAdvance(part) for part in text.split("\n"))
    if widest > room.width() - indent + 1:
        return f"label {text!r}: needs {widest}px, has {room.width()}px"
    return None


def _button_problem(button: QAbstractButton) -> str | None:
    text = _plain(button.text())
    if not text:
        return None
    metrics = QFontMetrics(button.font())
    needed = metrics.horizontalAdvance(text)
    if isinstance(button, QPushButton):
        option = QStyleOptionButton()
        button.initStyleOption(option) if hasattr(button, "initStyleOption") else None
        margin = 2 * button.style().pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, option, button)
        needed += margin
        if not button.icon().isNull():
            needed += button.iconSize().width() + 4
    elif isinstance(button, QCheckBox | QRadioButton):
        needed += button.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + 6
    elif isinstance(button, QToolButton):
        needed += 6
        if not button.icon().isNull() and button.toolButtonStyle().name.endswith("TextBesideIcon"):
            needed += button.iconSize().width() + 4
    if needed > button.width() + 1:
        return f"button {text!r}: needs {needed}px, has {button.width()}px"
    return None


def _header_problems(header: QHeaderView) -> list[str]:
    problems = []
    model = header.model()
    if model is None:
        return problems
    metrics = QFontMetrics(header.font())
    count = header.count()
    orientation = header.orientation()
    for section in range(count):
        if header.isSectionHidden(section):
            continue
        text = str(model.headerData(section, orientation) or "")
        if not text:
            continue
        if orientation.name == "Horizontal":
            needed = metrics.horizontalAdvance(text) + 12
            if header.sortIndicatorSection() == section and header.isSortIndicatorShown():
                needed += 12
            if header.sectionSize(section) < needed:
                problems.append(
                    f"header {text!r}: needs {needed}px, has {header.sectionSize(section)}px"
                )
        glyphs = missing_glyphs(text, header.font())
        if glyphs:
            problems.append(f"header {text!r}: no glyph for {glyphs!r}")
    return problems


def unfit_texts(root: QWidget) -> list[str]:
    problems: list[str] = []
    for label in root.findChildren(QLabel):
        if not _visible(label) or label.objectName().endswith(ELIDED_ON_PURPOSE):
            continue
        problem = _label_problem(label)
        if problem:
            problems.append(problem)
        glyphs = missing_glyphs(label.text(), label.font()) if label.text() else ""
        if glyphs:
            problems.append(f"label {label.text()!r}: no glyph for {glyphs!r}")
    for button in root.findChildren(QAbstractButton):
        if not _visible(button) or button.objectName().endswith(ELIDED_ON_PURPOSE):
            continue
        problem = _button_problem(button)
        if problem:
            problems.append(problem)
        glyphs = missing_glyphs(_plain(button.text()), button.font()) if button.text() else ""
        if glyphs:
            problems.append(f"button {button.text()!r}: no glyph for {glyphs!r}")
    for box in root.findChildren(QGroupBox):
        if _visible(box) and box.title():
            glyphs = missing_glyphs(box.title(), box.font())
            if glyphs:
                problems.append(f"group {box.title()!r}: no glyph for {glyphs!r}")
    for tabs in root.findChildren(QTabBar):
        if not _visible(tabs):
            continue
        for index in range(tabs.count()):
            text = _plain(tabs.tabText(index))
            rect = tabs.tabRect(index)
            needed = QFontMetrics(tabs.font()).horizontalAdvance(text) + 8
            if rect.width() < needed:
                problems.append(f"tab {text!r}: needs {needed}px, has {rect.width()}px")
    for header in root.findChildren(QHeaderView):
        if _visible(header):
            problems.extend(_header_problems(header))
    return problems
