"""What the workbook shows of a scenario, read from the plan once before writing."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy import select

from revorg.io.xlsx_export.actuals_data import gather_actuals
from revorg.model.document import PlanDocument
from revorg.model.entities import Assumption, Department, RoleType, Scenario
from revorg.model.org_tree import OrgTree, TreeNode
from revorg.model.rows import PositionRow, position_rows
from revorg.model.seasonality import Seasonality
from revorg.model.snapshots import snapshot_info
from revorg.model.summary import summarize

Node = TypeVar("Node", bound=TreeNode)


@dataclass(frozen=True)
class SnapshotData:
    """A snapshot the workbook shows beside the scenario: its marks, its driver inputs (as
    `PlanData.targets`) and its organisation's totals, as the model computes them."""

    name: str
    taken_at: str
    taken_by: str
    source: str
    targets: dict[str, Decimal | int]
    headcount: int
    cost: Decimal


@dataclass(frozen=True)
class PlanData:
    plan_name: str
    scenario_name: str
    currency: str
    fiscal_year: int
    fiscal_start_month: int
    targets: dict[str, Decimal | int]
    departments: list[Department]
    roles: list[RoleType]
    positions: list[PositionRow]  # in chart order: each manager before its reports
    dotted: dict[int, list[int]]
    assumptions: list[Assumption]
    seasonality: Seasonality
    snapshots: tuple[SnapshotData, ...] = ()
    actuals: Any = None  # revorg.io.xlsx_export.actuals_data.ActualsData, when the plan has deals


def gather(
    document: PlanDocument, scenario: Scenario, snapshots: Sequence[Scenario] = ()
) -> PlanData:
    session = document.session
    plan = scenario.plan
    targets = scenario.targets
    positions = position_rows(session, scenario.id)  # read only: no ORM objects needed
    dotted: dict[int, list[int]] = defaultdict(list)
    for line in scenario.dotted_lines:
        dotted[line.from_position_id].append(line.to_position_id)
    return PlanData(
        plan_name=plan.name,
        scenario_name=scenario.name,
        currency=plan.currency,
        fiscal_year=plan.fiscal_year,
        fiscal_start_month=plan.fiscal_start_month,
        targets=_driver_inputs(scenario),
        departments=list(session.scalars(select(Department).order_by(Department.sort_order))),
        roles=list(session.scalars(select(RoleType).order_by(RoleType.sort_order, RoleType.key))),
        positions=chart_order(positions),
        dotted=dict(dotted),
        assumptions=sorted(scenario.assumptions, key=lambda a: (a.role_key, a.metric)),
        seasonality=Seasonality.from_text(targets.seasonality),
        snapshots=tuple(_snapshot_data(document, snapshot) for snapshot in snapshots),
        actuals=gather_actuals(session, scenario),
    )


def _driver_inputs(scenario: Scenario) -> dict[str, Decimal | int]:
    """The driver inputs by the Targets sheet's defined names."""
    targets = scenario.targets
    return {
        "Goal": targets.goal,
        "Leads": targets.leads,
        "CloseRate": targets.close_rate,
        "AverageDeal": targets.average_deal,
        "BaseRevenue": targets.base_revenue,
        "Retention": targets.retention,
        "Expansion": targets.expansion,
    }


def _snapshot_data(document: PlanDocument, snapshot: Scenario) -> SnapshotData:
    info = snapshot_info(snapshot)
    total = summarize(document.session, snapshot).total  # the revenue departments, as Summary
    return SnapshotData(
        name=info.name,
        taken_at=info.taken_at,
        taken_by=info.taken_by,
        source=info.source,
        targets=_driver_inputs(snapshot),
        headcount=total.headcount,
        cost=total.cost,
    )


def chart_order(positions: Sequence[Node]) -> list[Node]:
    """Depth first, each manager before its reports, siblings left to right (the model's one
    walk: OrgTree); a position whose manager is missing starts a branch of its own."""
    by_id = {position.id: position for position in positions}
    return [by_id[i] for i in OrgTree.build(positions).managers_first()]
