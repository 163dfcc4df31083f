"""Keyset paging: the next page starts after the last row's sort key, not at an offset, so
a page is as cheap at row 10,000 as at row 0 and rows written meanwhile do not shift it.

A sort is a list of ``SortKey`` (a SQL expression and its direction), ending with a unique
key (the row's id) so that every row has one place. The keys must never be NULL (coalesce
them): SQL's NULL compares as unknown and would drop rows from the next page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, false, or_
from sqlalchemy.orm import InstrumentedAttribute


@dataclass(frozen=True)
class SortKey:
    expression: ColumnElement[Any] | InstrumentedAttribute[Any]
    descending: bool = False

    def order(self) -> ColumnElement[Any]:
        return self.expression.desc() if self.descending else self.expression.asc()


def after(keys: Sequence[SortKey], values: Sequence[Any]) -> ColumnElement[bool]:
    """The rows that come after the row whose keys are ``values``, in the order of ``keys``
    (directions may be mixed): ``a > x OR (a = x AND (b < y OR (b = y AND …)))``."""
    condition: ColumnElement[bool] = false()
    for key, value in reversed(list(zip(keys, values, strict=True))):
        beyond = key.expression < value if key.descending else key.expression > value
        condition = or_(beyond, and_(key.expression == value, condition))
    return condition
