"""Shared fixtures. Qt runs offscreen (set before anything imports Qt).

``database`` is a freshly migrated database per test: a SQLite file in ``tmp_path`` and,
whenever ``ETHICSDESK_TEST_DATABASE_URL`` names a PostgreSQL server, a fresh PostgreSQL
database on it as well (the test runs once on each). Migrating once per session and
copying the result keeps this fast: a file copy for SQLite, ``CREATE DATABASE … TEMPLATE``
for PostgreSQL.
"""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The user's own preferences (the language) must not reach the tests: an empty config dir.
os.environ["ETHICSDESK_CONFIG"] = tempfile.mkdtemp(prefix="ethicsdesk-test-config-")

import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app.db import Database, make_engine, open_database, upgrade
from app.paths import DataPaths

PG_URL = os.environ.get("ETHICSDESK_TEST_DATABASE_URL", "")
BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL else [])


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "ethicsdesk.db"
    db = open_database(f"sqlite:///{path}")
    db.dispose()
    return path


class PostgresServer:
    """Creates and drops databases on the test server, from one migrated template."""

    def __init__(self, url: str) -> None:
        self.url = make_url(url)
        self.admin = create_engine(self.url, isolation_level="AUTOCOMMIT")
        self.template = f"ethicsdesk_tmpl_{uuid.uuid4().hex[:8]}"
        self._create(self.template)
        engine = make_engine(self.url_for(self.template))
        upgrade(engine)
        engine.dispose()

    def url_for(self, name: str) -> str:
        return self.url.set(database=name).render_as_string(hide_password=False)

    def _create(self, name: str, template: str | None = None) -> None:
        suffix = f" TEMPLATE {template}" if template else ""
        with self.admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"{suffix}'))

    def create_empty(self) -> str:
        name = f"ethicsdesk_t_{uuid.uuid4().hex[:12]}"
        self._create(name)
        return name

    def create_migrated(self) -> str:
        name = f"ethicsdesk_t_{uuid.uuid4().hex[:12]}"
        self._create(name, self.template)
        return name

    def drop(self, name: str) -> None:
        with self.admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    def close(self) -> None:
        self.drop(self.template)
        self.admin.dispose()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    if not PG_URL:
        pytest.skip("ETHICSDESK_TEST_DATABASE_URL is not set")
    server = PostgresServer(PG_URL)
    yield server
    server.close()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def data_paths(tmp_path: Path) -> DataPaths:
    paths = DataPaths.resolve(tmp_path / "data")
    paths.ensure()
    return paths


@pytest.fixture
def empty_database_url(backend: str, request: pytest.FixtureRequest, data_paths: DataPaths):
    """A URL of an empty database (no schema yet) on the backend under test."""
    if backend == "sqlite":
        yield data_paths.database_url()
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    name = server.create_empty()
    yield server.url_for(name)
    server.drop(name)


@pytest.fixture
def database(
    backend: str, request: pytest.FixtureRequest, data_paths: DataPaths, sqlite_template: Path
) -> Iterator[Database]:
    """A freshly migrated database on the backend under test."""
    if backend == "sqlite":
        shutil.copyfile(sqlite_template, data_paths.database)
        db = open_database(data_paths.database_url(), data_paths)
        yield db
        db.dispose()
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    name = server.create_migrated()
    db = open_database(server.url_for(name))
    yield db
    db.dispose()
    server.drop(name)
