"""Small table models of the committee page: a person's training records and declarations,
and the committee's consultant engagements (the read models of
``app.services.queries.records``). Short lists, each read whole, on the one list-model
base; ``today`` judges the expiry marks.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QObject

from app.domain.seats import expiry_state
from app.domain.vocabulary import DECLARATION_KINDS, DECLARATION_SCOPES, EXPERTISE
from app.services.queries.records import ConsultantRecord, DeclarationRecord, TrainingRecord
from app.ui.table_model import ID_ROLE, SORT_ROLE, ListModel
from app.ui.vocabulary import in_sentence, name, separator
from app.ui.widgets import status_icon

RECORD_ID_ROLE = ID_ROLE
__all__ = ["RECORD_ID_ROLE", "SORT_ROLE", "ConsultantModel", "DeclarationModel", "TrainingModel"]


_EXPIRY_MARKS = {"expired": "fail", "expiring": "warning", "ok": "pass"}


def _expiry_mark(day: date | None, today: date) -> str:
    return _EXPIRY_MARKS[expiry_state(day, today)]


class RecordsModel(ListModel):
    """Base of the small record tables: rows are frozen records with an ``id``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.today = date.min

    def set_records(self, records: Sequence[Any], today: date) -> None:
        self.today = today
        self.set_rows(records)

    def record(self, row: int) -> Any:
        return self._rows[row]

    def records(self) -> list[Any]:
        return list(self._rows)

    def tooltip(self, record: Any, column: int) -> str | None:
        return self.display(record, column) or None


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


class TrainingModel(RecordsModel):
    COL_COURSE = 0
    COL_TAKEN = 1
    COL_HOURS = 2
    COL_EXPIRES = 3

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Course"), self.tr("Taken"), self.tr("Hours"), self.tr("Expires"))

    def display(self, record: TrainingRecord, column: int) -> str:
        if column == self.COL_COURSE:
            return record.course
        if column == self.COL_TAKEN:
            return record.taken_on.isoformat()
        if column == self.COL_HOURS:
            return f"{record.hours:g}"
        if column == self.COL_EXPIRES:
            return _day(record.expires_on) or self.tr("Never")
        return ""

    def sort_key(self, record: TrainingRecord, column: int) -> Any:
        if column == self.COL_TAKEN:
            return record.taken_on
        if column == self.COL_HOURS:
            return record.hours
        if column == self.COL_EXPIRES:
            return record.expires_on or date.max
        return record.course

    def decoration(self, record: TrainingRecord, column: int) -> Any:
        if column == self.COL_EXPIRES:
            return status_icon(_expiry_mark(record.expires_on, self.today))
        return None


class DeclarationModel(RecordsModel):
    COL_KIND = 0
    COL_SCOPE = 1
    COL_SIGNED = 2
    COL_VALID_UNTIL = 3
    COL_FILE = 4

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Kind"),
            self.tr("Scope"),
            self.tr("Signed"),
            self.tr("Valid until"),
            self.tr("File"),
        )

    def display(self, record: DeclarationRecord, column: int) -> str:
        if column == self.COL_KIND:
            return name(DECLARATION_KINDS, record.kind)
        if column == self.COL_SCOPE:
            scope = name(DECLARATION_SCOPES, record.scope)
            return f"{scope}: {record.target}" if record.target else scope
        if column == self.COL_SIGNED:
            return record.signed_on.isoformat()
        if column == self.COL_VALID_UNTIL:
            return _day(record.valid_until) or self.tr("No end")
        if column == self.COL_FILE:
            return separator().join(record.files) if record.files else self.tr("None")
        return ""

    def sort_key(self, record: DeclarationRecord, column: int) -> Any:
        if column == self.COL_SIGNED:
            return record.signed_on
        if column == self.COL_VALID_UNTIL:
            return record.valid_until or date.max
        return self.display(record, column)

    def decoration(self, record: DeclarationRecord, column: int) -> Any:
        if column == self.COL_VALID_UNTIL:
            return status_icon(_expiry_mark(record.valid_until, self.today))
        if column == self.COL_FILE:
            return status_icon("pass" if record.files else "warning")
        return None


class ConsultantModel(RecordsModel):
    COL_NAME = 0
    COL_EXPERTISE = 1
    COL_ENGAGED_FOR = 2
    COL_PERIOD = 3
    COL_DECLARATIONS = 4
    COL_NOTE = 5

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Consultant"),
            self.tr("Expertise"),
            self.tr("Engaged for"),
            self.tr("Period"),
            self.tr("Declarations"),
            self.tr("Note"),
        )

    def display(self, record: ConsultantRecord, column: int) -> str:
        if column == self.COL_NAME:
            if record.name_en and record.name_en != record.name_zh:
                return f"{record.name_zh} ({record.name_en})"
            return record.name_zh
        if column == self.COL_EXPERTISE:
            return name(EXPERTISE, record.expertise)
        if column == self.COL_ENGAGED_FOR:
            return record.engaged_for or "—"
        if column == self.COL_PERIOD:
            return f"{record.start_date.isoformat()} – {_day(record.end_date)}".rstrip(" –")
        if column == self.COL_DECLARATIONS:
            held = []
            if record.confidentiality_signed_on:
                held.append(in_sentence(DECLARATION_KINDS, "confidentiality"))
            if record.coi_declared_on:
                held.append(in_sentence(DECLARATION_KINDS, "conflict_of_interest"))
            return separator().join(held) if held else self.tr("None on file")
        if column == self.COL_NOTE:
            return record.note
        return ""

    def sort_key(self, record: ConsultantRecord, column: int) -> Any:
        if column == self.COL_PERIOD:
            return record.start_date
        return self.display(record, column)

    def decoration(self, record: ConsultantRecord, column: int) -> Any:
        if column == self.COL_DECLARATIONS:
            both = record.confidentiality_signed_on and record.coi_declared_on
            return status_icon("pass" if both else "warning")
        return None
