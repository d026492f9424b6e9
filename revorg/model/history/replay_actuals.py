"""The change log's records of actuals (revorg.model.actuals) played on a plan database, for
revorg.model.history.replay: deals and imports added or replaced whole, the user's stage and
type rules and owners matched by hand set or cleared. Their ids are text (a CRM's id, an
owner's name), where the scenarios' records have numbers."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from revorg.model.actuals.logged import DamagedImportError, holds_deals, import_fields, logged_deals
from revorg.model.actuals.owners import person_key
from revorg.model.editing.change import WHOLE_RECORD, RecordKind

ACTUALS_KINDS = frozenset(
    {RecordKind.DEAL, RecordKind.DEAL_IMPORT, RecordKind.DEAL_RULE, RecordKind.OWNER_MATCH}
)
# Whole records: their table and key column.
WHOLE_TABLES = {
    RecordKind.DEAL: ("deals", "crm_id"),
    RecordKind.DEAL_IMPORT: ("deal_imports", "id"),
}
DEAL_COLUMNS = frozenset({
    "crm_id", "owner", "owner_email", "account", "name", "stage", "deal_type", "status", "kind",
    "amount", "currency", "close_date", "import_id",
})  # fmt: skip
IMPORT_COLUMNS = frozenset({"id", "at", "who", "file", "source", "added", "changed", "unchanged"})
COLUMNS = {"deals": DEAL_COLUMNS, "deal_imports": IMPORT_COLUMNS}

Damaged = Callable[[int, str], Exception]


def play_actuals(
    db: sqlite3.Connection,
    step_id: int,
    kind: RecordKind,
    record_id: Any,
    field: str,
    old: Any,
    new: Any,
    damaged: Damaged,
) -> None:
    """One change (old and new already in the direction played), checked against the database
    as the scenarios' are: a value that is not what the log says it was refuses the replay."""
    if kind in WHOLE_TABLES:
        if field != WHOLE_RECORD:
            raise damaged(step_id, f"a field of a {kind}")
        if kind == RecordKind.DEAL_IMPORT and holds_deals(new if old is None else old):
            _play_import(db, step_id, record_id, old, new, damaged)
        else:
            _replace_whole(db, step_id, kind, record_id, old, new, damaged)
    elif kind == RecordKind.DEAL_RULE and field == "value":
        rule, _colon, text = str(record_id).partition(":")
        _set(db, step_id, "deal_rules", ("rule", "key"), (rule, text), "value", old, new, damaged)
    elif kind == RecordKind.OWNER_MATCH and field == "lineage":
        owner = str(record_id)
        _set(
            db, step_id, "owner_assignments", ("owner_key",), (person_key(owner),), "lineage",
            old, new, damaged, {"owner": owner},
        )  # fmt: skip
    else:
        raise damaged(step_id, f"a {kind} change of {field!r}")


def _play_import(
    db: sqlite3.Connection, step_id: int, record_id: Any, old: Any, new: Any, damaged: Damaged
) -> None:
    """An import with its deals in its record (revorg.model.actuals.logged), played as a log
    of one record per deal plays it: the import's row, then each deal in the order the import
    wrote them; undone, the deals in the reverse order, then the import's row."""
    try:
        deals = logged_deals(old, new)
    except DamagedImportError as error:
        raise damaged(step_id, str(error)) from None
    if new is not None:
        _replace_whole(db, step_id, RecordKind.DEAL_IMPORT, record_id, None, import_fields(new),
                       damaged)  # fmt: skip
    for deal in deals if new is not None else reversed(deals):
        _replace_whole(db, step_id, RecordKind.DEAL, deal.crm_id, deal.old, deal.new, damaged)
    if old is not None:
        _replace_whole(db, step_id, RecordKind.DEAL_IMPORT, record_id, import_fields(old), None,
                       damaged)  # fmt: skip


def _replace_whole(
    db: sqlite3.Connection,
    step_id: int,
    kind: RecordKind,
    record_id: Any,
    old: Any,
    new: Any,
    damaged: Damaged,
) -> None:
    table, key = WHOLE_TABLES[kind]
    if old is not None:
        _check_row(step_id, table, old, damaged)
        found = db.execute(
            f'SELECT {", ".join(sorted(old))} FROM "{table}" WHERE "{key}" = ?', (record_id,)
        ).fetchone()
        if found is None or tuple(str(v) for v in found) != tuple(
            str(old[name]) for name in sorted(old)
        ):
            raise damaged(step_id, f"{kind} {record_id} is not as the log says")
        db.execute(f'DELETE FROM "{table}" WHERE "{key}" = ?', (record_id,))
    if new is not None:
        _check_row(step_id, table, new, damaged)
        if new.get(key) != record_id:
            raise damaged(step_id, f"the row of {kind} {record_id}")
        names = sorted(new)
        try:
            db.execute(
                f'INSERT INTO "{table}" ({", ".join(names)}) VALUES '
                f"({', '.join('?' for _ in names)})",
                [new[name] for name in names],
            )
        except sqlite3.Error as error:
            raise damaged(step_id, f"{table}: {error}") from None


def _check_row(step_id: int, table: str, row: Any, damaged: Damaged) -> None:
    if not isinstance(row, dict) or not set(row) <= COLUMNS[table]:
        raise damaged(step_id, f"a row of {table} with other columns")
    if any(isinstance(value, dict | list) for value in row.values()):
        raise damaged(step_id, f"a row of {table} with a value that is not one")


def _set(
    db: sqlite3.Connection,
    step_id: int,
    table: str,
    keys: tuple[str, ...],
    values: tuple[str, ...],
    column: str,
    old: Any,
    new: Any,
    damaged: Damaged,
    extra: dict[str, str] | None = None,
) -> None:
    """A keyed value set or cleared (None: no row)."""
    where = " AND ".join(f'"{name}" = ?' for name in keys)
    found = db.execute(f'SELECT "{column}" FROM "{table}" WHERE {where}', values).fetchone()
    if (found[0] if found else None) != old:
        raise damaged(step_id, f"{table} {values} is not {old!r}")
    db.execute(f'DELETE FROM "{table}" WHERE {where}', values)
    if new is not None:
        names = (*keys, column, *(extra or {}))
        row = (*values, new, *(extra or {}).values())
        db.execute(
            f'INSERT INTO "{table}" ({", ".join(names)}) VALUES ({", ".join("?" for _ in names)})',
            row,
        )
