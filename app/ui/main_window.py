"""The main window: the committee switcher on top, navigation on the left, one page per
entry, data location below; the Committee and Roster menus.

It holds the application context and hands it to the pages. A page is built the first
time it is shown (the dashboard at once), so the window opens as fast as its first page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from app.context import AppContext
from app.db import describe_database
from app.services.queries.overview import Overview, load_overview
from app.ui.icons import icon
from app.ui.labels import display_name, other_name
from app.ui.pages.base import Page, PageContext, named
from app.ui.pages.dashboard import DashboardPage
from app.ui.roster_io.files import FileChooser

if TYPE_CHECKING:
    from app.ui.roster_io import RosterTransfer
    from app.ui.setup import CommitteeSettingsDialog

# Page ids, in navigation order; ``ethicsdesk shot --page`` uses the same names.
PAGE_IDS = ("dashboard", "committee", "dossiers", "reviews", "meetings", "documents", "settings")

GEOMETRY_KEY = "main_window/geometry"
NAVIGATION_STYLE = """
QListWidget#navigation {
    border: none; border-right: 1px solid #d9dee4; background: #f6f8fa;
    padding-top: 10px; outline: 0;
}
QListWidget#navigation::item { margin: 1px 8px; padding: 7px 10px; border-radius: 6px; }
QListWidget#navigation::item:selected { background: #dce7f3; color: #14324f; }
QListWidget#navigation::item:hover:!selected { background: #eef2f6; }
"""
COMMITTEE_BAR_STYLE = """
QToolBar#committee_bar { border: none; border-bottom: 1px solid #d9dee4; spacing: 8px;
    padding: 4px 10px; }
"""


class MainWindow(QMainWindow):
    """Navigation plus pages, on the application context ``ctx``. ``settings`` keeps the
    window geometry; None (tests, screenshots) keeps nothing. ``page`` is the page shown
    first."""

    def __init__(
        self,
        ctx: AppContext,
        *,
        settings: QSettings | None = None,
        committee_id: int | None = None,
        page: str = "dashboard",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lang = ctx.lang
        self._settings = settings
        self._committee_id = committee_id
        self._context: PageContext | None = None
        self.overview = Overview(institutions=())
        self.setWindowIcon(icon("ethicsdesk"))

        self.dashboard = DashboardPage(ctx)
        self.pages: dict[str, QWidget] = {"dashboard": self.dashboard}
        labels = {
            "dashboard": self.tr("Dashboard"),
            "committee": self.tr("Committee"),
            "dossiers": self.tr("Dossiers"),
            "reviews": self.tr("Reviews"),
            "meetings": self.tr("Meetings"),
            "documents": self.tr("Documents"),
            "settings": self.tr("Settings"),
        }

        self.navigation = named(QListWidget(), "navigation")
        self.navigation.setIconSize(QSize(20, 20))
        self.navigation.setStyleSheet(NAVIGATION_STYLE)
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = named(QStackedWidget(), "pages")
        # Pages sit on the base colour (white in light themes), the navigation beside them.
        self.stack.setBackgroundRole(QPalette.ColorRole.Base)
        self.stack.setAutoFillBackground(True)
        self._slots: dict[str, QWidget] = {}
        for number, page_id in enumerate(PAGE_IDS, start=1):
            item = QListWidgetItem(icon(f"nav-{page_id}"), labels[page_id])
            item.setData(Qt.ItemDataRole.UserRole, page_id)
            item.setToolTip(f"{labels[page_id]} (Ctrl+{number})")
            self.navigation.addItem(item)
            # a placeholder until the page is first shown
            slot = self.dashboard if page_id == "dashboard" else QWidget()
            self._slots[page_id] = slot
            self.stack.addWidget(slot)
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.activated.connect(lambda p=page_id: self.show_page(p))
        self.navigation.setFixedWidth(max(180, self.navigation.sizeHintForColumn(0) + 2 * 6 + 8))
        self.navigation.currentRowChanged.connect(self._row_changed)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.location = named(QLabel(), "data_location")
        self.location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.location.setText(
            self.tr("Data: {location}").format(location=describe_database(ctx.db.url))
        )
        self.statusBar().addPermanentWidget(self.location)

        quit_action = QAction(self.tr("Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.addAction(quit_action)

        self.dashboard.committee_created.connect(self._committee_created)
        self.dashboard.demo_built.connect(self._demo_built)
        self.dashboard.committee_chosen.connect(self.set_committee)

        self.file_chooser = FileChooser()
        self.settings_dialog: CommitteeSettingsDialog | None = None
        self._roster_transfer: RosterTransfer | None = None
        self._build_committee_bar()
        self._build_menus()

        self.resize(1200, 780)
        if settings is not None:
            geometry = settings.value(GEOMETRY_KEY)
            if isinstance(geometry, QByteArray | bytes):
                self.restoreGeometry(QByteArray(geometry))
        self.refresh()
        self.show_page(page)

    # --- pages, built when first shown ------------------------------------------------------

    def _build_page(self, page_id: str) -> QWidget:
        ctx = self.ctx
        page: QWidget
        if page_id == "committee":
            from app.ui.committee import CommitteeRosterPage

            committee_page = CommitteeRosterPage(ctx)
            # The dashboard's seat counts and expiries follow every roster change.
            committee_page.roster_changed.connect(lambda: self.refresh(skip="committee"))
            page = committee_page
        else:
            from app.ui.pages import workspace

            page = {
                "dossiers": workspace.DossiersPage,
                "reviews": workspace.ReviewsPage,
                "meetings": workspace.MeetingsPage,
                "documents": workspace.DocumentsPage,
                "settings": workspace.SettingsPage,
            }[page_id](ctx)
            if isinstance(page, workspace.SettingsPage):
                page.committee_settings_requested.connect(self.open_committee_settings)
        if isinstance(page, Page):
            page.setup_requested.connect(self.show_welcome)
        return page

    def page(self, page_id: str) -> QWidget:
        """The page ``page_id``, built (and drawn from the data) if it was not yet."""
        if page_id not in self.pages:
            if page_id not in PAGE_IDS:
                raise ValueError(f"unknown page {page_id!r} (pages: {', '.join(PAGE_IDS)})")
            page = self._build_page(page_id)
            index = PAGE_IDS.index(page_id)
            placeholder = self._slots[page_id]
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self._slots[page_id] = page
            self.pages[page_id] = page
            if self._context is not None:
                page.refresh(self._context)  # type: ignore[attr-defined]
        return self.pages[page_id]

    def _row_changed(self, row: int) -> None:
        if 0 <= row < len(PAGE_IDS):
            page = self.page(PAGE_IDS[row])
            self.stack.setCurrentWidget(page)

    # --- navigation ---------------------------------------------------------------------

    def show_page(self, page_id: str) -> None:
        """Show the page ``page_id`` (one of PAGE_IDS); ValueError for any other."""
        if page_id not in PAGE_IDS:
            raise ValueError(f"unknown page {page_id!r} (pages: {', '.join(PAGE_IDS)})")
        self.navigation.setCurrentRow(PAGE_IDS.index(page_id))
        self._row_changed(PAGE_IDS.index(page_id))

    def current_page_id(self) -> str:
        return PAGE_IDS[self.stack.currentIndex()]

    def show_welcome(self) -> None:
        self.show_page("dashboard")
        if self.dashboard.showing_welcome():
            self.dashboard.welcome.focus_form()

    # --- data -----------------------------------------------------------------------------

    @property
    def committee_id(self) -> int | None:
        return self._committee_id

    def set_committee(self, committee_id: int) -> None:
        """Work with committee ``committee_id``; ValueError when there is none by that id."""
        if self.overview.committee(committee_id) is None:
            raise ValueError(f"no committee with id {committee_id}")
        self._committee_id = committee_id
        self.refresh()

    def refresh(self, *, skip: str | None = None) -> None:
        """Read the data again and redraw title and pages (all but ``skip``, a page that
        has just redrawn itself)."""
        self.overview = self.ctx.read(load_overview, self.ctx.today())
        committee = self.overview.committee(self._committee_id)
        if committee is None and self.overview.committees:
            committee = self.overview.committees[0]
        self._committee_id = committee.id if committee else None
        self._update_committee_bar()
        if committee is None:
            self.setWindowTitle("EthicsDesk")
        else:
            name = display_name(committee.name_zh, committee.name_en, self.lang)
            self.setWindowTitle(f"EthicsDesk — {name}")
        context = PageContext(
            overview=self.overview,
            committee=committee,
            lang=self.lang,
            database=describe_database(self.ctx.db.url),
            paths=self.ctx.paths,
        )
        self._context = context
        for page_id, page in self.pages.items():
            if page_id != skip:
                page.refresh(context)  # type: ignore[attr-defined]

    # --- the committee switcher and the committee's settings ---------------------------------

    def _build_committee_bar(self) -> None:
        bar = named(QToolBar(self.tr("Committee")), "committee_bar")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.toggleViewAction().setVisible(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.setStyleSheet(COMMITTEE_BAR_STYLE)
        label = QLabel(self.tr("Committee:"))
        self.switcher = named(QComboBox(), "committee_switcher")
        self.switcher.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.switcher.setMinimumContentsLength(16)
        self.switcher.currentIndexChanged.connect(self._switcher_changed)
        label.setBuddy(self.switcher)
        self.settings_action = QAction(self.tr("Committee settings…"), self)
        self.settings_action.triggered.connect(lambda: self.open_committee_settings())
        self.new_committee_action = QAction(self.tr("New committee…"), self)
        self.new_committee_action.triggered.connect(lambda: self.open_new_committee())
        bar.addWidget(label)
        bar.addWidget(self.switcher)
        bar.addSeparator()
        bar.addAction(self.settings_action)
        bar.addAction(self.new_committee_action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.committee_bar = bar

    def _build_menus(self) -> None:
        committee = self.menuBar().addMenu(self.tr("&Committee"))
        committee.setObjectName("committee_menu")
        committee.addAction(self.settings_action)
        committee.addAction(self.new_committee_action)
        roster = self.menuBar().addMenu(self.tr("&Roster"))
        roster.setObjectName("roster_menu")
        self.import_action = QAction(self.tr("Import roster…"), self)
        self.import_action.triggered.connect(lambda: self.roster_transfer.import_roster())
        self.export_json_action = QAction(self.tr("Export roster as JSON…"), self)
        self.export_json_action.triggered.connect(
            lambda: self.roster_transfer.export_roster("json")
        )
        self.export_csv_action = QAction(self.tr("Export roster as CSV…"), self)
        self.export_csv_action.triggered.connect(lambda: self.roster_transfer.export_roster("csv"))
        roster.addAction(self.import_action)
        roster.addSeparator()
        roster.addAction(self.export_json_action)
        roster.addAction(self.export_csv_action)

    def _update_committee_bar(self) -> None:
        """List the committees (names in the UI language) with the current one chosen."""
        committees = self.overview.committees
        several = len(self.overview.institutions) > 1
        self.switcher.blockSignals(True)
        self.switcher.clear()
        for committee in committees:
            text = display_name(committee.name_zh, committee.name_en, self.lang)
            institution = self.overview.institution(committee.institution_id)
            if several and institution is not None:
                text = self.tr("{committee} ({institution})").format(
                    committee=text,
                    institution=display_name(institution.name_zh, institution.name_en, self.lang),
                )
            self.switcher.addItem(text, committee.id)
            second = other_name(committee.name_zh, committee.name_en, self.lang)
            if second:
                self.switcher.setItemData(
                    self.switcher.count() - 1, second, Qt.ItemDataRole.ToolTipRole
                )
        self.switcher.setCurrentIndex(self.switcher.findData(self._committee_id))
        self.switcher.blockSignals(False)
        has_committee = bool(committees)
        self.committee_bar.setVisible(has_committee)
        for action in (
            self.settings_action,
            self.new_committee_action,
            self.import_action,
            self.export_json_action,
            self.export_csv_action,
        ):
            action.setEnabled(has_committee)

    def _switcher_changed(self, index: int) -> None:
        committee_id = self.switcher.itemData(index)
        if isinstance(committee_id, int) and committee_id != self._committee_id:
            self.set_committee(committee_id)

    def open_committee_settings(self) -> CommitteeSettingsDialog | None:
        """Show the current committee's settings (non-modal); None without a committee."""
        from app.ui.setup import CommitteeSettingsDialog

        if self._committee_id is None:
            self.show_welcome()
            return None
        return self._show_settings(
            CommitteeSettingsDialog(
                self.ctx, committee_id=self._committee_id, chooser=self.file_chooser, parent=self
            )
        )

    def open_new_committee(self) -> CommitteeSettingsDialog | None:
        """The settings form for a new committee of the current committee's institution."""
        from app.ui.setup import CommitteeSettingsDialog

        committee = self.overview.committee(self._committee_id)
        if committee is None:
            self.show_welcome()
            return None
        return self._show_settings(
            CommitteeSettingsDialog(
                self.ctx,
                institution_id=committee.institution_id,
                chooser=self.file_chooser,
                parent=self,
            )
        )

    def _show_settings(self, dialog: CommitteeSettingsDialog) -> CommitteeSettingsDialog:
        if self.settings_dialog is not None:
            self.settings_dialog.close()
        dialog.saved.connect(self._settings_saved)
        dialog.committee_created.connect(self._committee_created)
        dialog.finished.connect(lambda _result, d=dialog: self._settings_closed(d))
        self.settings_dialog = dialog
        dialog.show()
        return dialog

    def _settings_closed(self, dialog: CommitteeSettingsDialog) -> None:
        if self.settings_dialog is dialog:
            self.settings_dialog = None
        dialog.deleteLater()

    def _settings_saved(self, _committee_id: int) -> None:
        self.refresh()
        self.statusBar().showMessage(self.tr("The committee's settings have been saved."), 8000)

    # --- roster import and export -----------------------------------------------------------

    @property
    def roster_transfer(self) -> RosterTransfer:
        """Import and export of the current committee's roster (made when first used)."""
        if self._roster_transfer is None:
            from app.ui.roster_io import RosterTransfer

            transfer = RosterTransfer(
                self.ctx, lambda: self._committee_id, chooser=self.file_chooser, parent=self
            )
            transfer.imported.connect(self._roster_imported)
            transfer.exported.connect(self._roster_exported)
            transfer.failed.connect(self._show_problem)
            self._roster_transfer = transfer
        return self._roster_transfer

    def _roster_imported(self, committee_id: int, count: int) -> None:
        self._committee_id = committee_id
        self.refresh()
        message = (
            self.tr("One member was imported into the roster.")
            if count == 1
            else self.tr("{count} members were imported into the roster.").format(count=count)
        )
        self.statusBar().showMessage(message, 8000)

    def _roster_exported(self, path: str) -> None:
        self.statusBar().showMessage(self.tr("Roster exported to {path}").format(path=path))

    def _show_problem(self, message: str) -> None:
        self.statusBar().showMessage(message)

    def _committee_created(self, committee_id: int) -> None:
        self._committee_id = committee_id
        self.refresh()
        self.statusBar().showMessage(self.tr("The committee has been set up."), 8000)

    def _demo_built(self) -> None:
        self._committee_id = None
        self.refresh()
        self.statusBar().showMessage(self.tr("The demo is ready."), 8000)

    # --- window -----------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._settings is not None:
            self._settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        super().closeEvent(event)
