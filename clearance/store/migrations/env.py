"""Alembic environment: the store's metadata, on the connection `clearance.store.migrate`
hands over (or on `CLEARANCE_DATABASE_URL` when the `alembic` command runs it)."""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy import Connection, create_engine

from clearance import settings
from clearance.store.db import metadata

VERSION_TABLE = "alembic_version"


def include_name(name: str | None, type_: Any, _parents: Any) -> bool:
    """Autogenerate compares the store's own tables, never Alembic's bookkeeping."""
    return not (type_ == "table" and name == VERSION_TABLE)


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        include_name=include_name,
        # SQLite alters a table by copying it: autogenerate writes batch operations there
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def main() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = create_engine(settings.database_url())
    with engine.begin() as conn:
        _run(conn)
    engine.dispose()


main()
