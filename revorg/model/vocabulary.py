"""The words that name kinds of things in a plan, defined once.

They are `StrEnum`s: a member is its string ("quota" == CapacityKind.QUOTA), so the words stored
in .revorg files, written to workbooks and printed as JSON stay what they were.
"""

from __future__ import annotations

from enum import StrEnum

# The languages of the interface and of every translated text kept in a plan (name_en, ...).
LANGUAGES = ("en", "es", "zh")


def in_language(item: object, field: str, language: str = "en") -> str:
    """A translated text kept as `field`_en, `field`_es, `field`_zh (an entity or a plain
    record): the one in `language`, else the English one when that is empty or unknown."""
    return str(getattr(item, f"{field}_{language}", None) or getattr(item, f"{field}_en"))


class CapacityKind(StrEnum):
    """What one head of a role delivers (revorg/resources/roles.json: capacity_kind)."""

    QUOTA = "quota"  # new business, money
    EXPANSION_QUOTA = "expansion_quota"  # expansion of existing accounts, money
    BOOK_OF_BUSINESS = "book_of_business"  # recurring revenue looked after, money
    MEETINGS = "meetings"  # qualified meetings booked
    LEADS = "leads"  # qualified leads
    NONE = "none"  # leaders, support, RevOps: no capacity of their own


class Metric(StrEnum):
    """The metrics of a scenario's assumptions (revorg/resources/assumptions.json)."""

    ANNUAL_QUOTA = "annual_quota"
    ANNUAL_EXPANSION_QUOTA = "annual_expansion_quota"
    BOOK_OF_BUSINESS = "book_of_business"
    MEETINGS_PER_MONTH = "meetings_per_month"
    LEADS_PER_MONTH = "leads_per_month"
    ATTAINMENT = "attainment"
    RAMP_MONTHS = "ramp_months"
    MEETING_TO_WIN_RATE = "meeting_to_win_rate"
    HIRE_START_MONTH = "hire_start_month"
    REVENUE_UPLIFT = "revenue_uplift"
    ANNUAL_ATTRITION = "annual_attrition"  # share of a role's people who leave in a year
    BACKFILL_MONTHS = "backfill_months"  # months a leaver's seat stays empty
    GROSS_MARGIN = "gross_margin"  # plan-wide: for the customer lifetime value


# Metrics given as a share (0.75 for 75 %).
RATE_METRICS = frozenset(
    {
        Metric.ATTAINMENT,
        Metric.MEETING_TO_WIN_RATE,
        Metric.REVENUE_UPLIFT,
        Metric.ANNUAL_ATTRITION,
        Metric.GROSS_MARGIN,
    }
)
# Metrics counted in whole months: (lowest, highest).
WHOLE_METRICS: dict[str, tuple[int, int]] = {
    Metric.RAMP_MONTHS: (0, 36),
    Metric.HIRE_START_MONTH: (1, 12),
    Metric.BACKFILL_MONTHS: (0, 24),
}


class DriverLineKey(StrEnum):
    """The plan's driver lines, each a target in its own unit set against capacity."""

    LEADS = "leads"
    NEW_BUSINESS = "new_business"
    MEETINGS = "meetings"
    BASE_REVENUE = "base_revenue"
    EXPANSION = "expansion"


class LineUnit(StrEnum):
    """The unit of a driver line's target and capacity."""

    LEADS = "leads"
    MEETINGS = "meetings"
    MONEY = "money"


class Status(StrEnum):
    """How well capacity covers a target, from best to worst after NONE (no target)."""

    NONE = "none"
    GREEN = "green"
    AMBER = "amber"
    RED = "red"


# A department is as bad as its worst line: the order in which statuses rank.
STATUS_RANK = {status: rank for rank, status in enumerate(Status)}
