"""Row versions: `row_version` on the versioned tables of every plan (optimistic concurrency).

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from revorg.model.team.storage import plan_schemas, row_version_statements

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    connection = op.get_bind()
    for schema in plan_schemas(connection):
        for statement in row_version_statements(schema):
            connection.execute(sa.text(statement))


def downgrade() -> None:
    raise NotImplementedError("the team server's schema only moves forward")
