"""``ethicsdesk`` with no command: the GUI, in the resolved language. Qt is imported only
here, when it starts, so the headless commands never load it."""

from __future__ import annotations

import argparse

from app.cli.base import Invocation


def register(parser: argparse.ArgumentParser) -> None:
    """The main parser's default: a command's own ``func`` overrides it."""
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, cli: Invocation) -> int:
    from app.ui.main import run_gui

    paths = cli.paths
    paths.ensure()
    return run_gui(paths, cli.url, cli.lang)
