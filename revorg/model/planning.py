"""The planning engine: pure functions from driver inputs and positions to the plan's numbers.

No Qt and no database session here: callers pass plain values (ORM rows satisfy the protocols),
so the same code serves the window, the command line and the workbook exporter.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Protocol

from revorg.model.money import ZERO, to_money
from revorg.model.months import FiscalYear, YearMonth

SPAN_LIMIT_DEFAULT = 10
SPAN_LIMIT_BY_ROLE = {"sdr_manager": 8}  # SDR managers coach daily: a narrower span


@dataclass(frozen=True)
class TargetInputs:
    """The driver inputs of seed 002 (money in currency units, rates as fractions)."""

    goal: Decimal
    leads: int
    close_rate: Decimal
    average_deal: Decimal
    base_revenue: Decimal
    retention: Decimal
    expansion: Decimal


@dataclass(frozen=True)
class TargetOutcome:
    new_customers: Decimal
    new_business: Decimal
    retained: Decimal
    total: Decimal
    gap: Decimal  # positive: short of the goal; negative: above it


def forecast(inputs: TargetInputs) -> TargetOutcome:
    """Marketing leads become customers, customers become new business; CS keeps and expands."""
    new_customers = Decimal(inputs.leads) * inputs.close_rate
    new_business = to_money(new_customers * inputs.average_deal)
    retained = to_money(inputs.base_revenue * inputs.retention + inputs.expansion)
    total = new_business + retained
    return TargetOutcome(
        new_customers=plain_decimal(new_customers),
        new_business=new_business,
        retained=retained,
        total=total,
        gap=to_money(inputs.goal) - total,
    )


def plain_decimal(value: Decimal) -> Decimal:
    """30.00 becomes 30 and 37.50 becomes 37.5, without the exponent that normalize() gives 30."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


class CostedPosition(Protocol):
    """What a position's cost needs (an ORM Position, or a suggested hire, satisfies it)."""

    @property
    def headcount(self) -> int: ...
    @property
    def is_open(self) -> bool: ...
    @property
    def start_month(self) -> YearMonth | None: ...
    @property
    def annual_cost(self) -> Decimal: ...


class StaffedPosition(CostedPosition, Protocol):
    """What the engine needs of a position on the chart (an ORM Position satisfies it)."""

    @property
    def id(self) -> int: ...
    @property
    def manager_id(self) -> int | None: ...
    @property
    def role_key(self) -> str: ...
    @property
    def department_key(self) -> str: ...


@dataclass(frozen=True)
class Staffing:
    """Headcount and cost of a set of positions (a department, or the whole plan)."""

    positions: int = 0
    headcount: int = 0
    open_positions: int = 0
    cost: Decimal = ZERO  # cost within the fiscal year: hires cost from their start month
    run_rate_cost: Decimal = ZERO  # cost of a full year with everybody in seat

    def plus(self, position: StaffedPosition, fiscal: FiscalYear) -> Staffing:
        return Staffing(
            positions=self.positions + 1,
            headcount=self.headcount + position.headcount,
            open_positions=self.open_positions + (position.headcount if position.is_open else 0),
            cost=self.cost + fiscal_year_cost(position, fiscal),
            run_rate_cost=self.run_rate_cost + position.annual_cost * position.headcount,
        )


def fiscal_year_cost(position: CostedPosition, fiscal: FiscalYear) -> Decimal:
    """Cost inside the fiscal year; an open position costs only from its start month."""
    start = position.start_month if position.is_open else None
    months = fiscal.months_in_seat(start)
    return to_money(position.annual_cost * position.headcount * months / 12)


def staffing_by_department(
    positions: Iterable[StaffedPosition], department_keys: Sequence[str], fiscal: FiscalYear
) -> dict[str, Staffing]:
    """Every department in `department_keys` appears, staffed or not, in that order."""
    # Plain running sums (one small object per position would dominate on a large chart).
    sums: dict[str, list[Any]] = {key: [0, 0, 0, ZERO, ZERO] for key in department_keys}
    # A large chart repeats a few dozen costs thousands of times: compute each once.
    costs: dict[tuple[object, ...], tuple[Decimal, Decimal]] = {}
    for position in positions:
        entry = sums.setdefault(position.department_key, [0, 0, 0, ZERO, ZERO])
        headcount = position.headcount
        is_open = position.is_open
        shape = (position.annual_cost, headcount, position.start_month if is_open else None)
        cost = costs.get(shape)
        if cost is None:
            cost = costs[shape] = (
                fiscal_year_cost(position, fiscal),
                position.annual_cost * headcount,
            )
        entry[0] += 1
        entry[1] += headcount
        entry[2] += headcount if is_open else 0
        entry[3] += cost[0]
        entry[4] += cost[1]
    return {key: Staffing(*entry) for key, entry in sums.items()}


def total_staffing(by_department: dict[str, Staffing]) -> Staffing:
    values = list(by_department.values())
    return Staffing(
        positions=sum(s.positions for s in values),
        headcount=sum(s.headcount for s in values),
        open_positions=sum(s.open_positions for s in values),
        cost=sum((s.cost for s in values), ZERO),
        run_rate_cost=sum((s.run_rate_cost for s in values), ZERO),
    )


@dataclass(frozen=True)
class SpanOfControl:
    manager_id: int
    direct_reports: int  # people, so a "SDR x 6" card counts six
    limit: int

    @property
    def too_wide(self) -> bool:
        return self.direct_reports > self.limit


def spans_of_control(positions: Iterable[StaffedPosition]) -> dict[int, SpanOfControl]:
    """Direct reports per manager, in one pass over the positions."""
    positions = list(positions)
    reports: dict[int, int] = defaultdict(int)
    for position in positions:
        if position.manager_id is not None:
            reports[position.manager_id] += position.headcount
    spans = {}
    for position in positions:
        if position.id in reports:
            spans[position.id] = span_of_control(position, reports[position.id])
    return spans


def span_of_control(manager: StaffedPosition, direct_reports: int) -> SpanOfControl:
    limit = SPAN_LIMIT_BY_ROLE.get(manager.role_key, SPAN_LIMIT_DEFAULT)
    return SpanOfControl(manager.id, direct_reports, limit)
