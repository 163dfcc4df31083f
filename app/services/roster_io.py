"""Import and export of a committee's roster: the JSON roster file of DESIGN.md section 5,
and CSV for the secretary's spreadsheet.

Export writes the seats current on a date (``export_memberships``). Import is two steps, as
the UI shows them: ``preview_csv`` / ``preview_json`` read a file into rows, each with its
errors, without touching the database (beyond reading the committee's current seats when
given a session); ``apply_import`` writes a clean preview through the roster services, so
each person and membership is audited like one entered by hand. Any error in
``apply_import`` raises, and the caller's transaction rolls back: all or nothing.

CSV columns (header names in English or Chinese, either order, any subset containing the
required ones): see ``COLUMNS``. A cell that a spreadsheet would run as a formula (starting
with ``=``, ``+``, ``-``, ``@``, tab or carriage return) is written with a leading ``'``
(OWASP's advice against CSV injection); import removes that ``'`` again, so round trips
are exact.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.domain.vocabulary import EXPERTISE, GENDERS, ROLE_PRECEDENCE
from app.errors import NotFound, UserError, ValidationError, is_chinese
from app.models import Committee, Membership
from app.rules.files import BadFile, key_zh, parse_roster
from app.services import roster
from app.services import validation as v
from app.services.actors import Actor
from app.services.composition import committee_memberships, effective_end, profile_entry
from app.services.permissions import require

# --- vocabulary -----------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """A CSV column: its English id (also the key in ``ImportRow.values``) and Chinese name."""

    en: str
    zh: str
    required: bool = False
    max_length: int = 200

    @property
    def label(self) -> str:
        """How messages name the column: ``性别/gender``."""
        return f"{self.zh}/{self.en}"


COLUMNS: tuple[Column, ...] = (
    Column("name", "姓名", required=True, max_length=100),
    Column("gender", "性别", required=True),
    Column("role", "角色", required=True),
    Column("expertise", "专业领域", required=True),
    Column("affiliated", "本机构", required=True),
    Column("minority", "少数民族"),
    Column("term_start", "任期开始", required=True),
    Column("term_end", "任期结束"),
    Column("profession", "职称", max_length=100),
    Column("employer", "单位", max_length=200),
    Column("degrees", "学位", max_length=100),
    Column("alternate_for", "替补对象", max_length=100),
)
_BY_ID = {c.en: c for c in COLUMNS}

GENDER_ZH = {"female": "女", "male": "男", "other": "其他"}
ROLE_ZH = {
    "chair": "主任委员",
    "vice_chair": "副主任委员",
    "member": "委员",
    "alternate": "候补委员",
    "secretary": "秘书",
}
EXPERTISE_ZH = {
    "medicine": "医学",
    "life_science": "生命科学",
    "pharmacy": "药学",
    "nursing": "护理",
    "statistics": "统计学",
    "bioethics": "生命伦理学",
    "law": "法学",
    "sociology": "社会学",
    "lay": "社会人士",
    "other": "其他",
}
_GENDER_IN = {**{g: g for g in GENDERS}, **{zh: g for g, zh in GENDER_ZH.items()}}
_ROLE_IN = {**{r: r for r in ROLE_PRECEDENCE}, **{zh: r for r, zh in ROLE_ZH.items()}}
_CONSULTANT_WORDS = ("consultant", "独立顾问", "顾问")
_EXPERTISE_IN = {
    **{e: e for e in EXPERTISE},
    **{zh: e for e, zh in EXPERTISE_ZH.items()},
    "life_sciences": "life_science",
    "伦理学": "bioethics",
    "非专业人士": "lay",
    "护理学": "nursing",
}
_TRUE = ("yes", "true", "1", "是")
_FALSE = ("no", "false", "0", "否")
# Several expertise categories in one cell: ; or ； as documented, and the list marks a
# Chinese spreadsheet uses as well.
_LIST_SEPARATORS = re.compile(r"[;；、,，]")
# YYYY-MM-DD, and what spreadsheets write: YYYY/M/D (Excel on Chinese Windows), YYYY.M.D,
# YYYY年M月D日, optionally followed by a midnight time. Day-first and month-first forms are
# ambiguous and refused.
_DATE_FORMS = (
    re.compile(
        r"^(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?:\s+0?0:00(?::00)?)?$"
    ),
    re.compile(r"^(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日$"),
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Characters that reorder text invisibly (Trojan-source style); no name needs them.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")

MAX_IMPORT_BYTES = 5_000_000
MAX_IMPORT_ROWS = 5_000
MAX_CELL_LENGTH = 1_000


def _zh(lang: str) -> bool:
    return lang.startswith("zh")


# --- export ---------------------------------------------------------------------------


def _role_order(membership: Membership) -> tuple[int, int]:
    return ROLE_PRECEDENCE.index(membership.primary_role), membership.id


def export_memberships(session: Session, committee_id: int, as_of: date) -> list[Membership]:
    """The seats an export on ``as_of`` writes, in the file's order (role, then id).

    A seat is written when it is current on ``as_of`` or starts later: not ended before
    ``as_of`` and its term (the earlier of ``term_end`` and ``ended_on``) not over before
    ``as_of``. The seat an exported alternate sits for is written as well even when its term
    is over, since the file must name it; the check then reports its ``term_expired``.
    """
    v.get(session, Committee, "committee_id", committee_id)
    every = {m.id: m for m in committee_memberships(session, committee_id)}
    chosen: dict[int, Membership] = {}
    for m in every.values():
        end = effective_end(m)
        if end is None or end >= as_of:
            chosen[m.id] = m
    for m in list(chosen.values()):
        seat_id = m.alternate_for_id
        if m.primary_role == "alternate" and seat_id is not None and seat_id not in chosen:
            chosen[seat_id] = every[seat_id]
    return sorted(chosen.values(), key=_role_order)


def _default_voting(role: str) -> bool:
    return role != "secretary"


def export_roster_json(
    session: Session, committee_id: int, as_of: date, *, minority_region: bool = False
) -> dict[str, Any]:
    """The committee's roster on ``as_of`` as DESIGN.md section 5's roster file (a dict;
    ``roster_json_bytes`` makes the file). It passes ``app.rules.files.parse_roster``.

    One role per member: the first of chair, vice_chair, member, alternate, secretary that
    the membership holds. ``voting`` is written only when it differs from the role's default
    (a secretary does not vote, any other role does), ``scientist`` only when set, the text
    fields only when not empty. Member ids are membership ids.
    """
    day = v.parse_date("as_of", as_of)
    entry = profile_entry(session, committee_id, day)
    members = []
    for m in export_memberships(session, committee_id, day):
        person = m.person
        role = m.primary_role
        item: dict[str, Any] = {
            "id": str(m.id),
            "name": person.name_zh,
            "gender": person.gender,
            "role": role,
            "expertise": m.expertise,
            "affiliated": m.affiliated,
            "minority": person.minority,
            "term_start": m.term_start.isoformat(),
        }
        end = effective_end(m)
        if end is not None:
            item["term_end"] = end.isoformat()
        if m.scientist is not None:
            item["scientist"] = m.scientist
        if m.voting != _default_voting(role):
            item["voting"] = m.voting
        if role == "alternate" and m.alternate_for_id is not None:
            item["alternate_for"] = str(m.alternate_for_id)
        for key in ("profession", "employer", "degrees"):
            if getattr(person, key):
                item[key] = getattr(person, key)
        members.append(item)
    document: dict[str, Any] = {
        "profile": entry.profile_id,
        "as_of": day.isoformat(),
        "minority_region": minority_region,
    }
    if entry.sop_overrides:
        document["sop"] = dict(entry.sop_overrides)
    document["members"] = members
    return document


def roster_json_bytes(document: Mapping[str, Any]) -> bytes:
    """A roster document as the file's bytes: UTF-8, readable Chinese, indented."""
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def neutralise_cell(text: str) -> str:
    """A cell a spreadsheet will show as text: a leading ``'`` before what would start a
    formula (CSV injection)."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _yes_no(value: bool, lang: str) -> str:
    if _zh(lang):
        return "是" if value else "否"
    return "yes" if value else "no"


def export_roster_csv(session: Session, committee_id: int, as_of: date, lang: str = "en") -> bytes:
    """The roster on ``as_of`` (the seats of ``export_memberships``) as CSV for Excel.

    UTF-8 with a BOM, CRLF line ends, the header and the values in English (ids, yes/no) or
    Chinese (``lang`` zh*). Expertise is joined by ``;``; ``alternate_for`` is the name of
    the member the alternate sits for. Cells that would start a formula are neutralised.
    The file carries name, profession and affiliation (what members agree to publish) but
    no contact details.
    """
    day = v.parse_date("as_of", as_of)
    zh = _zh(lang)
    memberships = export_memberships(session, committee_id, day)
    names = {m.id: m.person.name_zh for m in memberships}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.zh if zh else c.en for c in COLUMNS])
    for m in memberships:
        person = m.person
        role = m.primary_role
        end = effective_end(m)
        seat = m.alternate_for_id if role == "alternate" else None
        row = [
            person.name_zh,
            GENDER_ZH[person.gender] if zh else person.gender,
            ROLE_ZH[role] if zh else role,
            ";".join(EXPERTISE_ZH[e] if zh else e for e in m.expertise),
            _yes_no(m.affiliated, lang),
            _yes_no(person.minority, lang),
            m.term_start.isoformat(),
            end.isoformat() if end else "",
            person.profession,
            person.employer,
            person.degrees,
            names.get(seat, "") if seat is not None else "",
        ]
        writer.writerow([neutralise_cell(cell) for cell in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


# --- import preview -------------------------------------------------------------------


@dataclass
class ImportRow:
    """One member of an import file.

    ``line`` is the CSV line the row starts on (the header is line 1), or the member's
    position (from 1) in a JSON file's ``members``. ``values`` holds what was read
    correctly, under the column ids of ``COLUMNS`` (dates as ``date``, expertise as a list,
    flags as bool) plus ``ref`` (the key ``alternate_for`` refers to: the name in CSV, the id
    in JSON), ``voting`` and ``scientist`` (None unless a JSON file sets them) and, when the
    alternate sits for a seat already on the committee, ``alternate_for_membership_id``.
    ``cells`` is the raw text per column for display. ``errors`` are whole messages naming
    the place and the column, in English; ``errors_zh`` the same messages in Chinese, one for
    one (``add_error`` adds both). ``where`` and ``where_zh`` name the row: ``line 3`` /
    ``第 3 行`` by default, ``member p1 (李明)`` / ``成员 p1（李明）`` for JSON.
    """

    line: int
    values: dict[str, Any]
    errors: list[str] = field(default_factory=list)
    cells: dict[str, str] = field(default_factory=dict)
    where: str = ""
    errors_zh: list[str] = field(default_factory=list)
    where_zh: str = ""

    def __post_init__(self) -> None:
        if not self.where:
            self.where = f"line {self.line}"
        if not self.where_zh:
            self.where_zh = f"第 {self.line} 行"

    def add_error(self, message: str, zh: str) -> None:
        self.errors.append(message)
        self.errors_zh.append(zh)

    def errors_in(self, lang: str) -> list[str]:
        """The errors in ``lang`` (English where the Chinese is not one for one)."""
        if is_chinese(lang) and len(self.errors_zh) == len(self.errors):
            return self.errors_zh
        return self.errors

    def where_in(self, lang: str) -> str:
        return self.where_zh if is_chinese(lang) else self.where

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class ImportPreview:
    """What an import would write: rows with their errors, and errors of the whole file."""

    rows: list[ImportRow]
    file_errors: list[str] = field(default_factory=list)
    source: str = "csv"  # "csv" or "json": how messages name columns and rows refer to others
    file_errors_zh: list[str] = field(default_factory=list)  # file_errors in Chinese

    @classmethod
    def refused(cls, message: str, zh: str) -> ImportPreview:
        """A file that cannot be read at all: no rows, one file error."""
        return cls([], [message], file_errors_zh=[zh])

    def file_errors_in(self, lang: str) -> list[str]:
        """The file errors in ``lang`` (English where the Chinese is not one for one)."""
        if is_chinese(lang) and len(self.file_errors_zh) == len(self.file_errors):
            return self.file_errors_zh
        return self.file_errors

    def errors_in(self, lang: str) -> list[str]:
        """``errors`` in ``lang``."""
        return [*self.file_errors_in(lang), *(e for r in self.rows for e in r.errors_in(lang))]

    @property
    def ok(self) -> bool:
        """True when the file may be imported: no file error, rows, and no row error."""
        return not self.file_errors and bool(self.rows) and all(r.ok for r in self.rows)

    @property
    def errors(self) -> list[str]:
        """Every message, file errors first, then rows in order."""
        return [*self.file_errors, *(e for r in self.rows for e in r.errors)]


class _CellError(Exception):
    """A cell cannot be read; the message says why (without place or column), ``zh`` in
    Chinese."""

    def __init__(self, message: str, zh: str) -> None:
        super().__init__(message)
        self.zh = zh


def _clean(text: str) -> str:
    """A cell's text: NFC, stripped, without the ``'`` that export puts before a formula."""
    text = unicodedata.normalize("NFC", text).strip()
    if text.startswith("'") and text[1:].startswith(_FORMULA_START):
        text = text[1:]
    return text


def _check_text(text: str, max_length: int) -> str:
    if any(unicodedata.category(ch) == "Cc" for ch in text):
        raise _CellError(
            "contains control characters (line breaks, tabs or the like)",
            "含有控制字符（换行符、制表符等）",
        )
    if _BIDI_CONTROLS.search(text):
        raise _CellError(
            "contains invisible text-direction characters", "含有不可见的文字方向控制字符"
        )
    if len(text) > max_length:
        raise _CellError(f"is longer than {max_length} characters", f"不能超过 {max_length} 个字符")
    return text


def _key(text: str) -> str:
    """How a word of the file is matched: case-folded, spaces and hyphens as underscores."""
    return re.sub(r"[\s\-]+", "_", text.casefold())


def _gender(text: str) -> str:
    found = _GENDER_IN.get(_key(text))
    if found is None:
        raise _CellError(
            f"{text!r} is not female, male or other",
            f"{text!r} 不是有效的性别（女、男、其他；female、male、other）",
        )
    return found


def _role(text: str) -> str:
    key = _key(text)
    if key in _CONSULTANT_WORDS:
        raise _CellError(
            f"{text!r}: a consultant is engaged per project, not seated on the committee",
            f"{text!r}：独立顾问按项目聘请，不在委员会任职",
        )
    found = _ROLE_IN.get(key)
    if found is None:
        raise _CellError(
            f"{text!r} is not a role (chair, vice_chair, member, alternate, secretary; "
            "主任委员, 副主任委员, 委员, 候补委员, 秘书)",
            f"{text!r} 不是有效的角色（主任委员、副主任委员、委员、候补委员、秘书；"
            "chair、vice_chair、member、alternate、secretary）",
        )
    return found


def _expertise(text: str) -> list[str]:
    result: list[str] = []
    for piece in _LIST_SEPARATORS.split(text):
        piece = piece.strip()
        if not piece:
            continue
        found = _EXPERTISE_IN.get(_key(piece))
        if found is None:
            raise _CellError(
                f"{piece!r} is not an expertise category (known: {', '.join(EXPERTISE)}; "
                f"{'、'.join(EXPERTISE_ZH.values())})",
                f"{piece!r} 不是已知的专业领域（可用：{'、'.join(EXPERTISE_ZH.values())}；"
                f"{'、'.join(EXPERTISE)}）",
            )
        if found not in result:
            result.append(found)
    if not result:
        raise _CellError("is required", "必须填写")
    return result


def _flag(text: str) -> bool:
    key = text.casefold()
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise _CellError(
        f"{text!r} is not yes or no (true/false, 1/0, 是/否)",
        f"{text!r} 不是“是”或“否”（是/否、yes/no、true/false、1/0）",
    )


def _date(text: str) -> date:
    for form in _DATE_FORMS:
        match = form.match(text)
        if match:
            try:
                return date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                raise _CellError(
                    f"{text!r} is not a real date", f"{text!r} 不是有效的日期"
                ) from None
    raise _CellError(
        f"{text!r} is not a date in YYYY-MM-DD form", f"{text!r} 不是 YYYY-MM-DD 格式的日期"
    )


def _read_cell(column: Column, text: str) -> Any:
    """The value of one non-empty cell; raises _CellError."""
    text = _check_text(text, min(column.max_length, MAX_CELL_LENGTH))
    if column.en == "gender":
        return _gender(text)
    if column.en == "role":
        return _role(text)
    if column.en == "expertise":
        return _expertise(text)
    if column.en in ("affiliated", "minority"):
        return _flag(text)
    if column.en in ("term_start", "term_end"):
        return _date(text)
    return text


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise UserError(
                "the file starts like UTF-16 text but is not",
                zh="文件开头像 UTF-16 文本，但实际不是",
            ) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise UserError(
            "the file is neither UTF-8 nor GB18030 text; save it from the spreadsheet as "
            "CSV (UTF-8)",
            zh="文件既不是 UTF-8 也不是 GB18030 文本，请在表格软件中另存为“CSV UTF-8”格式",
        ) from None


def _delimiter(first_line: str) -> str:
    """Comma, unless the header is separated by tabs or semicolons (European Excel)."""
    counts = {d: first_line.count(d) for d in (",", "\t", ";")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _header(cells: list[str]) -> tuple[list[Column | None], list[tuple[str, str]]]:
    """The column of each header cell (None for an empty cell), and the file errors (each
    in English and Chinese)."""
    aliases = {**{_key(c.en): c for c in COLUMNS}, **{c.zh: c for c in COLUMNS}}
    columns: list[Column | None] = []
    errors: list[tuple[str, str]] = []
    seen: set[str] = set()
    for position, raw in enumerate(cells, start=1):
        text = _clean(raw)
        if not text:
            columns.append(None)
            continue
        column = aliases.get(_key(text)) or aliases.get(text)
        if column is None:
            known = ", ".join(c.label for c in COLUMNS)
            errors.append(
                (
                    f"line 1: column {position}: unknown column {text[:60]!r} in the header "
                    f"(known: {known})",
                    f"第 1 行：第 {position} 列：无法识别表头中的列名 {text[:60]!r}"
                    f"（可用：{'、'.join(c.label for c in COLUMNS)}）",
                )
            )
            columns.append(None)
            continue
        if column.en in seen:
            errors.append(
                (
                    f"line 1: column {position}: {column.label} appears twice in the header",
                    f"第 1 行：第 {position} 列：表头中 {column.label} 出现了两次",
                )
            )
        seen.add(column.en)
        columns.append(column)
    if not errors:
        missing = [c.label for c in COLUMNS if c.required and c.en not in seen]
        if missing:
            errors.append(
                (
                    f"line 1: the header lacks required columns: {', '.join(missing)}",
                    f"第 1 行：表头缺少必需的列：{'、'.join(missing)}",
                )
            )
    return columns, errors


def _csv_row(line: int, columns: list[Column | None], cells: list[str]) -> ImportRow:
    row = ImportRow(line=line, values={})
    for position, raw in enumerate(cells):
        column = columns[position] if position < len(columns) else None
        text = _clean(raw)
        if column is None:
            if text:
                row.add_error(
                    f"line {line}: column {position + 1}: has a value but no column name "
                    "in the header",
                    f"第 {line} 行：第 {position + 1} 列：有内容，但表头中没有列名",
                )
            continue
        row.cells[column.en] = text[:MAX_CELL_LENGTH]
        if not text:
            if column.required:
                row.add_error(
                    f"line {line}: {column.label}: is required",
                    f"第 {line} 行：{column.label}：必须填写",
                )
            continue
        try:
            row.values[column.en] = _read_cell(column, text)
        except _CellError as exc:
            row.add_error(
                f"line {line}: {column.label}: {exc}", f"第 {line} 行：{column.label}：{exc.zh}"
            )
    for column in COLUMNS:
        if column.required and column.en not in row.cells:
            row.add_error(
                f"line {line}: {column.label}: is required",
                f"第 {line} 行：{column.label}：必须填写",
            )
    row.values.setdefault("minority", False)
    for key in ("term_end", "alternate_for"):
        row.values.setdefault(key, None)
    for key in ("profession", "employer", "degrees"):
        row.values.setdefault(key, "")
    row.values["voting"] = None
    row.values["scientist"] = None
    if "name" in row.values:
        row.values["ref"] = row.values["name"]
    return row


def _label(column: str, source: str) -> str:
    """A column as messages name it: ``性别/gender`` for CSV, the key for JSON."""
    return _BY_ID[column].label if source == "csv" else column


def _label_zh(column: str, source: str) -> str:
    """A column as Chinese messages name it: ``性别/gender`` for CSV, ``gender（性别）`` for
    JSON."""
    return _BY_ID[column].label if source == "csv" else key_zh(column)


def _shown(text: str, limit: int = 40) -> str:
    """Text from a file made safe to quote in a message: control characters replaced."""
    return "".join("\ufffd" if unicodedata.category(ch) == "Cc" else ch for ch in text[:limit])


def _check_row_rules(row: ImportRow) -> None:
    """Checks within one row: term order, alternates name their member."""
    values = row.values
    start, end = values.get("term_start"), values.get("term_end")
    if start is not None and end is not None and end < start:
        row.add_error(
            f"{row.where}: {_BY_ID['term_end'].label}: {end} is before the term's start {start}",
            f"{row.where_zh}：{_BY_ID['term_end'].label}：{end} 早于任期开始日期 {start}",
        )
    role = values.get("role")
    alternate_for = values.get("alternate_for")
    label = _BY_ID["alternate_for"].label
    if role == "alternate" and not alternate_for:
        row.add_error(
            f"{row.where}: {label}: an alternate must name the member it sits for",
            f"{row.where_zh}：{label}：候补委员必须指明其候补的委员",
        )
    elif role is not None and role != "alternate" and alternate_for:
        row.add_error(
            f"{row.where}: {label}: only an alternate sits for another member",
            f"{row.where_zh}：{label}：只有候补委员才能候补其他委员",
        )


def _current_seats(session: Session, committee_id: int) -> dict[str, list[Membership]]:
    """The committee's memberships not ended, by case-folded name."""
    seats: dict[str, list[Membership]] = {}
    query = (
        select(Membership)
        .where(Membership.committee_id == committee_id, Membership.ended_on.is_(None))
        .options(selectinload(Membership.person), selectinload(Membership.role_rows))
        .order_by(Membership.id)
    )
    for m in session.scalars(query):
        seats.setdefault(m.person.name_zh.casefold(), []).append(m)
    return seats


def _overlaps(seat: Membership, start: date | None) -> bool:
    """Does ``seat`` still run when a term starting on ``start`` begins (add_membership's
    rule for a second seat of one person)?"""
    return seat.term_end is None or start is None or seat.term_end >= start


def _seat_conflicts(
    rows: list[ImportRow], seats: Mapping[str, list[Membership]], source: str
) -> list[tuple[ImportRow, str, str]]:
    """Rows whose name holds a current seat already, each with the message (en, zh)."""
    conflicts = []
    for row in rows:
        name = row.values.get("name")
        if name is None:
            continue
        for seat in seats.get(name.casefold(), []):
            if _overlaps(seat, row.values.get("term_start")):
                conflicts.append(
                    (
                        row,
                        f"{row.where}: {_label('name', source)}: {name} already holds a current "
                        f"seat on this committee (membership {seat.id})",
                        f"{row.where_zh}：{_label_zh('name', source)}：{name} 已在本委员会任职"
                        f"（任职记录 {seat.id}）",
                    )
                )
                break
    return conflicts


def _check_across_rows(
    rows: list[ImportRow],
    session: Session | None,
    committee_id: int | None,
    *,
    source: str,
) -> None:
    """Checks between rows, and against the committee's seats when a session is given."""
    # CSV rows are named and refer to each other by name, which must be unique and is
    # matched case-insensitively; JSON rows refer to each other by id.
    unique_names = source == "csv"
    name_label = _label("name", source)
    alt_label = _label("alternate_for", source)
    name_label_zh = _label_zh("name", source)
    alt_label_zh = _label_zh("alternate_for", source)
    first_line: dict[str, int] = {}
    for row in rows:
        name = row.values.get("name")
        if name is None:
            continue
        key = name.casefold()
        if unique_names and key in first_line:
            row.add_error(
                f"{row.where}: {name_label}: {name} is also on line {first_line[key]}; "
                "names must be unique within one import",
                f"{row.where_zh}：{name_label_zh}：{name} 与第 {first_line[key]} 行重名；"
                "同一次导入中的姓名不能重复",
            )
        first_line.setdefault(key, row.line)
    by_ref: dict[str, ImportRow] = {}
    for row in rows:
        ref = row.values.get("ref")
        if ref is not None:
            by_ref.setdefault(ref.casefold() if unique_names else ref, row)
    seats = _current_seats(session, committee_id) if session and committee_id else {}
    for row in rows:
        wanted = row.values.get("alternate_for")
        if not wanted or row.values.get("role") != "alternate":
            continue
        target = by_ref.get(wanted.casefold() if unique_names else wanted)
        if target is row:
            row.add_error(
                f"{row.where}: {alt_label}: an alternate cannot sit for itself",
                f"{row.where_zh}：{alt_label_zh}：候补委员不能候补自己",
            )
        elif target is not None:
            if target.values.get("role") == "alternate":
                row.add_error(
                    f"{row.where}: {alt_label}: {wanted} is another alternate, not a member",
                    f"{row.where_zh}：{alt_label_zh}：{wanted} 是另一名候补委员，而不是正式委员",
                )
            row.values["alternate_for_ref"] = target.values["ref"]
        else:
            start = row.values.get("term_start")
            existing = [
                s
                for s in seats.get(wanted.casefold(), [])
                if s.primary_role != "alternate" and _overlaps(s, start)
            ]
            if len(existing) == 1:
                row.values["alternate_for_membership_id"] = existing[0].id
            else:
                where = "in this file or on the committee" if session else "in this file"
                where_zh = "本文件或本委员会" if session else "本文件"
                row.add_error(
                    f"{row.where}: {alt_label}: {wanted} is not a member {where}",
                    f"{row.where_zh}：{alt_label_zh}：{wanted} 不是{where_zh}中的委员",
                )
    for row, message, zh in _seat_conflicts(rows, seats, source):
        row.add_error(message, zh)


def _check_committee_args(session: Session | None, committee_id: int | None) -> None:
    if (session is None) != (committee_id is None):
        raise TypeError("give both session and committee_id, or neither")
    if session is not None:
        v.get(session, Committee, "committee_id", committee_id)


def preview_csv(
    data: bytes, *, session: Session | None = None, committee_id: int | None = None
) -> ImportPreview:
    """Read a roster CSV into rows with their errors; writes nothing.

    Decoded as UTF-8 (with or without a BOM), else GB18030 (UTF-16 with a BOM is read too).
    With ``session`` and ``committee_id``, a name that already holds a current seat on the
    committee is an error, and ``alternate_for`` may name a current member of the committee
    who is not in the file.
    """
    _check_committee_args(session, committee_id)
    if len(data) > MAX_IMPORT_BYTES:
        return ImportPreview.refused(
            f"the file is larger than {MAX_IMPORT_BYTES:,} bytes",
            f"文件超过 {MAX_IMPORT_BYTES:,} 字节",
        )
    try:
        text = _decode(data)
    except UserError as exc:
        return ImportPreview.refused(str(exc), exc.localized("zh"))
    if not text.strip():
        return ImportPreview.refused("the file is empty", "文件是空的")
    first_line = next(line for line in text.splitlines() if line.strip())
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first_line))
    records: list[tuple[int, list[str]]] = []
    try:
        while True:
            start = reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                break
            if any(c.strip() for c in cells):
                records.append((start, cells))
            if len(records) > MAX_IMPORT_ROWS:
                return ImportPreview.refused(
                    f"the file has more than {MAX_IMPORT_ROWS} rows",
                    f"文件超过 {MAX_IMPORT_ROWS} 行",
                )
    except csv.Error as exc:
        return ImportPreview.refused(
            f"line {reader.line_num}: not readable as CSV ({exc})",
            f"第 {reader.line_num} 行：无法按 CSV 格式读取（{exc}）",
        )
    if not records:
        return ImportPreview.refused("the file is empty", "文件是空的")
    (_header_line, header), *body = records
    columns, file_errors = _header(header)
    if file_errors:
        return ImportPreview(
            [], [en for en, _ in file_errors], file_errors_zh=[zh for _, zh in file_errors]
        )
    if not body:
        return ImportPreview.refused(
            "the file has a header but no members", "文件只有表头，没有委员"
        )
    rows = [_csv_row(line, columns, cells) for line, cells in body]
    for row in rows:
        _check_row_rules(row)
    _check_across_rows(rows, session, committee_id, source="csv")
    return ImportPreview(rows, source="csv")


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise BadFile(f"duplicate key {key!r}", zh=f"键 {key!r} 重复")
        result[key] = value
    return result


def preview_json(
    data: bytes, *, session: Session | None = None, committee_id: int | None = None
) -> ImportPreview:
    """Read a JSON roster file (DESIGN.md section 5, strictly, by ``parse_roster``) into rows.

    A file the format refuses is one file error (parse_roster's one line). Its members become
    rows; a consultant, or a member without ``term_start``, is an error (a seat needs a
    start). The file's profile, as_of, minority_region and sop describe the file, not the
    committee, and are not imported. Names may repeat (ids tell members apart).
    """
    _check_committee_args(session, committee_id)
    if len(data) > MAX_IMPORT_BYTES:
        return ImportPreview.refused(
            f"the file is larger than {MAX_IMPORT_BYTES:,} bytes",
            f"文件超过 {MAX_IMPORT_BYTES:,} 字节",
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return ImportPreview.refused("the file is not UTF-8 text", "文件不是 UTF-8 文本")
    if not text.strip():
        return ImportPreview.refused("the file is empty", "文件是空的")
    try:
        document = json.loads(text, object_pairs_hook=_no_duplicate_keys)
        roster_file, _profile = parse_roster(document)
    except json.JSONDecodeError as exc:
        return ImportPreview.refused(
            f"not JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})",
            f"不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}）",
        )
    except BadFile as exc:
        return ImportPreview.refused(str(exc), exc.localized("zh"))
    except RecursionError:
        return ImportPreview.refused(
            "the file nests too deeply to be a roster", "文件嵌套层级过深，不是名册文件"
        )
    if not roster_file.members:
        return ImportPreview.refused("the file has no members", "文件中没有委员")
    rows = []
    for position, member in enumerate(roster_file.members, start=1):
        where = f"member {_shown(member.id)} ({_shown(member.name)})"
        where_zh = f"成员 {_shown(member.id)}（{_shown(member.name)}）"
        row = ImportRow(line=position, values={}, where=where, where_zh=where_zh)
        texts = {
            "name": member.name,
            "profession": member.profession,
            "employer": member.employer,
            "degrees": member.degrees,
        }
        for key, raw in texts.items():
            cleaned = unicodedata.normalize("NFC", raw).strip()
            try:
                row.values[key] = _check_text(cleaned, _BY_ID[key].max_length)
            except _CellError as exc:
                row.add_error(f"{where}: {key}: {exc}", f"{where_zh}：{key_zh(key)}：{exc.zh}")
        if member.role == "consultant":
            row.add_error(
                f"{where}: role: a consultant is engaged per project, not seated on the committee",
                f"{where_zh}：{key_zh('role')}：独立顾问按项目聘请，不在委员会任职",
            )
        else:
            row.values["role"] = member.role
        if member.term_start is None:
            row.add_error(
                f"{where}: term_start: is required to seat a member",
                f"{where_zh}：{key_zh('term_start')}：在委员会任职须有任期开始日期",
            )
        row.values.update(
            ref=member.id,
            gender=member.gender,
            expertise=list(member.expertise),
            affiliated=member.affiliated,
            minority=member.minority,
            term_start=member.term_start,
            term_end=member.term_end,
            scientist=member.scientist,
            voting=member.voting,
            alternate_for=member.alternate_for,
        )
        row.cells = {k: _cell_text(val) for k, val in row.values.items() if k != "ref"}
        rows.append(row)
    _check_across_rows(rows, session, committee_id, source="json")
    return ImportPreview(rows, source="json")


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return ";".join(str(x) for x in value)
    return str(value)


# --- import ---------------------------------------------------------------------------


def _in_order(rows: Iterable[ImportRow]) -> list[ImportRow]:
    """Members first, then the alternates, who name them."""
    rows = list(rows)
    return [r for r in rows if r.values["role"] != "alternate"] + [
        r for r in rows if r.values["role"] == "alternate"
    ]


def apply_import(
    session: Session, actor: Actor, committee_id: int, preview: ImportPreview
) -> list[int]:
    """Seat every row of a clean preview on the committee; the new membership ids, in the
    preview's row order.

    Each row becomes a new person and a membership, through ``roster.create_person`` and
    ``roster.add_membership`` (both audited); alternates are added after the members they
    sit for. Refuses (ValidationError, field ``import``) a preview with errors, and a row
    whose name has meanwhile taken a current seat. Any error raises; the caller's
    transaction then rolls back, so nothing is written.
    """
    require(actor, "roster.edit")
    committee = v.get(session, Committee, "committee_id", committee_id)
    if not preview.ok:
        count = len(preview.errors)
        reason = f"{count} error(s)" if count else "no members"
        reason_zh = f"有 {count} 处错误" if count else "没有委员"
        raise ValidationError(
            "import",
            f"the file has {reason}; nothing was imported",
            zh=f"文件{reason_zh}，未导入任何数据",
        )
    conflicts = _seat_conflicts(preview.rows, _current_seats(session, committee.id), preview.source)
    if conflicts:
        _row, message, zh = conflicts[0]
        raise ValidationError("import", message, zh=zh)
    new_ids: dict[int, int] = {}
    membership_of_ref: dict[str, int] = {}
    for row in _in_order(preview.rows):
        values = row.values
        try:
            person = roster.create_person(
                session,
                actor,
                name_zh=values["name"],
                gender=values["gender"],
                minority=values["minority"],
                profession=values["profession"],
                employer=values["employer"],
                degrees=values["degrees"],
            )
            alternate_for_id = values.get("alternate_for_membership_id")
            if values.get("alternate_for_ref") is not None:
                alternate_for_id = membership_of_ref[values["alternate_for_ref"]]
            membership = roster.add_membership(
                session,
                actor,
                committee_id=committee.id,
                person_id=person.id,
                roles=[values["role"]],
                expertise=values["expertise"],
                affiliated=values["affiliated"],
                term_start=values["term_start"],
                term_end=values["term_end"],
                voting=values["voting"],
                scientist=values["scientist"],
                alternate_for_id=alternate_for_id,
            )
        except (ValidationError, NotFound) as exc:
            raise ValidationError(
                "import", f"{row.where}: {exc}", zh=f"{row.where_zh}：{exc.localized('zh')}"
            ) from exc
        new_ids[id(row)] = membership.id
        membership_of_ref[values["ref"]] = membership.id
    return [new_ids[id(row)] for row in preview.rows]
