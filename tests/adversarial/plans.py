"""What the adversarial tests compare: a plan as plain data, every row of every table."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from revorg.model.document import PlanDocument
from revorg.model.entities import LOG_TABLES, Base, column_values

Dump = dict[str, list[dict[str, Any]]]


def dump(document: PlanDocument) -> Dump:
    """Every row of every table, as the model sees it (column_values of the ORM objects,
    ordered by primary key): plan, departments, role types, scenarios, targets, positions,
    dotted lines and assumptions; and the tables that are not mapped (actuals, photos), as rows."""
    session = document.session
    session.flush()
    tables: Dump = {}
    for mapper in sorted(Base.registry.mappers, key=lambda m: m.local_table.name):
        query = select(mapper.class_).order_by(*mapper.primary_key)
        tables[mapper.local_table.name] = [column_values(row) for row in session.scalars(query)]
    # The tables no class maps (actuals, photos), as rows; the log's are compared elsewhere.
    unmapped = set(Base.metadata.tables) - set(tables) - LOG_TABLES
    for name in sorted(unmapped):
        result = session.connection().exec_driver_sql(f'SELECT * FROM "{name}" ORDER BY 1, 2')
        tables[name] = [dict(row._mapping) for row in result]
    # People's photos (format 8), by lineage: not mapped either.
    result = session.connection().exec_driver_sql("SELECT * FROM photos ORDER BY lineage")
    tables["photos"] = [dict(row._mapping) for row in result]
    return tables


def raw_dump(document: PlanDocument) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table as SQLite holds it (cheaper than dump(): for checking that a
    refused edit wrote nothing)."""
    document.session.flush()
    connection = document.session.connection()
    names = connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")
    return {
        name: list(connection.exec_driver_sql(f'SELECT * FROM "{name}" ORDER BY 1'))
        for (name,) in list(names)
    }


def file_dump(path: Path) -> Dump:
    """The plan saved in `path`, read back as a user would open it (without a lock)."""
    with PlanDocument.open(path, for_editing=False) as document:
        return dump(document)


def differences(a: Dump, b: Dump, limit: int = 6) -> str:
    """A readable account of how two dumps differ (for assertion messages)."""
    lines = []
    for table in sorted(set(a) | set(b)):
        rows_a = {_key(row): row for row in a.get(table, [])}
        rows_b = {_key(row): row for row in b.get(table, [])}
        for key in sorted(set(rows_a) | set(rows_b), key=str):
            if rows_a.get(key) != rows_b.get(key):
                lines.append(f"{table} {key}: {rows_a.get(key)!r} != {rows_b.get(key)!r}")
    shown = lines[:limit]
    if len(lines) > limit:
        shown.append(f"... and {len(lines) - limit} more rows")
    return "\n".join(shown) or "no difference"


def _key(row: dict[str, Any]) -> object:
    return row.get("id", row.get("key", row.get("scenario_id")))


def assert_same_plan(actual: Dump, expected: Dump, what: str) -> None:
    assert actual == expected, f"{what}:\n{differences(actual, expected)}"
