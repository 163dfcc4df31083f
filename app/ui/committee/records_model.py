"""Small table models of the committee page: a person's training records and declarations,
and the committee's consultant engagements.

These lists are short (a person has a handful of courses; a committee a few consultants),
so each is read whole in one session. ``RecordsModel`` is their shared base: frozen record
values, translated headers, ``SORT_ROLE`` keys (dates as dates) and ``RECORD_ID_ROLE``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.models import Attachment, ConsultantEngagement, Declaration, Meeting, Project, Training
from app.ui.committee.roster_model import EXPIRY_WARNING_DAYS
from app.ui.committee.vocabulary import (
    declaration_kind_name,
    declaration_scope_name,
    expertise_name,
)
from app.ui.committee.widgets import status_icon

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 2

Parent = QModelIndex | QPersistentModelIndex


def _expiry_mark(day: date | None, today: date) -> str:
    if day is None:
        return "pass"
    if day < today:
        return "fail"
    if day <= today + timedelta(days=EXPIRY_WARNING_DAYS):
        return "warning"
    return "pass"


@dataclass(frozen=True)
class TrainingRecord:
    id: int
    course: str
    taken_on: date
    hours: Decimal
    expires_on: date | None


@dataclass(frozen=True)
class DeclarationRecord:
    id: int
    kind: str
    scope: str
    target: str  # the meeting's number or the project's title, for a scoped declaration
    signed_on: date
    valid_until: date | None
    files: tuple[str, ...]


@dataclass(frozen=True)
class ConsultantRecord:
    id: int
    name_zh: str
    name_en: str
    expertise: str
    engaged_for: str  # the project's title, or ""
    start_date: date
    end_date: date | None
    coi_declared_on: date | None
    confidentiality_signed_on: date | None
    note: str


def load_training(session: Session, person_id: int) -> list[TrainingRecord]:
    return [
        TrainingRecord(t.id, t.course, t.taken_on, t.hours, t.expires_on)
        for t in session.scalars(
            select(Training)
            .where(Training.person_id == person_id)
            .order_by(Training.taken_on.desc(), Training.id.desc())
        )
    ]


def load_declarations(
    session: Session, person_id: int, committee_id: int
) -> list[DeclarationRecord]:
    declarations = session.scalars(
        select(Declaration)
        .where(Declaration.person_id == person_id, Declaration.committee_id == committee_id)
        .order_by(Declaration.signed_on.desc(), Declaration.id.desc())
    ).all()
    ids = [d.id for d in declarations]
    files: dict[int, list[str]] = {}
    if ids:
        for owner_id, filename in session.execute(
            select(Attachment.owner_id, Attachment.filename)
            .where(Attachment.owner_type == "declaration", Attachment.owner_id.in_(ids))
            .order_by(Attachment.id)
        ):
            files.setdefault(owner_id, []).append(filename)
    meetings = {
        m.id: m.number
        for m in session.scalars(
            select(Meeting).where(
                Meeting.id.in_([d.meeting_id for d in declarations if d.meeting_id])
            )
        )
    }
    projects = {
        p.id: p.title_zh
        for p in session.scalars(
            select(Project).where(
                Project.id.in_([d.project_id for d in declarations if d.project_id])
            )
        )
    }
    return [
        DeclarationRecord(
            d.id,
            d.kind,
            d.scope,
            meetings.get(d.meeting_id or 0) or projects.get(d.project_id or 0) or "",
            d.signed_on,
            d.valid_until,
            tuple(files.get(d.id, ())),
        )
        for d in declarations
    ]


def load_consultants(session: Session, committee_id: int) -> list[ConsultantRecord]:
    engagements = session.scalars(
        select(ConsultantEngagement)
        .where(ConsultantEngagement.committee_id == committee_id)
        .options(selectinload(ConsultantEngagement.person))
        .order_by(ConsultantEngagement.start_date.desc(), ConsultantEngagement.id.desc())
    ).all()
    projects = {
        p.id: p.title_zh
        for p in session.scalars(
            select(Project).where(
                Project.id.in_([e.project_id for e in engagements if e.project_id])
            )
        )
    }
    return [
        ConsultantRecord(
            e.id,
            e.person.name_zh,
            e.person.name_en,
            e.expertise,
            projects.get(e.project_id or 0, ""),
            e.start_date,
            e.end_date,
            e.coi_declared_on,
            e.confidentiality_signed_on,
            e.note,
        )
        for e in engagements
    ]


class RecordsModel(QAbstractTableModel):
    """Base of the small record tables; subclasses give headers, texts and sort keys."""

    COLUMN_COUNT = 0

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._records: list[Any] = []
        self.today = date.today()

    def set_records(self, records: Sequence[Any], today: date) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.today = today
        self.endResetModel()

    def record(self, row: int) -> Any:
        return self._records[row]

    def records(self) -> list[Any]:
        return list(self._records)

    def headers(self) -> tuple[str, ...]:
        raise NotImplementedError

    def display(self, record: Any, column: int) -> str:
        raise NotImplementedError

    def sort_key(self, record: Any, column: int) -> Any:
        return self.display(record, column)

    def decoration(self, record: Any, column: int) -> Any:
        return None

    def tooltip(self, record: Any, column: int) -> str | None:
        text = self.display(record, column)
        return text or None

    def rowCount(self, parent: Parent = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Parent = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < self.COLUMN_COUNT
        ):
            return self.headers()[section]
        return None

    def flags(self, index: Parent) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Parent, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record = self._records[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(record, column)
        if role == Qt.ItemDataRole.DecorationRole:
            return self.decoration(record, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(record, column)
        if role == SORT_ROLE:
            return self.sort_key(record, column)
        if role == RECORD_ID_ROLE:
            return record.id
        return None


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


class TrainingModel(RecordsModel):
    COL_COURSE = 0
    COL_TAKEN = 1
    COL_HOURS = 2
    COL_EXPIRES = 3
    COLUMN_COUNT = 4

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
    COLUMN_COUNT = 5

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
            return declaration_kind_name(record.kind)
        if column == self.COL_SCOPE:
            scope = declaration_scope_name(record.scope)
            return f"{scope}: {record.target}" if record.target else scope
        if column == self.COL_SIGNED:
            return record.signed_on.isoformat()
        if column == self.COL_VALID_UNTIL:
            return _day(record.valid_until) or self.tr("No end")
        if column == self.COL_FILE:
            return self.tr(", ").join(record.files) if record.files else self.tr("None")
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
    COLUMN_COUNT = 6

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
            return expertise_name(record.expertise)
        if column == self.COL_ENGAGED_FOR:
            return record.engaged_for or "—"
        if column == self.COL_PERIOD:
            return f"{record.start_date.isoformat()} – {_day(record.end_date)}".rstrip(" –")
        if column == self.COL_DECLARATIONS:
            held = []
            if record.confidentiality_signed_on:
                held.append(self.tr("confidentiality"))
            if record.coi_declared_on:
                held.append(self.tr("conflict of interest"))
            return self.tr(", ").join(held) if held else self.tr("None on file")
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
