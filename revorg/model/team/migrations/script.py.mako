"""${message}

Revision ID: ${up_revision}
Revises: ${down_revision | comma,n}
Create Date: ${create_date}
"""

from __future__ import annotations

from alembic import op

from revorg.model.team.storage import plan_schemas

revision = ${repr(up_revision)}
down_revision = ${repr(down_revision)}
branch_labels = None
depends_on = None


def upgrade() -> None:
    for schema in plan_schemas(op.get_bind()):
        pass  # the change, in every plan's schema
    # After a new table or column: the plans' roles get their rights on it (a viewer's column
    # privileges do not cover a column added later): revorg.model.team.roles.regrant_all
    # regrant_all(op.get_bind())


def downgrade() -> None:
    raise NotImplementedError("the team server's schema only moves forward")
