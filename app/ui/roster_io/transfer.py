"""Roster import and export as user actions, for menus and buttons alike.

``RosterTransfer`` asks for a file (through an injectable ``FileChooser``, never blocking),
checks an import against the committee (the services run in a savepoint, on a worker) into
a preview shown by ``ImportPreviewDialog``, and writes exports, on a worker too: JSON
(DESIGN.md section 5's roster file, UTF-8) or CSV (UTF-8 with the BOM Excel looks for).
The outcome of each comes back as a signal; ``task`` is the work under way, if any.
"""

from __future__ import annotations

import logging
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from app.context import AppContext
from app.errors import UserError
from app.services.progress import Progress
from app.services.queries.overview import committee_names
from app.services.roster_io import (
    MAX_IMPORT_BYTES,
    ImportPreview,
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
from app.ui.tasks import Task, run_task

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
        ctx: AppContext,
        committee_id: Callable[[], int | None],
        *,
        chooser: FileChooser | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._committee_id = committee_id
        self.lang = ctx.lang
        self.chooser = chooser or FileChooser()
        self._window = parent
        self.dialog: ImportPreviewDialog | None = None
        self.task: Task | None = None

    def _committee(self) -> tuple[int, str] | None:
        committee_id = self._committee_id()
        if committee_id is None:
            self.failed.emit(self.tr("Set up a committee first."))
            return None
        names = self.ctx.read(committee_names, committee_id)
        if names is None:
            self.failed.emit(self.tr("The committee no longer exists."))
            return None
        return committee_id, display_name(*names, self.lang)

    def busy(self) -> bool:
        return self.task is not None and not self.task.finished

    # --- import ----------------------------------------------------------------------------

    def import_roster(self, path: Path | None = None) -> None:
        """Check ``path`` (asked for when None) against the current committee on a worker;
        the preview dialog opens when that is done (``dialog``)."""
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
        check = preview_json if path.suffix.lower() == ".json" else preview_csv
        ctx, day = self.ctx, self.ctx.today()

        def work(_progress: Progress) -> ImportPreview:
            # The services run in a savepoint that is rolled back: nothing is written.
            return ctx.write(check, committee_id, data, day)

        def checked(preview: object) -> None:
            assert isinstance(preview, ImportPreview)
            self._show_preview(committee_id, name, path, preview)

        self.task = run_task(work, checked, failed=self._task_failed, parent=self)
        return None

    def _show_preview(
        self, committee_id: int, name: str, path: Path, preview: ImportPreview
    ) -> ImportPreviewDialog:
        dialog = ImportPreviewDialog(
            self.ctx, committee_id, name, path, preview, parent=self._window
        )
        dialog.imported.connect(lambda ids: self.imported.emit(committee_id, len(ids)))
        dialog.finished.connect(self._forget_dialog)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _task_failed(self, exc: BaseException) -> None:
        self.failed.emit(
            error_text(exc)
            if isinstance(exc, UserError)
            else self.tr("EthicsDesk could not do this because of an error; see the log.")
        )

    def _forget_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None

    # --- export ----------------------------------------------------------------------------

    def suggested_name(self, fmt: str, name: str) -> str:
        stem = _UNSAFE.sub("_", name).strip(" ._") or "committee"
        label = self.tr("roster")
        return f"{stem}-{label}-{self.ctx.today().isoformat()}.{fmt}"

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
        ctx, day, lang = self.ctx, self.ctx.today(), self.lang
        target = path

        def work(_progress: Progress) -> str:
            if fmt == "json":
                content = roster_json_bytes(ctx.read(export_roster_json, committee_id, day))
            else:
                content = ctx.read(export_roster_csv, committee_id, day, lang=lang)
            try:
                write_file(target, content)
            except OSError as exc:
                raise UserError(
                    f"the roster could not be written to {target}: {exc.strerror or exc}",
                    zh=f"名册无法写入 {target}：{exc.strerror or exc}",
                ) from exc
            return str(target)

        self.task = run_task(work, self.exported.emit, failed=self._task_failed, parent=self)
        return path
