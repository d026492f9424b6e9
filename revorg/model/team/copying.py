"""A plan's rows from its server into the in-memory plan: the fast path of `transfer.load`.

Opening a 10,000-position team plan took 0.69 s against 0.11 s for its file (docs/speed.md): a
third of it was SQLAlchemy making a Row object of each of the rows (`fetchmany` walks them one
by one), a sixth the row versions read by a second query per table, and SQLite checking each
manager's foreign key as each card was inserted. Here each table is one query on the driver's
own cursor (psycopg's C loaders; one round trip), its row versions read with its rows, and the
rows inserted with `executemany` in one transaction with the foreign keys checked once, for the
whole plan, by `PRAGMA foreign_key_check` afterwards: the same refusal of a row that names a
missing one, as one line, as before. The CHECK, NOT NULL and key constraints still check every
row as it is inserted, and `check_values` reads every value afterwards (transfer.load).

The server's column types are those of `storage.plan_metadata`: BIGINT, TEXT, BOOLEAN and BYTEA
only, which psycopg gives as int, str, bool and bytes, each of which sqlite3 stores as the file
does (a bool as 0 or 1).
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Table

from revorg.model.team.roles import SHARED_LOG_VIEW
from revorg.model.team.salaries import SALARY_COLUMNS
from revorg.model.team.storage import ROW_VERSION, VERSIONED_TABLES, plan_tables, row_key_sql

if TYPE_CHECKING:
    from revorg.model.team.step_rows import RowKey


class DamagedRowsError(Exception):
    """The server's rows are not what RevOrg makes: the reason, for one line."""


def copy_plan(
    connection: Connection,
    memory: sqlite3.Connection,
    schema: str,
    *,
    without_salaries: bool,
    row_versions: bool,
) -> dict[RowKey, int]:
    """Every table of the plan in `schema` into `memory` (made by create_schema, empty), in the
    caller's transaction on the server; the versioned rows' versions when `row_versions`.
    Raises DamagedRowsError for a table the server does not have as RevOrg makes it, or rows the
    plan's constraints refuse."""
    from psycopg import errors

    driver = connection.connection.driver_connection
    assert driver is not None
    cursor = driver.cursor()
    versions: dict[RowKey, int] = {}
    memory.execute("PRAGMA foreign_keys = OFF")  # checked once below, for every table
    try:
        with memory:
            for table in plan_tables():
                versioned = row_versions and table.name in VERSIONED_TABLES
                try:
                    rows = cursor.execute(
                        _query(table, schema, without_salaries, versioned)
                    ).fetchall()
                except (errors.UndefinedTable, errors.UndefinedColumn):
                    # Someone changed the plan's tables on the server: refused as a changed
                    # file is.
                    raise DamagedRowsError(
                        f"table {table.name!r} is not as RevOrg makes it"
                    ) from None
                if not rows:
                    continue
                if versioned:  # each row ends with its key and its version
                    versions.update(((table.name, row[-2]), row[-1]) for row in rows)
                    rows = [row[:-2] for row in rows]
                memory.executemany(_insert(table), rows)
            broken = memory.execute("PRAGMA foreign_key_check").fetchone()
            if broken is not None:
                raise DamagedRowsError(
                    f"row {broken[1]} of table {broken[0]!r} refers to a missing {broken[2]!r} row"
                )
    except sqlite3.Error as error:  # a row the plan's constraints refuse
        raise DamagedRowsError(" ".join(str(error).split())) from None
    finally:
        memory.execute("PRAGMA foreign_keys = ON")
    return versions


def _query(table: Table, schema: str, without_salaries: bool, versioned: bool) -> Any:
    """What the user may read of a table: everything, or for a viewer the salary columns as 0
    and the change log through the view that hides its amounts (roles.py)."""
    salary = SALARY_COLUMNS.get(table.name) if without_salaries else None
    columns = [
        f'0 AS "{column.name}"' if column.name == salary else f'"{column.name}"'
        for column in table.columns
    ]
    if versioned:
        columns += [row_key_sql(table.name), ROW_VERSION]
    name = SHARED_LOG_VIEW if without_salaries and table.name == "history_changes" else table.name
    # Names from the metadata and the schema from the registry's id only: plain identifiers.
    return f'SELECT {", ".join(columns)} FROM "{schema}"."{name}"'.encode()


def _insert(table: Table) -> str:
    names = [column.name for column in table.columns]
    quoted = ", ".join(f'"{name}"' for name in names)
    return f'INSERT INTO "{table.name}" ({quoted}) VALUES ({", ".join("?" for _ in names)})'
