"""Undo commands: each changes the model only (through revorg.model.edits) and tells the
controller what kind of change happened; the views redraw from those notifications."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand
from sqlalchemy.exc import SQLAlchemyError

from revorg.gui.i18n import fill, translate
from revorg.gui.labels import error_text, target_label
from revorg.model import edits, scenarios
from revorg.model.errors import RevOrgError
from revorg.model.scenarios import ScenarioSnapshot

if TYPE_CHECKING:
    from revorg.gui.controller import PlanController

# What an edit of the model can raise on bad values; anything else is a bug for the crash guard.
COMMAND_FAILURES = (RevOrgError, SQLAlchemyError, sqlite3.Error, ArithmeticError, ValueError)


class PlanCommand(QUndoCommand):
    """An edit with apply/revert on the model; redo/undo add the savepoint and notification.

    An edit of positions names the positions it touches (controller.note_touched) as it
    applies or reverts: the controller then reads only those again."""

    def __init__(self, controller: PlanController, text: str = "") -> None:
        super().__init__(text)
        self.controller = controller
        # Undo and redo show the scenario the edit was made in, so the user sees it happen.
        self.scenario_id = controller.scenario_id

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def notify(self) -> None:
        self.controller.after_rows_change()

    def redo(self) -> None:
        self._guarded(self.do_redo)

    def undo(self) -> None:
        self._guarded(self.do_undo)

    def do_redo(self) -> None:
        self.controller.show_scenario(self.scenario_id)
        self.controller.run_in_savepoint(self.apply)
        self.notify()
        self.controller.after_any_change()

    def do_undo(self) -> None:
        self.controller.show_scenario(self.scenario_id)
        self.controller.run_in_savepoint(self.revert)
        self.notify()
        self.controller.after_any_change()

    def _guarded(self, step: Callable[[], None]) -> None:
        """A step that fails leaves the plan as it was (its savepoint is rolled back); the
        command then removes itself from the stack, which must never hold an edit that did
        not happen, and the user is told why."""
        try:
            step()
        except COMMAND_FAILURES as error:
            self.setObsolete(True)
            self.controller.invalidate()
            self.controller.after_any_change()
            self.controller.edit_failed.emit(error_text(error))


class InsertRowsCommand(PlanCommand):
    """Adds positions (new, duplicated or restored); the rows keep their ids across redo."""

    def __init__(self, controller: PlanController, rows: edits.RowsSnapshot, text: str) -> None:
        super().__init__(controller, text)
        self.rows = rows

    def apply(self) -> None:
        edits.insert_rows(self.controller.session, self.rows)
        self.controller.note_touched(self.rows.position_ids)

    def revert(self) -> None:
        edits.remove_rows(self.controller.session, self.rows.position_ids)
        self.controller.note_touched(self.rows.position_ids)


class RemoveRowsCommand(PlanCommand):
    """Removes positions; undo puts back the same rows, ids and dotted lines included."""

    def __init__(self, controller: PlanController, position_ids: Sequence[int]) -> None:
        super().__init__(controller)
        self.position_ids = list(position_ids)
        self.rows: edits.RowsSnapshot | None = None

    def apply(self) -> None:
        self.rows = edits.snapshot(self.controller.session, self.position_ids)
        edits.remove_rows(self.controller.session, self.position_ids)
        self.controller.note_touched(self.position_ids)

    def revert(self) -> None:
        assert self.rows is not None
        edits.insert_rows(self.controller.session, self.rows)
        self.controller.note_touched(self.position_ids)


class MoveCommand(PlanCommand):
    """Gives a position (and so its subtree) a new manager."""

    def __init__(
        self, controller: PlanController, position_id: int, manager_id: int | None, order: int
    ) -> None:
        super().__init__(controller)
        self.position_id = position_id
        self.new = (manager_id, order)
        self.old: tuple[int | None, int] | None = None

    def apply(self) -> None:
        position = self.controller.position(self.position_id)
        self.old = (position.manager_id, position.sort_order)
        edits.set_manager(self.controller.session, self.position_id, *self.new)
        self.controller.note_touched([self.position_id])

    def revert(self) -> None:
        assert self.old is not None
        edits.set_manager(self.controller.session, self.position_id, *self.old)
        self.controller.note_touched([self.position_id])


class EditFieldsCommand(PlanCommand):
    def __init__(
        self,
        controller: PlanController,
        position_id: int,
        old: dict[str, Any],
        new: dict[str, Any],
        text: str,
    ) -> None:
        super().__init__(controller, text)
        self.position_id = position_id
        self.old = old
        self.new = new

    def apply(self) -> None:
        edits.update_fields(self.controller.session, self.position_id, self.new)
        self.controller.note_touched([self.position_id])

    def revert(self) -> None:
        edits.update_fields(self.controller.session, self.position_id, self.old)
        self.controller.note_touched([self.position_id])


class MacroCommand(PlanCommand):
    """Several steps of positions as one undo entry; undo reverts them in reverse order. The
    steps read and write the model only (no cached rows): the controller takes in the
    positions they all touched at once, afterwards."""

    def __init__(self, controller: PlanController, steps: list[PlanCommand], text: str) -> None:
        super().__init__(controller, text)
        self.steps = steps

    def apply(self) -> None:
        for step in self.steps:
            step.apply()

    def revert(self) -> None:
        for step in reversed(self.steps):
            step.revert()


class DottedLineCommand(PlanCommand):
    """Adds (or, with add=False, removes) one dotted line, keeping its id for redo."""

    def __init__(
        self, controller: PlanController, row: dict[str, Any], add: bool, text: str
    ) -> None:
        super().__init__(controller, text)
        self.row = row
        self.add = add

    def apply(self) -> None:
        self._set(self.add)

    def revert(self) -> None:
        self._set(not self.add)

    def _set(self, present: bool) -> None:
        if present:
            edits.insert_dotted_line(self.controller.session, self.row)
        else:
            edits.remove_dotted_line(self.controller.session, self.row["id"])
        # The scenario's dotted_lines collection is cached by the ORM: reload it.
        self.controller.session.expire(self.controller.scenario, ["dotted_lines"])

    def notify(self) -> None:
        self.controller.dotted_lines_changed.emit()


class EditTargetsCommand(PlanCommand):
    """Changes one driver input of the scenario. Typing into one field merges into one step."""

    MERGE_ID = 4101

    def __init__(
        self, controller: PlanController, name: str, old: Any, new: Any, typing_session: int
    ) -> None:
        super().__init__(controller, fill(translate("Undo", "Edit %1"), target_label(name)))
        self.name = name
        self.old = old
        self.new = new
        self.typing_session = typing_session

    def apply(self) -> None:
        edits.set_target(self.controller.session, self.scenario_id, self.name, self.new)

    def revert(self) -> None:
        edits.set_target(self.controller.session, self.scenario_id, self.name, self.old)

    def notify(self) -> None:
        self.controller.targets_changed.emit()

    def id(self) -> int:
        return self.MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (
            isinstance(other, EditTargetsCommand)
            and other.name == self.name
            and other.scenario_id == self.scenario_id
            and other.typing_session == self.typing_session
        ):
            return False
        self.new = other.new
        if self.new == self.old:
            self.setObsolete(True)  # typed back to where it was: no step to undo
        return True


class EditAssumptionCommand(PlanCommand):
    """Changes the value of one planning assumption of the scenario."""

    def __init__(
        self, controller: PlanController, assumption_id: int, old: Any, new: Any, text: str
    ) -> None:
        super().__init__(controller, text)
        self.assumption_id = assumption_id
        self.old = old
        self.new = new

    def apply(self) -> None:
        edits.set_assumption(self.controller.session, self.assumption_id, self.new)

    def revert(self) -> None:
        edits.set_assumption(self.controller.session, self.assumption_id, self.old)

    def notify(self) -> None:
        self.controller.assumptions_changed.emit()


class InsertScenarioCommand(PlanCommand):
    """Adds a scenario (a copy of another) and shows it; undo removes it and shows the one the
    user was on."""

    def __init__(self, controller: PlanController, snapshot: ScenarioSnapshot, text: str) -> None:
        super().__init__(controller, text)
        self.snapshot = snapshot

    def do_redo(self) -> None:
        self.controller.run_in_savepoint(
            lambda: scenarios.insert_scenario(self.controller.session, self.snapshot)
        )
        self.controller.scenarios_changed.emit()
        self.controller.show_scenario(self.snapshot.scenario_id)

    def do_undo(self) -> None:
        self.controller.show_scenario(self.scenario_id)
        self.controller.run_in_savepoint(
            lambda: scenarios.remove_scenario(self.controller.session, self.snapshot.scenario_id)
        )
        self.controller.scenarios_changed.emit()
        self.controller.after_any_change()


class RemoveScenarioCommand(PlanCommand):
    """Removes a scenario with everything in it; undo puts back the same rows and shows it."""

    def __init__(self, controller: PlanController, removed_id: int, fallback_id: int) -> None:
        super().__init__(controller)
        self.removed_id = removed_id
        self.fallback_id = fallback_id
        self.snapshot: ScenarioSnapshot | None = None

    def do_redo(self) -> None:
        session = self.controller.session
        self.snapshot = scenarios.snapshot_scenario(session, self.removed_id)
        self.controller.show_scenario(self.fallback_id)
        self.controller.run_in_savepoint(
            lambda: scenarios.remove_scenario(session, self.removed_id)
        )
        self.controller.scenarios_changed.emit()
        self.controller.after_any_change()

    def do_undo(self) -> None:
        snapshot = self.snapshot
        assert snapshot is not None
        self.controller.run_in_savepoint(
            lambda: scenarios.insert_scenario(self.controller.session, snapshot)
        )
        self.controller.scenarios_changed.emit()
        self.controller.show_scenario(self.removed_id)


class RenameScenarioCommand(PlanCommand):
    def __init__(self, controller: PlanController, renamed_id: int, name: str, text: str) -> None:
        super().__init__(controller, text)
        self.renamed_id = renamed_id
        self.new_name = name
        self.old_name: str | None = None

    def _rename(self, name: str) -> None:
        def change() -> None:
            old = scenarios.rename_scenario(self.controller.session, self.renamed_id, name)
            if self.old_name is None:
                self.old_name = old

        self.controller.run_in_savepoint(change)
        self.controller.scenarios_changed.emit()
        self.controller.after_any_change()

    def do_redo(self) -> None:
        self._rename(self.new_name)

    def do_undo(self) -> None:
        assert self.old_name is not None
        self._rename(self.old_name)
