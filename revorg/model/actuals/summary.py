"""Actuals as the command line's JSON gives them (`revorg actuals --json`, `revorg summary
--json`): amounts as JSON numbers of exact decimal text, attainment as a fraction (1 is on plan).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from revorg.model.actuals.deals import DealKind
from revorg.model.actuals.progress import Attainment, Progress
from revorg.model.bulk import paused_gc
from revorg.model.money import json_number

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from revorg.model.entities import Scenario
    from revorg.model.rows import PositionRow
    from revorg.model.summary import ScenarioSummary


def scenario_actuals(
    session: Session,
    scenario: Scenario,
    summary: ScenarioSummary,
    rows: list[PositionRow] | None = None,
) -> Progress | None:
    """The scenario against the plan's deals; None when the plan has none. `rows`: the
    scenario's positions when the caller has read them (for the summary too)."""
    from revorg.model.actuals import store
    from revorg.model.actuals.scenario import scenario_progress

    if not store.has_deals(session):
        return None
    bookings, _unreadable = store.plan_bookings(session)
    assigned = store.assignments_in(session, scenario.id)
    return scenario_progress(session, scenario, summary, bookings, assigned, rows)


def progress_json(progress: Progress) -> dict[str, Any]:
    with paused_gc():  # a dictionary per person and team: 4,000 at 10,000 positions
        return _progress_json(progress)


def _progress_json(progress: Progress) -> dict[str, Any]:
    through = progress.through_month
    return {
        "through": None if through is None else str(through),
        "new_business": json_number(progress.booked_to_date((DealKind.NEW_BUSINESS,))),
        "expansion": json_number(progress.booked_to_date((DealKind.EXPANSION,))),
        "renewal": json_number(progress.booked_to_date((DealKind.RENEWAL,))),
        "by_month": [
            {
                "month": str(month.month),
                "new_business": json_number(month.booked[DealKind.NEW_BUSINESS]),
                "expansion": json_number(month.booked[DealKind.EXPANSION]),
                "renewal": json_number(month.booked[DealKind.RENEWAL]),
                "target": json_number(month.total_target),
            }
            for month in progress.months
        ],
        "departments": {key: _attainment(value) for key, value in progress.departments.items()},
        "positions": {
            str(position_id): _attainment(value) for position_id, value in progress.people.items()
        },
        # Managers above quota carriers: their carriers' sums, at any depth.
        "teams": {
            str(manager_id): _attainment(value) for manager_id, value in progress.teams.items()
        },
        "forecast": json_number(progress.forecast()),
        "run_rate": json_number(progress.run_rate()),
        "unmatched_owners": [
            {"owner": owner.owner, "deals": owner.deals, "won": json_number(owner.won)}
            for owner in progress.unmatched
        ],
        "matched_owners": [
            {
                "owner": owner.owner,
                "position": owner.position_id,
                "matched_by": str(owner.by),
                "deals": owner.deals,
                "won": json_number(owner.won),
            }
            for owner in progress.matched
        ],
        "left_out": {
            "outside_year": progress.outside_year,
            "other_currency": progress.other_currency,
        },
    }


def _attainment(value: Attainment) -> dict[str, Any]:
    ratio = value.ratio  # a division and a rounding: once (4,000 people and teams)
    return {
        "booked": json_number(value.booked),
        "target": json_number(value.target),
        "attainment": None if ratio is None else json_number(ratio),
    }
