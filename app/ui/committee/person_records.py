"""A member's training records and signed declarations, beside the roster.

``PersonRecordsPanel`` lists them for the member chosen in the roster (read models of
``app.services.queries.records``) and adds to them through ``TrainingDialog`` and
``DeclarationDialog`` (the signed file attached in the same action,
``roster.add_declaration(signed_file=…)``). Neither changes what the composition check
reads, but they save like every roster dialog, through the same base.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.domain.vocabulary import DECLARATION_KINDS, DECLARATION_SCOPES
from app.errors import UserError
from app.services import attachments, roster
from app.services.composition_guard import Change
from app.services.queries.records import (
    Target,
    declaration_targets,
    declarations_of,
    training_of,
)
from app.ui.committee.dialog_base import GuardedDialog, date_edit, date_of, new_form
from app.ui.committee.records_model import RECORD_ID_ROLE, DeclarationModel, TrainingModel
from app.ui.i18n import field_error_text
from app.ui.pages.base import named, secondary_label
from app.ui.table_model import ListModel
from app.ui.vocabulary import name
from app.ui.widgets import error_label


def records_table(name: str, stretch: int) -> QTableView:
    """A small read-only table: columns as wide as their contents, column ``stretch``
    taking (or giving up, eliding its text) the rest of the width."""
    table = named(QTableView(), name)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    table.setSortingEnabled(False)
    table.setProperty("stretch_column", stretch)
    return table


def fit_columns(table: QTableView) -> None:
    """Apply ``records_table``'s sizing once the table has its model."""
    header = table.horizontalHeader()
    stretch = int(table.property("stretch_column"))
    title = str(table.model().headerData(stretch, Qt.Orientation.Horizontal) or "")
    # The stretched column gives up room down to the minimum: never below its title.
    header.setMinimumSectionSize(QFontMetrics(header.font()).horizontalAdvance(title) + 16)
    for column in range(header.count()):
        mode = (
            QHeaderView.ResizeMode.Stretch
            if column == stretch
            else QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(column, mode)


def sorted_view(table: QTableView, model: ListModel) -> None:
    """Show ``model`` in ``table``, sorted by the column whose header is clicked (the model
    sorts itself)."""
    table.setModel(model)
    table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    table.setSortingEnabled(True)
    fit_columns(table)


class TrainingDialog(GuardedDialog):
    """Record a course a person took: name, date, hours and (optionally) when it expires."""

    def __init__(
        self,
        ctx: AppContext,
        committee_id: int,
        as_of: Callable[[], date],
        person_id: int,
        person_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, committee_id, as_of, parent)
        today = ctx.today()
        self.setObjectName("training_dialog")
        self.setWindowTitle(self.tr("Add training: {name}").format(name=person_name))
        self.person_id = person_id
        self.course = named(QLineEdit(), "course")
        self.course.setMaxLength(200)
        self.course.setPlaceholderText(self.tr("e.g. GCP 与伦理审查培训"))
        self.taken_on = date_edit("taken_on", today)
        self.hours = named(QDoubleSpinBox(), "hours")
        self.hours.setRange(0, 9999)
        self.hours.setDecimals(1)
        self.hours.setSingleStep(0.5)
        self.expires_on = date_edit("expires_on", today + timedelta(days=3 * 365))
        self.no_expiry = named(QCheckBox(self.tr("Does not expire")), "no_expiry")
        expiry = QWidget()
        row = QHBoxLayout(expiry)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.expires_on)
        row.addWidget(self.no_expiry)
        row.addStretch(1)
        form = new_form()
        form.addRow(self.tr("Course *"), self.field("course", self.course))
        form.addRow(self.tr("Taken on"), self.field("taken_on", self.taken_on))
        form.addRow(self.tr("Hours"), self.field("hours", self.hours))
        form.addRow(self.tr("Expires on"), self.field("expires_on", expiry))
        body = QVBoxLayout()
        body.addLayout(form)
        self.course.textChanged.connect(lambda _t: self.touch("course"))
        self.taken_on.dateChanged.connect(lambda _d: self.touch("taken_on"))
        self.hours.valueChanged.connect(lambda _v: self.touch("hours"))
        self.expires_on.dateChanged.connect(lambda _d: self.touch("expires_on"))
        self.no_expiry.toggled.connect(self._no_expiry)
        self.ok_button.setText(self.tr("Add training"))
        self.finish_layout(body)
        self.setMinimumWidth(480)

    def _no_expiry(self, checked: bool) -> None:
        self.expires_on.setEnabled(not checked)
        self.touch("expires_on")

    def expiry(self) -> date | None:
        return None if self.no_expiry.isChecked() else date_of(self.expires_on)

    def required_missing(self) -> dict[str, str]:
        return {"course": self.tr("the course")} if not self.course.text().strip() else {}

    def problems(self) -> dict[str, str]:
        expiry = self.expiry()
        if expiry is not None and expiry < date_of(self.taken_on):
            return {"expires_on": self.tr("Training cannot expire before it was taken.")}
        return {}

    def change(self) -> Change[object]:
        return partial(
            roster.add_training,
            person_id=self.person_id,
            course=self.course.text().strip(),
            taken_on=date_of(self.taken_on),
            hours=f"{self.hours.value():.1f}",
            expires_on=self.expiry(),
        )


class DeclarationDialog(GuardedDialog):
    """Record a signed declaration (confidentiality or conflict of interest), standing or
    for one meeting or project, with the signed file attached."""

    def __init__(
        self,
        ctx: AppContext,
        committee_id: int,
        as_of: Callable[[], date],
        person_id: int,
        person_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, committee_id, as_of, parent)
        today = ctx.today()
        self.setObjectName("declaration_dialog")
        self.setWindowTitle(self.tr("Add declaration: {name}").format(name=person_name))
        self.person_id = person_id
        self.meetings: list[Target]
        self.projects: list[Target]
        self.meetings, self.projects = ctx.read(declaration_targets, committee_id)
        self.kind = named(QComboBox(), "kind")
        for kind in DECLARATION_KINDS:
            self.kind.addItem(name(DECLARATION_KINDS, kind), kind)
        self.scope = named(QComboBox(), "scope")
        for scope in DECLARATION_SCOPES:
            self.scope.addItem(name(DECLARATION_SCOPES, scope), scope)
        self.meeting = named(QComboBox(), "meeting")
        for target in self.meetings:
            self.meeting.addItem(target.label, target.id)
        self.project = named(QComboBox(), "project")
        for target in self.projects:
            self.project.addItem(target.label, target.id)
        self.signed_on = date_edit("signed_on", today)
        self.valid_until = date_edit("valid_until", today + timedelta(days=365))
        self.no_end = named(QCheckBox(self.tr("No end date")), "no_end")
        self.interests = named(QPlainTextEdit(), "interests")
        self.interests.setPlaceholderText(self.tr("Interests declared, if any"))
        self.interests.setMaximumHeight(70)
        self.file_path = named(QLineEdit(), "file_path")
        self.file_path.setPlaceholderText(self.tr("The scanned, signed declaration"))
        self.browse = named(QPushButton(self.tr("Choose…")), "browse")
        self.browse.clicked.connect(self._browse)
        self._file_dialog: QFileDialog | None = None

        until = QWidget()
        row = QHBoxLayout(until)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.valid_until)
        row.addWidget(self.no_end)
        row.addStretch(1)
        file_row = QWidget()
        row = QHBoxLayout(file_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.file_path, 1)
        row.addWidget(self.browse)
        form = new_form()
        form.addRow(self.tr("Declaration"), self.field("kind", self.kind))
        form.addRow(self.tr("Scope"), self.field("scope", self.scope))
        form.addRow(self.tr("Meeting"), self.field("meeting_id", self.meeting))
        form.addRow(self.tr("Project"), self.field("project_id", self.project))
        form.addRow(self.tr("Signed on"), self.field("signed_on", self.signed_on))
        form.addRow(self.tr("Valid until"), self.field("valid_until", until))
        form.addRow(self.tr("Interests"), self.field("interests", self.interests))
        form.addRow(self.tr("Signed file"), self.field("path", file_row))
        body = QVBoxLayout()
        body.addLayout(form)

        self.kind.currentIndexChanged.connect(lambda _i: self.touch("kind"))
        self.scope.currentIndexChanged.connect(self._scope_changed)
        self.meeting.currentIndexChanged.connect(lambda _i: self.touch("meeting_id"))
        self.project.currentIndexChanged.connect(lambda _i: self.touch("project_id"))
        self.signed_on.dateChanged.connect(lambda _d: self.touch("signed_on"))
        self.valid_until.dateChanged.connect(lambda _d: self.touch("valid_until"))
        self.no_end.toggled.connect(self._no_end)
        self.file_path.textChanged.connect(lambda _t: self.touch("path"))
        self.ok_button.setText(self.tr("Add declaration"))
        self._scope_changed()
        self.finish_layout(body)
        self.setMinimumWidth(520)

    def _scope_changed(self, _index: int = 0) -> None:
        scope = self.scope.currentData()
        self.meeting.setEnabled(scope == "meeting")
        self.project.setEnabled(scope == "project")
        self.touch("scope")

    def _no_end(self, checked: bool) -> None:
        self.valid_until.setEnabled(not checked)
        self.touch("valid_until")

    def _browse(self) -> None:
        # Non-modal and Qt's own dialog, so nothing here blocks a test or a screenshot.
        dialog = QFileDialog(self, self.tr("Choose the signed declaration"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.fileSelected.connect(self.file_path.setText)
        self._file_dialog = dialog
        dialog.open()

    def problems(self) -> dict[str, str]:
        problems: dict[str, str] = {}
        scope = self.scope.currentData()
        if scope == "meeting" and self.meeting.currentData() is None:
            problems["meeting_id"] = self.tr("The committee has no meeting to choose yet.")
        if scope == "project" and self.project.currentData() is None:
            problems["project_id"] = self.tr("The committee has no project to choose yet.")
        until = None if self.no_end.isChecked() else date_of(self.valid_until)
        if until is not None and until < date_of(self.signed_on):
            problems["valid_until"] = self.tr("It cannot run out before it was signed.")
        path = self.file_path.text().strip()
        if path and not Path(path).is_file():
            problems["path"] = self.tr("There is no file at this path.")
        return problems

    def change(self) -> Change[object]:
        scope = self.scope.currentData()
        values = {
            "person_id": self.person_id,
            "committee_id": self.committee_id,
            "kind": self.kind.currentData(),
            "scope": scope,
            "signed_on": date_of(self.signed_on),
            "valid_until": None if self.no_end.isChecked() else date_of(self.valid_until),
            "meeting_id": self.meeting.currentData() if scope == "meeting" else None,
            "project_id": self.project.currentData() if scope == "project" else None,
            "interests": self.interests.toPlainText().strip(),
        }
        path = self.file_path.text().strip()
        return partial(roster.add_declaration, **values, signed_file=Path(path) if path else None)


class PersonRecordsPanel(QWidget):
    """Training and declarations of the member chosen in the roster."""

    changed = Signal()  # a record was added: the roster's status columns read again

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.committee_id: int | None = None
        self.person_id: int | None = None
        self.name = ""
        self._as_of: Callable[[], date] = ctx.today
        self.dialog: GuardedDialog | None = None
        self._file_dialog: QFileDialog | None = None

        self.heading = named(secondary_label(), "records_heading")
        self.training_model = TrainingModel(self)
        self.declaration_model = DeclarationModel(self)
        self.training = records_table("training", TrainingModel.COL_COURSE)
        self.training_proxy = sorted_view(self.training, self.training_model)
        self.declarations = records_table("declarations", DeclarationModel.COL_FILE)
        self.declarations_proxy = sorted_view(self.declarations, self.declaration_model)
        self.add_training = named(QPushButton(self.tr("Add training…")), "add_training")
        self.add_declaration = named(QPushButton(self.tr("Add declaration…")), "add_declaration")
        self.attach = named(QPushButton(self.tr("Attach signed file…")), "attach_file")
        self.attach.setToolTip(self.tr("Attach the signed file to the chosen declaration"))
        self.attach_error = error_label("attach_error")

        training_box = QGroupBox(self.tr("Training"))
        column = QVBoxLayout(training_box)
        column.addWidget(self.training, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_training)
        buttons.addStretch(1)
        column.addLayout(buttons)
        declarations_box = QGroupBox(self.tr("Declarations"))
        column = QVBoxLayout(declarations_box)
        column.addWidget(self.declarations, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_declaration)
        buttons.addWidget(self.attach)
        buttons.addStretch(1)
        column.addLayout(buttons)
        column.addWidget(self.attach_error)

        boxes = QHBoxLayout()
        boxes.addWidget(training_box, 2)
        boxes.addWidget(declarations_box, 3)  # five columns, one of them file names
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.heading)
        layout.addLayout(boxes, 1)

        self.add_training.clicked.connect(self.open_training_dialog)
        self.add_declaration.clicked.connect(self.open_declaration_dialog)
        self.attach.clicked.connect(self._choose_file)
        self.declarations.selectionModel().selectionChanged.connect(self._enable)
        self.show_person(None, "")

    def set_committee(self, committee_id: int | None, as_of: Callable[[], date]) -> None:
        """Work with ``committee_id``; ``as_of`` is the day the page's composition panel
        looks at."""
        self.committee_id = committee_id
        self._as_of = as_of
        self.show_person(None, "")

    def show_person(self, person_id: int | None, name: str) -> None:
        self.person_id = person_id
        self.name = name
        if person_id is None:
            self.heading.setText(
                self.tr("Choose a member in the roster to see their training and declarations.")
            )
        else:
            self.heading.setText(self.tr("Training and declarations of {name}").format(name=name))
        self.reload()

    def reload(self) -> None:
        today = self.ctx.today()
        training: list = []
        declarations: list = []
        if self.person_id is not None and self.committee_id is not None:
            training = self.ctx.read(training_of, self.person_id)
            declarations = self.ctx.read(declarations_of, self.person_id, self.committee_id)
        self.training_model.set_records(training, today)
        self.declaration_model.set_records(declarations, today)
        self.attach_error.hide()
        self._enable()

    def _enable(self, *_args: object) -> None:
        has_person = self.person_id is not None and self.committee_id is not None
        self.add_training.setEnabled(has_person)
        self.add_declaration.setEnabled(has_person)
        self.attach.setEnabled(has_person and self.selected_declaration() is not None)

    def selected_declaration(self) -> int | None:
        rows = self.declarations.selectionModel().selectedRows()
        if not rows:
            return None
        return int(rows[0].data(RECORD_ID_ROLE))

    def open_training_dialog(self) -> TrainingDialog | None:
        if self.person_id is None or self.committee_id is None:
            return None
        dialog = TrainingDialog(
            self.ctx, self.committee_id, self._as_of, self.person_id, self.name, self
        )
        self._open(dialog)
        return dialog

    def open_declaration_dialog(self) -> DeclarationDialog | None:
        if self.person_id is None or self.committee_id is None:
            return None
        dialog = DeclarationDialog(
            self.ctx, self.committee_id, self._as_of, self.person_id, self.name, self
        )
        self._open(dialog)
        return dialog

    def _open(self, dialog: GuardedDialog) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._saved)
        dialog.finished.connect(self._closed)
        dialog.open()

    def _closed(self, _result: int) -> None:
        self.dialog = None

    def _saved(self) -> None:
        self.reload()
        self.changed.emit()

    def _choose_file(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose the signed declaration"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.fileSelected.connect(lambda path: self.attach_file(Path(path)))
        self._file_dialog = dialog
        dialog.open()

    def attach_file(self, path: Path) -> bool:
        """Attach ``path`` to the chosen declaration; False (with the reason shown) when
        it cannot be attached."""
        declaration_id = self.selected_declaration()
        if declaration_id is None:
            return False
        try:
            self.ctx.write(
                attachments.attach_path,
                path=path,
                owner_type="declaration",
                owner_id=declaration_id,
                document_type=roster.SIGNED_DECLARATION,
            )
        except UserError as exc:
            self.attach_error.setText(field_error_text(exc))
            self.attach_error.show()
            return False
        self.reload()
        self.changed.emit()
        return True
