"""Sending one step of a team plan to its server: optimistic concurrency, row by row.

An edit is made in the plan's in-memory copy by the edit core, as on a file; its `FieldChange`s
say which rows it touched. `send_step` writes those rows to the server in ONE transaction:

1. `SELECT ... FROM history_chain WHERE id = 1 FOR UPDATE`: the only lock; it orders the
   appends to the log, so the hash chain stays linear (a plan whose log is empty has no such
   row yet: the first step inserts it, `ON CONFLICT DO NOTHING`, then locks it).
2. each touched row, guarded by the version it was read at: `UPDATE ... SET field = :new, ...,
   row_version = :step WHERE id = :id AND row_version = :seen`, a `DELETE` under the same
   condition, or an `INSERT` with the id chosen in memory (a second editor who took the same id
   first makes the key refuse it). No row, or a refused key, is a conflict: the transaction
   rolls back and a `TeamConflictError` names who changed the row and when, from the server's
   log. A row's version is the id of the step that last wrote it, not a count of its writes: ids
   are reused after a delete (two editors each add "the next id"), and a count would restart at
   0 for the new row, so an edit read from the removed row would land on the new one. A step id
   is never given twice, so a version read from any earlier row at that key is refused.
3. the step and its changes, chained on the server's head (its id: one after the server's
   newest), so the server's log verifies as a file's does.

The values written are the rows as the in-memory plan stores them after the edit (cents, text),
so nothing is converted twice. Rows of a scenario added as a whole (a copy, a restore) are
inserted from memory; a copy is refused when the scenario it copied changed meanwhile (its rows
are compared with the versions read), and so is the removal of a scenario in which a teammate
changed anything.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Boolean, Connection, text

from revorg.model.history.chain import GENESIS, step_hash
from revorg.model.team.conflicts import TeamConflictError, moved_error, row_conflict
from revorg.model.team.step_rows import (
    SCENARIO_ROWS,
    RowKey,
    RowWork,
    StepToSend,
    row_work,
)
from revorg.model.team.storage import (
    ROW_KEY_COLUMNS,
    ROW_KEYS,
    ROW_VERSION,
    WHOLE_ROW_TABLES,
    plan_metadata,
    row_key_values,
)


def _quoted(name: str) -> str:
    """A column's name as SQL (names come from the metadata: plain identifiers)."""
    return f'"{name}"'


def _names(names: Iterable[str]) -> str:
    return ", ".join(_quoted(name) for name in names)


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
        self._step_id = 0  # the step being sent (set by `send`)
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
            raise moved_error(connection, self._q, expected_version, version)
        work = row_work(step.changes)
        self._pending = {}
        step_id = version + 1
        self._step_id = step_id  # the version every row this step writes takes
        for row in work:
            if row.table not in WHOLE_ROW_TABLES:
                self._write(connection, row, step)
        self._write_whole(connection, [row for row in work if row.table in WHOLE_ROW_TABLES], step)
        self._check_references(connection, work, step)
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
        if found is None:
            # An empty log: the first step makes the chain's row. Inserted with ON CONFLICT,
            # not under a table lock: two first steps each holding the lock of their SELECT
            # FOR UPDATE and asking for the table's EXCLUSIVE lock deadlocked (40P01). The
            # second insert waits for the first's commit, then locks the row it made.
            connection.execute(
                text(
                    f"INSERT INTO {chain} (id, anchor, head, dropped) "
                    "VALUES (1, :genesis, :genesis, 0) ON CONFLICT (id) DO NOTHING"
                ),
                {"genesis": GENESIS},
            )
            found = connection.execute(select_head).first()
        if found is None:
            raise RuntimeError("the change log's chain row could not be made")
        head, dropped = bytes(found[0]), found[1] or 0
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
            raise row_conflict(connection, self._q, row)
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
                raise row_conflict(connection, self._q, row)
            self._pending[key] = None
            for gone in cascaded:  # the scenario's rows went with it (ON DELETE CASCADE)
                self._pending[gone] = None
            return
        values = self._memory_row(row.table, row.key)
        if values is None:
            raise row_conflict(connection, self._q, row)
        known = self._columns[row.table]
        fields = [name for name in row.fields if name in known]
        assignments = "".join(f'"{name}" = :v{i}, ' for i, name in enumerate(fields))
        done = connection.execute(
            text(
                f"UPDATE {self._q(row.table)} SET {assignments}"
                f"{ROW_VERSION} = :step "
                f'WHERE "{column}" = :key AND {ROW_VERSION} = :seen'
            ),
            {
                "key": row.key, "seen": seen, "step": self._step_id,
                **{f"v{i}": values[n] for i, n in enumerate(fields)},
            },
        )  # fmt: skip
        if done.rowcount != 1:
            raise row_conflict(connection, self._q, row)
        self._pending[key] = self._step_id

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
                        f"INSERT INTO {self._q(table)} ({_names(names)}, {ROW_VERSION}) "
                        f"VALUES ({', '.join('%s' for _ in names)}, %s)".encode(),
                        [(*(values[n] for n in names), self._step_id) for _, values in added],
                    )
            except IntegrityError:  # the driver's own: its cursor is used directly
                raise self._first_conflict(connection, [row for row, _ in added], step) from None
            for row, _ in added:
                self._pending[(row.table, row.key)] = self._step_id
        where = {table: self._where(table) for table in {*updates, *deletes}}
        for table, changed in updates.items():
            names = [n for n in self._columns[table] if n not in ROW_KEY_COLUMNS[table]]
            cursor.executemany(
                f"UPDATE {self._q(table)} SET "
                f"{''.join(f'{_quoted(n)} = %s, ' for n in names)}"
                f"{ROW_VERSION} = %s WHERE {where[table]}".encode(),
                [
                    (
                        *(values[n] for n in names),
                        self._step_id,
                        *row_key_values(table, row.key),
                        seen,
                    )
                    for row, values, seen in changed
                ],
            )
            if cursor.rowcount != len(changed):
                raise self._first_conflict(connection, [row for row, _, _ in changed], step)
            for row, _, _ in changed:
                self._pending[(row.table, row.key)] = self._step_id
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
                return row_conflict(connection, self._q, row)
        return row_conflict(connection, self._q, rows[0])

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
                        raise row_conflict(
                            connection, self._q, RowWork("positions", int(manager))
                        ) from None
            raise row_conflict(connection, self._q, work[0]) from None

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
                        raise row_conflict(connection, self._q, row)
                    names = list(values)
                    connection.execute(
                        text(
                            f"INSERT INTO {self._q(table)} ({_names(names)}, {ROW_VERSION}) "
                            f"VALUES ({', '.join(f':v{i}' for i in range(len(names)))}, :step)"
                        ),
                        {
                            "step": self._step_id,
                            **{f"v{i}": values[n] for i, n in enumerate(names)},
                        },
                    )
                    key = (table, int(values[ROW_KEYS.get(table, "id")]))
                    self._pending[key] = self._step_id
        except IntegrityError:
            # A teammate took the same id first, or removed the record this one refers to.
            raise row_conflict(connection, self._q, row) from None

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
                raise row_conflict(connection, self._q, RowWork(key[0], key[1]))
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
