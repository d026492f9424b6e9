"""Scenarios of a plan: copy, rename, remove and restore one (comparing two of them is
revorg.model.comparison).

Like revorg.model.edits, every change is a plain operation on the ORM session that an undo
command can repeat: a copy is computed first as a snapshot (with its new ids) and inserted
afterwards, and a removed scenario comes back from its snapshot with the same ids.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Select, delete, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from revorg.model.bulk import driver_connection, paused_gc
from revorg.model.entities import (
    Assumption,
    DottedLine,
    Plan,
    Position,
    Scenario,
    Targets,
    column_values,
)
from revorg.model.errors import QT_TRANSLATE_NOOP, PlanEditError
from revorg.model.org_tree import OrgTree

__all__ = [
    "COPY_NAME",
    "NUMBERED_COPY_NAME",
    "ScenarioSnapshot",
    "StoredRows",
    "check_scenario_name",
    "copy_scenario_rows",
    "insert_scenario",
    "managers_first",
    "remove_scenario",
    "rename_scenario",
    "snapshot_scenario",
    "unique_copy_name",
]

Row = dict[str, Any]

# A copy's name; the window passes these templates in its language ("Base (copia 2)").
COPY_NAME = QT_TRANSLATE_NOOP("ScenarioName", "{name} (copy)")
NUMBERED_COPY_NAME = QT_TRANSLATE_NOOP("ScenarioName", "{name} (copy {number})")


# --- snapshots: one scenario's rows ---------------------------------------------------------


@dataclass(frozen=True)
class StoredRows:
    """Rows of one table as SQLite stores them (money in cents, months as text), as tuples in
    the order of `columns`: a large plan's positions are copied, kept for undo and inserted
    again without an object or a conversion per value."""

    table: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]

    def index(self, column: str) -> int:
        return self.columns.index(column)

    def values(self, column: str) -> list[Any]:
        index = self.index(column)
        return [row[index] for row in self.rows]

    def as_dicts(self) -> list[Row]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]

    def __len__(self) -> int:
        return len(self.rows)


@dataclass(frozen=True)
class ScenarioSnapshot:
    """Every row of one scenario, so it can be inserted with the same ids.

    The scenario, its targets and assumptions are column values, as the entities hold them;
    positions and dotted lines, tens of thousands of rows in a large plan, as stored. Positions
    come managers before reports (the manager key is also deferred, so the order is a courtesy
    to readers rather than a need of the database).
    """

    scenario: Row
    targets: Row | None
    assumptions: tuple[Row, ...]
    positions: StoredRows
    dotted_lines: StoredRows

    @property
    def scenario_id(self) -> int:
        return int(self.scenario["id"])

    @property
    def name(self) -> str:
        return str(self.scenario["name"])

    @property
    def position_ids(self) -> list[int]:
        return self.positions.values("id")


def snapshot_scenario(session: Session, scenario_id: int) -> ScenarioSnapshot:
    """Copy the rows that removing the scenario would delete."""
    connection = driver_connection(session)
    scenario = _scenario(session, scenario_id)
    targets = session.get(Targets, scenario_id)
    with paused_gc():  # a tuple per position
        positions = _stored_rows(connection, Position.__tablename__, scenario_id)
        id_at, manager_at = positions.index("id"), positions.index("manager_id")
        by_id = {row[id_at]: row for row in positions.rows}
        tree = OrgTree.of_links((row[id_at], row[manager_at]) for row in positions.rows)
        return ScenarioSnapshot(
            scenario=column_values(scenario),
            targets=None if targets is None else column_values(targets),
            assumptions=_rows(
                session, select(Assumption).where(Assumption.scenario_id == scenario_id)
            ),
            positions=replace(positions, rows=tuple(map(by_id.__getitem__, tree.managers_first()))),
            dotted_lines=_stored_rows(connection, DottedLine.__tablename__, scenario_id),
        )


def insert_scenario(session: Session, snapshot: ScenarioSnapshot) -> None:
    """Put a snapshot's rows in the plan (a new copy, or a removed scenario coming back)."""
    _check_unique(session, snapshot.scenario["plan_id"], snapshot.name)
    scenario = Scenario(**snapshot.scenario)
    session.add(scenario)
    session.flush()
    if snapshot.targets is not None:
        session.add(Targets(**snapshot.targets))
    session.add_all(Assumption(**row) for row in snapshot.assumptions)
    connection = driver_connection(session)
    _insert_stored(connection, snapshot.positions)
    _insert_stored(connection, snapshot.dotted_lines)
    session.expire(scenario)  # its collections were empty when it was added
    _reload_scenario_list(session, snapshot.scenario["plan_id"])


def remove_scenario(session: Session, scenario_id: int) -> None:
    """Delete a scenario and all its rows; a plan always keeps at least one scenario."""
    session.flush()
    removed = _scenario(session, scenario_id)
    plan_id = removed.plan_id
    working = select(func.count(Scenario.id)).where(
        Scenario.plan_id == plan_id, Scenario.snapshot_at.is_(None)
    )
    if not removed.is_snapshot and (session.scalar(working) or 0) <= 1:
        raise PlanEditError(
            QT_TRANSLATE_NOOP(
                "PlanEditError", "a plan needs at least one scenario: this is its only one"
            )
        )
    for entity, column in (
        (DottedLine, DottedLine.scenario_id),
        (Position, Position.scenario_id),
        (Assumption, Assumption.scenario_id),
        (Targets, Targets.scenario_id),
        (Scenario, Scenario.id),
    ):
        session.execute(
            delete(entity).where(column == scenario_id),
            execution_options={"synchronize_session": "fetch"},
        )
    session.flush()
    _reload_scenario_list(session, plan_id)


def managers_first(rows: Sequence[Row]) -> list[Row]:
    """Position rows in pre-order (each manager before its reports, in the rows' order), in
    linear time: see OrgTree.managers_first for rows whose manager is outside the set and for
    a damaged plan's reporting cycles."""
    by_id = {row["id"]: row for row in rows}
    tree = OrgTree.of_links((row["id"], row["manager_id"]) for row in rows)
    return [by_id[i] for i in tree.managers_first()]


# --- copy and rename -------------------------------------------------------------------------


def copy_scenario_rows(session: Session, source_scenario_id: int, name: str) -> ScenarioSnapshot:
    """A new scenario copied from another, with fresh ids, not yet in the plan.

    The caller inserts it (insert_scenario), so that an undo command can remove it and insert
    it again with the same ids. Positions keep their lineage: compare matches cards by it. The
    copy is a scenario to work on, even of a snapshot (revorg.model.snapshots sets the marks).
    """
    source = snapshot_scenario(session, source_scenario_id)
    plan_id = source.scenario["plan_id"]
    name = check_scenario_name(session, plan_id, name)
    scenario_id = _next_id(session, Scenario.id)
    position_ids = _renumbered(
        sorted(source.position_ids), _next_id(session, Position.id)
    )  # same relative order as the source: the chart lists positions by id
    return ScenarioSnapshot(
        scenario={
            **source.scenario,
            "id": scenario_id,
            "name": name,
            "sort_order": _next_sort_order(session, plan_id),
            "snapshot_at": None,
            "snapshot_by": None,
            "snapshot_of": None,
        },
        targets=None if source.targets is None else {**source.targets, "scenario_id": scenario_id},
        assumptions=_copied(source.assumptions, scenario_id, _next_id(session, Assumption.id)),
        positions=_copied_positions(source.positions, scenario_id, position_ids),
        dotted_lines=_copied_lines(source.dotted_lines, scenario_id, position_ids, session),
    )


def rename_scenario(session: Session, scenario_id: int, name: str) -> str:
    """Rename a scenario; returns the previous name, for undo."""
    scenario = _scenario(session, scenario_id)
    previous = scenario.name
    scenario.name = check_scenario_name(session, scenario.plan_id, name, scenario_id)
    session.flush()
    return previous


def check_scenario_name(
    session: Session, plan_id: int, name: str, scenario_id: int | None = None
) -> str:
    """The name, trimmed, if it can name a scenario of the plan (`scenario_id` is the one being
    renamed); raises PlanEditError with a message for the user otherwise.

    Checked here rather than left to the unique constraint, whose error means nothing to a user.
    """
    trimmed = name.strip()
    if not trimmed:
        raise PlanEditError(QT_TRANSLATE_NOOP("PlanEditError", "a scenario needs a name"))
    _check_unique(session, plan_id, trimmed, scenario_id)
    return trimmed


def _check_unique(
    session: Session, plan_id: int, name: str, scenario_id: int | None = None
) -> None:
    session.flush()
    query = select(Scenario.snapshot_at).where(Scenario.plan_id == plan_id, Scenario.name == name)
    if scenario_id is not None:
        query = query.where(Scenario.id != scenario_id)
    taken = session.execute(query).first()
    if taken is not None and taken.snapshot_at is not None:
        raise PlanEditError(
            QT_TRANSLATE_NOOP("PlanEditError", "the plan already has a snapshot named {name}"),
            name=repr(name),
        )
    if taken is not None:
        raise PlanEditError(
            QT_TRANSLATE_NOOP("PlanEditError", "the plan already has a scenario named {name}"),
            name=repr(name),
        )


def unique_copy_name(
    plan: Plan, base: str, first: str = COPY_NAME, numbered: str = NUMBERED_COPY_NAME
) -> str:
    """ "Base (copy)", then "Base (copy 2)"...; a copy of a copy counts on, not "(copy) (copy)".
    `first` and `numbered` are the templates of COPY_NAME and NUMBERED_COPY_NAME."""
    stem = _stem_of_copy(base.strip(), (first, numbered))
    taken = {scenario.name for scenario in [*plan.scenarios, *plan.snapshots]}
    candidate, number = first.format(name=stem), 1
    while candidate in taken:
        number += 1
        candidate = numbered.format(name=stem, number=number)
    return candidate


def _stem_of_copy(name: str, templates: tuple[str, ...]) -> str:
    """ "Base" of "Base (copy 2)": the name a copy was named after, else the name itself."""
    for template in templates:
        pattern = (
            re.escape(template)
            .replace(re.escape("{name}"), "(?P<stem>.+?)")
            .replace(re.escape("{number}"), r"\d+")
        )
        found = re.fullmatch(pattern, name)
        if found:
            return found["stem"]
    return name


def _copied_positions(
    positions: StoredRows, scenario_id: int, new_ids: dict[int, int]
) -> StoredRows:
    """The positions under their new ids, in the copy; a manager outside the scenario is
    dropped (None), as a damaged plan's would be."""
    id_at, scenario_at, manager_at = (
        positions.index(name) for name in ("id", "scenario_id", "manager_id")
    )
    rows = []
    for row in positions.rows:
        copied = list(row)
        copied[id_at] = new_ids[row[id_at]]
        copied[scenario_at] = scenario_id
        copied[manager_at] = new_ids.get(row[manager_at])
        rows.append(tuple(copied))
    return replace(positions, rows=tuple(rows))


def _copied_lines(
    lines: StoredRows, scenario_id: int, new_ids: dict[int, int], session: Session
) -> StoredRows:
    """Dotted lines between the copied positions (a line to outside the scenario is dropped)."""
    id_at, scenario_at, from_at, to_at = (
        lines.index(name) for name in ("id", "scenario_id", "from_position_id", "to_position_id")
    )
    kept = [row for row in lines.rows if row[from_at] in new_ids and row[to_at] in new_ids]
    first = _next_id(session, DottedLine.id)
    rows = []
    for index, row in enumerate(kept):
        copied = list(row)
        copied[id_at] = first + index
        copied[scenario_at] = scenario_id
        copied[from_at] = new_ids[row[from_at]]
        copied[to_at] = new_ids[row[to_at]]
        rows.append(tuple(copied))
    return replace(lines, rows=tuple(rows))


def _copied(rows: Sequence[Row], scenario_id: int, first_id: int) -> tuple[Row, ...]:
    return tuple(
        {**row, "id": first_id + index, "scenario_id": scenario_id}
        for index, row in enumerate(rows)
    )


def _renumbered(ids: Iterable[int], first: int) -> dict[int, int]:
    return {old: first + index for index, old in enumerate(ids)}


def _next_id(session: Session, column: InstrumentedAttribute[int]) -> int:
    session.flush()
    return (session.scalar(select(func.max(column))) or 0) + 1


def _next_sort_order(session: Session, plan_id: int) -> int:
    query = select(func.max(Scenario.sort_order)).where(Scenario.plan_id == plan_id)
    highest = session.scalar(query)
    return 0 if highest is None else highest + 1


def _scenario(session: Session, scenario_id: int) -> Scenario:
    scenario = session.get(Scenario, scenario_id)
    if scenario is None:
        raise PlanEditError(f"no scenario with id {scenario_id}")
    return scenario


def _rows(session: Session, query: Select[Any]) -> tuple[Row, ...]:
    """Rows in id order, so that a snapshot (and a copy's new ids) follow the source's order."""
    entity = query.column_descriptions[0]["entity"]
    return tuple(column_values(item) for item in session.scalars(query.order_by(entity.id)))


def _stored_rows(connection: sqlite3.Connection, table: str, scenario_id: int) -> StoredRows:
    """A scenario's rows of a table as SQLite stores them, in id order."""
    cursor = connection.execute(
        f'SELECT * FROM "{table}" WHERE scenario_id = ? ORDER BY id', (scenario_id,)
    )
    columns = tuple(column[0] for column in cursor.description)
    return StoredRows(table, columns, tuple(cursor.fetchall()))


def _insert_stored(connection: sqlite3.Connection, stored: StoredRows) -> None:
    """Insert rows read by _stored_rows (ORM objects would cost twenty times as much)."""
    columns = ", ".join(f'"{name}"' for name in stored.columns)
    values = ", ".join("?" * len(stored.columns))
    sql = f'INSERT INTO "{stored.table}" ({columns}) VALUES ({values})'
    connection.executemany(sql, stored.rows)


def _reload_scenario_list(session: Session, plan_id: int) -> None:
    """Plan.scenarios is loaded once and kept (expire_on_commit is off): reload it in order."""
    plan = session.get(Plan, plan_id)
    if plan is not None:
        session.expire(plan, ["scenarios", "snapshots"])
