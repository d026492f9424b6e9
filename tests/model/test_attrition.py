"""People leave: the capacity rule's expected loss to leavers, worked by hand.

Each month a twelfth of the role's annual attrition of the heads in seat leave at the start of the
month; the seat stays empty for the backfill months; the replacement ramps again. A leaver in
month m costs the seat P(m) - R(m + backfill): what the seat would have delivered from m on,
less what a new hire starting then delivers (revorg/model/capacity/rule.py).
"""

from decimal import Decimal
from fractions import Fraction

import pytest

from revorg.model.capacity import (
    Assumptions,
    capacity_report,
    capacity_totals,
    expected_productivity,
    leaver_twelfths,
    position_capacity,
    ramped_months,
)
from revorg.model.catalogue import role_specs
from revorg.model.months import FiscalYear, YearMonth
from revorg.model.planning import TargetInputs
from tests.model.seats import Seat

FY2027 = FiscalYear.of(2027)
FY_APRIL = FiscalYear.of(2027, 4)
KINDS = {spec.key: spec.capacity_kind for spec in role_specs()}
DEPARTMENT_OF = {spec.key: spec.department for spec in role_specs()}
AE = Assumptions.of(
    [
        ("ae", "annual_quota", Decimal(200000)),
        ("ae", "attainment", Decimal("0.75")),
        ("ae", "ramp_months", Decimal(5)),
        ("ae", "annual_attrition", Decimal("0.30")),
        ("ae", "backfill_months", Decimal(2)),
    ]
)


def test_without_ramp_a_leaver_costs_the_backfill_months() -> None:
    # 12 % a year: a hundredth of the heads leaves each month and each costs one empty month
    # (the last month's leaver costs only that month): 12 - 12 x 0.01 = 11.88 months.
    assert ramped_months(0, 0, True, Decimal("0.12"), 1) == Fraction(1188, 100)


def test_with_an_immediate_backfill_a_leaver_costs_the_replacements_ramp() -> None:
    # Ramp 2, backfill 0: the replacement delivers 1/2 in its first month, so each leaver costs
    # half a month, whatever the month: 12 - 12 x 0.01 x 1/2 = 11.94.
    assert ramped_months(0, 2, True, Decimal("0.12"), 0) == Fraction(1194, 100)


def test_an_account_executive_in_seat_all_year() -> None:
    # 30 %: a fortieth leaves each month. A leaver in month m loses 12 - m months and gets back
    # the replacement's, who starts in m + 2 with a 5-month ramp: n - 2 months when n >= 5 are
    # left, n(n+1)/10 when fewer. Losses m = 0..11: 4 x 7, 3.8, 3.4, 2.8, 2, 1 = 41.
    assert ramped_months(0, 5, True, Decimal("0.30"), 2) == 12 - Fraction(41, 40)
    monthly = expected_productivity(0, 5, True, Decimal("0.30"), 2)
    assert monthly[0] == Fraction(39, 40)  # January's leavers: nothing of January
    assert sum(monthly) == Fraction(439, 40)
    seat = Seat("ae", "sales")
    assert position_capacity(seat, "quota", AE, FY2027) == Decimal("137187.50")  # x 12,500


def test_an_account_executive_hired_in_february() -> None:
    # In seat from month 1, ramping: 0.2 + 0.4 + 0.6 + 0.8 + 7 = 9 months. Leavers m = 1..11
    # lose P(m) - R(m + 2): 9 - 7, 8.8 - 6, 8.4 - 5, 7.8 - 4, 7 - 3, 6 - 2, 5 - 1.2, 4 - 0.6,
    # 3 - 0.2, 2, 1 = 33 months of leavers, a fortieth each.
    hire = Seat("ae", "sales", is_open=True, start_month=YearMonth(2027, 2))
    assert position_capacity(hire, "quota", AE, FY2027) == Decimal("102187.50")  # 8.175 months
    assert ramped_months(1, 5, False, Decimal("0.30"), 2) == 9 - Fraction(33, 40)


def test_an_april_fiscal_year_counts_from_april() -> None:
    # A start in July 2027 is month 3 of a year from April: 7 ramped months, less 25/40.
    hire = Seat("ae", "sales", is_open=True, start_month=YearMonth(2027, 7))
    assert position_capacity(hire, "quota", AE, FY_APRIL) == Decimal("79687.50")  # 6.375 months
    # The same start is month 6 of a calendar year: 0.2 + 0.4 + 0.6 + 0.8 + 2 = 4 months;
    # leavers m = 6..11 lose 4 - 2, 3.8 - 1.2, 3.4 - 0.6, 2.8 - 0.2, 2, 1 = 13 months.
    assert ramped_months(6, 5, False, Decimal("0.30"), 2) == 4 - Fraction(13, 40)


def test_a_csm_in_seat_and_a_csm_hired_in_january() -> None:
    csm = Assumptions.of(
        [
            ("csm", "book_of_business", Decimal(250000)),
            ("csm", "ramp_months", Decimal(3)),
            ("csm", "annual_attrition", Decimal("0.20")),
            ("csm", "backfill_months", Decimal(2)),
        ]
    )
    # In seat: a sixtieth leaves each month; losses 3 x 9 (m = 0..8), 3 - 1/3, 2, 1 = 98/3.
    assert ramped_months(0, 3, True, Decimal("0.20"), 2) == 12 - Fraction(98, 3) / 60
    seated = Seat("csm", "customer_success", headcount=2)
    assert position_capacity(seated, "book_of_business", csm, FY2027) == Decimal("477314.81")
    # Hired in January: 11 ramped months; losses 11 - 9, 32/3 - 8, 3 x 7, 8/3, 2, 1 = 94/3.
    hire = Seat("csm", "customer_success", is_open=True, start_month=YearMonth(2027, 1))
    assert ramped_months(0, 3, False, Decimal("0.20"), 2) == 11 - Fraction(94, 3) / 60
    assert position_capacity(hire, "book_of_business", csm, FY2027) == Decimal("218287.04")


def test_nobody_leaving_and_overrides_change_nothing() -> None:
    assert ramped_months(0, 5, True) == 12
    assert expected_productivity(3, 5, False, Decimal(0), 2) == expected_productivity(
        3, 5, False, Decimal(0), 0
    )
    overridden = Seat("ae", "sales", capacity_override=Decimal(100000))
    assert position_capacity(overridden, "quota", AE, FY2027) == Decimal(100000)


def test_leavers_backfills_and_what_they_cost() -> None:
    chart = [
        Seat("ae", "sales", headcount=2),  # 0.3 x 24 months = 7.2 twelfths
        Seat("ae", "sales", is_open=True, start_month=YearMonth(2027, 2)),  # 0.3 x 11 = 3.3
    ]
    assert leaver_twelfths(chart[0], AE, FY2027) == Decimal("7.20")
    totals = capacity_totals(chart, KINDS, AE, FY2027)
    assert totals.leavers("ae") == Decimal("0.8750")  # 10.5 / 12
    # Without leavers: 2 x 150,000 + 112,500 = 412,500; with them 2 x 137,187.50 + 102,187.50.
    assert totals.by_kind["quota"] == Decimal("376562.50")
    assert totals.lost_by_kind["quota"] == Decimal("35937.50")
    # Quota before attainment: 200,000 x 2 x 10.975 / 12 + 200,000 x 8.175 / 12.
    assert totals.assigned_by_kind["quota"] == Decimal("365833.33") + Decimal("136250.00")
    inputs = TargetInputs(
        goal=Decimal(360000),
        leads=300,
        close_rate=Decimal("0.1"),
        average_deal=Decimal(12000),
        base_revenue=Decimal(0),
        retention=Decimal(0),
        expansion=Decimal(0),
    )
    report = capacity_report(chart, inputs, KINDS, DEPARTMENT_OF, AE, FY2027)
    assert report.leavers == {"ae": Decimal("0.8750")}
    assert report.backfills == {"ae": 1}  # 0.875 rounds to one replacement
    sales = report.departments["sales"]
    assert (sales.leavers, sales.capacity_lost) == (Decimal("0.8750"), Decimal("35937.50"))


@pytest.mark.parametrize(("leavers_twelfths", "backfills"), [("5.4", 0), ("6", 1), ("17.9", 1)])
def test_backfills_round_expected_leavers_half_up(leavers_twelfths: str, backfills: int) -> None:
    # 0.45 leavers is no hire to plan; 0.5 is one; 1.49 is one.
    rate = Decimal(leavers_twelfths) / 12
    assumptions = Assumptions.of([("support", "annual_attrition", rate)])
    report = capacity_report(
        [Seat("support", "customer_success")],
        TargetInputs(Decimal(0), 0, Decimal(0), Decimal(0), Decimal(0), Decimal(0), Decimal(0)),
        KINDS,
        DEPARTMENT_OF,
        assumptions,
        FY2027,
    )
    assert report.backfills == ({"support": backfills} if backfills else {})


def _by_definition(
    offset: int, ramp: int, ramped_already: bool, rate: Decimal, backfill: int
) -> list[Fraction]:
    """The rule as the module states it, leaver by leaver (the model sums it in closed form)."""
    from revorg.model.capacity import monthly_productivity

    seat = monthly_productivity(offset, ramp, ramped_already)
    expected = list(seat)
    for month in range(offset, 12):
        replacement = monthly_productivity(month + backfill, ramp, False)
        for later in range(month, 12):
            expected[later] -= Fraction(rate) / 12 * (seat[later] - replacement[later])
    return expected


@pytest.mark.parametrize("ramp", [0, 1, 3, 5, 14])
@pytest.mark.parametrize("backfill", [0, 1, 2, 13])
def test_the_closed_form_is_the_rule_leaver_by_leaver(ramp: int, backfill: int) -> None:
    for offset in range(13):
        for ramped_already in (False, True):
            key = (offset, ramp, ramped_already, Decimal("0.35"), backfill)
            assert list(expected_productivity(*key)) == _by_definition(*key), key
