"""The year month by month: each department's target and capacity phased over the fiscal year,
in quarters, and the first month where the cumulative capacity falls behind the target.

Targets follow the scenario's seasonality of bookings (revorg.model.seasonality): new business
(marketing's leads carry it, sales closes it) and expansion by the seasonality, the retained base
evenly. Capacity follows its people: their start months, ramps and leavers, summed exactly per
capacity kind (revorg.model.capacity), then rolled up into revenue as the year's figures are,
each month taking its share of the department's year capacity. So the twelve months add up to the
year's figures to the cent: a month is the difference of two rounded running totals.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from revorg.model.capacity import CapacityReport
from revorg.model.money import ZERO, to_money
from revorg.model.months import FiscalYear, YearMonth
from revorg.model.planning import TargetInputs, TargetOutcome
from revorg.model.seasonality import Seasonality
from revorg.model.vocabulary import CapacityKind

MONTHS = 12
QUARTERS = 4
PHASED_DEPARTMENTS = ("marketing", "sales", "customer_success")
TOTAL = "total"  # the plan's revenue: new business (as marketing and sales can carry it) + CS


@dataclass(frozen=True)
class Phased:
    """One department's (or the plan's) target and capacity month by month, in revenue."""

    key: str
    target: tuple[Decimal, ...]
    capacity: tuple[Decimal, ...]

    def quarters(self) -> list[tuple[Decimal, Decimal]]:
        """(target, capacity) of each fiscal quarter."""
        return [
            (sum(self.target[q * 3 : q * 3 + 3], ZERO), sum(self.capacity[q * 3 : q * 3 + 3], ZERO))
            for q in range(QUARTERS)
        ]

    def first_month_behind(self) -> int | None:
        """The first month (0 to 11) where the capacity so far is less than the target so far;
        None when capacity keeps up all year."""
        target_so_far = capacity_so_far = ZERO
        for month in range(MONTHS):
            target_so_far += self.target[month]
            capacity_so_far += self.capacity[month]
            if capacity_so_far < target_so_far:
                return month
        return None


@dataclass(frozen=True)
class YearPhasing:
    months: tuple[YearMonth, ...]
    seasonality: Seasonality
    departments: dict[str, Phased]  # marketing, sales, customer success, and TOTAL

    def quarter_months(self, quarter: int) -> tuple[YearMonth, ...]:
        return self.months[quarter * 3 : quarter * 3 + 3]


def phase_year(
    inputs: TargetInputs,
    outcome: TargetOutcome,
    report: CapacityReport,
    monthly_by_kind: Mapping[str, Sequence[Fraction]],
    seasonality: Seasonality,
    fiscal: FiscalYear,
) -> YearPhasing:
    """The departments of `report` (the year's figures) phased month by month."""
    shares = seasonality.shares()
    even = (Fraction(1, MONTHS),) * MONTHS
    base_retained = inputs.base_revenue * inputs.retention
    departments = report.departments
    marketing_target = departments["marketing"].target
    sales_target = departments["sales"].target
    expansion_target = inputs.expansion

    def shape(kind: str) -> tuple[Fraction, ...]:
        return _shape_of(monthly_by_kind.get(kind), even)

    phased = {
        "marketing": Phased(
            "marketing",
            spread(marketing_target, shares),
            spread(departments["marketing"].capacity, shape(CapacityKind.LEADS)),
        ),
        "sales": Phased(
            "sales",
            spread(sales_target, shares),
            spread(departments["sales"].capacity, shape(CapacityKind.QUOTA)),
        ),
        "customer_success": _customer_success(
            base_retained, expansion_target, report, shares, even, shape
        ),
    }
    new_business = min((phased["marketing"], phased["sales"]), key=lambda p: sum(p.capacity, ZERO))
    phased[TOTAL] = Phased(
        TOTAL,
        _added(spread(outcome.new_business, shares), phased["customer_success"].target),
        _added(new_business.capacity, phased["customer_success"].capacity),
    )
    return YearPhasing(tuple(fiscal.months()), seasonality, phased)


def _customer_success(
    base_retained: Decimal,
    expansion_target: Decimal,
    report: CapacityReport,
    shares: Sequence[Fraction],
    even: Sequence[Fraction],
    shape: Callable[[str], tuple[Fraction, ...]],
) -> Phased:
    """The retained base evenly, expansion by the seasonality; capacity: the book kept as the
    CSMs' book runs, expansion as the account managers' quota runs."""
    expansion_line = report.line("expansion")
    expansion_capacity = expansion_line.capacity if expansion_line else ZERO
    retained_capacity = report.departments["customer_success"].capacity - expansion_capacity
    return Phased(
        "customer_success",
        _added(spread(to_money(base_retained), even), spread(expansion_target, shares)),
        _added(
            spread(retained_capacity, shape(CapacityKind.BOOK_OF_BUSINESS)),
            spread(expansion_capacity, shape(CapacityKind.EXPANSION_QUOTA)),
        ),
    )


def _shape_of(monthly: Sequence[Fraction] | None, even: Sequence[Fraction]) -> tuple[Fraction, ...]:
    """Each month's share of a kind's year capacity (even when there is none)."""
    if not monthly:
        return tuple(even)
    total = sum(monthly, Fraction(0))
    if total <= 0:
        return tuple(even)
    return tuple(value / total for value in monthly)


def spread(amount: Decimal, shares: Sequence[Fraction]) -> tuple[Decimal, ...]:
    """`amount` over the months by their shares, to the cent, adding up to `amount` exactly:
    each month is the rounded running total less the one before (what a workbook's
    ROUND(year * share so far, 2) - ROUND(year * share before, 2) gives)."""
    result = []
    before = ZERO
    so_far = Fraction(0)
    exact = Fraction(amount)
    for share in shares:
        so_far += share
        running = _cents(exact * so_far)
        result.append(running - before)
        before = running
    return tuple(result)


def _added(a: Sequence[Decimal], b: Sequence[Decimal]) -> tuple[Decimal, ...]:
    return tuple(x + y for x, y in zip(a, b, strict=True))


def _cents(value: Fraction) -> Decimal:
    return to_money(Decimal(value.numerator) / Decimal(value.denominator))
