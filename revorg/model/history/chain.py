"""The hash chain: each step's hash covers the hash of the step before it and everything the
step says (when, who, which scenario, its name, its direction and every field change), as a
sha256 of canonical JSON. A row changed, removed or added outside RevOrg breaks the chain at that
step; `history_chain` keeps where the chain starts (its anchor, moved by a compaction) and the
last hash, so that steps cut off either end are seen too.

This is evidence, not proof: whoever edits the file can also recompute every hash. It shows a
log that was changed by hand or by another program, which is what a plan passed around by
e-mail meets.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from revorg.model.bulk import paused_gc

GENESIS = bytes(32)  # the previous hash of the first step ever recorded


@dataclass(frozen=True)
class StoredChange:
    """One field change as stored: JSON texts for the record id and the values."""

    scenario_id: int
    record: str
    record_id: str
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class StoredStep:
    id: int
    at: str
    who: str
    scenario_id: int
    text: str
    text_values: str
    direction: str
    previous_hash: bytes
    hash: bytes
    changes: tuple[StoredChange, ...]


def step_hash(
    previous: bytes,
    step_id: int,
    at: str,
    who: str,
    scenario_id: int,
    template: str,
    text_values: str,
    direction: str,
    changes: tuple[StoredChange, ...],
) -> bytes:
    content = {
        "previous": previous.hex(),
        "id": step_id,
        "at": at,
        "who": who,
        "scenario": scenario_id,
        "text": template,
        "values": text_values,
        "direction": direction,
        "changes": [[c.scenario_id, c.record, c.record_id, c.field, c.old, c.new] for c in changes],
    }
    # Every value is already text, a number or a list of them: json.dumps with the settings of
    # values.canonical gives its text, without its walk (a third of verify's time).
    encoded = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(encoded.encode("utf-8")).digest()


def expected_hash(step: StoredStep) -> bytes:
    return step_hash(
        step.previous_hash,
        step.id,
        step.at,
        step.who,
        step.scenario_id,
        step.text,
        step.text_values,
        step.direction,
        step.changes,
    )


@dataclass(frozen=True)
class LogProblem:
    """Where the log stops being what RevOrg wrote: the first step that does not match (None
    when the log as a whole cannot be read or its ends are missing), and why, in English."""

    step_id: int | None
    reason: str

    def __str__(self) -> str:
        where = f"step {self.step_id}" if self.step_id is not None else "the log"
        return f"{where}: {self.reason}"


def _text(value: Any) -> str:
    """A stored text read as bytes (so that bad UTF-8 is seen, not raised)."""
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return "" if value is None else str(value)


def _blob(value: Any) -> bytes:
    if isinstance(value, bytes):
        return value
    return b"" if value is None else str(value).encode("utf-8", errors="replace")


def _int(value: Any) -> int:
    return value if isinstance(value, int) else -1


STEP_COLUMNS = (
    "id, CAST(at AS BLOB), CAST(who AS BLOB), scenario_id, CAST(text AS BLOB), "
    "CAST(text_values AS BLOB), CAST(direction AS BLOB), previous_hash, hash"
)
CHANGE_COLUMNS = (
    "step_id, scenario_id, CAST(record AS BLOB), CAST(record_id AS BLOB), CAST(field AS BLOB), "
    "CAST(old AS BLOB), CAST(new AS BLOB)"
)


def stored_steps(
    session: Session,
    where: str = "",
    newest_first: bool = False,
    limit: int | None = None,
    **values: Any,
) -> list[StoredStep]:
    """Steps as stored, oldest first (or newest first), each with its changes in the order they
    were noted.

    `where` is an SQL condition on the steps (`s.` prefix), with its values as parameters.
    Text is read as bytes and decoded leniently: a damaged row is shown and reported, never
    raised."""
    condition = f"WHERE {where}" if where else ""
    order = "DESC" if newest_first else "ASC"
    cut = "" if limit is None else f"LIMIT {int(limit)}"
    query = f"SELECT {STEP_COLUMNS} FROM history_steps s {condition} ORDER BY s.id {order} {cut}"
    rows = session.execute(text(query), values).all()
    changes: dict[int, list[StoredChange]] = {}
    if rows:
        first, last = min(row[0] for row in rows), max(row[0] for row in rows)
        changes_query = text(
            f"SELECT {CHANGE_COLUMNS} FROM history_changes "
            "WHERE step_id BETWEEN :first AND :last ORDER BY id"
        )
        wanted = {row[0] for row in rows}
        for row in session.execute(changes_query, {"first": first, "last": last}):
            if row[0] in wanted:
                changes.setdefault(row[0], []).append(
                    StoredChange(
                        _int(row[1]),
                        _text(row[2]),
                        _text(row[3]),
                        _text(row[4]),
                        _text(row[5]),
                        _text(row[6]),
                    )
                )
    return [
        StoredStep(
            _int(row[0]),
            _text(row[1]),
            _text(row[2]),
            _int(row[3]),
            _text(row[4]),
            _text(row[5]),
            _text(row[6]),
            _blob(row[7]),
            _blob(row[8]),
            tuple(changes.get(row[0], ())),
        )
        for row in rows
    ]


def chain_ends(session: Session) -> tuple[bytes, bytes] | None:
    """The chain's anchor and head, or None when the log has no chain row yet."""
    row = session.execute(text("SELECT anchor, head FROM history_chain WHERE id = 1")).first()
    return None if row is None else (_blob(row[0]), _blob(row[1]))


def verify(session: Session) -> LogProblem | None:
    """The first place where the log is not as RevOrg wrote it, or None when the whole chain
    holds. Never raises for a damaged log: a log that cannot be read is itself the problem."""
    try:
        with paused_gc():  # 100,000 steps read at once: the collector would walk them all
            return _verify(session)
    except (sqlite3.Error, SQLAlchemyError, ValueError, TypeError) as error:
        return LogProblem(None, f"it cannot be read ({' '.join(str(error).split())})")


def lost_at_open(session: Session) -> LogProblem | None:
    """The log's rows that stayed in the file at open and could not be read in later
    (store.stored_log), once something has asked for the log."""
    driver = session.connection().connection.driver_connection
    reason = getattr(driver, "log_lost", None)
    if reason is None:
        return None
    return LogProblem(None, f"the steps recorded before the plan was opened are lost: {reason}")


def _verify(session: Session) -> LogProblem | None:
    steps = stored_steps(session)
    lost = lost_at_open(session)
    if lost is not None:
        return lost
    ends = chain_ends(session)
    if ends is None:
        if steps:
            return LogProblem(steps[0].id, "the start of the chain is missing")
        return None
    anchor, head = ends
    previous = anchor
    for step in steps:
        if step.previous_hash != previous:
            return LogProblem(step.id, "it does not follow the step before it")
        if expected_hash(step) != step.hash:
            return LogProblem(step.id, "it was changed after it was recorded")
        previous = step.hash
    if previous != head:
        last = steps[-1].id if steps else None
        return LogProblem(last, "steps after it were removed")
    orphan = session.execute(
        text(
            "SELECT min(step_id) FROM history_changes "
            "WHERE step_id NOT IN (SELECT id FROM history_steps)"
        )
    ).scalar()
    if orphan is not None:
        return LogProblem(_int(orphan), "its step was removed but not its field changes")
    return None
