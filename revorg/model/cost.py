"""What the organisation costs against what it must bring in: cost share of target, CAC, and the
cost-benefit view of a CRO (seed 003: weigh the CRO's cost against the expected growth)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from revorg.model.capacity import Assumptions
from revorg.model.money import ZERO, to_money
from revorg.model.months import FiscalYear
from revorg.model.planning import StaffedPosition, TargetInputs, TargetOutcome, fiscal_year_cost
from revorg.model.vocabulary import Metric

ACQUISITION_DEPARTMENTS = ("sales", "marketing")
DEFAULT_CRO_UPLIFT = Decimal("0.10")


@dataclass(frozen=True)
class CostView:
    total: Decimal  # cost within the fiscal year
    by_department: dict[str, Decimal]
    share_of_target: Decimal | None  # total cost / revenue goal
    cac: Decimal | None  # (sales + marketing cost) / new customers
    cro_cost: Decimal
    cro_uplift_rate: Decimal  # assumed revenue uplift a CRO brings, as a share of the goal
    cro_uplift_revenue: Decimal

    @property
    def cro_net_benefit(self) -> Decimal:
        return self.cro_uplift_revenue - self.cro_cost

    @property
    def cro_return(self) -> Decimal | None:
        """Revenue uplift per unit of CRO cost (above 1: the CRO pays for themself)."""
        return None if self.cro_cost <= 0 else self.cro_uplift_revenue / self.cro_cost


def cost_view(
    positions: Iterable[StaffedPosition],
    cost_by_department: Mapping[str, Decimal],
    inputs: TargetInputs,
    outcome: TargetOutcome,
    assumptions: Assumptions,
    fiscal: FiscalYear,
) -> CostView:
    cro_cost = sum(
        (fiscal_year_cost(p, fiscal) for p in positions if p.role_key == "cro"),
        ZERO,
    )
    return cost_view_of(cro_cost, cost_by_department, inputs, outcome, assumptions)


def cost_view_of(
    cro_cost: Decimal,
    cost_by_department: Mapping[str, Decimal],
    inputs: TargetInputs,
    outcome: TargetOutcome,
    assumptions: Assumptions,
) -> CostView:
    """cost_view() from the CRO's cost within the fiscal year, summed by the caller."""
    total = sum(cost_by_department.values(), ZERO)
    acquisition = sum((cost_by_department.get(k, ZERO) for k in ACQUISITION_DEPARTMENTS), ZERO)
    uplift_rate = assumptions.get("cro", Metric.REVENUE_UPLIFT, DEFAULT_CRO_UPLIFT)
    return CostView(
        total=total,
        by_department=dict(cost_by_department),
        share_of_target=None if inputs.goal <= 0 else total / inputs.goal,
        cac=None if outcome.new_customers <= 0 else to_money(acquisition / outcome.new_customers),
        cro_cost=cro_cost,
        cro_uplift_rate=uplift_rate,
        cro_uplift_revenue=to_money(inputs.goal * uplift_rate),
    )
