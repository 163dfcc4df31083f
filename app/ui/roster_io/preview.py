"""The import preview: every row of the file with its problems, before anything is written.

``ImportPreviewDialog`` is non-modal (``open()``/``show()``). Its Import button is enabled
only when the preview (the file checked against the committee by the services) is clean;
Import runs ``apply_import`` on a worker in its own write, all or nothing, showing its
progress; Cancel stops it (what it wrote rolls back) and the dialog closes when it is done.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.errors import Cancelled, UserError
from app.services.progress import Progress
from app.services.roster_io import ImportPreview, ImportRow, apply_import
from app.ui.i18n import current_language, error_text
from app.ui.pages.base import heading_font, named
from app.ui.table_model import ListModel
from app.ui.tasks import Task, run_task
from app.ui.vocabulary import field_name
from app.ui.widgets import ERROR_STYLE, error_label

log = logging.getLogger(__name__)

PROBLEM_BACKGROUND = QColor("#fdecea")
PROBLEM_TEXT = QColor("#b42318")
MAX_LISTED = 200  # problems listed in full above the table; the table marks every row


class PreviewModel(ListModel):
    """The rows of an ImportPreview: the cells as the file wrote them, and the problems."""

    # the ImportRow.cells key of each column after the line and the problems
    KEYS = (
        "name",
        "gender",
        "roles",
        "expertise",
        "affiliation",
        "term_start",
        "term_end",
        "title",
        "profession",
        "employer",
        "alternate_for",
    )
    COL_LINE, COL_PROBLEMS = 0, 1

    def __init__(self, preview: ImportPreview, json_file: bool, parent: Any = None) -> None:
        super().__init__(parent)
        self._json = json_file
        self.set_rows(preview.rows)

    def row_id(self, row: ImportRow) -> Any:
        return row.line

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Member") if self._json else self.tr("Line"),
            self.tr("Status"),
            *(field_name(key) for key in self.KEYS),
        )

    def display(self, row: ImportRow, column: int) -> str:
        if column == self.COL_LINE:
            return str(row.line)
        if column == self.COL_PROBLEMS:
            if row.ok:
                return self.tr("ready")
            # the place is in the Line column already; each message names its column
            lang = current_language()
            where = row.where_in(lang)
            return "  ·  ".join(_without_place(e, where) for e in row.errors_in(lang))
        return row.cells.get(self.KEYS[column - 2], "")

    def tooltip(self, row: ImportRow, column: int) -> str | None:
        if column == self.COL_PROBLEMS and not row.ok:
            return "\n".join(row.errors_in(current_language()))
        return self.display(row, column) or None

    def sort_key(self, row: ImportRow, column: int) -> Any:
        return row.line if column == self.COL_LINE else self.display(row, column)

    def background(self, row: ImportRow, column: int) -> Any:
        return None if row.ok else QBrush(PROBLEM_BACKGROUND)

    def foreground(self, row: ImportRow, column: int) -> Any:
        if column == self.COL_PROBLEMS and not row.ok:
            return QBrush(PROBLEM_TEXT)
        return None


def _without_place(message: str, where: str) -> str:
    for prefix in (f"{where}: ", f"{where}："):
        if message.startswith(prefix):
            return message[len(prefix) :]
    return message


class ImportPreviewDialog(QDialog):
    """Shows what importing ``path`` would write into the committee; imports on confirm."""

    imported = Signal(list)  # the new membership ids
    failed = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        committee_id: int,
        committee_name: str,
        path: Path,
        preview: ImportPreview,
        *,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("import_preview")
        self.setWindowTitle(self.tr("Import roster"))
        self.setModal(False)
        self.ctx = ctx
        self.committee_id = committee_id
        self.path = path
        self.preview = preview
        self._task: Task | None = None

        heading = named(QLabel(self.tr("Import {file}").format(file=path.name)), "heading")
        heading.setFont(heading_font(self.font(), 1.3))
        heading.setTextFormat(Qt.TextFormat.PlainText)
        self.summary = named(QLabel(), "summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.file_errors = named(QLabel(), "file_errors")
        self.file_errors.setStyleSheet(ERROR_STYLE)
        self.file_errors.setWordWrap(True)
        self.file_errors.setTextFormat(Qt.TextFormat.PlainText)
        self.file_errors.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems = named(QLabel(), "problems")
        self.problems.setStyleSheet(ERROR_STYLE)
        self.problems.setWordWrap(True)
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.problems_area = named(QScrollArea(), "problems_area")
        self.problems_area.setWidget(self.problems)
        self.problems_area.setWidgetResizable(True)
        self.problems_area.setFrameShape(QFrame.Shape.NoFrame)

        self.model = PreviewModel(preview, path.suffix.lower() == ".json", self)
        self.table = named(QTableView(), "rows")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount() - 1):
            widest = 320 if column == PreviewModel.COL_PROBLEMS else 220
            width = min(self.table.columnWidth(column) + 16, widest)
            self.table.setColumnWidth(column, width)

        self.error = error_label("import_error")
        self.progress = named(QProgressBar(), "progress")
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(True)
        self.progress.setMaximumWidth(220)
        self.progress.hide()
        self.import_button = named(QPushButton(), "import")
        self.import_button.clicked.connect(self.confirm)
        self.cancel_button = named(QPushButton(self.tr("Cancel")), "cancel")
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.file_errors)
        layout.addWidget(self.problems_area)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self._describe(committee_name)
        self.resize(1080, 560)

    def _describe(self, committee_name: str) -> None:
        preview = self.preview
        rows = len(preview.rows)
        bad = sum(1 for r in preview.rows if not r.ok)
        if preview.file_errors:
            self.summary.setText(
                self.tr(
                    "This file cannot be imported. Correct it in the spreadsheet, save it, "
                    "and import it again. Nothing has been written."
                )
            )
            self.file_errors.setText("\n".join(preview.file_errors_in(current_language())))
        elif bad:
            self.summary.setText(
                self.tr(
                    "{bad} of {rows} rows have problems, marked below with their line. Correct "
                    "the file and import it again; nothing is written until every row is ready."
                ).format(bad=bad, rows=rows)
            )
        else:
            self.summary.setText(
                self.tr(
                    "All {rows} rows are ready. Importing adds them to {committee} as new "
                    "members, each with their own record in the audit trail."
                ).format(rows=rows, committee=committee_name)
            )
        self.file_errors.setVisible(bool(preview.file_errors))
        row_errors = [e for r in preview.rows for e in r.errors_in(current_language())]
        shown = row_errors[:MAX_LISTED]
        if len(row_errors) > MAX_LISTED:
            shown.append(
                self.tr("… and {count} more problems.").format(count=len(row_errors) - MAX_LISTED)
            )
        self.problems.setText("\n".join(shown))
        self.problems_area.setVisible(bool(row_errors))
        lines = min(len(shown), 6)  # more scroll
        self.problems_area.setFixedHeight(lines * self.problems.fontMetrics().lineSpacing() + 6)
        self.table.setVisible(bool(preview.rows))
        if preview.ok:
            self.import_button.setText(self.tr("Import {rows} members").format(rows=rows))
        else:  # never a button that promises what it will not do
            self.import_button.setText(self.tr("Import"))
            self.import_button.setToolTip(
                self.tr("Nothing can be imported until every problem is fixed in the file.")
            )
        self.import_button.setEnabled(preview.ok)
        self.import_button.setDefault(preview.ok)

    def confirm(self) -> None:
        """Write the clean preview on a worker; ``imported`` or ``failed`` tells the end."""
        if not self.preview.ok or self._task is not None:
            return
        ctx, committee_id, preview = self.ctx, self.committee_id, self.preview
        day = ctx.today()

        def work(progress: Progress) -> list[int]:
            return ctx.write(apply_import, committee_id, preview, day, progress)

        self._set_busy(True)
        self.error.hide()
        self._task = run_task(
            work, self._done, failed=self._failed, progressed=self._progressed, parent=self
        )

    def running(self) -> bool:
        return self._task is not None

    def cancel_import(self) -> None:
        """Stop the import under way; what it wrote rolls back."""
        if self._task is not None:
            self._task.cancel()
            self.cancel_button.setEnabled(False)

    def _progressed(self, done: int, total: int, _note: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("{done} of {total}").format(done=done, total=total))

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.import_button.setEnabled(not busy and self.preview.ok)
        self.cancel_button.setText(self.tr("Stop") if busy else self.tr("Cancel"))
        self.cancel_button.setEnabled(True)

    def _done(self, ids: object) -> None:
        self._task = None
        self._set_busy(False)
        self.imported.emit(list(ids))  # type: ignore[call-overload]
        self.accept()

    def _failed(self, exc: object) -> None:
        self._task = None
        self._set_busy(False)
        if isinstance(exc, Cancelled):
            message = self.tr("The import was stopped; nothing was imported.")
        elif isinstance(exc, UserError):
            message = self.tr("Nothing was imported: {reason}").format(reason=error_text(exc))
        else:
            message = self.tr(
                "Nothing was imported because of an error in EthicsDesk. The details are in "
                "the log."
            )
        self.error.setText(message)
        self.error.show()
        self.failed.emit(message)

    def reject(self) -> None:
        if self._task is not None:  # the button says Stop: the import stops, then closes
            self.cancel_import()
            return
        super().reject()
