"""The year month by month: seasonality, targets and capacity by month and quarter, the first
month behind, quota coverage, pipeline, the ARR walk and CLV; worked by hand on the demo plan
(seed 002's figures: 360,000 of new business, 600,000 kept at 90 %, 100,000 of expansion)."""

from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction

import pytest

from revorg.model.document import PlanDocument
from revorg.model.editing import PlanEditor, requests
from revorg.model.errors import PlanEditError
from revorg.model.phasing import spread
from revorg.model.planning import TargetInputs, forecast
from revorg.model.revenue import QuotaCheck, QuotaCoverage, arr_walk, customer_lifetime_value
from revorg.model.seasonality import SHAPES, Seasonality
from revorg.model.summary import summarize
from tests.model.seed_plan import SEED_002


@pytest.fixture
def editor() -> Iterator[PlanEditor]:
    document = PlanDocument.from_template("demo", 2027)
    yield PlanEditor(document)
    document.close()


# --- seasonality -------------------------------------------------------------------------------


def test_named_shapes_add_up_to_one_hundred_percent() -> None:
    for key, weights in SHAPES.items():
        seasonality = Seasonality.parse(key)
        assert sum(seasonality.shares()) == 1, key
        assert seasonality.shape() == key
        if weights is not None:
            assert sum(weights) == 100, key
    back_loaded = Seasonality.parse("back_loaded_quarters")
    # 20 %, 30 %, 50 % of each quarter's quarter of the year.
    assert back_loaded.shares()[:3] == (Fraction(1, 20), Fraction(3, 40), Fraction(1, 8))


def test_typed_weights_and_flat_ones() -> None:
    assert Seasonality.parse("10,10,10,10,10,10,10,10,5,5,5,5").shape() == "custom"
    assert Seasonality.parse("10%; 10; 10; 10; 10; 10; 10; 10; 5; 5; 5; 5%").to_text() == (
        "10,10,10,10,10,10,10,10,5,5,5,5"
    )
    # Twelve times 8.33 is 99.96: read as 100 % and flat, a twelfth each.
    flat = Seasonality.parse(",".join(["8.33"] * 12))
    assert flat.is_flat and flat.to_text() is None and flat.shares() == (Fraction(1, 12),) * 12


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1,2,3", "seasonality needs twelve monthly weights, not 3"),
        ("10,10,10,10,10,10,10,10,10,10,10,10", "the monthly weights add up to 120 %, not 100 %"),
        ("-10,20,10,10,10,10,10,10,5,5,5,15", "seasonality weights must be numbers, 0 or more"),
        ("spring", "seasonality must be a shape (flat, back_loaded_quarters, growing_year, "
         "year_end_push) or twelve monthly weights in percent"),
    ],
)  # fmt: skip
def test_weights_that_do_not_make_a_year_are_refused(text: str, message: str) -> None:
    with pytest.raises(PlanEditError) as refused:
        Seasonality.parse(text)
    assert str(refused.value) == message


def test_seasonality_is_one_undoable_step(editor: PlanEditor) -> None:
    edit = requests.set_seasonality(editor, Seasonality.parse("back_loaded_quarters"))
    assert edit is not None and edit.text.english() == "Edit seasonality"
    editor.perform(edit)
    assert editor.scenario.targets.seasonality == "5,7.5,12.5,5,7.5,12.5,5,7.5,12.5,5,7.5,12.5"
    assert editor.summary().year.phasing.seasonality.shape() == "back_loaded_quarters"
    editor.revert(edit)
    assert editor.scenario.targets.seasonality is None
    assert editor.summary().year.phasing.seasonality.is_flat
    assert requests.set_seasonality(editor, Seasonality()) is None  # already flat


# --- months and quarters -----------------------------------------------------------------------


def test_a_year_is_spread_to_the_cent_and_adds_up_exactly() -> None:
    months = spread(Decimal(1000000), (Fraction(1, 12),) * 12)
    # Running totals 83,333.33, 166,666.67, 250,000.00 ...: the months differ by a cent.
    assert months[:3] == (Decimal("83333.33"), Decimal("83333.34"), Decimal("83333.33"))
    assert sum(months) == Decimal(1000000)


def test_back_loaded_targets_by_month_and_quarter(editor: PlanEditor) -> None:
    editor.perform(requests.set_seasonality(editor, Seasonality.parse("back_loaded_quarters")))
    phasing = editor.summary().year.phasing
    sales = phasing.departments["sales"]
    # 360,000 of new business: 5 %, 7.5 %, 12.5 % in each quarter.
    assert sales.target[:3] == (Decimal(18000), Decimal(27000), Decimal(45000))
    assert [target for target, _ in sales.quarters()] == [Decimal(90000)] * 4
    cs = phasing.departments["customer_success"]
    # The retained 540,000 evenly (45,000 a month) plus 5 % of 100,000 of expansion.
    assert cs.target[0] == Decimal(45000) + Decimal(5000)
    assert cs.quarters()[0][0] == Decimal(135000) + Decimal(25000)
    total = phasing.departments["total"]
    assert sum(total.target) == Decimal(1000000)


def test_capacity_by_month_follows_starts_ramps_and_leavers(editor: PlanEditor) -> None:
    summary = editor.summary()
    sales = summary.year.phasing.departments["sales"]
    # January: the two AEs in seat less January's leavers (a fortieth): 2 x 12,500 x 39/40;
    # the February AE starts at a fifth of 12,500 less its leavers.
    assert sales.capacity[0] == Decimal("24375.00")
    assert (
        sum(sales.capacity)
        == summary.capacity.departments["sales"].capacity
        == Decimal("376562.50")
    )
    # Flat target 30,000 a month: behind from January, and the year's 376,562.50 covers it.
    assert sales.first_month_behind() == 0
    year = summary.to_json()
    assert year["first_month_behind"]["sales"] == "2027-01"
    assert year["quarters"][0]["months"] == ["2027-01", "2027-02", "2027-03"]
    assert year["quarters"][0]["sales"]["target"] == 90000
    for department in ("marketing", "sales", "customer_success"):
        phased = summary.year.phasing.departments[department]
        assert sum(phased.capacity) == summary.capacity.departments[department].capacity


def test_a_chart_that_keeps_up_all_year_has_no_month_behind(editor: PlanEditor) -> None:
    editor.perform(requests.set_target(editor, "leads", 100))  # 120,000 of new business
    sales = editor.summary().year.phasing.departments["sales"]
    assert sales.first_month_behind() is None  # 24,375 from January against 10,000 a month


def test_an_april_fiscal_year_has_april_to_june_as_its_first_quarter() -> None:
    with PlanDocument.from_template("demo", 2027) as document:
        document.plan.fiscal_start_month = 4
        document.session.commit()
        data = summarize(document.session, document.scenario()).to_json()
    assert data["quarters"][0]["months"] == ["2027-04", "2027-05", "2027-06"]
    assert data["quarters"][3]["months"] == ["2028-01", "2028-02", "2028-03"]


# --- revenue figures ---------------------------------------------------------------------------


def test_quota_coverage_against_the_usual_range() -> None:
    assert QuotaCoverage(Decimal(424800), Decimal(360000)).ratio == Decimal("1.18")
    assert QuotaCoverage(Decimal(424800), Decimal(360000)).check == QuotaCheck.IN_RANGE
    assert QuotaCoverage(Decimal(350000), Decimal(360000)).check == QuotaCheck.BELOW_TARGET
    assert QuotaCoverage(Decimal(380000), Decimal(360000)).check == QuotaCheck.UNDER_RANGE
    assert QuotaCoverage(Decimal(460000), Decimal(360000)).check == QuotaCheck.OVER_RANGE
    assert QuotaCoverage(Decimal(1), Decimal(0)).check == QuotaCheck.NONE


def test_the_demo_assigns_139_percent_of_its_new_business_target(editor: PlanEditor) -> None:
    year = editor.summary().to_json()
    # Ramped quotas before attainment: 200,000 x 10.975 / 12 for each AE in seat (182,916.67
    # each) and 200,000 x 8.175 / 12 = 136,250 for the February AE.
    assert year["quota_coverage"] == {
        "assigned": 502083.34,
        "target": 360000,
        "coverage": 1.3947,
        "usual_range": [1.1, 1.25],
        "check": "over_range",
    }
    assert year["pipeline_needed"] == 3600000  # 360,000 at a 10 % close rate


def test_the_arr_walk_and_customer_lifetime_value_of_seed_002() -> None:
    walk = arr_walk(SEED_002, forecast(SEED_002))
    assert (walk.start, walk.churned, walk.expansion, walk.new, walk.end) == (
        Decimal(600000),
        Decimal(60000),
        Decimal(100000),
        Decimal(360000),
        Decimal(1000000),
    )
    assert walk.end == forecast(SEED_002).total and walk.churn_rate == Decimal("0.1")
    # A 12,000 deal at a 75 % margin for the ten years a 10 % churn keeps a customer.
    assert customer_lifetime_value(SEED_002, Decimal("0.75")) == Decimal(90000)
    kept = TargetInputs(**{**SEED_002.__dict__, "retention": Decimal(1)})
    assert customer_lifetime_value(kept, Decimal("0.75")) is None
