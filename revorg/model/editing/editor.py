"""The edit core: the one place every edit of an open plan passes through. No Qt.

`PlanEditor` owns the document's session and, for the current scenario, the rows, tree and sums
that an edit updates in place. `apply(edit)` and `revert(edit)` run the edit's step in a
savepoint, take the positions it touched into the cached rows, and hand every observer a
`Change` that says what happened. The window's undo stack holds `Edit`s and calls these two
methods (revorg.gui.controller adapts the changes to Qt signals); the command line and the
image export use the editor without any of that.

Recorders run inside the savepoint, after the step and before it is released: a change log
written there (revorg.model.history) is in the same transaction as the edit it records, and a
recorder that fails rolls the edit back too. The editor remembers which `Edit`s it has applied,
so that applying one again after its undo is told apart as a redo (`Change.redone`).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

from revorg.model.bulk import paused_gc
from revorg.model.document import PlanDocument
from revorg.model.editing.change import Change
from revorg.model.editing.reading import PlanReading
from revorg.model.editing.steps import Edit, EditContext
from revorg.model.snapshots import refuse_frozen

Observer = Callable[[Change], None]
# Called with the edit and what it did, inside the edit's savepoint.
Recorder = Callable[[Edit, Change], None]


class PlanEditor(PlanReading):
    """Applies and reverts edits of one open plan and says what each changed."""

    def __init__(self, document: PlanDocument, language: str = "en") -> None:
        super().__init__(document, language)
        self._observers: list[Observer] = []
        self._recorders: list[Recorder] = []
        # The edits applied at least once, by id(), each with a weak reference so that a new
        # edit given the id of a freed one is not taken for it.
        self._applied: dict[int, weakref.ref[Edit]] = {}

    def subscribe(self, observer: Observer) -> None:
        """Call `observer` with the Change of every edit applied or reverted from now on."""
        self._observers.append(observer)

    def add_recorder(self, recorder: Recorder) -> None:
        """Call `recorder(edit, change)` inside each edit's savepoint (a change log writes
        there); what it raises rolls the edit back and reaches the caller."""
        self._recorders.append(recorder)

    # --- running edits ----------------------------------------------------------------------

    def perform(self, edit: Edit) -> Change:
        """Apply an edit that no undo stack holds (the command line, scripts, tests)."""
        return self.apply(edit)

    def apply(self, edit: Edit) -> Change:
        redoing = self._was_applied(edit)
        change = self._run(edit, undoing=False, redoing=redoing)
        if not redoing:
            key = id(edit)
            self._applied[key] = weakref.ref(edit, lambda _gone: self._applied.pop(key, None))
        return change

    def revert(self, edit: Edit) -> Change:
        return self._run(edit, undoing=True)

    def _was_applied(self, edit: Edit) -> bool:
        seen = self._applied.get(id(edit))
        return seen is not None and seen() is edit

    def _run(self, edit: Edit, undoing: bool, redoing: bool = False) -> Change:
        """Run one direction of an edit. If it fails, the plan is as it was (the savepoint is
        rolled back), the cached rows are dropped, and the error goes to the caller."""
        refuse_frozen(self.session, edit.scenario_id)  # nothing is ever edited in a snapshot
        switched = self._show(edit.shown_before(undoing))
        context = EditContext(self.session, edit.scenario_id, undoing=undoing)
        try:
            with self.session.begin_nested():
                (edit.step.revert if undoing else edit.step.apply)(context)
                preliminary = self._change(edit, context, switched, undoing, redone=redoing)
                for recorder in self._recorders:
                    recorder(edit, preliminary)
        except BaseException:
            self.invalidate()
            if switched:  # the plan is as it was, but another scenario is current: say so
                self._tell(Change(text=None, scenario_id=self.scenario_id, switched=True))
            raise
        self.forget_summary()
        after = edit.shown_after(undoing)
        change = self._take_in(edit, context, undoing, switched, redoing)
        if after is not None and after != self.scenario_id:
            self._show(after)
            change = self._change(edit, context, True, undoing, reloaded=True, redone=redoing)
        self._tell(change)
        return change

    def _tell(self, change: Change) -> None:
        for observer in self._observers:
            observer(change)

    def _show(self, scenario_id: int | None) -> bool:
        """Make `scenario_id` the current scenario; True when that is a switch."""
        if scenario_id is None or scenario_id == self.scenario_id:
            return False
        self.switch_scenario(scenario_id)
        return True

    def _take_in(
        self, edit: Edit, context: EditContext, undoing: bool, switched: bool, redoing: bool
    ) -> Change:
        """Update the cached rows, tree and sums with the positions the step touched."""
        if context.plan:
            # Another fiscal year or currency changes every cost, capacity and amount shown.
            self.invalidate()
            return self._change(edit, context, switched, undoing, reloaded=True, redone=redoing)
        if not context.touched:
            return self._change(edit, context, switched, undoing, redone=redoing)
        if not self.has_cached_rows():
            self.forget_entities()
            return self._change(edit, context, switched, undoing, reloaded=True, redone=redoing)
        rows = self.refresh_rows(context.touched)
        if rows.added or rows.removed:
            # Dotted lines go and come back with their positions; the ORM keeps the list.
            self.session.expire(self.scenario, ["dotted_lines"])
        return self._change(edit, context, switched, undoing, rows=rows, redone=redoing)

    def _change(
        self,
        edit: Edit,
        context: EditContext,
        switched: bool,
        undoing: bool,
        **more: Any,
    ) -> Change:
        return Change(
            text=edit.text,
            scenario_id=self.scenario_id,
            undone=undoing,
            dotted_lines=context.dotted_lines,
            targets=tuple(dict.fromkeys(context.targets)),
            assumptions=tuple(dict.fromkeys(context.assumptions)),
            scenarios=context.scenarios,
            plan=context.plan,
            actuals=context.actuals,
            switched=switched,
            records=tuple(context.records),
            **more,
        )

    def refresh_rows(self, touched: set[int]) -> Any:
        with paused_gc():
            change = self.scenario_rows().refresh(touched)
        for gone in change.removed:
            self.forget_entity(gone)
        return change
