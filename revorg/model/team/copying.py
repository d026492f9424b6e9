"""A plan's rows from its server into the in-memory plan: the fast path of `transfer.load`.

Opening a 10,000-position team plan took 0.69 s against 0.11 s for its file (docs/speed.md): a
third of it was SQLAlchemy making a Row object of each of the rows (`fetchmany` walks them one
by one), a sixth the row versions read by a second query per table, and SQLite checking each
manager's foreign key as each card was inserted. Here each table is one query on the driver's
own cursor (psycopg's C loaders), all of them sent in one round trip (revorg.model.team.fetching),
its row versions read with its rows, and the rows inserted 200 to a statement in one transaction
with the foreign keys checked once, for the whole plan, by `PRAGMA foreign_key_check` afterwards:
the same refusal of a row that names a missing one, as one line, as before. The CHECK, NOT NULL
and key constraints still check every row as it is inserted, and `check_values` reads every
value afterwards (transfer.load).

The server's column types are those of `storage.plan_metadata`: BIGINT, TEXT, BOOLEAN and BYTEA
only, which psycopg gives as int, str, bool and bytes, each of which sqlite3 stores as the file
does (a bool as 0 or 1).
"""

from __future__ import annotations

import sqlite3
from itertools import chain
from typing import TYPE_CHECKING, Any

from sqlalchemy import Table

from revorg.model.team.fetching import DamagedRowsError, fetch_tables
from revorg.model.team.roles import SHARED_LOG_VIEW
from revorg.model.team.salaries import SALARY_COLUMNS
from revorg.model.team.storage import ROW_VERSION, VERSIONED_TABLES, plan_tables, row_key_sql

if TYPE_CHECKING:
    import psycopg

    from revorg.model.team.step_rows import RowKey


# Rows in one INSERT statement (fewer for a wide table, within SQLite's limit of parameters).
_ROWS_PER_STATEMENT = 200
# What the server's types (BIGINT, TEXT, BOOLEAN, BYTEA) come as: anything else is refused.
_STORED_TYPES = {"int", "str", "bool", "bytes", "NoneType"}


def copy_plan(
    driver: psycopg.Connection[Any],
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
    tables = plan_tables()
    versioned = [row_versions and table.name in VERSIONED_TABLES for table in tables]
    fetched = fetch_tables(
        driver,
        [
            (table.name, _query(table, schema, without_salaries, with_versions))
            for table, with_versions in zip(tables, versioned, strict=True)
        ],
    )
    versions: dict[RowKey, int] = {}
    memory.execute("PRAGMA foreign_keys = OFF")  # checked once below, for every table
    try:
        with memory:
            for table, with_versions, rows in zip(tables, versioned, fetched, strict=True):
                if not rows:
                    continue
                if with_versions:  # each row ends with its key and its version
                    versions.update(((table.name, row[-2]), row[-1]) for row in rows)
                    rows = [row[:-2] for row in rows]
                _insert_rows(memory, table, rows)
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


def _insert_rows(memory: sqlite3.Connection, table: Table, rows: list[tuple[Any, ...]]) -> None:
    """The rows into `memory`, many to a statement: a 10,000-card plan's rows go in 5 ms
    sooner than one `executemany` step per row (docs/speed.md). A value sqlite3 cannot store
    (the server's column changed to another type) refuses the table in one line."""
    width = len(table.columns)
    limit = memory.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    per_statement = max(1, min(_ROWS_PER_STATEMENT, limit // width))
    whole = len(rows) - len(rows) % per_statement
    try:
        if whole:
            statement = _insert(table, per_statement)
            for start in range(0, whole, per_statement):
                memory.execute(
                    statement, list(chain.from_iterable(rows[start : start + per_statement]))
                )
        if whole < len(rows):
            memory.executemany(_insert(table, 1), rows[whole:])
    except sqlite3.ProgrammingError as error:  # a value of a type sqlite3 has no place for
        kinds = sorted({type(value).__name__ for row in rows for value in row} - _STORED_TYPES)
        if not kinds:  # not a value's type: sqlite3's own reason (caught by copy_plan)
            raise error
        raise DamagedRowsError(
            f"a value in table {table.name!r} is not one RevOrg makes ({', '.join(kinds)})"
        ) from None


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


def _insert(table: Table, rows: int) -> str:
    names = [column.name for column in table.columns]
    quoted = ", ".join(f'"{name}"' for name in names)
    row = f"({', '.join('?' for _ in names)})"
    return f'INSERT INTO "{table.name}" ({quoted}) VALUES {", ".join([row] * rows)}'
