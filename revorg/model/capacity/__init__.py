"""Capacity against target: can the people on the chart deliver the plan, and which hires close
the gap. Pure functions on plain values (ORM rows satisfy the protocols); no Qt, no session.

- assumptions: a scenario's assumptions as the rule reads them;
- rule: the capacity rule, what one position delivers and its sums (the one place it lives);
- coverage: the plan's driver lines against capacity, per line and per department;
- hiring: the capacity report and the hires that close its gaps.

Each role has a capacity kind (revorg/resources/roles.json) and assumptions per scenario:
- quota carriers (AE, inside sales): annual quota x attainment of new business;
- account managers: expansion quota x attainment;
- CSMs: the book of recurring revenue each can look after;
- SDRs, BDRs, appointment setters: qualified meetings per month;
- marketing roles: qualified leads per month.
"""

from revorg.model.capacity.assumptions import (
    DEFAULT_ATTAINMENT,
    DEFAULT_MEETING_TO_WIN,
    PLAN_WIDE,
    Assumptions,
)
from revorg.model.capacity.coverage import (
    AMBER_FROM,
    PUBLISHED_AES_PER_SDR,
    CapacityReport,
    DepartmentCapacity,
    DriverLine,
    department_capacities,
    driver_lines,
    status_of,
)
from revorg.model.capacity.hiring import (
    MAX_SUGGESTION_ROUNDS,
    Hire,
    capacity_report,
    capacity_report_of,
    hire_start,
    suggest_hires,
)
from revorg.model.capacity.rule import (
    ANNUAL_METRIC_BY_KIND,
    KINDS_WITH_ATTAINMENT,
    KINDS_WITH_CAPACITY,
    MONEY_KINDS,
    MONTHLY_METRIC_BY_KIND,
    CapacityShare,
    CapacityTotals,
    PlannedPosition,
    capacity_share,
    capacity_totals,
    exact_monthly_capacity,
    expected_productivity,
    full_year_capacity,
    has_capacity,
    is_in_seat_all_year,
    kind_of,
    leaver_twelfths,
    monthly_assigned_quota,
    monthly_capacity,
    monthly_productivity,
    position_capacity,
    ramped_months,
    start_offset,
)
from revorg.model.vocabulary import STATUS_RANK, Status

# The statuses under the names the window has always imported.
GREEN, AMBER, RED, NO_TARGET = Status.GREEN, Status.AMBER, Status.RED, Status.NONE

__all__ = [
    "AMBER",
    "AMBER_FROM",
    "ANNUAL_METRIC_BY_KIND",
    "DEFAULT_ATTAINMENT",
    "DEFAULT_MEETING_TO_WIN",
    "GREEN",
    "KINDS_WITH_ATTAINMENT",
    "KINDS_WITH_CAPACITY",
    "MAX_SUGGESTION_ROUNDS",
    "MONEY_KINDS",
    "MONTHLY_METRIC_BY_KIND",
    "NO_TARGET",
    "PLAN_WIDE",
    "PUBLISHED_AES_PER_SDR",
    "RED",
    "STATUS_RANK",
    "Assumptions",
    "CapacityReport",
    "CapacityShare",
    "CapacityTotals",
    "DepartmentCapacity",
    "DriverLine",
    "Hire",
    "PlannedPosition",
    "capacity_report",
    "capacity_report_of",
    "capacity_share",
    "capacity_totals",
    "department_capacities",
    "driver_lines",
    "exact_monthly_capacity",
    "expected_productivity",
    "full_year_capacity",
    "has_capacity",
    "hire_start",
    "is_in_seat_all_year",
    "kind_of",
    "leaver_twelfths",
    "monthly_assigned_quota",
    "monthly_capacity",
    "monthly_productivity",
    "position_capacity",
    "ramped_months",
    "start_offset",
    "status_of",
    "suggest_hires",
]
