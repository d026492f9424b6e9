"""The one plan builder both importers fill: what a draft states replaces the template's."""

from __future__ import annotations

from decimal import Decimal

from revorg.io.draft import DRAFT_SCENARIO, DraftPlan, build_plan
from revorg.model.entities import RoleType
from revorg.model.rows import position_row
from revorg.model.summary import summarize


def row(
    position_id: int, title: str, role: str, department: str, manager: int | None
) -> dict[str, object]:
    return position_row(
        id=position_id, scenario_id=DRAFT_SCENARIO, title=title, role_key=role,
        department_key=department, manager_id=manager, annual_cost=Decimal(50000),
    )  # fmt: skip


def test_a_draft_replaces_the_templates_chart_and_keeps_its_drivers() -> None:
    custom = RoleType(
        key="custom_partner",
        department_key="sales",
        funnel_stage="all",
        capacity_kind="none",
        is_leader=False,
        is_custom=True,
        name_en="Partner Manager",
        default_annual_cost=Decimal(0),
        sort_order=1000,
    )
    draft = DraftPlan(
        template="demo",
        fiscal_year=2027,
        name="team",
        positions=[
            row(1, "Head of Sales", "vp_sales", "sales", None),
            row(2, "Partner Manager", "custom_partner", "sales", 1),
        ],
        roles=[custom],
        dotted_lines=[(2, 1)],
    )

    with build_plan(draft) as document:
        scenario = document.scenario()
        assert document.plan.name == "team"
        assert sorted(p.title for p in scenario.positions) == ["Head of Sales", "Partner Manager"]
        assert [(d.from_position_id, d.to_position_id) for d in scenario.dotted_lines] == [(2, 1)]
        summary = summarize(document.session, scenario)
        # The demo's drivers stay: 300 x 0.10 x 12,000 + 600,000 x 0.90 + 100,000.
        assert summary.outcome.total == Decimal(1000000)
        assert summary.total.cost == Decimal(100000)


def test_what_the_file_states_replaces_the_templates_settings() -> None:
    draft = DraftPlan(
        template="blank", fiscal_year=2028, name="FY28", currency="USD", fiscal_start_month=4,
        scenario_name="Board", targets={"goal": Decimal(1500000), "leads": 450},
    )  # fmt: skip

    with build_plan(draft) as document:
        plan, scenario = document.plan, document.scenario()
        assert (plan.currency, plan.fiscal_year, plan.fiscal_start_month) == ("USD", 2028, 4)
        assert (scenario.name, scenario.targets.goal, scenario.targets.leads) == (
            "Board", Decimal(1500000), 450,
        )  # fmt: skip
        assert scenario.positions == []
