"""The capacity engine on plain values: ramps, capacity per kind, driver lines, statuses, the hires
that close the gaps, and the demo plan through the summary.

Every expected number is worked out by hand from the rules in revorg/model/capacity.py and the
defaults in revorg/resources/assumptions.json (checked first, below); the comments show the sums.
"""

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from fractions import Fraction

import pytest
from sqlalchemy import select

from revorg.model import edits
from revorg.model.capacity import (
    AMBER,
    GREEN,
    NO_TARGET,
    RED,
    Assumptions,
    CapacityReport,
    DriverLine,
    Hire,
    PlannedPosition,
    capacity_report,
    capacity_totals,
    monthly_capacity,
    monthly_productivity,
    position_capacity,
    ramped_months,
    status_of,
    suggest_hires,
)
from revorg.model.catalogue import default_assumptions, role_specs
from revorg.model.document import PlanDocument
from revorg.model.entities import Position
from revorg.model.months import FiscalYear, YearMonth
from revorg.model.planning import TargetInputs
from revorg.model.summary import summarize
from tests.model.seats import Seat

FY2027 = FiscalYear.of(2027)  # Jan 2027 to Dec 2027
FY_APRIL = FiscalYear.of(2027, 4)  # Apr 2027 to Mar 2028
KINDS = {spec.key: spec.capacity_kind for spec in role_specs()}
DEPARTMENT_OF = {spec.key: spec.department for spec in role_specs()}
# The rule's parts worked by hand without leavers (attrition has its own tests, in
# tests/model/test_attrition.py): the default assumptions less attrition and backfill.
TURNOVER = {"annual_attrition", "backfill_months"}
DEFAULTS = Assumptions.of(
    (a.role_key, a.metric, a.value) for a in default_assumptions() if a.metric not in TURNOVER
)
CENT = Decimal("0.01")


def filled(role: str, headcount: int = 1, *, override: str | None = None) -> Seat:
    """A position with a person in it: in seat and fully ramped all year."""
    return Seat(
        role,
        DEPARTMENT_OF[role],
        headcount,
        capacity_override=None if override is None else Decimal(override),
    )


def vacancy(
    role: str, start: YearMonth | None, headcount: int = 1, *, override: str | None = None
) -> Seat:
    """An open position, starting in `start` (None: from the first month) and ramping."""
    return Seat(
        role,
        DEPARTMENT_OF[role],
        headcount,
        is_open=True,
        start_month=start,
        capacity_override=None if override is None else Decimal(override),
    )


def tuned(*changes: tuple[str, str, str]) -> Assumptions:
    """The default assumptions with some (role, metric, value) changed or added."""
    values = dict(DEFAULTS.values)
    values.update({(role, metric): Decimal(value) for role, metric, value in changes})
    return Assumptions(values)


def capacity_of(
    position: PlannedPosition, assumptions: Assumptions = DEFAULTS, fiscal: FiscalYear = FY2027
) -> Decimal:
    return position_capacity(position, KINDS[position.role_key], assumptions, fiscal)


def targets(
    *,
    leads: int = 300,
    close_rate: str = "0.10",
    average_deal: int = 12000,
    base_revenue: int = 0,
    retention: str = "0.90",
    expansion: int = 0,
    goal: int = 1_000_000,
) -> TargetInputs:
    """Driver inputs; by default 30 new customers and 360,000 of new business, nothing else."""
    return TargetInputs(
        goal=Decimal(goal),
        leads=leads,
        close_rate=Decimal(close_rate),
        average_deal=Decimal(average_deal),
        base_revenue=Decimal(base_revenue),
        retention=Decimal(retention),
        expansion=Decimal(expansion),
    )


def report_of(
    positions: Sequence[PlannedPosition],
    inputs: TargetInputs,
    assumptions: Assumptions = DEFAULTS,
    fiscal: FiscalYear = FY2027,
) -> CapacityReport:
    return capacity_report(positions, inputs, KINDS, DEPARTMENT_OF, assumptions, fiscal)


def hires_for(
    positions: Sequence[PlannedPosition],
    inputs: TargetInputs,
    assumptions: Assumptions = DEFAULTS,
    fiscal: FiscalYear = FY2027,
) -> dict[str, int]:
    return suggest_hires(positions, inputs, KINDS, DEPARTMENT_OF, assumptions, fiscal)


def money(*values: int | str) -> tuple[Decimal, ...]:
    return tuple(Decimal(value) for value in values)


def line(report: CapacityReport, key: str) -> DriverLine:
    found = report.line(key)
    assert found is not None, f"no {key} line in {[item.key for item in report.lines]}"
    return found


def assert_suggestion_closes_every_line(
    positions: Sequence[PlannedPosition],
    inputs: TargetInputs,
    start: YearMonth,
    assumptions: Assumptions = DEFAULTS,
    fiscal: FiscalYear = FY2027,
) -> dict[str, int]:
    """Hire what suggest_hires says, starting in `start`, and check that nothing is short."""
    hires = hires_for(positions, inputs, assumptions, fiscal)
    hired = [Hire(role, DEPARTMENT_OF[role], count, start) for role, count in hires.items()]
    again = report_of([*positions, *hired], inputs, assumptions, fiscal)
    short = {item.key: item.shortfall for item in again.lines if item.shortfall > 0}
    assert short == {}, f"still short after hiring {hires}"
    assert again.hires_needed == {}
    return hires


# --- the defaults these expectations are computed from ---------------------------------------


def test_the_defaults_these_tests_assume() -> None:
    expected = {
        ("*", "meeting_to_win_rate"): "0.25",
        ("*", "hire_start_month"): "1",
        ("*", "gross_margin"): "0.75",
        ("cro", "revenue_uplift"): "0.10",
        ("ae", "annual_quota"): "200000",
        ("ae", "attainment"): "0.75",
        ("ae", "ramp_months"): "5",
        ("inside_sales", "annual_quota"): "160000",
        ("inside_sales", "attainment"): "0.75",
        ("inside_sales", "ramp_months"): "4",
        ("account_manager", "annual_expansion_quota"): "150000",
        ("account_manager", "attainment"): "0.75",
        ("account_manager", "ramp_months"): "4",
        ("csm", "book_of_business"): "250000",
        ("csm", "ramp_months"): "3",
        ("sdr", "meetings_per_month"): "12",
        ("sdr", "ramp_months"): "3",
        ("bdr", "meetings_per_month"): "10",
        ("bdr", "ramp_months"): "3",
        ("appointment_setter", "meetings_per_month"): "20",
        ("appointment_setter", "ramp_months"): "1",
        ("content_creator", "leads_per_month"): "8",
        ("content_creator", "ramp_months"): "2",
        ("seo_specialist", "leads_per_month"): "8",
        ("seo_specialist", "ramp_months"): "3",
        ("acquisition_specialist", "leads_per_month"): "12",
        ("acquisition_specialist", "ramp_months"): "2",
    }
    assert dict(DEFAULTS.values) == {key: Decimal(value) for key, value in expected.items()}
    turnover = {
        (a.role_key, a.metric): a.value for a in default_assumptions() if a.metric in TURNOVER
    }
    assert turnover == {
        (role, metric): Decimal(value)
        for roles, rate, backfill in [
            (("ae", "inside_sales"), "0.30", "2"),
            (("account_manager", "csm"), "0.20", "2"),
            (("sdr", "bdr", "appointment_setter"), "0.35", "1"),
            (("content_creator", "seo_specialist", "acquisition_specialist"), "0.15", "2"),
        ]
        for role in roles
        for metric, value in [("annual_attrition", rate), ("backfill_months", backfill)]
    }
    assert {role: kind for role, kind in KINDS.items() if kind != "none"} == {
        "content_creator": "leads",
        "seo_specialist": "leads",
        "acquisition_specialist": "leads",
        "sdr": "meetings",
        "bdr": "meetings",
        "appointment_setter": "meetings",
        "ae": "quota",
        "inside_sales": "quota",
        "account_manager": "expansion_quota",
        "csm": "book_of_business",
    }


# --- ramped months ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("offset", "ramp", "months"),
    [
        (0, 3, Fraction(11)),  # 1/3 + 2/3 + 1 + 9
        (1, 5, Fraction(9)),  # from month 2: 0.2 + 0.4 + 0.6 + 0.8 + 1 + 6
        (0, 5, Fraction(10)),  # 0.2 + 0.4 + 0.6 + 0.8 + 1 + 7
        (3, 5, Fraction(7)),  # 9 months in seat: 3 ramping + 4 full
        (0, 0, Fraction(12)),  # no ramp: full at once
        (0, 1, Fraction(12)),  # a one-month ramp is full in its first month
        (5, 0, Fraction(7)),  # no ramp, 7 months in seat
        (9, 3, Fraction(2)),  # 1/3 + 2/3 + 1
        (11, 3, Fraction(1, 3)),  # the last month only
        (6, 12, Fraction(7, 4)),  # (1 + 2 + ... + 6) / 12 = 21/12
        (0, 24, Fraction(13, 4)),  # (1 + ... + 12) / 24 = 78/24: never full this year
        (12, 3, Fraction(0)),  # starts after the fiscal year
        (30, 0, Fraction(0)),
    ],
)
def test_ramped_months(offset: int, ramp: int, months: Fraction) -> None:
    assert ramped_months(offset, ramp) == months
    assert isinstance(ramped_months(offset, ramp), Fraction)


def test_people_in_seat_are_ramped_whatever_the_ramp() -> None:
    assert ramped_months(0, 5, ramped_already=True) == 12
    assert ramped_months(0, 24, ramped_already=True) == 12


def test_monthly_productivity_rises_linearly_from_the_start_month() -> None:
    shares = monthly_productivity(1, 5, ramped_already=False)
    assert list(shares) == [Fraction(n, 5) for n in (0, 1, 2, 3, 4)] + [Fraction(1)] * 7
    assert list(monthly_productivity(0, 0, ramped_already=False)) == [Fraction(1)] * 12
    assert list(monthly_productivity(12, 3, ramped_already=False)) == [Fraction(0)] * 12


@pytest.mark.parametrize(
    ("position", "expected"),
    [
        # A CSM (250,000 book, 3-month ramp) in the fiscal year April 2027 to March 2028.
        (vacancy("csm", YearMonth(2027, 4)), "229166.67"),  # 11 months: 250,000 x 11/12
        (vacancy("csm", YearMonth(2027, 6)), "187500.00"),  # 1/3 + 2/3 + 8 = 9 months
        (vacancy("csm", YearMonth(2028, 1)), "41666.67"),  # Jan is month 10: 2 months
        (vacancy("csm", YearMonth(2028, 3)), "6944.44"),  # last month, 1/3: 250,000 / 36
        (vacancy("csm", YearMonth(2028, 4)), "0.00"),  # the next fiscal year
        (vacancy("csm", YearMonth(2030, 1)), "0.00"),
        (vacancy("csm", YearMonth(2027, 1)), "229166.67"),  # before April: ramps from month 1
        (vacancy("csm", None), "229166.67"),  # no start month: from month 1, ramping
        (filled("csm"), "250000.00"),  # a person: in seat and ramped
        (replace(filled("csm"), start_month=YearMonth(2027, 10)), "250000.00"),
    ],
)
def test_start_months_in_a_fiscal_year_starting_in_april(position: Seat, expected: str) -> None:
    assert capacity_of(position, fiscal=FY_APRIL) == Decimal(expected)


def test_a_start_after_a_calendar_fiscal_year_gives_nothing() -> None:
    assert capacity_of(vacancy("ae", YearMonth(2028, 1))) == 0
    assert capacity_of(vacancy("ae", YearMonth(2027, 12))) == Decimal("2500.00")  # 150,000/12/5


# --- capacity of one position ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("ae", "150000"),  # 200,000 x 0.75
        ("inside_sales", "120000"),  # 160,000 x 0.75
        ("account_manager", "112500"),  # 150,000 x 0.75
        ("csm", "250000"),  # the book, no attainment
        ("sdr", "144"),  # 12 meetings x 12
        ("bdr", "120"),
        ("appointment_setter", "240"),
        ("content_creator", "96"),  # 8 leads x 12
        ("seo_specialist", "96"),
        ("acquisition_specialist", "144"),
        ("cro", "0"),
        ("vp_sales", "0"),
        ("support", "0"),
    ],
)
def test_full_year_capacity_of_a_filled_position_of_each_kind(role: str, expected: str) -> None:
    assert capacity_of(filled(role)) == Decimal(expected)


@pytest.mark.parametrize(
    ("position", "expected"),
    [
        (vacancy("ae", YearMonth(2027, 2)), "112500.00"),  # 9 months x 12,500 (the brief's case)
        (vacancy("inside_sales", YearMonth(2027, 7)), "45000.00"),  # .25+.5+.75+3 = 4.5 x 10,000
        (vacancy("account_manager", None), "98437.50"),  # 10.5 months x 9,375
        (vacancy("csm", YearMonth(2027, 1)), "229166.67"),  # 11 months x 20,833.33...
        (vacancy("sdr", YearMonth(2027, 10)), "24.00"),  # 1/3 + 2/3 + 1 = 2 months x 12
        (vacancy("bdr", YearMonth(2027, 1)), "110.00"),  # 11 months x 10
        (vacancy("appointment_setter", YearMonth(2027, 12)), "20.00"),  # 1-month ramp: full
        (vacancy("content_creator", YearMonth(2027, 1)), "92.00"),  # 0.5 + 11 = 11.5 x 8
        (vacancy("seo_specialist", YearMonth(2027, 3)), "72.00"),  # 1/3 + 2/3 + 7 = 9 x 8
        (vacancy("acquisition_specialist", YearMonth(2027, 7)), "66.00"),  # 0.5 + 5 = 5.5 x 12
        (vacancy("cro", YearMonth(2027, 1)), "0"),
    ],
)
def test_open_positions_ramp_with_their_roles_ramp(position: Seat, expected: str) -> None:
    assert capacity_of(position) == Decimal(expected)


def test_attainment_and_ramp_assumptions_change_capacity() -> None:
    assert capacity_of(filled("ae"), tuned(("ae", "attainment", "1"))) == Decimal(200000)
    assert capacity_of(vacancy("csm", None), tuned(("csm", "ramp_months", "0"))) == Decimal(250000)
    # A quota without an attainment assumption is planned at 75 %; no ramp assumption: no ramp.
    bare = Assumptions.of([("ae", "annual_quota", Decimal(100000))])
    assert capacity_of(vacancy("ae", None), bare) == Decimal("75000.00")
    assert capacity_of(filled("csm"), bare) == 0  # no book assumption: no capacity


# --- overrides and groups --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("position", "expected"),
    [
        (filled("ae", override="300000"), "300000.00"),
        # The override is the fiscal year's capacity of one head: no ramp, no start-month share.
        (vacancy("ae", YearMonth(2027, 6), 2, override="90000"), "180000.00"),
        (filled("sdr", 3, override="1.75"), "5.25"),
        (filled("csm", override="0"), "0.00"),
        (filled("acquisition_specialist", override="100.005"), "100.01"),  # cents, half up
    ],
)
def test_a_capacity_override_replaces_the_computed_capacity(position: Seat, expected: str) -> None:
    assert capacity_of(position) == Decimal(expected)


def test_an_override_on_a_role_without_a_capacity_kind_counts_nowhere() -> None:
    totals = capacity_totals([filled("cro", override="5")], KINDS, DEFAULTS, FY2027)
    assert totals.by_kind == {}
    assert totals.by_role == {}
    assert totals.headcount_by_role == {"cro": 1}


def test_a_group_counts_every_head() -> None:
    assert capacity_of(filled("sdr", 6)) == Decimal("864.00")  # 6 x 144
    # Computed for the group, then rounded: 3 x 250,000 x 11/12 = 687,500 exactly,
    # not 3 x 229,166.67 = 687,500.01.
    assert capacity_of(vacancy("csm", YearMonth(2027, 1), 3)) == Decimal("687500.00")
    assert capacity_of(vacancy("ae", YearMonth(2027, 2), 4)) == Decimal("450000.00")  # 4 x 112,500


def test_totals_add_up_kinds_roles_and_heads() -> None:
    positions = [
        filled("ae", 2),
        vacancy("ae", YearMonth(2027, 2)),
        filled("inside_sales"),
        filled("sdr", 2),
        filled("bdr"),
        filled("cro"),
    ]
    totals = capacity_totals(positions, KINDS, DEFAULTS, FY2027)
    assert totals.by_role == {
        "ae": Decimal("412500.00"),  # 2 x 150,000 + 112,500
        "inside_sales": Decimal("120000.00"),
        "sdr": Decimal("288.00"),
        "bdr": Decimal("120.00"),
    }
    assert totals.by_kind == {"quota": Decimal("532500.00"), "meetings": Decimal("408.00")}
    assert totals.headcount_by_role == {"ae": 3, "inside_sales": 1, "sdr": 2, "bdr": 1, "cro": 1}


# --- monthly capacity ------------------------------------------------------------------------


def test_monthly_capacity_of_a_ramping_account_executive() -> None:
    months = monthly_capacity(vacancy("ae", YearMonth(2027, 2)), "quota", DEFAULTS, FY2027)
    # 150,000 / 12 = 12,500 a full month; from February 1/5, 2/5, ... of it.
    expected = ["0", "2500", "5000", "7500", "10000"] + ["12500"] * 7
    assert months == [Decimal(value) for value in expected]
    assert sum(months) == Decimal("112500.00")


def test_monthly_capacity_of_a_ramping_csm_rounds_each_month() -> None:
    months = monthly_capacity(vacancy("csm", None), "book_of_business", DEFAULTS, FY2027)
    assert months[:3] == [Decimal("6944.44"), Decimal("13888.89"), Decimal("20833.33")]
    assert sum(months) == Decimal("229166.63")  # 4 cents under 229,166.67: rounded per month


MONTHLY_CASES = {
    "filled AE": (filled("ae"), FY2027),
    "AE from February": (vacancy("ae", YearMonth(2027, 2)), FY2027),
    "CSM group of 3": (vacancy("csm", None, 3), FY2027),
    "inside sales from July": (vacancy("inside_sales", YearMonth(2027, 7)), FY2027),
    "account managers x 7": (vacancy("account_manager", YearMonth(2027, 5), 7), FY2027),
    "SDRs x 6": (filled("sdr", 6), FY2027),
    "BDR from January 2028 (April year)": (vacancy("bdr", YearMonth(2028, 1)), FY_APRIL),
    "SEO from March": (vacancy("seo_specialist", YearMonth(2027, 3)), FY2027),
    "content creator": (vacancy("content_creator", None, 5), FY_APRIL),
    "setter after the year": (vacancy("appointment_setter", YearMonth(2028, 1)), FY2027),
    "override, filled": (filled("ae", override="333333.33"), FY2027),
    "override, open group": (vacancy("ae", YearMonth(2027, 6), 2, override="90000"), FY2027),
    "override, open late": (vacancy("csm", YearMonth(2027, 12), override="100000"), FY2027),
    "CRO": (filled("cro"), FY2027),
}


@pytest.mark.parametrize("case", list(MONTHLY_CASES))
def test_monthly_capacity_sums_to_the_position_capacity(case: str) -> None:
    position, fiscal = MONTHLY_CASES[case]
    kind = KINDS[position.role_key]
    months = monthly_capacity(position, kind, DEFAULTS, fiscal)
    assert len(months) == 12
    total = position_capacity(position, kind, DEFAULTS, fiscal)
    assert abs(sum(months) - total) <= 12 * CENT, (months, total)


def test_monthly_capacity_of_an_override_is_spread_over_the_months_in_seat() -> None:
    position = vacancy("ae", YearMonth(2027, 6), 2, override="90000")
    months = monthly_capacity(position, "quota", DEFAULTS, FY2027)
    assert months[:5] == [Decimal(0)] * 5
    assert months[5:] == [Decimal("25714.29")] * 7  # 180,000 / 7, no ramp


def test_an_override_starting_after_the_year_counts_nothing_this_year() -> None:
    position = vacancy("ae", YearMonth(2028, 2), override="90000")
    assert position_capacity(position, "quota", DEFAULTS, FY2027) == 0
    assert monthly_capacity(position, "quota", DEFAULTS, FY2027) == [Decimal(0)] * 12


def test_an_override_on_a_role_without_capacity_shows_none_month_by_month() -> None:
    position = vacancy("cro", YearMonth(2027, 1), override="50000")
    assert monthly_capacity(position, "none", DEFAULTS, FY2027) == [Decimal(0)] * 12


# --- statuses and coverage -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("capacity", "coverage", "status"),
    [
        ("0", "0", RED),
        ("89990", "0.8999", RED),  # 89.99 %
        ("89999.99", "0.8999999", RED),
        ("90000", "0.9", AMBER),  # exactly 90 %
        ("99999.99", "0.9999999", AMBER),
        ("100000", "1", GREEN),  # exactly 100 %
        ("150000", "1.5", GREEN),
    ],
)
def test_status_thresholds(capacity: str, coverage: str, status: str) -> None:
    # A CSM whose book is overridden to `capacity`, against a base of 100,000.
    inputs = targets(leads=0, base_revenue=100000)
    report = report_of([filled("csm", override=capacity)], inputs)
    base = line(report, "base_revenue")
    assert base.coverage == Decimal(coverage)
    assert base.status == status
    assert status_of(Decimal(coverage)) == status
    assert report.departments["customer_success"].status == status  # expansion has no target


def test_status_of_no_coverage_is_none() -> None:
    assert status_of(None) == NO_TARGET


def test_a_department_is_only_green_when_every_line_is() -> None:
    inputs = targets(leads=0, base_revenue=100000, expansion=100000)
    report = report_of([filled("csm", override="100000"), filled("account_manager")], inputs)
    assert line(report, "base_revenue").status == GREEN
    assert line(report, "expansion").status == GREEN  # 112,500 for 100,000
    assert report.departments["customer_success"].status == GREEN
    report = report_of([filled("csm", override="100000")], inputs)
    assert line(report, "expansion").status == RED
    assert report.departments["customer_success"].status == RED


def test_zero_targets_have_no_coverage_no_status_and_need_no_hires() -> None:
    nothing = TargetInputs(
        goal=Decimal(0),
        leads=0,
        close_rate=Decimal(0),
        average_deal=Decimal(0),
        base_revenue=Decimal(0),
        retention=Decimal(0),
        expansion=Decimal(0),
    )
    positions = [
        filled("ae"),
        filled("sdr"),
        filled("csm"),
        filled("account_manager"),
        filled("acquisition_specialist"),
    ]
    report = report_of(positions, nothing)
    assert [item.key for item in report.lines] == [
        "leads",
        "new_business",
        "meetings",
        "base_revenue",
        "expansion",
    ]
    for item in report.lines:
        assert item.target == 0, item.key
        assert item.capacity > 0, item.key  # capacity to spare is not a shortfall
        assert item.coverage is None, item.key
        assert item.status == NO_TARGET, item.key
        assert item.shortfall == 0, item.key
    assert report.hires_needed == {}
    for department in report.departments.values():
        assert department.coverage is None, department.key
        assert department.status == NO_TARGET, department.key
        assert department.hires_needed == {}
    assert report_of([], nothing).hires_needed == {}  # nobody, and nothing to do


# --- driver lines and departments ------------------------------------------------------------


def test_lines_and_department_roll_up() -> None:
    inputs = targets(base_revenue=600000, expansion=100000)  # the seed plan
    positions = [
        filled("acquisition_specialist", override="250"),
        filled("ae", 2),
        filled("csm", override="700000"),
        filled("account_manager"),
    ]
    report = report_of(positions, inputs)
    assert [(item.key, item.department_key, item.unit) for item in report.lines] == [
        ("leads", "marketing", "leads"),
        ("new_business", "sales", "money"),
        ("meetings", "sales", "meetings"),
        ("base_revenue", "customer_success", "money"),
        ("expansion", "customer_success", "money"),
    ]
    assert [(item.target, item.capacity) for item in report.lines] == [
        (300, Decimal(250)),
        (Decimal(360000), Decimal(300000)),
        (120, 0),  # 30 customers / 0.25, all closed by AEs; nobody books meetings
        (Decimal(600000), Decimal(700000)),
        (Decimal(100000), Decimal(112500)),
    ]
    departments = report.departments
    assert list(departments) == ["executive", "marketing", "sales", "customer_success", "revops"]
    marketing = departments["marketing"]
    # Leads in revenue: 300 x 0.10 x 12,000 = 360,000 against 250 x 1,200 = 300,000.
    assert (marketing.target, marketing.capacity, marketing.gap) == money(360000, 300000, 60000)
    assert marketing.status == RED  # 83.3 %
    sales = departments["sales"]
    assert (sales.target, sales.capacity) == money(360000, 300000)
    assert [item.key for item in sales.lines] == ["new_business", "meetings"]
    cs = departments["customer_success"]
    # 600,000 x 0.9 + 100,000 against min(700,000, 600,000) x 0.9 + 112,500.
    assert (cs.target, cs.capacity, cs.gap) == money(640000, 652500, -12500)
    assert cs.status == GREEN
    for key in ("executive", "revops"):
        assert departments[key].lines == ()
        assert (departments[key].target, departments[key].capacity) == money(0, 0)
        assert departments[key].coverage is None
        assert departments[key].status == NO_TARGET
    # Hires: 50 leads / 138 a demand-gen hire; 60,000 / 125,000 an AE; 120 / 132 an SDR.
    assert report.hires_needed == {"acquisition_specialist": 1, "ae": 1, "sdr": 1}
    assert marketing.hires_needed == {"acquisition_specialist": 1}
    assert sales.hires_needed == {"ae": 1, "sdr": 1}
    assert cs.hires_needed == {}
    assert report.aes_per_sdr is None  # no meeting setters


def test_the_meetings_line_counts_only_what_aes_close() -> None:
    # AE 150,000 and inside sales 120,000 of quota: AEs close 5/9 of the customers.
    positions = [filled("ae"), filled("inside_sales"), filled("sdr")]
    meetings = line(report_of(positions, targets()), "meetings")
    assert meetings.target == 67  # ceil(30 x 5/9 / 0.25) = ceil(66.67)
    assert meetings.capacity == 144
    # Fractional customers: 300 x 0.125 = 37.5, / 0.25 = 150 meetings.
    assert line(report_of([filled("ae")], targets(close_rate="0.125")), "meetings").target == 150
    slower = tuned(("*", "meeting_to_win_rate", "0.2"))
    assert line(report_of([filled("ae")], targets(), slower), "meetings").target == 150  # 30 / 0.2


def test_the_hire_roles_follow_the_organisation_on_the_chart() -> None:
    report = report_of([filled("ae"), filled("sdr"), filled("bdr", 2)], targets())
    assert line(report, "meetings").hire_role == "bdr"  # the setter role with the most heads
    assert line(report, "new_business").hire_role == "ae"
    report = report_of([filled("ae"), filled("sdr"), filled("bdr")], targets())
    assert line(report, "meetings").hire_role == "sdr"  # a tie: the usual role
    assert report.aes_per_sdr == Decimal("0.5")
    report = report_of([filled("content_creator", 2), filled("seo_specialist")], targets())
    assert line(report, "leads").hire_role == "content_creator"
    report = report_of([], targets())
    assert [(item.key, item.hire_role) for item in report.lines] == [
        ("leads", "acquisition_specialist"),
        ("new_business", "ae"),
        ("meetings", "sdr"),
        ("base_revenue", "csm"),
        ("expansion", "account_manager"),
    ]


# --- suggested hires -------------------------------------------------------------------------


def test_hiring_aes_raises_the_meetings_they_need() -> None:
    # One AE (150,000) and one inside sales rep (120,000) for 360,000 of new business; a deal
    # won per 8 meetings; one SDR (144 meetings); leads covered by an override.
    rate = tuned(("*", "meeting_to_win_rate", "0.125"))
    positions = [
        filled("acquisition_specialist", override="300"),
        filled("ae"),
        filled("inside_sales"),
        filled("sdr"),
    ]
    inputs = targets()
    report = report_of(positions, inputs, rate)
    # Today: AEs close 5/9 of 30 customers: ceil(16.67 / 0.125) = 134 meetings, 144 booked.
    assert line(report, "meetings").target == 134
    assert line(report, "meetings").status == GREEN
    assert line(report, "new_business").shortfall == Decimal(90000)
    # One AE hired in January gives 10 ramped months, 125,000: AEs then close
    # 275,000 / 395,000 = 55/79 of the customers, ceil(30 x 55/79 / 0.125) = 168 meetings,
    # 24 more than booked, so an SDR too (11 ramped months, 132 meetings).
    assert report.hires_needed == {"ae": 1, "sdr": 1}
    hires = assert_suggestion_closes_every_line(positions, inputs, YearMonth(2027, 1), rate)
    hired = [
        Hire("ae", "sales", 1, YearMonth(2027, 1)),
        Hire("sdr", "sales", 1, YearMonth(2027, 1)),
    ]
    after = report_of([*positions, *hired], inputs, rate)
    assert line(after, "meetings").target == 168
    assert line(after, "meetings").capacity == 276
    assert hires == {"ae": 1, "sdr": 1}


def test_the_demo_gap_is_closed_by_one_csm() -> None:
    positions = [filled("csm", 2), filled("account_manager")]
    inputs = targets(leads=0, base_revenue=600000, expansion=100000)
    report = report_of(positions, inputs)
    base = line(report, "base_revenue")
    assert (base.target, base.capacity) == money(600000, 500000)
    assert base.status == RED
    assert report.hires_needed == {"csm": 1}  # 100,000 short, 229,166.67 a hire
    assert assert_suggestion_closes_every_line(positions, inputs, YearMonth(2027, 1)) == {"csm": 1}


def test_suggested_hires_from_nobody_at_all() -> None:
    inputs = targets(base_revenue=600000, expansion=100000)
    # 300 leads / 138 = 3; 360,000 / 125,000 = 3 AEs; 120 meetings / 132 = 1 SDR;
    # 600,000 / 229,166.67 = 3 CSMs; 100,000 / 98,437.50 = 2 account managers.
    expected = {"acquisition_specialist": 3, "ae": 3, "sdr": 1, "csm": 3, "account_manager": 2}
    assert hires_for([], inputs) == expected
    assert assert_suggestion_closes_every_line([], inputs, YearMonth(2027, 1)) == expected


def test_an_inside_sales_organisation_has_no_meetings_line_and_hires_inside_sales() -> None:
    positions = [filled("acquisition_specialist", override="300"), filled("inside_sales", 2)]
    inputs = targets()
    report = report_of(positions, inputs)
    assert [item.key for item in report.lines] == [
        "leads",
        "new_business",
        "base_revenue",
        "expansion",
    ]
    assert line(report, "new_business").hire_role == "inside_sales"
    # 360,000 - 240,000 = 120,000 short; a hire ramps 0.25 + 0.5 + 0.75 + 9 = 10.5 months,
    # 120,000 x 10.5/12 = 105,000: two hires.
    assert report.hires_needed == {"inside_sales": 2}
    assert report.aes_per_sdr is None
    hires = assert_suggestion_closes_every_line(positions, inputs, YearMonth(2027, 1))
    assert hires == {"inside_sales": 2}


def test_inside_sales_with_setters_need_no_meetings() -> None:
    positions = [filled("inside_sales", 3), filled("sdr")]
    report = report_of(positions, targets())
    meetings = line(report, "meetings")
    assert (meetings.target, meetings.capacity) == money(0, 144)
    assert meetings.status == NO_TARGET
    assert report.aes_per_sdr == 0
    assert "sdr" not in report.hires_needed


def test_hires_start_in_the_plan_wide_hire_month() -> None:
    # A CSM hired in month 7 with a 3-month ramp: 1/3 + 2/3 + 4 = 5 months, 104,166.67.
    july = tuned(("*", "hire_start_month", "7"))
    inputs = targets(leads=0, base_revenue=300000)
    assert hires_for([], inputs, july) == {"csm": 3}  # 300,000 / 104,166.67 = 2.88
    assert assert_suggestion_closes_every_line([], inputs, YearMonth(2027, 7), july) == {"csm": 3}


def test_hire_month_in_a_fiscal_year_starting_in_april() -> None:
    # Month 4 of a year starting in April is July 2027: 1/3 + 2/3 + 7 = 8 months, 166,666.67.
    fourth = tuned(("*", "hire_start_month", "4"))
    inputs = targets(leads=0, base_revenue=400000)
    positions = [filled("csm")]  # 150,000 short
    assert hires_for(positions, inputs, fourth, FY_APRIL) == {"csm": 1}
    start = YearMonth(2027, 7)
    hires = assert_suggestion_closes_every_line(positions, inputs, start, fourth, FY_APRIL)
    assert hires == {"csm": 1}
    inputs = targets(leads=0, base_revenue=600000)  # 350,000 short: 2.1 hires
    assert hires_for(positions, inputs, fourth, FY_APRIL) == {"csm": 3}


def test_a_hire_in_the_last_month_with_a_long_ramp_still_counts() -> None:
    # Hired in month 12 with a 24-month ramp: 1/24 of a month, 250,000 / 288 = 868.06.
    late = tuned(("*", "hire_start_month", "12"), ("csm", "ramp_months", "24"))
    inputs = targets(leads=0, base_revenue=100000)
    per_hire = capacity_of(Hire("csm", "customer_success", 1, YearMonth(2027, 12)), late)
    assert per_hire == Decimal("868.06")
    assert hires_for([], inputs, late) == {"csm": 116}  # 100,000 / 868.06 = 115.2
    hires = assert_suggestion_closes_every_line([], inputs, YearMonth(2027, 12), late)
    assert hires == {"csm": 116}  # 116 x 250,000 / 288 = 100,694.44


@pytest.mark.parametrize(("month", "start"), [("0", 1), ("-3", 1), ("13", 12), ("12", 12)])
def test_the_hire_month_is_kept_within_the_year(month: str, start: int) -> None:
    assumptions = tuned(("*", "hire_start_month", month), ("csm", "ramp_months", "0"))
    inputs = targets(leads=0, base_revenue=100000)
    # No ramp: a January hire brings 250,000, a December hire 250,000 / 12 = 20,833.33.
    expected = {"csm": 1} if start == 1 else {"csm": 5}
    assert hires_for([], inputs, assumptions) == expected
    hires = assert_suggestion_closes_every_line([], inputs, YearMonth(2027, start), assumptions)
    assert hires == expected


def test_a_line_no_hire_can_close_is_left_short() -> None:
    no_quota = tuned(("ae", "annual_quota", "0"))
    inputs = targets(base_revenue=250000)
    positions = [filled("acquisition_specialist", override="300"), filled("sdr")]
    report = report_of(positions, inputs, no_quota)
    assert line(report, "new_business").status == RED
    assert line(report, "new_business").shortfall == Decimal(360000)
    assert report.hires_needed == {"csm": 2}  # 250,000 / 229,166.67; no AE can help


def test_a_meeting_rate_of_zero_drops_the_meetings_line() -> None:
    never = tuned(("*", "meeting_to_win_rate", "0"))
    positions = [filled("acquisition_specialist", override="300"), filled("ae", 3)]
    report = report_of(positions, targets(), never)
    assert report.line("meetings") is None
    assert [item.key for item in report.lines] == [
        "leads",
        "new_business",
        "base_revenue",
        "expansion",
    ]
    assert report.hires_needed == {}  # 450,000 of quota for 360,000; no SDRs asked for
    assert report.departments["sales"].status == GREEN


# --- the demo plan through the summary -------------------------------------------------------


def test_the_demo_plan_needs_one_more_csm_and_is_green_with_it() -> None:
    with PlanDocument.from_template("demo", 2027) as document:
        session = document.session
        scenario = document.scenario()
        summary = summarize(session, scenario)
        capacity = summary.capacity
        # As before leavers, less what they cost (tests/model/test_attrition.py works each out):
        # an AE in seat all year delivers 12 - 41/40 months (30 % attrition, 2 months to
        # backfill, 5 to ramp), the February AE 9 - 33/40; each CSM 12 - 49/90 months.
        # Quota: 2 x 12,500 x 10.975 + 12,500 x 8.175 = 376,562.50.
        # Book: 2 x 250,000 / 12 x 1031/90 = 477,314.81 for 600,000.
        assert [(item.key, item.target, item.capacity, item.status) for item in capacity.lines] == [
            ("leads", 300, Decimal("302.47"), GREEN),
            ("new_business", Decimal(360000), Decimal("376562.50"), GREEN),
            ("meetings", 120, Decimal("272.14"), GREEN),
            ("base_revenue", Decimal(600000), Decimal("477314.81"), RED),
            ("expansion", Decimal(100000), Decimal("106718.75"), GREEN),
        ]
        base = line(capacity, "base_revenue")
        assert base.coverage is not None
        assert base.coverage.quantize(Decimal("0.0001")) == Decimal("0.7955")
        assert capacity.hires_needed == {"csm": 1}
        assert capacity.aes_per_sdr == Decimal("1.5")
        cs = capacity.departments["customer_success"]
        assert (cs.target, cs.capacity) == money(640000, "536302.08")  # 429,583.33 + 106,718.75
        assert cs.status == RED
        assert cs.hires_needed == {"csm": 1}
        statuses = {key: department.status for key, department in capacity.departments.items()}
        assert statuses == {
            "executive": NO_TARGET,
            "marketing": GREEN,
            "sales": GREEN,
            "customer_success": RED,
            "revops": NO_TARGET,
        }
        data = summary.to_json()
        assert data["hires_needed"] == {"csm": 1}
        lines = {item["key"]: item for item in data["capacity_lines"]}
        assert lines["base_revenue"]["coverage"] == 0.7955
        assert lines["base_revenue"]["status"] == "red"
        assert lines["base_revenue"]["hire_role"] == "csm"

        # Hire the CSM as a user would: an open card under the VP of Customer Success.
        vp = session.scalars(
            select(Position).where(
                Position.scenario_id == scenario.id, Position.role_key == "vp_customer_success"
            )
        ).one()
        row = edits.new_position_row(session, scenario, "csm", vp.id)
        edits.insert_rows(session, edits.RowsSnapshot((row,), ()))
        edits.update_fields(session, row["id"], {"start_month": YearMonth(2027, 1)})

        after = summarize(session, scenario)
        capacity = after.capacity
        base = line(capacity, "base_revenue")
        # The January CSM ramps (11 months) and may leave: 11 - 47/90 months of a 250,000 book.
        assert base.capacity == Decimal("477314.81") + Decimal("218287.04")
        assert base.status == GREEN
        assert all(item.status == GREEN for item in capacity.lines)
        assert capacity.hires_needed == {}
        cs = capacity.departments["customer_success"]
        assert cs.capacity == Decimal("646718.75")  # 600,000 x 0.9 + 106,718.75
        assert cs.status == GREEN
        assert cs.hires_needed == {}
        data = after.to_json()
        assert data["hires_needed"] == {}
        departments = {item["key"]: item for item in data["departments"]}
        assert departments["customer_success"]["status"] == "green"
        assert departments["customer_success"]["hires_needed"] == {}
        assert all(item["hires_needed"] == {} for item in data["departments"])


def test_deliverable_revenue_holds_new_business_to_the_smaller_of_leads_and_quota() -> None:
    with PlanDocument.from_template("demo", 2027) as document:
        capacity = summarize(document.session, document.scenario()).capacity
        # Leads carry 302.47 x 10 % x 12,000 = 362,964 of new business; quota would carry
        # 376,562.50. Customer success keeps 477,314.81 x 90 % and expands 106,718.75.
        assert capacity.deliverable_revenue == Decimal(362964) + Decimal("536302.08")
