"""The main window: navigation on the left, one page per entry, data location below."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)
from sqlalchemy.engine import make_url

from app.db import Database, sqlite_file
from app.paths import DataPaths
from app.ui.icons import icon
from app.ui.labels import display_name
from app.ui.overview import Overview, load_overview
from app.ui.pages.base import Page, PageContext, named
from app.ui.pages.dashboard import DashboardPage
from app.ui.pages.workspace import (
    CommitteePage,
    DocumentsPage,
    DossiersPage,
    MeetingsPage,
    ReviewsPage,
    SettingsPage,
)

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


def describe_database(url: str) -> str:
    """Where the data lives, fit to show: the file of SQLite, else the URL without password."""
    path = sqlite_file(url)
    if path is not None:
        return str(path)
    return make_url(url).render_as_string(hide_password=True)


class MainWindow(QMainWindow):
    """Navigation plus pages. ``settings`` keeps the window geometry; None (tests,
    screenshots) keeps nothing."""

    def __init__(
        self,
        db: Database,
        *,
        lang: str = "en",
        paths: DataPaths | None = None,
        settings: QSettings | None = None,
        today: Callable[[], date] = date.today,
        committee_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.lang = lang
        self.paths = paths
        self._settings = settings
        self._today = today
        self._committee_id = committee_id
        self.overview = Overview(institutions=())
        self.setWindowIcon(icon("ethicsdesk"))

        self.dashboard = DashboardPage(db, today)
        self.pages: dict[str, Page | DashboardPage] = {
            "dashboard": self.dashboard,
            "committee": CommitteePage(),
            "dossiers": DossiersPage(),
            "reviews": ReviewsPage(),
            "meetings": MeetingsPage(),
            "documents": DocumentsPage(),
            "settings": SettingsPage(),
        }
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
        for number, page_id in enumerate(PAGE_IDS, start=1):
            item = QListWidgetItem(icon(f"nav-{page_id}"), labels[page_id])
            item.setData(Qt.ItemDataRole.UserRole, page_id)
            item.setToolTip(f"{labels[page_id]} (Ctrl+{number})")
            self.navigation.addItem(item)
            self.stack.addWidget(self.pages[page_id])
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.activated.connect(lambda p=page_id: self.show_page(p))
        self.navigation.setFixedWidth(max(180, self.navigation.sizeHintForColumn(0) + 2 * 6 + 8))
        self.navigation.currentRowChanged.connect(self.stack.setCurrentIndex)

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
            self.tr("Data: {location}").format(location=describe_database(db.url))
        )
        self.statusBar().addPermanentWidget(self.location)

        quit_action = QAction(self.tr("Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.addAction(quit_action)

        for page in self.pages.values():
            if isinstance(page, Page):
                page.setup_requested.connect(self.show_welcome)
        self.dashboard.committee_created.connect(self._committee_created)
        self.dashboard.demo_built.connect(self._demo_built)
        self.dashboard.committee_chosen.connect(self.set_committee)

        self.resize(1200, 780)
        if settings is not None:
            geometry = settings.value(GEOMETRY_KEY)
            if isinstance(geometry, QByteArray | bytes):
                self.restoreGeometry(QByteArray(geometry))
        self.navigation.setCurrentRow(0)
        self.refresh()

    # --- navigation ---------------------------------------------------------------------

    def show_page(self, page_id: str) -> None:
        """Show the page ``page_id`` (one of PAGE_IDS); ValueError for any other."""
        if page_id not in PAGE_IDS:
            raise ValueError(f"unknown page {page_id!r} (pages: {', '.join(PAGE_IDS)})")
        self.navigation.setCurrentRow(PAGE_IDS.index(page_id))

    def current_page_id(self) -> str:
        return PAGE_IDS[self.stack.currentIndex()]

    def page(self, page_id: str) -> Page | DashboardPage:
        return self.pages[page_id]

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

    def refresh(self) -> None:
        """Read the data again and redraw title and pages."""
        self.overview = load_overview(self.db, self._today())
        committee = self.overview.committee(self._committee_id)
        if committee is None and self.overview.committees:
            committee = self.overview.committees[0]
        self._committee_id = committee.id if committee else None
        if committee is None:
            self.setWindowTitle("EthicsDesk")
        else:
            name = display_name(committee.name_zh, committee.name_en, self.lang)
            self.setWindowTitle(f"EthicsDesk — {name}")
        context = PageContext(
            overview=self.overview,
            committee=committee,
            lang=self.lang,
            database=describe_database(self.db.url),
            paths=self.paths,
        )
        for page in self.pages.values():
            page.refresh(context)

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
