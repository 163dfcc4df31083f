"""What every command is given: the parser class that speaks the language, and the
``Invocation`` (the language, its words and the global options) with the one way to open
the database as an ``AppContext``.

A command module has ``register(commands, words)``, which adds its parser with
``add_command`` and ends with ``set_defaults(func=run)``; ``run(args, cli)`` returns an
exit code of ``app.cli.exits``. Imports that load the ORM or Qt stay inside ``run``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any, NoReturn

from app.cli.exits import EXIT_BAD_INPUT
from app.cli.words import Words, argparse_speaking
from app.paths import DataPaths

if TYPE_CHECKING:
    from app.context import AppContext


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose own words (``usage:``, group titles, the help option, error
    messages) come in ``lang``; bad usage exits ``EXIT_BAD_INPUT`` with the usage and one
    line on stderr."""

    def __init__(self, *args: Any, lang: str = "en", **kwargs: Any) -> None:
        self.lang = lang
        with argparse_speaking(lang):
            super().__init__(*args, **kwargs)

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        with argparse_speaking(self.lang):
            return super().parse_known_args(args, namespace)

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        with argparse_speaking(self.lang):
            return super().parse_args(args, namespace)

    def format_usage(self) -> str:
        with argparse_speaking(self.lang):
            return super().format_usage()

    def format_help(self) -> str:
        with argparse_speaking(self.lang):
            return super().format_help()

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {message}\n")


Commands = argparse._SubParsersAction  # the object add_subparsers returns


def add_command(commands: Commands, name: str, words: Words, **kwargs: Any) -> Parser:
    """A command's parser, in the words' language; ``help`` and ``description`` are the
    words ``<name>.help`` unless given."""
    help_text = kwargs.pop("help", None) or words(f"{name}.help")
    kwargs.setdefault("description", help_text)
    parser = commands.add_parser(name, help=help_text, lang=words.lang, **kwargs)
    assert isinstance(parser, Parser)
    return parser


@dataclass(frozen=True)
class Invocation:
    """One run of ``ethicsdesk``: the language (resolved before the parser was built), its
    words, and the global options."""

    lang: str
    data_dir: str | None = None
    database_url: str | None = None
    words: Words = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "words", Words(self.lang))

    @property
    def paths(self) -> DataPaths:
        return DataPaths.resolve(self.data_dir)

    @property
    def url(self) -> str:
        return self.database_url or self.paths.database_url()

    def say(self, key: str, /, *, file: IO[str] | None = None, **fields: Any) -> None:
        """Print the words ``key`` (stdout unless ``file``)."""
        print(self.words(key, **fields), file=file if file is not None else sys.stdout)

    @contextmanager
    def database(self, *, make_data_dir: bool = True) -> Iterator[AppContext]:
        """The database opened (created or upgraded as needed) as the application context
        in this language, disposed of at the end. ``make_data_dir`` creates the data dir
        of an SQLite database first."""
        from app.context import AppContext
        from app.db import open_database, sqlite_file

        paths = self.paths
        if make_data_dir and sqlite_file(self.url) is not None:
            paths.ensure()
        db = open_database(self.url, paths)
        try:
            yield AppContext(db, paths=paths, lang=self.lang)
        finally:
            db.dispose()


Run = Callable[[argparse.Namespace, Invocation], int]
