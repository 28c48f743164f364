"""Monitoring state of books kept as files (Parquet/CSV) and screened on Spark.

`monitor_state` records what the store's own book was last reconciled with; a book kept
outside the store (`clearance monitor run --engine spark --book PATH`) has its own state,
one row per (book, dataset), so both can be monitored in one store.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "file_book_state",
        sa.Column("book", sa.String(1000), primary_key=True),
        sa.Column("dataset", sa.String(64), primary_key=True),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("file_book_state")
