"""Asking the user for a file without blocking: a QFileDialog opened with ``open()`` (never
``exec()``) that calls back with the chosen path. Widgets take a ``FileChooser`` so tests
can pass one that answers at once with a path of their own."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWidget

Chosen = Callable[[Path], None]


class FileChooser:
    """The real chooser: a window-modal file dialog that does not block the caller."""

    def __init__(self) -> None:
        self.last_dialog: QFileDialog | None = None

    def _dialog(self, parent: QWidget | None, title: str, filters: str) -> QFileDialog:
        dialog = QFileDialog(parent, title, "", filters)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_dialog = dialog
        dialog.destroyed.connect(self._forget)
        return dialog

    def _forget(self) -> None:
        self.last_dialog = None

    def open_file(
        self, parent: QWidget | None, title: str, filters: str, on_chosen: Chosen
    ) -> None:
        """Ask for an existing file; ``on_chosen`` runs only if the user picks one."""
        dialog = self._dialog(parent, title, filters)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda name: on_chosen(Path(name)))
        dialog.open()

    def save_file(
        self,
        parent: QWidget | None,
        title: str,
        filters: str,
        suggested: str,
        on_chosen: Chosen,
    ) -> None:
        """Ask where to write a file named ``suggested`` by default."""
        dialog = self._dialog(parent, title, filters)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        suffix = Path(suggested).suffix.lstrip(".")
        if suffix:
            dialog.setDefaultSuffix(suffix)
        dialog.selectFile(suggested)
        dialog.fileSelected.connect(lambda name: on_chosen(Path(name)))
        dialog.open()


class FixedChooser(FileChooser):
    """Answers every question with ``path`` at once (tests; scripted use)."""

    def __init__(self, path: Path | None) -> None:
        super().__init__()
        self.path = path
        self.asked: list[str] = []

    def open_file(
        self, parent: QWidget | None, title: str, filters: str, on_chosen: Chosen
    ) -> None:
        self.asked.append(title)
        if self.path is not None:
            on_chosen(self.path)

    def save_file(
        self,
        parent: QWidget | None,
        title: str,
        filters: str,
        suggested: str,
        on_chosen: Chosen,
    ) -> None:
        self.asked.append(title)
        if self.path is not None:
            on_chosen(self.path)
