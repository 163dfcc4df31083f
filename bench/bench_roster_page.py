"""Roster page benchmark: the committee page on a roster of 200 memberships, offscreen Qt.

Measures, in this process:
  a. opening the page: from ``CommitteeRosterPage(db, today)`` to its rows shown — the
     page refreshed for the committee (roster query, composition check, consultants), shown,
     and one ``QApplication.processEvents()`` so the view is laid out and painted;
     once with the current roster (150 memberships) and once with "Show history" on
     (150 current + 50 ended);
  b. re-filtering: setting the search box's text until the proxy has filtered (synchronous),
     and the same plus one ``processEvents()`` (the view repainted), for one- and
     two-character Chinese queries, a Latin one and clearing the search.

Targets (issue 4): open ≤ 100 ms, re-filter ≤ 30 ms. Run by hand, not in CI:

    .venv/bin/python bench/bench_roster_page.py [--runs 9] [--warmup 2] [--tmp DIR]

Every figure is the median of the runs, after warm-up runs that are not counted (the
first paint loads fonts and styles once per process; SQLAlchemy compiles each statement
once). The page context (the overview the
main window reads for every page) is read before timing starts and timed on its own.
"""

from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 26)
CURRENT = 150
ENDED = 50
QUERIES = ("医", "明湖", "Wang", "儿科", "")

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = "芳伟敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国立新文斌海燕"
PROFESSIONS = ("肿瘤内科", "心血管内科", "临床药学", "护理部", "医学统计", "生命伦理学", "医事法律")
EXPERTISE = ("medicine", "pharmacy", "nursing", "statistics", "bioethics", "law", "lay")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.2f} ms"


def build_roster(db: Any) -> int:
    """One committee with CURRENT current and ENDED ended memberships, each person with a
    training record and two standing declarations, through the services."""
    from app.services import organisation, roster
    from app.services.context import SYSTEM

    with db.session_scope() as s:
        institution = organisation.create_institution(s, SYSTEM, name_zh="明湖大学附属医院")
        committee = organisation.create_committee(
            s,
            SYSTEM,
            institution_id=institution.id,
            name_zh="医学伦理委员会",
            name_en="Medical Ethics Committee",
            profile_id="cn-2023",
            effective_from=date(2020, 1, 1),
        )
        for i in range(CURRENT + ENDED):
            name = SURNAMES[i % len(SURNAMES)] + GIVEN[(i * 7) % len(GIVEN)] + str(i)
            person = roster.create_person(
                s,
                SYSTEM,
                name_zh=name,
                name_en=f"Member {i}",
                gender=("female", "male")[i % 2],
                title="主任医师" if i % 3 else "教授",
                profession=PROFESSIONS[i % len(PROFESSIONS)],
                employer="明湖大学附属医院" if i % 2 else "明湖大学",
            )
            ended = i >= CURRENT
            start = date(2021, 1, 1) if ended else date(2024, 1, 1) + timedelta(days=i)
            membership = roster.add_membership(
                s,
                SYSTEM,
                committee_id=committee.id,
                person_id=person.id,
                roles=["chair"] if i == 0 else ["member"],
                expertise=[EXPERTISE[i % len(EXPERTISE)]],
                affiliated=bool(i % 2),
                term_start=start,
                term_end=start + timedelta(days=5 * 365 - 1),
            )
            if ended:
                roster.end_membership(
                    s, SYSTEM, membership.id, ended_on=date(2023, 12, 31), reason="term over"
                )
            roster.add_training(
                s,
                SYSTEM,
                person_id=person.id,
                course="GCP 与伦理审查培训",
                taken_on=start,
                hours=8,
                expires_on=start + timedelta(days=3 * 365 + i),
            )
            for kind in ("confidentiality", "conflict_of_interest"):
                roster.add_declaration(
                    s,
                    SYSTEM,
                    person_id=person.id,
                    committee_id=committee.id,
                    kind=kind,
                    scope="standing",
                    signed_on=start,
                )
        return int(committee.id)


def open_page(db: Any, context: Any, history: bool) -> tuple[float, Any]:
    from PySide6.QtWidgets import QApplication

    from app.ui.committee import CommitteeRosterPage

    start = time.perf_counter()
    page = CommitteeRosterPage(db, lambda: TODAY)
    if history:
        page.view.history.setChecked(True)
    page.resize(1220, 800)
    page.refresh(context)
    page.show()
    QApplication.processEvents()
    elapsed = time.perf_counter() - start
    expected = CURRENT + ENDED if history else CURRENT
    assert page.model.total == expected, (page.model.total, expected)
    assert page.proxy.rowCount() > 0 and page.view.table.isVisible()
    return elapsed, page


def close(page: Any) -> None:
    from PySide6.QtWidgets import QApplication

    page.close()
    page.deleteLater()
    QApplication.sendPostedEvents(None, 0)  # DeferredDelete
    QApplication.processEvents()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--tmp", type=Path, default=None)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))  # run from a checkout without installing it

    import PySide6
    import sqlalchemy
    from PySide6.QtWidgets import QApplication

    from app.db import open_database
    from app.ui.i18n import install_translators
    from app.ui.overview import load_overview
    from app.ui.pages.base import PageContext

    app = QApplication.instance() or QApplication([])
    install_translators(app, "en")
    print(
        f"Python {platform.python_version()}, PySide6 {PySide6.__version__}, "
        f"SQLite {sqlite3.sqlite_version}, SQLAlchemy {sqlalchemy.__version__}, "
        f"Qt platform {app.platformName()}"
    )
    with tempfile.TemporaryDirectory(dir=args.tmp) as tmp:
        db = open_database(f"sqlite:///{Path(tmp) / 'ethicsdesk.db'}")
        started = time.perf_counter()
        committee_id = build_roster(db)
        print(
            f"built {CURRENT} current + {ENDED} ended memberships in "
            f"{time.perf_counter() - started:.1f} s"
        )
        overview_times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            overview = load_overview(db, TODAY)
            overview_times.append(time.perf_counter() - started)
        context = PageContext(
            overview=overview,
            committee=overview.committee(committee_id),
            lang="en",
            database=str(tmp),
        )

        results: dict[str, list[float]] = {}
        for history in (False, True):
            label = "open, history shown (200 rows)" if history else "open, current (150 rows)"
            times = []
            for run in range(args.warmup + args.runs):
                elapsed, page = open_page(db, context, history)
                if run >= args.warmup:
                    times.append(elapsed)
                close(page)
            results[label] = times

        _elapsed, page = open_page(db, context, True)
        search = page.view.search
        filter_times: list[float] = []
        paint_times: list[float] = []
        for run in range(args.warmup + args.runs):
            for query in QUERIES:
                started = time.perf_counter()
                search.setText(query)
                filtered = time.perf_counter()
                QApplication.processEvents()
                painted = time.perf_counter()
                assert page.proxy.search == query.casefold()
                if run >= args.warmup:
                    filter_times.append(filtered - started)
                    paint_times.append(painted - started)
        search.setText("医")
        shown = page.proxy.rowCount()
        close(page)
        db.dispose()

    print(f"{'overview read (before timing)':42} {ms(statistics.median(overview_times))}")
    for label, times in results.items():
        print(f"{label:42} {ms(statistics.median(times))}   (max {ms(max(times)).strip()})")
    print(
        f"{'re-filter, proxy updated':42} {ms(statistics.median(filter_times))}   "
        f"(max {ms(max(filter_times)).strip()})"
    )
    print(
        f"{'re-filter, proxy updated and repainted':42} {ms(statistics.median(paint_times))}   "
        f"(max {ms(max(paint_times)).strip()})"
    )
    print(f"(queries {', '.join(repr(q) for q in QUERIES)}; '医' shows {shown} of 200 rows)")
    print("targets: open ≤ 100 ms, re-filter ≤ 30 ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
