"""The server's tables: a registry of the plans, and each plan's tables in a schema of its own.

A plan's tables are the file's tables (revorg.model.entities, the one description of them),
copied into a metadata whose columns hold the values exactly as the file stores them: money as
whole cents (BIGINT on the server, as every integer: INTEGER would stop money at EUR 21
million), rates and months as their text. Rows therefore travel between a file and the server
unchanged, and the values a server sends are checked by the file's own checks once they are in
memory (revorg.model.store.checks.check_values).

Each plan lives in the PostgreSQL schema `plan_<id>`, named from the registry's id, never from
the plan's name (a name is data: quotes, semicolons and SQL in it stay text). The same
metadata serves every plan with `schema_translate_map={None: "plan_<id>"}`.
"""

from __future__ import annotations

from functools import cache

from sqlalchemy import (
    Column,
    Connection,
    DateTime,
    Integer,
    MetaData,
    Table,
    Text,
    func,
    select,
    text,
)

from revorg.model.entities import Base
from revorg.model.store.chain import server_column_type
from revorg.model.store.database import KEY_INDEXES, SCHEMA_VERSION

# The registry and Alembic's version table live here; plans live in plan_<id>.
REGISTRY_SCHEMA = "revorg"
VERSION_TABLE = "alembic_version"

# The file format of every plan's tables on a server at this program's head: one chain makes
# both (store.chain), its newest plan revision declaring SCHEMA_VERSION (tested in
# tests/model/test_migrations_chain.py); a plan revision updates the registry's rows.
SERVER_FILE_FORMAT = SCHEMA_VERSION

registry_metadata = MetaData(schema=REGISTRY_SCHEMA)

# One row per plan: its name (data, shown to users), its schema and who made it when.
plans = Table(
    "plans",
    registry_metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False, unique=True),
    Column("schema_name", Text, nullable=False, unique=True),
    Column("file_format", Integer, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("created_by", Text, nullable=False, server_default=text("current_user")),
)


# The tables whose rows carry a version (revision 0002): each update of a row adds one to it,
# and an edit names the version it read, so a stale edit is refused (docs/team-plans.md).
# The plan's actuals and photos (revision 0005) are written as whole rows: an edit sends each
# touched row as the plan in memory has it after the edit (added, changed or removed).
WHOLE_ROW_TABLES = ("deals", "deal_imports", "deal_rules", "owner_assignments", "photos")
VERSIONED_TABLES = (
    "plan", "scenarios", "targets", "positions", "assumptions", "dotted_lines", *WHOLE_ROW_TABLES,
)  # fmt: skip
ROW_VERSION = "row_version"
# The columns that name a versioned table's row (a scenario's targets: its scenario's id; a
# deal rule: its rule and key, named "rule:key" as the change log names it).
ROW_KEY_COLUMNS: dict[str, tuple[str, ...]] = {
    **{table: ("id",) for table in VERSIONED_TABLES},
    "targets": ("scenario_id",),
    "deals": ("crm_id",),
    "deal_rules": ("rule", "key"),
    "owner_assignments": ("owner_key",),
    "photos": ("lineage",),
}
# The tables named by one column, and that column.
ROW_KEYS = {table: keys[0] for table, keys in ROW_KEY_COLUMNS.items() if len(keys) == 1}
KEY_SEPARATOR = ":"


def row_key_sql(table: str) -> str:
    """The server's expression for a row's key, as `RowKey` holds it (one value)."""
    columns = [f'"{column}"' for column in ROW_KEY_COLUMNS[table]]
    return f" || '{KEY_SEPARATOR}' || ".join(columns)


def row_key_values(table: str, key: int | str) -> tuple[int | str, ...]:
    """A `RowKey`'s value as the values of its table's key columns."""
    if len(ROW_KEY_COLUMNS[table]) == 1:
        return (key,)
    return tuple(str(key).split(KEY_SEPARATOR, len(ROW_KEY_COLUMNS[table]) - 1))


def row_version_statements(schema: str) -> list[str]:
    """Give every versioned table of a plan's schema its row version (0 for existing rows)."""
    return [
        f'ALTER TABLE "{schema}"."{table}" '
        f"ADD COLUMN IF NOT EXISTS {ROW_VERSION} BIGINT NOT NULL DEFAULT 0"
        for table in VERSIONED_TABLES
    ]


def plan_schema(plan_id: int) -> str:
    """The plan's PostgreSQL schema: from its id only, so always a plain identifier."""
    return f"plan_{int(plan_id)}"


@cache
def plan_metadata() -> MetaData:
    """The file's tables with their stored types, ready for any plan's schema."""
    metadata = MetaData()
    for table in Base.metadata.sorted_tables:
        copy = table.to_metadata(metadata)
        for column in copy.columns:
            # The server's columns take every value a file can hold (the one rule, which the
            # plan revisions use too).
            column.type = server_column_type(column.type)
            # SQLite's "0" for a boolean is no PostgreSQL default; the copy writes every value.
            column.server_default = None
    return metadata


def plan_tables() -> list[Table]:
    """The plan's tables, each after the ones it refers to."""
    return list(plan_metadata().sorted_tables)


def key_index_statements(schema: str) -> list[str]:
    """The file's look-up indexes (revorg.model.store.database.KEY_INDEXES) in a plan's schema."""
    return [
        f'CREATE INDEX IF NOT EXISTS {name} ON "{schema}".{columns}'
        for name, columns in KEY_INDEXES.items()
    ]


def step_channel(plan_id: int) -> str:
    """The LISTEN/NOTIFY channel on which a plan announces each new step of its log: from the
    id, like the schema, so always a plain identifier."""
    return f"revorg_plan_{int(plan_id)}"


def step_notice_statements(plan_id: int) -> list[str]:
    """A trigger that announces each step added to the plan's log, its id as the payload (far
    under NOTIFY's 8,000 bytes): an open window reads the steps after the last one it has."""
    schema, channel = plan_schema(plan_id), step_channel(plan_id)
    return [
        f'CREATE FUNCTION "{schema}".announce_step() RETURNS trigger LANGUAGE plpgsql AS '
        f"$$ BEGIN PERFORM pg_notify('{channel}', NEW.id::text); RETURN NULL; END $$",
        f'CREATE TRIGGER announce_step AFTER INSERT ON "{schema}".history_steps '
        f'FOR EACH ROW EXECUTE FUNCTION "{schema}".announce_step()',
    ]


def plan_schemas(connection: Connection) -> list[str]:
    """Every plan's schema, from the registry: a migration that changes the plans' tables
    alters them in each (a plan's tables are made at the head revision when it is published)."""
    rows = connection.execute(select(plans.c.schema_name).order_by(plans.c.id))
    return [str(row[0]) for row in rows]
