"""The plan as it was after a step of its log, and the log replayed from its start. No Qt.

`state_after(session, step_id)` copies the plan into memory and undoes there, newest first,
every step recorded after `step_id`: a field gets its old value back, a record added as a whole
is deleted, one removed is inserted from the row the log kept. Undo and redo steps are steps
like the others, with their own changes. Only the steps after `step_id` are read, so a log that
was compacted or that started late (a plan made before format 5) rewinds as far back as it goes.

`scenario_after` is one scenario of that state with fresh ids for the current plan, ready for
`InsertScenario` ("Restore as new scenario", `revorg restore --step`). `replay` runs a log the
other way, oldest first, on a copy of the plan as it was when the log started (a new plan):
the property test of tests/model/history checks that both give back the plan exactly.

Every step used is checked against the hash chain first, and each change against the plan
(a field must hold the value the log says it was given): a log that does not match is refused
with a `ReplayError`, never replayed into a wrong plan. The copy runs plain SQL with foreign
keys off while it rewinds (each record is put back whole, in the order the log noted them) and
checks them once at the end.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import InstrumentedAttribute, Session

from revorg.model.bulk import driver_connection, paused_gc
from revorg.model.document import PlanDocument
from revorg.model.editing.change import WHOLE_RECORD, RecordKind
from revorg.model.entities import (
    Assumption,
    Base,
    DecimalText,
    DottedLine,
    Money,
    Position,
    Scenario,
    YearMonthText,
)
from revorg.model.errors import QT_TRANSLATE_NOOP, ExplainedError
from revorg.model.history.chain import StoredChange, StoredStep, chain_ends, expected_hash
from revorg.model.history.chain import stored_steps as _stored_steps
from revorg.model.history.renumber import (
    renumbered_lines,
    renumbered_positions,
    renumbered_rows,
    renumbered_scenario,
)
from revorg.model.history.replay_actuals import ACTUALS_KINDS, play_actuals
from revorg.model.history.replay_photos import play_photo
from revorg.model.money import to_cents
from revorg.model.months import YearMonth
from revorg.model.scenarios import ScenarioSnapshot, StoredRows, check_scenario_name
from revorg.model.scenarios import snapshot_scenario as _snapshot_scenario
from revorg.model.snapshots import SNAPSHOT_MARKS
from revorg.model.store import connect_memory
from revorg.model.store.stored_log import load_stored_log

__all__ = [
    "ReplayError",
    "renumbered_scenario",
    "replay",
    "scenario_after",
    "state_after",
]


class ReplayError(ExplainedError):
    """The log cannot give the plan as it was: a step it cannot reverse, a damaged log."""


# Each kind of record: its table and the column its log id names.
TABLES = {
    RecordKind.POSITION: ("positions", "id"),
    RecordKind.DOTTED_LINE: ("dotted_lines", "id"),
    RecordKind.ASSUMPTION: ("assumptions", "id"),
    RecordKind.TARGET: ("targets", "scenario_id"),
    RecordKind.SCENARIO: ("scenarios", "id"),
    RecordKind.PLAN: ("plan", "id"),
}
# A scenario's rows, in the order they are deleted (those that point at others first).
SCENARIO_TABLES = ("dotted_lines", "positions", "assumptions", "targets")


def _not_replayable(step_id: int) -> ReplayError:
    return ReplayError(
        QT_TRANSLATE_NOOP(
            "ReplayError",
            "step {step} cannot be replayed: it was recorded by an older RevOrg, which kept "
            "only the names of the records it added or removed",
        ),
        step=step_id,
    )


def _damaged(step_id: int | None, reason: str) -> ReplayError:
    if step_id is None:
        return ReplayError(
            QT_TRANSLATE_NOOP("ReplayError", "the plan's history cannot be read: {reason}"),
            reason=reason,
        )
    return ReplayError(
        QT_TRANSLATE_NOOP(
            "ReplayError",
            "the plan's history does not match the plan at step {step} ({reason}): it cannot "
            "be replayed",
        ),
        step=step_id,
        reason=reason,
    )


# --- the values of a column, from the log's JSON to what the file stores ----------------------


def _converter(column_type: object) -> Callable[[Any], Any]:
    """How a JSON value of the log becomes the value SQLite stores for a column of this type."""
    if isinstance(column_type, Money):
        return lambda value: to_cents(Decimal(str(value)))
    if isinstance(column_type, DecimalText):
        return lambda value: str(Decimal(str(value)))
    if isinstance(column_type, YearMonthText):
        return lambda value: str(YearMonth.parse(str(value)))
    return lambda value: value


COLUMNS: dict[str, dict[str, Callable[[Any], Any]]] = {
    table: {column.name: _converter(column.type) for column in Base.metadata.tables[table].columns}
    for table, _key in TABLES.values()
}


def _stored_value(step_id: int, table: str, column: str, value: Any) -> Any:
    converters = COLUMNS[table]
    if column not in converters:
        raise _damaged(step_id, f"{table} has no column {column!r}")
    if value is None:
        return None
    if isinstance(value, dict | list):
        raise _damaged(step_id, f"{table}.{column} is not a value")
    try:
        return converters[column](value)
    except (InvalidOperation, ValueError, TypeError):
        raise _damaged(step_id, f"{table}.{column} = {value!r}") from None


def _stored_row(step_id: int, table: str, row: Any) -> dict[str, Any]:
    if not isinstance(row, dict):
        raise _not_replayable(step_id)
    return {name: _stored_value(step_id, table, name, value) for name, value in row.items()}


# --- playing changes on a copy of the plan ----------------------------------------------------


class _Player:
    """Applies the log's changes to a plan database, forwards (new values) or backwards (old
    values), checking each against what the database holds."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.db = connection

    def play(self, steps: Iterable[StoredStep], backwards: bool) -> None:
        for step in steps:
            changes = reversed(step.changes) if backwards else step.changes
            for change in changes:
                self._change(step.id, change, backwards)

    def _change(self, step_id: int, change: StoredChange, backwards: bool) -> None:
        try:
            kind = RecordKind(change.record)
            record_id = json.loads(change.record_id)
            old, new = json.loads(change.old), json.loads(change.new)
        except ValueError:
            raise _damaged(step_id, "a change that is not JSON") from None
        if kind in ACTUALS_KINDS:  # the plan's deals, rules and matches: ids of text
            if backwards:
                old, new = new, old
            play_actuals(self.db, step_id, kind, record_id, change.field, old, new, _damaged)
            return
        if kind == RecordKind.PHOTO:  # a person's photo, by lineage (text)
            if backwards:
                old, new = new, old
            play_photo(self.db, step_id, record_id, change.field, old, new, _damaged)
            return
        if not isinstance(record_id, int) or isinstance(record_id, bool):
            raise _damaged(step_id, f"a record id {change.record_id}")
        if backwards:
            old, new = new, old
        if change.field != WHOLE_RECORD:
            self._set(step_id, kind, record_id, change.field, old, new)
        elif old is None and new is not None:
            self._insert(step_id, kind, record_id, new)
        elif new is None and old is not None:
            self._delete(step_id, kind, record_id, old)
        else:
            raise _damaged(step_id, "a record neither added nor removed")

    def _set(self, step_id: int, kind: RecordKind, record_id: int, field: str, old: Any,
             new: Any) -> None:  # fmt: skip
        table, key = TABLES[kind]
        if field == key:
            raise _damaged(step_id, f"{table}.{field} changed")
        expected = _stored_value(step_id, table, field, old)
        value = _stored_value(step_id, table, field, new)
        done = self.db.execute(
            f'UPDATE "{table}" SET "{field}" = ? WHERE "{key}" = ? AND "{field}" IS ?',
            (value, record_id, expected),
        )
        if done.rowcount != 1:
            raise _damaged(step_id, f"{kind} {record_id} {field} is not {old!r}")

    def _insert(self, step_id: int, kind: RecordKind, record_id: int, whole: Any) -> None:
        if kind == RecordKind.SCENARIO:
            self._insert_scenario(step_id, record_id, whole)
            return
        if kind not in (RecordKind.POSITION, RecordKind.DOTTED_LINE):
            raise _damaged(step_id, f"a {kind} added whole")
        table = TABLES[kind][0]
        row = _stored_row(step_id, table, whole)
        if row.get("id") != record_id:
            raise _damaged(step_id, f"the row of {kind} {record_id}")
        self._insert_rows(step_id, table, tuple(row), [tuple(row.values())])

    def _delete(self, step_id: int, kind: RecordKind, record_id: int, whole: Any) -> None:
        if not isinstance(whole, dict):
            raise _not_replayable(step_id)
        if kind == RecordKind.SCENARIO:
            for table in SCENARIO_TABLES:
                self.db.execute(f'DELETE FROM "{table}" WHERE scenario_id = ?', (record_id,))
        elif kind not in (RecordKind.POSITION, RecordKind.DOTTED_LINE):
            raise _damaged(step_id, f"a {kind} removed whole")
        table = TABLES[kind][0]
        done = self.db.execute(f'DELETE FROM "{table}" WHERE id = ?', (record_id,))
        if done.rowcount != 1:
            raise _damaged(step_id, f"no {kind} {record_id} to remove")

    def _insert_rows(
        self, step_id: int, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
    ) -> None:
        if not rows:
            return
        known = COLUMNS[table]
        if any(column not in known for column in columns):
            raise _damaged(step_id, f"a row of {table} with other columns")
        names = ", ".join(f'"{column}"' for column in columns)
        places = ", ".join("?" * len(columns))
        try:
            self.db.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({places})', rows)
        except sqlite3.Error as error:
            raise _damaged(step_id, f"{table}: {error}") from None

    def _insert_scenario(self, step_id: int, scenario_id: int, whole: Any) -> None:
        if not isinstance(whole, dict):
            raise _not_replayable(step_id)
        columns = {name: whole.get(name) for name in ("id", "plan_id", "name", "sort_order")}
        # A snapshot's marks (file format 6): without them a replayed snapshot came back as a
        # scenario one could edit. Steps logged before snapshots have none.
        columns.update({name: whole[name] for name in SNAPSHOT_MARKS if name in whole})
        if columns["id"] != scenario_id:
            raise _damaged(step_id, f"the row of scenario {scenario_id}")
        scenario = _stored_row(step_id, "scenarios", columns)
        self._insert_rows(step_id, "scenarios", tuple(scenario), [tuple(scenario.values())])
        if isinstance(whole.get("rows"), dict):
            self._insert_scenario_rows(step_id, whole["rows"])
        elif "copy_of" in whole:
            self._insert_copy(step_id, scenario_id, whole)
        else:
            raise _damaged(step_id, f"scenario {scenario_id} without its rows")

    def _insert_scenario_rows(self, step_id: int, rows: dict[str, Any]) -> None:
        targets = rows.get("targets")
        if targets is not None:
            row = _stored_row(step_id, "targets", targets)
            self._insert_rows(step_id, "targets", tuple(row), [tuple(row.values())])
        for assumption in rows.get("assumptions") or ():
            row = _stored_row(step_id, "assumptions", assumption)
            self._insert_rows(step_id, "assumptions", tuple(row), [tuple(row.values())])
        for table in ("positions", "dotted_lines"):  # as the file stores them
            stored = rows.get(table)
            if not isinstance(stored, dict):
                raise _damaged(step_id, f"the {table} of a scenario")
            self._insert_rows(step_id, table, stored.get("columns") or (), stored.get("rows") or ())

    def _insert_copy(self, step_id: int, scenario_id: int, whole: dict[str, Any]) -> None:
        """A copy of another scenario as that one is here, numbered as the log says."""
        source, first, counts = whole.get("copy_of"), whole.get("first_ids"), whole.get("counts")
        if not (isinstance(source, int) and isinstance(first, dict) and isinstance(counts, dict)):
            raise _damaged(step_id, f"the copy that made scenario {scenario_id}")
        copied = {table: _rows_of(self.db, table, source) for table in SCENARIO_TABLES}
        if not self.db.execute("SELECT 1 FROM scenarios WHERE id = ?", (source,)).fetchone():
            raise _damaged(step_id, f"scenario {source}, copied, is not there")
        positions, new_ids = renumbered_positions(
            copied["positions"], scenario_id, first.get("positions") or 0
        )
        lines = renumbered_lines(
            copied["dotted_lines"], scenario_id, new_ids, first.get("dotted_lines") or 0
        )
        assumptions = renumbered_rows(
            copied["assumptions"], scenario_id, first.get("assumptions") or 0
        )
        targets = renumbered_rows(copied["targets"], scenario_id, None)
        made = {"positions": positions, "assumptions": assumptions, "dotted_lines": lines}
        for table, rows in made.items():
            if len(rows) != counts.get(table):
                raise _damaged(
                    step_id,
                    f"scenario {source} had {counts.get(table)} {table} when it was copied, "
                    f"{len(rows)} here",
                )
        for rows in (targets, assumptions, positions, lines):
            self._insert_rows(step_id, rows.table, rows.columns, rows.rows)


def _rows_of(connection: sqlite3.Connection, table: str, scenario_id: int) -> StoredRows:
    cursor = connection.execute(
        f'SELECT * FROM "{table}" WHERE scenario_id = ? ORDER BY rowid', (scenario_id,)
    )
    columns = tuple(column[0] for column in cursor.description)
    return StoredRows(table, columns, tuple(cursor.fetchall()))


# --- the steps to play ----------------------------------------------------------------------


def _steps(session: Session, where: str = "", newest_first: bool = False, **values: Any
           ) -> list[StoredStep]:  # fmt: skip
    try:
        return _stored_steps(session, where, newest_first=newest_first, **values)
    except (sqlite3.Error, SQLAlchemyError) as error:
        raise _damaged(None, " ".join(str(error).split()[:12])) from None


def _checked_tail(
    session: Session, after: bytes, steps: Sequence[StoredStep], to_head: bool = True
) -> None:
    """The steps (oldest first) follow `after` and one another, each as recorded, and (with
    `to_head`) the last is the chain's head: the steps a replay uses are those RevOrg wrote."""
    previous = after
    for step in steps:
        if step.previous_hash != previous or expected_hash(step) != step.hash:
            raise _damaged(step.id, "it was changed outside RevOrg")
        previous = step.hash
    if not to_head:
        return
    try:
        ends = chain_ends(session)
    except (sqlite3.Error, SQLAlchemyError) as error:
        raise _damaged(None, " ".join(str(error).split()[:12])) from None
    if ends is None:  # steps without the chain's row: removed by another program
        if steps:
            raise _damaged(None, "the start of its chain is missing")
        return
    if ends[1] != previous:
        last = steps[-1].id if steps else None
        raise _damaged(last, "steps after it were removed")


def _step_hash(session: Session, step_id: int) -> bytes:
    try:
        found = session.execute(
            text("SELECT hash FROM history_steps WHERE id = :id"), {"id": step_id}
        ).first()
    except (sqlite3.Error, SQLAlchemyError) as error:
        raise _damaged(None, " ".join(str(error).split()[:12])) from None
    if found is None:
        raise ReplayError(
            QT_TRANSLATE_NOOP("ReplayError", "the plan's history has no step {step}"),
            step=step_id,
        )
    return bytes(found[0]) if isinstance(found[0], bytes) else b""


def _copy(session: Session) -> sqlite3.Connection:
    """The plan's database, unsaved edits included, as a new in-memory database."""
    source = driver_connection(session)
    load_stored_log(source)  # the copy is replayed from its whole log
    image = source.serialize()
    connection = connect_memory()
    connection.deserialize(image)
    connection.isolation_level = None
    return connection


def _played(connection: sqlite3.Connection, play: Callable[[_Player], None]) -> None:
    """Run `play` in one transaction, foreign keys off (records come back in the order the
    log noted them, a manager maybe after its reports); refuse a result that breaks them."""
    connection.execute("PRAGMA foreign_keys = OFF")
    connection.execute("BEGIN")
    try:
        with paused_gc():
            play(_Player(connection))
        broken = connection.execute("PRAGMA foreign_key_check").fetchone()
        if broken is not None:
            raise _damaged(None, f"row {broken[1]} of {broken[0]} refers to a missing row")
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    finally:
        connection.execute("PRAGMA foreign_keys = ON")


# --- the three uses ---------------------------------------------------------------------------


def state_after(session: Session, step_id: int) -> PlanDocument:
    """The plan as it was right after step `step_id`: a new in-memory document (no file; the
    caller closes it), its log cut after that step. Raises ReplayError when a later step cannot
    be reversed (recorded by an older RevOrg) or the log does not match the plan."""
    anchor = _step_hash(session, step_id)
    later = _steps(session, "s.id > :id", id=step_id)
    _checked_tail(session, anchor, later)
    connection = _copy(session)
    try:
        _played(connection, lambda player: player.play(reversed(later), backwards=True))
        with connection:  # the log as it was then: its head is the step
            connection.execute("DELETE FROM history_changes WHERE step_id > ?", (step_id,))
            connection.execute("DELETE FROM history_steps WHERE id > ?", (step_id,))
            connection.execute("UPDATE history_chain SET head = ? WHERE id = 1", (anchor,))
        return PlanDocument(connection)
    except BaseException:
        connection.close()
        raise


def scenario_after(
    session: Session, step_id: int, scenario_id: int | None = None, *, name: str | None = None
) -> ScenarioSnapshot:
    """One scenario as it was right after step `step_id` (default: the scenario the step was
    made in), renumbered with fresh ids of the current plan so that `InsertScenario` adds it
    as a new scenario, under `name` (checked: trimmed, not taken) or, without one, its name
    then. Raises ReplayError as state_after does, or when the scenario was not there then."""
    if scenario_id is None:
        made_in = _steps(session, "s.id = :id", id=step_id)
        if not made_in:
            _step_hash(session, step_id)  # says the step is not there
        scenario_id = made_in[0].scenario_id
    with state_after(session, step_id) as then:
        if then.session.get(Scenario, scenario_id) is None:
            raise ReplayError(
                QT_TRANSLATE_NOOP(
                    "ReplayError", "scenario {scenario} was not in the plan after step {step}"
                ),
                scenario=scenario_id,
                step=step_id,
            )
        snapshot = _snapshot_scenario(then.session, scenario_id)
    plan_id = int(snapshot.scenario["plan_id"])
    chosen = check_scenario_name(session, plan_id, name if name is not None else snapshot.name)
    highest = session.scalar(select(func.max(Scenario.sort_order)))
    return renumbered_scenario(
        snapshot,
        _next_id(session, Scenario.id),
        chosen,
        0 if highest is None else highest + 1,
        {
            "positions": _next_id(session, Position.id),
            "assumptions": _next_id(session, Assumption.id),
            "dotted_lines": _next_id(session, DottedLine.id),
        },
    )


def _next_id(session: Session, column: InstrumentedAttribute[int]) -> int:
    return (session.scalar(select(func.max(column))) or 0) + 1


def replay(start: Session, log: Session, through: int | None = None) -> PlanDocument:
    """A copy of `start`, the plan as it was when `log`'s plan began its log (a new plan: the
    same template and year), with the log's steps applied oldest first, up to step `through`.
    The log must start at its first step (not compacted). A new in-memory document."""
    every = through is None
    steps = _steps(log) if every else _steps(log, "s.id <= :through", through=through)
    try:
        ends = chain_ends(log)
    except (sqlite3.Error, SQLAlchemyError) as error:
        raise _damaged(None, " ".join(str(error).split()[:12])) from None
    if ends is not None and ends[0] != bytes(32):
        raise _damaged(None, "its start was compacted away")
    _checked_tail(log, bytes(32), steps, to_head=every)
    connection = _copy(start)
    try:
        _played(connection, lambda player: player.play(steps, backwards=False))
        return PlanDocument(connection)
    except BaseException:
        connection.close()
        raise
