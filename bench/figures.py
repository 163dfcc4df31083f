"""The figures a benchmark reports, and their printing: the table, the JSON, the first line.

A ``Figure`` is one measured number with its unit and, when there is one, its target. A
target is a ceiling: the figure is ok when its value is at or under the target. By
convention a bare name (``open_current``) is a median, and a suffix names another
statistic of the same runs (``open_current_max``, ``create_database_p95``); targets are set
on the medians. Progress and notes go to stderr (``note``), so that stdout holds only the
figures.
"""

from __future__ import annotations

import json
import platform
import sqlite3
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


class BenchmarkError(Exception):
    """The code under measurement failed; ``str()`` says what failed, for stderr."""


@dataclass(frozen=True)
class Figure:
    """One measured number: ``value`` in ``unit`` ("ms", "ratio", …), ``target`` a ceiling."""

    name: str
    value: float
    unit: str
    target: float | None = None

    @property
    def ok(self) -> bool | None:
        """Whether the value is at or under the target; None when there is no target."""
        return None if self.target is None else self.value <= self.target

    def as_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "value": round(self.value, 3),
            "unit": self.unit,
            "target": self.target,
            "ok": self.ok,
        }


def note(text: str) -> None:
    """Progress or a remark about a run: on stderr, never among the figures."""
    print(text, file=sys.stderr, flush=True)


def environment_line(uses_qt: bool) -> str:
    """The line that goes with every set of figures: the versions they were measured with."""
    import sqlalchemy

    import app

    parts = [
        f"EthicsDesk {app.__version__}",
        f"Python {platform.python_version()}",
        f"SQLite {sqlite3.sqlite_version}",
        f"SQLAlchemy {sqlalchemy.__version__}",
    ]
    if uses_qt:
        import PySide6  # the package only: its version, not Qt's libraries

        parts.append(f"PySide6 {PySide6.__version__}")
    parts.append(f"{platform.system()} {platform.machine()}")
    return ", ".join(parts)


def figures_json(figures: Iterable[Figure]) -> str:
    """``{"figures": [{"name", "value", "unit", "target", "ok"}, …]}``, indented."""
    return json.dumps({"figures": [f.as_json() for f in figures]}, indent=2, ensure_ascii=False)


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _ok(ok: bool | None) -> str:
    return "-" if ok is None else ("yes" if ok else "NO")


def figures_table(rows: Iterable[tuple[str, Figure]]) -> str:
    """The figures as a text table, one row per (benchmark name, figure)."""
    header = ("benchmark", "name", "value", "unit", "target", "ok")
    cells = [
        (bench, f.name, _number(f.value), f.unit, _number(f.target), _ok(f.ok)) for bench, f in rows
    ]
    widths = [max(len(row[i]) for row in [header, *cells]) for i in range(len(header))]
    right = (False, False, True, False, True, False)  # numbers are right-aligned

    def line(row: tuple[str, ...]) -> str:
        return "  ".join(
            cell.rjust(width) if r else cell.ljust(width)
            for cell, width, r in zip(row, widths, right, strict=True)
        ).rstrip()

    rule = "  ".join("-" * width for width in widths)
    return "\n".join([line(header), rule, *(line(row) for row in cells)])
