"""The committee page: the roster, the live composition check beside it, a member's
training and declarations, and the consultants.

``RosterPageView`` lays the widgets out; ``CommitteeRosterPage`` is its controller: it
loads the roster and the check for the committee of the page context through the
application context's read models, opens the dialogs (never modal to the application, never
``exec()``), and after every saved change reads the roster and the check again. Search,
filters and sorting are the roster query's (``RosterModel``): no proxy filters the pages
read so far.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelection, QModelIndex, Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.domain.vocabulary import ROLES
from app.services.queries.records import consultants_of
from app.ui.committee.composition_panel import CompositionPanel
from app.ui.committee.dialog_base import GuardedDialog
from app.ui.committee.membership_dialog import EndMembershipDialog, MembershipDialog
from app.ui.committee.person_records import PersonRecordsPanel, records_table, sorted_view
from app.ui.committee.records_model import ConsultantModel
from app.ui.committee.roster_model import (
    COL_NAME,
    COL_PROFESSION,
    ROW_ROLE,
    RosterModel,
    RosterRow,
)
from app.ui.labels import display_name, profile_name
from app.ui.pages.base import PAGE_MARGINS, Page, PageContext, named, secondary_label
from app.ui.vocabulary import name

HEADER_MARGINS = (12, 12, 12, 4)
PANEL_WIDTH = 320  # the composition panel's starting width
COLUMN_LIMITS = {COL_NAME: 160, COL_PROFESSION: 130}  # longer texts are elided
HEADER_PADDING = 13  # room around a header's text (the style's margins, with some air)


class RosterTableView(QTableView):
    """The roster table; Enter edits the current row and Delete ends its membership."""

    edit_requested = Signal()
    end_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.edit_requested.emit()
            event.accept()
        elif key == Qt.Key.Key_Delete and self.currentIndex().isValid():
            self.end_requested.emit()
            event.accept()
        else:
            super().keyPressEvent(event)


class RosterPageView(QWidget):
    """The roster page's widgets and layout; no data, no logic."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.add_button = named(QPushButton(self.tr("Add member…")), "add_member")
        self.edit_button = named(QPushButton(self.tr("Edit…")), "edit_member")
        self.end_button = named(QPushButton(self.tr("End membership…")), "end_membership")
        self.history = named(QCheckBox(self.tr("Show history")), "show_history")
        self.history.setToolTip(self.tr("Also list memberships that have ended"))
        self.status = named(QComboBox(), "status_filter")
        self.status.addItem(self.tr("Current and ended"), "all")
        self.status.addItem(self.tr("Current only"), "current")
        self.status.addItem(self.tr("Ended only"), "ended")
        self.status.hide()
        self.role_filter = named(QComboBox(), "role_filter")
        self.role_filter.addItem(self.tr("All roles"), None)
        for role in ROLES:
            self.role_filter.addItem(name(ROLES, role), role)
        self.search = named(QLineEdit(), "search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search name, profession, employer, expertise"))
        self.search.setMinimumWidth(180)
        self.count = named(secondary_label(), "roster_count")
        self.count.setWordWrap(False)

        self.table = named(RosterTableView(), "roster")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)

        self.records = named(PersonRecordsPanel(ctx), "person_records")
        self.consultants = records_table("consultants", ConsultantModel.COL_NOTE)
        self.consultant_model = ConsultantModel(self)
        sorted_view(self.consultants, self.consultant_model)
        self.consultants_note = named(
            secondary_label(
                self.tr(
                    "Independent consultants advise on a project or submission. They are not "
                    "members: they never vote and never count toward the composition."
                )
            ),
            "consultants_note",
        )
        consultants_tab = QWidget()
        column = QVBoxLayout(consultants_tab)
        column.setContentsMargins(6, 6, 6, 6)
        column.addWidget(self.consultants_note)
        column.addWidget(self.consultants, 1)
        self.tabs = named(QTabWidget(), "roster_tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.records, self.tr("Training and declarations"))
        self.tabs.addTab(consultants_tab, self.tr("Consultants"))

        self.panel = named(CompositionPanel(ctx), "composition_panel")
        self.panel.preferred_width = PANEL_WIDTH

        toolbar = QHBoxLayout()
        toolbar.setSpacing(6)
        for widget in (self.add_button, self.edit_button, self.end_button):
            toolbar.addWidget(widget)
        toolbar.addSpacing(12)
        toolbar.addWidget(self.history)
        toolbar.addWidget(self.status)
        toolbar.addSpacing(12)
        self.role_label = QLabel(self.tr("Role"))
        self.role_label.setBuddy(self.role_filter)
        toolbar.addWidget(self.role_label)
        toolbar.addWidget(self.role_filter)
        toolbar.addWidget(self.search, 1)

        roster_area = QWidget()
        column = QVBoxLayout(roster_area)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addWidget(self.table, 1)
        column.addWidget(self.count)

        self.left = named(QSplitter(Qt.Orientation.Vertical), "roster_split")
        self.left.setChildrenCollapsible(False)
        self.left.addWidget(roster_area)
        self.left.addWidget(self.tabs)
        self.left.setStretchFactor(0, 3)
        self.left.setStretchFactor(1, 1)

        self.splitter = named(QSplitter(Qt.Orientation.Horizontal), "page_split")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(HEADER_MARGINS[0], 0, HEADER_MARGINS[2], 12)
        layout.setSpacing(8)
        layout.addLayout(toolbar)
        layout.addWidget(self.splitter, 1)


class CommitteeRosterPage(Page):
    """The "committee" page: the roster of the committee the window works with."""

    roster_changed = Signal()  # a membership, training or declaration was saved

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.committee_id: int | None = None
        self.lang = ctx.lang
        self.dialog: GuardedDialog | None = None

        self.view = named(RosterPageView(ctx, self), "roster_page")
        self.layout().addWidget(self.view)
        self.view.hide()
        self.model = RosterModel(ctx, self)
        view = self.view
        view.table.setModel(self.model)
        view.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        view.table.setSortingEnabled(True)
        view.table.horizontalHeader().sortIndicatorChanged.connect(self._fit_sorted)

        view.add_button.clicked.connect(self.add_member)
        view.edit_button.clicked.connect(self.edit_member)
        view.end_button.clicked.connect(self.end_membership)
        view.table.doubleClicked.connect(self._double_clicked)
        view.table.edit_requested.connect(self.edit_member)
        view.table.end_requested.connect(self.end_membership)
        view.table.selectionModel().selectionChanged.connect(self._selection_changed)
        view.history.toggled.connect(self.set_show_history)
        view.status.currentIndexChanged.connect(
            lambda _i: self._requery(lambda: self.model.set_status(view.status.currentData()))
        )
        view.role_filter.currentIndexChanged.connect(
            lambda _i: self._requery(lambda: self.model.set_role(view.role_filter.currentData()))
        )
        view.search.textChanged.connect(
            lambda text: self._requery(lambda: self.model.set_search(text))
        )
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset):
            signal.connect(self._show_count)
        view.records.changed.connect(self._records_changed)

    # --- the page interface -----------------------------------------------------------------

    def refresh(self, context: PageContext) -> None:
        committee = context.committee
        self.lang = context.lang
        if committee is None:
            self.committee_id = None
            self.view.hide()
            self.state.layout().setContentsMargins(*PAGE_MARGINS)
            self.state.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
            # The texts (and translations) of the page this one replaced.
            self.show_needs_committee(
                QCoreApplication.translate("CommitteePage", "No committee yet"),
                QCoreApplication.translate(
                    "CommitteePage",
                    "The committee's roster is kept here: its members with their roles, "
                    "expertise, affiliation and terms of office.",
                ),
            )
            self.model.load(None, self.ctx.today())
            self.view.panel.set_committee(None, self.lang, keep_date=False)
            return
        same = committee.id == self.committee_id
        selected = self.selected_row() if same else None
        if not same and self.committee_id is not None:  # another committee: its whole roster
            self.view.search.clear()
            self.view.role_filter.setCurrentIndex(0)
            self.view.history.setChecked(False)
        self.committee_id = committee.id
        self._show_header(context)
        self.view.records.set_committee(committee.id, self.view.panel.as_of_date)
        self.model.load(committee.id, self.ctx.today())
        self._fit_columns()
        self.view.panel.set_committee(committee.id, self.lang, keep_date=same)
        self._load_consultants()
        self.view.show()
        if selected is not None:
            self.select_membership(selected.membership_id)
        if self.selected_row() is None and self.model.rowCount():
            self.view.table.selectRow(0)  # a member's records show from the start
        self._selection_changed()

    # --- header -------------------------------------------------------------------------

    def _show_header(self, context: PageContext) -> None:
        committee = context.committee
        assert committee is not None
        parts = []
        institution = context.overview.institution(committee.institution_id)
        if institution is not None:
            parts.append(display_name(institution.name_zh, institution.name_en, context.lang))
        if committee.profile_id is not None:
            parts.append(profile_name(committee.profile_id))
        else:
            parts.append(self.tr("No regulatory profile in force today"))
        self.state.show_state(
            display_name(committee.name_zh, committee.name_en, context.lang), " · ".join(parts)
        )
        self.state.layout().setContentsMargins(*HEADER_MARGINS)
        self.state.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    # --- loading ----------------------------------------------------------------------------

    def _fit_columns(self) -> None:
        """Columns as wide as the rows read so far and their headers need.

        Measured here rather than by ``resizeColumnsToContents`` (which asks the delegate
        for every cell): the widest text of a column, with and without a status mark, is
        sized by the delegate; the others only by the font. Qt would also reserve room for
        a sort arrow in every header; only the sorted column gets it (``_fit_sorted``).
        """
        table = self.view.table
        header = table.horizontalHeader()
        model = self.model
        metrics = QFontMetrics(table.font())
        header_metrics = QFontMetrics(header.font())
        for column in range(model.columnCount()):
            widest: dict[bool, tuple[int, int]] = {}  # has a mark → (text width, row)
            for row in range(model.rowCount()):
                width = metrics.horizontalAdvance(model.text(row, column))
                marked = model.has_mark(row, column)
                if width > widest.get(marked, (-1, -1))[0]:
                    widest[marked] = (width, row)
            needed = 0
            for _marked, (_width, row) in widest.items():
                needed = max(needed, table.sizeHintForIndex(model.index(row, column)).width() + 1)
            text = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            needed = max(needed, header_metrics.horizontalAdvance(text) + HEADER_PADDING)
            limit = COLUMN_LIMITS.get(column)
            if limit is not None:
                needed = min(
                    needed, max(limit, header_metrics.horizontalAdvance(text) + HEADER_PADDING)
                )
            header.resizeSection(column, needed)
        self._fit_sorted(header.sortIndicatorSection())

    def _fit_sorted(self, section: int, _order: object = None) -> None:
        header = self.view.table.horizontalHeader()
        if 0 <= section < header.count():
            text = str(self.model.headerData(section, Qt.Orientation.Horizontal) or "")
            needed = max(
                header.sectionSizeHint(section),
                QFontMetrics(header.font()).horizontalAdvance(text) + HEADER_PADDING + 14,
            )
            if header.sectionSize(section) < needed:
                header.resizeSection(section, needed)

    def _load_consultants(self) -> None:
        records = []
        if self.committee_id is not None:
            records = self.ctx.read(consultants_of, self.committee_id)
        self.view.consultant_model.set_records(records, self.ctx.today())
        self.view.tabs.setTabText(1, self.tr("Consultants ({count})").format(count=len(records)))

    def set_show_history(self, show: bool) -> None:
        view = self.view
        if view.history.isChecked() != show:
            view.history.setChecked(show)  # comes back here through toggled
            return
        view.status.setVisible(show)
        if not show:
            view.status.blockSignals(True)
            view.status.setCurrentIndex(0)
            view.status.blockSignals(False)
        self._requery(lambda: self.model.set_show_history(show))

    def _requery(self, change: object) -> None:
        """Change the roster query (search, a filter) keeping the selected member selected
        when the new query still finds them."""
        selected = self.selected_row()
        change()  # type: ignore[operator]
        if selected is not None:
            self.select_membership(selected.membership_id)
        self._selection_changed()

    def _show_count(self, *_args: object) -> None:
        found = self.model.total
        everyone = self.roster_size
        if found == everyone:
            text = self.tr("{count} memberships").format(count=found)
        else:
            text = self.tr("{shown} of {count} memberships shown").format(
                shown=found, count=everyone
            )
        self.view.count.setText(text)

    @property
    def roster_size(self) -> int:
        """How many memberships the roster holds without search or role filter (history
        included when shown)."""
        if self.committee_id is None:
            return 0
        if not self.model.search and self.model.role is None and self.model.status == "all":
            return self.model.total
        from app.services.queries.roster import RosterQuery, count_roster

        return self.ctx.read(
            count_roster,
            RosterQuery(self.committee_id, self.model.day, history=self.model.show_history),
        )

    # --- selection --------------------------------------------------------------------------

    def selected_row(self) -> RosterRow | None:
        rows = self.view.table.selectionModel().selectedRows()
        if not rows:
            return None
        row = rows[0].data(ROW_ROLE)
        return row if isinstance(row, RosterRow) else None

    def select_membership(self, membership_id: int) -> bool:
        """Select the row of ``membership_id`` (reading more pages if needed); False when the
        query (search, filters) does not find it."""
        row = self.model.row_of_membership(membership_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.view.table.setCurrentIndex(index)
        self.view.table.selectRow(row)
        return True

    def _selection_changed(self, *_args: QItemSelection) -> None:
        row = self.selected_row()
        current = row is not None and not row.ended
        view = self.view
        view.edit_button.setEnabled(current)
        view.end_button.setEnabled(current)
        tip = self.tr(
            "An ended membership stays as history; add a new one to seat the person again."
        )
        for button in (view.edit_button, view.end_button):
            button.setToolTip(tip if row is not None and row.ended else "")
        view.add_button.setEnabled(self.committee_id is not None)
        if not current and row is None:
            view.records.show_person(None, "")
        elif row.person_id != view.records.person_id:
            view.records.show_person(row.person_id, row.name_zh)

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.edit_member()

    # --- actions ----------------------------------------------------------------------------

    def add_member(self) -> MembershipDialog | None:
        if self.committee_id is None:
            return None
        dialog = MembershipDialog(
            self.ctx, self.committee_id, self.view.panel.as_of_date, None, self
        )
        self._open(dialog)
        return dialog

    def edit_member(self) -> MembershipDialog | None:
        row = self.selected_row()
        if row is None or row.ended or self.committee_id is None:
            return None
        dialog = MembershipDialog(
            self.ctx, self.committee_id, self.view.panel.as_of_date, row.membership_id, self
        )
        self._open(dialog)
        return dialog

    def end_membership(self) -> EndMembershipDialog | None:
        row = self.selected_row()
        if row is None or row.ended or self.committee_id is None:
            return None
        dialog = EndMembershipDialog(
            self.ctx, self.committee_id, self.view.panel.as_of_date, row.membership_id, self
        )
        self._open(dialog)
        return dialog

    def _open(self, dialog: GuardedDialog) -> None:
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._saved(dialog))
        dialog.finished.connect(lambda _r: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog: GuardedDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _saved(self, dialog: GuardedDialog) -> None:
        membership_id = getattr(dialog, "saved_membership_id", None)
        if membership_id is None and isinstance(dialog, EndMembershipDialog):
            membership_id = dialog.membership_id
        self.reload()
        if membership_id is not None:
            self.select_membership(membership_id)
        self.roster_changed.emit()

    def _records_changed(self) -> None:
        selected = self.selected_row()
        self.reload()
        if selected is not None:
            self.select_membership(selected.membership_id)
        self.roster_changed.emit()

    def reload(self) -> None:
        """Read the roster and the composition check again (after a change)."""
        if self.committee_id is None:
            return
        self.model.reload()
        self._fit_columns()
        self.view.panel.evaluate()
        self._selection_changed()
