"""Tables of the versioned store (SQLAlchemy Core, portable SQL: SQLite or PostgreSQL).

A dataset has many versions; exactly one is active, named by one row of
`active_versions`. Loading writes a whole version and flips that row in the same
transaction, so a reader sees the old version or the new one, never a mixture, and a
process killed mid-load leaves the previous version active and intact.
"""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Engine,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    event,
)

from clearance import settings

__all__ = ["active_versions", "engine", "entities", "metadata", "reset_engines", "versions"]

metadata = MetaData()

versions = Table(
    "dataset_versions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("dataset", String(64), nullable=False, index=True),
    Column("version", Integer, nullable=False),
    Column("published", String(32)),
    Column("loaded_at", String(32), nullable=False),
    Column("files", JSON, nullable=False),
    Column("origin", Text, nullable=False),
    Column("entity_count", Integer, nullable=False),
    Column("warnings", JSON, nullable=False),
    UniqueConstraint("dataset", "version"),
)

active_versions = Table(
    "active_versions",
    metadata,
    Column("dataset", String(64), primary_key=True),
    Column("version_id", Integer, ForeignKey("dataset_versions.id"), nullable=False),
    Column("activated_at", String(32), nullable=False),
)

entities = Table(
    "entities",
    metadata,
    Column("version_id", Integer, ForeignKey("dataset_versions.id"), primary_key=True),
    Column("entity_id", String(128), primary_key=True),
    Column("source_id", String(128), nullable=False),
    Column("schema", String(32), nullable=False),
    Column("caption", Text, nullable=False),
    Column("digest", String(40), nullable=False),
    Column("data", Text, nullable=False),
)


api_keys = Table(
    "api_keys",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(200), nullable=False),
    Column("scope", String(16), nullable=False),
    Column("key_hash", String(64), nullable=False, unique=True),
    Column("created_at", String(32), nullable=False),
    Column("revoked", Boolean, nullable=False),
)


screening_jobs = Table(
    "screening_jobs",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("filename", Text, nullable=False),
    Column("path", Text, nullable=False),
    Column("status", String(16), nullable=False),  # queued, running, done, failed
    Column("threshold", JSON, nullable=False),
    Column("result_limit", Integer, nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
    Column("rows_done", Integer, nullable=False),
    Column("rows_alerted", Integer, nullable=False),
    Column("rows_failed", Integer, nullable=False),
    Column("error", Text),
)

screening_rows = Table(
    "screening_rows",
    metadata,
    Column("job_id", String(36), ForeignKey("screening_jobs.id"), primary_key=True),
    Column("seq", Integer, primary_key=True),  # position in the file, 1-based
    Column("line", Integer, nullable=False),
    Column("result", Text),  # the JSONL line, or NULL for a row that failed
    Column("problem", Text),
)


def _sqlite_pragmas(dbapi_conn: object, _record: object) -> None:
    cur = dbapi_conn.cursor()  # type: ignore[attr-defined]
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


@lru_cache(maxsize=8)
def _engine(url: str) -> Engine:
    eng = create_engine(url)
    if eng.dialect.name == "sqlite":
        event.listen(eng, "connect", _sqlite_pragmas)
    metadata.create_all(eng)
    return eng


def engine() -> Engine:
    """The store's engine for the configured URL (tables created on first use)."""
    return _engine(settings.database_url())


def reset_engines() -> None:
    """Forget cached engines (tests switch `CLEARANCE_HOME` between cases)."""
    _engine.cache_clear()
