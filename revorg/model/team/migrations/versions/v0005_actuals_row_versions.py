"""Row versions on the plans' actuals and photos: deals, their imports and rules, owners
matched by hand, photos (revorg.model.team.storage.WHOLE_ROW_TABLES), so that an actuals
import or a photo is sent to a team plan as any edit is.

Follows 0004 (the presence list), written at the same time.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from revorg.model.team.roles import regrant_all
from revorg.model.team.storage import plan_schemas, row_version_statements

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    connection = op.get_bind()
    for schema in plan_schemas(connection):
        # Idempotent (ADD COLUMN IF NOT EXISTS): the tables of 0002 already have theirs.
        for statement in row_version_statements(schema):
            connection.execute(sa.text(statement))
    # The roles' rights cover the new columns (a viewer's column privileges are per column).
    regrant_all(connection)


def downgrade() -> None:
    raise NotImplementedError("the team server's schema only moves forward")
