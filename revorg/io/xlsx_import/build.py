"""The plan built from what the workbook holds."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import insert, select

from revorg.io.xlsx_import.cells import Content, PositionRow
from revorg.io.xlsx_layout import OPEN_WORDS
from revorg.model.document import PlanDocument
from revorg.model.entities import Assumption, DottedLine, Position, RoleType
from revorg.model.org_tree import OrgTree
from revorg.model.rows import position_row


def build_plan(content: Content) -> PlanDocument:
    document = PlanDocument.from_template("blank", content.fiscal_year)
    try:
        _fill(document, content)
    except BaseException:
        document.close()
        raise
    return document


def _fill(document: PlanDocument, content: Content) -> None:
    session = document.session
    plan = document.plan
    plan.name = content.plan_name
    plan.currency = content.currency
    plan.fiscal_start_month = content.fiscal_start_month
    scenario = document.scenario()
    scenario.name = content.scenario_name
    targets = scenario.targets
    values = content.targets
    targets.goal = Decimal(values["Goal"])
    targets.leads = int(values["Leads"])
    targets.close_rate = Decimal(values["CloseRate"])
    targets.average_deal = Decimal(values["AverageDeal"])
    targets.base_revenue = Decimal(values["BaseRevenue"])
    targets.retention = Decimal(values["Retention"])
    targets.expansion = Decimal(values["Expansion"])

    existing = {role.key: role for role in session.scalars(select(RoleType))}
    for index, role in enumerate(content.roles):
        entity = existing.get(role.key)
        if entity is None:
            entity = RoleType(key=role.key)
            session.add(entity)
        entity.department_key = role.department_key
        entity.funnel_stage = role.funnel_stage
        entity.capacity_kind = role.capacity_kind
        entity.is_leader = role.is_leader
        entity.is_custom = role.is_custom
        entity.default_annual_cost = role.default_annual_cost
        entity.sort_order = index
        for language in OPEN_WORDS:
            setattr(entity, f"name_{language}", role.names.get(language, ""))
            setattr(entity, f"short_{language}", role.shorts.get(language, ""))
            setattr(entity, f"description_{language}", role.descriptions.get(language, ""))

    if content.assumptions is not None:
        scenario.assumptions.clear()
        session.flush()  # the old rows go before new ones with the same keys arrive
        scenario.assumptions.extend(
            Assumption(role_key=role_key, metric=metric, value=value, source=source)
            for role_key, metric, value, source in content.assumptions
        )
    session.flush()

    links = [(_assigned_id(p), p.manager_id) for p in content.positions]
    places = OrgTree.of_links(links).places()
    rows = [
        position_row(
            id=_assigned_id(position),
            scenario_id=scenario.id,
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
        )
        for position in content.positions
    ]
    if rows:
        session.execute(insert(Position), rows)
    session.add_all(
        DottedLine(scenario_id=scenario.id, from_position_id=position.id, to_position_id=target)
        for position in content.positions
        for target in position.dotted
        if position.id is not None
    )
    session.commit()


def _assigned_id(position: PositionRow) -> int:
    assert position.id is not None, "the Org sheet reader gives every row an id before this"
    return position.id
