"""A step whose commit may have landed although its answer never came (issue 17).

The connection can break after the server committed a step and before its answer reached this
side (a cut during COMMIT, a server stopped at that moment). The window keeps the edit waiting
(revorg.model.team.session) and sends it again once the server answers; written again, it would
be refused against the user's own step, told as a teammate's conflict naming the user, or,
brought up to date meanwhile, written a second time over what came after it.

So the step being sent when the connection broke is kept (`InDoubt`, on the session's link),
with the plan's version then: the step it became has a later id. Before anything waiting is
sent again, the server's log is asked once whether it holds that step (`landed_step`): a step
after that version by the same user, at the same time, with the same text and the same field
changes. If so, the waiting edit is not sent again: it is on the server, and the copy takes it
in from the log as it takes any step (revorg.model.team.live).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from sqlalchemy import Connection, text

from revorg.model.history.chain import StoredStep
from revorg.model.team.step_rows import StepToSend


@dataclass(frozen=True)
class InDoubt:
    """A step sent over a connection that broke before the answer: it may be on the server."""

    step: StepToSend
    after: int  # the plan's version when it was sent

    def is_logged_as(self, logged: StoredStep) -> bool:
        """Whether a step of the server's log is this one (what `landed_step` asks the server,
        for a step already read)."""
        step = self.step
        return logged.id > self.after and (
            logged.who, logged.at, logged.scenario_id, logged.text, logged.text_values,
            logged.direction, logged.changes,
        ) == (
            step.who, step.at, step.scenario_id, step.template, step.text_values,
            step.direction, step.changes,
        )  # fmt: skip


def landed_step(connection: Connection, schema: str, doubt: InDoubt) -> int | None:
    """The id of the step in doubt in the log of the plan's `schema`, if it landed, in the
    caller's transaction. The log's head is locked for share first: a send still committing
    (a stalled commit, the step itself) is waited for, not missed (up to the transaction's
    lock_timeout). Only the steps after `doubt.after` are looked at: those since the
    connection broke."""
    connection.execute(text(f'SELECT 1 FROM "{schema}".history_chain WHERE id = 1 FOR SHARE'))
    step = doubt.step
    candidates = connection.execute(
        text(
            f'SELECT id FROM "{schema}".history_steps WHERE id > :after AND who = :who '
            "AND at = :at AND scenario_id = :scenario AND text = :text "
            "AND text_values = :values AND direction = :direction ORDER BY id"
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
                "SELECT scenario_id, record, record_id, field, old, new "
                f'FROM "{schema}".history_changes WHERE step_id = :step ORDER BY id'
            ),
            {"step": step_id},
        )
        if [tuple(row) for row in logged] == wanted:
            return int(step_id)
    return None
