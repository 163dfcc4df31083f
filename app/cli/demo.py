"""``ethicsdesk demo [--out DIR]``: the demo committee (DESIGN.md section 9) in the data dir.

One write: an earlier demo is cleared (refused over a committee's real data) and the demo
built again through the services, so it is audited like a user's actions. No SQL of its
own and no schema downgrade: the schema stays at head throughout.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.base import Commands, Invocation, add_command
from app.cli.exits import EXIT_OK
from app.cli.words import Words

if TYPE_CHECKING:
    from datetime import date

    from sqlalchemy.orm import Session

    from app.services.actors import Actor


def register(commands: Commands, words: Words) -> None:
    parser = add_command(commands, "demo", words)
    parser.add_argument("--out", metavar="DIR", help=words("demo.out"))
    parser.set_defaults(func=run)


def rebuild(session: Session, actor: Actor, today: date) -> None:
    """Clear an earlier demo (``clear_demo`` refuses real data) and build it again."""
    from app.services import demo

    demo.clear_demo(session)
    demo.build_demo(session, actor, today)


def run(args: argparse.Namespace, cli: Invocation) -> int:
    from app.db import describe_database

    with cli.database() as ctx:
        ctx.write(rebuild, ctx.today())
    cli.say("demo.built", where=describe_database(cli.url))
    if args.out:
        target = Path(args.out)
        target.mkdir(parents=True, exist_ok=True)
        cli.say("demo.no_documents", folder=target)
    return EXIT_OK
