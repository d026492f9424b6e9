"""Balance to the goal: the driver values that make the drivers add up to the goal, rounded as
the domain counts (whole leads, a tenth of a point, cents), never short. Numbers by hand."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from revorg.model.balance import BalanceDriver, propose
from revorg.model.planning import TargetInputs
from tests.model.seed_plan import SEED_002

D = Decimal

# Seed 002: 300 x 10 % x 12,000 = 360,000 new; 600,000 x 90 % + 100,000 = 640,000 retained.
SEED = SEED_002
RAISED = replace(SEED, goal=D(1_500_000))  # 500,000 short


@pytest.mark.parametrize("driver", list(BalanceDriver))
def test_seed_002_is_balanced_whatever_the_driver(driver: BalanceDriver) -> None:
    proposal = propose(SEED, driver)
    assert proposal.balanced and proposal.changes == {} and proposal.refusal is None
    assert proposal.outcome.gap == 0


def test_leads_round_up_to_the_fewest_whole_leads_that_reach_the_goal() -> None:
    # New business needed: 1,500,000 - 640,000 = 860,000; a lead is worth 10 % x 12,000 = 1,200:
    # 716.67 leads, so 717, giving 717 x 1,200 = 860,400 (716 would give 859,200: short).
    proposal = propose(RAISED, BalanceDriver.LEADS)
    assert proposal.changes == {"leads": (300, 717)}
    assert proposal.outcome.new_business == D("860400.00")
    assert proposal.outcome.total == D("1500400.00")
    assert proposal.outcome.gap == D("-400.00")
    assert proposal.before.gap == D("500000.00")


def test_close_rate_rounds_up_to_a_tenth_of_a_point() -> None:
    # 860,000 / (300 x 12,000) = 23.89 %, so 23.9 %: 300 x 0.239 x 12,000 = 860,400.
    proposal = propose(RAISED, BalanceDriver.CLOSE_RATE)
    assert proposal.changes == {"close_rate": (D("0.1"), D("0.239"))}
    assert proposal.outcome.gap == D("-400.00")


def test_average_deal_rounds_up_to_the_cent() -> None:
    # 860,000 / 30 customers = 28,666.666...: 28,666.67, and 30 x 28,666.67 = 860,000.10.
    proposal = propose(RAISED, BalanceDriver.AVERAGE_DEAL)
    assert proposal.changes == {"average_deal": (D(12_000), D("28666.67"))}
    assert proposal.outcome.new_business == D("860000.10")
    assert proposal.outcome.gap == D("-0.10")


def test_retention_above_100_percent_is_refused() -> None:
    # (1,500,000 - 360,000 - 100,000) / 600,000 = 173.33 %, so 173.4 % once rounded up.
    proposal = propose(RAISED, BalanceDriver.RETENTION)
    assert proposal.refusal is not None and proposal.changes == {}
    assert str(proposal.refusal) == "retention would have to be 173.4 %, above 100 %"
    assert proposal.outcome == proposal.before  # nothing changes


def test_retention_within_100_percent_rounds_up_to_a_tenth_of_a_point() -> None:
    # 50,000 short: (1,050,000 - 360,000 - 100,000) / 600,000 = 98.33 %, so 98.4 %:
    # 600,000 x 0.984 = 590,400, total 1,050,400.
    proposal = propose(replace(SEED, goal=D(1_050_000)), BalanceDriver.RETENTION)
    assert proposal.changes == {"retention": (D("0.9"), D("0.984"))}
    assert proposal.outcome.total == D("1050400.00")


def test_expansion_takes_the_whole_gap_to_the_cent() -> None:
    proposal = propose(RAISED, BalanceDriver.EXPANSION)
    assert proposal.changes == {"expansion": (D(100_000), D("600000.00"))}
    assert proposal.outcome.gap == 0


def test_proportional_spreads_the_gap_over_new_business_and_expansion() -> None:
    # New business 360,000 and expansion 100,000: new business takes 360/460 of 500,000 =
    # 391,304.35, so 751,304.35 = 626.09 leads, rounded up to 627 (752,400); expansion takes
    # the rest: 1,500,000 - 752,400 - 540,000 = 207,600 (its own share was 108,695.65).
    proposal = propose(RAISED, BalanceDriver.PROPORTIONAL)
    assert proposal.changes == {
        "leads": (300, 627),
        "expansion": (D(100_000), D("207600.00")),
    }
    assert proposal.outcome.new_business == D("752400.00")
    assert proposal.outcome.gap == 0


def test_a_plan_above_its_goal_is_trimmed_to_the_fewest_leads_that_still_reach_it() -> None:
    # Goal 900,000: new business needed 260,000 = 216.67 leads, so 217 (260,400).
    proposal = propose(replace(SEED, goal=D(900_000)), BalanceDriver.LEADS)
    assert proposal.changes == {"leads": (300, 217)}
    assert proposal.outcome.gap == D("-400.00")


def test_a_plan_above_its_goal_trims_proportionally_and_stays_on_goal() -> None:
    # 100,000 above: new business gives up 360/460 of it, 78,260.87, to 281,739.13 = 234.78
    # leads, so 235 (282,000); expansion: 900,000 - 282,000 - 540,000 = 78,000.
    proposal = propose(replace(SEED, goal=D(900_000)), BalanceDriver.PROPORTIONAL)
    assert proposal.changes == {"leads": (300, 235), "expansion": (D(100_000), D("78000.00"))}
    assert proposal.outcome.gap == 0


def test_when_retained_revenue_alone_reaches_the_goal_leads_go_to_zero() -> None:
    proposal = propose(replace(SEED, goal=D(600_000)), BalanceDriver.LEADS)
    assert proposal.changes == {"leads": (300, 0)}
    assert proposal.outcome.total == D("640000.00")


def test_balancing_down_never_raises_a_rate_typed_finer_than_its_grid() -> None:
    # 12.34 %: 444,240 of new business, total 1,084,240, 1,240 above 1,083,000. 12.3 % gives
    # 442,800 (200 short), so the smallest tenth of a point that reaches the goal is 12.4 %, a
    # raise: the typed 12.34 % stays.
    inputs = replace(SEED, close_rate=D("0.1234"), goal=D(1_083_000))
    proposal = propose(inputs, BalanceDriver.CLOSE_RATE)
    assert proposal.before.gap == D("-1240.00")
    assert proposal.changes == {}


def test_a_close_rate_above_100_percent_is_refused() -> None:
    # 5,000,000 short through 300 leads at 12,000: (5,360,000) / 3,600,000 = 148.9 %.
    proposal = propose(replace(SEED, goal=D(6_000_000)), BalanceDriver.CLOSE_RATE)
    assert str(proposal.refusal) == "close rate would have to be 148.9 %, above 100 %"


@pytest.mark.parametrize(
    ("inputs", "driver", "reason"),
    [
        (replace(RAISED, leads=0), BalanceDriver.CLOSE_RATE, "no leads to close from"),
        (
            replace(RAISED, close_rate=D(0)),
            BalanceDriver.LEADS,
            "leads win nothing while the close rate or the average deal is 0",
        ),
        (
            replace(RAISED, average_deal=D(0)),
            BalanceDriver.CLOSE_RATE,
            "no deal value: the average deal is 0",
        ),
        (
            replace(RAISED, leads=0),
            BalanceDriver.AVERAGE_DEAL,
            "no customers won to set a deal size for: leads or close rate is 0",
        ),
        (
            replace(RAISED, base_revenue=D(0)),
            BalanceDriver.RETENTION,
            "no current revenue to retain",
        ),
        (
            replace(RAISED, leads=0, expansion=D(0)),
            BalanceDriver.PROPORTIONAL,
            "no new business or expansion to spread the gap over",
        ),
        (
            replace(RAISED, goal=D(10) ** 13),
            BalanceDriver.LEADS,
            "leads would have to be 8,333,332,800, above 1,000,000,000",
        ),
    ],
)
def test_refusals_say_why(inputs: TargetInputs, driver: BalanceDriver, reason: str) -> None:
    proposal = propose(inputs, driver)
    assert str(proposal.refusal) == reason
    assert proposal.changes == {} and not proposal.balanced
