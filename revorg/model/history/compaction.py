"""Compacting the log: the steps recorded before a day are dropped; the previous hash of the
first step kept becomes the chain's anchor, so the rest still verifies (revorg.model.history.
chain). Not an edit: nothing of the plan changes, and nothing to undo."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from revorg.model.history.chain import GENESIS, chain_ends


@dataclass(frozen=True)
class Compaction:
    dropped: int
    kept: int


def compact_before(session: Session, day: datetime.date) -> Compaction:
    """Drop the steps recorded before `day` (UTC) with their field changes."""
    cut = day.isoformat()
    first_kept = session.execute(
        text("SELECT id, previous_hash FROM history_steps WHERE at >= :cut ORDER BY id LIMIT 1"),
        {"cut": cut},
    ).first()
    ends = chain_ends(session)
    if first_kept is None:  # every step is older: the chain starts again where it ended
        last = session.execute(
            text("SELECT id FROM history_steps ORDER BY id DESC LIMIT 1")
        ).scalar()
        boundary = None if last is None else int(last) + 1
        anchor = ends[1] if ends is not None else GENESIS
    else:
        boundary = int(first_kept[0])
        anchor = first_kept[1]
    if boundary is None:
        return Compaction(0, 0)
    parameters = {"boundary": boundary}
    # The changes first, by their index: faster than the cascade, row by row.
    session.execute(text("DELETE FROM history_changes WHERE step_id < :boundary"), parameters)
    dropped = int(
        session.execute(
            text("SELECT count(*) FROM history_steps WHERE id < :boundary"), parameters
        ).scalar()
        or 0
    )
    session.execute(text("DELETE FROM history_steps WHERE id < :boundary"), parameters)
    kept = int(session.execute(text("SELECT count(*) FROM history_steps")).scalar() or 0)
    if ends is None:
        session.execute(
            text(
                "INSERT INTO history_chain "
                "(id, anchor, head, compacted_before, dropped, last_dropped_id) "
                "VALUES (1, :anchor, :anchor, :cut, :dropped, :last)"
            ),
            {"anchor": anchor, "cut": cut, "dropped": dropped, "last": boundary - 1},
        )
    else:
        session.execute(
            text(
                "UPDATE history_chain SET anchor = :anchor, compacted_before = :cut, "
                "dropped = dropped + :dropped, "
                "last_dropped_id = max(coalesce(last_dropped_id, 0), :last) WHERE id = 1"
            ),
            {"anchor": anchor, "cut": cut, "dropped": dropped, "last": boundary - 1},
        )
    return Compaction(dropped, kept)
