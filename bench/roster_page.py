"""Roster page benchmark: the committee page on a roster of 200 memberships, offscreen Qt.

Measures, in this process:
  a. opening the page: from ``CommitteeRosterPage(ctx)`` to its rows shown — the page
     refreshed for the committee (first roster page, composition check, consultants), shown,
     and one ``QApplication.processEvents()`` so the view is laid out and painted;
     once with the current roster (150 memberships) and once with "Show history" on
     (150 current + 50 ended);
  b. re-filtering: setting the search box's text until the model has re-run the roster
     query (search in SQL, first page fetched; synchronous), and the same plus one
     ``processEvents()`` (the view repainted), for one- and two-character Chinese queries,
     a Latin one and clearing the search.

Targets (issue 4): open ≤ 100 ms, re-filter ≤ 30 ms, on the medians.

Every figure is the median of the runs (or their max), after warm-up runs that are not
counted (the first paint loads fonts and styles once per process; SQLAlchemy compiles each
statement once). The page context (the overview the main window reads for every page) is
read before timing starts and timed on its own. Qt runs on the offscreen platform unless
QT_QPA_PLATFORM says otherwise.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from bench import count_at_least
from bench.figures import BenchmarkError, Figure, note

NAME = "roster_page"
DESCRIPTION = "the committee roster page on 200 memberships, offscreen Qt: open and re-filter"
USES_QT = True

TODAY = date(2026, 11, 26)
CURRENT = 150
ENDED = 50
QUERIES = ("医", "明湖", "Wang", "儿科", "")
OPEN_TARGET_MS = 100.0
REFILTER_TARGET_MS = 30.0

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = "芳伟敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国立新文斌海燕"
PROFESSIONS = ("肿瘤内科", "心血管内科", "临床药学", "护理部", "医学统计", "生命伦理学", "医事法律")
EXPERTISE = ("medicine", "pharmacy", "nursing", "statistics", "bioethics", "law", "lay")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--runs",
        type=count_at_least(1),
        default=9,
        metavar="N",
        help="timed runs per measure (default 9)",
    )
    parser.add_argument(
        "--warmup",
        type=count_at_least(0),
        default=2,
        metavar="N",
        help="uncounted runs first (default 2)",
    )
    parser.add_argument(
        "--tmp", type=Path, default=None, metavar="DIR", help="where the database goes"
    )


def build_roster(db: Any) -> int:
    """One committee with CURRENT current and ENDED ended memberships, each person with a
    training record and two standing declarations, through the services."""
    from app.services import organisation, roster
    from app.services.actors import SYSTEM

    with db.write_scope() as s:
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


def open_page(ctx: Any, context: Any, history: bool) -> tuple[float, Any]:
    """Seconds from creating the page to its rows painted, and the page."""
    from PySide6.QtWidgets import QApplication

    from app.ui.committee import CommitteeRosterPage

    start = time.perf_counter()
    page = CommitteeRosterPage(ctx)
    if history:
        page.view.history.setChecked(True)
    page.resize(1220, 800)
    page.refresh(context)
    page.show()
    QApplication.processEvents()
    elapsed = time.perf_counter() - start
    expected = CURRENT + ENDED if history else CURRENT
    if page.model.total != expected:
        raise BenchmarkError(f"the page shows {page.model.total} memberships, not {expected}")
    if not (page.model.rowCount() > 0 and page.view.table.isVisible()):
        raise BenchmarkError("the page shows no rows")
    return elapsed, page


def close(page: Any) -> None:
    from PySide6.QtWidgets import QApplication

    page.close()
    page.deleteLater()
    QApplication.sendPostedEvents(None, 0)  # DeferredDelete
    QApplication.processEvents()


def _ms(seconds: list[float]) -> tuple[float, float]:
    """Median and max of ``seconds``, in ms."""
    return statistics.median(seconds) * 1000, max(seconds) * 1000


def run(args: argparse.Namespace) -> list[Figure]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before Qt is imported
    from PySide6.QtWidgets import QApplication

    from app.context import AppContext
    from app.db import open_database
    from app.services.queries.overview import load_overview
    from app.ui.i18n import install_translators
    from app.ui.pages.base import PageContext

    app = QApplication.instance() or QApplication([])
    install_translators(app, "en")
    note(f"roster_page: Qt platform {QApplication.platformName()}")
    with tempfile.TemporaryDirectory(prefix="ethicsdesk-bench-", dir=args.tmp) as tmp:
        db = open_database(f"sqlite:///{Path(tmp) / 'ethicsdesk.db'}")
        started = time.perf_counter()
        committee_id = build_roster(db)
        ctx = AppContext(db, lang="en", clock=lambda: TODAY)
        note(
            f"roster_page: built {CURRENT} current + {ENDED} ended memberships in "
            f"{time.perf_counter() - started:.1f} s"
        )
        overview_times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            overview = ctx.read(load_overview, TODAY)
            overview_times.append(time.perf_counter() - started)
        context = PageContext(
            overview=overview,
            committee=overview.committee(committee_id),
            lang="en",
            database=str(tmp),
        )

        open_times: dict[bool, list[float]] = {}
        for history in (False, True):
            times = []
            for run in range(args.warmup + args.runs):
                elapsed, page = open_page(ctx, context, history)
                if run >= args.warmup:
                    times.append(elapsed)
                close(page)
            open_times[history] = times

        _elapsed, page = open_page(ctx, context, True)
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
                if page.model.search != query:
                    raise BenchmarkError(f"the model did not take the search {query!r}")
                if run >= args.warmup:
                    filter_times.append(filtered - started)
                    paint_times.append(painted - started)
        search.setText("医")
        shown = page.model.total
        close(page)
        db.dispose()

    note(
        f"roster_page: queries {', '.join(repr(q) for q in QUERIES)}; "
        f"'医' shows {shown} of {CURRENT + ENDED} rows"
    )
    current, current_max = _ms(open_times[False])
    with_history, with_history_max = _ms(open_times[True])
    refilter, refilter_max = _ms(filter_times)
    repainted, repainted_max = _ms(paint_times)
    return [
        Figure("overview_read", statistics.median(overview_times) * 1000, "ms"),
        Figure("open_current", current, "ms", OPEN_TARGET_MS),
        Figure("open_current_max", current_max, "ms"),
        Figure("open_history", with_history, "ms", OPEN_TARGET_MS),
        Figure("open_history_max", with_history_max, "ms"),
        Figure("refilter", refilter, "ms", REFILTER_TARGET_MS),
        Figure("refilter_max", refilter_max, "ms"),
        Figure("refilter_repainted", repainted, "ms", REFILTER_TARGET_MS),
        Figure("refilter_repainted_max", repainted_max, "ms"),
    ]
