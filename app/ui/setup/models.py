"""Table models of the settings screen: the committee's terms and its profile history."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from app.ui.labels import profile_name
from app.ui.setup.state import ProfileEntry, TermEntry
from app.ui.setup.vocabulary import sop_value_text
from app.ui.table_model import ListTableModel

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


def _date(value: date | None) -> str:
    return value.isoformat() if value else ""


class TermsModel(ListTableModel):
    """Terms of office (换届), saved ones and those added in the form but not saved yet."""

    COL_NUMBER, COL_START, COL_END, COL_DOCUMENT, COL_STATE = range(5)

    def set_terms(self, terms: Sequence[TermEntry]) -> None:
        self.beginResetModel()
        self._rows = sorted(terms, key=lambda t: t.number)
        self.endResetModel()

    def add(self, term: TermEntry) -> None:
        self.set_terms([*self._rows, term])

    def remove_row(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()

    def terms(self) -> list[TermEntry]:
        return list(self._rows)

    def pending(self) -> list[TermEntry]:
        return [t for t in self._rows if not t.saved]

    def term(self, row: int) -> TermEntry:
        return self._rows[row]

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Term"),
            self.tr("Start"),
            self.tr("End"),
            self.tr("Appointment document"),
            self.tr("State"),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        term = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COL_NUMBER:
                return self.tr("Term {number}").format(number=term.number)
            if column == self.COL_START:
                return _date(term.start_date)
            if column == self.COL_END:
                return _date(term.end_date) or self.tr("open")
            if column == self.COL_DOCUMENT:
                return term.appointment_document
            return self.tr("saved") if term.saved else self.tr("not saved yet")
        if role == SORT_ROLE:
            return (
                (term.number, term.start_date, term.end_date, term.appointment_document)[column]
                if column < 4
                else int(term.saved)
            )
        if role == Qt.ItemDataRole.FontRole and not term.saved:
            font = QFont()
            font.setItalic(True)
            return font
        return None


class ProfileHistoryModel(ListTableModel):
    """The committee's profile entries, oldest first; the one in force today is bold."""

    COL_FROM, COL_PROFILE, COL_OVERRIDES, COL_NOTE = range(4)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._in_force: date | None = None

    def set_entries(self, entries: Sequence[ProfileEntry], in_force: date | None) -> None:
        self.beginResetModel()
        self._rows = sorted(entries, key=lambda e: e.effective_from)
        self._in_force = in_force
        self.endResetModel()

    def entry(self, row: int) -> ProfileEntry:
        return self._rows[row]

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("In force from"),
            self.tr("Profile"),
            self.tr("SOP overrides"),
            self.tr("Note"),
        )

    def _overrides(self, entry: ProfileEntry) -> str:
        if not entry.sop_overrides:
            return self.tr("none")
        return "; ".join(sop_value_text(k, v) for k, v in entry.sop_overrides.items())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.COL_FROM:
                shown = entry.effective_from.isoformat()
                if entry.effective_from == self._in_force:
                    shown = self.tr("{date} (in force)").format(date=shown)
                return shown
            if column == self.COL_PROFILE:
                return profile_name(entry.profile_id)
            if column == self.COL_OVERRIDES:
                return self._overrides(entry)
            return entry.note
        if role == SORT_ROLE:
            return (
                entry.effective_from,
                entry.profile_id,
                len(entry.sop_overrides),
                entry.note,
            )[column]
        if role == Qt.ItemDataRole.FontRole and entry.effective_from == self._in_force:
            font = QFont()
            font.setBold(True)
            return font
        return None
