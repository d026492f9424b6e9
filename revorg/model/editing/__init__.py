"""The edit core: every edit of an open plan passes through `PlanEditor` (no Qt).

- `requests`: what a user asks for (add a role, move a card, set a target...) checked once
  and turned into an `Edit`;
- `steps`: the undoable steps an `Edit` runs, with apply and revert on the model;
- `editor`: runs edits in savepoints, keeps the current scenario's rows in step, and tells
  observers what changed (`Change`, with every value before and after);
- `reading`: what the views read (rows, tree, numbers), cached between edits.
"""

from revorg.model.editing.change import Change, FieldChange, KeyLabel, RecordKind, StepText
from revorg.model.editing.editor import PlanEditor
from revorg.model.editing.steps import Edit

__all__ = [
    "Change",
    "Edit",
    "FieldChange",
    "KeyLabel",
    "PlanEditor",
    "RecordKind",
    "StepText",
]
