"""The SQLite database of a plan: the marks that make it a RevOrg plan, and its indexes."""

from __future__ import annotations

import sqlite3

APPLICATION_ID = 0x52564F52  # "RVOR" in the SQLite header: marks the file as a RevOrg plan.
SCHEMA_VERSION = 3
SQLITE_HEADER = b"SQLite format 3\x00"
FILE_SUFFIX = ".revorg"
REQUIRED_TABLES = frozenset(
    {
        "plan",
        "scenarios",
        "departments",
        "role_types",
        "positions",
        "targets",
        "dotted_lines",
        "assumptions",
    }
)


def connect_memory() -> sqlite3.Connection:
    """An empty in-memory database configured as every plan database is."""
    connection = sqlite3.connect(":memory:", check_same_thread=False)
    connection.execute("PRAGMA foreign_keys = ON")
    return connection


def stamp_schema(connection: sqlite3.Connection) -> None:
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    connection.commit()


# Deleting a position makes SQLite look for the positions that report to it and the dotted
# lines that end at it (their foreign keys); without these indexes each look-up reads the whole
# table, and removing a scenario of 50,000 positions took a minute and a half (2,000 cards:
# 2.5 s). Made in every plan created or opened: files saved before have none, the format is
# unchanged, and older versions read files that have them.
KEY_INDEXES = (
    "CREATE INDEX IF NOT EXISTS ix_positions_manager ON positions (manager_id)",
    "CREATE INDEX IF NOT EXISTS ix_dotted_lines_to ON dotted_lines (to_position_id)",
)


def add_key_indexes(connection: sqlite3.Connection) -> None:
    with connection:
        for statement in KEY_INDEXES:
            connection.execute(statement)
