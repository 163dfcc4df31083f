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

from app.domain import membership as seat_rules
from app.domain.vocabulary import ATTENDANCE_STATUSES, EXPERTISE, FIELDS, FILE_ROLES, GENDERS
from app.errors import UserError, ValidationError
from app.rules.facts import Item, Meeting, Member, Roster
from app.rules.profiles import Profile, load_profile, profile_ids
from app.rules.sop import resolve

ROLES = FILE_ROLES.codes
ATTENDANCE = ATTENDANCE_STATUSES.codes

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
    """The file does not follow the format; the message names the place and the key. The
    Chinese message (``zh``) names them too, keys in ASCII as in the file (scripts look for
    them) followed by their Chinese name: ``成员 p1（李明）：gender（性别）：…``."""


def key_zh(key: str) -> str:
    """A key as a Chinese message names it: ``gender（性别）`` (the key as in the file, which
    scripts look for, then its name from the one vocabulary)."""
    return f"{key}（{FIELDS.name(key, 'zh')}）" if key in FIELDS else key


def _refused(exc: ValidationError, label: str, label_zh: str) -> BadFile:
    """A rule of ``app.domain.membership`` broken by a member of the file, as the file's
    one-line message naming the member and the key."""
    return BadFile(
        f"{label}: {exc.field}: {exc.message}",
        zh=f"{label_zh}：{key_zh(exc.field)}：{exc.localized_message('zh')}",
    )


def _zh_list(values: Any) -> str:
    return "、".join(str(v) for v in values)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise BadFile(f"duplicate key {key!r}", zh=f"键 {key!r} 重复")
        result[key] = value
    return result


def parse_date(where: str, value: Any, where_zh: str | None = None) -> date:
    """A YYYY-MM-DD date; ``where`` (``where_zh`` in Chinese) names it in the message."""
    if isinstance(value, str) and DATE.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise BadFile(
        f"{where}: {value!r} is not a date in YYYY-MM-DD form",
        zh=f"{where_zh or where}：{value!r} 不是 YYYY-MM-DD 格式的日期",
    )


def _bool(where: str, where_zh: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise BadFile(
            f"{where}: must be true or false (got {value!r})",
            zh=f"{where_zh}：必须为 true 或 false（实际为 {value!r}）",
        )
    return value


def _text(where: str, where_zh: str, value: Any, *, required: bool = False) -> str:
    if not isinstance(value, str) or (required and not value.strip()):
        raise BadFile(
            f"{where}: must be {'a non-empty ' if required else ''}string",
            zh=f"{where_zh}：必须是{'非空' if required else ''}字符串",
        )
    return value


def _member(index: int, raw: Any) -> Member:
    if not isinstance(raw, Mapping):
        raise BadFile(f"members[{index}]: must be an object", zh=f"members[{index}]：必须是对象")
    ident = raw.get("id")
    label = f"member {ident}" if isinstance(ident, str) and ident else f"members[{index}]"
    label_zh = f"成员 {ident}" if isinstance(ident, str) and ident else f"members[{index}]"
    if isinstance(raw.get("name"), str) and raw.get("name"):
        label += f" ({raw['name']})"
        label_zh += f"（{raw['name']}）"

    def at(key: str) -> str:
        return f"{label}: {key}"

    def at_zh(key: str) -> str:
        return f"{label_zh}：{key_zh(key)}"

    for key in raw:
        if key not in MEMBER_REQUIRED and key not in MEMBER_OPTIONAL:
            raise BadFile(f"{label}: unknown key {key!r}", zh=f"{label_zh}：未知的键 {key!r}")
    for key in MEMBER_REQUIRED:
        if key not in raw:
            raise BadFile(f"{label}: {key}: is required", zh=f"{at_zh(key)}：必须填写")
    _text(at("id"), at_zh("id"), raw["id"], required=True)
    name = _text(at("name"), at_zh("name"), raw["name"], required=True)
    gender = raw["gender"]
    if gender not in GENDERS:
        raise BadFile(
            f"{label}: gender: must be female, male or other (got {gender!r})",
            zh=f"{at_zh('gender')}：须为 female、male 或 other（实际为 {gender!r}）",
        )
    role = raw["role"]
    if role not in ROLES:
        raise BadFile(
            f"{label}: role: must be one of {', '.join(ROLES)} (got {role!r})",
            zh=f"{at_zh('role')}：须为以下值之一：{_zh_list(ROLES)}（实际为 {role!r}）",
        )
    expertise = raw["expertise"]
    if not isinstance(expertise, list) or not expertise:
        raise BadFile(
            f"{label}: expertise: must be a non-empty list",
            zh=f"{at_zh('expertise')}：必须是非空列表",
        )
    for value in expertise:
        if value not in EXPERTISE:
            raise BadFile(
                f"{label}: expertise: unknown category {value!r} (known: {', '.join(EXPERTISE)})",
                zh=f"{at_zh('expertise')}：未知的专业领域 {value!r}（可用：{_zh_list(EXPERTISE)}）",
            )
    if len(set(expertise)) != len(expertise):
        raise BadFile(
            f"{label}: expertise: lists a category twice",
            zh=f"{at_zh('expertise')}：同一专业领域列出了两次",
        )
    affiliated = _bool(at("affiliated"), at_zh("affiliated"), raw["affiliated"])
    minority = _bool(at("minority"), at_zh("minority"), raw.get("minority", False))
    start = (
        parse_date(at("term_start"), raw["term_start"], at_zh("term_start"))
        if "term_start" in raw
        else None
    )
    end = (
        parse_date(at("term_end"), raw["term_end"], at_zh("term_end"))
        if "term_end" in raw
        else None
    )
    try:
        seat_rules.check_term(start, end)
    except ValidationError as exc:
        raise _refused(exc, label, label_zh) from None
    scientist = (
        _bool(at("scientist"), at_zh("scientist"), raw["scientist"]) if "scientist" in raw else None
    )
    voting = _bool(at("voting"), at_zh("voting"), raw["voting"]) if "voting" in raw else None
    alternate_for = raw.get("alternate_for")
    try:
        seat_rules.check_voting([role], voting)
        seat_rules.check_alternate([role], alternate_for, field_id="alternate_for")
    except ValidationError as exc:
        raise _refused(exc, label, label_zh) from None
    if alternate_for is not None:
        _text(at("alternate_for"), at_zh("alternate_for"), alternate_for, required=True)
    extras = {
        k: _text(at(k), at_zh(k), raw[k]) for k in ("profession", "employer", "degrees") if k in raw
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


def _attendance(
    where: str, where_zh: str, raw: Any, members: Mapping[str, Member]
) -> dict[str, str]:
    if not isinstance(raw, Mapping):
        raise BadFile(
            f"{where}: must be an object of member ids to present/remote/absent/excused",
            zh=f"{where_zh}：必须是由成员编号对应 present/remote/absent/excused 的对象",
        )
    result = {}
    for member_id, status in raw.items():
        if member_id not in members:
            raise BadFile(
                f"{where}: {member_id!r} is not a member id",
                zh=f"{where_zh}：{member_id!r} 不是成员编号",
            )
        if status not in ATTENDANCE:
            raise BadFile(
                f"{where}: member {member_id}: must be one of "
                f"{', '.join(ATTENDANCE)} (got {status!r})",
                zh=f"{where_zh}：成员 {member_id}：须为以下值之一："
                f"{_zh_list(ATTENDANCE)}（实际为 {status!r}）",
            )
        result[member_id] = status
    return result


def load_json(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise BadFile(f"{path}: no such file", zh=f"{path}：文件不存在") from exc
    except UnicodeDecodeError as exc:
        raise BadFile(f"{path}: not UTF-8 text", zh=f"{path}：不是 UTF-8 文本") from exc
    except OSError as exc:
        raise BadFile(
            f"{path}: cannot be read ({exc.strerror})", zh=f"{path}：无法读取（{exc.strerror}）"
        ) from exc
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as exc:
        raise BadFile(
            f"{path}: not JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})",
            zh=f"{path}：不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}）",
        ) from exc
    except BadFile as exc:
        raise BadFile(f"{path}: {exc}", zh=f"{path}：{exc.localized('zh')}") from exc


def parse_roster(
    data: Any, *, profile: str | None = None, as_of: date | None = None, meeting: bool = False
) -> tuple[Roster, Profile]:
    if not isinstance(data, Mapping):
        raise BadFile("the file must hold one JSON object", zh="文件内容必须是一个 JSON 对象")
    allowed = MEETING_KEYS if meeting else ROSTER_KEYS
    for key in data:
        if key not in allowed:
            raise BadFile(f"unknown top-level key {key!r}", zh=f"未知的顶层键 {key!r}")
    profile_id = profile or data.get("profile", "cn-2023")
    if profile_id not in profile_ids():
        raise BadFile(
            f"profile: unknown profile {profile_id!r} (known: {', '.join(profile_ids())})",
            zh=f"{key_zh('profile')}：未知的适用法规 {profile_id!r}"
            f"（可用：{_zh_list(profile_ids())}）",
        )
    loaded = load_profile(profile_id)
    day = as_of or (
        parse_date("as_of", data["as_of"], key_zh("as_of")) if "as_of" in data else date.today()
    )
    minority_region = _bool(
        "minority_region", key_zh("minority_region"), data.get("minority_region", False)
    )
    sop = data.get("sop", {})
    if not isinstance(sop, Mapping):
        raise BadFile(
            "sop: must be an object of overrides", zh=f"{key_zh('sop')}：必须是调整项的对象"
        )
    try:
        resolve(loaded, sop)
    except UserError as exc:
        zh = exc.localized("zh")
        if isinstance(exc, ValidationError) and exc.zh_field:
            # the key as in the file first: sop.quorum_min_present（SOP 调整项“法定人数”）：…
            zh = f"{exc.field}（{exc.zh_field}）：{exc.localized_message('zh')}"
        raise BadFile(str(exc), zh=zh) from exc
    raw_members = data.get("members")
    if not isinstance(raw_members, list):
        raise BadFile(
            "members: is required and must be a list",
            zh=f"{key_zh('members')}：必须提供，且必须是列表",
        )
    members = [_member(i, raw) for i, raw in enumerate(raw_members)]
    by_id: dict[str, Member] = {}
    for m in members:
        if m.id in by_id:
            raise BadFile(
                f"member {m.id}: id: used by more than one member",
                zh=f"成员 {m.id}：{key_zh('id')}：被多个成员使用",
            )
        by_id[m.id] = m
    for m in members:
        if m.alternate_for is not None:
            seat = by_id.get(m.alternate_for)
            if seat is None:
                raise BadFile(
                    f"member {m.id} ({m.name}): alternate_for: "
                    f"{m.alternate_for!r} is not a member id",
                    zh=f"成员 {m.id}（{m.name}）：{key_zh('alternate_for')}："
                    f"{m.alternate_for!r} 不是成员编号",
                )
            try:
                seat_rules.check_seat_for(
                    [seat.role], same_seat=seat.id == m.id, field_id="alternate_for"
                )
            except ValidationError as exc:
                raise _refused(
                    exc, f"member {m.id} ({m.name})", f"成员 {m.id}（{m.name}）"
                ) from None
    roster = Roster(profile_id, day, tuple(members), minority_region, dict(sop))
    return roster, loaded


def parse_meeting(
    data: Any, *, profile: str | None = None, as_of: date | None = None
) -> tuple[Meeting, Profile]:
    roster, loaded = parse_roster(data, profile=profile, as_of=as_of, meeting=True)
    members = roster.by_id()
    attendance = _attendance(
        "attendance", key_zh("attendance"), data.get("attendance", {}), members
    )
    raw_items = data.get("items", [])
    if not isinstance(raw_items, list):
        raise BadFile("items: must be a list", zh=f"{key_zh('items')}：必须是列表")
    codes = (*loaded.ballot_codes, "abstain")
    items: list[Item] = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_items):
        if not isinstance(raw, Mapping):
            raise BadFile(f"items[{index}]: must be an object", zh=f"items[{index}]：必须是对象")
        ident = raw.get("id")
        label = f"item {ident}" if isinstance(ident, str) else f"items[{index}]"
        label_zh = f"议题 {ident}" if isinstance(ident, str) else f"items[{index}]"
        for key in raw:
            if key not in ITEM_KEYS:
                raise BadFile(f"{label}: unknown key {key!r}", zh=f"{label_zh}：未知的键 {key!r}")
        _text(f"{label}: id", f"{label_zh}：{key_zh('id')}", ident, required=True)
        if ident in seen:
            raise BadFile(
                f"{label}: id: used by more than one item",
                zh=f"{label_zh}：{key_zh('id')}：被多个议题使用",
            )
        seen.add(str(ident))
        kind = raw.get("kind", "review")
        if kind not in ("review", "report"):
            raise BadFile(
                f"{label}: kind: must be review or report (got {kind!r})",
                zh=f"{label_zh}：{key_zh('kind')}：须为 review 或 report（实际为 {kind!r}）",
            )
        recused = raw.get("recused", [])
        if not isinstance(recused, list):
            raise BadFile(
                f"{label}: recused: must be a list of member ids",
                zh=f"{label_zh}：{key_zh('recused')}：必须是成员编号的列表",
            )
        for member_id in recused:
            if member_id not in members:
                raise BadFile(
                    f"{label}: recused: {member_id!r} is not a member id",
                    zh=f"{label_zh}：{key_zh('recused')}：{member_id!r} 不是成员编号",
                )
        item_attendance = _attendance(
            f"{label}: attendance",
            f"{label_zh}：{key_zh('attendance')}",
            raw.get("attendance", {}),
            members,
        )
        votes = raw.get("votes", {})
        if not isinstance(votes, Mapping):
            raise BadFile(
                f"{label}: votes: must be an object of member ids to decision codes",
                zh=f"{label_zh}：{key_zh('votes')}：必须是由成员编号对应决定代码的对象",
            )
        if votes and kind == "report":
            raise BadFile(
                f"{label}: votes: a report item is not voted on",
                zh=f"{label_zh}：{key_zh('votes')}：报告类议题不进行表决",
            )
        for member_id, choice in votes.items():
            if member_id not in members:
                raise BadFile(
                    f"{label}: votes: {member_id!r} is not a member id",
                    zh=f"{label_zh}：{key_zh('votes')}：{member_id!r} 不是成员编号",
                )
            if choice not in codes:
                raise BadFile(
                    f"{label}: votes: member {member_id}: {choice!r} is not a vote "
                    f"under {loaded.id} "
                    f"(allowed: {', '.join(codes)})",
                    zh=f"{label_zh}：{key_zh('votes')}：成员 {member_id}：{choice!r} "
                    f"不是 {loaded.id} 下的表决选项（可用：{_zh_list(codes)}）",
                )
        items.append(Item(str(ident), kind, tuple(recused), item_attendance, dict(votes)))
    return Meeting(roster, attendance, tuple(items)), loaded
