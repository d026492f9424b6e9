"""The plan a workbook holds, as a draft for the one plan builder (revorg.io.draft)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from revorg.io.draft import DRAFT_SCENARIO, DraftPlan
from revorg.io.draft import build_plan as build_draft
from revorg.io.xlsx_import.cells import Content, PositionRow, RoleRow
from revorg.io.xlsx_layout import OPEN_WORDS
from revorg.model.document import PlanDocument
from revorg.model.entities import RoleType
from revorg.model.org_tree import OrgTree
from revorg.model.rows import Row, position_row

# The Targets sheet's defined names, and the attributes of a scenario's targets they fill.
TARGET_NAMES = {
    "Goal": ("goal", Decimal),
    "Leads": ("leads", int),
    "CloseRate": ("close_rate", Decimal),
    "AverageDeal": ("average_deal", Decimal),
    "BaseRevenue": ("base_revenue", Decimal),
    "Retention": ("retention", Decimal),
    "Expansion": ("expansion", Decimal),
}


def build_plan(content: Content) -> PlanDocument:
    """A new plan from the blank template with everything the workbook states."""
    targets: dict[str, Any] = {
        attribute: convert(content.targets[name])
        for name, (attribute, convert) in TARGET_NAMES.items()
    }
    targets["seasonality"] = content.seasonality
    return build_draft(
        DraftPlan(
            template="blank",
            fiscal_year=content.fiscal_year,
            name=content.plan_name,
            positions=_position_rows(content),
            roles=[_role(role, index) for index, role in enumerate(content.roles)],
            dotted_lines=[
                (_assigned_id(position), target)
                for position in content.positions
                for target in position.dotted
            ],
            currency=content.currency,
            fiscal_start_month=content.fiscal_start_month,
            scenario_name=content.scenario_name,
            targets=targets,
            assumptions=None if content.assumptions is None else list(content.assumptions),
        )
    )


def _role(role: RoleRow, sort_order: int) -> RoleType:
    """The workbook's role, replacing the catalogue's copy of the same key."""
    texts = {
        f"{kind}_{language}": getattr(role, f"{kind}s").get(language, "")
        for kind in ("name", "short", "description")
        for language in OPEN_WORDS
    }
    return RoleType(
        key=role.key,
        department_key=role.department_key,
        funnel_stage=role.funnel_stage,
        capacity_kind=role.capacity_kind,
        is_leader=role.is_leader,
        is_custom=role.is_custom,
        default_annual_cost=role.default_annual_cost,
        sort_order=sort_order,
        **texts,
    )


def _position_rows(content: Content) -> list[Row]:
    links = [(_assigned_id(p), p.manager_id) for p in content.positions]
    places = OrgTree.of_links(links).places()
    return [
        position_row(
            id=_assigned_id(position),
            scenario_id=DRAFT_SCENARIO,
            title=position.title,
            role_key=position.role_key,
            department_key=position.department_key,
            manager_id=position.manager_id,
            person_name=position.person_name,
            headcount=position.headcount,
            start_month=position.start_month,
            annual_cost=position.annual_cost,
            capacity_override=position.capacity_override,
            notes=position.notes,
            sort_order=places[_assigned_id(position)],
            lineage=position.lineage,
            email=position.email,
            staff=position.staff,
        )
        for position in content.positions
    ]


def _assigned_id(position: PositionRow) -> int:
    assert position.id is not None, "the Org sheet reader gives every row an id before this"
    return position.id
