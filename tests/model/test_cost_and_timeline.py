"""Cost against target (cost share, CAC, the CRO's cost against the uplift it brings) and the
month-by-month hiring plan. Expected numbers are worked out by hand; the comments show the sums.
"""

from decimal import Decimal

import pytest

from revorg.model.capacity import Assumptions
from revorg.model.catalogue import DEPARTMENT_KEYS, default_assumptions, role_specs
from revorg.model.cost import CostView, cost_view
from revorg.model.document import PlanDocument
from revorg.model.money import to_money
from revorg.model.months import FiscalYear, YearMonth
from revorg.model.planning import TargetInputs, fiscal_year_cost, forecast
from revorg.model.summary import scenario_assumptions, scenario_positions, summarize
from revorg.model.timeline import TimelineRow, hiring_timeline
from tests.model.seats import Seat
from tests.model.seed_plan import SEED_002

FY2027 = FiscalYear.of(2027)
FY_APRIL = FiscalYear.of(2027, 4)  # Apr 2027 to Mar 2028
KINDS = {spec.key: spec.capacity_kind for spec in role_specs()}
DEPARTMENT_OF = {spec.key: spec.department for spec in role_specs()}
ROLE_ORDER = {spec.key: index for index, spec in enumerate(role_specs())}
DEPARTMENT_ORDER = {key: index for index, key in enumerate(DEPARTMENT_KEYS)}
# Ramps and costs worked by hand without leavers (attrition: tests/model/test_attrition.py).
TURNOVER = {"annual_attrition", "backfill_months"}
DEFAULTS = Assumptions.of(
    (a.role_key, a.metric, a.value) for a in default_assumptions() if a.metric not in TURNOVER
)
# Monthly amounts are rounded to cents: 12 months x half a cent, plus the year's own rounding.
ROUNDING_PER_POSITION = Decimal("0.065")

SEED_PLAN = SEED_002
# What the demo plan costs in fiscal year 2027, per department (see test_demo_cost_view).
DEMO_COST = {
    "executive": Decimal("170000.00"),
    "marketing": Decimal("240500.00"),
    "sales": Decimal("452583.33"),
    "customer_success": Decimal("353000.00"),
    "revops": Decimal("134000.00"),
}


def filled(role: str, cost: int | str, headcount: int = 1, department: str | None = None) -> Seat:
    return Seat(role, department or DEPARTMENT_OF[role], headcount, annual_cost=Decimal(cost))


def vacancy(role: str, start: YearMonth | None, cost: int | str, headcount: int = 1) -> Seat:
    return Seat(
        role,
        DEPARTMENT_OF[role],
        headcount,
        is_open=True,
        start_month=start,
        annual_cost=Decimal(cost),
    )


def view(
    positions: list[Seat],
    costs: dict[str, Decimal],
    inputs: TargetInputs = SEED_PLAN,
    assumptions: Assumptions = DEFAULTS,
    fiscal: FiscalYear = FY2027,
) -> CostView:
    return cost_view(positions, costs, inputs, forecast(inputs), assumptions, fiscal)


def timeline(positions: list[Seat], fiscal: FiscalYear = FY2027) -> list[TimelineRow]:
    return hiring_timeline(positions, KINDS, ROLE_ORDER, DEPARTMENT_ORDER, DEFAULTS, fiscal)


def money(*values: str) -> list[Decimal]:
    return [Decimal(value) for value in values]


# --- the cost view ---------------------------------------------------------------------------


def test_cost_share_cac_and_the_cro() -> None:
    result = view([filled("cro", 170000)], DEMO_COST)
    assert result.total == Decimal("1350083.33")
    assert result.by_department == DEMO_COST
    assert result.share_of_target == Decimal("1.35008333")  # 1,350,083.33 / 1,000,000
    # (sales 452,583.33 + marketing 240,500) / 30 customers = 23,102.7777...
    assert result.cac == Decimal("23102.78")
    assert result.cro_cost == Decimal(170000)
    assert result.cro_uplift_rate == Decimal("0.10")
    assert result.cro_uplift_revenue == Decimal("100000.00")  # goal x 10 %
    assert result.cro_net_benefit == Decimal(-70000)
    assert result.cro_return is not None
    assert result.cro_return.quantize(Decimal("0.0001")) == Decimal("0.5882")  # 100 / 170


def test_cac_counts_only_sales_and_marketing() -> None:
    costs = {"executive": Decimal(900000), "sales": Decimal(30000), "revops": Decimal(50000)}
    result = view([], costs)
    assert result.total == Decimal(980000)
    assert result.cac == Decimal("1000.00")  # 30,000 / 30; no marketing department at all


def test_the_cro_costs_from_the_hire_month() -> None:
    # An open CRO from July costs 6 months of 170,000; a second, filled, costs the full year.
    july = vacancy("cro", YearMonth(2027, 7), 170000)
    assert view([july], {}).cro_cost == Decimal("85000.00")
    assert view([july, filled("cro", 120000)], {}).cro_cost == Decimal("205000.00")
    # In a year from April, a January start is month 10: 3 months.
    january = vacancy("cro", YearMonth(2028, 1), 170000)
    assert view([january], {}, fiscal=FY_APRIL).cro_cost == Decimal("42500.00")
    assert view([vacancy("cro", YearMonth(2028, 4), 170000)], {}, fiscal=FY_APRIL).cro_cost == 0
    # Other roles are not the CRO, whatever their cost.
    assert view([filled("vp_sales", 125000)], {}).cro_cost == 0


def test_without_a_cro_the_uplift_is_all_benefit_and_there_is_no_return() -> None:
    result = view([filled("vp_sales", 125000)], {"sales": Decimal(125000)})
    assert result.cro_cost == 0
    assert result.cro_return is None
    assert result.cro_net_benefit == Decimal("100000.00")


def test_the_cro_uplift_is_an_assumption() -> None:
    values = dict(DEFAULTS.values)
    values[("cro", "revenue_uplift")] = Decimal("0.25")
    result = view([filled("cro", 170000)], {}, assumptions=Assumptions(values))
    assert result.cro_uplift_rate == Decimal("0.25")
    assert result.cro_uplift_revenue == Decimal("250000.00")
    assert result.cro_net_benefit == Decimal(80000)
    # Without the assumption the planning default of 10 % applies.
    bare = view([filled("cro", 170000)], {}, assumptions=Assumptions())
    assert bare.cro_uplift_rate == Decimal("0.10")
    assert bare.cro_uplift_revenue == Decimal("100000.00")


def test_uplift_is_rounded_to_cents() -> None:
    inputs = TargetInputs(
        goal=Decimal("1234.56"),
        leads=10,
        close_rate=Decimal("0.3"),
        average_deal=Decimal(100),
        base_revenue=Decimal(0),
        retention=Decimal(0),
        expansion=Decimal(0),
    )
    result = view([], {"sales": Decimal(100)}, inputs)
    assert result.cro_uplift_revenue == Decimal("123.46")  # 123.456, half up
    assert result.cac == Decimal("33.33")  # 100 / 3 customers


@pytest.mark.parametrize(
    ("goal", "leads", "close_rate", "share", "cac"),
    [
        (0, 300, "0.10", None, Decimal("5000.00")),  # no goal: no share; CAC 150,000 / 30
        (1000000, 0, "0.10", Decimal("0.2"), None),  # no leads: no new customers
        (1000000, 300, "0", Decimal("0.2"), None),  # nothing closes
        (0, 0, "0", None, None),
    ],
)
def test_undefined_ratios_are_none(
    goal: int, leads: int, close_rate: str, share: Decimal | None, cac: Decimal | None
) -> None:
    inputs = TargetInputs(
        goal=Decimal(goal),
        leads=leads,
        close_rate=Decimal(close_rate),
        average_deal=Decimal(12000),
        base_revenue=Decimal(0),
        retention=Decimal(0),
        expansion=Decimal(0),
    )
    costs = {"sales": Decimal(100000), "marketing": Decimal(50000), "revops": Decimal(50000)}
    result = view([filled("cro", 170000)], costs, inputs)
    assert result.total == Decimal(200000)
    assert result.share_of_target == share
    assert result.cac == cac
    assert result.cro_uplift_revenue == to_money(Decimal(goal) * Decimal("0.10"))
    if goal == 0:
        assert result.cro_net_benefit == Decimal(-170000)


def test_demo_cost_view() -> None:
    # Executive: the CRO. Marketing: 115,000 + 40,000 + SEO from March 45,000 x 10/12 + 48,000.
    # Sales: 125,000 + 62,000 + 2 x 38,000 + 2 x 65,000 + an AE from February 65,000 x 11/12.
    # Customer success: 110,000 + 45,000 + 2 x 50,000 + 58,000 + 40,000.
    # RevOps: 95,000 + a data analyst from April 52,000 x 9/12.
    with PlanDocument.from_template("demo", 2027) as document:
        summary = summarize(document.session, document.scenario())
        cost = summary.cost
        assert cost.by_department == DEMO_COST
        assert cost.total == Decimal("1350083.33") == summary.total.cost
        assert cost.cac == Decimal("23102.78")
        assert cost.share_of_target == Decimal("1.35008333")
        assert cost.cro_cost == Decimal(170000)
        data = summary.to_json()
        assert data["cac"] == 23102.78
        assert data["cost_share_of_target"] == 1.3501
        assert data["cro"] == {
            "cost": 170000,
            "uplift_rate": 0.1,
            "uplift_revenue": 100000,
            "net_benefit": -70000,
        }


# --- the hiring timeline ---------------------------------------------------------------------


def test_one_row_per_department_and_role_in_catalogue_order() -> None:
    positions = [
        filled("csm", 50000),
        filled("ae", 65000, 2),
        filled("ae", 65000, department="customer_success"),  # an AE placed in CS
        vacancy("sdr", None, 38000, 3),
        vacancy("ae", YearMonth(2027, 4), 65000),
        filled("cro", 170000),
    ]
    rows = timeline(positions)
    assert [(row.department_key, row.role_key, row.kind) for row in rows] == [
        ("executive", "cro", "none"),
        ("sales", "sdr", "meetings"),
        ("sales", "ae", "quota"),
        ("customer_success", "ae", "quota"),
        ("customer_success", "csm", "book_of_business"),
    ]
    cro, sdr, ae, cs_ae, csm = rows

    # Two AEs in seat all year, a third from April.
    assert ae.headcount == [2, 2, 2] + [3] * 9
    assert ae.open_starts == [0, 0, 0, 1] + [0] * 8
    # 12,500 a month each in seat; the April hire ramps 1/5, 2/5, ... of it.
    assert ae.capacity == money(
        "25000", "25000", "25000", "27500", "30000", "32500", "35000", "37500",
        "37500", "37500", "37500", "37500",
    )  # fmt: skip
    # 130,000 / 12 = 10,833.33 a month; from April also 65,000 / 12 = 5,416.67.
    assert ae.cost == money("10833.33", "10833.33", "10833.33") + money("16250.00") * 9

    # Three open SDRs without a start month: in seat from month 1, ramping over 3 months.
    assert sdr.headcount == [3] * 12
    assert sdr.open_starts == [3] + [0] * 11
    assert sdr.capacity == money("12", "24") + money("36") * 10  # 3 x 12 x 1/3, 2/3, 1
    assert sdr.cost == money("9500.00") * 12  # 3 x 38,000 / 12

    assert cro.capacity == [Decimal(0)] * 12
    assert cro.cost == money("14166.67") * 12
    assert cro.open_starts == [0] * 12
    assert cs_ae.headcount == [1] * 12
    assert cs_ae.capacity == money("12500") * 12
    assert csm.capacity == money("20833.33") * 12


def test_open_starts_in_a_fiscal_year_starting_in_april() -> None:
    positions = [
        vacancy("csm", YearMonth(2028, 1), 48000),  # month 10
        vacancy("csm", YearMonth(2027, 1), 48000),  # before the year: from month 1
        vacancy("csm", YearMonth(2028, 4), 48000),  # the next fiscal year
        vacancy("csm", YearMonth(2027, 7), 48000, 2),  # month 4
    ]
    (row,) = timeline(positions, FY_APRIL)
    assert row.open_starts == [1, 0, 0, 2, 0, 0, 0, 0, 0, 1, 0, 0]
    assert row.headcount == [1, 1, 1, 3, 3, 3, 3, 3, 3, 4, 4, 4]
    assert row.cost == money("4000.00") * 3 + money("12000.00") * 6 + money("16000.00") * 3
    # Book per month: 20,833.33 at full speed; each start ramps 1/3, 2/3, 1.
    assert row.capacity[:3] == money("6944.44", "13888.89", "20833.33")
    # The July pair ramps as one group: 2 x 20,833.33... x 1/3 = 13,888.89.
    assert row.capacity[3] == Decimal("20833.33") + Decimal("13888.89")


def test_a_hire_after_the_year_has_a_row_but_nothing_in_it() -> None:
    (row,) = timeline([vacancy("ae", YearMonth(2028, 2), 65000, 2)])
    assert (row.department_key, row.role_key) == ("sales", "ae")
    assert row.headcount == [0] * 12
    assert row.open_starts == [0] * 12
    assert row.capacity == [Decimal(0)] * 12
    assert row.cost == [Decimal(0)] * 12


def test_no_positions_no_rows() -> None:
    assert timeline([]) == []


COST_CASES = {
    "AE from February": (vacancy("ae", YearMonth(2027, 2), 65000), FY2027),
    "filled pair": (filled("ae", 65000, 2), FY2027),
    "SDRs x 6, odd cents": (filled("sdr", "38000.50", 6), FY2027),
    "CSMs from January, April year": (vacancy("csm", YearMonth(2028, 1), 50000, 3), FY_APRIL),
    "CRO": (filled("cro", 170000), FY2027),
    "a cent a year": (filled("support", "0.01"), FY2027),
    "after the year": (vacancy("bdr", YearMonth(2028, 6), 42000), FY2027),
    "no start month": (vacancy("account_manager", None, 58000, 7), FY_APRIL),
}


@pytest.mark.parametrize("case", list(COST_CASES))
def test_monthly_cost_adds_up_to_the_fiscal_year_cost(case: str) -> None:
    position, fiscal = COST_CASES[case]
    (row,) = timeline([position], fiscal)
    assert abs(sum(row.cost) - fiscal_year_cost(position, fiscal)) <= ROUNDING_PER_POSITION


def test_the_demo_timeline_adds_up_to_the_summary() -> None:
    with PlanDocument.from_template("demo", 2027) as document:
        session = document.session
        scenario = document.scenario()
        summary = summarize(session, scenario)
        positions = scenario_positions(session, scenario)
        assumptions = scenario_assumptions(scenario)  # with leavers, as the summary
        rows = hiring_timeline(positions, KINDS, ROLE_ORDER, DEPARTMENT_ORDER, assumptions, FY2027)
    assert len(rows) == 16  # 19 cards: the three AE cards share a row, the two SDR cards too
    assert sum(row.headcount[-1] for row in rows) == summary.total.headcount == 20
    assert sum(sum(row.open_starts) for row in rows) == summary.total.open_positions == 3
    total_cost = sum((sum(row.cost) for row in rows), Decimal(0))
    assert abs(total_cost - summary.total.cost) <= len(positions) * ROUNDING_PER_POSITION
    by_line = {item.key: item.capacity for item in summary.capacity.lines}
    # Leavers make monthly fractions of a cent: each month is rounded once.
    quota = sum((sum(row.capacity) for row in rows if row.kind == "quota"), Decimal(0))
    assert by_line["new_business"] == Decimal("376562.50")
    assert abs(quota - by_line["new_business"]) <= 3 * ROUNDING_PER_POSITION
    assert sum((row.year_capacity for row in rows if row.kind == "quota"), Decimal(0)) == Decimal(
        "376562.50"
    )
    leads = sum((sum(row.capacity) for row in rows if row.kind == "leads"), Decimal(0))
    assert by_line["leads"] == Decimal("302.47")
    assert abs(leads - by_line["leads"]) <= 3 * ROUNDING_PER_POSITION
