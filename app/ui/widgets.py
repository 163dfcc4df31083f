"""Small widgets the committee page shares: status marks drawn in code (so they never depend
on a font having ✓ or ✗), the inline warning bar, and field error labels."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from app.ui.pages.base import named

PASS_COLOUR = "#1a7f37"
FAIL_COLOUR = "#b42318"
WARNING_COLOUR = "#b54708"
MUTED_COLOUR = "#667085"
ERROR_STYLE = f"color: {FAIL_COLOUR};"
WARNING_BAR_STYLE = (
    "QFrame#warning_bar { background: #fff4e5; border: 1px solid #f5b971; border-radius: 6px; }"
)

_SIZE = 32  # drawn large and scaled down, so the marks stay crisp on high-DPI screens


def _painter(pixmap: QPixmap) -> QPainter:
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    return painter


@cache
def status_icon(kind: str) -> QIcon:
    """A round green tick (``pass``), a round red cross (``fail``), an amber triangle with
    an exclamation mark (``warning``) or a grey dash (``none``)."""
    pixmap = QPixmap(_SIZE, _SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = _painter(pixmap)
    white = QPen(QColor("white"), 4.2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    white.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    circle = QRectF(2, 2, _SIZE - 4, _SIZE - 4)
    if kind == "warning":
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(WARNING_COLOUR))
        path = QPainterPath()
        path.addPolygon(
            QPolygonF([QPointF(16, 2), QPointF(30.5, 29), QPointF(1.5, 29), QPointF(16, 2)])
        )
        painter.drawPath(path)
        painter.setPen(white)
        painter.drawLine(QPointF(16, 11), QPointF(16, 19))
        painter.drawPoint(QPointF(16, 24.5))
    else:
        colour = {"pass": PASS_COLOUR, "fail": FAIL_COLOUR}.get(kind, MUTED_COLOUR)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colour))
        painter.drawEllipse(circle)
        painter.setPen(white)
        if kind == "pass":
            painter.drawPolyline(QPolygonF([QPointF(9, 16.5), QPointF(14, 21.5), QPointF(23, 11)]))
        elif kind == "fail":
            painter.drawLine(QPointF(11, 11), QPointF(21, 21))
            painter.drawLine(QPointF(21, 11), QPointF(11, 21))
        else:
            painter.drawLine(QPointF(10, 16), QPointF(22, 16))
    painter.end()
    return QIcon(pixmap)


def error_label(name: str) -> QLabel:
    """A hidden red label for one field's message, shown next to the field."""
    label = named(QLabel(), name)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.hide()
    return label


class WarningBar(QFrame):
    """An inline, non-modal warning with "Save anyway" and "Cancel": the change that would
    leave the committee non-compliant waits here for the secretary's word."""

    confirmed = Signal()
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("warning_bar")
        self.setStyleSheet(WARNING_BAR_STYLE)
        self.mark = QLabel()
        self.mark.setPixmap(status_icon("warning").pixmap(20, 20))
        self.mark.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.message = named(QLabel(), "warning_message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.save_anyway = named(QPushButton(self.tr("Save anyway")), "save_anyway")
        self.cancel = named(QPushButton(self.tr("Cancel")), "cancel_save")
        self.save_anyway.clicked.connect(self.confirmed)
        self.cancel.clicked.connect(self._cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.save_anyway, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.cancel, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def warn(self, text: str) -> None:
        self.message.setText(text)
        self.show()

    def _cancel(self) -> None:
        self.hide()
        self.cancelled.emit()
