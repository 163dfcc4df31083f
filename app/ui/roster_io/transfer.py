"""Roster import and export as user actions, for menus and buttons alike.

``RosterTransfer`` asks for a file (through an injectable ``FileChooser``, never blocking),
reads an import into a preview shown by ``ImportPreviewDialog``, and writes exports: JSON
(DESIGN.md section 5's roster file, UTF-8) or CSV (UTF-8 with the BOM Excel looks for).
Exports are small (one committee's seats), so they are written at once.
"""

from __future__ import annotations

import logging
import os
import re
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget
from sqlalchemy.exc import SQLAlchemyError

from app.db import Database
from app.errors import UserError
from app.models import Committee
from app.services.actors import SYSTEM, Actor
from app.services.roster_io import (
    MAX_IMPORT_BYTES,
    export_roster_csv,
    export_roster_json,
    preview_csv,
    preview_json,
    roster_json_bytes,
)
from app.ui.i18n import error_text
from app.ui.labels import display_name
from app.ui.roster_io.files import FileChooser
from app.ui.roster_io.preview import ImportPreviewDialog

log = logging.getLogger(__name__)

FORMATS = ("json", "csv")
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def write_file(path: Path, content: bytes) -> None:
    """Write ``content`` to ``path`` whole or not at all (a temporary file, then a rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class RosterTransfer(QObject):
    """Import and export of the current committee's roster.

    ``committee_id()`` says which committee the window works with (None: none yet).
    """

    imported = Signal(int, int)  # committee id, number of members imported
    exported = Signal(str)  # the file written
    failed = Signal(str)  # a message fit to show

    def __init__(
        self,
        db: Database,
        committee_id: Callable[[], int | None],
        *,
        lang: str = "en",
        today: Callable[[], date] = date.today,
        actor: Actor = SYSTEM,
        chooser: FileChooser | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self._committee_id = committee_id
        self.lang = lang
        self._today = today
        self._actor = actor
        self.chooser = chooser or FileChooser()
        self._window = parent
        self.dialog: ImportPreviewDialog | None = None

    def _committee(self) -> tuple[int, str] | None:
        committee_id = self._committee_id()
        if committee_id is None:
            self.failed.emit(self.tr("Set up a committee first."))
            return None
        with self.db.session_scope() as session:
            committee = session.get(Committee, committee_id)
            if committee is None:
                self.failed.emit(self.tr("The committee no longer exists."))
                return None
            return committee.id, display_name(committee.name_zh, committee.name_en, self.lang)

    # --- import ----------------------------------------------------------------------------

    def import_roster(self, path: Path | None = None) -> ImportPreviewDialog | None:
        """Preview ``path`` (asked for when None) for the current committee; the preview
        dialog, opened, or None when there is nothing to show yet."""
        if path is None:
            self.chooser.open_file(
                self._window,
                self.tr("Import roster"),
                self.tr("Roster files (*.csv *.json);;CSV (*.csv);;JSON (*.json)"),
                self.import_roster,
            )
            return None
        found = self._committee()
        if found is None:
            return None
        committee_id, name = found
        try:
            with path.open("rb") as file:
                data = file.read(MAX_IMPORT_BYTES + 1)  # the preview refuses a larger file
        except OSError as exc:
            self.failed.emit(
                self.tr("{file} cannot be read: {reason}").format(
                    file=path, reason=exc.strerror or exc
                )
            )
            return None
        read = preview_json if path.suffix.lower() == ".json" else preview_csv
        try:
            with self.db.session_scope() as session:
                preview = read(data, session=session, committee_id=committee_id)
        except (UserError, SQLAlchemyError) as exc:
            log.exception("reading the roster file failed")
            self.failed.emit(error_text(exc))
            return None
        dialog = ImportPreviewDialog(
            self.db, committee_id, name, path, preview, actor=self._actor, parent=self._window
        )
        dialog.imported.connect(lambda ids: self.imported.emit(committee_id, len(ids)))
        dialog.finished.connect(self._forget_dialog)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _forget_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None

    # --- export ----------------------------------------------------------------------------

    def suggested_name(self, fmt: str, name: str) -> str:
        stem = _UNSAFE.sub("_", name).strip(" ._") or "committee"
        label = self.tr("roster")
        return f"{stem}-{label}-{self._today().isoformat()}.{fmt}"

    def export_roster(self, fmt: str, path: Path | None = None) -> Path | None:
        """Write the current committee's roster as ``fmt`` (json or csv) to ``path`` (asked
        for when None); the file written, or None."""
        if fmt not in FORMATS:
            raise ValueError(f"unknown roster format {fmt!r}")
        found = self._committee()
        if found is None:
            return None
        committee_id, name = found
        if path is None:
            filters = self.tr("JSON (*.json)") if fmt == "json" else self.tr("CSV (*.csv)")
            self.chooser.save_file(
                self._window,
                self.tr("Export roster"),
                filters,
                self.suggested_name(fmt, name),
                lambda chosen: self.export_roster(fmt, chosen),
            )
            return None
        if not path.suffix:
            path = path.with_suffix(f".{fmt}")
        try:
            with self.db.session_scope() as session:
                if fmt == "json":
                    content = roster_json_bytes(
                        export_roster_json(session, committee_id, self._today())
                    )
                else:
                    content = export_roster_csv(
                        session, committee_id, self._today(), lang=self.lang
                    )
            write_file(path, content)
        except OSError as exc:
            self.failed.emit(
                self.tr("The roster could not be written to {file}: {reason}").format(
                    file=path, reason=exc.strerror or exc
                )
            )
            return None
        except (UserError, SQLAlchemyError) as exc:
            log.exception("exporting the roster failed")
            self.failed.emit(error_text(exc))
            return None
        self.exported.emit(str(path))
        return path
