"""Capacity against target: can the people on the chart deliver the plan, and which hires close
the gap. Pure functions on plain values (ORM rows satisfy the protocols); no Qt, no session.

Each role has a capacity kind (revorg/resources/roles.json) and assumptions per scenario:
- quota carriers (AE, inside sales): annual quota x attainment of new business;
- account managers: expansion quota x attainment;
- CSMs: the book of recurring revenue each can look after;
- SDRs, BDRs, appointment setters: qualified meetings per month;
- marketing roles: qualified leads per month.
A new hire ramps linearly: in its k-th month in seat it delivers min(k / ramp, 1) of a full
month. People already in seat are fully ramped. A capacity override on a position is what one
head of it delivers in the fiscal year, and replaces the computed value. Groups count N times.

Exact arithmetic: ramped months are Fractions; capacities become Decimal at the end.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from fractions import Fraction
from functools import cache
from typing import Protocol, TypeVar

from revorg.model.money import ZERO, to_money
from revorg.model.months import FiscalYear, YearMonth
from revorg.model.planning import CostedPosition, TargetInputs, TargetOutcome, forecast

N = TypeVar("N", int, Decimal)
PLAN_WIDE = "*"
ANNUAL_METRIC_BY_KIND = {
    "quota": "annual_quota",
    "expansion_quota": "annual_expansion_quota",
    "book_of_business": "book_of_business",
}
MONTHLY_METRIC_BY_KIND = {"meetings": "meetings_per_month", "leads": "leads_per_month"}
KINDS_WITH_ATTAINMENT = frozenset({"quota", "expansion_quota"})
DEFAULT_ATTAINMENT = Decimal("0.75")
DEFAULT_MEETING_TO_WIN = Decimal("0.25")
PUBLISHED_AES_PER_SDR = Decimal("2.5")  # the published average: 1 SDR to about 2.5 AEs

GREEN, AMBER, RED, NO_TARGET = "green", "amber", "red", "none"
AMBER_FROM = Decimal("0.9")  # 90 % to 100 % covered: amber; below: red
STATUS_RANK = {NO_TARGET: 0, GREEN: 1, AMBER: 2, RED: 3}
MAX_SUGGESTION_ROUNDS = 8  # hiring AEs can raise the meetings they need: settle in rounds


class PlannedPosition(CostedPosition, Protocol):
    """What capacity needs of a position (an ORM Position, or a suggested Hire, satisfies it)."""

    @property
    def role_key(self) -> str: ...
    @property
    def department_key(self) -> str: ...
    @property
    def capacity_override(self) -> Decimal | None: ...


@dataclass(frozen=True)
class Hire:
    """A position that is not on the chart yet: a suggested hire (satisfies PlannedPosition)."""

    role_key: str
    department_key: str
    headcount: int
    start_month: YearMonth | None
    annual_cost: Decimal = ZERO
    capacity_override: Decimal | None = None
    is_open: bool = True


# --- assumptions ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Assumptions:
    """A scenario's assumptions by (role key, metric); role "*" holds plan-wide values."""

    values: Mapping[tuple[str, str], Decimal] = field(default_factory=dict)

    @classmethod
    def of(cls, rows: Iterable[tuple[str, str, Decimal]]) -> Assumptions:
        return cls({(role_key, metric): value for role_key, metric, value in rows})

    def get(self, role_key: str, metric: str, default: Decimal = ZERO) -> Decimal:
        return self.values.get((role_key, metric), default)

    def plan_wide(self, metric: str, default: Decimal = ZERO) -> Decimal:
        return self.values.get((PLAN_WIDE, metric), default)

    def ramp_months(self, role_key: str) -> int:
        return max(0, int(self.get(role_key, "ramp_months")))

    def meeting_to_win_rate(self) -> Decimal:
        return self.plan_wide("meeting_to_win_rate", DEFAULT_MEETING_TO_WIN)

    def hire_start_offset(self) -> int:
        """Suggested hires start in this month of the fiscal year, counted from 0."""
        month = int(self.plan_wide("hire_start_month", Decimal(1)))
        return min(max(month, 1), 12) - 1


# --- one position ----------------------------------------------------------------------------


def full_year_capacity(kind: str, role_key: str, assumptions: Assumptions) -> Decimal:
    """What one fully ramped head of a role delivers in a year, in its kind's unit."""
    if kind in ANNUAL_METRIC_BY_KIND:
        value = assumptions.get(role_key, ANNUAL_METRIC_BY_KIND[kind])
    elif kind in MONTHLY_METRIC_BY_KIND:
        value = assumptions.get(role_key, MONTHLY_METRIC_BY_KIND[kind]) * 12
    else:
        return ZERO
    if kind in KINDS_WITH_ATTAINMENT:
        value *= assumptions.get(role_key, "attainment", DEFAULT_ATTAINMENT)
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
    if kind not in ANNUAL_METRIC_BY_KIND and kind not in MONTHLY_METRIC_BY_KIND:
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


# --- the plan's driver lines -----------------------------------------------------------------


@dataclass(frozen=True)
class DriverLine:
    """One target the organisation must meet, in its own unit, with what its people supply."""

    key: str  # leads, new_business, meetings, base_revenue, expansion
    department_key: str
    unit: str  # "leads", "meetings" or "money"
    target: Decimal
    capacity: Decimal
    hire_role: str | None  # the role that closes a shortfall of this line

    @property
    def coverage(self) -> Decimal | None:
        return None if self.target <= 0 else self.capacity / self.target

    @property
    def shortfall(self) -> Decimal:
        return max(ZERO, self.target - self.capacity)

    @property
    def status(self) -> str:
        return status_of(self.coverage)


def status_of(coverage: Decimal | None) -> str:
    if coverage is None:
        return NO_TARGET
    if coverage >= 1:
        return GREEN
    return AMBER if coverage >= AMBER_FROM else RED


@dataclass(frozen=True)
class DepartmentCapacity:
    """A department's revenue target and the revenue its people can deliver (money)."""

    key: str
    target: Decimal
    capacity: Decimal
    lines: tuple[DriverLine, ...]
    hires_needed: dict[str, int]

    @property
    def coverage(self) -> Decimal | None:
        return None if self.target <= 0 else self.capacity / self.target

    @property
    def gap(self) -> Decimal:
        """Positive: short of the target; negative: capacity to spare."""
        return self.target - self.capacity

    @property
    def status(self) -> str:
        """The worst of its lines: a department is only green when every line is covered."""
        statuses = [line.status for line in self.lines] or [NO_TARGET]
        return max(statuses, key=STATUS_RANK.__getitem__)


@dataclass(frozen=True)
class CapacityReport:
    departments: dict[str, DepartmentCapacity]
    lines: tuple[DriverLine, ...]
    hires_needed: dict[str, int]  # role key: heads, over the whole plan
    aes_per_sdr: Decimal | None  # quota carriers fed per meeting setter (published: 2.5)
    hire_start: YearMonth  # the month the suggested hires start
    # Lines still short after the suggested hires: no hire can close them this year (a zero
    # quota, book or rate among the assumptions, or a hire month too late to ramp).
    unclosable: tuple[DriverLine, ...] = ()

    def line(self, key: str) -> DriverLine | None:
        return next((line for line in self.lines if line.key == key), None)

    @property
    def deliverable_revenue(self) -> Decimal:
        """The revenue the people on the chart can bring in this year: new business is held to
        the smaller of what marketing's leads and sales' quota carry (one feeds the other), plus
        what customer success keeps and expands."""
        departments = self.departments
        new_business = min(departments["marketing"].capacity, departments["sales"].capacity)
        return new_business + departments["customer_success"].capacity


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
    known: dict[tuple[object, ...], Decimal] = {}
    for position in positions:
        kind = kinds.get(position.role_key, "none")
        heads[position.role_key] += position.headcount
        if kind == "none":
            continue
        shape = (
            position.role_key,
            position.headcount,
            start_offset(position, fiscal),
            position.is_open,
            position.capacity_override,
        )
        value = known.get(shape)
        if value is None:
            value = known[shape] = position_capacity(position, kind, assumptions, fiscal)
        by_kind[kind] += value
        by_role[position.role_key] += value
    return CapacityTotals(dict(by_kind), dict(by_role), dict(heads))


def driver_lines(
    inputs: TargetInputs,
    outcome: TargetOutcome,
    totals: CapacityTotals,
    kinds: Mapping[str, str],
    assumptions: Assumptions,
) -> list[DriverLine]:
    """The targets of seed 002 set against the capacity on the chart, line by line."""
    get = totals.by_kind.get
    lines = [
        DriverLine(
            "leads",
            "marketing",
            "leads",
            Decimal(inputs.leads),
            get("leads", ZERO),
            _hire_role(totals, kinds, "leads", "acquisition_specialist"),
        ),
        DriverLine(
            "new_business",
            "sales",
            "money",
            outcome.new_business,
            get("quota", ZERO),
            _quota_hire_role(totals),
        ),
    ]
    meetings = _meetings_line(outcome, totals, kinds, assumptions)
    if meetings is not None:
        lines.append(meetings)
    lines += [
        DriverLine(
            "base_revenue",
            "customer_success",
            "money",
            inputs.base_revenue,
            get("book_of_business", ZERO),
            _hire_role(totals, kinds, "book_of_business", "csm"),
        ),
        DriverLine(
            "expansion",
            "customer_success",
            "money",
            inputs.expansion,
            get("expansion_quota", ZERO),
            _hire_role(totals, kinds, "expansion_quota", "account_manager"),
        ),
    ]
    return lines


def _meetings_line(
    outcome: TargetOutcome,
    totals: CapacityTotals,
    kinds: Mapping[str, str],
    assumptions: Assumptions,
) -> DriverLine | None:
    """AEs close from meetings that SDRs book; inside sales reps find their own."""
    win_rate = assumptions.meeting_to_win_rate()
    supplied = totals.by_kind.get("meetings", ZERO)
    ae_share = _share_closed_by_aes(totals)
    if win_rate <= 0 or (ae_share == 0 and supplied == 0):
        return None
    needed = Decimal(math.ceil(outcome.new_customers * ae_share / win_rate))
    role = _hire_role(totals, kinds, "meetings", "sdr")
    return DriverLine("meetings", "sales", "meetings", needed, supplied, role)


def _share_closed_by_aes(totals: CapacityTotals) -> Decimal:
    ae = totals.by_role.get("ae", ZERO)
    inside = totals.by_role.get("inside_sales", ZERO)
    if ae + inside > 0:
        return ae / (ae + inside)
    return ZERO if totals.headcount_by_role.get("inside_sales") else Decimal(1)


def _quota_hire_role(totals: CapacityTotals) -> str:
    """Hire more of the sales model on the chart: inside sales reps where there are no AEs."""
    heads = totals.headcount_by_role
    return "inside_sales" if heads.get("inside_sales") and not heads.get("ae") else "ae"


def _hire_role(totals: CapacityTotals, kinds: Mapping[str, str], kind: str, default: str) -> str:
    """The role of that kind with the most heads on the chart (the usual one on a tie)."""
    present = [
        (heads, role == default, role)
        for role, heads in totals.headcount_by_role.items()
        if kinds.get(role) == kind
    ]
    return max(present)[2] if present else default


def department_capacities(
    lines: Sequence[DriverLine],
    inputs: TargetInputs,
    hires: Mapping[str, int],
    department_of: Mapping[str, str],
) -> dict[str, DepartmentCapacity]:
    """Lines rolled up per department, in revenue: marketing's leads at the close rate and
    average deal, sales' quota, customer success' retained book plus expansion."""
    by_key = {line.key: line for line in lines}
    revenue_per_lead = inputs.close_rate * inputs.average_deal
    leads, sales = by_key["leads"], by_key["new_business"]
    base, expansion = by_key["base_revenue"], by_key["expansion"]
    retained_base = min(base.capacity, inputs.base_revenue) * inputs.retention
    rollups = {
        "marketing": (leads.target * revenue_per_lead, leads.capacity * revenue_per_lead),
        "sales": (sales.target, sales.capacity),
        "customer_success": (
            inputs.base_revenue * inputs.retention + expansion.target,
            retained_base + expansion.capacity,
        ),
    }
    result = {}
    for key in ("executive", "marketing", "sales", "customer_success", "revops"):
        target, capacity = rollups.get(key, (ZERO, ZERO))
        result[key] = DepartmentCapacity(
            key=key,
            target=to_money(target),
            capacity=to_money(capacity),
            lines=tuple(line for line in lines if line.department_key == key),
            hires_needed={
                role: count
                for role, count in hires.items()
                if department_of.get(role) == key and count > 0
            },
        )
    return result


# --- the report and the hires that close the gaps ------------------------------------------


def capacity_report(
    positions: Sequence[PlannedPosition],
    inputs: TargetInputs,
    kinds: Mapping[str, str],
    department_of: Mapping[str, str],
    assumptions: Assumptions,
    fiscal: FiscalYear,
) -> CapacityReport:
    """Target against capacity per line and department, with the hires that close each gap.

    `kinds` and `department_of` map role keys to their capacity kind and department.
    """
    totals = capacity_totals(positions, kinds, assumptions, fiscal)
    return capacity_report_of(totals, inputs, kinds, department_of, assumptions, fiscal)


def capacity_report_of(
    totals: CapacityTotals,
    inputs: TargetInputs,
    kinds: Mapping[str, str],
    department_of: Mapping[str, str],
    assumptions: Assumptions,
    fiscal: FiscalYear,
) -> CapacityReport:
    """capacity_report() from the positions' totals (kept up to date by the editor, so that
    a change of target does not sum the chart again)."""
    outcome = forecast(inputs)
    lines = driver_lines(inputs, outcome, totals, kinds, assumptions)
    hires = suggest_hires((), inputs, kinds, department_of, assumptions, fiscal, totals)
    start = hire_start(assumptions, fiscal)
    hired = [Hire(role, department_of.get(role, ""), n, start) for role, n in hires.items()]
    after = totals.plus(capacity_totals(hired, kinds, assumptions, fiscal))
    return CapacityReport(
        departments=department_capacities(lines, inputs, hires, department_of),
        lines=tuple(lines),
        hires_needed=hires,
        aes_per_sdr=_aes_per_sdr(totals, kinds),
        hire_start=start,
        unclosable=tuple(
            line
            for line in driver_lines(inputs, outcome, after, kinds, assumptions)
            if line.shortfall > 0
        ),
    )


def hire_start(assumptions: Assumptions, fiscal: FiscalYear) -> YearMonth:
    """The month suggested hires start: a plan-wide assumption, counted in the fiscal year."""
    return fiscal.first.plus_months(assumptions.hire_start_offset())


def _aes_per_sdr(totals: CapacityTotals, kinds: Mapping[str, str]) -> Decimal | None:
    heads = totals.headcount_by_role
    setters = sum(n for role, n in heads.items() if kinds.get(role) == "meetings")
    return None if not setters else Decimal(heads.get("ae", 0)) / setters


def suggest_hires(
    positions: Sequence[PlannedPosition],
    inputs: TargetInputs,
    kinds: Mapping[str, str],
    department_of: Mapping[str, str],
    assumptions: Assumptions,
    fiscal: FiscalYear,
    on_chart: CapacityTotals | None = None,
) -> dict[str, int]:
    """Heads per role, rounded up, that close every short line when hired at the plan's hire
    month (a plan-wide assumption) and ramped. Lines that no hire in the year can close (a
    capacity of zero per hire) are left short. `on_chart`: the positions' totals, if known."""
    outcome = forecast(inputs)
    hired: list[Hire] = []
    counts: dict[str, int] = defaultdict(int)
    start = hire_start(assumptions, fiscal)
    if on_chart is None:  # computed once: the chart can be large, the hires are few
        on_chart = capacity_totals(positions, kinds, assumptions, fiscal)
    for _round in range(MAX_SUGGESTION_ROUNDS):
        totals = on_chart.plus(capacity_totals(hired, kinds, assumptions, fiscal))
        added = False
        for line in driver_lines(inputs, outcome, totals, kinds, assumptions):
            if line.shortfall <= 0 or line.hire_role is None:
                continue
            hire = Hire(line.hire_role, department_of.get(line.hire_role, ""), 1, start)
            kind = kinds.get(line.hire_role, "none")
            per_hire = position_capacity(hire, kind, assumptions, fiscal)
            if per_hire <= 0:
                continue
            count = math.ceil(line.shortfall / per_hire)
            hired.append(replace(hire, headcount=count))
            counts[line.hire_role] += count
            added = True
        if not added:
            break
    return dict(counts)
