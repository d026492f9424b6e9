"""What a migration of the plans' tables needs: every plan's schema, from the registry.

A plan's tables are made at the head revision when the plan is published
(revorg.model.team.transfer); a later revision that changes them alters them in each schema
this lists, inside the same transaction as the registry's version."""

from __future__ import annotations

from sqlalchemy import Connection, text

from revorg.model.team.storage import REGISTRY_SCHEMA


def plan_schemas(connection: Connection) -> list[str]:
    rows = connection.execute(
        text(f'SELECT schema_name FROM "{REGISTRY_SCHEMA}".plans ORDER BY id')
    )
    return [str(row[0]) for row in rows]
