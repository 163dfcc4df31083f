"""Reads and writes are different transactions: a read begins DEFERRED and returns while
another process holds the write lock; a write begins IMMEDIATE and, when the lock is held
too long, ends as a typed error the user can act on; a read scope never writes."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from app import db as db_module
from app.db import Database, ReadScopeWrite, open_database
from app.errors import DatabaseBusy, StorageError
from app.models import Committee, Setting
from tests.conftest import PostgresServer
from tests.helpers import make_committee

HOLD_THE_LOCK = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
conn.execute("BEGIN IMMEDIATE")
conn.execute("INSERT INTO setting (key, value) VALUES ('held', '1')")
print("locked", flush=True)
sys.stdin.readline()
conn.execute("ROLLBACK")
"""


@pytest.fixture
def locked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    """A database with one committee whose write lock another process holds."""
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 300)  # a writer gives up quickly here
    path = tmp_path / "ethicsdesk.db"
    database = open_database(f"sqlite:///{path}")
    make_committee(database)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_THE_LOCK, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        yield database
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(timeout=30)
        database.dispose()


def test_a_read_returns_at_once_while_another_process_writes(locked: Database) -> None:
    started = time.monotonic()
    with locked.read_scope() as session:
        committees = session.scalar(select(func.count()).select_from(Committee))
        held = session.get(Setting, "held")
    waited = time.monotonic() - started
    assert committees == 1
    assert held is None  # the other process's write is not committed: not seen
    assert waited < locked_wait_limit()


def locked_wait_limit() -> float:
    # A read that began IMMEDIATE would wait for the whole busy timeout and then fail; one
    # that begins DEFERRED does not wait at all. Far below the timeout, far above a read.
    return 2.0


def test_a_write_while_another_process_writes_is_a_busy_database(locked: Database) -> None:
    with pytest.raises(DatabaseBusy) as caught, locked.write_scope() as session:
        session.add(Setting(key="mine", value="1"))
    assert "busy" in str(caught.value) and "数据库正忙" in caught.value.localized("zh_CN")
    with locked.read_scope() as session:
        assert session.get(Setting, "mine") is None


def test_a_read_scope_never_writes(database: Database) -> None:
    with pytest.raises(ReadScopeWrite), database.read_scope() as session:
        session.add(Setting(key="sneaky", value="1"))
        session.flush()
    with database.read_scope() as session:
        assert session.get(Setting, "sneaky") is None


def test_a_read_scope_begins_deferred_and_a_write_scope_immediate(tmp_path: Path) -> None:
    database = open_database(f"sqlite:///{tmp_path / 'ethicsdesk.db'}")
    with database.read_scope() as session:
        session.execute(text("SELECT 1"))
        # a deferred transaction holds no lock yet: another connection may still write
        with database.engine.connect() as other:
            other.exec_driver_sql("INSERT INTO setting (key, value) VALUES ('other', '1')")
            other.commit()
    with database.write_scope() as session:
        session.execute(text("SELECT 1"))
        with (
            pytest.raises(Exception, match="locked"),
            database.engine.execution_options(ethicsdesk_read=True).connect() as other,
        ):
            other.exec_driver_sql("PRAGMA busy_timeout = 50")
            other.exec_driver_sql("INSERT INTO setting (key, value) VALUES ('blocked', '1')")
    database.dispose()


def test_postgresql_reads_are_read_only(postgres_server: PostgresServer) -> None:
    name = postgres_server.create_migrated()
    database = open_database(postgres_server.url_for(name))
    try:
        with pytest.raises(StorageError, match="read-only"), database.read_scope() as session:
            session.execute(text("INSERT INTO setting (key, value) VALUES ('ro', '1')"))
        with database.write_scope() as session:
            session.execute(text("INSERT INTO setting (key, value) VALUES ('rw', '1')"))
    finally:
        database.dispose()
        postgres_server.drop(name)
