"""``ethicsdesk shot``: the main window on a page, grabbed to a PNG, with no display needed
and no modal dialog ever shown (DESIGN.md section 5).

Pages are the navigation's page ids plus ``project`` and ``meeting``, which show the
Dossiers and Meetings pages until their own screens exist. ``--item ID`` is accepted only
with ``project`` and ``meeting`` and must name a project or meeting of the committee (when
``--committee`` is not given, the item's committee is shown); any other page given an item,
or an id that names nothing, is bad input. Exit codes: 0 the PNG was written; 1 the
database cannot be opened or the file cannot be written; 2 bad input (unknown page,
committee or item; a size that is not WxH within limits) — each with one line on stderr.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from app.errors import UserError
from app.paths import DataPaths

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.db import Database

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_PROBLEM = 1
EXIT_BAD_INPUT = 2

DEFAULT_SIZE = (1400, 860)
MIN_SIZE = (800, 600)
MAX_SIZE = (7680, 4320)
# shot page → the window's page showing it (until item pages have screens of their own)
SHOT_PAGES = {
    "dashboard": "dashboard",
    "committee": "committee",
    "dossiers": "dossiers",
    "project": "dossiers",
    "reviews": "reviews",
    "meetings": "meetings",
    "meeting": "meetings",
    "documents": "documents",
    "settings": "settings",
}
ITEM_PAGES = ("project", "meeting")
_SIZE = re.compile(r"^\s*(\d{1,5})\s*[xX×]\s*(\d{1,5})\s*$")


class ShotRefused(Exception):
    """Bad input for ``shot``; ``str()`` is the one line for stderr."""


def parse_size(text: str | None) -> tuple[int, int]:
    """``WxH`` as two integers within MIN_SIZE and MAX_SIZE; DEFAULT_SIZE for None."""
    if text is None:
        return DEFAULT_SIZE
    match = _SIZE.match(text)
    if match is None:
        raise ShotRefused(f"--size: expected WIDTHxHEIGHT such as 1400x860, got {text!r}")
    width, height = int(match[1]), int(match[2])
    if not (MIN_SIZE[0] <= width <= MAX_SIZE[0] and MIN_SIZE[1] <= height <= MAX_SIZE[1]):
        raise ShotRefused(
            f"--size: {width}x{height} is outside {MIN_SIZE[0]}x{MIN_SIZE[1]} to "
            f"{MAX_SIZE[0]}x{MAX_SIZE[1]}"
        )
    return width, height


def check_page(page: str, item: str | None) -> str:
    """The window's page id for the shot page ``page``."""
    if page not in SHOT_PAGES:
        raise ShotRefused(f"--page: unknown page {page!r} (pages: {', '.join(SHOT_PAGES)})")
    if item is not None and page not in ITEM_PAGES:
        raise ShotRefused(
            f"--item: the page {page!r} shows no item (items: {', '.join(ITEM_PAGES)})"
        )
    return SHOT_PAGES[page]


def _number(option: str, text: str) -> int:
    if not text.strip().isdigit():
        raise ShotRefused(f"{option}: expected a number, got {text!r}")
    return int(text)


def _committee_of_item(session: Session, page: str, item: int, committee: int | None) -> int:
    from app.models import Meeting, Project

    model = Project if page == "project" else Meeting
    owner = session.scalar(select(model.committee_id).where(model.id == item))
    if owner is None or (committee is not None and owner != committee):
        where = f" of committee {committee}" if committee is not None else ""
        raise ShotRefused(f"--item: no {page} {item}{where}")
    return int(owner)


def _use_offscreen_without_display() -> None:
    """Qt needs a platform: without a display (X11 or Wayland) draw offscreen."""
    has_display = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    if not has_display and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


# What the offscreen platform says about every window it cannot manage; not a problem.
_BENIGN = ("does not support propagateSizeHints", "does not support raise")


def _quiet_offscreen_notices() -> None:
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def handle(kind: QtMsgType, _context: object, message: str) -> None:
        if any(text in message for text in _BENIGN):
            return
        if kind in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg):
            log.debug("Qt: %s", message)
        else:
            print(f"Qt: {message}", file=sys.stderr)

    qInstallMessageHandler(handle)


def cmd_shot(
    paths: DataPaths,
    url: str,
    lang: str | None,
    *,
    page: str,
    out: str,
    item: str | None = None,
    committee: str | None = None,
    size: str | None = None,
) -> int:
    """Run ``ethicsdesk shot``; the exit code (messages on stderr, the PNG's path on stdout)."""
    try:
        window_page = check_page(page, item)
        width, height = parse_size(size)
        committee_id = _number("--committee", committee) if committee is not None else None
        item_id = _number("--item", item) if item is not None else None
    except ShotRefused as exc:
        print(f"ethicsdesk shot: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT

    from app.db import open_database, sqlite_file

    try:
        if sqlite_file(url) is not None:
            paths.ensure()
        db = open_database(url, paths)
    except (UserError, SQLAlchemyError, OSError) as exc:
        print(f"ethicsdesk shot: cannot open the database: {exc}", file=sys.stderr)
        return EXIT_PROBLEM
    try:
        try:
            committee_id = _check_data(db, page, committee_id, item_id)
        except ShotRefused as exc:
            print(f"ethicsdesk shot: {exc}", file=sys.stderr)
            return EXIT_BAD_INPUT
        except SQLAlchemyError as exc:
            print(f"ethicsdesk shot: cannot read the database: {exc}", file=sys.stderr)
            return EXIT_PROBLEM
        return _grab(db, paths, lang, window_page, committee_id, Path(out), (width, height))
    finally:
        db.dispose()


def _check_data(
    db: Database, page: str, committee_id: int | None, item_id: int | None
) -> int | None:
    from app.models import Committee

    with db.session_scope() as session:
        if committee_id is not None and session.get(Committee, committee_id) is None:
            known = session.scalars(select(Committee.id).order_by(Committee.id)).all()
            shown = ", ".join(str(k) for k in known) or "none yet"
            raise ShotRefused(f"--committee: no committee {committee_id} (committees: {shown})")
        if item_id is not None:
            committee_id = _committee_of_item(session, page, item_id, committee_id)
    return committee_id


def _grab(
    db: Database,
    paths: DataPaths,
    lang: str | None,
    page: str,
    committee_id: int | None,
    out: Path,
    size: tuple[int, int],
) -> int:
    _use_offscreen_without_display()
    _quiet_offscreen_notices()
    from PySide6.QtGui import QImage

    from app.ui.main import create_main_window, save_screenshot

    window = create_main_window(
        db,
        lang=lang,
        paths=paths,
        page=page,
        committee_id=committee_id,
    )
    try:
        written = save_screenshot(window, out, size)
    except OSError as exc:
        print(f"ethicsdesk shot: {exc}", file=sys.stderr)
        return EXIT_PROBLEM
    finally:
        window.close()
        window.deleteLater()
    image = QImage(str(written))
    if (image.width(), image.height()) != size:
        print(
            f"ethicsdesk shot: the window could not be made {size[0]}x{size[1]} "
            f"(it is {image.width()}x{image.height()})",
            file=sys.stderr,
        )
    print(written)
    return EXIT_OK
