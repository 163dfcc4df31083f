"""What every page shares: the context it is drawn from and the calm empty-state layout."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.paths import DataPaths
from app.services.queries.overview import CommitteeSummary, Overview

CONTENT_WIDTH = 640  # a comfortable reading width for the page's sentences
PAGE_MARGINS = (40, 32, 40, 32)


@dataclass(frozen=True)
class PageContext:
    """What the pages are drawn from; rebuilt by the main window after every change."""

    overview: Overview
    committee: CommitteeSummary | None  # the committee the window works with
    lang: str
    database: str  # where the data lives, fit to show (no password)
    paths: DataPaths | None = None


W = TypeVar("W", bound=QObject)


def named(widget: W, name: str) -> W:
    """``widget`` with its object name set (for style sheets, tests and debugging)."""
    widget.setObjectName(name)
    return widget


def heading_font(base: QFont, scale: float = 1.6) -> QFont:
    font = QFont(base)
    font.setPointSizeF(base.pointSizeF() * scale)
    font.setBold(True)  # a real or synthesised bold: CJK fonts often have no semibold
    return font


def secondary_label(text: str = "") -> QLabel:
    """A label in the palette's quieter text colour, for names in the other language."""
    label = QLabel(text)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    label.setWordWrap(True)
    return label


def setup_hint() -> str:
    return QCoreApplication.translate(
        "Pages", "Everything here belongs to a committee, so set one up first."
    )


def setup_action() -> str:
    return QCoreApplication.translate("Pages", "Set up a committee")


class EmptyState(QWidget):
    """A heading, a few sentences, optional facts and the next action, top left where
    every page starts.

    Holds no text of its own: the page that owns it says what to show.
    """

    action_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = named(QLabel(), "heading")
        self.heading.setFont(heading_font(self.font()))
        self.heading.setWordWrap(True)
        self.body = named(QLabel(), "body")
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        self.hint = named(QLabel(), "hint")
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.facts = named(QWidget(), "facts")
        self.facts_layout = QFormLayout(self.facts)
        self.facts_layout.setContentsMargins(0, 4, 0, 4)
        self.facts_layout.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.action = named(QPushButton(), "action")
        self.action.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.action.clicked.connect(self.action_clicked)

        column = QWidget()
        column.setMaximumWidth(CONTENT_WIDTH)
        inner = QVBoxLayout(column)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(12)
        # what a page adds of its own (a setting's editor), below the facts
        self.extras = QVBoxLayout()
        self.extras.setSpacing(6)
        inner.addWidget(self.heading)
        inner.addWidget(self.body)
        inner.addWidget(self.facts)
        inner.addLayout(self.extras)
        inner.addWidget(self.hint)
        inner.addSpacing(4)
        inner.addWidget(self.action)

        # Every page starts at the same place, top left, so switching pages does not jump.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(*PAGE_MARGINS)
        outer.addWidget(column)
        outer.addStretch(1)

    def show_state(
        self,
        heading: str,
        body: str,
        *,
        facts: Sequence[tuple[str, str]] = (),
        hint: str = "",
        action: str = "",
    ) -> None:
        self.heading.setText(heading)
        self.body.setText(body)
        self.body.setVisible(bool(body))
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        while self.facts_layout.rowCount():
            self.facts_layout.removeRow(0)
        for label, value in facts:
            shown = QLabel(value)
            shown.setTextFormat(Qt.TextFormat.PlainText)
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.facts_layout.addRow(label, shown)
        self.facts.setVisible(bool(facts))
        self.action.setText(action)
        self.action.setVisible(bool(action))


class Page(QWidget):
    """A navigation page on the application context ``ctx``. Subclasses fill ``state`` in
    ``refresh`` with their own ``tr``."""

    # The user asked to set up a committee (the main window shows the welcome form).
    setup_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.state = EmptyState(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state)
        self.state.action_clicked.connect(self._on_action)

    def refresh(self, context: PageContext) -> None:
        raise NotImplementedError

    def _on_action(self) -> None:
        self.setup_requested.emit()

    def show_needs_committee(self, heading: str, body: str) -> None:
        self.state.show_state(heading, body, hint=setup_hint(), action=setup_action())
