"""Table models of the settings screen: the committee's terms and its profile history."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QFont

from app.services.queries.setup import ProfileEntry, TermEntry
from app.ui.labels import profile_name
from app.ui.table_model import ListModel
from app.ui.vocabulary import sop_value_text


def _date(value: date | None) -> str:
    return value.isoformat() if value else ""


def _font(*, bold: bool = False, italic: bool = False) -> QFont:
    font = QFont()
    font.setBold(bold)
    font.setItalic(italic)
    return font


class TermsModel(ListModel):
    """Terms of office (换届), saved ones and those added in the form but not saved yet."""

    COL_NUMBER, COL_START, COL_END, COL_DOCUMENT, COL_STATE = range(5)

    def set_terms(self, terms: Sequence[TermEntry]) -> None:
        self.set_rows(sorted(terms, key=lambda t: t.number))

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

    def row_id(self, term: TermEntry) -> Any:
        return term.number

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Term"),
            self.tr("Start"),
            self.tr("End"),
            self.tr("Appointment document"),
            self.tr("State"),
        )

    def display(self, term: TermEntry, column: int) -> str:
        if column == self.COL_NUMBER:
            return self.tr("Term {number}").format(number=term.number)
        if column == self.COL_START:
            return _date(term.start_date)
        if column == self.COL_END:
            return _date(term.end_date) or self.tr("open")
        if column == self.COL_DOCUMENT:
            return term.appointment_document
        return self.tr("saved") if term.saved else self.tr("not saved yet")

    def sort_key(self, term: TermEntry, column: int) -> Any:
        keys = (term.number, term.start_date, term.end_date or date.max, term.appointment_document)
        return keys[column] if column < len(keys) else int(term.saved)

    def font(self, term: TermEntry, column: int) -> Any:
        return None if term.saved else _font(italic=True)


class ProfileHistoryModel(ListModel):
    """The committee's profile entries, oldest first; the one in force today is bold."""

    COL_FROM, COL_PROFILE, COL_OVERRIDES, COL_NOTE = range(4)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._in_force: date | None = None

    def set_entries(self, entries: Sequence[ProfileEntry], in_force: date | None) -> None:
        self._in_force = in_force
        self.set_rows(sorted(entries, key=lambda e: e.effective_from))

    def entry(self, row: int) -> ProfileEntry:
        return self._rows[row]

    def row_id(self, entry: ProfileEntry) -> Any:
        return entry.effective_from

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

    def display(self, entry: ProfileEntry, column: int) -> str:
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

    def tooltip(self, entry: ProfileEntry, column: int) -> str | None:
        return self.display(entry, column) or None

    def sort_key(self, entry: ProfileEntry, column: int) -> Any:
        return (entry.effective_from, entry.profile_id, len(entry.sop_overrides), entry.note)[
            column
        ]

    def font(self, entry: ProfileEntry, column: int) -> Any:
        return _font(bold=True) if entry.effective_from == self._in_force else None
