"""The Qt part of ``ethicsdesk shot`` (the command is ``app.cli.shot``, which checks the
arguments and the data first and imports this module only to grab): draw offscreen when
there is no display, keep the offscreen platform's notices quiet, build the main window on
the application context and a page, save a grab of it and report the size it really has.
No modal dialog is ever shown.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from app.context import AppContext

log = logging.getLogger(__name__)

# What the offscreen platform says about every window it cannot manage; not a problem.
_BENIGN = ("does not support propagateSizeHints", "does not support raise")


def _use_offscreen_without_display() -> None:
    """Qt needs a platform: without a display (X11 or Wayland) draw offscreen."""
    has_display = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    if not has_display and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def _quiet_offscreen_notices() -> None:
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def handle(kind: QtMsgType, _context: object, message: str) -> None:
        if any(text in message for text in _BENIGN):
            return
        if kind in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg):
            log.debug("Qt: %s", message)
        else:
            print(f"Qt: {message}", file=sys.stderr)

    qInstallMessageHandler(handle)


def grab(
    ctx: AppContext, page: str, committee_id: int | None, out: Path, size: tuple[int, int]
) -> tuple[Path, tuple[int, int]]:
    """Save the main window on ``page`` (a page id of the window) and committee
    ``committee_id``, at ``size``, as the PNG ``out``; the path written and the size the
    image really has. OSError when the file cannot be written."""
    _use_offscreen_without_display()
    _quiet_offscreen_notices()
    from PySide6.QtGui import QImage

    from app.ui.main import save_screenshot, window_for

    window = window_for(ctx, page=page, committee_id=committee_id)
    try:
        written = save_screenshot(window, out, size)
    finally:
        window.close()
        window.deleteLater()
    image = QImage(str(written))
    return written, (image.width(), image.height())
