"""The Qt side of the edit core: the undo stack, and the editor's changes as signals.

Every edit goes through `PlanEditor` (revorg.model.editing), which says what each one changed;
this adapter puts the user's edits on the undo stack, turns each `Change` into the signals the
chart and the panels listen to, and decides which scenario is on screen. Views read the plan
from `controller.editor`; they never change the model themselves.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from revorg.gui.commands import EditCommand, WaitedCommand
from revorg.gui.edit_wait import after_edit_wait
from revorg.gui.labels import copy_name_templates, error_text
from revorg.gui.numbers import format_money
from revorg.gui.settings import AppSettings
from revorg.model.document import PlanDocument
from revorg.model.editing import Change, Edit, PlanEditor, requests
from revorg.model.editing.again import edit_again
from revorg.model.editing.staff import set_staff
from revorg.model.editing.steps import InsertRows, InsertScenario
from revorg.model.errors import PlanEditError, RevOrgError
from revorg.model.history.recording import attach_recorder, fold_typing
from revorg.model.history.replay import scenario_after
from revorg.model.history.revert import restore_edit, revert_edit
from revorg.model.seasonality import Seasonality
from revorg.model.store.stored_log import load_stored_log

_STALE = object()  # actuals_progress() not made since the last change


# How long after a plan is shown its log left in the file is read in.
LOG_READ_DELAY_MS = 1500


class PlanController(QObject):
    # After an edit of positions the editor's rows, tree and numbers are already up to date:
    rows_changed = Signal(object)  # a RowsChange: cards added, removed, moved or edited
    structure_changed = Signal()  # positions may differ in any way: match every card again
    dotted_lines_changed = Signal()
    scenarios_changed = Signal()  # a scenario added, removed or renamed
    scenario_switched = Signal()  # another scenario is on screen: rebuild everything
    # After any edit, undo or switch: the Change, or None when everything is to be read again
    # (panels that show only some parts skip the others: revorg.model.editing.change.needs).
    plan_changed = Signal(object)
    edit_failed = Signal(str)  # an edit could not be applied; the plan is unchanged
    document_replaced = Signal()

    def __init__(self, document: PlanDocument, language: str = "en") -> None:
        super().__init__()
        self.editor = PlanEditor(document, language)
        # Every edit, undo and redo is written to the plan's change log, under the name of
        # Preferences read at each step (a new name counts from the next edit).
        attach_recorder(self.editor, lambda: AppSettings().user_name())
        # A team plan's session (revorg.model.team.session) sends each edit to the server
        # after the local log has it; None on a file. Replaced with the document.
        self.team: Any = None
        self.editor.add_recorder(self._record_on_team)
        self.editor.subscribe(self._take_change)
        self.undo_stack = QUndoStack(self)
        # Keystrokes in one target field merge into one undo step until the field is left.
        self.typing_session = 0
        self._failures = 0  # edits that failed and left the stack (no step to fold)
        self._progress: Any = _STALE  # actuals_progress(), made at the first ask after a change
        self._bookings: Any = None  # the deals' sums it is made of
        self._read_log_later()

    @property
    def document(self) -> PlanDocument:
        return self.editor.document

    @property
    def language(self) -> str:
        return self.editor.language

    def salary_money(self, amount: Decimal, currency: str = "") -> str:
        """An amount made from salaries as the plan's reader may see it: "not available" on a
        plan whose salaries are withheld (a team plan's viewer reads every salary as 0, and a
        cost of 0 would be a figure that is not true)."""
        if self.document.without_salaries:
            return self.tr("not available")
        return format_money(amount, currency)

    # --- which scenario is on screen (not an edit: nothing to undo) ---------------------------

    def show_scenario(self, scenario_id: int) -> None:
        if scenario_id == self.editor.scenario_id:
            return
        self.editor.switch_scenario(scenario_id)
        self._forget_progress(None)
        self.scenario_switched.emit()
        self.plan_changed.emit(None)

    def replace_document(self, document: PlanDocument, team: Any = None) -> None:
        """Show another plan; `team`: its TeamSession when it is a team plan."""
        self.undo_stack.clear()
        if self.team is not None:
            self.team.close_link()
        self.team = team
        old = self.editor.replace_document(document)
        self._forget_progress(None)
        self.document_replaced.emit()
        self.plan_changed.emit(None)
        old.close()
        self._read_log_later()

    def _read_log_later(self) -> None:
        """A long log is left in the file at open (revorg.model.store.stored_log): read it in
        once the window has painted and settled, so that the History panel opens at once
        (100,000 steps: some 300 ms, a moment no one is typing yet)."""
        document = self.document
        QTimer.singleShot(LOG_READ_DELAY_MS, self, lambda: self._read_log_in(document))

    def _read_log_in(self, document: PlanDocument) -> None:
        if document is not self.document:  # replaced in the meantime
            return
        with contextlib.suppress(sqlite3.ProgrammingError):  # closed with its window
            load_stored_log(document.connection)

    def _record_on_team(self, edit: Edit, change: Change) -> None:
        if self.team is not None:
            self.team.record(self.editor, edit, change)

    # --- the user's edits (each one undoable) ---------------------------------------------------

    def push(self, edit: Edit | None) -> bool:
        """Apply an edit as one undo step (None: the request changed nothing); whether there
        was an edit to apply."""
        if edit is None:
            return False
        if after_edit_wait(self, lambda: self._push_again(edit)):
            return True  # a field committed while an edit waits for the team server
        index, failures = self.undo_stack.index(), self._failures
        self.undo_stack.push(EditCommand(self.editor, edit, self._edit_failed))
        if edit.step.mergeable and self._failures == failures and self.undo_stack.index() <= index:
            # The stack merged this keystroke into the step below it: the log does the same.
            fold_typing(self.editor.session)
        return True

    def _push_again(self, edit: Edit) -> None:
        """An edit asked for while another waited for the team server, made once that one was
        kept or rolled back: on the plan as it is then (the old values read afresh). One the
        plan no longer allows (its card removed by the edit that waited) is told as a failed
        edit, not raised from the event loop."""
        try:
            again = edit_again(self.editor, edit)
        except RevOrgError as error:
            self._edit_failed(error_text(error))
            return
        self.push(again)

    def push_waited(self, edit: Edit, undoing: bool) -> None:
        """An undo (`undoing`) or redo of a team plan that waited for its server, made now as
        a step of its own (revorg.gui.team.commands)."""
        self.undo_stack.push(WaitedCommand(self.editor, edit, self._edit_failed, undoing))

    def add_role(self, role_key: str, manager_id: int | None) -> int:
        edit = requests.add_role(self.editor, role_key, manager_id)
        self.push(edit)
        return _first_added(edit)

    def duplicate(self, position_id: int) -> int:
        edit = requests.duplicate(self.editor, position_id)
        self.push(edit)
        return _first_added(edit)

    def move_refusal(self, position_id: int, new_manager_id: int | None) -> PlanEditError | None:
        return requests.move_refusal(self.editor, position_id, new_manager_id)

    def move(self, position_id: int, new_manager_id: int | None) -> None:
        self.push(requests.move(self.editor, position_id, new_manager_id))

    def delete(self, position_ids: Sequence[int], keep_reports: bool) -> None:
        self.push(requests.delete(self.editor, position_ids, keep_reports))

    def edit(self, position_id: int, changes: dict[str, Any]) -> bool:
        return self.push(requests.edit_fields(self.editor, position_id, changes))

    def set_staff(self, position_ids: Sequence[int], staff: bool) -> bool:
        """Mark cards as staff of their managers (False: back in the team row); refused with
        PlanEditError for a card without a manager."""
        return self.push(set_staff(self.editor, position_ids, staff))

    def set_dotted_line(self, from_id: int, to_id: int, present: bool) -> None:
        self.push(requests.set_dotted_line(self.editor, from_id, to_id, present))

    def set_target(self, name: str, value: object) -> None:
        self.push(requests.set_target(self.editor, name, value, self.typing_session))

    def end_typing_session(self) -> None:
        self.typing_session += 1

    def set_seasonality(self, seasonality: Seasonality) -> None:
        self.push(requests.set_seasonality(self.editor, seasonality))

    def set_assumption(self, assumption_id: int, value: object) -> None:
        self.push(requests.set_assumption(self.editor, assumption_id, value))

    def apply_suggested_hires(self) -> list[int]:
        """Add the hires that close every capacity gap as open positions, in one undo step."""
        edit = requests.apply_suggested_hires(self.editor)
        self.push(edit)
        return _added(edit)

    def copy_scenario(self, name: str | None = None) -> int:
        """A copy of the scenario on screen, under a new name, shown at once."""
        edit = requests.copy_scenario(self.editor, copy_name_templates(), name)
        self.push(edit)
        assert isinstance(edit.step, InsertScenario)
        return edit.step.snapshot.scenario_id

    def rename_scenario(self, scenario_id: int, name: str) -> None:
        self.push(requests.rename_scenario(self.editor, scenario_id, name))

    def delete_scenario(self, scenario_id: int) -> None:
        self.push(requests.delete_scenario(self.editor, scenario_id))

    def change_plan_settings(
        self,
        name: str | None = None,
        currency: str | None = None,
        fiscal_year: int | None = None,
        fiscal_start_month: int | None = None,
    ) -> bool:
        """New plan settings as one undo step (PlanEditError, nothing changed, when one is
        refused); whether anything changed."""
        edit = requests.plan_settings(self.editor, name, currency, fiscal_year, fiscal_start_month)
        return self.push(edit)

    # --- actuals ---------------------------------------------------------------------------

    def actuals_progress(self) -> Any:
        """The scenario on screen against the plan's deals (a model.actuals Progress), or None
        when the plan has none. Made once per change and shared by the Actuals panel and the
        chart's cards; the deals' sums (SQLite's) are read again only when actuals change."""
        if self._progress is _STALE:
            self._progress = self._compute_progress()
        return self._progress

    def _compute_progress(self) -> Any:
        from revorg.model.actuals import store
        from revorg.model.actuals.scenario import scenario_progress

        editor = self.editor
        session = editor.session
        if self._bookings is None:
            self._bookings = store.plan_bookings(session)[0] if store.has_deals(session) else []
        if not self._bookings:
            return None
        assigned = store.assignments_in(session, editor.scenario.id)
        rows = list(editor.positions().values())  # the editor's, kept current by each edit
        return scenario_progress(
            session, editor.scenario, editor.summary(), self._bookings, assigned, rows
        )

    def _forget_progress(self, change: Change | None) -> None:
        self._progress = _STALE
        if change is None or change.actuals or change.plan or change.anew:
            self._bookings = None

    def import_actuals(self, deals: Sequence[Any], file: str, source: str) -> Any:
        """Store deals read from a CRM export as one undoable step; what the import did (an
        actuals_requests.ImportPlan: added, changed, unchanged)."""
        from revorg.model.editing import actuals_requests
        from revorg.model.history.recording import utc_now

        planned = actuals_requests.import_deals(
            self.editor, deals, file, source, AppSettings().user_name(), utc_now()
        )
        self.push(planned.edit)
        return planned

    def set_deal_rule(self, rule: str, written: str, value: str | None) -> None:
        """Read a stage or type as `value` (None: as by default)."""
        from revorg.model.editing import actuals_requests

        self.push(actuals_requests.set_deal_rule(self.editor, rule, written, value))

    def match_owner(self, owner: str, position_id: int | None) -> None:
        from revorg.model.editing import actuals_requests

        self.push(actuals_requests.match_owner(self.editor, owner, position_id))

    def revert_step(self, step_id: int) -> None:
        """Undo one step of the history now, as a new undoable edit; RevertRefusedError (the
        plan unchanged) names the later step that changed the same values."""
        self.push(revert_edit(self.editor.session, step_id))

    def restore_step(self, step_id: int, name: str, scenario_id: int | None = None) -> int:
        """A scenario as it was right after a step of the history (default: the one the step
        was made in) added under `name` and shown, as one undoable edit. PlanEditError for a
        name that is taken or empty, ReplayError when the history cannot give that state;
        the plan is unchanged then. Returns the new scenario's id."""
        editor = self.editor
        snapshot = scenario_after(editor.session, step_id, scenario_id, name=name)
        self.push(restore_edit(editor.session, snapshot, name, step_id, editor.scenario_id))
        return snapshot.scenario_id

    def take_teammates_change(self, change: Change) -> None:
        """Teammates' steps taken into an open team plan (revorg.gui.team.live_updates): the
        views update as after an edit; nothing goes on the undo stack."""
        self._take_change(change)

    # --- the editor's changes as signals --------------------------------------------------------

    def _take_change(self, change: Change) -> None:
        self._forget_progress(change)
        # The scenario tabs learn of a new scenario before they are asked to show it.
        if change.scenarios:
            self.scenarios_changed.emit()
        if change.switched:
            self.scenario_switched.emit()
        elif change.reloaded:
            self.structure_changed.emit()
        elif change.rows.added or change.rows.removed or change.rows.moved or change.rows.edited:
            self.rows_changed.emit(change.rows)
        if change.dotted_lines and not change.switched:
            self.dotted_lines_changed.emit()
        self.plan_changed.emit(change)

    def _edit_failed(self, message: str) -> None:
        self._forget_progress(None)
        self._failures += 1
        self.plan_changed.emit(None)
        self.edit_failed.emit(message)


def _added(edit: Edit | None) -> list[int]:
    """The ids of the positions an edit of new positions adds."""
    if edit is None or not isinstance(edit.step, InsertRows):
        return []
    return edit.step.rows.position_ids


def _first_added(edit: Edit) -> int:
    return _added(edit)[0]
