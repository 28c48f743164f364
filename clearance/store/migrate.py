"""Bring a store's schema to the current revision, in place, once, whoever gets there first.

Every process that opens the store calls `upgrade`: a store already at `HEAD` costs one
small query; otherwise the pending Alembic revisions run in one transaction under a lock
(PostgreSQL: an advisory transaction lock; SQLite: `BEGIN IMMEDIATE`, its write lock), so
several instances starting together migrate it once and the others find it done. A store
created before migrations existed (no `alembic_version`) is upgraded from the baseline,
which creates only what such a store lacks.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, inspect, select, text
from sqlalchemy.pool import NullPool

__all__ = ["HEAD", "MIGRATIONS", "alembic_config", "current_revision", "upgrade"]

#: The newest revision in `migrations/versions` (a test checks they agree).
HEAD = "0004"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
#: Key of the PostgreSQL advisory lock taken while migrating ("clearmig").
_LOCK_KEY = 0x636C6561726D6967


def alembic_config(connection: Connection | None = None) -> object:
    """Alembic's configuration for the store's migrations (on `connection` when given)."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def current_revision(engine: Engine) -> str | None:
    """The store's revision; None when it has none (empty, or created before migrations)."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(select(text("version_num")).select_from(text("alembic_version"))
                            ).scalar()


def _migration_engine(url: str) -> Engine:
    """A one-connection engine whose transactions take the database's write lock first."""
    eng = create_engine(url, poolclass=NullPool)
    if eng.dialect.name == "sqlite":
        def connect(dbapi_conn: object, _record: object) -> None:
            dbapi_conn.isolation_level = None  # type: ignore[attr-defined]  # BEGIN is ours
            cur = dbapi_conn.cursor()  # type: ignore[attr-defined]
            cur.execute("PRAGMA busy_timeout=30000")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.close()

        def begin(conn: Connection) -> None:
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        event.listen(eng, "connect", connect)
        event.listen(eng, "begin", begin)
    return eng


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply the pending migrations to the store behind `engine` (see module docstring)."""
    if revision == "head" and current_revision(engine) == HEAD:
        return
    from alembic import command

    eng = _migration_engine(engine.url.render_as_string(hide_password=False))
    try:
        with eng.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY})
            command.upgrade(alembic_config(conn), revision)  # type: ignore[arg-type]
    finally:
        eng.dispose()
