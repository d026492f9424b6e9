"""An edit asked for again on the plan as it is now: after a team plan's reload, after edits that
waited before it, or after another edit the window waited for (revorg.gui.edit_wait)."""

from __future__ import annotations

from revorg.model.editing import requests
from revorg.model.editing.editor import PlanEditor
from revorg.model.editing.steps import Edit, EditFields, Move, SetAssumption, SetTarget


def edit_again(editor: PlanEditor, edit: Edit) -> Edit | None:
    """The same request made again on the plan as it is now (after a reload, or after edits
    that waited before it): the user's new values, the old ones read afresh so that the log
    and undo hold what was really replaced. None when the plan already has those values. Kinds
    with nothing to read afresh (cards added, scenarios) are the edit itself."""
    step = edit.step
    if isinstance(step, EditFields):
        if step.position_id not in editor.positions():
            return None
        return requests.edit_fields(editor, step.position_id, dict(step.new))
    if isinstance(step, SetTarget) and step.scenario_id == editor.scenario_id:
        return requests.set_target(editor, step.name, step.new)
    if isinstance(step, SetAssumption):
        return requests.set_assumption(editor, step.assumption_id, step.new)
    if isinstance(step, Move):
        if step.position_id not in editor.positions():
            return None
        return requests.move(editor, step.position_id, step.new[0])
    return edit
