"""Steps of the plan as a whole: its settings (name, currency, fiscal year, moving open
positions' start months with the year) and snapshots, frozen scenarios (revorg.model.snapshots).
Steps as revorg.model.editing.steps defines them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from revorg.model.editing.change import RecordKind
from revorg.model.editing.steps import EditContext, InsertScenario, RemoveScenario, Step
from revorg.model.entities import Plan, Position
from revorg.model.months import YearMonth

# --- the plan's settings -----------------------------------------------------------------------


@dataclass(frozen=True)
class StartShift:
    """An open position's start month before and after the fiscal year moved."""

    position_id: int
    scenario_id: int
    old: YearMonth
    new: YearMonth


class PlanSettings(Step):
    """Changes the plan's name, currency, fiscal year or first month (`old` and `new` hold the
    fields that change), and moves open positions' start months with the fiscal year (`shifts`,
    in every scenario) so that each keeps its month of the year. Amounts are not converted."""

    def __init__(
        self, old: dict[str, Any], new: dict[str, Any], shifts: Sequence[StartShift]
    ) -> None:
        self.old = old
        self.new = new
        self.shifts = tuple(shifts)

    def apply(self, context: EditContext) -> None:
        self._set(context, self.new, forward=True)

    def revert(self, context: EditContext) -> None:
        self._set(context, self.old, forward=False)

    def _set(self, context: EditContext, values: dict[str, Any], forward: bool) -> None:
        session = context.session
        plan = session.query(Plan).one()
        for name, value in values.items():
            setattr(plan, name, value)
            context.record(RecordKind.PLAN, plan.id, name, self.old[name], self.new[name])
        ids = [shift.position_id for shift in self.shifts]
        positions: dict[int, Position] = {}
        for first in range(0, len(ids), 500):  # SQLite limits the values of one query
            chunk = select(Position).where(Position.id.in_(ids[first : first + 500]))
            positions.update((p.id, p) for p in session.scalars(chunk))
        for shift in self.shifts:
            positions[shift.position_id].start_month = shift.new if forward else shift.old
            context.record(
                RecordKind.POSITION,
                shift.position_id,
                "start_month",
                shift.old,
                shift.new,
                scenario_id=shift.scenario_id,
            )
            if shift.scenario_id == context.scenario_id:
                context.touched.add(shift.position_id)
        session.flush()
        context.plan = True

    def shown_before(self, undoing: bool, made_in: int) -> int | None:
        return None  # the plan's settings are no scenario's: stay where the user is


# --- snapshots (revorg.model.snapshots) ----------------------------------------------------------


class TakeSnapshot(InsertScenario):
    """Adds a snapshot: a frozen copy of the scenario on screen, which stays on screen (a
    snapshot is never shown for editing)."""

    def shown_after(self, undoing: bool, made_in: int) -> int | None:
        return None


class DeleteSnapshot(RemoveScenario):
    """Removes a snapshot; undo puts back the same rows. The scenario on screen stays."""

    def __init__(self, removed_id: int) -> None:
        super().__init__(removed_id, fallback_id=removed_id)

    def shown_before(self, undoing: bool, made_in: int) -> int | None:
        return None

    def shown_after(self, undoing: bool, made_in: int) -> int | None:
        return None
