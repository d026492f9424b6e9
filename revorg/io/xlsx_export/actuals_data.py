"""What the Deals and Actuals sheets show (revorg.io.xlsx_export.actuals), gathered from the
plan before writing, as every sheet's data is (plan_data)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from revorg.model.actuals.deals import Deal, DealKind
from revorg.model.actuals.progress import Progress


@dataclass(frozen=True)
class Carrier:
    position_id: int
    title: str
    person: str
    kinds: tuple[DealKind, ...]
    quota_to_date: Decimal


@dataclass(frozen=True)
class ActualsData:
    """What the two sheets show, gathered from the plan (revorg.model.actuals)."""

    deals: list[Deal]
    matched: dict[str, int | None]  # crm_id -> the position its owner is matched to
    progress: Progress
    department_targets: dict[str, tuple[Decimal, ...]]
    carriers: list[Carrier]
    currency: str


def gather_actuals(session: Any, scenario: Any) -> ActualsData | None:
    """The plan's deals against `scenario`; None when the plan has none."""
    from revorg.model.actuals import store
    from revorg.model.actuals.scenario import QUOTA_KINDS, scenario_matcher, scenario_progress
    from revorg.model.capacity import kind_of
    from revorg.model.rows import position_rows
    from revorg.model.summary import summarize, totals_basis

    if not store.has_deals(session):
        return None
    deals = store.stored_deals(session).deals
    assigned = store.assignments_in(session, scenario.id)
    rows = position_rows(session, scenario.id)
    summary = summarize(session, scenario, positions=rows)
    bookings, _unreadable = store.plan_bookings(session)
    progress = scenario_progress(session, scenario, summary, bookings, assigned, rows)
    matcher = scenario_matcher(rows, assigned)
    kinds = totals_basis(session, scenario).kinds
    carriers = [
        Carrier(
            row.id,
            row.title,
            row.person_name or "",
            QUOTA_KINDS[kind],
            progress.people[row.id].target,
        )
        for row in rows
        if (kind := kind_of(row.role_key, kinds)) in QUOTA_KINDS and row.id in progress.people
    ]
    phasing = summary.year.phasing
    return ActualsData(
        deals=deals,
        matched={d.crm_id: matcher.position_of(d.owner, d.owner_email) for d in deals},
        progress=progress,
        department_targets={key: p.target for key, p in phasing.departments.items()},
        carriers=carriers,
        currency=summary.plan.currency,
    )
