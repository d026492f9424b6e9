"""The Year plan sheet recalculated by LibreOffice (and Gnumeric in test_xlsx_engines) gives the
app's year plan (ScenarioSummary.year) to the cent: months, quarters, the first month behind,
attrition, quota coverage, pipeline, the ARR walk and CLV; and it follows edits made in the
workbook (seasonality weights, an attrition rate, a backfill)."""

from __future__ import annotations

import datetime
import warnings
from collections.abc import Callable
from typing import Any

import openpyxl
import pytest
from sqlalchemy import select

from revorg.io.xlsx_layout import ORG, YEAR
from revorg.model.capacity import capacity_totals
from revorg.model.document import PlanDocument
from revorg.model.entities import RoleType
from revorg.model.months import FiscalYear
from revorg.model.summary import scenario_assumptions, scenario_positions, summarize
from tests.io.conftest import (
    PLANS,
    YEAR_PLANS,
    Recalculated,
    demo_plan,
    edited_year_plan,
    org_row_of,
    recalculate_with_gnumeric,
    require_gnumeric,
)
from tests.io.test_xlsx_roundtrip import CENT, COLUMN, close, rows_by_key

MONTHS = range(12)


def assert_year_matches_app(values: Any, document: PlanDocument) -> None:
    """Every figure of the Year plan sheet equals the app's."""
    session, scenario = document.session, document.scenario()
    summary = summarize(session, scenario)
    year = summary.year
    rows = rows_by_key(values[YEAR])
    problems: list[str] = []

    def check(what: str, actual: Any, expected: Any, tolerance: float = 1e-6) -> None:
        if isinstance(expected, str):
            if actual != expected:
                problems.append(f"{what}: workbook {actual!r}, app {expected!r}")
        elif not close(actual, expected, tolerance):
            problems.append(f"{what}: workbook {actual!r}, app {expected!r}")

    weights = year.phasing.seasonality.percents()
    for month in MONTHS:
        check(f"weight {month + 1}", rows["seasonality"][3 + month], weights[month] / 100)
    for key, phased in year.phasing.departments.items():
        for month in MONTHS:
            where = f"{key} month {month + 1}"
            check(f"target {where}", rows[f"{key}:target"][3 + month], phased.target[month], CENT)
            check(f"capacity {where}", rows[f"{key}:capacity"][3 + month], phased.capacity[month])
        for quarter, (target, supplied) in enumerate(phased.quarters()):
            check(
                f"{key} Q{quarter + 1} target", rows[f"{key}:quarter_target"][3 + quarter], target
            )
            check(
                f"{key} Q{quarter + 1} capacity",
                rows[f"{key}:quarter_capacity_short"][3 + quarter],
                supplied,
            )
        behind = phased.first_month_behind()
        first = rows[f"{key}:behind"][15]
        if behind is None:
            check(f"{key} first month behind", first, None)  # blank
        else:
            month = year.phasing.months[behind]
            wanted = datetime.datetime(month.year, month.month, 1)
            if first != wanted:
                problems.append(f"{key} first month behind: workbook {first!r}, app {month}")
    # Attrition of the chart's own positions (the report's leavers also count suggested hires).
    fiscal = FiscalYear.of(scenario.plan.fiscal_year, scenario.plan.fiscal_start_month)
    kinds = {role.key: role.capacity_kind for role in session.scalars(select(RoleType))}
    totals = capacity_totals(
        scenario_positions(session, scenario), kinds, scenario_assumptions(scenario), fiscal
    )
    for role in {position.role_key for position in scenario.positions}:
        check(f"{role} leavers", rows[f"role:{role}"][3], totals.leavers(role))
    for key, department in summary.capacity.departments.items():
        if f"department:{key}" in rows:
            check(f"{key} capacity lost", rows[f"department:{key}"][5], department.capacity_lost)
    quota = year.quota
    check("quota assigned", rows["quota_assigned"][3], quota.assigned)
    check("quota coverage", rows["quota_coverage"][3], quota.ratio)
    check("quota check", rows["quota_check"][3], str(quota.check))
    check("pipeline needed", rows["pipeline_needed"][3], year.pipeline_needed)
    arr = year.arr
    for key, expected in (
        ("arr_start", arr.start),
        ("arr_churned", arr.churned),
        ("arr_expansion", arr.expansion),
        ("arr_new", arr.new),
        ("arr_end", arr.end),
        ("churn_rate", arr.churn_rate),
        ("clv", year.clv),
    ):
        check(key, rows[key][3], expected)
    assert not problems, "\n".join(problems)


YEAR_CASES: dict[str, Callable[[], PlanDocument]] = {
    "demo": demo_plan,  # flat, January
    "varied": PLANS["varied"],  # a fiscal year from April, in USD, overrides, late starts
    **YEAR_PLANS,  # back-loaded quarters
    "year-edited": edited_year_plan,  # weights and attrition typed into the workbook
}


@pytest.mark.parametrize("name", list(YEAR_CASES))
def test_year_plan_recalculates_to_the_apps(recalculated: Recalculated, name: str) -> None:
    with YEAR_CASES[name]() as document:
        assert_year_matches_app(recalculated.values(name), document)


def test_demo_year_plan_worked_by_hand(recalculated: Recalculated) -> None:
    values = recalculated.values("demo")
    org = values[ORG]
    # An AE in seat all year (ramp 5, 30 % attrition, backfill 2): 12 - 41/40 months, of
    # 200,000 x 75 % a year; the two CSMs (ramp 3, 20 %, backfill 2): 12 - 49/90 months each.
    ae, csm = org_row_of(org, 10), org_row_of(org, 15)
    assert org.cell(ae, COLUMN["ramped_months"]).value == pytest.approx(10.975)
    assert org.cell(ae, COLUMN["capacity"]).value == pytest.approx(137187.50)
    assert org.cell(csm, COLUMN["ramped_months"]).value == pytest.approx(12 - 49 / 90)
    assert org.cell(csm, COLUMN["capacity"]).value == pytest.approx(477314.81)
    # 0.3 x 12/12 of each of two AEs in seat and 0.3 x 11/12 of the one from February
    assert org.cell(ae, COLUMN["leavers"]).value == pytest.approx(0.3)
    rows = rows_by_key(values[YEAR])
    assert rows["role:ae"][3:5] == (pytest.approx(0.875), 1)
    assert rows["sales:capacity"][15] == pytest.approx(376562.50)
    assert rows["customer_success:capacity"][15] == pytest.approx(536302.08)
    # Flat: 360,000 of new business is 30,000 a month; quota assigned 502,083.34 of 360,000.
    assert rows["sales:target"][3:15] == (30000,) * 12
    assert rows["quota_coverage"][3] == pytest.approx(502083.34 / 360000)
    assert rows["quota_check"][3] == "over_range"
    assert rows["pipeline_needed"][3] == pytest.approx(3600000)  # 360,000 at 10 %
    assert rows["arr_end"][3] == pytest.approx(1000000)  # 600,000 - 60,000 + 100,000 + 360,000
    assert rows["clv"][3] == pytest.approx(90000)  # 12,000 x 75 % / 10 %


def test_back_loaded_quarters_phase_the_sales_target(recalculated: Recalculated) -> None:
    rows = rows_by_key(recalculated.values("seasonal")[YEAR])
    # 5, 7.5 and 12.5 % of 360,000 each quarter
    assert rows["sales:target"][3:6] == (18000, 27000, 45000)
    assert rows["sales:quarter_target"][3:7] == (90000,) * 4


@pytest.fixture(scope="module")
def gnumeric(recalculated: Recalculated, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The back-loaded and the April-to-March USD workbooks recalculated by Gnumeric (the
    flat demo is in test_xlsx_engines)."""
    ssconvert = require_gnumeric()
    folder = tmp_path_factory.mktemp("gnumeric-year")
    books = {}
    for name in ("seasonal", "varied"):
        result = recalculate_with_gnumeric(ssconvert, recalculated.sources[name], folder)
        with warnings.catch_warnings():
            # Gnumeric writes no "Normal" cell style; openpyxl warns and adds its own.
            warnings.filterwarnings("ignore", "Workbook contains no default style", UserWarning)
            books[name] = openpyxl.load_workbook(result, data_only=True)
    return books


@pytest.mark.parametrize("name", ["seasonal", "varied"])
def test_year_plan_recalculates_to_the_apps_in_gnumeric(gnumeric: Any, name: str) -> None:
    with YEAR_CASES[name]() as document:
        assert_year_matches_app(gnumeric[name], document)
