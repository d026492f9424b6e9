"""The undo stack's entry: one `Edit` of the edit core, applied and reverted through the
editor (never the controller). The views redraw from the editor's change notifications."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from sqlalchemy.exc import SQLAlchemyError

from revorg.gui.i18n import fill
from revorg.gui.labels import error_text, step_text
from revorg.model.editing import Edit, PlanEditor
from revorg.model.errors import RevOrgError

# What an edit of the model can raise on bad values; anything else is a bug for the crash guard.
COMMAND_FAILURES = (RevOrgError, SQLAlchemyError, sqlite3.Error, ArithmeticError, ValueError)
# QUndoStack merges commands with the same id(); only edits whose steps merge use it.
MERGING_ID = 4101


class EditCommand(QUndoCommand):
    """An edit on the undo stack. A step that fails leaves the plan as it was; the command
    then removes itself from the stack (which must never hold an edit that did not happen)
    and `failed` is told why, in the interface language."""

    def __init__(self, editor: PlanEditor, edit: Edit, failed: Callable[[str], None]) -> None:
        super().__init__(step_text(edit.text))
        self.editor = editor
        self.edit = edit
        self.failed = failed

    def redo(self) -> None:
        self._guarded(self.editor.apply)

    def undo(self) -> None:
        self._guarded(self.editor.revert)

    def _guarded(self, run: Callable[[Edit], object]) -> None:
        try:
            run(self.edit)
        except COMMAND_FAILURES as error:
            self.setObsolete(True)
            self.failed(error_text(error))

    def id(self) -> int:
        return MERGING_ID if self.edit.step.mergeable else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditCommand) or not self.edit.merge(other.edit):
            return False
        if self.edit.step.is_empty:
            self.setObsolete(True)  # typed back to where it was: no step to undo
        return True


class WaitedCommand(EditCommand):
    """An undo or redo of a team plan that waited for its server (revorg.gui.team), made once
    the server answered: a step of its own, since the command it came from left the stack when
    it could not be sent. `undoing`: this step undoes `edit` (and its own undo applies it)."""

    def __init__(
        self, editor: PlanEditor, edit: Edit, failed: Callable[[str], None], undoing: bool
    ) -> None:
        super().__init__(editor, edit, failed)
        self.undoing = undoing
        if undoing:
            self.setText(fill(QCoreApplication.translate("EditCommand", "Undone: %1"), self.text()))

    def redo(self) -> None:
        self._guarded(self.editor.revert if self.undoing else self.editor.apply)

    def undo(self) -> None:
        self._guarded(self.editor.apply if self.undoing else self.editor.revert)

    def id(self) -> int:
        return -1  # never folded into the step below: it is not a keystroke
