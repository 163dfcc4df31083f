"""Rules engine speed: a 50-member roster and a 40-item meeting, evaluated in process.

Run by hand: ``.venv/bin/python bench/bench_rules.py``. The issue's bar: each evaluation
under 10 ms. Profiles are loaded once (as the app does); what is timed is the evaluation.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from datetime import date
from functools import partial

from app.rules.evaluate import evaluate_meeting, evaluate_roster
from app.rules.facts import Item, Meeting, Member, Roster
from app.rules.profiles import load_profile

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


def roster(profile: str, size: int = 50) -> Roster:
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
    fn()  # warm: profile and message files are read once per process
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def main() -> None:
    print(
        f"{'profile':14} {'roster 50 (ms) median/p95':>28} {'meeting 40 items (ms) median/p95':>34}"
    )
    for profile_id in ("cn-2023", "cn-most-2023", "us-45cfr46", "who-2011"):
        profile = load_profile(profile_id)
        r, m = roster(profile_id), meeting(profile_id)
        rm, rp = measure(partial(evaluate_roster, r, profile, "zh_CN"))
        mm, mp = measure(partial(evaluate_meeting, m, profile, "zh_CN"))
        print(f"{profile_id:14} {rm:17.2f} / {rp:6.2f} {mm:23.2f} / {mp:6.2f}")


if __name__ == "__main__":
    main()
