"""A plan's version: the number of its latest change, what `summary --json` reports and what a
team plan's optimistic concurrency will compare (docs/team-plans.md)."""

from __future__ import annotations

import sqlite3

from sqlalchemy import text
from sqlalchemy.orm import Session

# The newest logged step's id, and the last one a compaction dropped (when it dropped them all).
_NEWEST_STEPS = (
    "SELECT (SELECT max(id) FROM history_steps), "
    "(SELECT last_dropped_id FROM history_chain WHERE id = 1)"
)


def plan_version(session: Session) -> int:
    """The id of the plan's newest logged step: step ids are never given twice, and a
    compaction that dropped every step keeps the last one's id. 0 before any change."""
    return _newest(tuple(session.execute(text(_NEWEST_STEPS)).one()))


def database_version(plan: sqlite3.Connection) -> int:
    """plan_version of a plan database without a session (a team plan's cached copy or
    image, revorg.model.team.cache_update)."""
    return _newest(tuple(plan.execute(_NEWEST_STEPS).fetchone()))


def _newest(row: tuple[object, ...]) -> int:
    return max(int(str(value or 0)) for value in row)
