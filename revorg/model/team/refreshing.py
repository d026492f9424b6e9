"""An open team plan brought up to the server's plan after a refusal, without reading it again.

A refused edit means a teammate changed a row since the copy read it. Reading the whole plan
again (revorg.model.team.transfer.load) costs the rows of every table; the steps the teammates
made since are usually a handful. `catch_up` reads, over the link's own connection and in one
snapshot, the log's steps after the last one the copy has taken in and every row's version,
and plays the teammates' steps on the copy with the log's replay, exactly as the window's live
updates do (revorg.model.team.live.LivePlan.catch_up: each field must hold the value the step
found, else nothing is applied). The steps are untrusted input as rows are: a step the copy
cannot apply, or a gap in the log, leaves the copy as it was and says so (the caller then reads
the plan again, checked as any read is).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from revorg.model.editing.editor import PlanEditor
from revorg.model.team.document import TeamPlanDocument
from revorg.model.team.live import LivePlan, PlanListener

if TYPE_CHECKING:
    import psycopg
    from sqlalchemy import Connection

    from revorg.model.team.editing import TeamLink


class _LinkReader(PlanListener):
    """LivePlan's reader over the link's connection: it listens to nothing and is never
    closed here (the link closes its connection)."""

    def __init__(self, document: TeamPlanDocument, connection: psycopg.Connection[Any]) -> None:
        self.address = document.address
        self.plan_id = document.registered.id
        self.connection = connection

    def close(self) -> None:
        pass


def catch_up(link: TeamLink, connection: Connection, editor: PlanEditor) -> bool:
    """The teammates' steps after `link.seen` taken into the link's copy and `editor`'s cached
    rows; False, with nothing changed, when the copy cannot take them."""
    if connection.in_transaction():
        connection.rollback()
    raw: psycopg.Connection[Any] = connection.connection.driver_connection  # type: ignore[assignment]
    live = LivePlan(link.document, _LinkReader(link.document, raw))
    live.seen = link.seen
    # LivePlan reads in its own REPEATABLE READ transaction, begun and ended by hand.
    raw.autocommit = True
    try:
        result = live.catch_up(editor)
    finally:
        try:
            raw.autocommit = False
        except Exception:  # a broken connection: never use it again (the link opens another)
            connection.invalidate()
    if result.reload:
        return False
    link.seen = live.seen
    return True
