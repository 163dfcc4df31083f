"""Storage benchmark: the real ``app.db`` on a temporary SQLite file.

Measures
  a. creating a new database (``open_database`` on an empty dir: ``upgrade head``);
  b. opening an existing, up-to-date database (read-only check, revision check);
  c. appending audit events, each in its own ``session_scope()`` (one commit per event,
     WAL with ``synchronous=FULL``), as the app does for every user action.

Run by hand from the checkout, not in CI (timings are not tests):

    .venv/bin/python bench/bench_storage.py [--runs 5] [--events 1000] [--tmp DIR]

Every figure is a median over several runs (p95 for the per-commit times); the temporary
files go under ``--tmp`` (default: the system temp dir), so pass a dir on the disk you mean
to measure: fsync dominates the commit time.
"""

from __future__ import annotations

import argparse
import platform
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def percentile(values: list[float], pct: int) -> float:
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[pct - 1]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:9.2f} ms"


def sqlite_url(directory: Path) -> str:
    return f"sqlite:///{directory / 'ethicsdesk.db'}"


def bench_create(open_database: Callable[..., Any], base: Path, runs: int) -> list[float]:
    times = []
    for i in range(runs):
        directory = base / f"create-{i}"
        directory.mkdir()
        start = time.perf_counter()
        db = open_database(sqlite_url(directory))
        times.append(time.perf_counter() - start)
        db.dispose()
    return times


def bench_open(open_database: Callable[..., Any], base: Path, runs: int) -> list[float]:
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


def bench_audit(
    open_database: Callable[..., Any], base: Path, runs: int, events: int
) -> list[list[float]]:
    from sqlalchemy import text

    from app.services.audit import record
    from app.services.context import SYSTEM

    all_runs = []
    for run in range(runs):
        directory = base / f"audit-{run}"
        directory.mkdir()
        db = open_database(sqlite_url(directory))
        with db.session_scope() as session:
            synchronous = session.execute(text("PRAGMA synchronous")).scalar()
            journal = session.execute(text("PRAGMA journal_mode")).scalar()
        if synchronous != 2 or journal != "wal":
            sys.exit(f"unexpected pragmas: synchronous={synchronous}, journal_mode={journal}")
        times = []
        for i in range(events):
            start = time.perf_counter()
            with db.session_scope() as session:
                record(session, SYSTEM, "bench.event", "bench", i, {"i": i})
            times.append(time.perf_counter() - start)
        db.dispose()
        all_runs.append(times)
    return all_runs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per measure (default 5)")
    parser.add_argument("--events", type=int, default=1000, help="audit events per run")
    parser.add_argument("--tmp", type=Path, default=None, help="where the test files go")
    args = parser.parse_args(argv)
    if args.runs < 1 or args.events < 1:
        parser.error("--runs and --events must be at least 1")

    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))  # run from a checkout without installing it
    import sqlalchemy

    import app
    from app.db import open_database

    print(
        f"EthicsDesk {app.__version__} storage benchmark: Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}, SQLAlchemy {sqlalchemy.__version__}, "
        f"{platform.system()} {platform.machine()}"
    )
    with tempfile.TemporaryDirectory(prefix="ethicsdesk-bench-", dir=args.tmp) as tmp:
        base = Path(tmp)
        print(f"files in {base}; {args.runs} runs per measure\n")
        create = bench_create(open_database, base, args.runs)
        opened = bench_open(open_database, base, args.runs * 2)
        audit = bench_audit(open_database, base, max(3, args.runs // 2), args.events)

    per_commit = [t for run in audit for t in run]
    rows = [
        ("create new database (upgrade head)", f"{len(create)}",
         statistics.median(create), percentile(create, 95), min(create), max(create)),
        ("open existing up-to-date database", f"{len(opened)}",
         statistics.median(opened), percentile(opened, 95), min(opened), max(opened)),
        (f"audit append, one commit each (x{args.events})", f"{len(audit)}",
         statistics.median(statistics.median(run) for run in audit),
         statistics.median(percentile(run, 95) for run in audit),
         min(per_commit), max(per_commit)),
    ]  # fmt: skip
    header = f"{'measure':<42} {'runs':>4} {'median':>12} {'p95':>12} {'min':>12} {'max':>12}"
    print(header)
    print("-" * len(header))
    for name, runs, median, p95, low, high in rows:
        print(f"{name:<42} {runs:>4} {ms(median)} {ms(p95)} {ms(low)} {ms(high)}")
    throughput = len(per_commit) / sum(per_commit)
    print(
        f"\naudit: {throughput:,.0f} commits/s overall; median and p95 are per run, then the "
        "median of the runs"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
