"""Screening jobs are claimed by one instance at a time: who holds a job, and since when.

Several API processes (uvicorn workers, or instances on one PostgreSQL) each run a job
runner; a job is claimed with one conditional UPDATE, kept alive by a heartbeat with each
committed chunk, and taken over by another runner only when the heartbeat goes stale.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("screening_jobs") as batch:
        batch.add_column(sa.Column("claimed_by", sa.String(200)))
        batch.add_column(sa.Column("heartbeat", sa.String(32)))


def downgrade() -> None:
    with op.batch_alter_table("screening_jobs") as batch:
        batch.drop_column("heartbeat")
        batch.drop_column("claimed_by")
