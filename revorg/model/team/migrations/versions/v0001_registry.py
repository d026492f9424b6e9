"""The registry of team plans (file format 8's tables in each plan's schema).

Revision ID: 0001
Revises:
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from revorg.model.team.storage import REGISTRY_SCHEMA

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "plans",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False, unique=True),
        sa.Column("schema_name", sa.Text, nullable=False, unique=True),
        sa.Column("file_format", sa.Integer, nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()
        ),
        sa.Column("created_by", sa.Text, nullable=False, server_default=sa.text("current_user")),
        schema=REGISTRY_SCHEMA,
    )


def downgrade() -> None:
    raise NotImplementedError("the team server's schema only moves forward")
