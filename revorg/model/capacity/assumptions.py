"""A scenario's planning assumptions, as the capacity rule reads them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from revorg.model.money import ZERO
from revorg.model.vocabulary import Metric

PLAN_WIDE = "*"  # the role key of plan-wide assumptions
DEFAULT_ATTAINMENT = Decimal("0.75")
DEFAULT_MEETING_TO_WIN = Decimal("0.25")
DEFAULT_GROSS_MARGIN = Decimal("0.75")


@dataclass(frozen=True)
class Assumptions:
    """A scenario's assumptions by (role key, metric); role "*" holds plan-wide values."""

    values: Mapping[tuple[str, str], Decimal] = field(default_factory=dict)

    @classmethod
    def of(cls, rows: Iterable[tuple[str, str, Decimal]]) -> Assumptions:
        return cls({(role_key, metric): value for role_key, metric, value in rows})

    def get(self, role_key: str, metric: str, default: Decimal = ZERO) -> Decimal:
        return self.values.get((role_key, metric), default)

    def plan_wide(self, metric: str, default: Decimal = ZERO) -> Decimal:
        return self.values.get((PLAN_WIDE, metric), default)

    def ramp_months(self, role_key: str) -> int:
        return max(0, int(self.get(role_key, Metric.RAMP_MONTHS)))

    def attainment(self, role_key: str) -> Decimal:
        return self.get(role_key, Metric.ATTAINMENT, DEFAULT_ATTAINMENT)

    def annual_attrition(self, role_key: str) -> Decimal:
        """The share of a role's people expected to leave in a year (0: nobody leaves)."""
        return self.get(role_key, Metric.ANNUAL_ATTRITION)

    def backfill_months(self, role_key: str) -> int:
        return max(0, int(self.get(role_key, Metric.BACKFILL_MONTHS)))

    def gross_margin(self) -> Decimal:
        return self.plan_wide(Metric.GROSS_MARGIN, DEFAULT_GROSS_MARGIN)

    def meeting_to_win_rate(self) -> Decimal:
        return self.plan_wide(Metric.MEETING_TO_WIN_RATE, DEFAULT_MEETING_TO_WIN)

    def hire_start_offset(self) -> int:
        """Suggested hires start in this month of the fiscal year, counted from 0."""
        month = int(self.plan_wide(Metric.HIRE_START_MONTH, Decimal(1)))
        return min(max(month, 1), 12) - 1
