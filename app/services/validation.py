"""Checks shared by the services. Each raises ValidationError naming the field, with the
reason in English and Chinese and the field's Chinese name from the one vocabulary
(``app.domain.vocabulary.FIELDS``)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.vocabulary import ENTITIES, Vocabulary, field_name
from app.errors import NotFound, ValidationError

T = TypeVar("T")


def field_label(field: str) -> str:
    """The Chinese name of ``field`` (``app.domain.vocabulary.FIELDS``)."""
    return field_name(field, "zh")


def invalid(field: str, message: str, zh: str) -> ValidationError:
    """A ValidationError of ``field`` with the English and Chinese reason; the Chinese
    message names the field by ``field_label``."""
    return ValidationError(field, message, zh=zh, zh_field=field_label(field))


def _zh_list(values: Iterable[object]) -> str:
    return "、".join(str(x) for x in values)


ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Control characters other than tab and newline have no place in names or notes.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def text(field: str, value: Any, *, required: bool = False, max_length: int = 200) -> str:
    """Normalised text: NFC, stripped, no control characters, not longer than allowed."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise invalid(field, "must be text", "必须是文本")
    value = unicodedata.normalize("NFC", value).strip()
    if _CONTROL.search(value):
        raise invalid(field, "contains control characters", "含有控制字符")
    if required and not value:
        raise invalid(field, "is required", "必须填写")
    if len(value) > max_length:
        raise invalid(
            field, f"is longer than {max_length} characters", f"不能超过 {max_length} 个字符"
        )
    return value


def long_text(field: str, value: Any, *, required: bool = False) -> str:
    return text(field, value, required=required, max_length=20_000)


def choice(field: str, value: Any, allowed: Collection[str]) -> str:
    """``value`` if it is one of ``allowed`` (codes, or a vocabulary, whose Chinese message
    lists the names)."""
    if not isinstance(value, str) or value not in allowed:
        shown = (
            f"{allowed.listing('zh')}（{_zh_list(allowed)}）"
            if isinstance(allowed, Vocabulary)
            else _zh_list(allowed)
        )
        raise invalid(
            field,
            f"must be one of {', '.join(allowed)} (got {value!r})",
            f"须为以下值之一：{shown}（实际为 {value!r}）",
        )
    return value


def choices(
    field: str, values: Any, allowed: Collection[str], *, required: bool = True
) -> list[str]:
    if isinstance(values, str) or not isinstance(values, Iterable):
        raise invalid(field, "must be a list", "必须是列表")
    result: list[str] = []
    for value in values:
        choice(field, value, allowed)
        if value not in result:
            result.append(value)
    if required and not result:
        raise invalid(field, "needs at least one value", "至少需要选择一项")
    return result


def flag(field: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise invalid(field, "must be true or false", "必须为 true 或 false")
    return value


def optional_flag(field: str, value: Any) -> bool | None:
    return None if value is None else flag(field, value)


def parse_date(field: str, value: Any) -> date:
    """A date from a ``date`` or a ``YYYY-MM-DD`` string."""
    if isinstance(value, date):
        return value
    if isinstance(value, str) and ISO_DATE.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
        raise invalid(field, f"{value!r} is not a real date", f"{value!r} 不是有效的日期")
    raise invalid(
        field,
        f"must be a date in YYYY-MM-DD form (got {value!r})",
        f"必须是 YYYY-MM-DD 格式的日期（实际为 {value!r}）",
    )


def optional_date(field: str, value: Any) -> date | None:
    if value is None or value == "":
        return None
    return parse_date(field, value)


def date_order(
    later_field: str,
    later: date | None,
    earlier_field: str,
    earlier: date | None,
    *,
    earlier_zh: str | None = None,
) -> None:
    """``later`` is not before ``earlier``; ``earlier_zh`` names ``earlier_field`` in Chinese
    when it is not a field id of ``FIELD_LABELS_ZH``."""
    if later is not None and earlier is not None and later < earlier:
        raise invalid(
            later_field,
            f"is before {earlier_field} ({later} < {earlier})",
            f"不能早于{earlier_zh or field_label(earlier_field)}（{later} < {earlier}）",
        )


def whole_number(field: str, value: Any, *, minimum: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise invalid(field, "must be a whole number", "必须是整数")
    if minimum is not None and value < minimum:
        raise invalid(field, f"must be at least {minimum}", f"不能小于 {minimum}")
    return value


def known_keys(changes: Mapping[str, Any], allowed: Collection[str]) -> None:
    for key in changes:
        if key not in allowed:
            raise invalid(key, "is not a field that can be changed here", "不是此处可修改的字段")


def _record_id(field: str, ident: Any) -> int:
    if isinstance(ident, bool) or not isinstance(ident, int):
        raise invalid(field, "must be a record id", "必须是记录编号")
    return ident


def _not_found(field: str, table: str, ident: int) -> NotFound:
    what = ENTITIES.name(table, "zh") if table in ENTITIES else "记录"
    return NotFound(
        field,
        f"no {table} with id {ident}",
        zh=f"找不到编号为 {ident} 的{what}",
        zh_field=field_label(field),
    )


def get(session: Session, model: type[T], field: str, ident: Any) -> T:
    """The row ``ident`` of ``model``, or NotFound naming ``field``."""
    row = session.get(model, _record_id(field, ident))
    if row is None:
        raise _not_found(field, getattr(model, "__tablename__", "record"), ident)
    return row


def known(session: Session, model: type[Any], field: str, ident: Any) -> int:
    """``ident`` if a row of ``model`` has it, else NotFound naming ``field`` — as ``get``, but
    a Core query that loads no ORM object (for the read models the window opens with)."""
    table = model.__table__
    query = select(table.c.id).where(table.c.id == _record_id(field, ident))
    if session.execute(query).first() is None:
        raise _not_found(field, table.name, ident)
    return int(ident)
