"""The plan's revenue figures beside capacity: quota coverage, the pipeline the target needs,
the ARR walk and the customer lifetime value (seed 002 names churn, ARR and CLV).

Pure functions on plain values.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from revorg.model.money import ZERO, to_money
from revorg.model.planning import TargetInputs, TargetOutcome

# Sales leaders assign more quota than the target on purpose, since not every rep attains it:
# 110 to 125 % of the target is the usual range.
USUAL_QUOTA_COVERAGE = (Decimal("1.10"), Decimal("1.25"))


class QuotaCheck(StrEnum):
    """How the quota assigned compares with the usual range."""

    NONE = "none"  # no new-business target
    BELOW_TARGET = "below_target"  # under 100 %: the target is not even assigned
    UNDER_RANGE = "under_range"  # 100 % to 110 %: no room for reps who miss
    IN_RANGE = "in_range"
    OVER_RANGE = "over_range"  # over 125 %: quotas may look out of reach


@dataclass(frozen=True)
class QuotaCoverage:
    assigned: Decimal  # the quota carriers' ramped quotas for the year, before attainment
    target: Decimal  # the new-business target

    @property
    def ratio(self) -> Decimal | None:
        return None if self.target <= 0 else self.assigned / self.target

    @property
    def check(self) -> QuotaCheck:
        ratio = self.ratio
        low, high = USUAL_QUOTA_COVERAGE
        if ratio is None:
            return QuotaCheck.NONE
        if ratio < 1:
            return QuotaCheck.BELOW_TARGET
        if ratio < low:
            return QuotaCheck.UNDER_RANGE
        return QuotaCheck.IN_RANGE if ratio <= high else QuotaCheck.OVER_RANGE


def pipeline_needed(inputs: TargetInputs, outcome: TargetOutcome) -> Decimal | None:
    """The pipeline the new-business target needs at the close rate: 360,000 at 10 % needs
    3,600,000 (None without a close rate)."""
    if inputs.close_rate <= 0:
        return None
    return to_money(outcome.new_business / inputs.close_rate)


@dataclass(frozen=True)
class ArrWalk:
    """Annual recurring revenue from the start of the year to its end."""

    start: Decimal  # the current revenue (the base customer success looks after)
    churned: Decimal  # what is not retained
    expansion: Decimal
    new: Decimal  # new business
    end: Decimal

    @property
    def churn_rate(self) -> Decimal:
        return ZERO if self.start <= 0 else self.churned / self.start


def arr_walk(inputs: TargetInputs, outcome: TargetOutcome) -> ArrWalk:
    """Seed 002's plan: 600,000 - 60,000 + 100,000 + 360,000 = 1,000,000, the plan's total."""
    churned = to_money(inputs.base_revenue * (1 - inputs.retention))
    end = inputs.base_revenue - churned + inputs.expansion + outcome.new_business
    return ArrWalk(inputs.base_revenue, churned, inputs.expansion, outcome.new_business, end)


def customer_lifetime_value(inputs: TargetInputs, gross_margin: Decimal) -> Decimal | None:
    """The gross profit of a customer over its life: the average deal (a year's revenue) times
    the gross margin, over the years it stays (1 / churn rate). None when nobody churns (a
    lifetime without end) or nothing is sold."""
    churn = 1 - inputs.retention
    if churn <= 0 or inputs.average_deal <= 0:
        return None
    return to_money(inputs.average_deal * gross_margin / churn)
