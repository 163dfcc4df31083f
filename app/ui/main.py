"""Starting the GUI: the real start (``run_gui``) and a window without modal dialogs or an
event loop for tests and ``ethicsdesk shot`` (``create_main_window``, ``save_screenshot``)."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QThreadPool
from PySide6.QtWidgets import QApplication, QMessageBox

from app.context import AppContext
from app.db import Database, open_database
from app.errors import UserError
from app.paths import APP_NAME, DataPaths
from app.preferences import resolve_language
from app.ui.i18n import install_translators
from app.ui.icons import icon
from app.ui.main_window import MainWindow

log = logging.getLogger(__name__)

SCREENSHOT_SIZE = (1280, 800)


def ensure_application(argv: list[str] | None = None) -> QApplication:
    """The running QApplication, created (named EthicsDesk) if there is none yet."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
        app.setApplicationName(APP_NAME)
        app.setOrganizationName(APP_NAME)
        app.setWindowIcon(icon("ethicsdesk"))
    assert isinstance(app, QApplication), "a QCoreApplication without widgets is running"
    return app


def create_main_window(
    db: Database,
    *,
    lang: str | None = None,
    paths: DataPaths | None = None,
    page: str = "dashboard",
    committee_id: int | None = None,
    settings: QSettings | None = None,
    today: Callable[[], date] = date.today,
) -> MainWindow:
    """The main window on ``db`` in ``lang`` (zh_CN, en, None = the user's preference, else
    the system's), not yet shown. Its application context is made here, with ``today`` as
    its clock.

    Never opens a modal dialog and never runs the event loop, so tests and headless
    screenshots can drive it. ``page`` must be one of ``app.ui.main_window.PAGE_IDS`` and
    ``committee_id`` a committee of ``db`` (ValueError otherwise). Geometry is remembered
    only when ``settings`` is given.
    """
    ctx = AppContext(db, paths=paths, lang=resolve_language(lang), clock=today)
    return window_for(ctx, page=page, committee_id=committee_id, settings=settings)


def window_for(
    ctx: AppContext,
    *,
    page: str = "dashboard",
    committee_id: int | None = None,
    settings: QSettings | None = None,
) -> MainWindow:
    """The main window on the application context ``ctx`` (its language installed), on
    ``page`` and committee ``committee_id``, not yet shown; as ``create_main_window``."""
    app = ensure_application()
    install_translators(app, ctx.lang)
    window = MainWindow(ctx, settings=settings, page=page)
    if committee_id is not None:
        window.set_committee(committee_id)
    window.show_page(page)
    return window


def save_screenshot(
    window: MainWindow, out: str | Path, size: tuple[int, int] = SCREENSHOT_SIZE
) -> Path:
    """Show ``window`` at ``size`` (offscreen works) and save a grab of it as PNG."""
    window.resize(*size)
    window.show()
    # Let the layouts settle once before grabbing; nothing here waits on the user.
    QApplication.sendPostedEvents()
    QApplication.processEvents()
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(path), "PNG"):
        raise OSError(f"could not write {path}")
    return path


def _critical(title: str, text: str) -> None:
    QMessageBox.critical(None, title, text)


def run_gui(paths: DataPaths, database_url: str, lang: str | None) -> int:
    """The real GUI start: open the database, show the window, run until it closes.

    A database that cannot be opened is the one case for a modal message box; the exit
    code is then 1.
    """
    app = ensure_application()
    language = install_translators(app, resolve_language(lang))
    title = APP_NAME
    try:
        paths.ensure()
        db = open_database(database_url, paths)
    except UserError as exc:
        _critical(
            title,
            QCoreApplication.translate(
                "run_gui", "EthicsDesk cannot open its database.\n\n{reason}"
            ).format(reason=exc.localized(language)),
        )
        return 1
    except OSError as exc:
        log.exception("opening the database failed")
        _critical(
            title,
            QCoreApplication.translate(
                "run_gui",
                "EthicsDesk cannot reach its database. Check the data folder or the "
                "database address, then start it again.\n\n{reason}",
            ).format(reason=exc),
        )
        return 1
    try:
        ctx = AppContext(db, paths=paths, lang=language)
        window = MainWindow(ctx, settings=QSettings())
        window.show()
        return app.exec()
    finally:
        QThreadPool.globalInstance().waitForDone()
        db.dispose()
