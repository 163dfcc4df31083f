"""Opening a database: new, current, older (a committed fixture per released schema),
newer, damaged, not a database. Refused files are left byte-for-byte untouched."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from app.db import (
    backup_sqlite,
    head_revision,
    inspect_sqlite_file,
    open_database,
)
from app.domain.names import sort_key
from app.errors import DatabaseDamaged, DatabaseTooNew, NotADatabase
from app.models import Membership, Person
from app.paths import DataPaths
from app.services.integrity import verify

FIXTURES_DIR = Path(__file__).parent / "fixtures"
# revision → (people, memberships, audit events) the release wrote with its demo.
FIXTURES = {"0001": (25, 24, 127)}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _siblings(path: Path) -> set[str]:
    return {p.name for p in path.parent.iterdir()}


def test_every_fixture_is_listed() -> None:
    on_disk = {p.stem.removeprefix("schema-") for p in FIXTURES_DIR.glob("schema-*.db")}
    assert on_disk == set(FIXTURES)


@pytest.mark.parametrize("revision", sorted(FIXTURES))
def test_fixture_of_released_schema_upgrades_with_data_intact(
    revision: str, tmp_path: Path
) -> None:
    paths = DataPaths.resolve(tmp_path)
    paths.ensure()
    shutil.copyfile(FIXTURES_DIR / f"schema-{revision}.db", paths.database)
    db = open_database(paths.database_url(), paths)
    try:
        with db.engine.connect() as conn:
            assert (
                conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
                == head_revision()
            )
        with db.session_scope() as s:
            people = s.scalar(select(func.count()).select_from(Person))
            memberships = s.scalar(select(func.count()).select_from(Membership))
            chair = s.scalar(select(Person.name_zh).where(Person.id == 1))
            names = s.execute(select(Person.name_zh, Person.name_sort)).all()
            report = verify(s)
        assert (people, memberships, report.events) == FIXTURES[revision]
        assert chair == "王芳"
        # every name written before names sorted by pinyin has its sort key now (0002)
        assert all(key == sort_key(name) for name, key in names) and names
        assert report.ok, report.problems
    finally:
        db.dispose()
    backups = list(paths.backups.iterdir())
    # An older schema is backed up before the upgrade; one at head is not copied needlessly.
    assert bool(backups) == (revision != head_revision())


def test_new_database_is_created_by_migrations(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    db = open_database(f"sqlite:///{path}")
    try:
        with db.engine.connect() as conn:
            assert (
                conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
                == head_revision()
            )
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
    finally:
        db.dispose()
    assert path.stat().st_mode & 0o077 == 0, "the database must be readable by its owner alone"


def test_write_transactions_begin_immediate(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    db = open_database(f"sqlite:///{path}")
    try:
        with db.session_scope() as s:
            s.execute(text("SELECT 1"))
            # An IMMEDIATE transaction holds the write lock: a second writer is refused.
            with (
                closing(sqlite3.connect(path, timeout=0)) as other,
                pytest.raises(sqlite3.OperationalError, match="locked"),
            ):
                other.execute("BEGIN IMMEDIATE")
    finally:
        db.dispose()


def check_refused_untouched(path: Path, error: type[Exception]) -> None:
    before = _digest(path)
    siblings = _siblings(path)
    with pytest.raises(error) as caught:
        open_database(f"sqlite:///{path}")
    assert str(path) in str(caught.value)
    assert _digest(path) == before
    assert _siblings(path) == siblings, "no journal, WAL or backup file may appear"


def test_text_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "ethicsdesk.db"
    path.write_text("名单\n王芳,女\n" * 50, encoding="utf-8")
    check_refused_untouched(path, NotADatabase)


def test_short_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "ethicsdesk.db"
    path.write_bytes(b"SQLite format 3\x00 but cut short")
    check_refused_untouched(path, NotADatabase)


def test_foreign_sqlite_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "ethicsdesk.db"
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE songs (title TEXT)")
        conn.commit()
    check_refused_untouched(path, NotADatabase)


def _fixture_copy(tmp_path: Path) -> Path:
    path = tmp_path / "ethicsdesk.db"
    shutil.copyfile(FIXTURES_DIR / "schema-0001.db", path)
    return path


def test_damaged_database_is_refused_untouched(tmp_path: Path) -> None:
    path = _fixture_copy(tmp_path)
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(3 * page, 3 * page + 200):  # scribble over a b-tree page
        data[offset] = 0xA5
    path.write_bytes(bytes(data))
    check_refused_untouched(path, DatabaseDamaged)


def test_truncated_database_is_refused_untouched(tmp_path: Path) -> None:
    path = _fixture_copy(tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    check_refused_untouched(path, DatabaseDamaged)


def test_database_from_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = _fixture_copy(tmp_path)
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
        conn.commit()
    check_refused_untouched(path, DatabaseTooNew)
    with pytest.raises(DatabaseTooNew) as caught:
        inspect_sqlite_file(path)
    assert "newer version" in str(caught.value)


def test_backup_is_a_consistent_private_copy(tmp_path: Path) -> None:
    source = _fixture_copy(tmp_path)
    target = backup_sqlite(source, tmp_path / "backups" / "copy.db")
    assert target.stat().st_mode & 0o077 == 0
    with closing(sqlite3.connect(target)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT count(*) FROM person").fetchone() == (FIXTURES["0001"][0],)
