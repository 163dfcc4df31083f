"""Gap-free number series (acceptance numbers 受理号, letter numbers 批件号).

A number is taken from a locked counter row (SELECT … FOR UPDATE; on SQLite the IMMEDIATE
transaction holds the write lock) in the same transaction as the record that uses it, so a
rolled-back record gives its number back and no number is skipped. Never a database
SEQUENCE, which can leave gaps.
"""

from __future__ import annotations

import re
import string
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import NumberCounter, NumberSeries
from app.services.validation import field_label, invalid

_PLACEHOLDER = re.compile(r"\{(yyyy|seq(?::0?\d+d)?)\}")


def check_pattern(field: str, pattern: object) -> str:
    """A pattern with ``{seq}`` (optionally ``{seq:03d}``) and optionally ``{yyyy}``.

    The reasons are phrased to follow "it" (English) and "：" (Chinese): the UI shows them
    as "This pattern cannot be used: it {reason}."."""
    if not isinstance(pattern, str) or not pattern.strip():
        raise invalid(field, "is required", "必须填写")
    pattern = pattern.strip()
    if len(pattern) > 60:
        raise invalid(field, "is longer than 60 characters", "不能超过 60 个字符")
    try:
        fields = [f for _, f, spec, _ in string.Formatter().parse(pattern) if f is not None]
    except ValueError as exc:
        raise invalid(
            field, f"has unbalanced braces ({exc})", "花括号不成对，每个“{”都要有对应的“}”"
        ) from exc
    stripped = _PLACEHOLDER.sub("", pattern)
    if "{" in stripped or "}" in stripped:
        raise invalid(
            field,
            "may use only the placeholders {yyyy} and {seq} (e.g. {seq:03d})",
            "只能使用占位符 {yyyy} 和 {seq}（例如 {seq:03d}）",
        )
    if fields.count("seq") != 1:
        raise invalid(field, "must contain {seq} exactly once", "必须恰好包含一个 {seq}")
    return pattern


def format_number(pattern: str, year: int, seq: int) -> str:
    return pattern.format(yyyy=f"{year:04d}", seq=seq)


def take_number(session: Session, committee_id: int, kind: str, on: date) -> str:
    """The next number of the committee's ``kind`` series for the year of ``on``."""
    series = session.execute(
        select(NumberSeries).where(
            NumberSeries.committee_id == committee_id, NumberSeries.kind == kind
        )
    ).scalar_one_or_none()
    if series is None:
        raise invalid(
            kind,
            f"the committee has no {kind} number series",
            f"本委员会尚未设置{field_label(kind)}编号规则",
        )
    counter = session.execute(
        select(NumberCounter)
        .where(NumberCounter.series_id == series.id, NumberCounter.year == on.year)
        .with_for_update()
    ).scalar_one_or_none()
    if counter is None:
        counter = NumberCounter(series_id=series.id, year=on.year, last_value=0)
        session.add(counter)
    counter.last_value += 1
    session.flush()
    return format_number(series.pattern, on.year, counter.last_value)
