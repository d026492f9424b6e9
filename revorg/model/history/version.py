"""A plan's version: the number of its latest change, what `summary --json` reports and what a
team plan's optimistic concurrency will compare (docs/team-plans.md)."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session


def plan_version(session: Session) -> int:
    """The id of the plan's newest logged step: step ids are never given twice, and a
    compaction that dropped every step keeps the last one's id. 0 before any change."""
    row = session.execute(
        text(
            "SELECT (SELECT max(id) FROM history_steps), "
            "(SELECT last_dropped_id FROM history_chain WHERE id = 1)"
        )
    ).one()
    return max(int(value) for value in (row[0] or 0, row[1] or 0))
