"""Generated plans of any size with a realistic revenue-organisation shape, for benchmarks and
scale tests: a CRO; regional VPs; deep management lines; wide SDR and AE teams; headcount
groups; open positions with start months."""

from __future__ import annotations

import random
from typing import Any

from sqlalchemy import insert

from revorg.model.catalogue import role_spec
from revorg.model.document import PlanDocument
from revorg.model.entities import Position, Scenario
from revorg.model.rows import Row, position_row

TEAM_SHAPES = (
    # (manager role, member role, team size range)
    ("sdr_manager", "sdr", (6, 12)),
    ("sales_manager", "ae", (5, 10)),
    ("sales_manager", "inside_sales", (4, 8)),
    ("vp_customer_success", "csm", (5, 9)),
    ("vp_marketing", "content_creator", (3, 6)),
    ("revops_lead", "data_analyst", (2, 5)),
)


def generate_plan(positions: int, *, seed: int = 7, fiscal_year: int = 2027) -> PlanDocument:
    """A new unsaved plan with exactly `positions` cards (the demo plan's targets)."""
    document = PlanDocument.from_template("blank", fiscal_year)
    template = PlanDocument.from_template("demo", fiscal_year)
    scenario = document.scenario()
    source = template.scenario().targets
    for name in ("goal", "leads", "close_rate", "average_deal", "base_revenue", "retention"):
        setattr(scenario.targets, name, getattr(source, name))
    scenario.targets.expansion = source.expansion
    template.close()
    rows = generated_rows(scenario, positions, random.Random(seed))
    document.session.flush()
    document.session.execute(insert(Position), rows)
    document.session.commit()
    return document


def generated_rows(scenario: Scenario, count: int, rng: random.Random) -> list[Row]:
    rows: list[Row] = []

    def add(role_key: str, manager_id: int | None, order: int, **extra: Any) -> int:
        spec = role_spec(role_key)
        position_id = len(rows) + 1
        rows.append(
            position_row(
                id=position_id,
                scenario_id=scenario.id,
                title=spec.names["en"],
                role_key=role_key,
                department_key=spec.department,
                manager_id=manager_id,
                person_name=extra.get("person", f"Person {position_id}"),
                headcount=extra.get("headcount", 1),
                start_month=extra.get("start_month"),
                annual_cost=spec.default_annual_cost,
                sort_order=order,
                lineage=f"p{position_id}",
            )
        )
        return position_id

    from revorg.model.months import YearMonth

    cro = add("cro", None, 0)
    leaders = [cro]
    while len(rows) < count:
        # A new management line: 1 to 4 levels below a random existing leader.
        manager = rng.choice(leaders)
        for depth in range(rng.randint(1, 4)):
            if len(rows) >= count:
                break
            manager = add(rng.choice(("vp_sales", "sales_manager", "vp_marketing")), manager, depth)
            leaders.append(manager)
        lead_role, member_role, (low, high) = rng.choice(TEAM_SHAPES)
        if len(rows) >= count:
            break
        team_lead = add(lead_role, manager, len(rows))
        for index in range(rng.randint(low, high)):
            if len(rows) >= count:
                break
            is_open = rng.random() < 0.12
            extra: dict[str, Any] = {}
            if is_open:
                extra = {"person": None, "start_month": YearMonth(2027, rng.randint(1, 12))}
            if rng.random() < 0.08:
                extra["headcount"] = rng.randint(2, 6)
            add(member_role, team_lead, index, **extra)
    return rows
