"""Actuals of one scenario: its quota carriers, its people to match owners to and its monthly
targets gathered from the plan, in the one place the summary, the window and the workbook ask."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from operator import itemgetter

from sqlalchemy.orm import Session

from revorg.model.actuals.deals import DealKind
from revorg.model.actuals.owners import OwnerMatcher
from revorg.model.actuals.progress import (
    Booking,
    MonthlyTargets,
    Progress,
    QuotaCarrier,
    progress,
)
from revorg.model.actuals.ramp import Hire, RampCheck, ramp_checks
from revorg.model.bulk import paused_gc
from revorg.model.capacity import kind_of, monthly_assigned_quota
from revorg.model.capacity.rule import ANNUAL_METRIC_BY_KIND
from revorg.model.entities import Scenario
from revorg.model.money import to_money
from revorg.model.rows import PositionRow, position_rows
from revorg.model.summary import ScenarioSummary, totals_basis
from revorg.model.totals import TotalsBasis
from revorg.model.vocabulary import CapacityKind

# The bookings each kind of quota is measured on.
QUOTA_KINDS: Mapping[str, tuple[DealKind, ...]] = {
    CapacityKind.QUOTA: (DealKind.NEW_BUSINESS,),
    CapacityKind.EXPANSION_QUOTA: (DealKind.EXPANSION,),
}


def scenario_progress(
    session: Session,
    scenario: Scenario,
    summary: ScenarioSummary,
    bookings: Iterable[Booking],
    assigned: Mapping[str, int] | None = None,
    rows: list[PositionRow] | None = None,
) -> Progress:
    """The scenario's plan against `bookings` (store.stored_bookings, or progress.bookings_of
    a list of deals); `assigned`: owners the user matched by hand."""
    basis = totals_basis(session, scenario)
    rows = position_rows(session, scenario.id) if rows is None else rows
    # Carriers, matcher and figures make tens of thousands of objects at 10,000 positions:
    # the collector walking the plan between them was a tenth of the summary with actuals.
    with paused_gc():
        carriers = []
        for row in rows:
            kind = kind_of(row.role_key, basis.kinds)
            if kind in QUOTA_KINDS:
                quota = monthly_assigned_quota(row, kind, basis.assumptions, basis.fiscal)
                carriers.append(QuotaCarrier(row.id, QUOTA_KINDS[kind], quota))
        matcher = scenario_matcher(rows, assigned)
        phasing = summary.year.phasing
        return progress(
            bookings,
            basis.fiscal,
            MonthlyTargets.of(summary.inputs, summary.outcome, phasing.seasonality.shares()),
            {key: phased.target for key, phased in phasing.departments.items()},
            carriers,
            {row.id: row.manager_id for row in rows},
            matcher,
            summary.plan.currency,
        )


def scenario_matcher(
    rows: Iterable[PositionRow], assigned: Mapping[str, int] | None
) -> OwnerMatcher:
    """Owners to the scenario's positions: as the user matched them, by the person's email or
    by their name."""
    return OwnerMatcher(map(_PERSON_OF_ROW, rows), assigned)


# A position as owners are matched to it, taken from its row as it is (a Person made for each
# of 10,000 rows was half of building the matcher).
_PERSON_OF_ROW = itemgetter(
    *(PositionRow._fields.index(name) for name in ("id", "person_name", "email"))
)


def scenario_ramp_checks(
    session: Session, scenario: Scenario, progress: Progress, rows: list[PositionRow] | None = None
) -> list[RampCheck]:
    """The ramp of the quota carriers who started in the fiscal year (a start month in it) and
    are in seat (a person named, or deals matched to the position), against their roles'
    ramp assumptions."""
    basis = totals_basis(session, scenario)
    rows = position_rows(session, scenario.id) if rows is None else rows
    # An open position nobody's deals are matched to has no one in it yet: not a hire.
    hires = [
        hire
        for row in rows
        if (hire := _hire(row, basis)) is not None
        and (not row.is_open or row.id in progress.monthly_by_position)
    ]
    ramps = {hire.role_key: basis.assumptions.ramp_months(hire.role_key) for hire in hires}
    return ramp_checks(hires, progress, ramps)


def _hire(row: PositionRow, basis: TotalsBasis) -> Hire | None:
    kind = kind_of(row.role_key, basis.kinds)
    if kind not in QUOTA_KINDS or row.start_month is None:
        return None
    start = row.start_month.ordinal - basis.fiscal.first.ordinal
    if not 0 <= start < 12:
        return None
    quota = basis.assumptions.get(row.role_key, ANNUAL_METRIC_BY_KIND[CapacityKind(kind)])
    return Hire(
        row.id, row.role_key, start, to_money(quota * row.headcount / 12), QUOTA_KINDS[kind]
    )
