"""Staff of a manager (an executive assistant, a chief of staff, a deal desk): the request that
marks positions as staff or puts them back in the team row, and its step.

A staff position is drawn beside its manager rather than in the team row; it is still one of
the manager's reports, so it counts in the manager's span, cost and roll-up as before. Only a
position with a manager can be staff; moving it to another manager keeps the mark (a move to
the top of the chart drops it, and so does a delete that leaves it at the top: see `move` and
`delete`).
"""

from __future__ import annotations

from collections.abc import Sequence

from revorg.model.editing.change import RecordKind, StepText
from revorg.model.editing.reading import PlanReading
from revorg.model.editing.steps import Edit, EditContext, Step
from revorg.model.entities import Position
from revorg.model.errors import QT_TRANSLATE_NOOP, PlanEditError

STAFF_FIELD = "staff"


class SetStaff(Step):
    """Marks positions as staff of their managers, or puts them back in the team row."""

    def __init__(self, position_ids: Sequence[int], staff: bool) -> None:
        self.position_ids = list(position_ids)
        self.staff = staff

    def apply(self, context: EditContext) -> None:
        self._set(context, self.staff)

    def revert(self, context: EditContext) -> None:
        self._set(context, not self.staff)

    def _set(self, context: EditContext, staff: bool) -> None:
        session = context.session
        for position_id in self.position_ids:
            position = session.get(Position, position_id)
            if position is None:
                raise PlanEditError(f"no position with id {position_id}")
            position.staff = staff
            context.touched.add(position_id)
            context.record(
                RecordKind.POSITION, position_id, STAFF_FIELD, not self.staff, self.staff
            )
        session.flush()


def set_staff(plan: PlanReading, position_ids: Sequence[int], staff: bool) -> Edit | None:
    """Mark the positions as staff of their managers (staff=False: put them in the team row),
    as one step; None when every one already is as asked. Refused, as a whole, when a position
    to mark has no manager: a card at the top of the chart has nobody to sit beside."""
    positions = [plan.position(i) for i in dict.fromkeys(position_ids)]
    changing = [p for p in positions if p.staff != staff]
    if not changing:
        return None
    if staff:
        for position in changing:
            if position.manager_id is None:
                raise PlanEditError(
                    QT_TRANSLATE_NOOP(
                        "PlanEditError", "{position} has no manager: only a position under a manager can be its staff"  # noqa: E501 - one literal for lupdate
                    ),
                    position=position.title,
                )  # fmt: skip
    step = SetStaff([p.id for p in changing], staff)
    if len(changing) == 1:
        name = changing[0].title
        if staff:
            template = QT_TRANSLATE_NOOP("PlanEditor", "Mark %1 as staff")
        else:
            template = QT_TRANSLATE_NOOP("PlanEditor", "Put %1 in the team row")
    else:
        name = str(len(changing))
        if staff:
            template = QT_TRANSLATE_NOOP("PlanEditor", "Mark %1 positions as staff")
        else:
            template = QT_TRANSLATE_NOOP("PlanEditor", "Put %1 positions in the team row")
    return Edit(StepText(template, (name,)), plan.scenario_id, step)


def staff_dropped_at_top(
    plan: PlanReading, position_id: int, manager_id: int | None
) -> Step | None:
    """The step that puts a staff position back in the team row when a move takes it to the
    top of the chart (None when it stays under a manager, or is no staff)."""
    if manager_id is not None or not plan.position(position_id).staff:
        return None
    return SetStaff([position_id], False)
