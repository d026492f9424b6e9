"""A plan file is untrusted input: its schema must be the one RevOrg makes, and nothing more.

SQLite keeps code in the database file. A plan from someone else once carried a trigger that
emptied the positions table whenever a scenario was renamed: the window still showed the cards,
and the save wrote a plan without them (issue 14). So a file is checked twice when it is opened:
before anything writes to its in-memory copy (the migrations write), it may hold only the tables
and indexes RevOrg makes for its format version, and no trigger, view or virtual table; after
the migrations, every table, column, link and index must be as RevOrg makes them today. What
RevOrg makes is read from a database made by create_schema, never from a second list.

Such a file is refused, not opened with the foreign objects set aside: a file whose schema another
program changed may have had its rows changed by that program's triggers too, and RevOrg cannot
tell which rows to trust; setting objects aside would also need a second way to warn (opening
reports only errors, in the window and on the command line) and would silently drop them at the
next save. The message names the object, so whoever sent the file can remove it.

Not compared: CHECK constraints and column collations (SQLite's pragmas do not list them). With
trusted_schema=OFF (database.harden) neither can call a function with side effects; a changed
CHECK can refuse an edit but not change a row.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from revorg.model.errors import QT_TRANSLATE_NOOP, PlanFileError
from revorg.model.store.database import KEY_INDEXES, connect_memory, create_schema
from revorg.model.store.migrations import tables_added_after

# SQLite's own tables: a sequence for AUTOINCREMENT, statistics that ANALYZE writes. They hold
# numbers for SQLite, never code, and another tool may add them to any database.
SQLITE_TABLES = frozenset(
    {"sqlite_sequence", "sqlite_stat1", "sqlite_stat2", "sqlite_stat3", "sqlite_stat4"}
)
_VIRTUAL = re.compile(r"\s*CREATE\s+VIRTUAL\s", re.IGNORECASE)


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    not_null: bool
    default: str | None
    primary_key: int
    hidden: int  # 2 and 3: a generated column (computed from others); 1: a virtual table's

    @property
    def is_generated(self) -> bool:
        return self.hidden in (2, 3)


@dataclass(frozen=True)
class Index:
    unique: bool
    origin: str  # "c": CREATE INDEX, "u": a UNIQUE constraint, "pk": a PRIMARY KEY
    partial: bool
    keys: tuple[tuple[str | None, bool, str], ...]  # column (None: an expression), DESC, collation


@dataclass(frozen=True)
class Table:
    storage: tuple[int, int]  # WITHOUT ROWID, STRICT (PRAGMA table_list, SQLite 3.37 and later)
    columns: dict[str, Column]
    links: frozenset[tuple[str, str | None, str | None, str, str, str]]  # foreign keys
    indexes: dict[str, Index]


Schema = dict[str, Table]


# --- what RevOrg makes ----------------------------------------------------------------------


@cache
def expected_schema() -> Schema:
    """The schema of a new plan of the current format, read back from SQLite."""
    connection = connect_memory()
    try:
        create_schema(connection)
        return describe(connection)
    finally:
        connection.close()


def describe(connection: sqlite3.Connection) -> Schema:
    """Every table's columns, foreign keys and indexes, as SQLite's pragmas report them."""
    query = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
    names = [row[0] for row in connection.execute(query) if row[0] not in SQLITE_TABLES]
    # An older SQLite ignores the unknown pragma: then no table has a storage to compare.
    storage = {
        row[1]: (row[4], row[5])
        for row in connection.execute("PRAGMA main.table_list")
        if row[2] == "table"
    }
    return {name: _describe_table(connection, name, storage.get(name, (0, 0))) for name in names}


def _describe_table(connection: sqlite3.Connection, name: str, storage: tuple[int, int]) -> Table:
    quoted = '"' + name.replace('"', '""') + '"'
    columns = {
        row[1]: Column(row[1], str(row[2]).upper(), bool(row[3]), row[4], row[5], row[6])
        for row in connection.execute(f"PRAGMA table_xinfo({quoted})")
    }
    links = frozenset(
        (table, source, target, on_update, on_delete, match)
        for _id, _seq, table, source, target, on_update, on_delete, match in connection.execute(
            f"PRAGMA foreign_key_list({quoted})"
        )
    )
    indexes = {}
    for _seq, index, unique, origin, partial in connection.execute(f"PRAGMA index_list({quoted})"):
        keys = tuple(
            (column, bool(descending), str(collation).upper())
            for _no, _cid, column, descending, collation, key in connection.execute(
                'PRAGMA index_xinfo("' + index.replace('"', '""') + '")'
            )
            if key
        )
        indexes[index] = Index(bool(unique), origin, bool(partial), keys)
    return Table(storage, columns, links, indexes)


# --- before the migrations: nothing that could run ------------------------------------------

_FOREIGN_OBJECTS = {
    "trigger": QT_TRANSLATE_NOOP(
        "PlanFileError",
        "{path} was changed by another program and is not opened: it has a trigger {name}, "
        "which RevOrg never makes",
    ),
    "view": QT_TRANSLATE_NOOP(
        "PlanFileError",
        "{path} was changed by another program and is not opened: it has a view {name}, "
        "which RevOrg never makes",
    ),
    "virtual table": QT_TRANSLATE_NOOP(
        "PlanFileError",
        "{path} was changed by another program and is not opened: it has a virtual table "
        "{name}, which RevOrg never makes",
    ),
    "table": QT_TRANSLATE_NOOP(
        "PlanFileError",
        "{path} was changed by another program and is not opened: it has a table {name}, "
        "which RevOrg does not make",
    ),
    "index": QT_TRANSLATE_NOOP(
        "PlanFileError",
        "{path} was changed by another program and is not opened: it has an index {name}, "
        "which RevOrg does not make",
    ),
}
_ORDER = list(_FOREIGN_OBJECTS)  # the objects that can run code are named first


def check_objects(source: sqlite3.Connection, path: Path) -> None:
    """Only the tables and indexes RevOrg makes for the file's format version; every table
    that version has. Run on the file before it is copied: nothing of it has run yet."""
    version = source.execute("PRAGMA user_version").fetchone()[0]
    expected = expected_schema()
    tables = set(expected) - tables_added_after(version)
    indexes = {name for table in expected.values() for name in table.indexes}
    foreign = []
    found = set()
    for kind, name, sql in source.execute("SELECT type, name, sql FROM sqlite_master"):
        if kind == "table" and _VIRTUAL.match(sql or ""):
            kind = "virtual table"
        elif kind == "table" and name in SQLITE_TABLES:
            continue
        if kind == "table" and name in tables:
            found.add(name)
        elif kind not in _ORDER:  # only a damaged or hand-edited schema has another kind
            raise PlanFileError(
                QT_TRANSLATE_NOOP("PlanFileError", "{path} is damaged: {reason}"),
                path=path,
                reason=f"unknown schema entry {name!r}",
            )
        elif not (kind == "index" and name in indexes):
            foreign.append((_ORDER.index(kind), str(name), kind))
    if foreign:
        _rank, name, kind = min(foreign)
        raise PlanFileError(_FOREIGN_OBJECTS[kind], path=path, name=repr(name))
    # A log table missing is the log's damage, not the plan's: it is made anew after the copy
    # (log_repair), and the log's own check says what was lost.
    from revorg.model.store.columns import stored_columns

    log_tables = stored_columns().log_tables
    if tables - found - log_tables:
        raise PlanFileError(
            QT_TRANSLATE_NOOP("PlanFileError", "{path} is damaged: table {table} is missing"),
            path=path,
            table=repr(sorted(tables - found - log_tables)[0]),
        )


# --- after the migrations: exactly the current schema ---------------------------------------


def check_schema(connection: sqlite3.Connection, path: Path) -> None:
    """Every table, column, foreign key and index as RevOrg makes them for the current format.

    The key indexes may be missing (files saved before they were made have none): the caller
    adds them next.
    """
    try:
        found = describe(connection)
    except (sqlite3.Error, ValueError) as error:  # the schema text itself is damaged
        raise PlanFileError(
            QT_TRANSLATE_NOOP("PlanFileError", "{path} is damaged: {reason}"),
            path=path,
            reason=" ".join(str(error).split()),
        ) from None
    expected = expected_schema()
    missing = sorted(expected.keys() - found.keys())
    if missing:
        raise PlanFileError(
            QT_TRANSLATE_NOOP("PlanFileError", "{path} is damaged: table {table} is missing"),
            path=path,
            table=repr(missing[0]),
        )
    extra = sorted(found.keys() - expected.keys())
    if extra:
        raise PlanFileError(_FOREIGN_OBJECTS["table"], path=path, name=repr(extra[0]))
    for name, table in sorted(expected.items()):
        if found[name].storage != table.storage:
            raise PlanFileError(
                QT_TRANSLATE_NOOP(
                    "PlanFileError",
                    "{path} was changed by another program and is not opened: table {table} is "
                    "not stored as RevOrg stores it",
                ),
                path=path,
                table=repr(name),
            )
        _compare_columns(path, name, table, found[name])
        _compare_links_and_indexes(path, name, table, found[name])


def _compare_columns(path: Path, name: str, expected: Table, found: Table) -> None:
    missing = sorted(expected.columns.keys() - found.columns.keys())
    if missing:
        raise PlanFileError(
            QT_TRANSLATE_NOOP(
                "PlanFileError", "{path} is damaged: column {column} of table {table} is missing"
            ),
            path=path,
            column=repr(missing[0]),
            table=repr(name),
        )
    for column_name, column in sorted(found.columns.items()):
        if column == expected.columns.get(column_name):
            continue
        if column.is_generated:
            template = QT_TRANSLATE_NOOP(
                "PlanFileError",
                "{path} was changed by another program and is not opened: column {column} of "
                "table {table} is computed by a formula, which RevOrg never makes",
            )
        elif column_name not in expected.columns:
            template = QT_TRANSLATE_NOOP(
                "PlanFileError",
                "{path} was changed by another program and is not opened: it has a column "
                "{column} in table {table}, which RevOrg does not make",
            )
        else:
            template = QT_TRANSLATE_NOOP(
                "PlanFileError",
                "{path} was changed by another program and is not opened: column {column} of "
                "table {table} is not as RevOrg makes it",
            )
        raise PlanFileError(template, path=path, column=repr(column_name), table=repr(name))


def _compare_links_and_indexes(path: Path, name: str, expected: Table, found: Table) -> None:
    if found.links != expected.links:
        raise PlanFileError(
            QT_TRANSLATE_NOOP(
                "PlanFileError",
                "{path} was changed by another program and is not opened: the links of table "
                "{table} to other tables are not as RevOrg makes them",
            ),
            path=path,
            table=repr(name),
        )
    extra = sorted(found.indexes.keys() - expected.indexes.keys())
    if extra:
        raise PlanFileError(_FOREIGN_OBJECTS["index"], path=path, name=repr(extra[0]))
    for index, shape in sorted(expected.indexes.items()):
        if index in KEY_INDEXES and index not in found.indexes:
            continue
        if found.indexes.get(index) != shape:
            raise PlanFileError(
                QT_TRANSLATE_NOOP(
                    "PlanFileError",
                    "{path} was changed by another program and is not opened: index {name} is "
                    "missing or not as RevOrg makes it",
                ),
                path=path,
                name=repr(index),
            )
