"""Storage benchmark: the real ``app.db`` on a temporary SQLite file.

Measures
  a. creating a new database (``open_database`` on an empty dir: ``upgrade head``);
  b. opening an existing, up-to-date database (read-only check, revision check);
  c. appending audit events, each in its own ``session_scope()`` (one commit per event,
     WAL with ``synchronous=FULL``), as the app does for every user action.

Every figure is a median over several runs (p95 for the per-commit times); the temporary
files go under ``--tmp`` (default: the system temp dir), so pass a dir on the disk you mean
to measure: fsync dominates the commit time. No figure has a target.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench import count_at_least
from bench.figures import BenchmarkError, Figure, note

NAME = "storage"
DESCRIPTION = "app.db on a temporary SQLite file: create, open, one-commit audit appends"
USES_QT = False


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--runs",
        type=count_at_least(1),
        default=5,
        metavar="N",
        help="runs per measure (default 5)",
    )
    parser.add_argument(
        "--events",
        type=count_at_least(1),
        default=1000,
        metavar="N",
        help="audit events per run (default 1000)",
    )
    parser.add_argument(
        "--tmp", type=Path, default=None, metavar="DIR", help="where the test files go"
    )


def percentile(values: list[float], pct: int) -> float:
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[pct - 1]


def sqlite_url(directory: Path) -> str:
    return f"sqlite:///{directory / 'ethicsdesk.db'}"


def time_create_database(open_database: Callable[..., Any], base: Path, runs: int) -> list[float]:
    times = []
    for i in range(runs):
        directory = base / f"create-{i}"
        directory.mkdir()
        start = time.perf_counter()
        db = open_database(sqlite_url(directory))
        times.append(time.perf_counter() - start)
        db.dispose()
    return times


def time_open_database(open_database: Callable[..., Any], base: Path, runs: int) -> list[float]:
    directory = base / "open"
    directory.mkdir()
    open_database(sqlite_url(directory)).dispose()
    times = []
    for _ in range(runs + 1):
        start = time.perf_counter()
        db = open_database(sqlite_url(directory))
        times.append(time.perf_counter() - start)
        db.dispose()
    return times[1:]  # the first open warms the page cache; report the steady state


def time_audit_appends(
    open_database: Callable[..., Any], base: Path, runs: int, events: int
) -> list[list[float]]:
    """Per run, the time of each of ``events`` audit appends, one commit each."""
    from sqlalchemy import text

    from app.services.actors import SYSTEM
    from app.services.audit import record

    all_runs = []
    for run in range(runs):
        directory = base / f"audit-{run}"
        directory.mkdir()
        db = open_database(sqlite_url(directory))
        with db.session_scope() as session:
            synchronous = session.execute(text("PRAGMA synchronous")).scalar()
            journal = session.execute(text("PRAGMA journal_mode")).scalar()
        if synchronous != 2 or journal != "wal":
            db.dispose()
            raise BenchmarkError(
                f"unexpected pragmas: synchronous={synchronous}, journal_mode={journal}"
            )
        times = []
        for i in range(events):
            start = time.perf_counter()
            with db.session_scope() as session:
                record(session, SYSTEM, "bench.event", "bench", i, {"i": i})
            times.append(time.perf_counter() - start)
        db.dispose()
        all_runs.append(times)
    return all_runs


def _spread(name: str, seconds: list[float]) -> list[Figure]:
    """Median (bare name), p95, min and max of ``seconds``, in ms."""
    return [
        Figure(name, statistics.median(seconds) * 1000, "ms"),
        Figure(f"{name}_p95", percentile(seconds, 95) * 1000, "ms"),
        Figure(f"{name}_min", min(seconds) * 1000, "ms"),
        Figure(f"{name}_max", max(seconds) * 1000, "ms"),
    ]


def run(args: argparse.Namespace) -> list[Figure]:
    from app.db import open_database

    with tempfile.TemporaryDirectory(prefix="ethicsdesk-bench-", dir=args.tmp) as tmp:
        base = Path(tmp)
        note(f"storage: files in {base}; {args.runs} runs per measure")
        create = time_create_database(open_database, base, args.runs)
        opened = time_open_database(open_database, base, args.runs * 2)
        audit = time_audit_appends(open_database, base, max(3, args.runs // 2), args.events)

    per_commit = [t for run in audit for t in run]
    note(
        f"storage: create {len(create)} runs, open {len(opened)} runs, audit {len(audit)} runs "
        f"of {args.events} events; the audit median and p95 are per run, then the median of "
        "the runs"
    )
    return [
        *_spread("create_database", create),
        *_spread("open_database", opened),
        Figure("audit_commit", statistics.median(statistics.median(r) for r in audit) * 1000, "ms"),
        Figure(
            "audit_commit_p95", statistics.median(percentile(r, 95) for r in audit) * 1000, "ms"
        ),
        Figure("audit_commit_min", min(per_commit) * 1000, "ms"),
        Figure("audit_commit_max", max(per_commit) * 1000, "ms"),
        Figure("audit_throughput", len(per_commit) / sum(per_commit), "commits/s"),
    ]
