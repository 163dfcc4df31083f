"""Roster and meeting files (JSON, DESIGN.md section 5), read strictly.

Anything the format does not allow — unknown or duplicate keys, duplicate ids, dates not in
YYYY-MM-DD, a term that ends before it starts, unknown values, ids that name no member, an
alternate without its member — raises BadFile with one line naming the member and the key.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from app.errors import UserError
from app.rules.facts import ATTENDANCE, ROLES, Item, Meeting, Member, Roster
from app.rules.profiles import EXPERTISE, Profile, load_profile, profile_ids
from app.rules.sop import resolve

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ROSTER_KEYS = ("profile", "as_of", "minority_region", "sop", "members")
MEETING_KEYS = (*ROSTER_KEYS, "attendance", "items")
MEMBER_REQUIRED = ("id", "name", "gender", "role", "expertise", "affiliated")
MEMBER_OPTIONAL = (
    "minority",
    "term_start",
    "term_end",
    "scientist",
    "voting",
    "alternate_for",
    "profession",
    "employer",
    "degrees",
)
ITEM_KEYS = ("id", "kind", "recused", "attendance", "votes")


class BadFile(UserError):
    """The file does not follow the format; the message names the place and the key."""


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise BadFile(f"duplicate key {key!r}")
        result[key] = value
    return result


def parse_date(where: str, value: Any) -> date:
    if isinstance(value, str) and DATE.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise BadFile(f"{where}: {value!r} is not a date in YYYY-MM-DD form")


def _bool(where: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise BadFile(f"{where}: must be true or false (got {value!r})")
    return value


def _text(where: str, value: Any, *, required: bool = False) -> str:
    if not isinstance(value, str) or (required and not value.strip()):
        raise BadFile(f"{where}: must be {'a non-empty ' if required else ''}string")
    return value


def _member(index: int, raw: Any) -> Member:
    if not isinstance(raw, Mapping):
        raise BadFile(f"members[{index}]: must be an object")
    ident = raw.get("id")
    label = f"member {ident}" if isinstance(ident, str) and ident else f"members[{index}]"
    if isinstance(raw.get("name"), str) and raw.get("name"):
        label += f" ({raw['name']})"
    for key in raw:
        if key not in MEMBER_REQUIRED and key not in MEMBER_OPTIONAL:
            raise BadFile(f"{label}: unknown key {key!r}")
    for key in MEMBER_REQUIRED:
        if key not in raw:
            raise BadFile(f"{label}: {key}: is required")
    _text(f"{label}: id", raw["id"], required=True)
    name = _text(f"{label}: name", raw["name"], required=True)
    gender = raw["gender"]
    if gender not in ("female", "male", "other"):
        raise BadFile(f"{label}: gender: must be female, male or other (got {gender!r})")
    role = raw["role"]
    if role not in ROLES:
        raise BadFile(f"{label}: role: must be one of {', '.join(ROLES)} (got {role!r})")
    expertise = raw["expertise"]
    if not isinstance(expertise, list) or not expertise:
        raise BadFile(f"{label}: expertise: must be a non-empty list")
    for value in expertise:
        if value not in EXPERTISE:
            raise BadFile(
                f"{label}: expertise: unknown category {value!r} (known: {', '.join(EXPERTISE)})"
            )
    if len(set(expertise)) != len(expertise):
        raise BadFile(f"{label}: expertise: lists a category twice")
    affiliated = _bool(f"{label}: affiliated", raw["affiliated"])
    minority = _bool(f"{label}: minority", raw.get("minority", False))
    start = parse_date(f"{label}: term_start", raw["term_start"]) if "term_start" in raw else None
    end = parse_date(f"{label}: term_end", raw["term_end"]) if "term_end" in raw else None
    if start and end and start > end:
        raise BadFile(f"{label}: term_start: {start} is after term_end {end}")
    scientist = _bool(f"{label}: scientist", raw["scientist"]) if "scientist" in raw else None
    voting = _bool(f"{label}: voting", raw["voting"]) if "voting" in raw else None
    if voting and role in ("secretary", "consultant"):
        raise BadFile(
            f"{label}: voting: a {role} does not vote (give a voting secretary as member)"
        )
    alternate_for = raw.get("alternate_for")
    if role == "alternate" and alternate_for is None:
        raise BadFile(f"{label}: alternate_for: an alternate must name the member it sits for")
    if role != "alternate" and alternate_for is not None:
        raise BadFile(f"{label}: alternate_for: only an alternate sits for another member")
    if alternate_for is not None:
        _text(f"{label}: alternate_for", alternate_for, required=True)
    extras = {
        k: _text(f"{label}: {k}", raw[k]) for k in ("profession", "employer", "degrees") if k in raw
    }
    return Member(
        id=raw["id"],
        name=name,
        gender=gender,
        role=role,
        expertise=tuple(expertise),
        affiliated=affiliated,
        minority=minority,
        term_start=start,
        term_end=end,
        scientist=scientist,
        voting=voting,
        alternate_for=alternate_for,
        **extras,
    )


def _attendance(where: str, raw: Any, members: Mapping[str, Member]) -> dict[str, str]:
    if not isinstance(raw, Mapping):
        raise BadFile(f"{where}: must be an object of member ids to present/remote/absent/excused")
    result = {}
    for member_id, status in raw.items():
        if member_id not in members:
            raise BadFile(f"{where}: {member_id!r} is not a member id")
        if status not in ATTENDANCE:
            raise BadFile(
                f"{where}: member {member_id}: must be one of "
                f"{', '.join(ATTENDANCE)} (got {status!r})"
            )
        result[member_id] = status
    return result


def load_json(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise BadFile(f"{path}: no such file") from exc
    except UnicodeDecodeError as exc:
        raise BadFile(f"{path}: not UTF-8 text") from exc
    except OSError as exc:
        raise BadFile(f"{path}: cannot be read ({exc.strerror})") from exc
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as exc:
        raise BadFile(
            f"{path}: not JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from exc
    except BadFile as exc:
        raise BadFile(f"{path}: {exc}") from exc


def parse_roster(
    data: Any, *, profile: str | None = None, as_of: date | None = None, meeting: bool = False
) -> tuple[Roster, Profile]:
    if not isinstance(data, Mapping):
        raise BadFile("the file must hold one JSON object")
    allowed = MEETING_KEYS if meeting else ROSTER_KEYS
    for key in data:
        if key not in allowed:
            raise BadFile(f"unknown top-level key {key!r}")
    profile_id = profile or data.get("profile", "cn-2023")
    if profile_id not in profile_ids():
        raise BadFile(
            f"profile: unknown profile {profile_id!r} (known: {', '.join(profile_ids())})"
        )
    loaded = load_profile(profile_id)
    day = as_of or (parse_date("as_of", data["as_of"]) if "as_of" in data else date.today())
    minority_region = _bool("minority_region", data.get("minority_region", False))
    sop = data.get("sop", {})
    if not isinstance(sop, Mapping):
        raise BadFile("sop: must be an object of overrides")
    try:
        resolve(loaded, sop)
    except UserError as exc:
        raise BadFile(str(exc)) from exc
    raw_members = data.get("members")
    if not isinstance(raw_members, list):
        raise BadFile("members: is required and must be a list")
    members = [_member(i, raw) for i, raw in enumerate(raw_members)]
    by_id: dict[str, Member] = {}
    for m in members:
        if m.id in by_id:
            raise BadFile(f"member {m.id}: id: used by more than one member")
        by_id[m.id] = m
    for m in members:
        if m.alternate_for is not None:
            seat = by_id.get(m.alternate_for)
            if seat is None:
                raise BadFile(
                    f"member {m.id} ({m.name}): alternate_for: "
                    f"{m.alternate_for!r} is not a member id"
                )
            if seat.role == "alternate" or seat.id == m.id:
                raise BadFile(
                    f"member {m.id} ({m.name}): alternate_for: "
                    "names another alternate, not a member"
                )
    roster = Roster(profile_id, day, tuple(members), minority_region, dict(sop))
    return roster, loaded


def parse_meeting(
    data: Any, *, profile: str | None = None, as_of: date | None = None
) -> tuple[Meeting, Profile]:
    roster, loaded = parse_roster(data, profile=profile, as_of=as_of, meeting=True)
    members = roster.by_id()
    attendance = _attendance("attendance", data.get("attendance", {}), members)
    raw_items = data.get("items", [])
    if not isinstance(raw_items, list):
        raise BadFile("items: must be a list")
    codes = (*loaded.ballot_codes, "abstain")
    items: list[Item] = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_items):
        if not isinstance(raw, Mapping):
            raise BadFile(f"items[{index}]: must be an object")
        ident = raw.get("id")
        label = f"item {ident}" if isinstance(ident, str) else f"items[{index}]"
        for key in raw:
            if key not in ITEM_KEYS:
                raise BadFile(f"{label}: unknown key {key!r}")
        _text(f"{label}: id", ident, required=True)
        if ident in seen:
            raise BadFile(f"{label}: id: used by more than one item")
        seen.add(str(ident))
        kind = raw.get("kind", "review")
        if kind not in ("review", "report"):
            raise BadFile(f"{label}: kind: must be review or report (got {kind!r})")
        recused = raw.get("recused", [])
        if not isinstance(recused, list):
            raise BadFile(f"{label}: recused: must be a list of member ids")
        for member_id in recused:
            if member_id not in members:
                raise BadFile(f"{label}: recused: {member_id!r} is not a member id")
        item_attendance = _attendance(f"{label}: attendance", raw.get("attendance", {}), members)
        votes = raw.get("votes", {})
        if not isinstance(votes, Mapping):
            raise BadFile(f"{label}: votes: must be an object of member ids to decision codes")
        if votes and kind == "report":
            raise BadFile(f"{label}: votes: a report item is not voted on")
        for member_id, choice in votes.items():
            if member_id not in members:
                raise BadFile(f"{label}: votes: {member_id!r} is not a member id")
            if choice not in codes:
                raise BadFile(
                    f"{label}: votes: member {member_id}: {choice!r} is not a vote "
                    f"under {loaded.id} "
                    f"(allowed: {', '.join(codes)})"
                )
        items.append(Item(str(ident), kind, tuple(recused), item_attendance, dict(votes)))
    return Meeting(roster, attendance, tuple(items)), loaded
