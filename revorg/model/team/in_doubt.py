"""A step whose commit may have landed although its answer never came (issue 17).

The connection can break after the server committed a step and before its answer reached this
side (a cut during COMMIT, a server stopped at that moment). The window then keeps the edit
waiting (revorg.model.team.session) and sends it again once the server answers. Written again,
it would be refused against the user's own step, told as a teammate's conflict naming the user.

So the step that was being sent when the connection broke is kept (`StepInDoubt`, one per open
plan), with the plan's version then (the step it became has a later id). When the waiting edit
is sent again and is the same step (only its time differs: it is made again), the server's log
is asked first, under the lock the send takes anyway: a step by the same user, at the same
time, with the same text and the same field changes is that step. The send then writes nothing
and takes that step as its own (revorg.model.team.sending.Sender), so it stays the user's edit,
which their undo undoes. Live updates (revorg.model.team.live) leave that step to the resend
when they meet it first (a listening connection that survived), for the same reason.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Connection, text

from revorg.model.history.chain import StoredStep
from revorg.model.team.step_rows import SCENARIO_ROWS, RowKey, StepToSend, row_work
from revorg.model.team.storage import ROW_KEYS


@dataclass(frozen=True)
class InDoubt:
    """A step sent over a connection that broke before the answer: it may be on the server."""

    step: StepToSend
    after: int  # the plan's version when it was sent


class StepInDoubt:
    """The step of an open plan that may be on the server although no answer said so."""

    def __init__(self) -> None:
        self.held: InDoubt | None = None

    def lost(self, step: StepToSend, after: int) -> None:
        """The connection broke during the send of `step` (the plan then at version `after`):
        unless an earlier step is still in doubt, this one may have landed."""
        if self.held is None:
            self.held = InDoubt(step, after)

    def settled(self) -> None:
        """A send is known to have committed, or the step is known not to be on the server."""
        self.held = None

    def is_logged_as(self, logged: StoredStep) -> bool:
        """Whether a step of the server's log is the step in doubt."""
        doubt = self.held
        if doubt is None or logged.id <= doubt.after:
            return False
        step = doubt.step
        return (logged.who, logged.at, logged.scenario_id, logged.text, logged.text_values,
                logged.direction, logged.changes) == (step.who, step.at, step.scenario_id,
                step.template, step.text_values, step.direction, step.changes)  # fmt: skip


def same_step(made_again: StepToSend, doubt: InDoubt) -> bool:
    """Whether an edit made again is the step in doubt (everything but the time it was made)."""
    return dataclasses.replace(made_again, at=doubt.step.at) == doubt.step


def landed_step(connection: Connection, q: Callable[[str], str], doubt: InDoubt) -> int | None:
    """The id of the step in doubt on the server, if it landed; in the caller's transaction.
    Only steps after `doubt.after` are looked at: a few, as the log holds the chain locked."""
    step = doubt.step
    candidates = connection.execute(
        text(
            f"SELECT id FROM {q('history_steps')} WHERE id > :after AND who = :who AND at = :at "
            "AND scenario_id = :scenario AND text = :text AND text_values = :values "
            "AND direction = :direction ORDER BY id"
        ),
        {
            "after": doubt.after, "who": step.who, "at": step.at, "scenario": step.scenario_id,
            "text": step.template, "values": step.text_values, "direction": step.direction,
        },
    ).scalars()  # fmt: skip
    wanted = [dataclasses.astuple(change) for change in step.changes]
    for step_id in list(candidates):
        logged = connection.execute(
            text(
                f"SELECT scenario_id, record, record_id, field, old, new "
                f"FROM {q('history_changes')} WHERE step_id = :step ORDER BY id"
            ),
            {"step": step_id},
        )
        if [tuple(row) for row in logged] == wanted:
            return int(step_id)
    return None


def landed_versions(
    step: StepToSend, step_id: int, versions: dict[RowKey, int], memory: sqlite3.Connection
) -> dict[RowKey, int | None]:
    """The versions a send of `step` would have given its rows, had it been written as
    `step_id` now (None: the row is gone), for the rows the step in doubt wrote."""
    work = row_work(step.changes)
    taken: dict[RowKey, int | None] = {
        (row.table, row.key): None if row.removed else step_id for row in work
    }
    if any(row.removed and row.table == "scenarios" for row in work):
        # A removed scenario's rows went with it (ON DELETE CASCADE): memory no longer has them.
        for table in SCENARIO_ROWS:
            column = ROW_KEYS[table]
            held = {(table, int(r[0])) for r in memory.execute(f'SELECT "{column}" FROM "{table}"')}
            taken.update((key, None) for key in versions if key[0] == table and key not in held)
    return taken
