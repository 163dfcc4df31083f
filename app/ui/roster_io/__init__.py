"""Roster import and export in the GUI: the preview of an import with every row's
problems, and the actions the main window's Roster menu (and later the committee page's
buttons) call: ``RosterTransfer.import_roster``, ``export_roster("json" | "csv")``.

The names below are imported when first asked for, so that the window (which needs only the
file chooser at start) does not load the import machinery before it is used.
"""

from __future__ import annotations

import importlib
from typing import Any

_WHERE = {
    "FileChooser": "app.ui.roster_io.files",
    "FixedChooser": "app.ui.roster_io.files",
    "ImportPreviewDialog": "app.ui.roster_io.preview",
    "PreviewModel": "app.ui.roster_io.preview",
    "RosterTransfer": "app.ui.roster_io.transfer",
}
__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(_WHERE[name]), name)
