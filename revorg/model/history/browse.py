"""The log as the History panel reads it: one page of steps at a time, newest first, filtered
by person, scenario, card and time, so that a log of 100,000 steps opens as fast as one of ten.

Pages are read by key (the steps before the last id shown), never by offset: each page costs
the same, however deep the user scrolls. A card is followed by its lineage, so its changes in
copies of its scenario count too (revorg.model.lineage). No Qt.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from revorg.model.editing.change import RecordKind
from revorg.model.entities import Position
from revorg.model.history.chain import (
    LogProblem,
    chain_ends,
    expected_hash,
    lost_at_open,
    stored_steps,
)
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
    value = session.execute(text("SELECT max(id) FROM history_steps")).scalar()
    return None if value is None else int(value)


def log_mark(session: Session) -> tuple[Any, ...]:
    """What changes whenever the log does: its last step's id and the chain's head (keystrokes
    folded into the last step change the head, not the id). A view reads its first page again
    only when the mark moved."""
    row = session.execute(
        text(
            "SELECT (SELECT max(id) FROM history_steps), "
            "(SELECT head FROM history_chain WHERE id = 1)"
        )
    ).first()
    return tuple(row) if row is not None else ()


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


class ChainCheck:
    """`chain.verify`, a slice at a time: the same checks in the same order, so that a window
    can check a log of 100,000 steps (1.4 s at once) between other events without freezing.

    Call `advance()` until it returns True; `problem` is then what verify would say. Steps
    recorded meanwhile are checked too: they extend the chain."""

    def __init__(self, session: Session, slice_steps: int = 500) -> None:
        self.session = session
        self.slice_steps = slice_steps
        self.problem: LogProblem | None = None
        self.done = False
        self._last_id: int | None = None
        self._previous: bytes | None = None

    def advance(self) -> bool:
        """Check the next slice; True once the whole log has been checked."""
        if self.done:
            return True
        try:
            self._advance()
        except (sqlite3.Error, SQLAlchemyError, ValueError, TypeError) as error:
            reason = " ".join(str(error).split())
            self._finish(LogProblem(None, f"it cannot be read ({reason})"))
        return self.done

    def _finish(self, problem: LogProblem | None) -> None:
        self.problem, self.done = problem, True

    def _advance(self) -> None:
        ends = chain_ends(self.session)
        lost = lost_at_open(self.session)
        if lost is not None:
            self._finish(lost)
            return
        if ends is None:
            first = stored_steps(self.session, limit=1)
            self._finish(
                LogProblem(first[0].id, "the start of the chain is missing") if first else None
            )
            return
        if self._previous is None:
            self._previous = ends[0]
        after: dict[str, Any] = {} if self._last_id is None else {"after": self._last_id}
        where = "" if self._last_id is None else "s.id > :after"
        steps = stored_steps(self.session, where, limit=self.slice_steps, **after)
        for step in steps:
            if step.previous_hash != self._previous:
                self._finish(LogProblem(step.id, "it does not follow the step before it"))
                return
            if expected_hash(step) != step.hash:
                self._finish(LogProblem(step.id, "it was changed after it was recorded"))
                return
            self._previous, self._last_id = step.hash, step.id
        if len(steps) == self.slice_steps:
            return  # more to read
        if self._previous != ends[1]:
            self._finish(LogProblem(self._last_id, "steps after it were removed"))
            return
        orphan = self.session.execute(
            text(
                "SELECT min(step_id) FROM history_changes "
                "WHERE step_id NOT IN (SELECT id FROM history_steps)"
            )
        ).scalar()
        self._finish(
            None
            if orphan is None
            else LogProblem(int(orphan), "its step was removed but not its field changes")
        )
