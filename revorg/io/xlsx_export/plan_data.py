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

Node = TypeVar("Node", bound=TreeNode)


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
    actuals: Any = None  # revorg.io.xlsx_export.actuals.ActualsData, when the plan has deals


def gather(document: PlanDocument, scenario: Scenario) -> PlanData:
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
        targets={
            "Goal": targets.goal,
            "Leads": targets.leads,
            "CloseRate": targets.close_rate,
            "AverageDeal": targets.average_deal,
            "BaseRevenue": targets.base_revenue,
            "Retention": targets.retention,
            "Expansion": targets.expansion,
        },
        departments=list(session.scalars(select(Department).order_by(Department.sort_order))),
        roles=list(session.scalars(select(RoleType).order_by(RoleType.sort_order, RoleType.key))),
        positions=chart_order(positions),
        dotted=dict(dotted),
        assumptions=sorted(scenario.assumptions, key=lambda a: (a.role_key, a.metric)),
        seasonality=Seasonality.from_text(targets.seasonality),
        actuals=gather_actuals(session, scenario),
    )


def chart_order(positions: Sequence[Node]) -> list[Node]:
    """Depth first, each manager before its reports, siblings left to right (the model's one
    walk: OrgTree); a position whose manager is missing starts a branch of its own."""
    by_id = {position.id: position for position in positions}
    return [by_id[i] for i in OrgTree.build(positions).managers_first()]
