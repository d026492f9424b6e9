"""Target against capacity: the plan's driver lines (seed 002's targets, each in its own unit,
set against what the people on the chart supply) and their roll-up per department.

Which role closes a short line, and which quota carriers take the meetings that setters book,
is catalogue data (revorg.model.catalogue.capacity_roles), not role keys written here.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from revorg.model.capacity.assumptions import Assumptions
from revorg.model.capacity.rule import CapacityTotals
from revorg.model.catalogue import CapacityRoles, capacity_roles
from revorg.model.money import ZERO, to_money
from revorg.model.months import YearMonth
from revorg.model.planning import TargetInputs, TargetOutcome
from revorg.model.vocabulary import STATUS_RANK, CapacityKind, DriverLineKey, LineUnit, Status

AMBER_FROM = Decimal("0.9")  # 90 % to 100 % covered: amber; below: red
PUBLISHED_AES_PER_SDR = Decimal("2.5")  # the published average: 1 SDR to about 2.5 AEs
DEPARTMENT_ORDER = ("executive", "marketing", "sales", "customer_success", "revops")


def status_of(coverage: Decimal | None) -> Status:
    if coverage is None:
        return Status.NONE
    if coverage >= 1:
        return Status.GREEN
    return Status.AMBER if coverage >= AMBER_FROM else Status.RED


@dataclass(frozen=True)
class DriverLine:
    """One target the organisation must meet, in its own unit, with what its people supply."""

    key: str  # a DriverLineKey
    department_key: str
    unit: str  # a LineUnit
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
    def status(self) -> Status:
        return status_of(self.coverage)


@dataclass(frozen=True)
class DepartmentCapacity:
    """A department's revenue target and the revenue its people can deliver (money)."""

    key: str
    target: Decimal
    capacity: Decimal
    lines: tuple[DriverLine, ...]
    hires_needed: dict[str, int]
    leavers: Decimal = ZERO  # people expected to leave in the year
    capacity_lost: Decimal = ZERO  # the revenue capacity they take with them

    @property
    def coverage(self) -> Decimal | None:
        return None if self.target <= 0 else self.capacity / self.target

    @property
    def gap(self) -> Decimal:
        """Positive: short of the target; negative: capacity to spare."""
        return self.target - self.capacity

    @property
    def status(self) -> Status:
        """The worst of its lines: a department is only green when every line is covered."""
        statuses = [line.status for line in self.lines] or [Status.NONE]
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
    # Replacements for the people on the chart expected to leave (rounded per role): hired
    # into existing seats, so not new positions.
    backfills: dict[str, int] = field(default_factory=dict)
    # Expected leavers per role (to four places) and what they cost per capacity kind.
    leavers: dict[str, Decimal] = field(default_factory=dict)
    capacity_lost: dict[str, Decimal] = field(default_factory=dict)

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


def driver_lines(
    inputs: TargetInputs,
    outcome: TargetOutcome,
    totals: CapacityTotals,
    kinds: Mapping[str, str],
    assumptions: Assumptions,
) -> list[DriverLine]:
    """The targets of seed 002 set against the capacity on the chart, line by line."""
    get = totals.by_kind.get
    roles = capacity_roles()
    lines = [
        DriverLine(
            DriverLineKey.LEADS,
            "marketing",
            LineUnit.LEADS,
            Decimal(inputs.leads),
            get(CapacityKind.LEADS, ZERO),
            hire_role(totals, kinds, CapacityKind.LEADS, roles),
        ),
        DriverLine(
            DriverLineKey.NEW_BUSINESS,
            "sales",
            LineUnit.MONEY,
            outcome.new_business,
            get(CapacityKind.QUOTA, ZERO),
            quota_hire_role(totals, roles),
        ),
    ]
    meetings = _meetings_line(outcome, totals, kinds, assumptions, roles)
    if meetings is not None:
        lines.append(meetings)
    lines += [
        DriverLine(
            DriverLineKey.BASE_REVENUE,
            "customer_success",
            LineUnit.MONEY,
            inputs.base_revenue,
            get(CapacityKind.BOOK_OF_BUSINESS, ZERO),
            hire_role(totals, kinds, CapacityKind.BOOK_OF_BUSINESS, roles),
        ),
        DriverLine(
            DriverLineKey.EXPANSION,
            "customer_success",
            LineUnit.MONEY,
            inputs.expansion,
            get(CapacityKind.EXPANSION_QUOTA, ZERO),
            hire_role(totals, kinds, CapacityKind.EXPANSION_QUOTA, roles),
        ),
    ]
    return lines


def _meetings_line(
    outcome: TargetOutcome,
    totals: CapacityTotals,
    kinds: Mapping[str, str],
    assumptions: Assumptions,
    roles: CapacityRoles,
) -> DriverLine | None:
    """AEs close from meetings that SDRs book; inside sales reps find their own."""
    win_rate = assumptions.meeting_to_win_rate()
    supplied = totals.by_kind.get(CapacityKind.MEETINGS, ZERO)
    booked_share = share_closed_from_booked_meetings(totals, roles)
    if win_rate <= 0 or (booked_share == 0 and supplied == 0):
        return None
    needed = Decimal(math.ceil(outcome.new_customers * booked_share / win_rate))
    role = hire_role(totals, kinds, CapacityKind.MEETINGS, roles)
    return DriverLine(DriverLineKey.MEETINGS, "sales", LineUnit.MEETINGS, needed, supplied, role)


def _sum_of(values: Mapping[str, Decimal], keys: Sequence[str]) -> Decimal:
    return sum((values.get(key, ZERO) for key in keys), ZERO)


def share_closed_from_booked_meetings(totals: CapacityTotals, roles: CapacityRoles) -> Decimal:
    """The share of new business closed by quota carriers fed by setters (AEs) rather than by
    those who book their own meetings (inside sales), by capacity. With neither on the chart:
    all of it, unless heads of the second kind are there (with a capacity of zero)."""
    booked = _sum_of(totals.by_role, roles.booked_closers)
    own = _sum_of(totals.by_role, roles.own_pipeline_closers)
    if booked + own > 0:
        return booked / (booked + own)
    heads = totals.headcount_by_role
    return ZERO if any(heads.get(role) for role in roles.own_pipeline_closers) else Decimal(1)


def quota_hire_role(totals: CapacityTotals, roles: CapacityRoles) -> str:
    """Hire more of the sales model on the chart: quota carriers who book their own meetings
    where none fed by setters are on it, else the usual quota hire (AEs)."""
    heads = totals.headcount_by_role
    if not any(heads.get(role) for role in roles.booked_closers):
        own = [role for role in roles.own_pipeline_closers if heads.get(role)]
        if own:
            return max(own, key=lambda role: heads[role])
    return roles.default_hire[CapacityKind.QUOTA]


def hire_role(
    totals: CapacityTotals, kinds: Mapping[str, str], kind: CapacityKind, roles: CapacityRoles
) -> str:
    """The role of that kind with the most heads on the chart (the usual hire on a tie)."""
    default = roles.default_hire[kind]
    present = [
        (heads, role == default, role)
        for role, heads in totals.headcount_by_role.items()
        if kinds.get(role) == kind
    ]
    return max(present)[2] if present else default


def aes_per_sdr(totals: CapacityTotals, kinds: Mapping[str, str]) -> Decimal | None:
    """Heads of quota carriers fed by setters per head of a meeting setter."""
    heads = totals.headcount_by_role
    setters = sum(n for role, n in heads.items() if kinds.get(role) == CapacityKind.MEETINGS)
    if not setters:
        return None
    closers = sum(heads.get(role, 0) for role in capacity_roles().booked_closers)
    return Decimal(closers) / setters


def department_capacities(
    lines: Sequence[DriverLine],
    inputs: TargetInputs,
    hires: Mapping[str, int],
    department_of: Mapping[str, str],
    leavers: Mapping[str, Decimal] | None = None,
    lost_by_kind: Mapping[str, Decimal] | None = None,
) -> dict[str, DepartmentCapacity]:
    """Lines rolled up per department, in revenue: marketing's leads at the close rate and
    average deal, sales' quota, customer success' retained book plus expansion. `leavers` (per
    role) and `lost_by_kind` (capacity leavers cost, per kind) give each department its
    attrition, rolled up the same way."""
    leavers = leavers or {}
    by_key = {line.key: line for line in lines}
    capacity = {key: line.capacity for key, line in by_key.items()}
    rollups = _revenue_rollups(capacity, {key: line.target for key, line in by_key.items()}, inputs)
    kept = _revenue_rollups(_plus_lost(capacity, lost_by_kind or {}), {}, inputs)
    result = {}
    for key in DEPARTMENT_ORDER:
        target, delivered = rollups.get(key, (ZERO, ZERO))
        result[key] = DepartmentCapacity(
            key=key,
            target=to_money(target),
            capacity=to_money(delivered),
            lines=tuple(line for line in lines if line.department_key == key),
            hires_needed={
                role: count
                for role, count in hires.items()
                if department_of.get(role) == key and count > 0
            },
            leavers=sum((n for role, n in leavers.items() if department_of.get(role) == key), ZERO),
            capacity_lost=to_money(kept.get(key, (ZERO, ZERO))[1] - delivered),
        )
    return result


# The capacity kind behind each driver line's capacity.
_LINE_KINDS = {
    DriverLineKey.LEADS: CapacityKind.LEADS,
    DriverLineKey.NEW_BUSINESS: CapacityKind.QUOTA,
    DriverLineKey.BASE_REVENUE: CapacityKind.BOOK_OF_BUSINESS,
    DriverLineKey.EXPANSION: CapacityKind.EXPANSION_QUOTA,
}


def _plus_lost(capacity: Mapping[str, Decimal], lost: Mapping[str, Decimal]) -> dict[str, Decimal]:
    """Line capacities as they would be if nobody left."""
    return {
        key: value + lost.get(_LINE_KINDS.get(DriverLineKey(key), ""), ZERO)
        for key, value in capacity.items()
    }


def _revenue_rollups(
    capacity: Mapping[str, Decimal], targets: Mapping[str, Decimal], inputs: TargetInputs
) -> dict[str, tuple[Decimal, Decimal]]:
    """(target, capacity) in revenue per department, from the lines' own units."""
    revenue_per_lead = inputs.close_rate * inputs.average_deal
    target = targets.get
    retained_base = min(capacity[DriverLineKey.BASE_REVENUE], inputs.base_revenue)
    return {
        "marketing": (
            target(DriverLineKey.LEADS, ZERO) * revenue_per_lead,
            capacity[DriverLineKey.LEADS] * revenue_per_lead,
        ),
        "sales": (
            target(DriverLineKey.NEW_BUSINESS, ZERO),
            capacity[DriverLineKey.NEW_BUSINESS],
        ),
        "customer_success": (
            inputs.base_revenue * inputs.retention + target(DriverLineKey.EXPANSION, ZERO),
            retained_base * inputs.retention + capacity[DriverLineKey.EXPANSION],
        ),
    }
