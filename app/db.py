"""Engine, sessions, migrations and backup.

- SQLite: WAL, foreign keys, ``synchronous=FULL`` and ``busy_timeout`` set on every
  connection (SQLite cannot change ``synchronous`` inside a transaction, and a session
  always has one open). A transaction begins IMMEDIATE (it takes the write lock at once,
  so two writers queue instead of deadlocking), except a read's, which begins DEFERRED and
  so never waits behind a writer (WAL lets readers read while one writes). A file is
  checked read-only before anything writes to it.
- Every schema change is an Alembic migration under app/migrations. A new database is made
  by ``upgrade head``; an older one is backed up and upgraded when opened; a database from a
  newer version, a file that is not a database and a damaged one are refused untouched.
  Whether a database is current is decided without importing Alembic: the revisions are
  read from the migration scripts' own ``revision``/``down_revision`` lines.
- Two session factories per database, one unit of work each: ``read_scope()`` (a deferred,
  read-only transaction, rolled back at the end; a flush in it is a bug and raises) and
  ``write_scope()`` (IMMEDIATE, committed at the end or rolled back on error). A failure of
  the database itself (locked too long, the disk, the server) leaves a scope as a typed
  ``StorageError`` the user can act on.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from app.errors import (
    DatabaseBusy,
    DatabaseDamaged,
    DatabaseRefused,
    DatabaseTooNew,
    NotADatabase,
    StorageError,
)
from app.paths import DataPaths

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The execution option that marks a read's connection (its transaction begins DEFERRED).
READ_OPTION = "ethicsdesk_read"
READ_ONLY = "ethicsdesk_read_only"  # Session.info key of a read scope's session


# --- engines -------------------------------------------------------------------------


def _on_sqlite_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Autocommit at the driver level: SQLAlchemy's "begin" listener below issues the BEGIN.
    dbapi_connection.isolation_level = None
    with closing(dbapi_connection.cursor()) as cursor:
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")


def _on_sqlite_begin(connection: Connection) -> None:
    # SQLAlchemy's documented pysqlite recipe (the driver's own BEGIN is switched off above),
    # choosing the kind of transaction by the connection's execution options.
    read = connection.get_execution_options().get(READ_OPTION, False)
    connection.exec_driver_sql("BEGIN DEFERRED" if read else "BEGIN IMMEDIATE")


def make_engine(url: str) -> Engine:
    """An engine for ``url`` with EthicsDesk's connection settings."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(url)
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


def sqlite_file(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and in-memory SQLite."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


# --- migrations ----------------------------------------------------------------------


def alembic_config(connection: Connection | None = None) -> Any:
    """Alembic's Config built in code (loading alembic.ini would reconfigure logging)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


_REVISION_LINE = re.compile(r"^revision(?:\s*:[^=]*)?=\s*['\"](\w+)['\"]", re.MULTILINE)
_DOWN_LINE = re.compile(r"^down_revision(?:\s*:[^=]*)?=\s*(?:None|['\"](\w+)['\"])", re.MULTILINE)


@cache
def _revision_graph() -> dict[str, str | None]:
    """Each migration script's revision and the one it revises, read from the scripts'
    own lines (importing Alembic costs a tenth of a second a current database never
    needs). tests/test_migrations.py holds this equal to Alembic's own reading."""
    graph: dict[str, str | None] = {}
    for script in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        text = script.read_text(encoding="utf-8")
        revision = _REVISION_LINE.search(text)
        if revision is None:
            continue  # not a migration (the package's __init__)
        down = _DOWN_LINE.search(text)
        graph[revision.group(1)] = down.group(1) if down else None
    return graph


def known_revisions() -> frozenset[str]:
    """Every revision this version of EthicsDesk knows (the scripts ship with the package
    and do not change while it runs)."""
    return frozenset(_revision_graph())


def head_revision() -> str:
    graph = _revision_graph()
    heads = set(graph) - {down for down in graph.values() if down}
    assert len(heads) == 1, f"the migrations must have one head, not {sorted(heads)}"
    return heads.pop()


def current_revision(connection: Connection) -> str | None:
    """The schema revision recorded in the database, or None (no Alembic table or row)."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    rows = connection.exec_driver_sql("SELECT version_num FROM alembic_version").all()
    return str(rows[0][0]) if rows else None


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), revision)


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), revision)


# --- checking a file before anything writes to it ----------------------------------


@dataclass(frozen=True)
class FileState:
    """What a read-only look at a SQLite file found."""

    exists: bool
    empty: bool  # no tables at all: a new database
    revision: str | None


def inspect_sqlite_file(path: Path) -> FileState:
    """Look at ``path`` read-only; raise a DatabaseRefused subclass if it must not be opened.

    Never writes: the header is read as bytes, then SQLite opens the file with
    ``mode=ro`` for the integrity check and the schema revision.
    """
    if not path.exists():
        return FileState(exists=False, empty=True, revision=None)
    if not path.is_file():
        raise NotADatabase(str(path), "is not a file", zh="不是文件")
    with path.open("rb") as handle:
        header = handle.read(100)
    if len(header) == 0:
        return FileState(exists=True, empty=True, revision=None)
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise NotADatabase(
            str(path),
            "is not an EthicsDesk database (not an SQLite file)",
            zh="不是 EthicsDesk 数据库（不是 SQLite 文件）",
        )
    try:
        with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as conn:
            rows = conn.execute("PRAGMA quick_check").fetchall()
            if [r[0] for r in rows] != ["ok"]:
                detail = "; ".join(str(r[0]) for r in rows[:3])
                raise DatabaseDamaged(
                    str(path),
                    f"is damaged (integrity check: {detail})",
                    zh=f"文件已损坏（完整性检查：{detail}）",
                )
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if not tables:
                return FileState(exists=True, empty=True, revision=None)
            if "alembic_version" not in tables:
                raise NotADatabase(
                    str(path),
                    "is an SQLite database, but not one of EthicsDesk's",
                    zh="是 SQLite 数据库，但不是 EthicsDesk 数据库",
                )
            versions = [r[0] for r in conn.execute("SELECT version_num FROM alembic_version")]
    except sqlite3.DatabaseError as exc:
        raise DatabaseDamaged(
            str(path), f"is damaged or unreadable ({exc})", zh=f"文件已损坏或无法读取（{exc}）"
        ) from exc
    revision = versions[0] if versions else None
    if revision is not None and revision not in known_revisions():
        raise DatabaseTooNew(
            str(path),
            f"was written by a newer version of EthicsDesk (schema {revision}); "
            "install that version or newer to open it",
            zh=f"由更新版本的 EthicsDesk 写入（数据结构版本 {revision}），"
            "请安装该版本或更新版本后再打开",
        )
    return FileState(exists=True, empty=False, revision=revision)


def backup_sqlite(source: Path, target: Path) -> Path:
    """A consistent copy of ``source`` made with SQLite's backup API."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with (
        closing(sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)) as src,
        closing(sqlite3.connect(target)) as dst,
    ):
        src.backup(dst)
    target.chmod(0o600)
    return target


# --- the database ----------------------------------------------------------------------


class ReadScopeWrite(RuntimeError):
    """Code in a read scope tried to write: a bug (reads never change data)."""


@event.listens_for(Session, "before_flush")
def _refuse_writes_in_reads(session: Session, _context: Any, _instances: Any) -> None:
    if session.info.get(READ_ONLY) and (session.new or session.dirty or session.deleted):
        raise ReadScopeWrite("a read scope does not write: use write_scope()")


def _storage_error(exc: DBAPIError) -> StorageError:
    """The user's view of a failure of the database itself (not of our code)."""
    detail = str(getattr(exc, "orig", exc)).strip()
    if isinstance(exc, OperationalError) and "locked" in detail.lower():
        return DatabaseBusy(detail)
    return StorageError(
        f"the database could not be read or written ({detail})",
        zh=f"无法读写数据库（{detail}）",
    )


class Database:
    """An opened, up-to-date database: its engine and its two session factories."""

    def __init__(self, url: str, engine: Engine) -> None:
        self.url = url
        self.engine = engine
        self._writes = sessionmaker(engine, expire_on_commit=False)
        options: dict[str, Any] = {READ_OPTION: True}
        if engine.dialect.name == "postgresql":
            options["postgresql_readonly"] = True
        self._reads = sessionmaker(
            engine.execution_options(**options), expire_on_commit=False, info={READ_ONLY: True}
        )

    @contextmanager
    def read_scope(self) -> Iterator[Session]:
        """One read: a deferred, read-only transaction, rolled back at the end. It never
        waits behind a writer; writing in it raises ReadScopeWrite."""
        session = self._reads()
        try:
            yield session
        except DBAPIError as exc:
            raise _storage_error(exc) from exc
        finally:
            session.close()  # rolls the transaction back: a read has nothing to commit

    @contextmanager
    def write_scope(self) -> Iterator[Session]:
        """One unit of work: an IMMEDIATE transaction, committed at the end, rolled back on
        any error."""
        session = self._writes()
        try:
            yield session
            session.commit()
        except DBAPIError as exc:
            session.rollback()
            raise _storage_error(exc) from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    # The write scope under the name the tests and scripts use.
    session_scope = write_scope

    def write_session(self) -> Session:
        """A bare session of the write factory, for a caller that manages the transaction
        itself (tests that roll back whatever they did)."""
        return self._writes()

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(url: str, paths: DataPaths | None = None, *, create: bool = True) -> Database:
    """Open the database at ``url``, creating or upgrading it as needed.

    Raises DatabaseRefused (and subclasses) without touching the file when it is not a
    database, is damaged, or comes from a newer version of EthicsDesk.
    """
    path = sqlite_file(url)
    known = known_revisions()
    head = head_revision()
    if path is not None:
        state = inspect_sqlite_file(path)
        if not state.exists and not create:
            raise DatabaseRefused(str(path), "no database here", zh="此处没有数据库")
        path.parent.mkdir(parents=True, exist_ok=True)
        if state.exists and not state.empty and state.revision != head:
            backups = paths.backups if paths else path.parent / "backups"
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
            target = backups / f"{path.stem}-before-upgrade-{state.revision}-{stamp}.db"
            backup_sqlite(path, target)
            log.info("backed up %s to %s before upgrading", path, target)
    engine = make_engine(url)
    try:
        return _opened(url, engine, path, known, head)
    except DBAPIError as exc:
        engine.dispose()
        detail = str(getattr(exc, "orig", exc)).strip()
        raise StorageError(
            f"the database cannot be reached ({detail})", zh=f"无法连接数据库（{detail}）"
        ) from exc
    except BaseException:
        engine.dispose()
        raise


def _opened(
    url: str, engine: Engine, path: Path | None, known: frozenset[str], head: str
) -> Database:
    with engine.connect() as connection:
        revision = current_revision(connection)
        has_tables = set(inspect(connection).get_table_names())
    if revision is not None and revision not in known:
        raise DatabaseTooNew(
            url,
            f"was written by a newer version of EthicsDesk (schema {revision})",
            zh=f"由更新版本的 EthicsDesk 写入（数据结构版本 {revision}），"
            "请安装该版本或更新版本后再打开",
        )
    if revision is None and has_tables - {"alembic_version"}:
        raise NotADatabase(
            url,
            "holds tables, but is not an EthicsDesk database",
            zh="已有数据表，但不是 EthicsDesk 数据库",
        )
    if revision != head:
        upgrade(engine)
    if path is not None:
        path.chmod(0o600)
    return Database(url, engine)


def describe_database(url: str) -> str:
    """Where the data lives, fit to show: the file of SQLite, else the URL without password."""
    path = sqlite_file(url)
    if path is not None:
        return str(path)
    return make_url(url).render_as_string(hide_password=True)
