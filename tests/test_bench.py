"""The benchmarks in one shape: ``python -m bench NAME --json`` prints only
``{"figures": [{"name", "value", "unit", "target", "ok"}]}``, ``python -m bench NAME`` a
table, ``--list`` every benchmark (the start-up one among them). Run as the developer runs
them, in a fresh process from the checkout; the figures' values are not judged here."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def bench(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bench", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_list_names_every_benchmark() -> None:
    done = bench("--list")
    assert done.returncode == 0, done.stderr
    names = [line.split()[0] for line in done.stdout.splitlines() if line.strip()]
    assert names == ["storage", "rules", "roster_page", "startup"]


def test_json_prints_only_the_figures_in_the_contract_shape() -> None:
    done = bench("rules", "--json", "--runs", "2")
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)  # nothing but the JSON on stdout
    assert list(document) == ["figures"]
    figures = document["figures"]
    assert figures
    for figure in figures:
        assert list(figure) == ["name", "value", "unit", "target", "ok"]
        assert isinstance(figure["name"], str) and figure["name"]
        assert isinstance(figure["value"], int | float)
        assert figure["unit"] == "ms"
        if figure["target"] is None:
            assert figure["ok"] is None
        else:
            assert figure["ok"] == (figure["value"] <= figure["target"])
    assert {"roster_cn-2023", "meeting_cn-2023"} <= {f["name"] for f in figures}


def test_without_json_it_prints_a_table_of_the_same_figures() -> None:
    done = bench("rules", "--runs", "2")
    assert done.returncode == 0, done.stderr
    header, rule, *rows = done.stdout.splitlines()[1:]
    assert header.split() == ["benchmark", "name", "value", "unit", "target", "ok"]
    assert set(rule) <= {"-", " "}
    assert any(row.split()[:2] == ["rules", "roster_cn-2023"] for row in rows)


def test_an_unknown_benchmark_is_bad_usage_naming_the_known_ones() -> None:
    done = bench("nosuch", "--json")
    assert done.returncode == 2
    assert done.stdout == ""
    assert "nosuch" in done.stderr and "startup" in done.stderr
