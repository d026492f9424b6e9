"""Scenarios of a plan: copy, rename, remove and restore one, and compare two of them.

Like revorg.model.edits, every change is a plain operation on the ORM session that an undo
command can repeat: a copy is computed first as a snapshot (with its new ids) and inserted
afterwards, and a removed scenario comes back from its snapshot with the same ids.
A comparison matches positions by lineage, which a copy keeps, so a card is "the same card"
in both scenarios even though its id differs.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields, replace
from decimal import Decimal
from operator import itemgetter
from typing import Any, Generic, TypeVar

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
from revorg.model.lineage import lineage_of
from revorg.model.money import json_number
from revorg.model.months import YearMonth
from revorg.model.summary import ScenarioSummary, optional_number, scenario_positions, summarize

Row = dict[str, Any]
T = TypeVar("T")
FieldValue = str | int | Decimal | YearMonth | None

# What makes a card "changed" between two scenarios (its place on the chart is "moved").
COMPARED_FIELDS = (
    "title",
    "role_key",
    "department_key",
    "person_name",
    "headcount",
    "start_month",
    "annual_cost",
    "capacity_override",
)
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
        ordered = _in_pre_order(
            positions.rows,
            itemgetter(positions.index("id")),
            itemgetter(positions.index("manager_id")),
        )
        return ScenarioSnapshot(
            scenario=column_values(scenario),
            targets=None if targets is None else column_values(targets),
            assumptions=_rows(
                session, select(Assumption).where(Assumption.scenario_id == scenario_id)
            ),
            positions=replace(positions, rows=tuple(ordered)),
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
    plan_id = _scenario(session, scenario_id).plan_id
    count = session.scalar(select(func.count(Scenario.id)).where(Scenario.plan_id == plan_id))
    if (count or 0) <= 1:
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
    """Position rows in pre-order (each manager before its reports), in linear time.

    Rows whose manager is outside the set start a tree of their own; rows caught in a
    reporting cycle (only a damaged plan has one) are kept at the end rather than lost.
    """
    return _in_pre_order(rows, itemgetter("id"), itemgetter("manager_id"))


def _in_pre_order(
    rows: Sequence[T], id_of: Callable[[T], int], manager_of: Callable[[T], int | None]
) -> list[T]:
    ids = set(map(id_of, rows))
    children: dict[int | None, list[T]] = defaultdict(list)
    for row in rows:
        manager = manager_of(row)
        children[manager if manager in ids else None].append(row)
    ordered: list[T] = []
    stack = list(reversed(children[None]))
    while stack:
        row = stack.pop()
        ordered.append(row)
        stack.extend(reversed(children.get(id_of(row), [])))
    seen = set(map(id_of, ordered))
    return ordered + [row for row in rows if id_of(row) not in seen]


# --- copy and rename -------------------------------------------------------------------------


def copy_scenario_rows(session: Session, source_scenario_id: int, name: str) -> ScenarioSnapshot:
    """A new scenario copied from another, with fresh ids, not yet in the plan.

    The caller inserts it (insert_scenario), so that an undo command can remove it and insert
    it again with the same ids. Positions keep their lineage: compare matches cards by it.
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
    query = select(Scenario.id).where(Scenario.plan_id == plan_id, Scenario.name == name)
    if scenario_id is not None:
        query = query.where(Scenario.id != scenario_id)
    if session.scalar(query) is not None:
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
    taken = {scenario.name for scenario in plan.scenarios}
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
        session.expire(plan, ["scenarios"])


# --- comparing two scenarios -----------------------------------------------------------------


@dataclass(frozen=True)
class TargetFigures:
    """A scenario's driver inputs and what they forecast (money in currency, rates as fractions)."""

    goal: Decimal
    leads: int
    close_rate: Decimal
    average_deal: Decimal
    base_revenue: Decimal
    retention: Decimal
    expansion: Decimal
    new_customers: Decimal
    new_business: Decimal
    retained: Decimal
    total: Decimal
    gap: Decimal


@dataclass(frozen=True)
class TotalFigures:
    positions: int
    headcount: int
    cost: Decimal
    cac: Decimal | None  # None when the scenario wins no customers


@dataclass(frozen=True)
class DepartmentFigures:
    headcount: int
    cost: Decimal
    target: Decimal
    capacity: Decimal
    coverage: Decimal | None  # None when the department has no target
    gap: Decimal  # positive: short of the target


F = TypeVar("F", TargetFigures, TotalFigures, DepartmentFigures)


def difference(a: F, b: F) -> F:
    """B minus A, field by field; undefined (None) when either side is."""
    values: Row = {f.name: _minus(getattr(b, f.name), getattr(a, f.name)) for f in fields(a)}
    return type(a)(**values)


def _minus(b: Decimal | int | None, a: Decimal | int | None) -> Decimal | int | None:
    return None if a is None or b is None else b - a


@dataclass(frozen=True)
class Compared(Generic[F]):
    """The same figures for scenario A and scenario B."""

    a: F
    b: F

    @property
    def delta(self) -> F:
        return difference(self.a, self.b)


@dataclass(frozen=True)
class DepartmentComparison:
    key: str
    name: str
    figures: Compared[DepartmentFigures]
    status_a: str  # green, amber, red or none (see revorg.model.capacity)
    status_b: str


@dataclass(frozen=True)
class Card:
    """A position as a comparison shows it, with what it is compared on."""

    id: int
    lineage: str  # unique within its scenario (see _cards)
    title: str
    role_key: str
    department_key: str
    person_name: str | None  # None: an open position
    headcount: int
    start_month: YearMonth | None
    annual_cost: Decimal
    capacity_override: Decimal | None
    manager_id: int | None
    manager_title: str | None
    manager_lineage: str | None


@dataclass(frozen=True)
class FieldChange:
    field: str
    a: FieldValue
    b: FieldValue


@dataclass(frozen=True)
class MatchedCard:
    """One card in both scenarios."""

    a: Card
    b: Card
    changes: tuple[FieldChange, ...]

    @property
    def moved(self) -> bool:
        return self.a.manager_lineage != self.b.manager_lineage


@dataclass(frozen=True)
class PositionDiff:
    added: tuple[Card, ...]  # in B, not in A
    removed: tuple[Card, ...]  # in A, not in B
    moved: tuple[MatchedCard, ...]  # under another manager in B
    changed: tuple[MatchedCard, ...]  # a compared field differs (a card can move and change)


@dataclass(frozen=True)
class ScenarioComparison:
    a: ScenarioSummary
    b: ScenarioSummary
    targets: Compared[TargetFigures]
    totals: Compared[TotalFigures]
    departments: tuple[DepartmentComparison, ...]
    positions: PositionDiff

    def to_json(self) -> dict[str, Any]:
        plan = self.a.plan
        return {
            "plan": plan.name,
            "currency": plan.currency,
            "fiscal_year": plan.fiscal_year,
            "scenarios": {"a": self.a.scenario.name, "b": self.b.scenario.name},
            "targets": compared_json(self.targets),
            "totals": compared_json(self.totals),
            "departments": [
                {
                    "key": department.key,
                    "name": department.name,
                    "status": {"a": department.status_a, "b": department.status_b},
                    **compared_json(department.figures),
                }
                for department in self.departments
            ],
            "positions": {
                "added": [card_json(card) for card in self.positions.added],
                "removed": [card_json(card) for card in self.positions.removed],
                "moved": [matched_json(match) for match in self.positions.moved],
                "changed": [matched_json(match) for match in self.positions.changed],
            },
        }


def compare_scenarios(
    session: Session, a: Scenario, b: Scenario, language: str = "en"
) -> ScenarioComparison:
    """Scenario B against scenario A: its numbers, its departments and its cards."""
    positions_a = scenario_positions(session, a)
    positions_b = scenario_positions(session, b)
    summary_a = summarize(session, a, language, positions_a)
    summary_b = summarize(session, b, language, positions_b)
    return ScenarioComparison(
        a=summary_a,
        b=summary_b,
        targets=Compared(target_figures(summary_a), target_figures(summary_b)),
        totals=Compared(total_figures(summary_a), total_figures(summary_b)),
        departments=compare_departments(summary_a, summary_b),
        positions=diff_positions(positions_a, positions_b),
    )


def target_figures(summary: ScenarioSummary) -> TargetFigures:
    inputs, outcome = summary.inputs, summary.outcome
    return TargetFigures(
        goal=inputs.goal,
        leads=inputs.leads,
        close_rate=inputs.close_rate,
        average_deal=inputs.average_deal,
        base_revenue=inputs.base_revenue,
        retention=inputs.retention,
        expansion=inputs.expansion,
        new_customers=outcome.new_customers,
        new_business=outcome.new_business,
        retained=outcome.retained,
        total=outcome.total,
        gap=outcome.gap,
    )


def total_figures(summary: ScenarioSummary) -> TotalFigures:
    total = summary.total
    return TotalFigures(total.positions, total.headcount, total.cost, summary.cost.cac)


def compare_departments(a: ScenarioSummary, b: ScenarioSummary) -> tuple[DepartmentComparison, ...]:
    """Every department of either scenario, in A's order (both come from one plan's table)."""
    names = {d.key: d.name for d in b.departments} | {d.key: d.name for d in a.departments}
    order = [d.key for d in a.departments] + [d.key for d in b.departments]
    return tuple(
        DepartmentComparison(
            key=key,
            name=names[key],
            figures=Compared(department_figures(a, key), department_figures(b, key)),
            status_a=_status(a, key),
            status_b=_status(b, key),
        )
        for key in dict.fromkeys(order)
    )


def department_figures(summary: ScenarioSummary, key: str) -> DepartmentFigures:
    staffing = next((d.staffing for d in summary.departments if d.key == key), None)
    capacity = summary.capacity.departments.get(key)
    zero = Decimal(0)
    return DepartmentFigures(
        headcount=0 if staffing is None else staffing.headcount,
        cost=zero if staffing is None else staffing.cost,
        target=zero if capacity is None else capacity.target,
        capacity=zero if capacity is None else capacity.capacity,
        coverage=None if capacity is None else capacity.coverage,
        gap=zero if capacity is None else capacity.gap,
    )


def _status(summary: ScenarioSummary, key: str) -> str:
    capacity = summary.capacity.departments.get(key)
    return "none" if capacity is None else capacity.status


# --- cards matched by lineage ----------------------------------------------------------------


def diff_positions(a: Sequence[Position], b: Sequence[Position]) -> PositionDiff:
    """Cards added, removed, moved and changed from A to B, matched by lineage in linear time."""
    cards_a, cards_b = _cards(a), _cards(b)
    matched = [
        MatchedCard(cards_a[key], card, field_changes(cards_a[key], card))
        for key, card in cards_b.items()
        if key in cards_a
    ]
    return PositionDiff(
        added=tuple(card for key, card in cards_b.items() if key not in cards_a),
        removed=tuple(card for key, card in cards_a.items() if key not in cards_b),
        moved=tuple(match for match in matched if match.moved),
        changed=tuple(match for match in matched if match.changes),
    )


def field_changes(a: Card, b: Card) -> tuple[FieldChange, ...]:
    return tuple(
        FieldChange(name, getattr(a, name), getattr(b, name))
        for name in COMPARED_FIELDS
        if getattr(a, name) != getattr(b, name)
    )


def _cards(positions: Sequence[Position]) -> dict[str, Card]:
    """The scenario's cards by lineage, in id order.

    A lineage should be unique within a scenario; if one repeats (a damaged or hand-made file),
    its second card becomes "lineage#2" and so on, so no card is lost from the comparison.
    """
    ordered = sorted(positions, key=lambda position: position.id)
    keys = _lineage_keys(ordered)
    by_id = {position.id: position for position in ordered}
    cards = {}
    for position in ordered:
        manager = by_id.get(position.manager_id) if position.manager_id is not None else None
        cards[keys[position.id]] = _card(position, keys, manager)
    return cards


def _lineage_keys(positions: Iterable[Position]) -> dict[int, str]:
    seen: Counter[str] = Counter()
    keys = {}
    for position in positions:
        lineage = lineage_of(position.id, position.lineage)
        seen[lineage] += 1
        keys[position.id] = lineage if seen[lineage] == 1 else f"{lineage}#{seen[lineage]}"
    return keys


def _card(position: Position, keys: dict[int, str], manager: Position | None) -> Card:
    return Card(
        id=position.id,
        lineage=keys[position.id],
        title=position.title,
        role_key=position.role_key,
        department_key=position.department_key,
        person_name=(position.person_name or "").strip() or None,
        headcount=position.headcount,
        start_month=position.start_month,
        annual_cost=position.annual_cost,
        capacity_override=position.capacity_override,
        manager_id=None if manager is None else manager.id,
        manager_title=None if manager is None else manager.title,
        manager_lineage=None if manager is None else keys[manager.id],
    )


# --- JSON ------------------------------------------------------------------------------------


def compared_json(compared: Compared[Any]) -> dict[str, Any]:
    return {
        "a": figures_json(compared.a),
        "b": figures_json(compared.b),
        "delta": figures_json(compared.delta),
    }


def figures_json(figures: TargetFigures | TotalFigures | DepartmentFigures) -> dict[str, Any]:
    """Plain numbers: money as currency units, rates as fractions, coverage to 4 places."""
    result: dict[str, Any] = {}
    for item in fields(figures):
        value = getattr(figures, item.name)
        if value is None or item.name == "coverage":
            result[item.name] = optional_number(value, places=4)
        else:
            result[item.name] = json_number(value)
    return result


def card_json(card: Card) -> dict[str, Any]:
    return {
        "id": card.id,
        "lineage": card.lineage,
        "title": card.title,
        "role": card.role_key,
        "department": card.department_key,
        "person": card.person_name,
        "headcount": card.headcount,
        "start_month": value_json(card.start_month),
        "annual_cost": json_number(card.annual_cost),
        "manager_id": card.manager_id,
        "manager": card.manager_title,
    }


def matched_json(match: MatchedCard) -> dict[str, Any]:
    return {
        "lineage": match.a.lineage,
        "title": match.b.title,
        "a": card_json(match.a),
        "b": card_json(match.b),
        "changes": {
            change.field: {"a": value_json(change.a), "b": value_json(change.b)}
            for change in match.changes
        },
    }


def value_json(value: FieldValue) -> str | int | float | None:
    if isinstance(value, Decimal):
        return json_number(value)
    if isinstance(value, YearMonth):
        return str(value)
    return value
