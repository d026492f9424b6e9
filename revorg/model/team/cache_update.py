"""A cached copy of a team plan brought up to the server's plan with the log's steps after it.

Read in the caller's snapshot (the same one the registry and the marks were read in): the log's
chain row and the steps after the copy's version, with their changes. The copy must be a moment
of this very log: no compaction since (the chain's anchor and counts as the copy has them), the
steps after it numbered without a gap, the first following the copy's head by its previous
hash and each the one before. Their changes are then played with the log's own replay (each
field must hold the value the step found, as live updates and `push` play them:
revorg.model.history.replay), a viewer's with the amounts it cannot read left out
(revorg.model.team.live), and the steps, their changes and the chain's row are written as the
server has them, ids and hashes included: the copy is then what reading the plan whole gives.
Whatever does not fit raises `StaleCopyError` and the caller reads the plan whole.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Any

from revorg.model.history.chain import GENESIS, StoredChange, StoredStep
from revorg.model.history.replay import ReplayError, _Player
from revorg.model.history.version import database_version
from revorg.model.team.roles import SHARED_LOG_VIEW
from revorg.model.team.salaries import as_held
from revorg.model.team.storage import ROW_VERSION, VERSIONED_TABLES, row_key_sql

if TYPE_CHECKING:
    import psycopg

    from revorg.model.team.step_rows import RowKey

_CHAIN = "anchor, head, compacted_before, dropped, last_dropped_id"
_STEP = "id, at, who, scenario_id, text, text_values, direction, previous_hash, hash"
_CHANGE = "id, step_id, scenario_id, record, record_id, field, old, new"
# The chain's row before the log's first step: as the server's first step makes it.
_NEW = (GENESIS, GENESIS, None, 0, None)


class StaleCopyError(Exception):
    """The cached copy is not a moment of the server's log (the reason, for the debug log)."""


class ServerLog:
    """The server's log after a copy's version, asked for without waiting for the answer (the
    queries go out in the caller's pipeline; `take_in` reads them)."""

    def __init__(
        self, driver: psycopg.Connection[Any], schema: str, version: int, without_salaries: bool
    ) -> None:
        self.version = version
        self.without_salaries = without_salaries
        changes_table = SHARED_LOG_VIEW if without_salaries else "history_changes"
        self._chain, self._steps, self._changes = (driver.cursor() for _ in range(3))
        self._chain.execute(f'SELECT {_CHAIN} FROM "{schema}".history_chain WHERE id = 1')
        self._steps.execute(
            f'SELECT {_STEP} FROM "{schema}".history_steps WHERE id > %s ORDER BY id', (version,)
        )
        self._changes.execute(
            f'SELECT {_CHANGE} FROM "{schema}".{changes_table} WHERE step_id > %s ORDER BY id',
            (version,),
        )

    def take_in(self, copy: sqlite3.Connection) -> int:
        """Play the steps on `copy`, which must be at the version asked for; the number of
        steps taken in. Raises StaleCopyError, `copy` then in an unknown state."""
        server_chain = self._chain.fetchone() or _NEW
        steps, changes = self._steps.fetchall(), self._changes.fetchall()
        try:
            # A log never written to has no chain row yet: its first step makes it (sending.py).
            chain = (
                copy.execute(f"SELECT {_CHAIN} FROM history_chain WHERE id = 1").fetchone() or _NEW
            )
            cut, version = _cut(chain), database_version(copy)
        except (sqlite3.Error, ValueError, TypeError) as error:
            # The copy's log holds what RevOrg never writes there (a server's image is a file
            # from someone else): not a moment of this log.
            raise StaleCopyError(f"its log cannot be read: {error}") from None
        if cut != _cut(server_chain):
            raise StaleCopyError("the log was compacted, or is another plan's")
        if version != self.version:
            raise StaleCopyError("the copy is not at the version it says")
        if not steps:
            if bytes(chain[1]) != bytes(server_chain[1]):
                raise StaleCopyError("the copy's head is not the server's")
            return 0
        _check_links(self.version, bytes(chain[1]), steps, bytes(server_chain[1]))
        stored = _stored_steps(steps, changes)
        try:
            with copy:
                played = [as_held(step) for step in stored] if self.without_salaries else stored
                _Player(copy).play(played, backwards=False)
                copy.executemany(f"INSERT INTO history_steps ({_STEP}) VALUES ({_marks(9)})", steps)
                copy.executemany(
                    f"INSERT INTO history_changes ({_CHANGE}) VALUES ({_marks(8)})", changes
                )
                copy.execute(
                    f"INSERT OR REPLACE INTO history_chain (id, {_CHAIN}) VALUES (1, {_marks(5)})",
                    tuple(server_chain),
                )
        except (ReplayError, sqlite3.Error) as error:
            raise StaleCopyError(f"a step does not apply: {error}") from None
        return len(steps)


class ServerRowVersions:
    """Every versioned row's version, keyed as the whole read keys them (copying.copy_plan),
    asked for in the caller's pipeline; `result` reads them."""

    def __init__(self, driver: psycopg.Connection[Any], schema: str) -> None:
        self._tables = [(table, driver.cursor()) for table in VERSIONED_TABLES]
        for table, cursor in self._tables:
            cursor.execute(f'SELECT {row_key_sql(table)}, {ROW_VERSION} FROM "{schema}"."{table}"')

    def result(self) -> dict[RowKey, int]:
        return {
            (table, key): int(number)
            for table, cursor in self._tables
            for key, number in cursor.fetchall()
        }


def _cut(chain: tuple[Any, ...]) -> tuple[Any, ...]:
    """What a compaction changes in the chain's row: its anchor, cut, counts."""
    anchor, _head, compacted_before, dropped, last_dropped_id = chain
    return bytes(anchor), compacted_before, int(dropped or 0), int(last_dropped_id or 0)


def _check_links(
    version: int, head: bytes, steps: list[tuple[Any, ...]], server_head: bytes
) -> None:
    """The steps number on from the copy's version and each follows the one before, the first
    the copy's head, the last the server's head."""
    previous = head
    for expected_id, step in enumerate(steps, start=version + 1):
        if step[0] != expected_id:
            raise StaleCopyError(f"step {expected_id} is missing on the server")
        if bytes(step[7]) != previous:
            raise StaleCopyError(f"step {expected_id} does not follow the copy's log")
        previous = bytes(step[8])
    if previous != server_head:
        raise StaleCopyError("the server's head is not its newest step")


def _stored_steps(steps: list[tuple[Any, ...]], changes: list[tuple[Any, ...]]) -> list[StoredStep]:
    by_step: dict[int, list[StoredChange]] = {}
    for change in changes:
        by_step.setdefault(int(change[1]), []).append(
            StoredChange(int(change[2]), *(str(value) for value in change[3:]))
        )
    return [
        StoredStep(
            id=int(row[0]),
            at=str(row[1]),
            who=str(row[2]),
            scenario_id=int(row[3]),
            text=str(row[4]),
            text_values=str(row[5]),
            direction=str(row[6]),
            previous_hash=bytes(row[7]),
            hash=bytes(row[8]),
            changes=tuple(by_step.get(int(row[0]), ())),
        )
        for row in steps
    ]


def _marks(count: int) -> str:
    return ", ".join("?" for _ in range(count))
