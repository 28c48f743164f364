"""What main added to the store while migrations were being written (merged 2026-11-28).

The web UI's people, sessions and four-eyes review (users, web_sessions, alert_proposals,
alert_comments, alert_assignments, whatif_scenarios), signed audit checkpoints and the
monitoring cycle register (audit_checkpoints, monitor_cycles), portfolio monitoring
(portfolio_holdings, portfolio_constituents, portfolio_state), screening job kinds
(screening_jobs.kind, .options), the queue's indexes on alerts, and the audit triggers
that make an INSERT extend the chain and keep checkpoints append-only.

A store created by main before this merge has all of these already (`create_all` and
its trigger statements) and no `alembic_version`: like the baseline, this revision
creates only what is missing; triggers are created IF NOT EXISTS (SQLite) or replaced
(PostgreSQL), so they end as main declared them either way.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

S32 = sa.String(32)
GENESIS = "'" + "0" * 64 + "'"

APPEND_ONLY = {
    "sqlite": [
        *(f"CREATE TRIGGER IF NOT EXISTS audit_checkpoints_no_{op_} BEFORE {op_.upper()} ON "
          "audit_checkpoints BEGIN SELECT RAISE(ABORT, 'audit_checkpoints is append-only'); END"
          for op_ in ("update", "delete")),
        ("CREATE TRIGGER IF NOT EXISTS audit_log_extend BEFORE INSERT ON audit_log "
         "WHEN NEW.seq IS NOT COALESCE((SELECT MAX(seq) FROM audit_log), 0) + 1 "
         "OR NEW.prev_hash IS NOT COALESCE((SELECT hash FROM audit_log ORDER BY seq DESC "
         f"LIMIT 1), {GENESIS}) "
         "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: a record must extend the "
         "chain'); END"),
    ],
    "postgresql": [
        ("CREATE OR REPLACE FUNCTION audit_log_forbid() RETURNS trigger AS $$ BEGIN "
         "RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$ LANGUAGE plpgsql"),
        ("CREATE OR REPLACE FUNCTION audit_log_extend() RETURNS trigger AS $$ "
         "DECLARE last_seq integer; last_hash text; BEGIN "
         "SELECT seq, hash INTO last_seq, last_hash FROM audit_log ORDER BY seq DESC LIMIT 1; "
         "IF NEW.seq IS DISTINCT FROM COALESCE(last_seq, 0) + 1 "
         f"OR NEW.prev_hash IS DISTINCT FROM COALESCE(last_hash, {GENESIS}) THEN "
         "RAISE EXCEPTION 'audit_log is append-only: a record must extend the chain'; "
         "END IF; RETURN NEW; END $$ LANGUAGE plpgsql"),
        "DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log",
        ("CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
         "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_forbid()"),
        "DROP TRIGGER IF EXISTS audit_log_extend ON audit_log",
        ("CREATE TRIGGER audit_log_extend BEFORE INSERT ON audit_log "
         "FOR EACH ROW EXECUTE FUNCTION audit_log_extend()"),
        "DROP TRIGGER IF EXISTS audit_checkpoints_append_only ON audit_checkpoints",
        ("CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE OR DELETE OR TRUNCATE "
         "ON audit_checkpoints FOR EACH STATEMENT EXECUTE FUNCTION audit_log_forbid()"),
    ],
}


def _create(name: str, *items: sa.schema.SchemaItem, indexed: tuple[str, ...] = ()) -> None:
    """Create a table (and its indexes) unless a store made by main already has it."""
    if not sa.inspect(op.get_bind()).has_table(name):
        op.create_table(name, *items)
    _index(name, *((f"ix_{name}_{column}", (column,)) for column in indexed))


def _index(table: str, *wanted: tuple[str, tuple[str, ...]]) -> None:
    have = {ix["name"] for ix in sa.inspect(op.get_bind()).get_indexes(table)}
    for name, columns in wanted:
        if name not in have:
            op.create_index(name, table, list(columns))


def upgrade() -> None:
    _create(
        "audit_checkpoints",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("at", S32, nullable=False),
        sa.Column("key_id", sa.String(64), nullable=False),
        sa.Column("signature", sa.Text(), nullable=False),
    )
    _create(
        "monitor_cycles",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("started_at", S32, nullable=False),
        sa.Column("holder", sa.String(200), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("finished_at", S32),
    )
    _create(
        "users",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(64), nullable=False, unique=True),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("created_at", S32, nullable=False),
        sa.Column("disabled", sa.Boolean(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", S32),
    )
    _create(
        "web_sessions",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("csrf", sa.String(64), nullable=False),
        sa.Column("created_at", S32, nullable=False),
        sa.Column("expires_at", S32, nullable=False),
        indexed=("user_id",),
    )
    _create(
        "alert_proposals",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("alert_id", sa.Integer(), sa.ForeignKey("alerts.id"), nullable=False),
        sa.Column("batch", sa.String(36)),
        sa.Column("decision", sa.String(16), nullable=False),
        sa.Column("reason_code", sa.String(64), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("proposed_by", sa.String(200), nullable=False),
        sa.Column("proposed_at", S32, nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("reviewed_by", sa.String(200)),
        sa.Column("reviewed_at", S32),
        sa.Column("review_reason", sa.Text()),
        indexed=("alert_id", "state"),
    )
    _create(
        "alert_comments",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("alert_id", sa.Integer(), sa.ForeignKey("alerts.id"), nullable=False),
        sa.Column("at", S32, nullable=False),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        indexed=("alert_id",),
    )
    _create(
        "alert_assignments",
        sa.Column("alert_id", sa.Integer(), sa.ForeignKey("alerts.id"), primary_key=True),
        sa.Column("assignee", sa.String(200), nullable=False),
        sa.Column("at", S32, nullable=False),
        indexed=("assignee",),
    )
    _create(
        "whatif_scenarios",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.Column("created_at", S32, nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
    )
    _create(
        "portfolio_holdings",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("isin", sa.String(16)),
        sa.Column("cusip", sa.String(9)),
        sa.Column("issuer", sa.Text(), nullable=False),
        sa.Column("security", sa.Text(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("digest", sa.String(40), nullable=False),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("created_at", S32, nullable=False),
        sa.Column("updated_at", S32, nullable=False),
        sa.Column("status", sa.String(16)),
        sa.Column("entity_id", sa.String(128)),
        sa.Column("result", sa.Text()),
        sa.Column("screened_digest", sa.String(40)),
        indexed=("isin", "cusip", "entity_id"),
    )
    _create(
        "portfolio_constituents",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("fund", sa.String(200), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("imported_at", S32, nullable=False),
        indexed=("fund",),
    )
    _create(
        "portfolio_state",
        sa.Column("dataset", sa.String(64), primary_key=True),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("at", S32, nullable=False),
        sa.Column("as_of", sa.String(10), nullable=False),
    )
    have = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("screening_jobs")}
    with op.batch_alter_table("screening_jobs") as batch:
        if "kind" not in have:
            batch.add_column(sa.Column("kind", sa.String(16), nullable=False,
                                       server_default="names"))
        if "options" not in have:
            batch.add_column(sa.Column("options", sa.JSON()))
    _index("alerts", ("ix_alerts_status_score", ("status", "score")),
           ("ix_alerts_status_opened", ("status", "opened_at")))
    for statement in APPEND_ONLY.get(op.get_bind().dialect.name, []):
        op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("revision 0004 is not undone: restore a backup instead")
