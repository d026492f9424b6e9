"""The change log's photos (revorg.model.photos) played on a plan database, for
revorg.model.history.replay: a lineage's photo set, replaced or removed, its image kept in the
log as a data URL. Checked as the other records are: the photo there must be the one the log
says it replaces, byte for byte."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from revorg.model.editing.photos import PHOTO_FIELD
from revorg.model.photos import Photo

Damaged = Callable[[int, str], Exception]


def play_photo(
    db: sqlite3.Connection,
    step_id: int,
    lineage: Any,
    field: str,
    old: Any,
    new: Any,
    damaged: Damaged,
) -> None:
    """One photo change, old and new already in the direction played."""
    if not isinstance(lineage, str) or field != PHOTO_FIELD:
        raise damaged(step_id, f"a photo change of {field!r}")
    try:
        before = None if old is None else Photo.from_log_text(old)
        after = None if new is None else Photo.from_log_text(new)
    except ValueError as error:
        raise damaged(step_id, f"the photo of {lineage}: {error}") from None
    found = db.execute(
        "SELECT image, media_type FROM photos WHERE lineage = ?", (lineage,)
    ).fetchone()
    there = None if found is None else (bytes(found[0]), str(found[1]))
    if there != (None if before is None else (before.image, before.media_type)):
        raise damaged(step_id, f"the photo of {lineage} is not as the log says")
    db.execute("DELETE FROM photos WHERE lineage = ?", (lineage,))
    if after is not None:
        db.execute(
            "INSERT INTO photos (lineage, image, media_type) VALUES (?, ?, ?)",
            (lineage, after.image, after.media_type),
        )
