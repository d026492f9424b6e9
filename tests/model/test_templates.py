"""Plan templates: each builds a consistent plan; the demo is the worked EUR 1M plan."""

import datetime
from decimal import Decimal

import pytest
from sqlalchemy import select

from revorg.model.document import PlanDocument, next_fiscal_year
from revorg.model.entities import Department, Position, RoleType
from revorg.model.errors import TemplateError
from revorg.model.months import YearMonth
from revorg.model.planning import forecast
from revorg.model.summary import scenario_positions, summarize, target_inputs
from revorg.model.templates import load_template, template_infos, template_keys

TEMPLATE_KEYS = ["demo", "sdr-ae", "inside-sales", "revops", "blank"]


def test_the_five_templates_in_order() -> None:
    assert template_keys() == TEMPLATE_KEYS
    infos = template_infos()
    assert [info.key for info in infos] == TEMPLATE_KEYS
    for info in infos:
        for language in ("en", "es", "zh"):
            assert info.name(language).strip()
            assert info.description(language).strip()
        assert info.name("fr") == info.name("en")


def test_unknown_template_names_the_choices() -> None:
    with pytest.raises(TemplateError, match=r"unknown template 'nope'.*demo, sdr-ae"):
        load_template("nope")
    with pytest.raises(TemplateError):
        PlanDocument.from_template("nope", 2027)


def open_plan(key: str) -> PlanDocument:
    return PlanDocument.from_template(key, 2027)


@pytest.mark.parametrize("key", TEMPLATE_KEYS)
def test_template_builds_a_consistent_plan(key: str) -> None:
    with open_plan(key) as document:
        session = document.session
        assert document.plan.fiscal_year == 2027
        assert document.plan.currency == "EUR"
        assert document.plan.name == load_template(key)["plan"]["name"]
        scenario = document.scenario()
        positions = scenario_positions(session, scenario)
        roles = {role.key: role for role in session.scalars(select(RoleType))}
        departments = {d.key for d in session.scalars(select(Department))}
        by_id = {p.id: p for p in positions}
        for position in positions:
            assert position.role_key in roles
            assert position.department_key in departments
            assert position.title.strip()
            assert position.headcount >= 1
            assert position.annual_cost > 0
            assert position.manager_id is None or position.manager_id in by_id
            if position.start_month is not None:
                assert position.is_open  # only vacancies have a start month
                assert YearMonth(2027, 1) <= position.start_month <= YearMonth(2027, 12)
        assert_forest(by_id)
        outcome = forecast(target_inputs(scenario))
        if key == "blank":
            assert positions == []
            assert target_inputs(scenario).goal == 0
        else:
            assert positions
            assert outcome.gap == 0, f"{key} does not reach its own goal"
            assert outcome.total == scenario.targets.goal


def assert_forest(by_id: dict[int, Position]) -> None:
    """Every chain of managers ends at a root: no cycles."""
    for start in by_id:
        seen = {start}
        current = by_id[start].manager_id
        while current is not None:
            assert current not in seen, f"reporting cycle through position {current}"
            seen.add(current)
            current = by_id[current].manager_id


def test_demo_is_led_by_a_cro_and_has_the_whole_revenue_team() -> None:
    with open_plan("demo") as document:
        positions = scenario_positions(document.session, document.scenario())
        roots = [p for p in positions if p.manager_id is None]
        assert [root.role_key for root in roots] == ["cro"]
        role_keys = {p.role_key for p in positions}
        for role in (
            "vp_marketing",
            "vp_sales",
            "sdr_manager",
            "sdr",
            "ae",
            "vp_customer_success",
            "technical_onboarder",
            "csm",
            "support",
        ):
            assert role in role_keys
        assert any(p.department_key == "revops" for p in positions)
        # Everybody reports, directly or not, to the CRO.
        by_id = {p.id: p for p in positions}
        for position in positions:
            top = position
            while top.manager_id is not None:
                top = by_id[top.manager_id]
            assert top is roots[0]


def test_demo_reproduces_the_worked_plan_and_its_organisation() -> None:
    with open_plan("demo") as document:
        summary = summarize(document.session, document.scenario())
        targets = summary.to_json()["targets"]
        assert targets["new_business"] == 360000
        assert targets["retained"] == 640000
        assert targets["gap"] == 0
        assert (summary.total.positions, summary.total.headcount) == (19, 20)
        assert summary.total.open_positions == 3
        assert summary.too_wide_spans == []
        seo = next(p for p in summary_positions(document) if p.role_key == "seo_specialist")
        assert seo.is_open
        assert seo.start_month == YearMonth(2027, 3)  # "start": 3 is the third fiscal month
        revops = next(d for d in summary.departments if d.key == "revops")
        # Head of RevOps all year (95,000) + a data analyst from April (52,000 x 9/12).
        assert revops.staffing.cost == Decimal(95000 + 39000)


def summary_positions(document: PlanDocument) -> list[Position]:
    return scenario_positions(document.session, document.scenario())


def test_template_without_a_year_plans_next_year() -> None:
    with PlanDocument.from_template("blank") as document:
        assert document.plan.fiscal_year == datetime.date.today().year + 1
    assert next_fiscal_year(datetime.date(2026, 12, 31)) == 2027
    assert next_fiscal_year(datetime.date(2027, 1, 1)) == 2028


@pytest.mark.parametrize("year", [2030, 2100])
def test_template_start_months_follow_the_fiscal_year(year: int) -> None:
    with PlanDocument.from_template("demo", year) as document:
        starts = {p.start_month for p in summary_positions(document) if p.start_month}
        assert starts == {YearMonth(year, 2), YearMonth(year, 3), YearMonth(year, 4)}


def test_a_template_in_another_language_names_the_plan_scenario_and_cards_in_it() -> None:
    with PlanDocument.from_template("demo", 2027, language="zh") as document:
        assert document.plan.name == "演示：100 万欧元营收计划"
        assert document.scenario().name == "基准"
        titles = {p.role_key: p.title for p in document.session.query(Position)}
        assert titles["cro"] == "首席营收官"  # the role's name, without "(CRO)"
    with PlanDocument.from_template("demo", 2027, language="es") as document:
        titles = {p.role_key: p.title for p in document.session.query(Position)}
        assert titles["cro"] == "Director de ingresos"
        # Same plan otherwise: the numbers do not depend on the language.
        assert document.scenario().targets.goal == 1000000
