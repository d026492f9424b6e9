"""${message}

Revision ID: ${up_revision}
Revises: ${down_revision | comma,n}
Create Date: ${create_date}
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from revorg.model.store.chain import plan_column_type, plan_schemas_to_alter

revision = ${repr(up_revision)}
down_revision = ${repr(down_revision)}
branch_labels = None
depends_on = None
# A plan revision (it changes the plan's tables, in a file and on the server): the file format
# it makes, one above the last (and revorg.model.store.database.SCHEMA_VERSION moved to it);
# the tables it makes, if any. A server revision (registry, roles...) has neither line and
# runs on the server only. docs/team-plans.md, "Migrations (Alembic)".
file_format = 9
new_tables: tuple[str, ...] = ()


def upgrade() -> None:
    # On a file: its own tables (schema None); on the server: every plan's schema.
    for schema in plan_schemas_to_alter():
        # SQLite alters little in place: batch mode rebuilds the table when it must; give
        # its CHECK constraints again in table_args (else the file is refused).
        with op.batch_alter_table("positions", schema=schema) as batch:
            batch.add_column(sa.Column("example", plan_column_type(sa.Text())))


def downgrade() -> None:
    raise NotImplementedError("the plans' schema only moves forward")
