"""Rules engine speed: a 50-member roster and a 40-item meeting, evaluated in process.

For each of four profiles, times the evaluation of the roster and of the meeting with
their findings' messages and citations rendered in Chinese. The issue's bar: each
evaluation at most 10 ms (the target of the medians). Profiles are loaded once (as the app
does) and each evaluation is run once unmeasured (the profile and message files are read
once per process); what is timed is the evaluation and its rendering.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING

from bench import count_at_least
from bench.figures import Figure

if TYPE_CHECKING:
    from app.rules.evaluate import Finding
    from app.rules.facts import Meeting, Roster

NAME = "rules"
DESCRIPTION = "rules engine: a 50-member roster and a 40-item meeting, four profiles"
USES_QT = False

PROFILES = ("cn-2023", "cn-most-2023", "us-45cfr46", "who-2011")
LANG = "zh_CN"
TARGET_MS = 10.0

EXPERTISE = (
    "medicine",
    "pharmacy",
    "nursing",
    "statistics",
    "bioethics",
    "law",
    "sociology",
    "lay",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--runs",
        type=count_at_least(1),
        default=200,
        metavar="N",
        help="timed runs per evaluation (default 200)",
    )


def roster(profile: str, size: int = 50) -> Roster:
    from app.rules.facts import Member, Roster

    members = []
    for i in range(size):
        members.append(
            Member(
                id=f"m{i}",
                name=f"委员{i}",
                gender="female" if i % 2 else "male",
                role="chair" if i == 0 else "member",
                expertise=(EXPERTISE[i % len(EXPERTISE)],),
                affiliated=i % 3 != 0,
                term_start=date(2024, 1, 1),
                term_end=date(2028, 12, 31),
            )
        )
    for i in range(5):  # alternates for the first five, plus a consultant and a secretary
        members.append(
            Member(
                f"a{i}",
                f"替补{i}",
                "female",
                "alternate",
                ("medicine",),
                True,
                term_start=date(2024, 1, 1),
                alternate_for=f"m{i}",
            )
        )
    members.append(Member("c0", "顾问", "male", "consultant", ("law",), False))
    members.append(Member("s0", "秘书", "female", "secretary", ("other",), True))
    return Roster(profile, date(2026, 6, 1), tuple(members))


def meeting(profile: str, items: int = 40) -> Meeting:
    from app.rules.facts import Item, Meeting

    base = roster(profile)
    attendance = {m.id: ("present" if i % 5 else "absent") for i, m in enumerate(base.members)}
    attendance.update({f"a{i}": "present" for i in range(5)})
    agenda = []
    for n in range(items):
        votes = {f"m{i}": ("approve" if (i + n) % 4 else "disapprove") for i in range(50) if i % 5}
        votes["c0"] = "approve"
        agenda.append(
            Item(
                f"2026-{n:03d}",
                "review",
                recused=(f"m{n % 50}",),
                attendance={f"m{(n + 7) % 50}": "absent"},
                votes=votes,
            )
        )
    return Meeting(base, attendance, tuple(agenda))


def measure(fn: Callable[[], object], runs: int = 200) -> tuple[float, float]:
    """Median and p95 of ``runs`` calls of ``fn``, in ms, after one unmeasured call."""
    fn()  # warm: profile and message files are read once per process
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def _render(findings: Iterable[Finding]) -> None:
    for finding in findings:
        finding.message_in(LANG)
        finding.citation_in(LANG)


def evaluations(profile_id: str) -> tuple[Callable[[], object], Callable[[], object]]:
    """The two timed calls for a profile: its roster and its meeting, findings in LANG.

    Evaluation knows no language; each call evaluates and then renders every finding's
    message and citation in LANG, which is what the app does before it shows a finding.
    """
    from app.rules.evaluate import evaluate_meeting, evaluate_roster
    from app.rules.profiles import load_profile

    profile = load_profile(profile_id)
    facts_roster, facts_meeting = roster(profile_id), meeting(profile_id)

    def roster_in_lang() -> object:
        result = evaluate_roster(facts_roster, profile)
        _render(result.findings)
        return result

    def meeting_in_lang() -> object:
        result = evaluate_meeting(facts_meeting, profile)
        for item in result.items:
            _render(item.findings)
        return result

    return roster_in_lang, meeting_in_lang


def run(args: argparse.Namespace) -> list[Figure]:
    figures = []
    for profile_id in PROFILES:
        evaluate_roster, evaluate_meeting = evaluations(profile_id)
        roster_median, roster_p95 = measure(evaluate_roster, args.runs)
        meeting_median, meeting_p95 = measure(evaluate_meeting, args.runs)
        figures += [
            Figure(f"roster_{profile_id}", roster_median, "ms", TARGET_MS),
            Figure(f"roster_{profile_id}_p95", roster_p95, "ms"),
            Figure(f"meeting_{profile_id}", meeting_median, "ms", TARGET_MS),
            Figure(f"meeting_{profile_id}_p95", meeting_p95, "ms"),
        ]
    return figures
