"""Owner, editor, viewer: each plan's roles and grants, and the registry listing only a user's
plans (revorg.model.team.roles). Plans published before get their roles here, their
publisher (the registry's created_by, when that user still exists) as owner.

Revision ID: 0003
Revises: 0002 (the row versions: the viewer's column grants then cover row_version)
Create Date: 2026-12-03
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import text

from revorg.model.team.roles import (
    PlanRole,
    PlanRoles,
    database_oid,
    plan_role_statements,
    quoted,
    registry_statements,
    run,
)
from revorg.model.team.storage import REGISTRY_SCHEMA

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    connection = op.get_bind()
    run(connection, registry_statements())
    rows = connection.execute(
        text(
            "SELECT p.id, p.schema_name, p.created_by, r.rolname IS NOT NULL "
            f'FROM "{REGISTRY_SCHEMA}".plans p '
            "LEFT JOIN pg_roles r ON r.rolname = p.created_by ORDER BY p.id"
        )
    ).all()
    for plan_id, schema, publisher, publisher_exists in rows:
        run(connection, plan_role_statements(connection, int(plan_id), str(schema)))
        if publisher_exists:
            owner = PlanRoles(database_oid(connection), int(plan_id)).name(PlanRole.OWNER)
            run(
                connection,
                [f"GRANT {owner} TO {quoted(connection, str(publisher))} WITH ADMIN OPTION"],
            )


def downgrade() -> None:
    raise NotImplementedError("the team server's schema only moves forward")
