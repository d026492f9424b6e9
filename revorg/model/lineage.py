"""Lineage: what makes a position "the same card" in two scenarios of a plan."""

from __future__ import annotations

import uuid


def new_lineage() -> str:
    """A fresh lineage for a new position; copies of a scenario keep their positions' lineage."""
    return uuid.uuid4().hex


def lineage_of(position_id: int, lineage: str | None) -> str:
    """Rows from before file format 3 have no lineage: their id stands in for it."""
    return lineage or f"p{position_id}"
