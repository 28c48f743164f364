"""Baseline: the store's schema before migrations existed (main, 2026-11-28).

A store created by `metadata.create_all` before Alembic has these tables but no
`alembic_version`; this revision creates only what is missing, so it upgrades such a
store in place as well as an empty database. The audit log's append-only triggers are
created the same way (IF NOT EXISTS / OR REPLACE).

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

S32 = sa.String(32)


def _create(name: str, *items: sa.schema.SchemaItem, indexed: tuple[str, ...] = ()) -> None:
    """Create a table (and its indexes) unless a pre-migration store already has it."""
    if not sa.inspect(op.get_bind()).has_table(name):
        op.create_table(name, *items)
    have = {ix["name"] for ix in sa.inspect(op.get_bind()).get_indexes(name)}
    for column in indexed:
        if f"ix_{name}_{column}" not in have:
            op.create_index(f"ix_{name}_{column}", name, [column])


APPEND_ONLY = {
    "sqlite": [
        ("CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log "
         "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"),
        ("CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log "
         "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"),
    ],
    "postgresql": [
        ("CREATE OR REPLACE FUNCTION audit_log_forbid() RETURNS trigger AS $$ BEGIN "
         "RAISE EXCEPTION 'audit_log is append-only'; END $$ LANGUAGE plpgsql"),
        "DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log",
        ("CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
         "FOR EACH ROW EXECUTE FUNCTION audit_log_forbid()"),
    ],
}


def upgrade() -> None:
    _create(
        "dataset_versions",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("dataset", sa.String(64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("published", S32),
        sa.Column("loaded_at", S32, nullable=False),
        sa.Column("files", sa.JSON(), nullable=False),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("entity_count", sa.Integer(), nullable=False),
        sa.Column("warnings", sa.JSON(), nullable=False),
        sa.UniqueConstraint("dataset", "version"),
        indexed=("dataset",),
    )
    _create(
        "active_versions",
        sa.Column("dataset", sa.String(64), primary_key=True),
        sa.Column("version_id", sa.Integer(), sa.ForeignKey("dataset_versions.id"),
                  nullable=False),
        sa.Column("activated_at", S32, nullable=False),
    )
    _create(
        "entities",
        sa.Column("version_id", sa.Integer(), sa.ForeignKey("dataset_versions.id"),
                  primary_key=True),
        sa.Column("entity_id", sa.String(128), primary_key=True),
        sa.Column("source_id", sa.String(128), nullable=False),
        sa.Column("schema", S32, nullable=False),
        sa.Column("caption", sa.Text(), nullable=False),
        sa.Column("digest", sa.String(40), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
    )
    _create(
        "api_keys",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("scope", sa.String(16), nullable=False),
        sa.Column("key_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", S32, nullable=False),
        sa.Column("revoked", sa.Boolean(), nullable=False),
    )
    _create(
        "screening_jobs",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("filename", sa.Text(), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("threshold", sa.JSON(), nullable=False),
        sa.Column("result_limit", sa.Integer(), nullable=False),
        sa.Column("created_at", S32, nullable=False),
        sa.Column("updated_at", S32, nullable=False),
        sa.Column("rows_done", sa.Integer(), nullable=False),
        sa.Column("rows_alerted", sa.Integer(), nullable=False),
        sa.Column("rows_failed", sa.Integer(), nullable=False),
        sa.Column("error", sa.Text()),
    )
    _create(
        "screening_rows",
        sa.Column("job_id", sa.String(36), sa.ForeignKey("screening_jobs.id"),
                  primary_key=True),
        sa.Column("seq", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("result", sa.Text()),
        sa.Column("problem", sa.Text()),
    )
    _create(
        "book_entries",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("schema", S32, nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("digest", sa.String(40), nullable=False),
        sa.Column("created_at", S32, nullable=False),
        sa.Column("updated_at", S32, nullable=False),
        sa.Column("screened_digest", sa.String(40)),
    )
    _create(
        "book_changes",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("book_id", sa.String(200), nullable=False),
        sa.Column("at", S32, nullable=False),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("change", sa.String(16), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        indexed=("book_id",),
    )
    _create(
        "alerts",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("book_id", sa.String(200), nullable=False),
        sa.Column("entity_id", sa.String(128), nullable=False),
        sa.Column("dataset", sa.String(64), nullable=False),
        sa.Column("source_id", sa.String(128), nullable=False),
        sa.Column("list_name", sa.Text(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("opened_at", S32, nullable=False),
        sa.Column("updated_at", S32, nullable=False),
        sa.Column("book_digest", sa.String(40), nullable=False),
        sa.Column("entity_digest", sa.String(40), nullable=False),
        sa.Column("result", sa.Text(), nullable=False),
        sa.UniqueConstraint("book_id", "entity_id"),
        indexed=("status",),
    )
    _create(
        "alert_events",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("alert_id", sa.Integer(), sa.ForeignKey("alerts.id"), nullable=False),
        sa.Column("at", S32, nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        indexed=("alert_id",),
    )
    _create(
        "near_pairs",
        sa.Column("book_id", sa.String(200), primary_key=True),
        sa.Column("entity_id", sa.String(128), primary_key=True),
        sa.Column("score", sa.Float(), nullable=False),
        indexed=("entity_id",),
    )
    _create(
        "monitor_state",
        sa.Column("dataset", sa.String(64), primary_key=True),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("at", S32, nullable=False),
    )
    _create(
        "audit_log",
        sa.Column("seq", sa.Integer(), primary_key=True),
        sa.Column("at", S32, nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    _create(
        "webhooks",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("secret", sa.Text(), nullable=False),
        sa.Column("created_at", S32, nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
    )
    _create(
        "webhook_deliveries",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("webhook_id", sa.Integer(), sa.ForeignKey("webhooks.id"), nullable=False),
        sa.Column("event", S32, nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("status_code", sa.Integer()),
        sa.Column("error", sa.Text()),
        sa.Column("delivered", sa.Boolean(), nullable=False),
        sa.Column("at", S32, nullable=False),
    )
    _create(
        "ownership_links",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("owner", sa.Text(), nullable=False),
        sa.Column("owned", sa.Text(), nullable=False),
        sa.Column("percent", sa.Float(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.UniqueConstraint("owner", "owned", "source"),
    )
    _create(
        "devices",
        sa.Column("asset_id", sa.String(200), primary_key=True),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("imported_at", S32, nullable=False),
    )
    for statement in APPEND_ONLY.get(op.get_bind().dialect.name, []):
        op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("the baseline is not undone: restore a backup instead")
