"""A step of the change log as the rows it touches on the server: the table of each kind of
record, the step as the server stores it (`StepToSend`), and what it does to each row
(`row_work`). revorg.model.team.sending writes them."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from revorg.model.actuals.logged import DamagedImportError, imported_ids
from revorg.model.editing.change import WHOLE_RECORD, RecordKind
from revorg.model.errors import QT_TRANSLATE_NOOP
from revorg.model.history.chain import StoredChange
from revorg.model.team.errors import TeamPlanError
from revorg.model.team.storage import WHOLE_ROW_TABLES

# Each kind of record the edit core logs: the table that holds it.
KIND_TABLES = {
    RecordKind.PLAN: "plan",
    RecordKind.SCENARIO: "scenarios",
    RecordKind.TARGET: "targets",
    RecordKind.POSITION: "positions",
    RecordKind.ASSUMPTION: "assumptions",
    RecordKind.DOTTED_LINE: "dotted_lines",
    # The plan's actuals and photos: rows written whole (_write_whole).
    RecordKind.DEAL: "deals",
    RecordKind.DEAL_IMPORT: "deal_imports",
    RecordKind.DEAL_RULE: "deal_rules",
    RecordKind.OWNER_MATCH: "owner_assignments",
    RecordKind.PHOTO: "photos",
}
# A scenario's rows, in the order they are inserted (those that others point at first).
SCENARIO_ROWS = ("targets", "assumptions", "positions", "dotted_lines")

RowKey = tuple[str, int | str]


@dataclass(frozen=True)
class StepToSend:
    """One step of the log, as the server stores it (values canonical JSON)."""

    at: str
    who: str
    scenario_id: int
    template: str
    text_values: str
    direction: str
    changes: tuple[StoredChange, ...]


@dataclass
class RowWork:
    """What one step does to one row: fields set, or the row added or removed as a whole."""

    table: str
    key: int | str
    fields: list[str] = field(default_factory=list)
    added: bool = False
    removed: bool = False
    copy_of: int | None = None  # a scenario added as a copy of this one
    logged_id: str | None = None  # the record's id as the change log names it (JSON text)


def row_work(changes: Iterable[StoredChange]) -> list[RowWork]:
    """The rows a step touches, in the order it first touched them: an import's record, which
    holds its deals (revorg.model.actuals.logged), touches the import's row and each deal's."""
    work: dict[RowKey, RowWork] = {}
    for change in changes:
        try:
            kind = RecordKind(change.record)
        except ValueError:
            raise _unsupported(change.record) from None
        table = KIND_TABLES.get(kind)
        record_id = json.loads(change.record_id)
        if table in WHOLE_ROW_TABLES and isinstance(record_id, int | str):
            # Sent as the plan in memory has the row after the step, whatever the step did.
            key = _whole_row_key(table, record_id)
            work.setdefault((table, key), RowWork(table, key, logged_id=change.record_id))
            for crm_id in _imported_ids(change):  # logged as a deal's own record would be
                logged_id = json.dumps(crm_id, ensure_ascii=False)
                work.setdefault(("deals", crm_id), RowWork("deals", crm_id, logged_id=logged_id))
            continue
        if table is None or not isinstance(record_id, int):
            raise _unsupported(change.record)
        row = work.setdefault((table, record_id), RowWork(table, record_id))
        if change.field != WHOLE_RECORD:
            if change.field not in row.fields:
                row.fields.append(change.field)
            continue
        old, new = json.loads(change.old), json.loads(change.new)
        if old is None and new is not None:
            if row.removed:  # removed, then put back: its fields may differ
                row.removed = False
            else:
                row.added = True
            if isinstance(new, dict) and isinstance(new.get("copy_of"), int):
                row.copy_of = int(new["copy_of"])
        elif new is None:
            if row.added:  # added and removed in one step: nothing for the server
                row.added = False
                del work[(table, record_id)]
            else:
                row.removed = True
    return list(work.values())


def _imported_ids(change: StoredChange) -> list[str]:
    """The deals an import's record holds (none for any other change)."""
    if change.record != RecordKind.DEAL_IMPORT or change.field != WHOLE_RECORD:
        return []
    try:
        return imported_ids(json.loads(change.new if change.old == "null" else change.old))
    except (DamagedImportError, ValueError):
        raise _unsupported(change.record) from None


def _whole_row_key(table: str, record_id: int | str) -> int | str:
    """The row's key from the record's id in the log: an owner matched by hand is logged as the
    CRM writes the name, and kept under its person key (revorg.model.actuals.store)."""
    if table == "owner_assignments":
        from revorg.model.actuals.owners import person_key

        return person_key(str(record_id))
    return record_id


def _unsupported(kind: str) -> TeamPlanError:
    return TeamPlanError(
        QT_TRANSLATE_NOOP(
            "TeamPlanError",
            "this edit ({kind}) cannot be made on a team plan yet: pull a copy to a file",
        ),
        kind=kind,
    )
