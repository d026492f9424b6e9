"""Sending one step of a team plan to its server: optimistic concurrency, row by row.

An edit is made in the plan's in-memory copy by the edit core, as on a file; its `FieldChange`s
say which rows it touched. `send_step` writes those rows to the server in ONE transaction:

1. `SELECT ... FROM history_chain WHERE id = 1 FOR UPDATE`: the only lock; it orders the
   appends to the log, so the hash chain stays linear (a plan whose log is empty has no such
   row yet: the table is locked instead and the row made).
2. each touched row, guarded by the version it was read at: `UPDATE ... SET field = :new, ...,
   row_version = row_version + 1 WHERE id = :id AND row_version = :seen`, a `DELETE` under the
   same condition, or an `INSERT` with the id chosen in memory (a second editor who took the same
   id first makes the key refuse it). No row, or a refused key, is a conflict: the transaction
   rolls back and a `TeamConflictError` names who changed the row and when, from the server's
   log.
3. the step and its changes, chained on the server's head (its id: one after the server's
   newest), so the server's log verifies as a file's does.

The values written are the rows as the in-memory plan stores them after the edit (cents, text),
so nothing is converted twice. Rows of a scenario added as a whole (a copy, a restore) are
inserted from memory; a copy is refused when the scenario it copied changed meanwhile (its rows
are compared with the versions read), and so is the removal of a scenario in which a teammate
changed anything.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Boolean, Connection, text

from revorg.model.editing.change import WHOLE_RECORD, RecordKind
from revorg.model.errors import QT_TRANSLATE_NOOP
from revorg.model.history.chain import GENESIS, StoredChange, step_hash
from revorg.model.team.errors import TeamPlanError
from revorg.model.team.storage import (
    ROW_KEY_COLUMNS,
    ROW_KEYS,
    ROW_VERSION,
    WHOLE_ROW_TABLES,
    plan_metadata,
    row_key_values,
)

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


class TeamConflictError(TeamPlanError):
    """An edit made on a row a teammate changed since it was read: refused, nothing written.
    `conflicts` lists each such row (who changed it, when, in which step)."""

    def __init__(self, message: str, conflicts: Sequence[Conflict] = (), **values: object):
        super().__init__(message, **values)
        self.conflicts = tuple(conflicts)


@dataclass(frozen=True)
class Conflict:
    """A row the server holds at another version than the edit read: the record, and the
    newest step of the server's log that changed it (None when the log does not say)."""

    kind: str
    record_id: int | str
    who: str | None
    at: str | None
    step: int | None


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
    """The rows a step touches, in the order it first touched them."""
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


def _whole_row_key(table: str, record_id: int | str) -> int | str:
    """The row's key from the record's id in the log: an owner matched by hand is logged as the
    CRM writes the name, and kept under its person key (revorg.model.actuals.store)."""
    if table == "owner_assignments":
        from revorg.model.actuals.owners import person_key

        return person_key(str(record_id))
    return record_id


def _quoted(name: str) -> str:
    """A column's name as SQL (names come from the metadata: plain identifiers)."""
    return f'"{name}"'


def _names(names: Iterable[str]) -> str:
    return ", ".join(_quoted(name) for name in names)


def _unsupported(kind: str) -> TeamPlanError:
    return TeamPlanError(
        QT_TRANSLATE_NOOP(
            "TeamPlanError",
            "this edit ({kind}) cannot be made on a team plan yet: pull a copy to a file",
        ),
        kind=kind,
    )


class Sender:
    """Writes steps of one open team plan to its server, and keeps the versions of the rows
    the plan's in-memory copy holds (`versions`)."""

    def __init__(
        self,
        schema: str,
        memory: sqlite3.Connection,
        versions: dict[RowKey, int],
        read_at: int,
    ) -> None:
        self.schema = schema
        self.memory = memory
        self.versions = versions
        self.read_at = read_at  # the plan's version when it was read
        self._pending: dict[RowKey, int | None] = {}
        self._columns = {
            table.name: [column.name for column in table.columns]
            for table in plan_metadata().sorted_tables
        }
        self._booleans = {
            table.name: {c.name for c in table.columns if isinstance(c.type, Boolean)}
            for table in plan_metadata().sorted_tables
        }

    def _q(self, table: str) -> str:
        return f'"{self.schema}"."{table}"'

    # --- the one transaction -----------------------------------------------------------------

    def send(
        self, connection: Connection, step: StepToSend, expected_version: int | None = None
    ) -> int:
        """Write `step` in the caller's transaction (rolled back by the caller on an error);
        returns the step's id on the server. The versions kept are updated only by `sent`,
        called once the transaction committed."""
        previous, version = self._lock_chain(connection)
        if expected_version is not None and version != expected_version:
            raise self._moved(connection, expected_version, version)
        work = row_work(step.changes)
        self._pending = {}
        for row in work:
            if row.table not in WHOLE_ROW_TABLES:
                self._write(connection, row, step)
        self._write_whole(connection, [row for row in work if row.table in WHOLE_ROW_TABLES], step)
        self._check_references(connection, work, step)
        step_id = version + 1
        digest = step_hash(
            previous, step_id, step.at, step.who, step.scenario_id, step.template,
            step.text_values, step.direction, step.changes,
        )  # fmt: skip
        # The step, its changes and the chain's new head in one statement: one round trip
        # while the chain is locked, however many fields the step changed.
        connection.execute(
            text(
                f"WITH step AS (INSERT INTO {self._q('history_steps')} (id, at, who, "
                "scenario_id, text, text_values, direction, previous_hash, hash) VALUES (:id, "
                ":at, :who, :scenario, :text, :values, :direction, :previous, :hash) "
                "RETURNING id), "
                f"head AS (UPDATE {self._q('history_chain')} SET head = :hash WHERE id = 1) "
                f"INSERT INTO {self._q('history_changes')} (step_id, scenario_id, record, "
                "record_id, field, old, new) SELECT step.id, c.* FROM step, unnest("
                "CAST(:scenarios AS BIGINT[]), CAST(:records AS TEXT[]), "
                "CAST(:rids AS TEXT[]), CAST(:fields AS TEXT[]), CAST(:olds AS TEXT[]), "
                "CAST(:news AS TEXT[])) AS c"
            ),
            {
                "id": step_id, "at": step.at, "who": step.who, "scenario": step.scenario_id,
                "text": step.template, "values": step.text_values,
                "direction": step.direction, "previous": previous, "hash": digest,
                "scenarios": [c.scenario_id for c in step.changes],
                "records": [c.record for c in step.changes],
                "rids": [c.record_id for c in step.changes],
                "fields": [c.field for c in step.changes],
                "olds": [c.old for c in step.changes],
                "news": [c.new for c in step.changes],
            },
        )  # fmt: skip
        return step_id

    def sent(self) -> None:
        """The transaction committed: the rows it wrote are at their new versions."""
        for key, version in self._pending.items():
            if version is None:
                self.versions.pop(key, None)
            else:
                self.versions[key] = version
        self._pending = {}

    def _lock_chain(self, connection: Connection) -> tuple[bytes, int]:
        """Lock the chain's head; the hash the next step follows and the plan's version."""
        chain = self._q("history_chain")
        select_head = text(f"SELECT head, last_dropped_id FROM {chain} WHERE id = 1 FOR UPDATE")
        found = connection.execute(select_head).first()
        if found is None:  # an empty log: the first step makes the chain's row
            connection.execute(text(f"LOCK TABLE {chain} IN EXCLUSIVE MODE"))
            found = connection.execute(select_head).first()
        head, dropped = (GENESIS, 0) if found is None else (bytes(found[0]), found[1] or 0)
        if found is None:
            connection.execute(
                text(
                    f"INSERT INTO {chain} (id, anchor, head, dropped) "
                    "VALUES (1, :genesis, :genesis, 0)"
                ),
                {"genesis": GENESIS},
            )
        last = connection.execute(
            text(
                f"SELECT coalesce(max(id), 0) FROM {self._q('history_steps')} UNION ALL "
                f"SELECT coalesce(max(step_id), 0) FROM {self._q('history_changes')}"
            )
        ).all()
        version = max([int(r[0]) for r in last] + [int(dropped)])
        return head, version

    # --- one row -------------------------------------------------------------------------------

    def _write(self, connection: Connection, row: RowWork, step: StepToSend) -> None:
        key = (row.table, row.key)
        if row.added:
            if row.copy_of is not None:
                self._check_scenario(connection, row.copy_of, step, removed=False)
            self._insert(connection, row, step)
            return
        seen = self.versions.get(key)
        if seen is None:
            raise self._conflict(connection, row, step)
        column = ROW_KEYS[row.table]
        if row.removed:
            cascaded = (
                self._check_scenario(connection, int(row.key), step, removed=True)
                if row.table == "scenarios"
                else []
            )
            done = connection.execute(
                text(
                    f'DELETE FROM {self._q(row.table)} WHERE "{column}" = :key '
                    f"AND {ROW_VERSION} = :seen"
                ),
                {"key": row.key, "seen": seen},
            )
            if done.rowcount != 1:
                raise self._conflict(connection, row, step)
            self._pending[key] = None
            for gone in cascaded:  # the scenario's rows went with it (ON DELETE CASCADE)
                self._pending[gone] = None
            return
        values = self._memory_row(row.table, row.key)
        if values is None:
            raise self._conflict(connection, row, step)
        known = self._columns[row.table]
        fields = [name for name in row.fields if name in known]
        assignments = "".join(f'"{name}" = :v{i}, ' for i, name in enumerate(fields))
        done = connection.execute(
            text(
                f"UPDATE {self._q(row.table)} SET {assignments}"
                f"{ROW_VERSION} = {ROW_VERSION} + 1 "
                f'WHERE "{column}" = :key AND {ROW_VERSION} = :seen'
            ),
            {"key": row.key, "seen": seen, **{f"v{i}": values[n] for i, n in enumerate(fields)}},
        )
        if done.rowcount != 1:
            raise self._conflict(connection, row, step)
        self._pending[key] = seen + 1

    def _write_whole(self, connection: Connection, rows: list[RowWork], step: StepToSend) -> None:
        """Rows written whole (actuals, photos): each as memory has it after the step, added
        (the key refuses a row a teammate added first), changed or removed under the version
        read. One statement per table and kind of change, sent at once (psycopg's executemany
        is pipelined): an import of 1,000 deals is not 1,000 round trips."""
        from psycopg import IntegrityError

        if not rows:
            return
        cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
        inserts: dict[str, list[tuple[RowWork, dict[str, Any]]]] = {}
        updates: dict[str, list[tuple[RowWork, dict[str, Any], int]]] = {}
        deletes: dict[str, list[tuple[RowWork, int]]] = {}
        for row in rows:
            values = self._whole_row(row.table, row.key)
            seen = self.versions.get((row.table, row.key))
            if values is not None and seen is None:
                inserts.setdefault(row.table, []).append((row, values))
            elif values is not None and seen is not None:
                updates.setdefault(row.table, []).append((row, values, seen))
            elif seen is not None:
                deletes.setdefault(row.table, []).append((row, seen))
        for table, added in inserts.items():
            names = self._columns[table]
            try:
                with connection.begin_nested():
                    cursor.executemany(
                        f"INSERT INTO {self._q(table)} ({_names(names)}) "
                        f"VALUES ({', '.join('%s' for _ in names)})".encode(),
                        [tuple(values[n] for n in names) for _, values in added],
                    )
            except IntegrityError:  # the driver's own: its cursor is used directly
                raise self._first_conflict(connection, [row for row, _ in added], step) from None
            for row, _ in added:
                self._pending[(row.table, row.key)] = 0
        where = {table: self._where(table) for table in {*updates, *deletes}}
        for table, changed in updates.items():
            names = [n for n in self._columns[table] if n not in ROW_KEY_COLUMNS[table]]
            cursor.executemany(
                f"UPDATE {self._q(table)} SET "
                f"{''.join(f'{_quoted(n)} = %s, ' for n in names)}"
                f"{ROW_VERSION} = {ROW_VERSION} + 1 WHERE {where[table]}".encode(),
                [
                    (*(values[n] for n in names), *row_key_values(table, row.key), seen)
                    for row, values, seen in changed
                ],
            )
            if cursor.rowcount != len(changed):
                raise self._first_conflict(connection, [row for row, _, _ in changed], step)
            for row, _, seen in changed:
                self._pending[(row.table, row.key)] = seen + 1
        for table, removed in deletes.items():
            cursor.executemany(
                f"DELETE FROM {self._q(table)} WHERE {where[table]}".encode(),
                [(*row_key_values(table, row.key), seen) for row, seen in removed],
            )
            if cursor.rowcount != len(removed):
                raise self._first_conflict(connection, [row for row, _ in removed], step)
            for row, _ in removed:
                self._pending[(row.table, row.key)] = None

    def _where(self, table: str) -> str:
        keys = " AND ".join(f'"{column}" = %s' for column in ROW_KEY_COLUMNS[table])
        return f"{keys} AND {ROW_VERSION} = %s"

    def _first_conflict(
        self, connection: Connection, rows: list[RowWork], step: StepToSend
    ) -> TeamConflictError:
        """The first of `rows` the server holds at another version than the one read (or
        holds at all, for a row added here)."""
        for row in rows:
            keys = " AND ".join(
                f'"{column}" = :k{i}' for i, column in enumerate(ROW_KEY_COLUMNS[row.table])
            )
            found = connection.execute(
                text(f"SELECT {ROW_VERSION} FROM {self._q(row.table)} WHERE {keys}"),
                {f"k{i}": value for i, value in enumerate(row_key_values(row.table, row.key))},
            ).first()
            if (None if found is None else int(found[0])) != self.versions.get(
                (row.table, row.key)
            ):
                return self._conflict(connection, row, step)
        return self._conflict(connection, rows[0], step)

    def _whole_row(self, table: str, key: int | str) -> dict[str, Any] | None:
        names = self._columns[table]
        keys = " AND ".join(f'"{column}" = ?' for column in ROW_KEY_COLUMNS[table])
        found = self.memory.execute(
            f'SELECT {_names(names)} FROM "{table}" WHERE {keys}',
            row_key_values(table, key),
        ).fetchone()
        return None if found is None else dict(zip(names, found, strict=True))

    def _check_references(
        self, connection: Connection, work: list[RowWork], step: StepToSend
    ) -> None:
        """A card's manager is checked when the transaction ends (the key is deferred): check
        it now, so that a manager a teammate removed is told as a conflict naming them. Only
        a step that adds, removes or moves cards (or scenarios) can break that key: a title's
        step skips the check. One round trip: savepoint, check and release in one text."""
        from sqlalchemy.exc import IntegrityError

        if not any(
            (row.table == "positions" and (row.added or row.removed or "manager_id" in row.fields))
            or (row.table == "scenarios" and (row.added or row.removed))
            for row in work
        ):
            return
        try:
            connection.exec_driver_sql(
                "SAVEPOINT reference_check; SET CONSTRAINTS ALL IMMEDIATE; "
                "RELEASE SAVEPOINT reference_check"
            )
        except IntegrityError:
            connection.exec_driver_sql("ROLLBACK TO SAVEPOINT reference_check")
            for row in work:
                if row.table != "positions" or row.removed:
                    continue
                values = self._memory_row(row.table, int(row.key))
                manager = None if values is None else values.get("manager_id")
                if manager is not None:
                    there = connection.execute(
                        text(f"SELECT 1 FROM {self._q('positions')} WHERE id = :id"),
                        {"id": manager},
                    ).first()
                    if there is None:
                        raise self._conflict(
                            connection, RowWork("positions", int(manager)), step
                        ) from None
            raise self._conflict(connection, work[0], step) from None

    def _insert(self, connection: Connection, row: RowWork, step: StepToSend) -> None:
        from sqlalchemy.exc import IntegrityError

        rows = [(row.table, self._memory_row(row.table, row.key))]
        if row.table == "scenarios":
            rows += [
                (table, values)
                for table in SCENARIO_ROWS
                for values in self._memory_rows(table, "scenario_id", row.key)
            ]
        try:
            with connection.begin_nested():
                for table, values in rows:
                    if values is None:
                        raise self._conflict(connection, row, step)
                    names = list(values)
                    connection.execute(
                        text(
                            f"INSERT INTO {self._q(table)} "
                            f"({', '.join(f'{chr(34)}{n}{chr(34)}' for n in names)}) "
                            f"VALUES ({', '.join(f':v{i}' for i in range(len(names)))})"
                        ),
                        {f"v{i}": values[n] for i, n in enumerate(names)},
                    )
                    self._pending[(table, int(values[ROW_KEYS.get(table, "id")]))] = 0
        except IntegrityError:
            # A teammate took the same id first, or removed the record this one refers to.
            raise self._conflict(connection, row, step) from None

    def _check_scenario(
        self, connection: Connection, scenario_id: int, step: StepToSend, *, removed: bool
    ) -> list[RowKey]:
        """The scenario's rows on the server are the ones read, at the versions read: for a
        copy, exactly those in memory; for a removal (memory no longer has them), every row
        the server has was read at its version (a teammate's new card would be lost)."""
        server: dict[RowKey, int] = {}
        for table in SCENARIO_ROWS:
            column = ROW_KEYS[table]
            for key, version in connection.execute(
                text(
                    f'SELECT "{column}", {ROW_VERSION} FROM {self._q(table)} '
                    "WHERE scenario_id = :scenario"
                ),
                {"scenario": scenario_id},
            ):
                server[(table, int(key))] = int(version)
        if removed:
            ours = {key: self.versions.get(key) for key in server}
        else:
            ours = {
                key: self.versions.get(key)
                for table in SCENARIO_ROWS
                for key in self._memory_keys(table, scenario_id)
            }
        for key in server.keys() | ours.keys():
            if server.get(key) != ours.get(key):
                raise self._conflict(connection, RowWork(key[0], key[1]), step)
        return list(server)

    def _memory_keys(self, table: str, scenario_id: int) -> list[RowKey]:
        column = ROW_KEYS[table]
        return [
            (table, int(r[0]))
            for r in self.memory.execute(
                f'SELECT "{column}" FROM "{table}" WHERE scenario_id = ?', (scenario_id,)
            )
        ]

    def _memory_row(self, table: str, key: int | str) -> dict[str, Any] | None:
        rows = self._memory_rows(table, ROW_KEYS[table], key)
        return rows[0] if rows else None

    def _memory_rows(self, table: str, column: str, value: int | str) -> list[dict[str, Any]]:
        names = self._columns[table]
        booleans = self._booleans[table]
        quoted = ", ".join(f'"{n}"' for n in names)
        cursor = self.memory.execute(
            f'SELECT {quoted} FROM "{table}" WHERE "{column}" = ?', (value,)
        )
        return [
            {
                n: (bool(v) if n in booleans and v is not None else v)
                for n, v in zip(names, r, strict=True)
            }
            for r in cursor.fetchall()
        ]

    # --- what a refusal says --------------------------------------------------------------------

    def _last_change(self, connection: Connection, row: RowWork) -> Conflict:
        kinds = [kind for kind, table in KIND_TABLES.items() if table == row.table]
        found = connection.execute(
            text(
                f"SELECT s.who, s.at, s.id FROM {self._q('history_changes')} c "
                f"JOIN {self._q('history_steps')} s ON s.id = c.step_id "
                "WHERE c.record = :kind AND c.record_id = :rid "
                "ORDER BY s.id DESC LIMIT 1"
            ),
            {"kind": str(kinds[0]), "rid": row.logged_id or json.dumps(row.key)},
        ).first()
        kind = str(kinds[0])
        if found is None:
            return Conflict(kind, row.key, None, None, None)
        return Conflict(kind, row.key, str(found[0]), str(found[1]), int(found[2]))

    def _conflict(
        self, connection: Connection, row: RowWork, step: StepToSend
    ) -> TeamConflictError:
        conflict = self._last_change(connection, row)
        name = f"{conflict.kind.replace('_', ' ')} {row.key}"
        if conflict.who is None:
            return TeamConflictError(
                QT_TRANSLATE_NOOP(
                    "TeamPlanError",
                    "{record} was changed on the server since you read it: your edit was not "
                    "sent (reload the plan and make it again)",
                ),
                [conflict],
                record=name,
            )
        return TeamConflictError(
            QT_TRANSLATE_NOOP(
                "TeamPlanError",
                "{record} was changed by {who} at {at} (step {step}) since you read it: your "
                "edit was not sent (reload the plan and make it again)",
            ),
            [conflict],
            record=name,
            who=conflict.who,
            at=conflict.at,
            step=conflict.step,
        )

    def _moved(self, connection: Connection, expected: int, version: int) -> TeamConflictError:
        steps = connection.execute(
            text(f"SELECT who, at FROM {self._q('history_steps')} WHERE id > :after ORDER BY id"),
            {"after": expected},
        ).all()
        people = ", ".join(dict.fromkeys(str(r[0]) for r in steps)) or "?"
        last = str(steps[-1][1]) if steps else "?"
        return TeamConflictError(
            QT_TRANSLATE_NOOP(
                "TeamPlanError",
                "the plan is at version {version}, not {expected}: changed since by {who} "
                "(last at {at}); nothing was sent",
            ),
            version=version,
            expected=expected,
            who=people,
            at=last,
        )
