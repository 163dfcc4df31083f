"""Rosters and meetings for the rules tests, built as the JSON files users write."""

from __future__ import annotations

import copy
from typing import Any

from app.rules.evaluate import MeetingResult, RosterResult, evaluate_meeting, evaluate_roster
from app.rules.files import parse_meeting, parse_roster

AS_OF = "2026-06-01"
TERM = {"term_start": "2024-01-01", "term_end": "2027-12-31"}

ALL_PROFILES = (
    "cn-2023",
    "cn-2016",
    "cn-gcp-2020",
    "cn-most-2023",
    "ich-e6",
    "us-45cfr46",
    "us-21cfr56",
    "who-2011",
)
CN = ("cn-2023", "cn-2016", "cn-gcp-2020")
US = ("us-45cfr46", "us-21cfr56")


def member(
    ident: str,
    name: str,
    gender: str,
    expertise: list[str],
    affiliated: bool,
    role: str = "member",
    **extra: Any,
) -> dict[str, Any]:
    return {
        "id": ident,
        "name": name,
        "gender": gender,
        "role": role,
        "expertise": expertise,
        "affiliated": affiliated,
        **TERM,
        **extra,
    }


def compliant_members() -> list[dict[str, Any]]:
    """Nine members that satisfy every composition rule of every shipped profile."""
    return [
        member("m1", "王芳", "female", ["medicine"], True, role="chair"),
        member("m2", "李建国", "male", ["medicine"], True, role="vice_chair"),
        member("m3", "张敏", "female", ["pharmacy"], True),
        member("m4", "赵丽", "male", ["bioethics"], False),
        member("m5", "黄磊", "female", ["law"], False),
        member("m6", "周婷", "male", ["lay"], False),
        member("m7", "吴刚", "female", ["sociology"], False),
        member("m8", "陈静", "male", ["nursing"], True),
        member("m9", "杨帆", "female", ["statistics"], True),
    ]


def roster_doc(
    profile: str, members: list[dict[str, Any]] | None = None, **top: Any
) -> dict[str, Any]:
    return {
        "profile": profile,
        "as_of": AS_OF,
        "members": members if members is not None else compliant_members(),
        **top,
    }


def check_roster(doc: dict[str, Any]) -> RosterResult:
    roster, profile = parse_roster(copy.deepcopy(doc))
    return evaluate_roster(roster, profile)


def check_meeting(doc: dict[str, Any]) -> MeetingResult:
    meeting, profile = parse_meeting(copy.deepcopy(doc))
    return evaluate_meeting(meeting, profile)


def failing(result: RosterResult) -> set[str]:
    return {f.check for f in result.findings if not f.ok}


def meeting_doc(
    profile: str,
    attendance: dict[str, str],
    items: list[dict[str, Any]],
    members: list[dict[str, Any]] | None = None,
    **top: Any,
) -> dict[str, Any]:
    return {**roster_doc(profile, members, **top), "attendance": attendance, "items": items}


def everyone(
    status: str = "present", members: list[dict[str, Any]] | None = None
) -> dict[str, str]:
    return {m["id"]: status for m in (members or compliant_members())}
