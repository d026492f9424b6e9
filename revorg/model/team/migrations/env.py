"""Alembic's environment for the team server: migrations run on the connection that
revorg.model.team.schema.upgrade passes in, inside its transaction; the version table lives in
the registry's schema, which is made first so that Alembic can keep it there."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, text

from revorg.model.team.storage import REGISTRY_SCHEMA, VERSION_TABLE, registry_metadata

connection = context.config.attributes.get("connection")
if not isinstance(connection, Connection):  # pragma: no cover - only revorg runs these
    raise RuntimeError("the team server's migrations run from revorg.model.team.schema")

connection.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{REGISTRY_SCHEMA}"'))
context.configure(
    connection=connection,
    target_metadata=registry_metadata,
    version_table=VERSION_TABLE,
    version_table_schema=REGISTRY_SCHEMA,
    transaction_per_migration=False,
)
with context.begin_transaction():
    context.run_migrations()
