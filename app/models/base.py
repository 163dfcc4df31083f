"""Declarative base, the constraint naming convention and column helpers.

The naming convention is in place from the first migration, so that Alembic's batch mode
can drop and recreate every constraint on SQLite by name.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import CheckConstraint, MetaData
from sqlalchemy.orm import DeclarativeBase

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def one_of(column: str, values: Iterable[str], name: str | None = None) -> CheckConstraint:
    """CHECK that ``column`` holds one of ``values`` (NULL passes, as in SQL)."""
    quoted = ", ".join("'" + v.replace("'", "''") + "'" for v in values)
    return CheckConstraint(f"{column} IN ({quoted})", name=name or f"{column}_valid")


def not_before(later: str, earlier: str, name: str | None = None) -> CheckConstraint:
    """CHECK that date ``later`` is not before ``earlier`` when both are set."""
    return CheckConstraint(
        f"{later} IS NULL OR {earlier} IS NULL OR {later} >= {earlier}",
        name=name or f"{later}_not_before_{earlier}",
    )
