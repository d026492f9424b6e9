"""A log whose tables are missing or not as RevOrg makes them, made whole again so that the plan
still opens (issue 16: a damaged log never stops the plan from opening). No Qt.

Run by the store (reading.read_plan_file) after the migrations and before its schema check,
which refuses a file with a table missing or reshaped: the log's tables are made anew, empty.
What was lost shows in the log's own check: steps without the chain's row, or a chain whose
head no step reaches (chain.verify), and a replay that needs the lost steps refuses ("the
plan's history has no step N").
"""

from __future__ import annotations

import sqlite3
from typing import Any


def rebuild_log_tables(connection: sqlite3.Connection) -> list[str]:
    """Make each log table that is missing, or whose columns are not RevOrg's, anew and empty;
    returns their names (none: the log's tables are as they should be). Run at every open, so
    the DDL compiler is imported only when a table is to be made."""
    from revorg.model.store.columns import stored_columns

    described = stored_columns()
    rebuilt = []
    for name in sorted(described.log_tables):
        expected = list(described.tables[name])
        found = [row[1] for row in connection.execute(f'PRAGMA table_info("{name}")')]
        if found == expected:
            continue
        from revorg.model.entities import Base  # the entities make it: only when needed

        with connection:
            if found:
                connection.execute(f'DROP TABLE "{name}"')
            for statement in _creation(Base.metadata.tables[name]):
                connection.execute(statement)
        rebuilt.append(name)
    return rebuilt


def _creation(table: Any) -> list[str]:
    from sqlalchemy.dialects import sqlite
    from sqlalchemy.schema import CreateIndex, CreateTable

    dialect = sqlite.dialect()
    indexes = sorted(table.indexes, key=lambda index: str(index.name))
    return [str(CreateTable(table).compile(dialect=dialect))] + [
        str(CreateIndex(index).compile(dialect=dialect)) for index in indexes
    ]
