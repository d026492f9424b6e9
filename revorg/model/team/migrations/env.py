"""Alembic's environment for the team server: migrations run on the connection that
revorg.model.team.schema.upgrade passes in, inside its transaction; the version table lives in
the registry's schema, which is made first so that Alembic can keep it there.

The chain is the files' too (revorg.model.store.chain): a plan revision alters every plan's
schema the registry lists, and after it each plan's registry row names the file format its
tables now have, and the plans' roles get their rights on what it added."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from alembic import context
from alembic.migration import MigrationContext, MigrationInfo
from sqlalchemy import Connection, text

from revorg.model.store.chain import PLAN_SCHEMAS
from revorg.model.team.roles import regrant_all
from revorg.model.team.storage import (
    REGISTRY_SCHEMA,
    VERSION_TABLE,
    plan_schemas,
    registry_metadata,
)

connection = context.config.attributes.get("connection")
if not isinstance(connection, Connection):  # pragma: no cover - only revorg runs these
    raise RuntimeError("the team server's migrations run from revorg.model.team.schema")


def after_a_plan_revision(
    ctx: MigrationContext, step: MigrationInfo, heads: Collection[Any], run_args: Mapping[str, Any]
) -> None:
    """A plan revision has changed every plan's tables: the registry and the grants follow."""
    assert isinstance(connection, Connection)
    file_format = getattr(getattr(step.up_revision, "module", None), "file_format", None)
    if file_format is None:  # a server revision
        return
    connection.execute(
        text(f'UPDATE "{REGISTRY_SCHEMA}".plans SET file_format = :format'),
        {"format": int(file_format)},
    )
    # A viewer's column privileges do not cover a column added later (roles.py).
    regrant_all(connection)


# Where the plan revisions make their change: read when each runs (0001 makes the registry).
plan_revision_options: dict[str, Any] = {PLAN_SCHEMAS: lambda: plan_schemas(connection)}
connection.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{REGISTRY_SCHEMA}"'))
context.configure(
    connection=connection,
    target_metadata=registry_metadata,
    version_table=VERSION_TABLE,
    version_table_schema=REGISTRY_SCHEMA,
    transaction_per_migration=False,
    on_version_apply=after_a_plan_revision,
    **plan_revision_options,
)
with context.begin_transaction():
    context.run_migrations()
