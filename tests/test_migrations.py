"""The migrations build exactly the schema the models declare, on SQLite and PostgreSQL,
and can be taken down to nothing and up again."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import CheckConstraint, Engine, UniqueConstraint, inspect, select, text

from app.db import (
    current_revision,
    downgrade,
    head_revision,
    make_engine,
    open_database,
    upgrade,
)
from app.models import GENESIS_HASH, AuditHead, Base

MODEL_TABLES = set(Base.metadata.tables)


@pytest.fixture
def engine(empty_database_url: str) -> Iterator[Engine]:
    engine = make_engine(empty_database_url)
    yield engine
    engine.dispose()


def tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names())


def revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return current_revision(connection)


def audit_head_rows(engine: Engine) -> list[tuple[int, int, str]]:
    head = AuditHead.__table__
    with engine.connect() as connection:
        rows = connection.execute(select(head.c.id, head.c.count, head.c.hash)).all()
    return [tuple(row) for row in rows]


def test_upgrade_downgrade_upgrade(engine: Engine) -> None:
    assert tables(engine) == set()

    upgrade(engine)
    assert tables(engine) == MODEL_TABLES | {"alembic_version"}
    assert revision(engine) == head_revision()

    downgrade(engine, "base")
    # Alembic keeps its (now empty) version table; every table of ours is gone.
    assert tables(engine) == {"alembic_version"}
    assert revision(engine) is None

    upgrade(engine)
    assert tables(engine) == MODEL_TABLES | {"alembic_version"}
    assert revision(engine) == head_revision()
    assert audit_head_rows(engine) == [(1, 0, GENESIS_HASH)]


def test_head_matches_models(engine: Engine) -> None:
    """Autogenerate finds nothing to do after ``upgrade head``: columns, types, nullability,
    keys, unique constraints and indexes are those of the models."""
    upgrade(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_head_has_every_check_constraint(engine: Engine) -> None:
    """Autogenerate does not compare CHECK constraints; compare their names here (what they
    refuse is tested in test_schema_invariants.py)."""
    upgrade(engine)
    inspector = inspect(engine)
    for name, table in Base.metadata.tables.items():
        declared = {str(c.name) for c in table.constraints if isinstance(c, CheckConstraint)}
        found = {str(c["name"]) for c in inspector.get_check_constraints(name)}
        assert found == declared, name


def test_head_names_every_key_as_the_models_do(engine: Engine) -> None:
    """Autogenerate compares foreign keys by their columns, not their names; the names
    matter (test_schema_invariants.py and PostgreSQL's errors refer to them), so compare the
    names of the primary, unique and foreign keys here, with the columns they join."""
    upgrade(engine)
    inspector = inspect(engine)
    for name, table in Base.metadata.tables.items():
        declared_pk = table.primary_key
        found_pk = inspector.get_pk_constraint(name)
        assert (found_pk["name"], found_pk["constrained_columns"]) == (
            declared_pk.name,
            [c.name for c in declared_pk.columns],
        ), name
        declared_uq = {
            str(c.name): [col.name for col in c.columns]
            for c in table.constraints
            if isinstance(c, UniqueConstraint)
        }
        found_uq = {
            str(u["name"]): u["column_names"] for u in inspector.get_unique_constraints(name)
        }
        assert found_uq == declared_uq, name
        declared_fk = {
            str(c.name): (
                c.column_keys,
                c.referred_table.name,
                [e.column.name for e in c.elements],
            )
            for c in table.foreign_key_constraints
        }
        found_fk = {
            str(f["name"]): (f["constrained_columns"], f["referred_table"], f["referred_columns"])
            for f in inspector.get_foreign_keys(name)
        }
        assert found_fk == declared_fk, name


def test_audit_head_row_after_upgrade(engine: Engine) -> None:
    upgrade(engine)
    assert audit_head_rows(engine) == [(1, 0, GENESIS_HASH)]
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM audit_event")).scalar_one() == 0


def test_the_revisions_read_without_alembic_are_alembics() -> None:
    from alembic.script import ScriptDirectory

    from app.db import alembic_config, known_revisions

    scripts = ScriptDirectory.from_config(alembic_config())
    assert head_revision() == scripts.get_current_head()
    assert known_revisions() == {s.revision for s in scripts.walk_revisions()}


def test_an_up_to_date_database_opens_without_importing_alembic(tmp_path) -> None:
    import subprocess
    import sys

    path = tmp_path / "current.db"
    db = open_database(f"sqlite:///{path}")
    db.dispose()
    code = (
        "import sys\n"
        "from app.db import open_database\n"
        f"open_database({f'sqlite:///{path}'!r}).dispose()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
