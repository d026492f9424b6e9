"""An open team plan brought up to the server's plan after a refusal, without reading it again.

A refused edit means a teammate changed a row since the copy read it. Reading the whole plan
again (revorg.model.team.transfer.load) costs the rows of every table; the steps the teammates
made since are usually a handful. `catch_up` reads, over the link's own connection and in one
snapshot, the log's steps after the last one the copy has taken in and every row's version,
and plays the teammates' steps on the copy with the log's replay, exactly as the window's live
updates do (revorg.model.team.live.LivePlan.catch_up: each field must hold the value the step
found, else nothing is applied). The steps are untrusted input as rows are: a step the copy
cannot apply, or a gap in the log, leaves the copy as it was and says so (the caller then reads
the plan again, checked as any read is). The window's refusals take the steps in through its
own LivePlan (`catch_up_live`), whose mark and teammates' fields must move on with the copy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from revorg.model.editing.editor import PlanEditor
from revorg.model.team.document import TeamPlanDocument
from revorg.model.team.live import CatchUp, LivePlan, PlanListener

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
    live = LivePlan(link.document, _LinkReader(link.document, _driver(connection)))
    live.seen = link.seen
    return not catch_up_live(link, connection, editor, live).reload


def catch_up_live(
    link: TeamLink, connection: Connection, editor: PlanEditor, live: LivePlan
) -> CatchUp:
    """`live`'s catch-up (the window's, with its mark and its record of the teammates' fields)
    read over the link's connection instead of its listening one, which may be the one that
    broke; `reload` in the result when the copy cannot take the steps."""
    if connection.in_transaction():
        connection.rollback()
    raw = _driver(connection)
    listening = live.listener
    live.listener = _LinkReader(link.document, raw)
    # LivePlan reads in its own REPEATABLE READ transaction, begun and ended by hand.
    raw.autocommit = True
    try:
        result = live.catch_up(editor)
    finally:
        live.listener = listening
        try:
            raw.autocommit = False
        except Exception:  # a broken connection: never use it again (the link opens another)
            connection.invalidate()
    if not result.reload:
        link.seen = live.seen
    return result


def _driver(connection: Connection) -> psycopg.Connection[Any]:
    return connection.connection.driver_connection  # type: ignore[return-value]
