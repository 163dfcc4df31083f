"""``ethicsdesk shot --page PAGE --out FILE.png [--item ID] [--committee ID] [--size WxH]``:
the main window on a page, grabbed to a PNG, with no display needed and no modal dialog ever
shown (DESIGN.md section 5).

Pages are the navigation's page ids plus ``project`` and ``meeting``, which show the
Dossiers and Meetings pages until their own screens exist. ``--item ID`` is accepted only
with ``project`` and ``meeting`` and must name a project or meeting of the committee (when
``--committee`` is not given, the item's committee is shown); any other page given an item,
or an id that names nothing, is bad input. The arguments and the data are checked here,
through the read models; only the grab itself loads Qt (``app.ui.shot``, imported when it
is needed). Exit codes: 0 the PNG was written; 1 the database cannot be opened or read, or
the file cannot be written; 2 bad input (unknown page, committee or item; a size that is
not WxH within limits) — each with one line on stderr.
"""

from __future__ import annotations

import argparse
import re
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.base import Commands, Invocation, add_command
from app.cli.exits import EXIT_BAD_INPUT, EXIT_OK, EXIT_PROBLEM
from app.cli.words import Words
from app.errors import UserError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.context import AppContext

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


def _size(size: tuple[int, int]) -> str:
    return f"{size[0]}x{size[1]}"


class ShotRefused(Exception):
    """Bad input for ``shot``; ``str()`` is the one line for stderr, in the words' language."""

    def __init__(self, words: Words, key: str, **fields: Any) -> None:
        super().__init__(words(key, **fields))


def register(commands: Commands, words: Words) -> None:
    parser = add_command(
        commands,
        "shot",
        words,
        description=words(
            "shot.description", pages=", ".join(SHOT_PAGES), item_pages=", ".join(ITEM_PAGES)
        ),
    )
    parser.add_argument("--page", required=True, metavar="PAGE", help=words("shot.page"))
    parser.add_argument("--out", required=True, metavar="FILE.png", help=words("shot.out"))
    parser.add_argument("--item", metavar="ID", help=words("shot.item"))
    parser.add_argument("--committee", metavar="ID", help=words("shot.committee"))
    parser.add_argument("--size", metavar="WxH", help=words("shot.size", size=_size(DEFAULT_SIZE)))
    parser.set_defaults(func=run)


def parse_size(text: str | None, words: Words) -> tuple[int, int]:
    """``WxH`` as two integers within MIN_SIZE and MAX_SIZE; DEFAULT_SIZE for None."""
    if text is None:
        return DEFAULT_SIZE
    match = _SIZE.match(text)
    if match is None:
        raise ShotRefused(words, "shot.bad_size", text=text)
    width, height = int(match[1]), int(match[2])
    if not (MIN_SIZE[0] <= width <= MAX_SIZE[0] and MIN_SIZE[1] <= height <= MAX_SIZE[1]):
        raise ShotRefused(
            words,
            "shot.size_range",
            size=_size((width, height)),
            smallest=_size(MIN_SIZE),
            largest=_size(MAX_SIZE),
        )
    return width, height


def check_page(page: str, item: str | None, words: Words) -> str:
    """The window's page id for the shot page ``page``."""
    if page not in SHOT_PAGES:
        raise ShotRefused(words, "shot.unknown_page", page=page, pages=", ".join(SHOT_PAGES))
    if item is not None and page not in ITEM_PAGES:
        raise ShotRefused(words, "shot.page_without_item", page=page, pages=", ".join(ITEM_PAGES))
    return SHOT_PAGES[page]


def _number(option: str, text: str, words: Words) -> int:
    if not text.strip().isdigit():
        raise ShotRefused(words, "shot.not_a_number", option=option, text=text)
    return int(text)


def _facts(session: Session, kind: str, item_id: int | None) -> tuple[list[int], int | None]:
    """The committees, and the committee of the item (None: no such item, or none asked)."""
    from app.services.queries.overview import committee_ids, committee_of

    owner = committee_of(session, kind, item_id) if item_id is not None else None
    return committee_ids(session), owner


def check_data(
    ctx: AppContext, words: Words, page: str, committee_id: int | None, item_id: int | None
) -> int | None:
    """The committee to show: ``committee_id`` if it exists, the item's committee if an item
    is named (which must belong to ``committee_id`` when both are given)."""
    known, owner = ctx.read(_facts, page, item_id)
    if committee_id is not None and committee_id not in known:
        shown = ", ".join(str(k) for k in known) or words("shot.no_committees_yet")
        raise ShotRefused(words, "shot.no_committee", committee=committee_id, known=shown)
    if item_id is not None:
        if owner is None or (committee_id is not None and owner != committee_id):
            kind = words(f"shot.kind.{page}")
            if committee_id is None:
                raise ShotRefused(words, "shot.no_item", kind=kind, item=item_id)
            raise ShotRefused(
                words, "shot.no_item_of", kind=kind, item=item_id, committee=committee_id
            )
        committee_id = owner
    return committee_id


def run(args: argparse.Namespace, cli: Invocation) -> int:
    """Run ``ethicsdesk shot``; the exit code (messages on stderr, the PNG's path on stdout)."""
    words = cli.words
    try:
        window_page = check_page(args.page, args.item, words)
        size = parse_size(args.size, words)
        committee_id = (
            _number("--committee", args.committee, words) if args.committee is not None else None
        )
        item_id = _number("--item", args.item, words) if args.item is not None else None
    except ShotRefused as exc:
        return _refuse(cli, str(exc), EXIT_BAD_INPUT)

    from sqlalchemy.exc import SQLAlchemyError

    with ExitStack() as stack:
        try:
            ctx = stack.enter_context(cli.database())
        except (UserError, SQLAlchemyError, OSError) as exc:
            return _refuse(cli, words("shot.cannot_open", reason=_reason(exc, cli)), EXIT_PROBLEM)
        try:
            committee_id = check_data(ctx, words, args.page, committee_id, item_id)
        except ShotRefused as exc:
            return _refuse(cli, str(exc), EXIT_BAD_INPUT)
        except (UserError, SQLAlchemyError) as exc:
            return _refuse(cli, words("shot.cannot_read", reason=_reason(exc, cli)), EXIT_PROBLEM)

        from app.ui.shot import grab  # loads Qt, for this command only

        try:
            written, got = grab(ctx, window_page, committee_id, Path(args.out), size)
        except OSError as exc:
            return _refuse(cli, words("shot.cannot_save", reason=exc), EXIT_PROBLEM)
    if got != size:
        cli.say(
            "shot.refused",
            message=words("shot.wrong_size", wanted=_size(size), got=_size(got)),
            file=sys.stderr,
        )
    print(written)
    return EXIT_OK


def _reason(exc: BaseException, cli: Invocation) -> str:
    return exc.localized(cli.lang) if isinstance(exc, UserError) else str(exc)


def _refuse(cli: Invocation, message: str, code: int) -> int:
    cli.say("shot.refused", message=message, file=sys.stderr)
    return code
