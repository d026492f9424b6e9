"""Actuals of one scenario: its quota carriers, its people to match owners to and its monthly
targets gathered from the plan, in the one place the summary, the window and the workbook ask."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy.orm import Session

from revorg.model.actuals.deals import Deal, DealKind
from revorg.model.actuals.owners import OwnerMatcher, Person
from revorg.model.actuals.progress import MonthlyTargets, Progress, QuotaCarrier, progress
from revorg.model.capacity import kind_of, monthly_assigned_quota
from revorg.model.entities import Scenario
from revorg.model.rows import PositionRow, position_rows
from revorg.model.summary import ScenarioSummary, totals_basis
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
    deals: Iterable[Deal],
    assigned: Mapping[str, int] | None = None,
    rows: list[PositionRow] | None = None,
) -> Progress:
    """The scenario's plan against `deals`; `assigned`: owners the user matched by hand."""
    basis = totals_basis(session, scenario)
    rows = position_rows(session, scenario.id) if rows is None else rows
    carriers = []
    for row in rows:
        kind = kind_of(row.role_key, basis.kinds)
        if kind in QUOTA_KINDS:
            quota = monthly_assigned_quota(row, kind, basis.assumptions, basis.fiscal)
            carriers.append(QuotaCarrier(row.id, QUOTA_KINDS[kind], tuple(quota)))
    matcher = OwnerMatcher((Person(row.id, row.person_name or "") for row in rows), assigned)
    phasing = summary.year.phasing
    return progress(
        deals,
        basis.fiscal,
        MonthlyTargets.of(summary.inputs, summary.outcome, phasing.seasonality.shares()),
        {key: phased.target for key, phased in phasing.departments.items()},
        carriers,
        {row.id: row.manager_id for row in rows},
        matcher,
        summary.plan.currency,
    )
