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
    exact_monthly_capacity,
    has_capacity,
    kind_of,
    position_capacity,
    start_offset,
)
from revorg.model.money import ZERO, to_money
from revorg.model.months import FiscalYear
from revorg.model.planning import fiscal_year_cost

MONTHS = 12


@dataclass
class TimelineRow:
    """One department and role, month by month. Months are summed exactly and rounded once
    per cell; the year figures are the positions' own yearly figures, so that they equal the
    Cost and Capacity panels to the cent (the twelve months may differ from them by cents)."""

    department_key: str
    role_key: str
    kind: str  # capacity kind: the unit of `capacity`
    headcount: list[int] = field(default_factory=lambda: [0] * MONTHS)
    open_starts: list[int] = field(default_factory=lambda: [0] * MONTHS)  # heads starting
    year_capacity: Decimal = ZERO
    year_cost: Decimal = ZERO
    _capacity: list[Fraction] = field(default_factory=lambda: [Fraction(0)] * MONTHS)
    _cost: list[Fraction] = field(default_factory=lambda: [Fraction(0)] * MONTHS)

    @property
    def capacity(self) -> list[Decimal]:
        return [_cents(value) for value in self._capacity]

    @property
    def cost(self) -> list[Decimal]:
        return [_cents(value) for value in self._cost]

    def add(self, position: PlannedPosition, assumptions: Assumptions, fiscal: FiscalYear) -> None:
        offset = start_offset(position, fiscal)
        capacity = exact_monthly_capacity(position, self.kind, assumptions, fiscal)
        monthly_cost = Fraction(position.annual_cost) * position.headcount / MONTHS
        for month in range(offset, MONTHS):
            self.headcount[month] += position.headcount
            self._capacity[month] += capacity[month]
            self._cost[month] += monthly_cost
        if position.is_open and offset < MONTHS:
            self.open_starts[offset] += position.headcount
        self.year_cost += fiscal_year_cost(position, fiscal)
        if has_capacity(self.kind):
            self.year_capacity += position_capacity(position, self.kind, assumptions, fiscal)


def _cents(value: Fraction) -> Decimal:
    return to_money(Decimal(value.numerator) / Decimal(value.denominator))


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
            row = rows[key] = TimelineRow(*key, kind_of(position.role_key, kinds))
        row.add(position, assumptions, fiscal)
    return sorted(
        rows.values(),
        key=lambda r: (department_order.get(r.department_key, 99), role_order.get(r.role_key, 999)),
    )
