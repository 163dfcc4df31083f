"""Alembic environment. The application passes its own connection in
``config.attributes["connection"]``; the ``alembic`` command line may give a URL instead."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from app.db import make_engine
from app.models import Base

config = context.config
target_metadata = Base.metadata


def run_on(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        run_on(connection)
        return
    engine = make_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.begin() as conn:
        run_on(conn)
    engine.dispose()


if context.is_offline_mode():  # pragma: no cover - we never render SQL scripts
    raise SystemExit("offline migrations are not supported")
run_migrations_online()
