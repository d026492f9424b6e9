"""What the checks at open need to know of the entities' tables, without SQLAlchemy: each
table's columns, the columns kept in a stored form (money in cents, exact decimals and months as
text) and which tables belong to the change log and to actuals.

Compiled from revorg/model/entities.py into revorg/resources/schema_columns.json beside
schema.sql (`scripts/schema-sql`; tests/model/test_storage.py checks both are current): opening a
file for `revorg summary` then loads neither SQLAlchemy nor its ORM (about 0.3 s of a 0.5 s
command on this machine; docs/speed.md, "Cold start"). Without the file, or with one of another
format, it is compiled from the entities, as schema.sql is.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from revorg.model.money import from_cents
from revorg.model.months import YearMonth
from revorg.model.store.database import SCHEMA_VERSION

COLUMNS_JSON = ("resources", "schema_columns.json")

# How each stored form is read back: the entities' column types (Money, DecimalText,
# YearMonthText) name their form in `stored_form` and read with these same functions.
STORED_FORMS: dict[str, Callable[[Any], Any]] = {
    "cents": from_cents,
    "decimal_text": Decimal,
    "year_month_text": YearMonth.parse,
}


@dataclass(frozen=True)
class StoredColumns:
    tables: dict[str, tuple[str, ...]]  # every table's columns, tables in creation order
    stored_forms: dict[str, dict[str, str]]  # table: {column: its form in STORED_FORMS}
    log_tables: frozenset[str]
    actuals_tables: frozenset[str]


@cache
def stored_columns() -> StoredColumns:
    """The shipped description, or the entities' own when it is missing or of another format."""
    from importlib import resources

    try:
        text = resources.files("revorg").joinpath(*COLUMNS_JSON).read_text(encoding="utf-8")
        data = json.loads(text)
    except (OSError, ValueError):
        data = None
    if not isinstance(data, dict) or data.get("format") != SCHEMA_VERSION:
        data = described_columns()
    return StoredColumns(
        tables={name: tuple(columns) for name, columns in data["tables"].items()},
        stored_forms=data["stored_forms"],
        log_tables=frozenset(data["log_tables"]),
        actuals_tables=frozenset(data["actuals_tables"]),
    )


def described_columns() -> dict[str, Any]:
    """The description compiled from the entities (imported here: they load the ORM)."""
    from sqlalchemy import TypeDecorator

    from revorg.model.entities import ACTUALS_TABLES, LOG_TABLES, Base

    tables = Base.metadata.sorted_tables
    return {
        "format": SCHEMA_VERSION,
        "tables": {table.name: [column.name for column in table.columns] for table in tables},
        "stored_forms": {
            table.name: forms
            for table in tables
            if (
                forms := {
                    column.name: column.type.stored_form
                    for column in table.columns
                    if isinstance(column.type, TypeDecorator)
                }
            )
        },
        "log_tables": sorted(LOG_TABLES),
        "actuals_tables": sorted(ACTUALS_TABLES),
    }


def columns_json_text() -> str:
    """The text of revorg/resources/schema_columns.json for the entities as they are."""
    return json.dumps(described_columns(), indent=1) + "\n"


def write_columns_json() -> Path:
    """Write revorg/resources/schema_columns.json for the entities as they are
    (scripts/schema-sql)."""
    target = Path(__file__).resolve().parents[2].joinpath(*COLUMNS_JSON)
    target.write_text(columns_json_text(), encoding="utf-8")
    return target
