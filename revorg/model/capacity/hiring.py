"""The capacity report and the hires that close its gaps."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal

from revorg.model.capacity.assumptions import Assumptions
from revorg.model.capacity.coverage import (
    CapacityReport,
    aes_per_sdr,
    department_capacities,
    driver_lines,
)
from revorg.model.capacity.rule import (
    CapacityTotals,
    PlannedPosition,
    capacity_totals,
    kind_of,
    position_capacity,
)
from revorg.model.money import ZERO
from revorg.model.months import FiscalYear, YearMonth
from revorg.model.planning import TargetInputs, forecast

MAX_SUGGESTION_ROUNDS = 8  # hiring AEs can raise the meetings they need: settle in rounds


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
    # The people on the chart: the leavers, backfills and capacity lost of the organisation as
    # drawn (the workbook's formulas see the same), not of the hires suggested on top of it.
    # In role-key order: the sums' own order depends on the order positions joined them.
    twelfths = dict(sorted(totals.leaver_twelfths_by_role.items()))
    leavers = {role: totals.leavers(role) for role in twelfths}
    return CapacityReport(
        departments=department_capacities(
            lines, inputs, hires, department_of, leavers, totals.lost_by_kind
        ),
        lines=tuple(lines),
        hires_needed=hires,
        aes_per_sdr=aes_per_sdr(totals, kinds),
        hire_start=start,
        unclosable=tuple(
            line
            for line in driver_lines(inputs, outcome, after, kinds, assumptions)
            if line.shortfall > 0
        ),
        # Rounded half up, not up: 0.15 expected leavers is no hire to plan, 0.8 is one.
        backfills={
            role: heads
            for role, count in twelfths.items()
            if (heads := int((count / 12).to_integral_value(ROUND_HALF_UP))) > 0
        },
        leavers={role: count for role, count in leavers.items() if count > 0},
        capacity_lost={kind: lost for kind, lost in sorted(totals.lost_by_kind.items()) if lost},
    )


def hire_start(assumptions: Assumptions, fiscal: FiscalYear) -> YearMonth:
    """The month suggested hires start: a plan-wide assumption, counted in the fiscal year."""
    return fiscal.first.plus_months(assumptions.hire_start_offset())


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
            kind = kind_of(line.hire_role, kinds)
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
