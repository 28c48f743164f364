"""Tables of the versioned store (SQLAlchemy Core, portable SQL: SQLite or PostgreSQL).

Tables are declared here and created by the Alembic migrations in `store/migrations`
(`store/migrate.py` applies them on first use; a test fails when the two disagree).
A dataset has many versions; exactly one is active, named by one row of
`active_versions`. Loading writes a whole version and flips that row in the same
transaction, so a reader sees the old version or the new one, never a mixture, and a
process killed mid-load leaves the previous version active and intact.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from functools import lru_cache

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Engine,
    Float,
    ForeignKey,
    Index,
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

__all__ = [
    "active_versions",
    "alert_assignments",
    "alert_comments",
    "alert_events",
    "alert_proposals",
    "alerts",
    "audit_checkpoints",
    "audit_log",
    "book_changes",
    "book_entries",
    "devices",
    "engine",
    "entities",
    "file_book_state",
    "metadata",
    "monitor_cycles",
    "monitor_state",
    "near_pairs",
    "ownership_links",
    "portfolio_constituents",
    "portfolio_holdings",
    "portfolio_state",
    "reset_engines",
    "users",
    "utc_now",
    "versions",
    "web_sessions",
    "webhook_deliveries",
    "webhooks",
    "whatif_scenarios",
]

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
    # what the rows are screened as: "names" (parties) or "portfolio" (holdings, NS-CMIC)
    Column("kind", String(16), nullable=False, server_default="names"),
    Column("options", JSON),  # kind-specific settings (portfolio: as_of, thresholds)
    Column("claimed_by", String(200)),  # the runner (host:pid) holding the job
    Column("heartbeat", String(32)),  # its last sign of life; stale ones are taken over
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


book_entries = Table(
    "book_entries",
    metadata,
    Column("id", String(200), primary_key=True),
    Column("name", Text, nullable=False),
    Column("schema", String(32), nullable=False),
    Column("data", Text, nullable=False),  # JSON: aliases, countries, birth_date, ids, attributes
    Column("digest", String(40), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
    Column("screened_digest", String(40)),  # the digest last screened; NULL = never
)

book_changes = Table(
    "book_changes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("book_id", String(200), nullable=False, index=True),
    Column("at", String(32), nullable=False),
    Column("origin", Text, nullable=False),
    Column("change", String(16), nullable=False),  # added, updated
    Column("fields", JSON, nullable=False),  # {field: [before, after]}
)

alerts = Table(
    "alerts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("book_id", String(200), nullable=False),
    Column("entity_id", String(128), nullable=False),
    Column("dataset", String(64), nullable=False),
    Column("source_id", String(128), nullable=False),
    Column("list_name", Text, nullable=False),
    Column("score", Float, nullable=False),
    Column("status", String(16), nullable=False, index=True),
    Column("opened_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
    Column("book_digest", String(40), nullable=False),
    Column("entity_digest", String(40), nullable=False),
    Column("result", Text, nullable=False),  # the match result with its explanation (JSON)
    UniqueConstraint("book_id", "entity_id"),
    # the UI's queue: a page of one status by score or age without sorting every alert
    Index("ix_alerts_status_score", "status", "score"),
    Index("ix_alerts_status_opened", "status", "opened_at"),
)

alert_events = Table(
    "alert_events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("alert_id", Integer, ForeignKey("alerts.id"), nullable=False, index=True),
    Column("at", String(32), nullable=False),
    Column("actor", String(200), nullable=False),
    Column("status", String(16), nullable=False),
    Column("reason", Text, nullable=False),
    Column("changes", JSON, nullable=False),  # what changed when a case reopens
)

near_pairs = Table(
    "near_pairs",
    metadata,
    Column("book_id", String(200), primary_key=True),
    Column("entity_id", String(128), primary_key=True, index=True),
    Column("score", Float, nullable=False),
)

monitor_state = Table(
    "monitor_state",
    metadata,
    Column("dataset", String(64), primary_key=True),
    Column("version_id", Integer, nullable=False),
    Column("at", String(32), nullable=False),
)

#: Append-only: triggers the migrations create (0001, 0004) refuse UPDATE, DELETE and
#: TRUNCATE, and an INSERT that does not extend the chain (next number, previous record's
#: hash), so `INSERT OR REPLACE`, an upsert or a record slipped in between are refused too.
audit_log = Table(
    "audit_log",
    metadata,
    Column("seq", Integer, primary_key=True),
    Column("at", String(32), nullable=False),
    Column("actor", String(200), nullable=False),
    Column("action", String(64), nullable=False),
    Column("detail", Text, nullable=False),  # canonical JSON
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
)

#: Signed checkpoints of the audit chain (`store/signing.py`): append-only, like the log.
audit_checkpoints = Table(
    "audit_checkpoints",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("seq", Integer, nullable=False),
    Column("hash", String(64), nullable=False),
    Column("at", String(32), nullable=False),
    Column("key_id", String(64), nullable=False),
    Column("signature", Text, nullable=False),
)

#: One row per monitoring cycle: who ran it and whether it finished (`monitor/lock.py`).
monitor_cycles = Table(
    "monitor_cycles",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", String(32), nullable=False),
    Column("holder", String(200), nullable=False),  # "pid N on HOST"
    Column("status", String(16), nullable=False),  # running, done, interrupted
    Column("finished_at", String(32)),
)

webhooks = Table(
    "webhooks",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("url", Text, nullable=False),
    Column("secret", Text, nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("active", Boolean, nullable=False),
)

webhook_deliveries = Table(
    "webhook_deliveries",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("webhook_id", Integer, ForeignKey("webhooks.id"), nullable=False),
    Column("event", String(32), nullable=False),
    Column("body", Text, nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("status_code", Integer),
    Column("error", Text),
    Column("delivered", Boolean, nullable=False),
    Column("at", String(32), nullable=False),
)

ownership_links = Table(
    "ownership_links",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("owner", Text, nullable=False),
    Column("owned", Text, nullable=False),
    Column("percent", Float, nullable=False),
    Column("source", Text, nullable=False),
    Column("origin", Text, nullable=False),
    UniqueConstraint("owner", "owned", "source"),
)


# --- analyst web UI (issue 12): people, their sessions, four-eyes review of cases ---

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(64), nullable=False, unique=True),
    Column("role", String(16), nullable=False),  # analyst, reviewer, admin
    Column("password_hash", Text, nullable=False),  # argon2id; "!" = no password login
    Column("created_at", String(32), nullable=False),
    Column("disabled", Boolean, nullable=False),
    Column("failed_logins", Integer, nullable=False),  # consecutive failures
    Column("locked_until", String(32)),  # no password is checked before this time
)

web_sessions = Table(
    "web_sessions",
    metadata,
    Column("token_hash", String(64), primary_key=True),  # SHA-256 of the cookie's secret
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False, index=True),
    Column("csrf", String(64), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("expires_at", String(32), nullable=False),
)

alert_proposals = Table(
    "alert_proposals",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("alert_id", Integer, ForeignKey("alerts.id"), nullable=False, index=True),
    Column("batch", String(36)),  # proposals made together by one bulk action
    Column("decision", String(16), nullable=False),
    Column("reason_code", String(64), nullable=False),
    Column("reason", Text, nullable=False),
    Column("proposed_by", String(200), nullable=False),
    Column("proposed_at", String(32), nullable=False),
    Column("state", String(16), nullable=False, index=True),  # pending, approved, sent_back
    Column("reviewed_by", String(200)),
    Column("reviewed_at", String(32)),
    Column("review_reason", Text),
)

alert_comments = Table(
    "alert_comments",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("alert_id", Integer, ForeignKey("alerts.id"), nullable=False, index=True),
    Column("at", String(32), nullable=False),
    Column("author", String(200), nullable=False),
    Column("text", Text, nullable=False),
)

alert_assignments = Table(
    "alert_assignments",
    metadata,
    Column("alert_id", Integer, ForeignKey("alerts.id"), primary_key=True),
    Column("assignee", String(200), nullable=False, index=True),
    Column("at", String(32), nullable=False),
)

whatif_scenarios = Table(
    "whatif_scenarios",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False),
    Column("created_by", String(200), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("params", JSON, nullable=False),  # designate, dataset, with_subsidiaries
    Column("result", JSON, nullable=False),  # Scenario.to_dict()
)


def utc_now() -> str:
    """The timestamp every stored row carries: UTC, ISO 8601, to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def _sqlite_pragmas(dbapi_conn: object, _record: object) -> None:
    cur = dbapi_conn.cursor()  # type: ignore[attr-defined]
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={int(settings.busy_timeout() * 1000)}")
    cur.close()


devices = Table(
    "devices",
    metadata,
    Column("asset_id", String(200), primary_key=True),
    Column("data", Text, nullable=False),  # JSON of the normalised device record
    Column("origin", Text, nullable=False),
    Column("imported_at", String(32), nullable=False),
)


# Holdings monitored against NS-CMIC (clearance/portfolio/book.py): the last screening of
# each holding is kept beside it, so a list change re-screens only what it can change.
portfolio_holdings = Table(
    "portfolio_holdings",
    metadata,
    Column("id", String(200), primary_key=True),
    Column("isin", String(16), index=True),  # the valid ISIN
    Column("cusip", String(9), index=True),  # the valid CUSIP, or the one inside the ISIN
    Column("issuer", Text, nullable=False),
    Column("security", Text, nullable=False),
    Column("data", Text, nullable=False),  # JSON of the holding
    Column("digest", String(40), nullable=False),  # of what screening reads
    Column("origin", Text, nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
    Column("status", String(16)),  # covered, review, clear; NULL = never screened
    Column("entity_id", String(128), index=True),
    Column("result", Text),  # the last screening result (JSON)
    Column("screened_digest", String(40)),
)

portfolio_constituents = Table(
    "portfolio_constituents",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("fund", String(200), nullable=False, index=True),
    Column("data", Text, nullable=False),  # JSON: the constituent and its weight
    Column("origin", Text, nullable=False),
    Column("imported_at", String(32), nullable=False),
)

portfolio_state = Table(
    "portfolio_state",
    metadata,
    Column("dataset", String(64), primary_key=True),
    Column("version_id", Integer, nullable=False),
    Column("at", String(32), nullable=False),
    Column("as_of", String(10), nullable=False),  # the day the dates were read for
)


#: The state of books kept as files outside the store, monitored on Spark (one per path).
file_book_state = Table(
    "file_book_state",
    metadata,
    Column("book", String(1000), primary_key=True),
    Column("dataset", String(64), primary_key=True),
    Column("version_id", Integer, nullable=False),
    Column("at", String(32), nullable=False),
)


@lru_cache(maxsize=8)
def _engine(url: str) -> Engine:
    eng = create_engine(url)
    if eng.dialect.name == "sqlite":
        event.listen(eng, "connect", _sqlite_pragmas)
    # the schema (tables, the audit log's append-only triggers) is the migrations' to make
    from clearance.store.migrate import upgrade

    upgrade(eng)
    return eng


@lru_cache(maxsize=8)
def _url(database_url: str | None, home: str | None) -> str:
    return settings.database_url()  # reads (and checks) the two settings keyed here


def engine() -> Engine:
    """The store's engine for the configured URL (schema migrated on first use).

    The URL is worked out once per value of the two settings it depends on: every query
    calls this, and the home's checks (a folder, created if missing) cost file-system calls.
    """
    url = _url(os.environ.get("CLEARANCE_DATABASE_URL"), os.environ.get("CLEARANCE_HOME"))
    return _engine(url)


def reset_engines() -> None:
    """Forget cached engines (tests switch `CLEARANCE_HOME` between cases)."""
    _engine.cache_clear()
    _url.cache_clear()


def dispose_engine() -> None:
    """Close the pooled connections of the store's engine, if this process made one: a
    command that ends without the interpreter's teardown (`processes.exit_now`) still
    closes them (SQLite checkpoints its WAL, PostgreSQL sees a clean goodbye)."""
    if _engine.cache_info().currsize > 0:
        engine().dispose()
