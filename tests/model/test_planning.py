"""The planning engine on plain values: the worked plan of seed 002, staffing, cost, spans."""

from dataclasses import dataclass, replace
from decimal import Decimal

import pytest

from revorg.model.months import FiscalYear, YearMonth
from revorg.model.planning import (
    Staffing,
    forecast,
    spans_of_control,
    staffing_by_department,
    total_staffing,
)
from tests.model.seed_plan import SEED_002

DEPARTMENTS = ("executive", "marketing", "sales", "customer_success", "revops")
FY2027 = FiscalYear.of(2027)

SEED_PLAN = SEED_002


@dataclass(frozen=True)
class Seat:
    """The least a position needs to be planned (the StaffedPosition protocol), no database."""

    id: int
    manager_id: int | None = None
    role_key: str = "ae"
    department_key: str = "sales"
    headcount: int = 1
    is_open: bool = False
    start_month: YearMonth | None = None
    annual_cost: Decimal = Decimal(0)


# --- targets --------------------------------------------------------------------------------


def test_seed_plan_reaches_exactly_one_million() -> None:
    outcome = forecast(SEED_PLAN)
    assert outcome.new_customers == Decimal(30)
    assert outcome.new_business == Decimal("360000.00")
    assert outcome.retained == Decimal("640000.00")
    assert outcome.total == Decimal("1000000.00")
    assert outcome.gap == Decimal(0)
    for value in vars(outcome).values():
        assert isinstance(value, Decimal)
    assert str(outcome.new_customers) == "30"  # shown as 30 customers, not 30.00 or 3E+1


def test_gap_is_positive_when_short_and_negative_when_above() -> None:
    short = forecast(replace(SEED_PLAN, leads=290))
    assert short.new_business == Decimal("348000.00")
    assert short.gap == Decimal("12000.00")
    above = forecast(replace(SEED_PLAN, expansion=Decimal("100000.01")))
    assert above.gap == Decimal("-0.01")


def test_retention_drives_retained_revenue() -> None:
    outcome = forecast(replace(SEED_PLAN, retention=Decimal("0.85")))
    assert outcome.retained == Decimal("610000.00")  # 600,000 x 0.85 + 100,000
    assert outcome.gap == Decimal("30000.00")


def test_fractional_customers_are_kept_not_rounded() -> None:
    outcome = forecast(replace(SEED_PLAN, close_rate=Decimal("0.125")))
    assert outcome.new_customers == Decimal("37.5")
    assert str(outcome.new_customers) == "37.5"
    assert outcome.new_business == Decimal("450000.00")


def test_no_float_drift_with_tenths() -> None:
    inputs = replace(
        SEED_PLAN,
        leads=1_000_003,
        close_rate=Decimal("0.1"),
        average_deal=Decimal("0.10"),
        base_revenue=Decimal("0.30"),
        retention=Decimal("1"),
        expansion=Decimal("0.10"),
        goal=Decimal("10000.70"),
    )
    outcome = forecast(inputs)
    assert outcome.new_customers == Decimal("100000.3")  # a float gives 100000.30000000002
    assert outcome.new_business == Decimal("10000.03")
    assert outcome.retained == Decimal("0.40")
    assert outcome.total == Decimal("10000.43")
    assert outcome.gap == Decimal("0.27")


def test_money_is_rounded_half_up() -> None:
    inputs = replace(SEED_PLAN, leads=1, close_rate=Decimal("0.5"), average_deal=Decimal("0.05"))
    assert forecast(inputs).new_business == Decimal("0.03")  # 0.025, half-up


# --- staffing and cost ----------------------------------------------------------------------


def test_departments_with_nobody_are_still_listed_in_order() -> None:
    staffing = staffing_by_department([Seat(1, annual_cost=Decimal(65000))], DEPARTMENTS, FY2027)
    assert list(staffing) == list(DEPARTMENTS)
    assert staffing["marketing"] == Staffing()
    assert staffing["marketing"].headcount == 0
    assert staffing["sales"].positions == 1


def test_no_positions_at_all() -> None:
    staffing = staffing_by_department([], DEPARTMENTS, FY2027)
    assert list(staffing) == list(DEPARTMENTS)
    assert total_staffing(staffing) == Staffing()


def test_open_positions_count_in_headcount_and_open_positions() -> None:
    seats = [
        Seat(1, annual_cost=Decimal(65000)),
        Seat(2, is_open=True, annual_cost=Decimal(65000)),
        Seat(3, role_key="sdr", headcount=3, is_open=True, annual_cost=Decimal(38000)),
    ]
    sales = staffing_by_department(seats, DEPARTMENTS, FY2027)["sales"]
    assert sales.positions == 3
    assert sales.headcount == 5
    assert sales.open_positions == 4


def test_a_group_card_counts_every_head_and_costs_every_head() -> None:
    group = Seat(1, role_key="sdr", headcount=6, annual_cost=Decimal("38000.50"))
    sales = staffing_by_department([group], DEPARTMENTS, FY2027)["sales"]
    assert (sales.positions, sales.headcount, sales.open_positions) == (1, 6, 0)
    assert sales.cost == Decimal("228003.00")
    assert sales.run_rate_cost == Decimal("228003.00")


def test_open_position_starting_in_month_four_costs_nine_twelfths() -> None:
    hire = Seat(
        1, headcount=2, is_open=True, start_month=YearMonth(2027, 4), annual_cost=Decimal(60000)
    )
    sales = staffing_by_department([hire], DEPARTMENTS, FY2027)["sales"]
    assert sales.cost == Decimal("90000.00")  # 60,000 x 2 x 9 / 12
    assert sales.run_rate_cost == Decimal(120000)


def test_fiscal_year_cost_across_a_calendar_year_end() -> None:
    april_year = FiscalYear.of(2027, 4)
    hire = Seat(1, is_open=True, start_month=YearMonth(2028, 1), annual_cost=Decimal(48000))
    assert staffing_by_department([hire], DEPARTMENTS, april_year)["sales"].cost == Decimal(12000)


def test_hire_after_the_fiscal_year_costs_nothing_this_year_but_counts() -> None:
    hire = Seat(1, is_open=True, start_month=YearMonth(2028, 2), annual_cost=Decimal(48000))
    sales = staffing_by_department([hire], DEPARTMENTS, FY2027)["sales"]
    assert sales.cost == Decimal(0)
    assert (sales.headcount, sales.open_positions) == (1, 1)
    assert sales.run_rate_cost == Decimal(48000)


def test_a_filled_position_costs_the_full_year_whatever_its_start_month() -> None:
    # The start month only applies to vacancies: a person in seat is paid all year.
    person = Seat(1, is_open=False, start_month=YearMonth(2027, 10), annual_cost=Decimal(60000))
    assert staffing_by_department([person], DEPARTMENTS, FY2027)["sales"].cost == Decimal(60000)


def test_cost_is_rounded_to_cents_per_position() -> None:
    hire = Seat(1, is_open=True, start_month=YearMonth(2027, 2), annual_cost=Decimal(65000))
    assert staffing_by_department([hire], DEPARTMENTS, FY2027)["sales"].cost == Decimal("59583.33")


def test_many_small_costs_add_up_exactly() -> None:
    seats = [Seat(i, department_key="revops", annual_cost=Decimal("0.10")) for i in range(1, 1001)]
    revops = staffing_by_department(seats, DEPARTMENTS, FY2027)["revops"]
    assert revops.cost == Decimal("100.00")  # a float sum gives 99.9999999999986
    assert revops.headcount == 1000


def test_totals_add_up_every_department() -> None:
    seats = [
        Seat(1, role_key="cro", department_key="executive", annual_cost=Decimal(170000)),
        Seat(2, manager_id=1, department_key="sales", headcount=2, annual_cost=Decimal(65000)),
        Seat(
            3,
            manager_id=1,
            role_key="csm",
            department_key="customer_success",
            is_open=True,
            start_month=YearMonth(2027, 7),
            annual_cost=Decimal(50000),
        ),
    ]
    total = total_staffing(staffing_by_department(seats, DEPARTMENTS, FY2027))
    assert total == Staffing(
        positions=3,
        headcount=4,
        open_positions=1,
        cost=Decimal(170000 + 130000 + 25000),
        run_rate_cost=Decimal(170000 + 130000 + 50000),
    )


def test_a_position_of_an_unlisted_department_is_not_lost() -> None:
    staffing = staffing_by_department(
        [Seat(1, department_key="partners", annual_cost=Decimal(1))], DEPARTMENTS, FY2027
    )
    assert staffing["partners"].positions == 1
    assert total_staffing(staffing).positions == 1


# --- spans of control -----------------------------------------------------------------------


def test_group_cards_count_as_many_reports_as_heads() -> None:
    seats = [
        Seat(1, role_key="sales_manager"),
        Seat(2, manager_id=1, role_key="sdr", headcount=6),
        Seat(3, manager_id=1),
    ]
    spans = spans_of_control(seats)
    assert set(spans) == {1}  # only managers have a span
    assert spans[1].direct_reports == 7
    assert spans[1].limit == 10
    assert not spans[1].too_wide


@pytest.mark.parametrize(
    ("role_key", "reports", "limit", "too_wide"),
    [
        ("sdr_manager", 8, 8, False),
        ("sdr_manager", 9, 8, True),
        ("sales_manager", 10, 10, False),
        ("sales_manager", 11, 10, True),
        ("cro", 11, 10, True),
        ("vp_customer_success", 9, 10, False),
    ],
)
def test_span_limits(role_key: str, reports: int, limit: int, too_wide: bool) -> None:
    seats = [Seat(1, role_key=role_key), Seat(2, manager_id=1, role_key="sdr", headcount=reports)]
    span = spans_of_control(seats)[1]
    assert (span.direct_reports, span.limit, span.too_wide) == (reports, limit, too_wide)


def test_spans_count_direct_reports_only() -> None:
    seats = [
        Seat(1, role_key="cro"),
        Seat(2, manager_id=1, role_key="vp_sales"),
        Seat(3, manager_id=2, role_key="sdr", headcount=6),
        Seat(4, manager_id=2),
    ]
    spans = spans_of_control(seats)
    assert spans[1].direct_reports == 1
    assert spans[2].direct_reports == 7
    assert 3 not in spans
