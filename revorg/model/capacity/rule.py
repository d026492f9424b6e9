"""The capacity rule: what one position delivers in the fiscal year, and its sums.

This is the one place the rule lives. capacity_totals() sums it over a chart; the incremental
sums (revorg.model.totals) count each position by capacity_share(), so both give the same
digits; the workbook's formulas (revorg.io.xlsx_export.capacity_formulas) are its twins.

A role's capacity kind (revorg.model.vocabulary.CapacityKind) says which assumption gives one
fully ramped head's output: an annual metric (quota, expansion quota, book of business) or a
monthly one (meetings, leads) times 12; quotas count at their attainment. A new hire ramps
linearly: in its k-th month in seat it delivers min(k / ramp, 1) of a full month. People already
in seat are fully ramped. A capacity override on a position is what one head of it delivers in
the fiscal year, and replaces the computed value. Groups count N times.

Exact arithmetic: ramped months are Fractions; capacities become Decimal at the end.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import cache
from typing import Protocol, TypeVar

from revorg.model.capacity.assumptions import Assumptions
from revorg.model.money import ZERO, to_money
from revorg.model.months import FiscalYear
from revorg.model.planning import CostedPosition
from revorg.model.vocabulary import CapacityKind, Metric

N = TypeVar("N", int, Decimal)
# The assumption that gives one head's output in a year, by capacity kind...
ANNUAL_METRIC_BY_KIND = {
    CapacityKind.QUOTA: Metric.ANNUAL_QUOTA,
    CapacityKind.EXPANSION_QUOTA: Metric.ANNUAL_EXPANSION_QUOTA,
    CapacityKind.BOOK_OF_BUSINESS: Metric.BOOK_OF_BUSINESS,
}
# ... or in a month.
MONTHLY_METRIC_BY_KIND = {
    CapacityKind.MEETINGS: Metric.MEETINGS_PER_MONTH,
    CapacityKind.LEADS: Metric.LEADS_PER_MONTH,
}
KINDS_WITH_ATTAINMENT = frozenset({CapacityKind.QUOTA, CapacityKind.EXPANSION_QUOTA})
MONEY_KINDS = frozenset(ANNUAL_METRIC_BY_KIND)  # kinds whose capacity is money
KINDS_WITH_CAPACITY = MONEY_KINDS | frozenset(MONTHLY_METRIC_BY_KIND)


class PlannedPosition(CostedPosition, Protocol):
    """What capacity needs of a position (an ORM Position, or a suggested Hire, satisfies it)."""

    @property
    def role_key(self) -> str: ...
    @property
    def department_key(self) -> str: ...
    @property
    def capacity_override(self) -> Decimal | None: ...


def kind_of(role_key: str, kinds: Mapping[str, str]) -> str:
    """A role's capacity kind; a role the mapping does not know has none."""
    return kinds.get(role_key, CapacityKind.NONE)


def has_capacity(kind: str) -> bool:
    """Whether positions of a kind count in the capacity sums (leaders, support: no)."""
    return kind != CapacityKind.NONE


def full_year_capacity(kind: str, role_key: str, assumptions: Assumptions) -> Decimal:
    """What one fully ramped head of a role delivers in a year, in its kind's unit."""
    if kind in ANNUAL_METRIC_BY_KIND:
        value = assumptions.get(role_key, ANNUAL_METRIC_BY_KIND[CapacityKind(kind)])
    elif kind in MONTHLY_METRIC_BY_KIND:
        value = assumptions.get(role_key, MONTHLY_METRIC_BY_KIND[CapacityKind(kind)]) * 12
    else:
        return ZERO
    if kind in KINDS_WITH_ATTAINMENT:
        value *= assumptions.attainment(role_key)
    return value


def start_offset(position: PlannedPosition, fiscal: FiscalYear) -> int:
    """Months from the fiscal year's start to the position's start (0: in seat all year)."""
    if not position.is_open or position.start_month is None:
        return 0
    return max(0, position.start_month.ordinal - fiscal.first.ordinal)


def is_in_seat_all_year(position: PlannedPosition) -> bool:
    """Filled positions are in seat and ramped; an open one without a month starts at once."""
    return not position.is_open


@cache
def monthly_productivity(offset: int, ramp: int, ramped_already: bool) -> tuple[Fraction, ...]:
    """Share of a full month delivered in each month of the fiscal year (cached: a chart has
    thousands of positions but only a few dozen start and ramp combinations)."""
    shares = []
    for month in range(12):
        if month < offset:
            shares.append(Fraction(0))
        elif ramped_already or ramp <= 0:
            shares.append(Fraction(1))
        else:
            shares.append(min(Fraction(month - offset + 1, ramp), Fraction(1)))
    return tuple(shares)


@cache
def ramped_months(offset: int, ramp: int, ramped_already: bool = False) -> Fraction:
    """Full months of output in the fiscal year: 11 for a start in month 1 with a 3-month ramp
    (1/3 + 2/3 + 1 + 9 x 1)."""
    return sum(monthly_productivity(offset, ramp, ramped_already), Fraction(0))


def position_capacity(
    position: PlannedPosition, kind: str, assumptions: Assumptions, fiscal: FiscalYear
) -> Decimal:
    """The position's capacity in the fiscal year, in its kind's unit, all heads counted."""
    if position.capacity_override is not None:
        # The override is a year's output of one head, counted if the head is in seat at all.
        if start_offset(position, fiscal) >= 12:
            return ZERO
        return to_money(position.capacity_override * position.headcount)
    per_year = full_year_capacity(kind, position.role_key, assumptions)
    if per_year == 0:
        return ZERO
    months = ramped_months(
        start_offset(position, fiscal),
        assumptions.ramp_months(position.role_key),
        is_in_seat_all_year(position),
    )
    return _exact(Fraction(per_year) * months * position.headcount / 12)


def capacity_share(
    position: PlannedPosition,
    kinds: Mapping[str, str],
    assumptions: Assumptions,
    fiscal: FiscalYear,
) -> tuple[str, Decimal] | None:
    """What a position adds to the capacity sums: its kind and its capacity; None when its role
    has no capacity kind (it adds heads only). Every sum of capacity counts positions by this."""
    kind = kind_of(position.role_key, kinds)
    if not has_capacity(kind):
        return None
    return kind, position_capacity(position, kind, assumptions, fiscal)


def monthly_capacity(
    position: PlannedPosition, kind: str, assumptions: Assumptions, fiscal: FiscalYear
) -> list[Decimal]:
    """The position's capacity in each month of the fiscal year, to the cent (sums to
    position_capacity within rounding)."""
    return [_exact(value) for value in exact_monthly_capacity(position, kind, assumptions, fiscal)]


def exact_monthly_capacity(
    position: PlannedPosition, kind: str, assumptions: Assumptions, fiscal: FiscalYear
) -> list[Fraction]:
    """Unrounded monthly capacity: sums of many positions are rounded once, not per position."""
    offset = start_offset(position, fiscal)
    ramp = assumptions.ramp_months(position.role_key)
    shares = monthly_productivity(offset, ramp, is_in_seat_all_year(position))
    if kind not in KINDS_WITH_CAPACITY:
        return [Fraction(0)] * 12  # leaders, support...: no capacity, whatever an override says
    if position.capacity_override is not None:
        months_in_seat = sum(1 for share in shares if share)
        per_month = Fraction(position.capacity_override) * position.headcount
        return [per_month / months_in_seat if share else Fraction(0) for share in shares]
    full_month = Fraction(full_year_capacity(kind, position.role_key, assumptions)) / 12
    full_month *= position.headcount
    return [full_month if share == 1 else full_month * share for share in shares]


def _exact(value: Fraction) -> Decimal:
    return to_money(Decimal(value.numerator) / Decimal(value.denominator))


# --- sums over a chart -----------------------------------------------------------------------


@dataclass(frozen=True)
class CapacityTotals:
    """Capacity per kind and per role, summed over the positions (one pass)."""

    by_kind: dict[str, Decimal]
    by_role: dict[str, Decimal]
    headcount_by_role: dict[str, int]

    def plus(self, other: CapacityTotals) -> CapacityTotals:
        return CapacityTotals(
            _added(self.by_kind, other.by_kind, ZERO),
            _added(self.by_role, other.by_role, ZERO),
            _added(self.headcount_by_role, other.headcount_by_role, 0),
        )


def _added(a: Mapping[str, N], b: Mapping[str, N], zero: N) -> dict[str, N]:
    result = dict(a)
    for key, value in b.items():
        result[key] = result.get(key, zero) + value
    return result


def capacity_totals(
    positions: Iterable[PlannedPosition],
    kinds: Mapping[str, str],
    assumptions: Assumptions,
    fiscal: FiscalYear,
) -> CapacityTotals:
    by_kind: dict[str, Decimal] = defaultdict(lambda: ZERO)
    by_role: dict[str, Decimal] = defaultdict(lambda: ZERO)
    heads: dict[str, int] = defaultdict(int)
    # A large chart repeats a few dozen shapes of position thousands of times: compute each once.
    known: dict[tuple[object, ...], tuple[str, Decimal] | None] = {}
    for position in positions:
        role = position.role_key
        heads[role] += position.headcount
        if not has_capacity(kind_of(role, kinds)):
            continue  # heads only (see capacity_share); checked before making the shape
        shape = (
            role,
            position.headcount,
            start_offset(position, fiscal),
            position.is_open,
            position.capacity_override,
        )
        share = known.get(shape)
        if share is None:
            share = known[shape] = capacity_share(position, kinds, assumptions, fiscal)
        if share is not None:
            kind, value = share
            by_kind[kind] += value
            by_role[role] += value
    return CapacityTotals(dict(by_kind), dict(by_role), dict(heads))
