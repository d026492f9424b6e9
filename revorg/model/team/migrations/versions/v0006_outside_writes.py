"""Changes made outside RevOrg noted in every plan: the `outside_writes` table and its
statement-level triggers (revorg.model.team.cache_marks), so that a cached copy of a plan is
dropped when a psql `UPDATE` changed rows without a step in the log.

Follows 0005 (the actuals' row versions).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from revorg.model.team.cache_marks import outside_write_statements
from revorg.model.team.roles import regrant_all
from revorg.model.team.storage import plan_schemas

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    connection = op.get_bind()
    for schema in plan_schemas(connection):
        for statement in outside_write_statements(schema):
            connection.execute(sa.text(statement))
    # Editors' statements write the new table (through the trigger); viewers may read it.
    regrant_all(connection)


def downgrade() -> None:
    raise NotImplementedError("the team server's schema only moves forward")
