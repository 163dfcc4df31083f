"""Import and export of a committee's roster: the JSON roster file of DESIGN.md section 5,
and CSV for the secretary's spreadsheet.

Export writes the seats current on a date or starting later (``export_seats``). The CSV
carries every person and membership field, under the words the screens use (职称 is the
title, 专业 the profession, 职务 the roles, 所属 the affiliation, 候补 the seat an alternate
sits for; ``COLUMNS``), so export → import loses nothing. The JSON file is the contract's
roster file and carries what that format holds.

Import is two steps, as the screen shows them:

1. ``read_csv`` / ``read_json`` read the file into rows with the errors of the file's own
   format (an unknown column, a word that is not a gender, a date in no known form, two rows
   with one name) — no database needed;
2. ``preview`` runs the import through the roster services inside a SAVEPOINT of the
   caller's transaction, collects the services' field errors row by row, and rolls back.
   So the rules a seat follows (its term's order, whom an alternate sits for, who votes)
   are checked by the one place that defines them (``app.domain.membership``, applied by
   ``app.services.roster``), and a preview that is clean is exactly an import that works.

``apply_import`` then writes a clean preview through the same services (each person and
membership audited like one entered by hand), reporting progress and stopping when
cancelled; any error raises and the caller's transaction rolls back: all or nothing.

A cell that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``,
tab or carriage return) is written with a leading ``'`` (OWASP's advice against CSV
injection); import removes that ``'`` again, so round trips are exact.
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
from sqlalchemy.orm import Session

from app.domain import membership as seat_rules
from app.domain import seats
from app.domain.vocabulary import (
    AFFILIATION,
    EXPERTISE,
    FIELDS,
    FILE_ROLES,
    GENDERS,
    ROLES,
    Vocabulary,
    word_key,
)
from app.errors import NotFound, UserError, ValidationError, is_chinese
from app.models import Committee, Person
from app.rules.files import BadFile, key_zh, parse_roster
from app.services import roster
from app.services import validation as v
from app.services.actors import Actor
from app.services.composition import SeatRecord, committee_seats, profile_entry
from app.services.permissions import require
from app.services.progress import NO_PROGRESS, Progress

# --- the CSV columns -----------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """A CSV column: its id (the English header, and the key in ``ImportRow.values``), its
    Chinese header (the field's name on screen, ``FIELDS``) and the other headers read on
    import (older files' names)."""

    en: str
    required: bool = False
    max_length: int = 200
    zh_header: str = ""  # when the column's Chinese header is not the field's name
    aliases: tuple[str, ...] = ()

    @property
    def zh(self) -> str:
        return self.zh_header or FIELDS.name(self.en, "zh")

    @property
    def label(self) -> str:
        """How messages name the column: ``性别/gender``."""
        return f"{self.zh}/{self.en}"


COLUMNS: tuple[Column, ...] = (
    Column("name", required=True, max_length=100),
    Column("name_en", max_length=100, zh_header="英文姓名", aliases=("英文名称",)),
    Column("gender", required=True),
    Column("ethnicity", max_length=50),
    Column("minority"),
    Column("roles", required=True, aliases=("role", "角色")),
    Column("alternate_for", max_length=100, aliases=("替补对象", "候补对象")),
    Column("expertise", required=True),
    Column("affiliation", required=True, aliases=("affiliated", "本机构")),
    Column("voting"),
    Column("scientist"),
    Column("term_start", required=True, aliases=("任期开始日期",)),
    Column("term_end", aliases=("任期结束日期",)),
    Column("title", max_length=100),
    Column("profession", max_length=100),
    Column("degrees", max_length=100),
    Column("employer", max_length=200, aliases=("单位",)),
    Column("email", max_length=200, aliases=("邮箱", "e-mail")),
    Column("phone", max_length=50, aliases=("手机",)),
    Column("consent_publish", aliases=("同意公开姓名",)),
)
_BY_ID = {c.en: c for c in COLUMNS}
_TEXT_COLUMNS = (
    "name",
    "name_en",
    "ethnicity",
    "title",
    "profession",
    "degrees",
    "employer",
    "email",
    "phone",
)
_FLAG_COLUMNS = ("minority", "voting", "scientist", "consent_publish")

# Which column a service's field is (for the errors a preview collects).
_COLUMN_OF_FIELD = {
    "name_zh": "name",
    "person_id": "name",
    "affiliated": "affiliation",
    "alternate_for_id": "alternate_for",
    **{c.en: c.en for c in COLUMNS},
}
# The JSON roster file's key of each column (the contract names some differently).
_JSON_KEY = {"roles": "role", "affiliation": "affiliated"}

_TRUE = ("yes", "true", "1", "是", "y")
_FALSE = ("no", "false", "0", "否", "n")
# Several values in one cell: ; or ； as documented, and the list marks a Chinese
# spreadsheet uses as well.
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
DATE_FORMS_SHOWN = "2025-01-01, 2025/1/1, 2025.1.1, 2025年1月1日"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Characters that reorder text invisibly (Trojan-source style); no name needs them.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")

MAX_IMPORT_BYTES = 5_000_000
MAX_IMPORT_ROWS = 5_000
MAX_CELL_LENGTH = 1_000


# --- export ---------------------------------------------------------------------------


def export_seats(session: Session, committee_id: int, as_of: date) -> list[SeatRecord]:
    """The seats an export on ``as_of`` writes, in the file's order (role, then id).

    A seat is written when it is held on ``as_of`` or starts later (``app.domain.seats``:
    its last day is not before ``as_of``), so a membership ended today is written today and
    not tomorrow. The seat an exported alternate sits for is written as well even when its
    term is over, since the file must name it; the check then reports its ``term_expired``.
    """
    v.get(session, Committee, "committee_id", committee_id)
    every = {r.id: r for r in committee_seats(session, committee_id)}
    chosen = {
        r.id: r for r in every.values() if not seats.over_before(r.term_end, r.ended_on, as_of)
    }
    for record in list(chosen.values()):
        seat_id = record.alternate_for_id
        if record.primary_role == "alternate" and seat_id is not None and seat_id not in chosen:
            chosen[seat_id] = every[seat_id]
    return sorted(chosen.values(), key=lambda r: (ROLES.index(r.primary_role), r.id))


def _default_voting(roles: Iterable[str]) -> bool:
    return set(roles) != {"secretary"}


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
    for record in export_seats(session, committee_id, day):
        role = record.primary_role
        item: dict[str, Any] = {
            "id": str(record.id),
            "name": record.name,
            "gender": record.gender,
            "role": role,
            "expertise": list(record.expertise),
            "affiliated": record.affiliated,
            "minority": record.minority,
            "term_start": record.term_start.isoformat(),
        }
        end = record.last_day
        if end is not None:
            item["term_end"] = end.isoformat()
        if record.scientist is not None:
            item["scientist"] = record.scientist
        if record.voting != _default_voting([role]):
            item["voting"] = record.voting
        if role == "alternate" and record.alternate_for_id is not None:
            item["alternate_for"] = str(record.alternate_for_id)
        for key in ("profession", "employer", "degrees"):
            if getattr(record, key):
                item[key] = getattr(record, key)
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


def _flag_text(value: bool | None, lang: str) -> str:
    if value is None:
        return ""
    if is_chinese(lang):
        return "是" if value else "否"
    return "yes" if value else "no"


def _words(vocabulary: Vocabulary, codes: Iterable[str], lang: str) -> str:
    return ";".join(vocabulary.name(c, lang) if is_chinese(lang) else c for c in codes)


def export_roster_csv(session: Session, committee_id: int, as_of: date, lang: str = "en") -> bytes:
    """The roster on ``as_of`` (the seats of ``export_seats``) as CSV for Excel.

    UTF-8 with a BOM, CRLF line ends; the header and the values in English (ids, yes/no) or
    Chinese (``lang`` zh*). Lists (roles, expertise) are joined by ``;``; ``alternate_for``
    is the name of the member the alternate sits for; ``voting`` is written only when it
    differs from the roles' default, ``scientist`` only when set. Every person and
    membership field is written, contact details included: it is the secretary's own
    spreadsheet, and an import of it must give back what was exported. Cells that would
    start a formula are neutralised.
    """
    day = v.parse_date("as_of", as_of)
    zh = is_chinese(lang)
    records = export_seats(session, committee_id, day)
    people = {
        p.id: p
        for p in session.scalars(
            select(Person).where(Person.id.in_({r.person_id for r in records}))
        )
    }
    names = {r.id: r.name for r in records}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.zh if zh else c.en for c in COLUMNS])
    for record in records:
        person = people[record.person_id]
        held = record.roles
        seat = record.alternate_for_id if "alternate" in held else None
        cells = {
            "name": person.name_zh,
            "name_en": person.name_en,
            "gender": GENDERS.name(person.gender, lang) if zh else person.gender,
            "ethnicity": person.ethnicity,
            "minority": _flag_text(person.minority, lang),
            "roles": _words(ROLES, held, lang),
            "alternate_for": names.get(seat, "") if seat is not None else "",
            "expertise": _words(EXPERTISE, record.expertise, lang),
            "affiliation": AFFILIATION.name("affiliated" if record.affiliated else "external", lang)
            if zh
            else ("affiliated" if record.affiliated else "external"),
            "voting": ""
            if record.voting == _default_voting(held)
            else _flag_text(record.voting, lang),
            "scientist": _flag_text(record.scientist, lang),
            "term_start": record.term_start.isoformat(),
            "term_end": record.last_day.isoformat() if record.last_day else "",
            "title": person.title,
            "profession": person.profession,
            "degrees": person.degrees,
            "employer": person.employer,
            "email": person.email,
            "phone": person.phone,
            "consent_publish": _flag_text(person.consent_publish, lang),
        }
        writer.writerow([neutralise_cell(cells[c.en]) for c in COLUMNS])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


# --- reading a file -------------------------------------------------------------------


@dataclass
class ImportRow:
    """One member of an import file.

    ``line`` is the CSV line the row starts on (the header is line 1), or the member's
    position (from 1) in a JSON file's ``members``. ``values`` holds what was read
    correctly, under the column ids of ``COLUMNS`` (dates as ``date``, lists as lists,
    flags as bool, None where the file says nothing) plus ``ref`` (the key ``alternate_for``
    refers to: the name in CSV, the id in JSON). ``cells`` is the raw text per column for
    display. ``errors`` are whole messages naming the place and the column, in English;
    ``errors_zh`` the same messages in Chinese, one for one (``add_error`` adds both).
    ``where`` and ``where_zh`` name the row: ``line 3`` / ``第 3 行`` by default,
    ``member p1 (李明)`` / ``成员 p1（李明）`` for JSON.
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
    """What an import would write: rows with their errors, and errors of the whole file.
    ``checked`` says whether the rows were also run through the services (``preview``)."""

    rows: list[ImportRow]
    file_errors: list[str] = field(default_factory=list)
    source: str = "csv"  # "csv" or "json": how messages name columns and rows refer to others
    file_errors_zh: list[str] = field(default_factory=list)  # file_errors in Chinese
    checked: bool = False

    @classmethod
    def refused(cls, message: str, zh: str, source: str = "csv") -> ImportPreview:
        """A file that cannot be read at all: no rows, one file error."""
        return cls([], [message], source=source, file_errors_zh=[zh])

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

    @property
    def clean_rows(self) -> int:
        return sum(1 for r in self.rows if r.ok)


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


def _gender(text: str) -> str:
    found = GENDERS.code_of(text)
    if found is None:
        raise _CellError(
            f"{text!r} is not female, male or other",
            f"{text!r} 不是有效的性别（{GENDERS.listing('zh')}；{'、'.join(GENDERS)}）",
        )
    return found


def _pieces(text: str) -> list[str]:
    return [p.strip() for p in _LIST_SEPARATORS.split(text) if p.strip()]


def _roles(text: str) -> list[str]:
    result: list[str] = []
    for piece in _pieces(text):
        found = FILE_ROLES.code_of(piece)
        if found == "consultant":
            raise _CellError(
                f"{piece!r}: a consultant is engaged per project, not seated on the committee",
                f"{piece!r}：独立顾问按项目聘请，不在委员会任职",
            )
        if found is None:
            raise _CellError(
                f"{piece!r} is not a role ({', '.join(ROLES)}; {ROLES.listing('zh')})",
                f"{piece!r} 不是有效的职务（可用：{ROLES.listing('zh')}；{'、'.join(ROLES)}）",
            )
        if found not in result:
            result.append(found)
    if not result:
        raise _CellError("is required", "必须填写")
    return result


def _expertise(text: str) -> list[str]:
    result: list[str] = []
    for piece in _pieces(text):
        found = EXPERTISE.code_of(piece)
        if found is None:
            raise _CellError(
                f"{piece!r} is not an expertise category (known: {', '.join(EXPERTISE)}; "
                f"{EXPERTISE.listing('zh')})",
                f"{piece!r} 不是已知的专业领域（可用：{EXPERTISE.listing('zh')}；"
                f"{'、'.join(EXPERTISE)}）",
            )
        if found not in result:
            result.append(found)
    if not result:
        raise _CellError("is required", "必须填写")
    return result


def _affiliation(text: str) -> bool:
    found = AFFILIATION.code_of(text)
    if found is None:
        # Older files' 本机构/affiliated column was a yes/no column, read like the other
        # flags: TRUE/FALSE (as Excel writes them) and 1/0 still read.
        key = text.casefold()
        if key in _TRUE or key in _FALSE:
            return key in _TRUE
        raise _CellError(
            f"{text!r} is not affiliated or external (yes/no)",
            f"{text!r} 不是“本机构”或“非本机构”（也可写是/否）",
        )
    return found == "affiliated"


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
        f"{text!r} is not a date in a form EthicsDesk reads ({DATE_FORMS_SHOWN})",
        f"{text!r} 不是可识别的日期（可用格式：{DATE_FORMS_SHOWN.replace(', ', '、')}）",
    )


def _read_cell(column: Column, text: str) -> Any:
    """The value of one non-empty cell; raises _CellError."""
    text = _check_text(text, min(column.max_length, MAX_CELL_LENGTH))
    if column.en == "gender":
        return _gender(text)
    if column.en == "roles":
        return _roles(text)
    if column.en == "expertise":
        return _expertise(text)
    if column.en == "affiliation":
        return _affiliation(text)
    if column.en in _FLAG_COLUMNS:
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


def _header_words() -> dict[str, Column]:
    words: dict[str, Column] = {}
    for column in COLUMNS:
        for word in (column.en, column.zh, FIELDS.name(column.en, "en"), *column.aliases):
            words.setdefault(word_key(word), column)
    return words


def _header(cells: list[str]) -> tuple[list[Column | None], list[tuple[str, str]]]:
    """The column of each header cell (None for an empty cell), and the file errors (each
    in English and Chinese)."""
    words = _header_words()
    columns: list[Column | None] = []
    errors: list[tuple[str, str]] = []
    seen: set[str] = set()
    for position, raw in enumerate(cells, start=1):
        text = _clean(raw)
        if not text:
            columns.append(None)
            continue
        column = words.get(word_key(text))
        if column is None:
            errors.append(
                (
                    f"line 1: column {position}: unknown column {text[:60]!r} in the header",
                    f"第 1 行：第 {position} 列：无法识别表头中的列名 {text[:60]!r}",
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
    if any(e[0].startswith("line 1: column") and "unknown" in e[0] for e in errors):
        known = ", ".join(c.label for c in COLUMNS)
        errors.append(
            (
                f"line 1: the columns EthicsDesk reads are {known}",
                f"第 1 行：可识别的列为 {'、'.join(c.label for c in COLUMNS)}",
            )
        )
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
    for key in _TEXT_COLUMNS:
        row.values.setdefault(key, "")
    for key in ("minority", "consent_publish"):
        row.values.setdefault(key, False)
    for key in ("term_end", "voting", "scientist"):
        row.values.setdefault(key, None)
    row.values["alternate_for"] = row.values.get("alternate_for") or None
    if row.values.get("name"):
        row.values["ref"] = row.values["name"]
    return row


def _label(column: str, source: str) -> str:
    """A column as messages name it: ``性别/gender`` for CSV, the key for JSON."""
    return _BY_ID[column].label if source == "csv" else _JSON_KEY.get(column, column)


def _label_zh(column: str, source: str) -> str:
    """A column as Chinese messages name it: ``性别/gender`` for CSV, ``gender（性别）`` for
    JSON."""
    return _BY_ID[column].label if source == "csv" else key_zh(_JSON_KEY.get(column, column))


def _shown(text: str, limit: int = 40) -> str:
    """Text from a file made safe to quote in a message: control characters replaced."""
    return "".join("\ufffd" if unicodedata.category(ch) == "Cc" else ch for ch in text[:limit])


def _unique_names(rows: list[ImportRow]) -> None:
    """CSV rows are named and refer to each other by name, which must be unique in a file
    (matched case-insensitively)."""
    first_line: dict[str, int] = {}
    label, label_zh = _label("name", "csv"), _label_zh("name", "csv")
    for row in rows:
        name = row.values.get("name")
        if not name:
            continue
        key = name.casefold()
        if key in first_line:
            row.add_error(
                f"{row.where}: {label}: {name} is also on line {first_line[key]}; "
                "names must be unique within one import",
                f"{row.where_zh}：{label_zh}：{name} 与第 {first_line[key]} 行重名；"
                "同一次导入中的姓名不能重复",
            )
        first_line.setdefault(key, row.line)


def read_csv(data: bytes) -> ImportPreview:
    """Read a roster CSV into rows with the errors of its format; needs no database.

    Decoded as UTF-8 (with or without a BOM), else GB18030 (UTF-16 with a BOM is read too).
    ``preview`` then checks the rows against the committee through the services.
    """
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
    _unique_names(rows)
    return ImportPreview(rows, source="csv")


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise BadFile(f"duplicate key {key!r}", zh=f"键 {key!r} 重复")
        result[key] = value
    return result


def read_json(data: bytes) -> ImportPreview:
    """Read a JSON roster file (DESIGN.md section 5, strictly, by ``parse_roster``) into
    rows; needs no database.

    A file the format refuses is one file error (parse_roster's one line). Its members become
    rows; a consultant, or a member without ``term_start``, is an error (a seat needs a
    start). The file's profile, as_of, minority_region and sop describe the file, not the
    committee, and are not imported. Names may repeat (ids tell members apart).
    """
    refused = ImportPreview.refused
    if len(data) > MAX_IMPORT_BYTES:
        return refused(
            f"the file is larger than {MAX_IMPORT_BYTES:,} bytes",
            f"文件超过 {MAX_IMPORT_BYTES:,} 字节",
            "json",
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return refused("the file is not UTF-8 text", "文件不是 UTF-8 文本", "json")
    if not text.strip():
        return refused("the file is empty", "文件是空的", "json")
    try:
        document = json.loads(text, object_pairs_hook=_no_duplicate_keys)
        roster_file, _profile = parse_roster(document)
    except json.JSONDecodeError as exc:
        return refused(
            f"not JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})",
            f"不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}）",
            "json",
        )
    except BadFile as exc:
        return refused(str(exc), exc.localized("zh"), "json")
    except RecursionError:
        return refused(
            "the file nests too deeply to be a roster", "文件嵌套层级过深，不是名册文件", "json"
        )
    if not roster_file.members:
        return refused("the file has no members", "文件中没有委员", "json")
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
            row.values["roles"] = [member.role]
        if member.term_start is None:
            row.add_error(
                f"{where}: term_start: is required to seat a member",
                f"{where_zh}：{key_zh('term_start')}：在委员会任职须有任期开始日期",
            )
        row.values.update(
            ref=member.id,
            name_en="",
            gender=member.gender,
            ethnicity="",
            title="",
            email="",
            phone="",
            consent_publish=False,
            expertise=list(member.expertise),
            affiliation=member.affiliated,
            minority=member.minority,
            term_start=member.term_start,
            term_end=member.term_end,
            scientist=member.scientist,
            voting=member.voting,
            alternate_for=member.alternate_for,
        )
        row.cells = {
            k: _cell_text(val) for k, val in row.values.items() if k != "ref" and val not in ("",)
        }
        rows.append(row)
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


# --- running the rows through the services -------------------------------------------------


def _in_order(rows: Iterable[ImportRow]) -> list[ImportRow]:
    """Members first, then the alternates, who name them."""
    rows = list(rows)

    def alternate(row: ImportRow) -> bool:
        return "alternate" in (row.values.get("roles") or ())

    return [r for r in rows if not alternate(r)] + [r for r in rows if alternate(r)]


def _current_seats(session: Session, committee_id: int, day: date) -> dict[str, list[int]]:
    """The committee's memberships that are not history on ``day`` and not an alternate's,
    by case-folded name: the seats an alternate of the file may sit for."""
    found: dict[str, list[int]] = {}
    for record in committee_seats(session, committee_id):
        if seats.ended_before(record.ended_on, day) or "alternate" in record.roles:
            continue
        found.setdefault(record.name.casefold(), []).append(record.id)
    return found


def _names_in_use(session: Session, committee_id: int, day: date) -> dict[str, int]:
    """Names holding a seat of the committee on ``day`` or from a later day (an import
    creates new people: a name that is seated already would be seated twice)."""
    return {
        record.name.casefold(): record.id
        for record in committee_seats(session, committee_id)
        if not seats.over_before(record.term_end, record.ended_on, day)
    }


def _refusal(row: ImportRow, exc: ValidationError | NotFound, source: str) -> tuple[str, str]:
    """A service's refusal of a row as the row's message (en, zh), naming its column."""
    column = _COLUMN_OF_FIELD.get(exc.field.split(".")[0])
    if column is None:
        return f"{row.where}: {exc}", f"{row.where_zh}：{exc.localized('zh')}"
    return (
        f"{row.where}: {_label(column, source)}: {exc.message}",
        f"{row.where_zh}：{_label_zh(column, source)}：{exc.localized_message('zh')}",
    )


def _seat_rows(
    session: Session,
    actor: Actor,
    committee_id: int,
    preview: ImportPreview,
    day: date,
    *,
    collect: bool,
    progress: Progress = NO_PROGRESS,
) -> dict[int, int]:
    """Seat the rows through the services, members before alternates; the membership id of
    each row seated, by ``id(row)``. ``collect``: a row the services refuse gets the error
    and the others go on (each row in its own savepoint); else the first refusal raises."""
    source = preview.source
    by_ref_row: dict[str, ImportRow] = {}
    for row in preview.rows:
        ref = row.values.get("ref")
        if ref is not None:
            by_ref_row.setdefault(ref.casefold() if source == "csv" else ref, row)
    seated_names = _names_in_use(session, committee_id, day)
    committee_seats_by_name = _current_seats(session, committee_id, day)
    membership_of: dict[int, int] = {}
    ordered = _in_order(preview.rows)
    for done, row in enumerate(ordered, start=1):
        progress.step(done - 1, len(ordered), row.where)
        if not row.ok:
            continue
        values = row.values
        problem = _name_in_use(row, seated_names, source)
        alternate_for_id = None
        if problem is None:
            alternate_for_id, problem = _seat_of(
                row, by_ref_row, membership_of, committee_seats_by_name, source
            )
        if problem is not None:
            if not collect:
                raise ValidationError("import", problem[0], zh=problem[1])
            row.add_error(*problem)
            continue
        try:
            with session.begin_nested():
                person = roster.create_person(
                    session,
                    actor,
                    name_zh=values["name"],
                    gender=values["gender"],
                    **{k: values[k] for k in ("name_en", "ethnicity", "title", "profession")},
                    **{k: values[k] for k in ("degrees", "employer", "email", "phone")},
                    minority=values["minority"],
                    consent_publish=values["consent_publish"],
                )
                membership = roster.add_membership(
                    session,
                    actor,
                    committee_id=committee_id,
                    person_id=person.id,
                    roles=values["roles"],
                    expertise=values["expertise"],
                    affiliated=values["affiliation"],
                    term_start=values["term_start"],
                    term_end=values["term_end"],
                    voting=values["voting"],
                    scientist=values["scientist"],
                    alternate_for_id=alternate_for_id,
                )
        except (ValidationError, NotFound) as exc:
            message, zh = _refusal(row, exc, source)
            if not collect:
                raise ValidationError("import", message, zh=zh) from exc
            row.add_error(message, zh)
            continue
        membership_of[id(row)] = membership.id
    progress.step(len(ordered), len(ordered))
    return membership_of


def _name_in_use(row: ImportRow, seated: Mapping[str, int], source: str) -> tuple[str, str] | None:
    name = row.values["name"]
    seat = seated.get(name.casefold())
    if seat is None:
        return None
    return (
        f"{row.where}: {_label('name', source)}: {name} already holds a current seat on this "
        f"committee (membership {seat})",
        f"{row.where_zh}：{_label_zh('name', source)}：{name} 已在本委员会任职（任职记录 {seat}）",
    )


def _seat_of(
    row: ImportRow,
    by_ref_row: Mapping[str, ImportRow],
    membership_of: Mapping[int, int],
    on_committee: Mapping[str, list[int]],
    source: str,
) -> tuple[int | None, tuple[str, str] | None]:
    """The membership a row's ``alternate_for`` names: a row of the file (seated before the
    alternates) or, in CSV, a seat already on the committee; or the message why not."""
    wanted = row.values.get("alternate_for")
    if not wanted:
        return None, None
    label, label_zh = _label("alternate_for", source), _label_zh("alternate_for", source)
    try:  # a member, not an alternate, names a seat: the rule says why before any lookup
        seat_rules.check_alternate(row.values.get("roles") or (), wanted)
    except ValidationError as exc:
        return None, _refusal(row, exc, source)
    target = by_ref_row.get(wanted.casefold() if source == "csv" else wanted)
    if target is row:
        return None, (
            f"{row.where}: {label}: an alternate cannot sit for itself",
            f"{row.where_zh}：{label_zh}：候补委员不能候补自己",
        )
    if target is not None:
        if id(target) in membership_of:
            return membership_of[id(target)], None
        if "alternate" in (target.values.get("roles") or ()):
            return None, (
                f"{row.where}: {label}: {wanted} is another alternate, not a member",
                f"{row.where_zh}：{label_zh}：{wanted} 是另一名候补委员，而不是正式委员",
            )
        return None, (
            f"{row.where}: {label}: {wanted} cannot be seated (see that row's problems)",
            f"{row.where_zh}：{label_zh}：{wanted} 本身无法导入（见该行的问题）",
        )
    existing = on_committee.get(wanted.casefold(), []) if source == "csv" else []
    if len(existing) == 1:
        return existing[0], None
    return None, (
        f"{row.where}: {label}: {wanted} is not a member in this file or on the committee",
        f"{row.where_zh}：{label_zh}：{wanted} 不是本文件或本委员会中的委员",
    )


def preview(
    session: Session, actor: Actor, committee_id: int, read: ImportPreview, day: date
) -> ImportPreview:
    """``read`` (a file read by ``read_csv`` / ``read_json``) checked against the committee:
    the import run through the roster services inside a SAVEPOINT that is rolled back, each
    refusal added to its row. Writes nothing; ``day`` is the day the roster is judged on
    (which seats are current)."""
    require(actor, "roster.edit")
    v.get(session, Committee, "committee_id", committee_id)
    if read.file_errors:
        return read
    savepoint = session.begin_nested()
    try:
        _seat_rows(session, actor, committee_id, read, day, collect=True)
    finally:
        savepoint.rollback()
    read.checked = True
    return read


def preview_csv(
    session: Session, actor: Actor, committee_id: int, data: bytes, day: date
) -> ImportPreview:
    return preview(session, actor, committee_id, read_csv(data), day)


def preview_json(
    session: Session, actor: Actor, committee_id: int, data: bytes, day: date
) -> ImportPreview:
    return preview(session, actor, committee_id, read_json(data), day)


def apply_import(
    session: Session,
    actor: Actor,
    committee_id: int,
    checked: ImportPreview,
    day: date,
    progress: Progress = NO_PROGRESS,
) -> list[int]:
    """Seat every row of a clean preview on the committee; the new membership ids, in the
    preview's row order.

    Each row becomes a new person and a membership, through ``roster.create_person`` and
    ``roster.add_membership`` (both audited); alternates are added after the members they
    sit for. Refuses (ValidationError, field ``import``) a preview with errors or not
    checked against the committee, and a row the services now refuse (a name that has
    meanwhile taken a seat). Any error — and a cancel, through ``progress`` — raises; the
    caller's transaction then rolls back, so nothing is written.
    """
    require(actor, "roster.edit")
    committee = v.get(session, Committee, "committee_id", committee_id)
    if not checked.ok or not checked.checked:
        count = len(checked.errors)
        reason = f"{count} error(s)" if count else "no members" if checked.checked else ""
        reason_zh = f"有 {count} 处错误" if count else "没有委员" if checked.checked else ""
        if not checked.checked and not count:
            raise ValidationError(
                "import",
                "the file was not checked against the committee; nothing was imported",
                zh="文件尚未对照本委员会检查，未导入任何数据",
            )
        raise ValidationError(
            "import",
            f"the file has {reason}; nothing was imported",
            zh=f"文件{reason_zh}，未导入任何数据",
        )
    written = _seat_rows(
        session, actor, committee.id, checked, day, collect=False, progress=progress
    )
    return [written[id(row)] for row in checked.rows]
