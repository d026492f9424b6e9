"""A scenario's numbers gathered in one place, for the command line, the status bar and exports."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

from revorg.model.bulk import driver_connection
from revorg.model.capacity import (
    Assumptions,
    CapacityReport,
    CapacityTotals,
    capacity_report_of,
)
from revorg.model.catalogue import non_revenue_departments
from revorg.model.cost import CostView, cost_view_of
from revorg.model.errors import PlanEditError
from revorg.model.money import ZERO, json_number
from revorg.model.months import FiscalYear
from revorg.model.phasing import YearPhasing, phase_year
from revorg.model.plan_reader import PlanReader, PlanRecord, ScenarioRecord
from revorg.model.planning import (
    Staffing,
    TargetInputs,
    TargetOutcome,
    forecast,
    plain_decimal,
    total_staffing,
)
from revorg.model.revenue import (
    USUAL_QUOTA_COVERAGE,
    ArrWalk,
    QuotaCoverage,
    arr_walk,
    customer_lifetime_value,
    pipeline_needed,
)
from revorg.model.rows import PositionRow, position_rows, read_position_rows
from revorg.model.seasonality import Seasonality
from revorg.model.totals import PositionTotals, TotalsBasis
from revorg.model.vocabulary import CapacityKind

if TYPE_CHECKING:  # `revorg summary` reads the plan without the ORM (revorg.model.plan_reader)
    from sqlalchemy.orm import Session

    from revorg.model.entities import Plan, Position, Scenario

    # A scenario as the window holds it (an entity) or as a command reads it (a record).
    AnyScenario = Scenario | ScenarioRecord


@dataclass(frozen=True)
class DepartmentSummary:
    key: str
    name: str
    staffing: Staffing


@dataclass(frozen=True)
class YearFigures:
    """The year plan beside capacity: months and quarters, quota coverage, pipeline, ARR, CLV."""

    phasing: YearPhasing
    quota: QuotaCoverage
    pipeline_needed: Decimal | None
    arr: ArrWalk
    clv: Decimal | None

    def to_json(self, capacity: CapacityReport) -> dict[str, Any]:
        phasing = self.phasing
        departments = phasing.departments
        return {
            "seasonality": {
                "shape": phasing.seasonality.shape(),
                "weights": [json_number(w) for w in phasing.seasonality.percents()],
            },
            "quarters": [
                {
                    "quarter": quarter + 1,
                    "months": [str(month) for month in phasing.quarter_months(quarter)],
                    **{
                        key: {
                            "target": json_number(target),
                            "capacity": json_number(supplied),
                            "gap": json_number(target - supplied),
                        }
                        for key, phased in departments.items()
                        for target, supplied in [phased.quarters()[quarter]]
                    },
                }
                for quarter in range(4)
            ],
            "first_month_behind": {
                key: _month_or_none(phasing, phased.first_month_behind())
                for key, phased in departments.items()
            },
            "attrition": {
                key: {
                    "expected_leavers": json_number(department.leavers),
                    "capacity_lost": json_number(department.capacity_lost),
                }
                for key, department in capacity.departments.items()
                if department.leavers
            },
            "quota_coverage": {
                "assigned": json_number(self.quota.assigned),
                "target": json_number(self.quota.target),
                "coverage": optional_number(self.quota.ratio, places=4),
                "usual_range": [json_number(bound) for bound in USUAL_QUOTA_COVERAGE],
                "check": self.quota.check,
            },
            "pipeline_needed": optional_number(self.pipeline_needed),
            "arr": {
                "start": json_number(self.arr.start),
                "churned": json_number(self.arr.churned),
                "expansion": json_number(self.arr.expansion),
                "new": json_number(self.arr.new),
                "end": json_number(self.arr.end),
                "churn_rate": json_number(plain_decimal(self.arr.churn_rate)),
            },
            "clv": optional_number(self.clv),
        }


def _month_or_none(phasing: YearPhasing, month: int | None) -> str | None:
    return None if month is None else str(phasing.months[month])


@dataclass(frozen=True)
class ScenarioSummary:
    plan: Plan | PlanRecord
    scenario: Scenario | ScenarioRecord
    inputs: TargetInputs
    outcome: TargetOutcome
    # The revenue departments, then any department outside revenue that has positions.
    departments: list[DepartmentSummary]
    total: Staffing  # the revenue departments only (as `cost`)
    # (manager, direct reports, limit)
    too_wide_spans: list[tuple[PositionRow | Position, int, int]]
    capacity: CapacityReport
    cost: CostView
    year: YearFigures
    role_names: dict[str, str]  # role key: the role's name in the summary's language
    # What `capacity` was computed from (see summary_of): an equal one gives the same report.
    capacity_from: str = field(default="", repr=False, compare=False)

    @property
    def revenue_departments(self) -> list[DepartmentSummary]:
        """The departments `total` and `cost` count."""
        outside = non_revenue_departments()
        return [d for d in self.departments if d.key not in outside]

    @property
    def outside_departments(self) -> list[DepartmentSummary]:
        """Departments outside revenue that have positions (after the total, not in it)."""
        outside = non_revenue_departments()
        return [d for d in self.departments if d.key in outside]

    def to_json(self) -> dict[str, Any]:
        inputs, outcome, cost = self.inputs, self.outcome, self.cost
        return {
            "plan": self.plan.name,
            "scenario": self.scenario.name,
            "currency": self.plan.currency,
            "fiscal_year": self.plan.fiscal_year,
            "fiscal_start_month": self.plan.fiscal_start_month,
            "goal": json_number(inputs.goal),
            "positions": self.total.positions,
            "headcount": self.total.headcount,
            "open_positions": self.total.open_positions,
            "cost": json_number(self.total.cost),
            "run_rate_cost": json_number(self.total.run_rate_cost),
            "cac": optional_number(cost.cac),
            "cost_share_of_target": optional_number(cost.share_of_target, places=4),
            "cro": {
                "cost": json_number(cost.cro_cost),
                "uplift_rate": json_number(cost.cro_uplift_rate),
                "uplift_revenue": json_number(cost.cro_uplift_revenue),
                "net_benefit": json_number(cost.cro_net_benefit),
            },
            "hires_needed": dict(self.capacity.hires_needed),
            "suggested_hires": [
                *(
                    {"role": role, "count": count, "reason": "growth"}
                    for role, count in self.capacity.hires_needed.items()
                ),
                *(
                    {"role": role, "count": count, "reason": "backfill"}
                    for role, count in self.capacity.backfills.items()
                ),
            ],
            "aes_per_sdr": optional_number(self.capacity.aes_per_sdr, places=2),
            "capacity_lines": [
                {
                    "key": line.key,
                    "department": line.department_key,
                    "unit": line.unit,
                    "target": json_number(line.target),
                    "capacity": json_number(line.capacity),
                    "coverage": optional_number(line.coverage, places=4),
                    "status": line.status,
                    "hire_role": line.hire_role,
                }
                for line in self.capacity.lines
            ],
            "targets": {
                "leads": inputs.leads,
                "close_rate": json_number(inputs.close_rate),
                "average_deal": json_number(inputs.average_deal),
                "new_customers": json_number(outcome.new_customers),
                "new_business": json_number(outcome.new_business),
                "base_revenue": json_number(inputs.base_revenue),
                "retention": json_number(inputs.retention),
                "expansion": json_number(inputs.expansion),
                "retained": json_number(outcome.retained),
                "total": json_number(outcome.total),
                "gap": json_number(outcome.gap),
            },
            "departments": [
                {
                    "key": department.key,
                    "name": department.name,
                    "positions": department.staffing.positions,
                    "headcount": department.staffing.headcount,
                    "open_positions": department.staffing.open_positions,
                    "cost": json_number(department.staffing.cost),
                    "run_rate_cost": json_number(department.staffing.run_rate_cost),
                    **self._capacity_json(department.key),
                }
                for department in self.departments
            ],
            **self.year.to_json(self.capacity),
            "span_warnings": [
                {"position_id": manager.id, "title": manager.title, "reports": n, "limit": limit}
                for manager, n, limit in self.too_wide_spans
            ],
        }

    def _capacity_json(self, department_key: str) -> dict[str, Any]:
        capacity = self.capacity.departments.get(department_key)
        if capacity is None:
            return {}
        return {
            "target": json_number(capacity.target),
            "capacity": json_number(capacity.capacity),
            "coverage": optional_number(capacity.coverage, places=4),
            "gap": json_number(capacity.gap),
            "status": capacity.status,
            "hires_needed": dict(capacity.hires_needed),
        }


def optional_number(value: Decimal | None, places: int = 2) -> int | float | None:
    """A JSON number rounded for reading (coverage 1.1458), or null when undefined."""
    if value is None:
        return None
    return json_number(value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def scenario_assumptions(scenario: AnyScenario) -> Assumptions:
    return Assumptions.of((a.role_key, a.metric, a.value) for a in scenario.assumptions)


def target_inputs(scenario: AnyScenario) -> TargetInputs:
    targets = scenario.targets
    return TargetInputs(
        goal=targets.goal,
        leads=targets.leads,
        close_rate=targets.close_rate,
        average_deal=targets.average_deal,
        base_revenue=targets.base_revenue,
        retention=targets.retention,
        expansion=targets.expansion,
    )


def scenario_positions(session: Session, scenario: Scenario) -> list[Position]:
    """All positions of a scenario in one query (the chart never walks relationships lazily)."""
    from sqlalchemy import select

    from revorg.model.entities import Position

    query = select(Position).where(Position.scenario_id == scenario.id).order_by(Position.id)
    return list(session.scalars(query))


def summarize(
    source: Session | PlanReader,
    scenario: AnyScenario,
    language: str = "en",
    positions: Sequence[PositionRow | Position] | None = None,
) -> ScenarioSummary:
    """The scenario's numbers; pass `positions` (in id order) when the caller holds them.
    `source`: the window's session, or a reader of a plan that is only read."""
    if positions is None:
        if isinstance(source, PlanReader):
            positions = read_position_rows(source.connection, scenario.id)
        else:
            positions = position_rows(source, scenario.id)
    totals = PositionTotals.of(positions, totals_basis(source, scenario))
    return summary_of(source, scenario, totals, {p.id: p for p in positions}, language)


def plan_reader(source: Session | PlanReader) -> PlanReader:
    """The reader of the plan's small tables: on a session, its own connection (its pending
    changes flushed first, as a query of the session would)."""
    return source if isinstance(source, PlanReader) else PlanReader(driver_connection(source))


def totals_basis(source: Session | PlanReader, scenario: AnyScenario) -> TotalsBasis:
    """What the scenario's sums over positions depend on besides the positions: its fiscal
    year, its roles' capacity kinds and departments, its assumptions."""
    plan = scenario.plan
    roles = plan_reader(source).roles()
    return TotalsBasis(
        fiscal=FiscalYear.of(plan.fiscal_year, plan.fiscal_start_month),
        kinds={role.key: role.capacity_kind for role in roles},
        department_of={role.key: role.department_key for role in roles},
        assumptions=scenario_assumptions(scenario),
    )


def summary_of(
    source: Session | PlanReader,
    scenario: AnyScenario,
    totals: PositionTotals,
    positions: Mapping[int, PositionRow | Position],
    language: str = "en",
    previous: ScenarioSummary | None = None,
) -> ScenarioSummary:
    """The scenario's numbers from the sums over its positions (`positions`: every position by
    id, for the managers of the spans too wide). Without a pass over the positions: the editor
    keeps `totals` up to date as positions change, and a new target only costs this.

    `previous`: the summary before the edit; its capacity report is kept (the same object)
    when what it depends on is unchanged, digit for digit (a move, a new title or person), so
    that a view of it can tell it has nothing to redraw."""
    basis = totals.basis
    reader = plan_reader(source)
    departments = reader.departments()
    outside = non_revenue_departments()
    # Departments outside revenue come after the others, and only when they have positions.
    by_department = totals.staffing([d.key for d in departments if d.key not in outside])
    revenue = {key: staffing for key, staffing in by_department.items() if key not in outside}
    names = {d.key: d.name(language) for d in departments}
    role_names = {role.key: role.name(language) for role in reader.roles()}
    inputs = target_inputs(scenario)
    outcome = forecast(inputs)
    capacity_totals = totals.capacity()
    capacity_from = repr((capacity_totals, inputs, basis))
    if previous is not None and previous.capacity_from == capacity_from:
        capacity = previous.capacity
    else:
        capacity = capacity_report_of(
            capacity_totals,
            inputs,
            basis.kinds,
            basis.department_of,
            basis.assumptions,
            basis.fiscal,
        )
    cost = cost_view_of(
        totals.cost_of_role("cro"),
        {key: staffing.cost for key, staffing in revenue.items()},
        inputs,
        outcome,
        basis.assumptions,
    )
    year = year_figures(scenario, inputs, outcome, capacity, capacity_totals, basis)
    return ScenarioSummary(
        plan=scenario.plan,
        scenario=scenario,
        inputs=inputs,
        outcome=outcome,
        departments=[
            DepartmentSummary(key, names.get(key, key), staffing)
            for key, staffing in by_department.items()
        ],
        total=total_staffing(revenue),
        too_wide_spans=[
            (positions[manager_id], reports, limit)
            for manager_id, (reports, limit) in sorted(totals.too_wide.items())
        ],
        capacity=capacity,
        cost=cost,
        year=year,
        role_names=role_names,
        capacity_from=capacity_from,
    )


def year_figures(
    scenario: AnyScenario,
    inputs: TargetInputs,
    outcome: TargetOutcome,
    capacity: CapacityReport,
    totals: CapacityTotals,
    basis: TotalsBasis,
) -> YearFigures:
    """The year plan of a scenario from its capacity report and the sums over its positions."""
    seasonality = scenario_seasonality(scenario)
    phasing = phase_year(
        inputs, outcome, capacity, totals.monthly_by_kind, seasonality, basis.fiscal
    )
    return YearFigures(
        phasing=phasing,
        quota=QuotaCoverage(
            totals.assigned_by_kind.get(CapacityKind.QUOTA, ZERO), outcome.new_business
        ),
        pipeline_needed=pipeline_needed(inputs, outcome),
        arr=arr_walk(inputs, outcome),
        clv=customer_lifetime_value(inputs, basis.assumptions.gross_margin()),
    )


def scenario_seasonality(scenario: AnyScenario) -> Seasonality:
    """The scenario's seasonality of bookings; a damaged value in a plan file reads as flat
    (the file's checks refuse what cannot be read at all)."""
    try:
        return Seasonality.from_text(scenario.targets.seasonality)
    except PlanEditError:
        return Seasonality()
