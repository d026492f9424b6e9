"""A scenario's numbers gathered in one place, for the command line, the status bar and exports."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from revorg.model.capacity import Assumptions, CapacityReport, capacity_report
from revorg.model.cost import CostView, cost_view
from revorg.model.entities import Department, Plan, Position, RoleType, Scenario
from revorg.model.money import json_number
from revorg.model.months import FiscalYear
from revorg.model.org_tree import OrgTree
from revorg.model.planning import (
    Staffing,
    TargetInputs,
    TargetOutcome,
    forecast,
    span_of_control,
    spans_of_control,
    staffing_by_department,
    total_staffing,
)
from revorg.model.rows import PositionRow, position_rows


@dataclass(frozen=True)
class DepartmentSummary:
    key: str
    name: str
    staffing: Staffing


@dataclass(frozen=True)
class ScenarioSummary:
    plan: Plan
    scenario: Scenario
    inputs: TargetInputs
    outcome: TargetOutcome
    departments: list[DepartmentSummary]
    total: Staffing
    # (manager, direct reports, limit)
    too_wide_spans: list[tuple[PositionRow | Position, int, int]]
    capacity: CapacityReport
    cost: CostView

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


def scenario_assumptions(scenario: Scenario) -> Assumptions:
    return Assumptions.of((a.role_key, a.metric, a.value) for a in scenario.assumptions)


def target_inputs(scenario: Scenario) -> TargetInputs:
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
    query = select(Position).where(Position.scenario_id == scenario.id).order_by(Position.id)
    return list(session.scalars(query))


def summarize(
    session: Session,
    scenario: Scenario,
    language: str = "en",
    positions: Sequence[PositionRow | Position] | None = None,
) -> ScenarioSummary:
    """The scenario's numbers; pass `positions` (in id order) when the caller holds them."""
    plan = scenario.plan
    if positions is None:
        positions = position_rows(session, scenario.id)
    departments = list(session.scalars(select(Department).order_by(Department.sort_order)))
    fiscal = FiscalYear.of(plan.fiscal_year, plan.fiscal_start_month)
    by_department = staffing_by_department(positions, [d.key for d in departments], fiscal)
    names = {d.key: d.name(language) for d in departments}
    by_id = {position.id: position for position in positions}
    inputs = target_inputs(scenario)
    outcome = forecast(inputs)
    roles = list(session.scalars(select(RoleType)))
    kinds = {role.key: role.capacity_kind for role in roles}
    department_of = {role.key: role.department_key for role in roles}
    assumptions = scenario_assumptions(scenario)
    capacity = capacity_report(positions, inputs, kinds, department_of, assumptions, fiscal)
    cost = cost_view(
        positions,
        {key: staffing.cost for key, staffing in by_department.items()},
        inputs,
        outcome,
        assumptions,
        fiscal,
    )
    return ScenarioSummary(
        plan=plan,
        scenario=scenario,
        inputs=inputs,
        outcome=outcome,
        departments=[
            DepartmentSummary(key, names.get(key, key), staffing)
            for key, staffing in by_department.items()
        ],
        total=total_staffing(by_department),
        too_wide_spans=[
            (by_id[span.manager_id], span.direct_reports, span.limit)
            for span in spans_of_control(positions).values()
            if span.too_wide
        ],
        capacity=capacity,
        cost=cost,
    )


def after_reports_moved(
    summary: ScenarioSummary,
    positions: Mapping[int, PositionRow | Position],
    tree: OrgTree,
    managers: Iterable[int | None],
) -> ScenarioSummary:
    """The summary once positions changed manager, and only that: staffing, capacity and cost
    depend on roles, counts, costs and start months, never on who reports to whom, so only the
    spans of control of the old and new managers are counted again. `positions` are in id
    order, as summarize() lists the warnings."""
    changed = {manager for manager in managers if manager is not None}
    spans = [entry for entry in summary.too_wide_spans if entry[0].id not in changed]
    for manager_id in changed:
        manager = positions.get(manager_id)
        if manager is None:
            continue
        people = sum(positions[report].headcount for report in tree.reports(manager_id))
        span = span_of_control(manager, people)
        if span.too_wide:
            spans.append((manager, span.direct_reports, span.limit))
    spans.sort(key=lambda entry: entry[0].id)
    return replace(summary, too_wide_spans=spans)
