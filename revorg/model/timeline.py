"""The hiring plan: month by month over the fiscal year, per department and role, the heads in
seat, their ramped capacity and their cost (open positions count from their start month)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from revorg.model.capacity import (
    Assumptions,
    PlannedPosition,
    monthly_capacity,
    start_offset,
)
from revorg.model.money import ZERO, to_money
from revorg.model.months import FiscalYear

MONTHS = 12


@dataclass
class TimelineRow:
    department_key: str
    role_key: str
    kind: str  # capacity kind: the unit of `capacity`
    headcount: list[int] = field(default_factory=lambda: [0] * MONTHS)
    capacity: list[Decimal] = field(default_factory=lambda: [ZERO] * MONTHS)
    cost: list[Decimal] = field(default_factory=lambda: [ZERO] * MONTHS)
    open_starts: list[int] = field(default_factory=lambda: [0] * MONTHS)  # heads starting

    def add(self, position: PlannedPosition, assumptions: Assumptions, fiscal: FiscalYear) -> None:
        offset = start_offset(position, fiscal)
        capacity = monthly_capacity(position, self.kind, assumptions, fiscal)
        monthly_cost = Fraction(position.annual_cost) * position.headcount / MONTHS
        for month in range(offset, MONTHS):
            self.headcount[month] += position.headcount
            self.capacity[month] += capacity[month]
            self.cost[month] += to_money(Decimal(monthly_cost.numerator) / monthly_cost.denominator)
        if position.is_open and offset < MONTHS:
            self.open_starts[offset] += position.headcount


def hiring_timeline(
    positions: Iterable[PlannedPosition],
    kinds: Mapping[str, str],
    role_order: Mapping[str, int],
    department_order: Mapping[str, int],
    assumptions: Assumptions,
    fiscal: FiscalYear,
) -> list[TimelineRow]:
    """One row per (department, role) on the chart, in catalogue order."""
    rows: dict[tuple[str, str], TimelineRow] = {}
    for position in positions:
        key = (position.department_key, position.role_key)
        row = rows.get(key)
        if row is None:
            row = rows[key] = TimelineRow(*key, kinds.get(position.role_key, "none"))
        row.add(position, assumptions, fiscal)
    return sorted(
        rows.values(),
        key=lambda r: (department_order.get(r.department_key, 99), role_order.get(r.role_key, 999)),
    )
