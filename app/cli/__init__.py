"""The ``ethicsdesk`` command: the GUI by default, and the headless commands of DESIGN.md
section 5, one module each (``verify``, ``demo``, ``shot``, ``rules``, ``check``; ``gui`` for
no command). Each registers its parser and ``set_defaults(func=run)``; ``main`` calls the
``func`` the arguments chose.

The language is resolved before the parser is built — the ``--lang`` option found in the
arguments, else the user's stored preference, else the system's locale — so the help, the
argparse messages and every command's output come in it (the words: ``app.cli.words``).
Global options are defined once, on the main parser (a subparser repeating them would
overwrite their values with its defaults). Exit codes: ``app.cli.exits``. Qt is imported
only when the GUI or ``shot`` starts and the ORM only by the commands that open a database,
so ``rules`` and ``check`` load neither. Output goes to stdout; messages and logs to stderr.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence

from app import __version__
from app.cli import check, demo, gui, rules, shot, verify
from app.cli.base import Invocation, Parser
from app.cli.exits import EXIT_INTERRUPTED, EXIT_PROBLEM
from app.cli.words import Words
from app.domain.vocabulary import UI_LANGUAGES
from app.errors import UserError
from app.preferences import resolve_language

__all__ = ["build_parser", "language_option", "main"]

# In the order the help lists them.
COMMANDS = (verify, demo, rules, shot, check)


def build_parser(lang: str) -> Parser:
    """The parser of ``ethicsdesk``, its help and messages in ``lang``."""
    words = Words(lang)
    parser = Parser(prog="ethicsdesk", description=words("prog.description"), lang=lang)
    parser.add_argument(
        "--version",
        action="version",
        version=f"ethicsdesk {__version__}",
        help=words("prog.version"),
    )
    parser.add_argument("--data-dir", metavar="DIR", help=words("prog.data_dir"))
    parser.add_argument("--database-url", metavar="URL", help=words("prog.database_url"))
    parser.add_argument("--lang", choices=UI_LANGUAGES.codes, help=words("prog.lang"))
    gui.register(parser)
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", title=words("prog.commands")
    )
    for command in COMMANDS:
        command.register(commands, words)
    return parser


def language_option(argv: Sequence[str]) -> str | None:
    """The value of the last ``--lang X`` or ``--lang=X`` in ``argv`` (or of a prefix of
    ``--lang`` argparse would take for it, such as ``--la``), before any ``--``; None when
    there is none."""
    found = None
    tokens = iter(argv)
    for token in tokens:
        if token == "--":
            break
        name, equals, value = token.partition("=")
        if len(name) >= 3 and "--lang".startswith(name):
            found = value if equals else next(tokens, None)
    return found


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    lang = resolve_language(language_option(arguments))
    args = build_parser(lang).parse_args(arguments)
    logging.basicConfig(
        level=logging.WARNING, stream=sys.stderr, format="%(levelname)s %(message)s"
    )
    cli = Invocation(lang, data_dir=args.data_dir, database_url=args.database_url)
    try:
        code: int = args.func(args, cli)
        return code
    except UserError as exc:
        cli.say("prog.problem", message=exc.localized(lang), file=sys.stderr)
        return EXIT_PROBLEM
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (``ethicsdesk rules list | head``): stop quietly. Point
        # stdout at devnull so that Python's flush at exit does not fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_PROBLEM
