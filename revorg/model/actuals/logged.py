"""An import of deals as the change log keeps it: ONE record, the import's own, holding every
deal the import wrote and, for each deal it changed, the row before, column by column.

One record per deal (50,000 `FieldChange`s, their JSON and hash, 50,000 rows of
`history_changes` with two indexes) was two thirds of a 50,000-deal import's edit
(docs/speed.md). Everything that reads deals from the log reads them through here, one by one
as a log of the earlier form kept them (one whole record per deal, which is still read): the
replay (revorg.model.history.replay_actuals), a deal's versions (`deal_versions`), the history
views (revorg.model.history.reading) and a team plan's sending, undo guard and push
(revorg.model.team).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from operator import itemgetter
from typing import Any, NamedTuple

from sqlalchemy.orm import Session

from revorg.model.actuals.store import DEAL_COLUMNS, Row
from revorg.model.bulk import driver_connection

# The key of an import's record that holds its deals: {"rows": ..., "before": ...}, each
# column name -> values, the columns of the deals table with the import that wrote the row.
DEALS_KEY = "deals"
LOGGED_COLUMNS = (*DEAL_COLUMNS, "import_id")


class DamagedImportError(ValueError):
    """An import's record whose deals cannot be read (a log changed by another program)."""


class LoggedDeal(NamedTuple):
    """One deal of an import's record, in the direction of the change that holds it: `old`
    None for a deal an import added (or, undone, `new` None)."""

    crm_id: str
    old: Row | None
    new: Row | None


def logged_import(
    record: Mapping[str, object], rows: Sequence[Row], before: Mapping[str, Row]
) -> dict[str, object]:
    """The import's whole record for the log: its own fields and its deals. `rows` carry the
    import's id; `before`: the rows the import replaced, by CRM id."""
    old = [before[row["crm_id"]] for row in rows if row["crm_id"] in before]
    return {**record, DEALS_KEY: {"rows": _by_column(rows), "before": _by_column(old)}}


def _by_column(rows: Sequence[Row]) -> dict[str, list[object]]:
    """In JSON a list of texts per column is a tenth of the work of a keyed object per row."""
    return {name: list(map(itemgetter(name), rows)) for name in LOGGED_COLUMNS}


def holds_deals(value: Any) -> bool:
    """Whether a logged value is an import's record with its deals in it."""
    return isinstance(value, dict) and DEALS_KEY in value


def import_fields(value: Mapping[str, Any]) -> dict[str, Any]:
    """The import's record without its deals: the row of `deal_imports`."""
    return {key: item for key, item in value.items() if key != DEALS_KEY}


def imported_ids(value: Any) -> list[str]:
    """The CRM ids of the deals an import's record holds, in the order it wrote them; none
    for any other value. Raises DamagedImportError when they cannot be read."""
    if not holds_deals(value):
        return []
    ids = _columns(value[DEALS_KEY], "rows").get("crm_id")
    if not isinstance(ids, list) or not all(isinstance(crm_id, str) for crm_id in ids):
        raise DamagedImportError("the deals of an import")
    return ids


def first_holding(candidates: Iterable[tuple[Any, ...]], crm_id: str) -> tuple[Any, ...] | None:
    """The first of `candidates` (steps' values ending in an import's logged old and new
    texts, newest first) whose import holds the deal: who changed a deal last, for a refusal
    that names them. The callers pick the candidates by the deal's id in the text."""
    for candidate in candidates:
        *values, old, new = candidate
        try:
            if crm_id in imported_ids(json.loads(new if old == "null" else old)):
                return tuple(values)
        except (TypeError, ValueError):
            continue  # a damaged record: the log's own check reports it
    return None


def logged_deals(old: Any, new: Any) -> list[LoggedDeal]:
    """The deals of an import's record (`old` None: the import done; `new` None: undone), each
    as a whole record of the earlier form: (row before or None, row written) for the import
    done, swapped for the import undone. Raises DamagedImportError."""
    if (old is None) == (new is None):
        raise DamagedImportError("an import of deals changed, not added or removed")
    value = new if old is None else old
    if not holds_deals(value):
        raise DamagedImportError("an import without its deals")
    deals = value[DEALS_KEY]
    written = _rows(_columns(deals, "rows"))
    replaced = {row.get("crm_id"): row for row in _rows(_columns(deals, "before"))}
    logged = []
    for row in written:
        crm_id = row.get("crm_id")
        if not isinstance(crm_id, str):
            raise DamagedImportError("a deal without its CRM id")
        earlier = replaced.get(crm_id)
        logged.append(
            LoggedDeal(crm_id, earlier, row) if old is None else LoggedDeal(crm_id, row, earlier)
        )
    return logged


def _columns(deals: Any, part: str) -> dict[str, Any]:
    columns = deals.get(part) if isinstance(deals, dict) else None
    if not isinstance(columns, dict):
        raise DamagedImportError("the deals of an import")
    return columns


def _rows(columns: Mapping[str, Any]) -> list[Row]:
    """Rows from lists of values by column, all of the same length."""
    if not all(isinstance(values, list) for values in columns.values()):
        raise DamagedImportError("the deals of an import")
    if len({len(values) for values in columns.values()}) > 1:
        raise DamagedImportError("the deals of an import: columns of different lengths")
    names = list(columns)
    return [dict(zip(names, values, strict=True)) for values in zip(*columns.values(), strict=True)]


def deal_versions(session: Session, crm_id: str) -> list[tuple[str, Row]]:
    """A deal as each import that added or changed it found it, oldest first, with the time
    of the step: read from the change log (steps compacted away are gone from it). Only the
    steps as first made count: a redo is the same version again, and an import undone later
    stays in the list, as the log keeps what was done. Both forms of the log are read."""
    key = json.dumps(crm_id, ensure_ascii=False)
    cursor = driver_connection(session).execute(
        "SELECT s.at, c.record, c.new FROM history_changes c "
        "JOIN history_steps s ON s.id = c.step_id WHERE s.direction = 'do' AND ("
        "(c.record = 'deal' AND c.record_id = ?) "
        "OR (c.record = 'deal_import' AND c.field = '*' AND instr(c.new, ?) > 0)) ORDER BY c.id",
        (key, key),  # instr: only the imports whose text names the deal are decoded
    )
    versions = []
    for at, record, new in cursor.fetchall():
        try:
            value = json.loads(new)
            rows = (
                [deal.new for deal in logged_deals(None, value) if deal.crm_id == crm_id]
                if record == "deal_import"
                else [value]
            )
        except (TypeError, ValueError):
            continue  # a damaged row: the log's own check reports it
        versions += [(str(at), row) for row in rows if isinstance(row, dict)]
    return versions
