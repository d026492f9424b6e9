"""The log as the History panel reads it: one page of steps at a time, newest first, filtered
by person, scenario, card and time, so that a log of 100,000 steps opens as fast as one of ten.

Pages are read by key (the steps before the last id shown), never by offset: each page costs
the same, however deep the user scrolls. A card is followed by its lineage, so its changes in
copies of its scenario count too (revorg.model.lineage). No Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from revorg.model.editing.change import RecordKind
from revorg.model.entities import Position
from revorg.model.history.chain import stored_steps
from revorg.model.history.reading import LoggedChange, LoggedStep
from revorg.model.history.reading import _logged as logged  # one decoding of a stored step

PAGE = 200  # steps a page holds: a screenful many times over, read in a few milliseconds


@dataclass(frozen=True)
class StepFilter:
    """Which steps to show; None: any. Times are UTC ISO text, as the log keeps them: `since`
    included, `until` excluded."""

    who: str | None = None
    scenario_id: int | None = None
    lineage: str | None = None  # a card, in every scenario that has a copy of it
    since: str | None = None
    until: str | None = None

    @property
    def is_empty(self) -> bool:
        return self == StepFilter()


def lineage_position_ids(session: Session, lineage: str) -> list[int]:
    """The positions of every scenario that are the card `lineage` (ids of rows from before
    lineages existed stand in for it as "p<id>")."""
    query = select(Position.id).where(Position.lineage == lineage)
    ids = list(session.scalars(query))
    if lineage.startswith("p") and lineage[1:].isdigit():
        old = session.get(Position, int(lineage[1:]))
        if old is not None and old.lineage is None and old.id not in ids:
            ids.append(old.id)
    return sorted(ids)


def _condition(session: Session, wanted: StepFilter) -> tuple[list[str], dict[str, Any]]:
    conditions: list[str] = []
    values: dict[str, Any] = {}
    if wanted.who is not None:
        conditions.append("s.who = :who")
        values["who"] = wanted.who
    if wanted.scenario_id is not None:
        # As revorg history --scenario: made in it, changed one of its records, or named it.
        conditions.append(
            "(s.scenario_id = :scenario OR EXISTS (SELECT 1 FROM history_changes c "
            "WHERE c.step_id = s.id AND (c.scenario_id = :scenario "
            "OR (c.record = 'scenario' AND c.record_id = :scenario_json))))"
        )
        values["scenario"] = wanted.scenario_id
        values["scenario_json"] = str(wanted.scenario_id)
    if wanted.lineage is not None:
        ids = lineage_position_ids(session, wanted.lineage)
        # From the index on (record, record_id): a card changed ten times in 100,000 steps is
        # found without walking the steps.
        names = [f"card{index}" for index in range(len(ids))]
        listed = ", ".join(f":{name}" for name in names) or "NULL"
        conditions.append(
            "s.id IN (SELECT step_id FROM history_changes "
            f"WHERE record = 'position' AND record_id IN ({listed}))"
        )
        values.update({name: str(position) for name, position in zip(names, ids, strict=True)})
    if wanted.since is not None:
        conditions.append("s.at >= :since")
        values["since"] = wanted.since
    if wanted.until is not None:
        conditions.append("s.at < :until")
        values["until"] = wanted.until
    return conditions, values


def page(
    session: Session, wanted: StepFilter, before: int | None = None, limit: int = PAGE
) -> list[LoggedStep]:
    """Up to `limit` steps that `wanted` lets through, newest first, older than step `before`
    (None: from the newest), each with all its field changes."""
    conditions, values = _condition(session, wanted)
    if before is not None:
        conditions.append("s.id < :before")
        values["before"] = before
    where = " AND ".join(conditions)
    steps = stored_steps(session, where, newest_first=True, limit=limit, **values)
    return [logged(step) for step in steps]


def step_by_id(session: Session, step_id: int) -> LoggedStep | None:
    steps = stored_steps(session, "s.id = :id", id=step_id)
    return logged(steps[0]) if steps else None


def people(session: Session) -> list[str]:
    """Everyone who made a step, in alphabetical order (read when the list is opened)."""
    rows = session.execute(text("SELECT DISTINCT who FROM history_steps ORDER BY who"))
    return [str(row[0]) for row in rows]


def newest_id(session: Session) -> int | None:
    """The last step's id: the panel reads its first page again only when it moved."""
    value = session.execute(text("SELECT max(id) FROM history_steps")).scalar()
    return None if value is None else int(value)


def card_steps(
    session: Session, lineage: str, before: int | None = None, limit: int = PAGE
) -> list[LoggedStep]:
    """The steps that changed the card `lineage` in any scenario, newest first, each with only
    the changes of that card."""
    ids = {str(position) for position in lineage_position_ids(session, lineage)}
    steps = page(session, StepFilter(lineage=lineage), before, limit)
    return [replace(step, changes=card_changes(step, ids)) for step in steps]


def card_changes(step: LoggedStep, position_ids: set[str]) -> tuple[LoggedChange, ...]:
    return tuple(
        change
        for change in step.changes
        if change.record == RecordKind.POSITION and str(change.record_id) in position_ids
    )
