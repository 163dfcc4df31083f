"""``ethicsdesk verify [--head COUNT:HASH]``: the database's integrity, the audit chain (and
a head copied elsewhere) and every document's hash. A data dir without a database says so
and exits 0; a file that is not a database, or is damaged, exits 1 and is left untouched."""

from __future__ import annotations

import argparse
import sys

from app.cli.base import Commands, Invocation, add_command
from app.cli.exits import EXIT_OK, EXIT_PROBLEM
from app.cli.words import Words, both
from app.errors import UserError

_HEX = frozenset("0123456789abcdef")


def register(commands: Commands, words: Words) -> None:
    parser = add_command(commands, "verify", words)
    parser.add_argument("--head", metavar="COUNT:HASH", help=words("verify.head"))
    parser.set_defaults(func=run)


def parse_head(text: str) -> tuple[int, str]:
    count, _, digest = text.partition(":")
    if not count.isdigit() or len(digest) != 64 or not set(digest) <= _HEX:
        english, chinese = both("verify.bad_head", text=text)
        raise UserError(english, zh=chinese)
    return int(count), digest


def run(args: argparse.Namespace, cli: Invocation) -> int:
    from app.db import describe_database, inspect_sqlite_file, sqlite_file
    from app.errors import DatabaseRefused
    from app.resources import resource_root
    from app.services.integrity import verify

    expected = parse_head(args.head) if args.head else None
    cli.say("verify.resources", path=resource_root())
    file = sqlite_file(cli.url)
    if file is not None:
        if not file.exists():
            cli.say("verify.no_database", folder=file.parent)
            return EXIT_OK
        try:
            inspect_sqlite_file(file)
        except DatabaseRefused as exc:
            cli.say("prog.problem", message=exc.localized(cli.lang), file=sys.stderr)
            cli.say("verify.untouched", file=sys.stderr)
            return EXIT_PROBLEM
    with cli.database(make_data_dir=False) as ctx:
        report = ctx.read(verify, expected)
    cli.say("verify.database", where=describe_database(cli.url))
    cli.say("verify.audit_head", count=report.head_count, digest=report.head_hash)
    cli.say("verify.checked", events=report.events, blobs=report.blobs)
    if report.ok:
        cli.say("verify.ok")
        return EXIT_OK
    for problem in report.problems:
        cli.say("verify.problem", problem=problem, file=sys.stderr)
    return EXIT_PROBLEM
