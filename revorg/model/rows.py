"""Positions as plain rows: read for the chart and the numbers, and built for new positions.

Loading a large plan's positions as ORM objects was a sixth of opening it, and summing over
them paid for attribute instrumentation on every read. Rows are snapshots: edits still go
through the ORM entities (revorg.model.edits), and whoever holds rows reads them again after
an edit (the edit core, PlanEditor, does so for the positions each edit touched).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Collection, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from revorg.model.bulk import driver_connection, paused_gc
from revorg.model.catalogue import staff_role_keys
from revorg.model.lineage import new_lineage
from revorg.model.money import from_cents
from revorg.model.months import YearMonth

if TYPE_CHECKING:  # rows are read without the ORM (`revorg summary` never loads it)
    from sqlalchemy.orm import Session

    from revorg.model.entities import RoleType

T = TypeVar("T")
Row = dict[str, Any]  # column values of one position, for insert(Position) or Position(**row)


class PositionRow(NamedTuple):
    """The columns of a Position (same names), without ORM state."""

    id: int
    scenario_id: int
    title: str
    role_key: str
    department_key: str
    manager_id: int | None
    person_name: str | None
    headcount: int
    start_month: YearMonth | None
    annual_cost: Decimal
    capacity_override: Decimal | None
    notes: str
    sort_order: int
    lineage: str | None
    email: str | None = None  # format 8: the person's email, as a roster gives it
    staff: bool = False  # drawn beside the manager (format 8)

    @property
    def is_open(self) -> bool:
        return not (self.person_name or "").strip()


def position_row(
    *,
    id: int,
    scenario_id: int,
    title: str,
    role_key: str,
    department_key: str,
    manager_id: int | None = None,
    person_name: str | None = None,
    headcount: int = 1,
    start_month: YearMonth | None = None,
    annual_cost: Decimal = Decimal(0),
    capacity_override: Decimal | None = None,
    notes: str = "",
    sort_order: int = 0,
    lineage: str | None = None,
    email: str | None = None,
    staff: bool = False,
) -> Row:
    """The columns of a new position: the one place that knows what a new position is unless
    told otherwise (a top of the chart, open, one head, no cost, no notes, first among its
    manager's reports). Without a lineage it gets a fresh one; a copy passes its source's.
    """
    return PositionRow(
        id=id,
        scenario_id=scenario_id,
        title=title,
        role_key=role_key,
        department_key=department_key,
        manager_id=manager_id,
        person_name=person_name,
        headcount=headcount,
        start_month=start_month,
        annual_cost=annual_cost,
        capacity_override=capacity_override,
        notes=notes,
        sort_order=sort_order,
        lineage=new_lineage() if lineage is None else lineage,
        email=email,
        staff=staff,
    )._asdict()


def open_position_row(
    role: RoleType,
    *,
    id: int,
    scenario_id: int,
    manager_id: int | None,
    sort_order: int,
    language: str = "en",
    start_month: YearMonth | None = None,
) -> Row:
    """A new vacancy of a role, as the chart and the suggested hires add one: titled with the
    role's name in `language`, in the role's department, at the role's default cost; a staff
    role's card under a manager is the manager's staff."""
    return position_row(
        id=id,
        scenario_id=scenario_id,
        title=role.name(language),
        role_key=role.key,
        department_key=role.department_key,
        manager_id=manager_id,
        start_month=start_month,
        annual_cost=role.default_annual_cost,
        sort_order=sort_order,
        staff=manager_id is not None and role.key in staff_role_keys(),
    )


# The stored forms of the columns that are not plain SQLite values (see entities: Money,
# YearMonthText, DecimalText). Costs and months repeat across a plan: each distinct value is
# converted once per load, and the immutable result shared.
_CONVERTED: dict[str, Callable[[Any], Any]] = {
    "annual_cost": from_cents,
    "start_month": YearMonth.parse,
    "capacity_override": Decimal,
    "staff": bool,  # SQLite gives 0 or 1
}
# The fields are the positions table's column names (tests/model/test_plan_reader.py checks it).
_COLUMNS = ", ".join(PositionRow._fields)
# A whole scenario is read in id order by scanning the table (the scenario's index would need
# a sort afterwards: a third of the read); a few positions by their ids.
_SELECT_SCENARIO = f"SELECT {_COLUMNS} FROM positions NOT INDEXED WHERE scenario_id = ? ORDER BY id"
_SELECT_IDS = f"SELECT {_COLUMNS} FROM positions WHERE scenario_id = ? AND id IN ({{}}) ORDER BY id"
IDS_PER_QUERY = 10_000  # SQLite takes at most 32,766 parameters in one statement


def position_rows(
    session: Session, scenario_id: int, ids: Collection[int] | None = None
) -> list[PositionRow]:
    """A scenario's positions (or those of `ids`) in id order, read from the session's own
    connection (pending changes are flushed first)."""
    return read_position_rows(driver_connection(session), scenario_id, ids)


def read_position_rows(
    connection: sqlite3.Connection, scenario_id: int, ids: Collection[int] | None = None
) -> list[PositionRow]:
    """position_rows from a plan's sqlite3 connection itself (a command that only reads)."""
    with paused_gc():
        if ids is None:
            raw = connection.execute(_SELECT_SCENARIO, (scenario_id,)).fetchall()
        else:
            wanted = sorted(ids)
            raw = []
            for start in range(0, len(wanted), IDS_PER_QUERY):
                chunk = wanted[start : start + IDS_PER_QUERY]
                sql = _SELECT_IDS.format(", ".join("?" * len(chunk)))
                raw += connection.execute(sql, (scenario_id, *chunk)).fetchall()
        return _rows_of(raw)


def _rows_of(raw: list[tuple[Any, ...]]) -> list[PositionRow]:
    columns = list(zip(*raw, strict=True)) or [()] * len(PositionRow._fields)
    for index, name in enumerate(PositionRow._fields):
        convert = _CONVERTED.get(name)
        if convert is not None:
            columns[index] = tuple(_converted(columns[index], convert))
    return list(map(PositionRow._make, zip(*columns, strict=True)))


def _converted(values: tuple[Any, ...], convert: Callable[[Any], T]) -> Iterator[T | None]:
    seen: dict[Any, T] = {}
    for value in values:
        if value is None:
            yield None
            continue
        result = seen.get(value)
        if result is None:
            result = seen[value] = convert(value)
        yield result
