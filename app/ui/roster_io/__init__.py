"""Roster import and export in the GUI: the preview of an import with every row's
problems, and the actions the main window's Roster menu (and later the committee page's
buttons) call: ``RosterTransfer.import_roster``, ``export_roster("json" | "csv")``.
"""

from app.ui.roster_io.files import FileChooser, FixedChooser
from app.ui.roster_io.preview import ImportPreviewDialog, PreviewModel
from app.ui.roster_io.transfer import RosterTransfer

__all__ = ["FileChooser", "FixedChooser", "ImportPreviewDialog", "PreviewModel", "RosterTransfer"]
