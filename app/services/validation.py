"""Checks shared by the services. Each raises ValidationError naming the field."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping
from datetime import date
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from app.errors import NotFound, ValidationError

T = TypeVar("T")

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Control characters other than tab and newline have no place in names or notes.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def text(field: str, value: Any, *, required: bool = False, max_length: int = 200) -> str:
    """Normalised text: NFC, stripped, no control characters, not longer than allowed."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(field, "must be text")
    value = unicodedata.normalize("NFC", value).strip()
    if _CONTROL.search(value):
        raise ValidationError(field, "contains control characters")
    if required and not value:
        raise ValidationError(field, "is required")
    if len(value) > max_length:
        raise ValidationError(field, f"is longer than {max_length} characters")
    return value


def long_text(field: str, value: Any, *, required: bool = False) -> str:
    return text(field, value, required=required, max_length=20_000)


def choice(field: str, value: Any, allowed: Collection[str]) -> str:
    if value not in allowed:
        raise ValidationError(field, f"must be one of {', '.join(allowed)} (got {value!r})")
    return str(value)


def choices(
    field: str, values: Any, allowed: Collection[str], *, required: bool = True
) -> list[str]:
    if isinstance(values, str) or not isinstance(values, Iterable):
        raise ValidationError(field, "must be a list")
    result: list[str] = []
    for value in values:
        choice(field, value, allowed)
        if value not in result:
            result.append(value)
    if required and not result:
        raise ValidationError(field, "needs at least one value")
    return result


def flag(field: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValidationError(field, "must be true or false")
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
        raise ValidationError(field, f"{value!r} is not a real date")
    raise ValidationError(field, f"must be a date in YYYY-MM-DD form (got {value!r})")


def optional_date(field: str, value: Any) -> date | None:
    if value is None or value == "":
        return None
    return parse_date(field, value)


def date_order(
    later_field: str, later: date | None, earlier_field: str, earlier: date | None
) -> None:
    if later is not None and earlier is not None and later < earlier:
        raise ValidationError(later_field, f"is before {earlier_field} ({later} < {earlier})")


def whole_number(field: str, value: Any, *, minimum: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, "must be a whole number")
    if minimum is not None and value < minimum:
        raise ValidationError(field, f"must be at least {minimum}")
    return value


def known_keys(changes: Mapping[str, Any], allowed: Collection[str]) -> None:
    for key in changes:
        if key not in allowed:
            raise ValidationError(key, "is not a field that can be changed here")


def get(session: Session, model: type[T], field: str, ident: Any) -> T:
    """The row ``ident`` of ``model``, or NotFound naming ``field``."""
    if isinstance(ident, bool) or not isinstance(ident, int):
        raise ValidationError(field, "must be a record id")
    row = session.get(model, ident)
    if row is None:
        raise NotFound(field, f"no {getattr(model, '__tablename__', 'record')} with id {ident}")
    return row
