"""The plan an import makes: one builder that both importers fill (rosters and RevOrg's own
workbook), so that what a new plan from a file holds is decided in one place.

An importer reads and checks its file, then describes the plan as a `DraftPlan`: the template it
starts from, the positions (rows of revorg.model.rows.position_row), the roles to add or to
replace, and, where the file states them, the plan's settings, targets and assumptions. The
template's own chart is replaced by the draft's positions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, insert

from revorg.model.document import PlanDocument
from revorg.model.entities import Assumption, DottedLine, Position, RoleType
from revorg.model.rows import Row

# The scenario id of a draft's rows: the builder gives them the new plan's scenario.
DRAFT_SCENARIO = 0


@dataclass
class DraftPlan:
    template: str
    fiscal_year: int
    name: str
    positions: list[Row] = field(default_factory=list)  # managers before their reports
    roles: list[RoleType] = field(default_factory=list)  # new, or replacing one by its key
    dotted_lines: list[tuple[int, int]] = field(default_factory=list)  # (from, to) position ids
    # What the file states, else the template's:
    currency: str | None = None
    fiscal_start_month: int | None = None
    scenario_name: str | None = None
    targets: dict[str, Any] | None = None  # Targets attribute -> value
    assumptions: list[tuple[str, str, Decimal, str]] | None = None  # role, metric, value, source


def build_plan(draft: DraftPlan) -> PlanDocument:
    """A new, unsaved plan from the draft (closed again if anything fails)."""
    document = PlanDocument.from_template(draft.template, draft.fiscal_year)
    try:
        _fill(document, draft)
    except BaseException:
        document.close()
        raise
    return document


def _fill(document: PlanDocument, draft: DraftPlan) -> None:
    session = document.session
    plan = document.plan
    plan.name = draft.name
    if draft.currency is not None:
        plan.currency = draft.currency
    if draft.fiscal_start_month is not None:
        plan.fiscal_start_month = draft.fiscal_start_month
    scenario = document.scenario()
    if draft.scenario_name is not None:
        scenario.name = draft.scenario_name
    for name, value in (draft.targets or {}).items():
        setattr(scenario.targets, name, value)
    session.execute(delete(DottedLine).where(DottedLine.scenario_id == scenario.id))
    session.execute(delete(Position).where(Position.scenario_id == scenario.id))
    for role in draft.roles:
        session.merge(role)
    session.flush()
    if draft.assumptions is not None:
        scenario.assumptions.clear()
        session.flush()  # the old rows go before new ones with the same keys arrive
        scenario.assumptions.extend(
            Assumption(role_key=role_key, metric=metric, value=value, source=source)
            for role_key, metric, value, source in draft.assumptions
        )
        session.flush()
    rows = [{**row, "scenario_id": scenario.id} for row in draft.positions]
    if rows:
        session.execute(insert(Position), rows)
    session.add_all(
        DottedLine(scenario_id=scenario.id, from_position_id=source, to_position_id=target)
        for source, target in draft.dotted_lines
    )
    session.commit()
    session.expire_all()
