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

People leave (expected values): each month a twelfth of the role's annual attrition of the heads
in seat leave at the start of the month; the seat stays empty for the role's backfill months, and
the replacement ramps from zero. A leaver in month m costs the seat what it would have delivered
from m on, less what the replacement delivers. First order: replacements do not leave again
within the year. Overrides are the user's own figure and are not reduced.

Exact arithmetic: ramped months are Fractions; capacities become Decimal at the end.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from functools import cache
from typing import NamedTuple, Protocol, TypeVar

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
def expected_productivity(
    offset: int, ramp: int, ramped_already: bool, attrition: Decimal, backfill: int
) -> tuple[Fraction, ...]:
    """monthly_productivity() less the expected output lost to leavers (see the module's rule):
    a leaver at the start of month m takes the seat's output of months m..11 and gives back the
    replacement's, who starts in month m + backfill and ramps again.

    In month j, the leavers of months offset..j each took the seat's output of j, and their
    replacements give back what new hires in their first 1..(j - offset - backfill + 1) months
    deliver: a sum in closed form, so that a month costs a few operations, not a loop."""
    seat = monthly_productivity(offset, ramp, ramped_already)
    if attrition <= 0:
        return seat
    leaving = Fraction(attrition) / 12  # of the heads in seat, each month
    expected = list(seat)
    for month in range(offset, 12):
        leavers_so_far = month - offset + 1
        given_back = new_hire_output(month - offset - backfill + 1, ramp)
        expected[month] -= leaving * (leavers_so_far * seat[month] - given_back)
    return tuple(expected)


@cache
def new_hire_output(months: int, ramp: int) -> Fraction:
    """What a new hire delivers in its first `months` months, in full months: the sum of
    min(k / ramp, 1) for k = 1..months."""
    if months <= 0:
        return Fraction(0)
    if ramp <= 0:
        return Fraction(months)
    if months <= ramp:
        return Fraction(months * (months + 1), 2 * ramp)
    return Fraction(ramp + 1, 2) + (months - ramp)


@cache
def ramped_months(
    offset: int,
    ramp: int,
    ramped_already: bool = False,
    attrition: Decimal = ZERO,
    backfill: int = 0,
) -> Fraction:
    """Full months of output in the fiscal year: 11 for a start in month 1 with a 3-month ramp
    (1/3 + 2/3 + 1 + 9 x 1), less what leavers are expected to cost."""
    return sum(
        expected_productivity(offset, ramp, ramped_already, attrition, backfill), Fraction(0)
    )


SeatKey = tuple[int, int, bool, Decimal, int]


def _seat_key(
    position: PlannedPosition,
    assumptions: Assumptions,
    fiscal: FiscalYear,
    with_leavers: bool = True,
) -> SeatKey:
    """What a seat's month-by-month output depends on: start, ramp, already ramped, attrition
    and backfill (the key of the cached expected_productivity and ramped_months)."""
    role = position.role_key
    return (
        start_offset(position, fiscal),
        assumptions.ramp_months(role),
        is_in_seat_all_year(position),
        assumptions.annual_attrition(role) if with_leavers else ZERO,
        assumptions.backfill_months(role),
    )


def _seat_productivity(
    position: PlannedPosition, assumptions: Assumptions, fiscal: FiscalYear
) -> tuple[Fraction, ...]:
    return expected_productivity(*_seat_key(position, assumptions, fiscal))


def position_capacity(
    position: PlannedPosition,
    kind: str,
    assumptions: Assumptions,
    fiscal: FiscalYear,
    with_leavers: bool = True,
) -> Decimal:
    """The position's capacity in the fiscal year, in its kind's unit, all heads counted
    (`with_leavers` False: as if nobody left, to tell what attrition costs)."""
    if position.capacity_override is not None:
        # The override is a year's output of one head, counted if the head is in seat at all.
        if start_offset(position, fiscal) >= 12:
            return ZERO
        return to_money(position.capacity_override * position.headcount)
    per_year = full_year_capacity(kind, position.role_key, assumptions)
    if per_year == 0:
        return ZERO
    months = ramped_months(*_seat_key(position, assumptions, fiscal, with_leavers))
    return _exact(Fraction(per_year) * months * position.headcount / 12)


class CapacityShare(NamedTuple):
    """What one position adds to the capacity sums."""

    kind: str
    capacity: Decimal  # in the kind's unit, leavers counted
    lost: Decimal  # what leavers are expected to cost, in the same unit
    monthly: tuple[Fraction, ...]  # the capacity month by month, unrounded
    # Quota kinds: the quota assigned to the seat for the year, ramped, before attainment (an
    # override is taken as assigned); other kinds: 0.
    assigned: Decimal = ZERO


def capacity_share(
    position: PlannedPosition,
    kinds: Mapping[str, str],
    assumptions: Assumptions,
    fiscal: FiscalYear,
) -> CapacityShare | None:
    """What a position adds to the capacity sums; None when its role has no capacity kind (it
    adds heads only). Every sum of capacity counts positions by this."""
    kind = kind_of(position.role_key, kinds)
    if not has_capacity(kind):
        return None
    capacity = position_capacity(position, kind, assumptions, fiscal)
    planned = position_capacity(position, kind, assumptions, fiscal, with_leavers=False)
    monthly = tuple(exact_monthly_capacity(position, kind, assumptions, fiscal))
    assigned = assigned_quota(position, kind, assumptions, fiscal)
    return CapacityShare(kind, capacity, planned - capacity, monthly, assigned)


def assigned_quota(
    position: PlannedPosition, kind: str, assumptions: Assumptions, fiscal: FiscalYear
) -> Decimal:
    """The ramped quota a quota carrier is assigned for the year (before attainment: what the
    sum of quotas is compared with the target by); 0 for kinds without attainment."""
    if kind not in KINDS_WITH_ATTAINMENT:
        return ZERO
    if position.capacity_override is not None:
        return position_capacity(position, kind, assumptions, fiscal)
    quota = assumptions.get(position.role_key, ANNUAL_METRIC_BY_KIND[CapacityKind(kind)])
    months = ramped_months(*_seat_key(position, assumptions, fiscal))
    return _exact(Fraction(quota) * months * position.headcount / 12)


def monthly_assigned_quota(
    position: PlannedPosition, kind: str, assumptions: Assumptions, fiscal: FiscalYear
) -> tuple[Decimal, ...]:
    """A quota carrier's ramped quota in each month of the fiscal year, all heads counted,
    before attainment and without expected leavers: the number a person is measured against
    (actuals), where assigned_quota is the seat's expected year. Zeros for kinds without a
    quota; an override spreads evenly over the months in seat."""
    if kind not in KINDS_WITH_ATTAINMENT:
        return (ZERO,) * 12
    offset = start_offset(position, fiscal)
    ramp = assumptions.ramp_months(position.role_key)
    seated = is_in_seat_all_year(position)
    heads = position.headcount
    # The cached tuple itself (immutable): a summary asks for 2,000 carriers' months.
    if position.capacity_override is not None:
        override = position.capacity_override
        return _quota_months(override, heads, offset, ramp, seated, spread_evenly=True)
    quota = assumptions.get(position.role_key, ANNUAL_METRIC_BY_KIND[CapacityKind(kind)])
    return _quota_months(quota, heads, offset, ramp, seated)


@cache  # a chart has thousands of carriers and a few dozen quotas, starts and ramps
def _quota_months(
    quota: Decimal, heads: int, offset: int, ramp: int, seated: bool, spread_evenly: bool = False
) -> tuple[Decimal, ...]:
    year = Fraction(quota) * heads
    shares = monthly_productivity(offset, ramp, seated)
    if spread_evenly:  # an override: the year's figure over the months in seat
        in_seat = sum(1 for share in shares if share) or 1
        return tuple(_exact(year / in_seat) if share else ZERO for share in shares)
    return tuple(_exact(year / 12 * share) for share in shares)


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
    if kind not in KINDS_WITH_CAPACITY:
        return [Fraction(0)] * 12  # leaders, support...: no capacity, whatever an override says
    if position.capacity_override is not None:
        offset = start_offset(position, fiscal)
        shares = monthly_productivity(offset, assumptions.ramp_months(position.role_key), True)
        months_in_seat = sum(1 for share in shares if share)
        per_month = Fraction(position.capacity_override) * position.headcount
        return [per_month / months_in_seat if share else Fraction(0) for share in shares]
    full_month = Fraction(full_year_capacity(kind, position.role_key, assumptions)) / 12
    full_month *= position.headcount
    shares = _seat_productivity(position, assumptions, fiscal)
    return [full_month if share == 1 else full_month * share for share in shares]


def _exact(value: Fraction) -> Decimal:
    return to_money(Decimal(value.numerator) / Decimal(value.denominator))


# --- sums over a chart -----------------------------------------------------------------------


MONTHS_OF_NOTHING = (Fraction(0),) * 12


@dataclass(frozen=True)
class CapacityTotals:
    """Capacity per kind and per role, summed over the positions (one pass), with what leavers
    cost per kind, the leavers per role, and the capacity per kind month by month."""

    by_kind: dict[str, Decimal]
    by_role: dict[str, Decimal]
    headcount_by_role: dict[str, int]
    lost_by_kind: dict[str, Decimal] = field(default_factory=dict)
    # Twelve times the expected leavers (exact in decimals: rate x months in seat x heads).
    leaver_twelfths_by_role: dict[str, Decimal] = field(default_factory=dict)
    monthly_by_kind: dict[str, tuple[Fraction, ...]] = field(default_factory=dict)
    assigned_by_kind: dict[str, Decimal] = field(default_factory=dict)  # quota kinds

    def plus(self, other: CapacityTotals) -> CapacityTotals:
        return CapacityTotals(
            _added(self.by_kind, other.by_kind, ZERO),
            _added(self.by_role, other.by_role, ZERO),
            _added(self.headcount_by_role, other.headcount_by_role, 0),
            _added(self.lost_by_kind, other.lost_by_kind, ZERO),
            _added(self.leaver_twelfths_by_role, other.leaver_twelfths_by_role, ZERO),
            {
                kind: _months_added(
                    self.monthly_by_kind.get(kind, MONTHS_OF_NOTHING),
                    other.monthly_by_kind.get(kind, MONTHS_OF_NOTHING),
                )
                for kind in {*self.monthly_by_kind, *other.monthly_by_kind}
            },
            _added(self.assigned_by_kind, other.assigned_by_kind, ZERO),
        )

    def leavers(self, role_key: str) -> Decimal:
        """Heads of a role expected to leave in the year (to four places)."""
        twelfths = self.leaver_twelfths_by_role.get(role_key, ZERO)
        return (twelfths / 12).quantize(Decimal("0.0001"))


def _months_added(a: Sequence[Fraction], b: Sequence[Fraction]) -> tuple[Fraction, ...]:
    return tuple(x + y for x, y in zip(a, b, strict=True))


def leaver_twelfths(
    position: PlannedPosition, assumptions: Assumptions, fiscal: FiscalYear
) -> Decimal:
    """Twelve times the heads of the position expected to leave within the fiscal year: a
    twelfth of the role's annual attrition for each month in seat."""
    rate = assumptions.annual_attrition(position.role_key)
    if rate <= 0:
        return ZERO
    months_in_seat = max(0, 12 - start_offset(position, fiscal))
    return rate * months_in_seat * position.headcount


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
    lost: dict[str, Decimal] = defaultdict(lambda: ZERO)
    leavers: dict[str, Decimal] = defaultdict(lambda: ZERO)
    assigned: dict[str, Decimal] = defaultdict(lambda: ZERO)
    monthly: dict[str, list[Fraction]] = {}
    heads: dict[str, int] = defaultdict(int)
    # A large chart repeats a few dozen shapes of position thousands of times: compute each once.
    known: dict[tuple[object, ...], tuple[CapacityShare | None, Decimal]] = {}
    for position in positions:
        role = position.role_key
        heads[role] += position.headcount
        shape = (
            role,
            position.headcount,
            start_offset(position, fiscal),
            position.is_open,
            position.capacity_override,
        )
        known_share = known.get(shape)
        if known_share is None:
            known_share = known[shape] = (
                capacity_share(position, kinds, assumptions, fiscal),
                leaver_twelfths(position, assumptions, fiscal),
            )
        share, twelfths = known_share
        if twelfths:
            leavers[role] += twelfths
        if share is not None:
            by_kind[share.kind] += share.capacity
            by_role[role] += share.capacity
            lost[share.kind] += share.lost
            if share.assigned:
                assigned[share.kind] += share.assigned
            months = monthly.setdefault(share.kind, [Fraction(0)] * 12)
            for index, value in enumerate(share.monthly):
                months[index] += value
    return CapacityTotals(
        dict(by_kind),
        dict(by_role),
        dict(heads),
        dict(lost),
        dict(leavers),
        {kind: tuple(values) for kind, values in monthly.items()},
        dict(assigned),
    )
