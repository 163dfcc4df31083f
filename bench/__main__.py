"""``python -m bench``: run the benchmarks and print their figures.

    python -m bench                       every benchmark with its defaults, one table
    python -m bench NAME [OPTIONS]        benchmark NAME, its table
    python -m bench NAME --json [OPTIONS] benchmark NAME, only {"figures": [...]} on stdout
    python -m bench --list                the benchmarks' names and what each times

Exit codes: 0 the figures were printed (whether or not they meet their targets); 1 a
benchmark failed (the reason on stderr); 2 bad usage, such as an unknown NAME. The checkout
is put first on ``sys.path``, so ``app`` imports from a venv without EthicsDesk installed.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, redirect_stdout
from pathlib import Path

from bench import BENCHMARKS, Benchmark, load
from bench.figures import BenchmarkError, Figure, environment_line, figures_json, figures_table

ROOT = Path(__file__).resolve().parents[1]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


def use_checkout() -> None:
    """Import ``app`` from this checkout, installed or not."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))


@contextmanager
def stdout_to_stderr() -> Iterator[None]:
    """Send whatever is written to stdout, by Python or by a library, to stderr meanwhile."""
    sys.stdout.flush()
    saved = os.dup(1)
    os.dup2(2, 1)
    try:
        with redirect_stdout(sys.stderr):
            yield
    finally:
        sys.stdout.flush()
        os.dup2(saved, 1)
        os.close(saved)


def benchmark_parser(benchmark: Benchmark) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=f"python -m bench {benchmark.NAME}", description=benchmark.DESCRIPTION
    )
    parser.add_argument(
        "--json", action="store_true", help='print only {"figures": [...]} on stdout'
    )
    benchmark.add_arguments(parser)
    return parser


def main_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        usage="python -m bench [--list] | python -m bench NAME [--json] [OPTIONS]",
        description=(
            "Run EthicsDesk's benchmarks and print their figures: with no NAME every "
            f"benchmark, with its defaults. NAME is one of: {', '.join(BENCHMARKS)}; "
            "'python -m bench NAME --help' gives its options."
        ),
    )
    parser.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    return parser


def run_one(name: str, argv: Sequence[str]) -> int:
    if name not in BENCHMARKS:
        print(
            f"python -m bench: unknown benchmark {name!r}; the benchmarks are "
            f"{', '.join(BENCHMARKS)}",
            file=sys.stderr,
        )
        return EXIT_USAGE
    benchmark = load(name)
    args = benchmark_parser(benchmark).parse_args(argv)
    first_line = environment_line(benchmark.USES_QT)
    try:
        if args.json:
            print(first_line, file=sys.stderr, flush=True)
            with stdout_to_stderr():
                figures = benchmark.run(args)
            print(figures_json(figures))
        else:
            print(first_line, flush=True)
            figures = benchmark.run(args)
            print(figures_table((name, f) for f in figures))
    except BenchmarkError as exc:
        print(f"python -m bench {name}: {exc}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def run_all() -> int:
    benchmarks = [load(name) for name in BENCHMARKS]
    print(environment_line(any(b.USES_QT for b in benchmarks)), flush=True)
    rows: list[tuple[str, Figure]] = []
    failed: list[str] = []
    for benchmark in benchmarks:
        print(f"running {benchmark.NAME}…", file=sys.stderr, flush=True)
        args = benchmark_parser(benchmark).parse_args([])
        try:
            figures = benchmark.run(args)
        except BenchmarkError as exc:
            print(f"{benchmark.NAME} failed: {exc}", file=sys.stderr)
            failed.append(benchmark.NAME)
            continue
        except Exception:  # report it and go on with the other benchmarks
            print(f"{benchmark.NAME} failed:", file=sys.stderr)
            traceback.print_exc()
            failed.append(benchmark.NAME)
            continue
        rows += [(benchmark.NAME, f) for f in figures]
    print(figures_table(rows))
    if failed:
        print(f"failed: {', '.join(failed)} (no figures)", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    use_checkout()
    if argv and not argv[0].startswith("-"):
        return run_one(argv[0], argv[1:])
    args = main_parser().parse_args(argv)
    if args.list:
        width = max(len(name) for name in BENCHMARKS)
        for name in BENCHMARKS:
            print(f"{name:<{width}}  {load(name).DESCRIPTION}")
        return EXIT_OK
    return run_all()


if __name__ == "__main__":
    sys.exit(main())
