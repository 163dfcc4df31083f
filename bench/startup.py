"""Start-up benchmark: the app's start against the start-up floor of this stack.

Builds a demo data dir with ``python -m app --data-dir DIR demo``, then times, each as a
fresh process on the offscreen Qt platform and by wall clock around ``subprocess.run``:

- the app's start: ``python -m app --data-dir DIR shot --page dashboard --out shot.png``
  (the main window opened on the dashboard, grabbed to a PNG, exit);
- the floor: ``python bench/floor_start.py DIR/ethicsdesk.db floor.png`` (a PySide6
  window, ``import sqlalchemy.orm``, one query, a grab; see that file).

The app's modules are compiled to bytecode first (``compileall``), as ``pip install`` does
for an installed app, so that neither start pays for compiling (a checkout run with
PYTHONDONTWRITEBYTECODE set would otherwise compile every module on every start). The two
run in pairs, one unmeasured pair first; which one goes first alternates from pair
to pair, so that a drift of the machine (caches, clock, other load) falls on both alike.
Figures: the median of each, and ``startup_ratio``, the median over the pairs of the app's
time over the floor's in the same pair (target 1.5). A process that exits non-zero or
writes no PNG is an error, not a figure.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench import count_at_least
from bench.figures import BenchmarkError, Figure, note

NAME = "startup"
DESCRIPTION = "the app's start (a shot of the dashboard) against the stack's start-up floor"
USES_QT = True

ROOT = Path(__file__).resolve().parents[1]  # the checkout: `python -m app` finds app here
FLOOR_SCRIPT = Path(__file__).resolve().with_name("floor_start.py")
RATIO_TARGET = 1.5
TIMEOUT_S = 300  # a process that takes this long has hung: an error, not a figure
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--pairs",
        type=count_at_least(5),
        default=7,
        metavar="N",
        help="timed pairs of app start and floor (default 7, at least 5)",
    )
    parser.add_argument(
        "--tmp", type=Path, default=None, metavar="DIR", help="where the demo data dir goes"
    )


@dataclass(frozen=True)
class Start:
    """One process to time: its command and the PNG it must write."""

    label: str
    command: tuple[str, ...]
    png: Path


def _failure(label: str, command: tuple[str, ...], why: str, stderr: bytes | None) -> str:
    text = (stderr or b"").decode(errors="replace").rstrip()
    return f"{label} {why}: {' '.join(command)}" + (f"\n{text}" if text else "")


def run_checked(label: str, command: tuple[str, ...], env: dict[str, str]) -> float:
    """Seconds of wall clock for ``command`` as a fresh process; BenchmarkError on failure."""
    start = time.perf_counter()
    try:
        done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired as exc:
        raise BenchmarkError(
            _failure(label, command, f"did not end in {TIMEOUT_S} s", exc.stderr)
        ) from None
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise BenchmarkError(_failure(label, command, f"exited {done.returncode}", done.stderr))
    return elapsed


def time_start(start: Start, env: dict[str, str]) -> float:
    """Seconds for one start, checked: exit code 0 and a PNG written by this run."""
    start.png.unlink(missing_ok=True)
    elapsed = run_checked(start.label, start.command, env)
    try:
        with start.png.open("rb") as png:
            written = png.read(len(PNG_SIGNATURE)) == PNG_SIGNATURE
    except FileNotFoundError:
        written = False
    if not written:
        raise BenchmarkError(
            f"{start.label} wrote no PNG to {start.png}: {' '.join(start.command)}"
        )
    return elapsed


def compile_app(env: dict[str, str]) -> None:
    """Write the app's .pyc files, as installing it does."""
    run_checked("compileall", (sys.executable, "-m", "compileall", "-q", str(ROOT / "app")), env)


def run(args: argparse.Namespace) -> list[Figure]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    compile_app(env)
    with tempfile.TemporaryDirectory(prefix="ethicsdesk-bench-", dir=args.tmp) as tmp:
        base = Path(tmp)
        data_dir = base / "data"
        ethicsdesk = (sys.executable, "-m", "app", "--data-dir", str(data_dir))
        note(f"startup: building the demo data dir in {data_dir}")
        run_checked("demo", (*ethicsdesk, "demo"), env)
        shot_png, floor_png = base / "shot.png", base / "floor.png"
        app_start = Start(
            "shot_dashboard",
            (*ethicsdesk, "shot", "--page", "dashboard", "--out", str(shot_png)),
            shot_png,
        )
        database = data_dir / "ethicsdesk.db"
        floor = Start(
            "floor", (sys.executable, str(FLOOR_SCRIPT), str(database), str(floor_png)), floor_png
        )
        time_start(app_start, env)  # the warm-up pair: disk caches, font caches
        time_start(floor, env)
        app_times: list[float] = []
        floor_times: list[float] = []
        for pair in range(args.pairs):
            if pair % 2 == 0:
                app_times.append(time_start(app_start, env))
                floor_times.append(time_start(floor, env))
            else:
                floor_times.append(time_start(floor, env))
                app_times.append(time_start(app_start, env))
            note(
                f"startup: pair {pair + 1}/{args.pairs}: app {app_times[-1] * 1000:.0f} ms, "
                f"floor {floor_times[-1] * 1000:.0f} ms"
            )
    ratios = [a / f for a, f in zip(app_times, floor_times, strict=True)]
    return [
        Figure("shot_dashboard", statistics.median(app_times) * 1000, "ms"),
        Figure("floor", statistics.median(floor_times) * 1000, "ms"),
        Figure("startup_ratio", statistics.median(ratios), "ratio", RATIO_TARGET),
    ]
