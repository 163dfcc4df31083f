"""EthicsDesk's benchmarks: the list of them and the interface each one offers.

Every benchmark is one module of this package, named in ``BENCHMARKS``, that provides:

- ``NAME``: the name given on the command line (``python -m bench NAME``), the module's name;
- ``DESCRIPTION``: one line saying what it times;
- ``USES_QT``: whether it starts Qt (in process or in the processes it times), so the
  figures' first line names the PySide6 version;
- ``add_arguments(parser)``: adds its options (``--runs``, ``--tmp``, …) to an
  ``argparse`` parser; each option needs a default, as ``python -m bench`` runs every
  benchmark with its defaults;
- ``run(args) -> list[Figure]``: measures and returns its figures, or raises
  ``BenchmarkError`` when the code under measurement fails.

A module imports the app (and Qt) inside its functions, not at the top, so that listing
the benchmarks works whatever state the app is in. ``python -m bench`` (``__main__``) is
the command line; ``bench.figures`` holds the figures and their printing.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, cast

if TYPE_CHECKING:
    from bench.figures import Figure

BENCHMARKS = ("storage", "rules", "roster_page", "startup")


class Benchmark(Protocol):
    """What a benchmark module offers; see the package docstring."""

    NAME: str
    DESCRIPTION: str
    USES_QT: bool

    def add_arguments(self, parser: argparse.ArgumentParser) -> None: ...

    def run(self, args: argparse.Namespace) -> list[Figure]: ...


def load(name: str) -> Benchmark:
    """The benchmark module ``name``, one of ``BENCHMARKS``."""
    if name not in BENCHMARKS:
        raise KeyError(name)
    return cast(Benchmark, importlib.import_module(f"bench.{name}"))


def count_at_least(minimum: int) -> Callable[[str], int]:
    """An ``argparse`` type for a count (of runs, events, pairs) of at least ``minimum``."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}, got {value}")
        return value

    parse.__name__ = "count"  # argparse names the type in its messages
    return parse
