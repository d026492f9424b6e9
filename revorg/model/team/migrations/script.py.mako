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


def downgrade() -> None:
    raise NotImplementedError("the team server's schema only moves forward")
