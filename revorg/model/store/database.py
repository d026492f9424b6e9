"""The SQLite database of a plan: the marks that make it a RevOrg plan, and its indexes."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from revorg.model.store.stored_log import PlanConnection

APPLICATION_ID = 0x52564F52  # "RVOR" in the SQLite header: marks the file as a RevOrg plan.
# The file format this program writes (PRAGMA user_version); every RevOrg refuses a higher one
# with "please update RevOrg". From BASE_FORMAT on, each format is a plan revision of the
# Alembic chain the team server shares (store.chain; docs/team-plans.md, "Migrations").
SCHEMA_VERSION = 8
BASE_FORMAT = 8  # where the chain begins for a file; 1 to 7 reach it by store.migrations
SQLITE_HEADER = b"SQLite format 3\x00"
FILE_SUFFIX = ".revorg"


def harden(connection: sqlite3.Connection) -> None:
    """Settings of every connection to a plan database: a plan file is untrusted input.

    trusted_schema=OFF: what the file's schema holds (views, triggers, defaults, CHECK
    constraints, generated columns, index expressions) may call only functions without side
    effects. Defensive mode refuses SQL that can corrupt a database on purpose (writable_schema,
    journal_mode=OFF...). Python 3.11's sqlite3 module cannot set it: sqlite3_db_config is
    reachable only through Connection.setconfig (3.12) and neither it nor the database handle is
    exposed on 3.11 (ctypes into CPython's private connection struct would be fragile); there the
    schema check (store.schema) is the guard, as it is on every version.
    """
    connection.execute("PRAGMA trusted_schema = OFF")
    if sys.version_info >= (3, 12):
        connection.setconfig(sqlite3.SQLITE_DBCONFIG_DEFENSIVE, True)


def connect_memory() -> PlanConnection:
    """An empty in-memory database configured as every plan database is."""
    # uri=True: a file is attached read-only by its URI (store.stored_log).
    connection = sqlite3.connect(
        ":memory:", check_same_thread=False, uri=True, factory=PlanConnection
    )
    harden(connection)
    connection.execute("PRAGMA foreign_keys = ON")
    return connection


def create_schema(connection: sqlite3.Connection) -> None:
    """The tables and indexes of a new plan, from the entities (the one place they are made:
    a file is checked against what this makes)."""
    with connection:
        for statement in schema_statements():
            connection.execute(statement)
    add_key_indexes(connection)


# The entities' DDL, compiled: SQLAlchemy's DDL compiler costs some 25 ms at every start of a
# command (a summary checks the file against a fresh schema), executing the text 1 ms. Written by
# `scripts/schema-sql`; tests/model/test_storage.py checks it is current.
SCHEMA_SQL = ("resources", "schema.sql")
_SCHEMA_SQL_MARK = f"-- RevOrg file format {SCHEMA_VERSION}"
_STATEMENT_END = ";\n"


def schema_statements() -> list[str]:
    """The CREATE statements of the current format: the compiled copy shipped in
    revorg/resources, or compiled now if it is missing or of another format."""
    from importlib import resources

    try:
        text = resources.files("revorg").joinpath(*SCHEMA_SQL).read_text(encoding="utf-8")
    except OSError:
        return compiled_schema_statements()
    mark, _newline, body = text.partition("\n")
    if mark != _SCHEMA_SQL_MARK:
        return compiled_schema_statements()
    return [part.strip() for part in body.split(_STATEMENT_END) if part.strip()]


def compiled_schema_statements() -> list[str]:
    """The entities' tables and indexes compiled to SQLite's DDL by SQLAlchemy."""
    # Imported here: the entities describe the tables; this stays the lowest room.
    from sqlalchemy.dialects import sqlite
    from sqlalchemy.schema import CreateIndex, CreateTable

    from revorg.model.entities import Base

    dialect = sqlite.dialect()
    statements = []
    for table in Base.metadata.sorted_tables:
        statements.append(str(CreateTable(table).compile(dialect=dialect)))
        for index in sorted(table.indexes, key=lambda index: str(index.name)):
            statements.append(str(CreateIndex(index).compile(dialect=dialect)))
    # Without the compiler's trailing blanks: the same statements, a clean text file.
    return ["\n".join(line.rstrip() for line in s.strip().splitlines()) for s in statements]


def schema_sql_text() -> str:
    """The text of revorg/resources/schema.sql for the entities as they are."""
    statements = compiled_schema_statements()
    return _SCHEMA_SQL_MARK + "\n" + "".join(s + _STATEMENT_END for s in statements)


def stamp_schema(connection: sqlite3.Connection) -> None:
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    connection.commit()


# Deleting a position makes SQLite look for the positions that report to it and the dotted
# lines that end at it (their foreign keys); without these indexes each look-up reads the whole
# table, and removing a scenario of 50,000 positions took a minute and a half (2,000 cards:
# 2.5 s). Made in every plan created or opened: files saved before have none, the format is
# unchanged, and older versions read files that have them.
KEY_INDEXES = {
    "ix_positions_manager": "positions (manager_id)",
    "ix_dotted_lines_to": "dotted_lines (to_position_id)",
}


def add_key_indexes(connection: sqlite3.Connection) -> None:
    with connection:
        for name, columns in KEY_INDEXES.items():
            connection.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {columns}")


def write_schema_sql() -> Path:
    """Write revorg/resources/schema.sql for the entities as they are (scripts/schema-sql)."""
    target = Path(__file__).resolve().parents[2].joinpath(*SCHEMA_SQL)
    target.write_text(schema_sql_text(), encoding="utf-8")
    return target
