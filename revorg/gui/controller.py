"""The editor's hub: the open document, its undo stack, the scenario on screen, and change
notifications that the chart and the panels listen to (they never change the model themselves).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from revorg.gui.commands import (
    DottedLineCommand,
    EditAssumptionCommand,
    EditFieldsCommand,
    EditTargetsCommand,
    InsertRowsCommand,
    InsertScenarioCommand,
    MacroCommand,
    MoveCommand,
    PlanCommand,
    RemoveRowsCommand,
    RemoveScenarioCommand,
    RenameScenarioCommand,
)
from revorg.gui.i18n import fill
from revorg.gui.labels import copy_name_templates, metric_label
from revorg.model import edits
from revorg.model.bulk import paused_gc
from revorg.model.document import PlanDocument
from revorg.model.entities import Assumption, Department, Position, RoleType, Scenario
from revorg.model.errors import PlanEditError
from revorg.model.hires import suggested_hire_rows
from revorg.model.months import FiscalYear
from revorg.model.org_tree import OrgTree
from revorg.model.rows import PositionRow
from revorg.model.scenario_rows import ScenarioRows
from revorg.model.scenarios import (
    ScenarioComparison,
    check_scenario_name,
    compare_scenarios,
    copy_scenario_rows,
    unique_copy_name,
)
from revorg.model.summary import (
    ScenarioSummary,
    scenario_assumptions,
    summary_of,
    totals_basis,
)
from revorg.model.timeline import TimelineRow, hiring_timeline


class PlanController(QObject):
    # After an edit of positions, the cached rows, tree and numbers are already up to date:
    rows_changed = Signal(object)  # a RowsChange: cards added, removed, moved or edited
    reports_moved = Signal()  # (besides rows_changed) positions have another manager
    positions_changed = Signal(list)  # (besides rows_changed) ids whose fields changed
    structure_changed = Signal()  # positions may differ in any way: match every card again
    dotted_lines_changed = Signal()
    targets_changed = Signal()
    assumptions_changed = Signal()
    scenarios_changed = Signal()  # a scenario added, removed or renamed
    scenario_switched = Signal()  # another scenario is on screen: rebuild everything
    plan_changed = Signal()  # after any edit, undo or switch: numbers to recompute
    edit_failed = Signal(str)  # an edit could not be applied; the plan is unchanged
    document_replaced = Signal()

    def __init__(self, document: PlanDocument, language: str = "en") -> None:
        super().__init__()
        self.document = document
        self.language = language
        self.undo_stack = QUndoStack(self)
        self._scenario_id = document.scenario().id
        # The scenario's rows, tree and sums, updated in place after each edit of positions.
        self._rows: ScenarioRows | None = None
        self._touched: set[int] = set()  # positions the edit being applied changed
        self._entities: dict[int, Position] = {}  # strong references, as for _scenario
        # Strong references: the session's identity map is weak, and an object it forgets is
        # fetched again by a query on every access (10,000 queries to draw a large chart).
        self._scenario: Scenario | None = None
        self._roles: dict[str, RoleType] | None = None
        self._departments: dict[str, Department] | None = None
        self._summary: ScenarioSummary | None = None
        self._summary_before: ScenarioSummary | None = None  # the last one shown, if any
        # Keystrokes in one target field merge into one undo step until the field is left.
        self.typing_session = 0

    # --- what is on screen ------------------------------------------------------------------

    @property
    def session(self) -> Any:
        return self.document.session

    @property
    def scenario(self) -> Scenario:
        if self._scenario is None:
            self._scenario = self.session.get(Scenario, self._scenario_id)
            assert self._scenario is not None
        return self._scenario

    def roles_by_key(self) -> dict[str, RoleType]:
        if self._roles is None:
            query = self.session.query(RoleType).order_by(RoleType.sort_order, RoleType.key)
            self._roles = {role.key: role for role in query}
        return self._roles

    def departments_by_key(self) -> dict[str, Department]:
        if self._departments is None:
            query = self.session.query(Department).order_by(Department.sort_order)
            self._departments = {department.key: department for department in query}
        return self._departments

    def positions(self) -> dict[int, PositionRow]:
        """The positions of the scenario on screen as rows, in id order: updated after every
        edit (edits go through position()). Do not keep the dictionary: an edit can make a
        new one."""
        return self._scenario_rows().rows

    def _scenario_rows(self) -> ScenarioRows:
        if self._rows is None:
            with paused_gc():
                self._rows = ScenarioRows(self.session, self._scenario_id)
        return self._rows

    def tree(self) -> OrgTree:
        return self._scenario_rows().tree()

    def position(self, position_id: int) -> Position:
        """The entity of a position of the scenario on screen (KeyError for any other)."""
        entity = self._entities.get(position_id)
        if entity is None:
            entity = self.session.get(Position, position_id)
            if entity is None or entity.scenario_id != self._scenario_id:
                raise KeyError(position_id)
            self._entities[position_id] = entity
        return entity

    def roles(self) -> list[RoleType]:
        return list(self.roles_by_key().values())

    def departments(self) -> list[Department]:
        return list(self.departments_by_key().values())

    @property
    def scenario_id(self) -> int:
        return self._scenario_id

    def scenarios(self) -> list[Scenario]:
        return list(self.document.plan.scenarios)

    def summary(self) -> ScenarioSummary:
        """The scenario's numbers, computed once per change and shared by every panel."""
        if self._summary is None:
            rows = self._scenario_rows()
            totals = rows.totals(totals_basis(self.session, self.scenario))
            self._summary = summary_of(
                self.session, self.scenario, totals, rows.rows, self.language, self._summary_before
            )
            self._summary_before = self._summary
        return self._summary

    def fiscal_year(self) -> FiscalYear:
        plan = self.scenario.plan
        return FiscalYear.of(plan.fiscal_year, plan.fiscal_start_month)

    def hiring_timeline(self) -> list[TimelineRow]:
        roles = self.roles_by_key()
        return hiring_timeline(
            self.positions().values(),
            {key: role.capacity_kind for key, role in roles.items()},
            {key: index for index, key in enumerate(roles)},
            {key: index for index, key in enumerate(self.departments_by_key())},
            scenario_assumptions(self.scenario),
            self.fiscal_year(),
        )

    def show_scenario(self, scenario_id: int) -> None:
        """Put another scenario of the plan on screen (not an edit: nothing to undo)."""
        if scenario_id == self._scenario_id:
            return
        self._scenario_id = scenario_id
        self._scenario = None
        self.invalidate()
        self.scenario_switched.emit()
        self.plan_changed.emit()

    def replace_document(self, document: PlanDocument) -> None:
        old = self.document
        self.undo_stack.clear()
        self.document = document
        self._scenario_id = document.scenario().id
        self._scenario = None
        self._roles = None
        self._departments = None
        self.invalidate()
        self.document_replaced.emit()
        self.plan_changed.emit()
        old.close()

    # --- edits (each one undoable) ----------------------------------------------------------

    def add_role(self, role_key: str, manager_id: int | None) -> int:
        row = edits.new_position_row(
            self.session, self.scenario, role_key, manager_id, language=self.language
        )
        rows = edits.RowsSnapshot(positions=(row,), dotted_lines=())
        self.push(InsertRowsCommand(self, rows, self.tr("Add %1").replace("%1", str(row["title"]))))
        return int(row["id"])

    def duplicate(self, position_id: int) -> int:
        original = self.position(position_id)
        row = edits.new_position_row(
            self.session, self.scenario, original.role_key, original.manager_id
        )
        copied = edits.field_values(self.session, position_id, edits.EDITABLE_FIELDS)
        row.update(copied)
        rows = edits.RowsSnapshot(positions=(row,), dotted_lines=())
        text = self.tr("Duplicate %1").replace("%1", original.title)
        self.push(InsertRowsCommand(self, rows, text))
        return int(row["id"])

    def move_refusal(self, position_id: int, new_manager_id: int | None) -> str | None:
        """Why moving there is not allowed, or None when it is."""
        if self.tree().would_create_cycle(position_id, new_manager_id):
            mover = self.position(position_id).title
            if new_manager_id == position_id:
                return fill(self.tr("%1 cannot report to itself"), mover)
            target = self.position(new_manager_id).title if new_manager_id else ""
            return fill(self.tr("%1 cannot report to %2: %2 already reports to %1"), mover, target)
        return None

    def move(self, position_id: int, new_manager_id: int | None) -> None:
        refusal = self.move_refusal(position_id, new_manager_id)
        if refusal:
            raise PlanEditError(refusal)
        position = self.position(position_id)
        if position.manager_id == new_manager_id:
            return
        order = edits.next_sort_order(self.session, self.scenario, new_manager_id)
        command = MoveCommand(self, position_id, new_manager_id, order)
        command.setText(self.tr("Move %1").replace("%1", position.title))
        self.push(command)

    def delete(self, position_ids: Sequence[int], keep_reports: bool) -> None:
        """Delete cards with their subtrees, or move their reports up to their managers."""
        tree = self.tree()
        selected = set(position_ids)
        roots = [i for i in position_ids if not any(a in selected for a in tree.ancestors(i))]
        steps: list[PlanCommand] = []
        if keep_reports:
            # Every selected card goes; each report that is not selected moves up to its nearest
            # manager that stays (a selected card under a selected manager is deleted too).
            # Managers before their reports, without walking the teams that stay.
            doomed = sorted(dict.fromkeys(position_ids), key=tree.depth)
            for gone in doomed:
                for report in tree.reports(gone):
                    if report not in selected:
                        manager = self._nearest_kept_manager(tree, gone, selected)
                        order = self.position(gone).sort_order
                        steps.append(MoveCommand(self, report, manager, order))
        else:
            doomed = [i for root in roots for i in tree.subtree(root)]
        steps.append(RemoveRowsCommand(self, doomed))
        if len(roots) == 1:
            text = self.tr("Delete %1").replace("%1", self.position(roots[0]).title)
        else:
            text = self.tr("Delete %1 positions").replace("%1", str(len(roots)))
        self.push(MacroCommand(self, steps, text))

    @staticmethod
    def _nearest_kept_manager(tree: OrgTree, position_id: int, removed: set[int]) -> int | None:
        return next((a for a in tree.ancestors(position_id) if a not in removed), None)

    def edit(self, position_id: int, changes: dict[str, Any]) -> None:
        for name, value in changes.items():
            changes[name] = edits.validated(name, value)
        old = edits.field_values(self.session, position_id, changes)
        if old == changes:
            return
        text = self.tr("Edit %1").replace("%1", self.position(position_id).title)
        self.push(EditFieldsCommand(self, position_id, old, changes, text))

    def set_dotted_line(self, from_id: int, to_id: int, present: bool) -> None:
        existing = edits.dotted_line_row(self.session, from_id, to_id)
        names = (self.position(from_id).title, self.position(to_id).title)
        if present and existing is None:
            row = edits.new_dotted_line_row(self.session, self.scenario, from_id, to_id)
            text = fill(self.tr("Add dotted line %1 to %2"), *names)
            self.push(DottedLineCommand(self, row, True, text))
        elif not present and existing is not None:
            text = fill(self.tr("Remove dotted line %1 to %2"), *names)
            self.push(DottedLineCommand(self, existing, False, text))

    def set_target(self, name: str, value: object) -> None:
        """Change one driver input; keystrokes of one typing session merge into one step."""
        new = edits.validated_target(name, value)
        old = getattr(self.scenario.targets, name)
        if old == new:
            return
        self.push(EditTargetsCommand(self, name, old, new, self.typing_session))

    def end_typing_session(self) -> None:
        self.typing_session += 1

    def set_assumption(self, assumption_id: int, value: object) -> None:
        assumption = self.session.get(Assumption, assumption_id)
        if assumption is None:
            return
        new = edits.validated_assumption(assumption.metric, value)
        if assumption.value == new:
            return
        role = self.roles_by_key().get(assumption.role_key)
        role_name = role.short(self.language) if role else assumption.role_key
        text = fill(self.tr("Edit assumption %1 of %2"), metric_label(assumption.metric), role_name)
        self.push(EditAssumptionCommand(self, assumption_id, assumption.value, new, text))

    def apply_suggested_hires(self) -> list[int]:
        """Add the hires that close every capacity gap as open positions, in one undo step."""
        hires = self.summary().capacity.hires_needed
        if not hires:
            return []
        start = self.summary().capacity.hire_start  # the month the hires were sized for
        positions = self.positions().values()
        rows = suggested_hire_rows(
            self.session, self.scenario, hires, start, self.language, positions
        )
        snapshot = edits.RowsSnapshot(positions=tuple(rows), dotted_lines=())
        count = sum(hires.values())
        text = self.tr("Add %1 suggested hires").replace("%1", str(count))
        self.push(InsertRowsCommand(self, snapshot, text))
        return [int(row["id"]) for row in rows]

    # --- scenarios (each change undoable; switching is not an edit) ----------------------------

    def copy_scenario(self, name: str | None = None) -> int:
        """A copy of the scenario on screen, under a new name, shown at once."""
        source = self.scenario
        name = name or unique_copy_name(source.plan, source.name, *copy_name_templates())
        snapshot = copy_scenario_rows(self.session, source.id, name)
        text = self.tr("New scenario %1").replace("%1", snapshot.name)
        self.push(InsertScenarioCommand(self, snapshot, text))
        return snapshot.scenario_id

    def rename_scenario(self, scenario_id: int, name: str) -> None:
        scenario = self.session.get(Scenario, scenario_id)
        if scenario is None or scenario.name == name.strip():
            return
        check_scenario_name(self.session, scenario.plan_id, name, scenario_id)
        text = self.tr("Rename scenario %1").replace("%1", scenario.name)
        self.push(RenameScenarioCommand(self, scenario_id, name.strip(), text))

    def delete_scenario(self, scenario_id: int) -> None:
        others = [s.id for s in self.scenarios() if s.id != scenario_id]
        if not others:
            raise PlanEditError(self.tr("a plan needs at least one scenario"))
        scenario = self.session.get(Scenario, scenario_id)
        command = RemoveScenarioCommand(self, scenario_id, others[0])
        name = scenario.name if scenario else str(scenario_id)
        command.setText(self.tr("Delete scenario %1").replace("%1", name))
        self.push(command)

    def compare(self, a_id: int, b_id: int) -> ScenarioComparison:
        a, b = self.session.get(Scenario, a_id), self.session.get(Scenario, b_id)
        if a is None or b is None:
            raise PlanEditError(self.tr("choose two scenarios of this plan"))
        return compare_scenarios(self.session, a, b, self.language)

    def push(self, command: PlanCommand) -> None:
        self.undo_stack.push(command)

    # --- called by commands -----------------------------------------------------------------

    def run_in_savepoint(self, change: Callable[[], None]) -> None:
        """Apply one edit so that, if it fails, only that edit is rolled back."""
        with self.session.begin_nested():
            change()
        self._summary = None

    def note_touched(self, position_ids: Iterable[int]) -> None:
        """Positions an edit is adding, removing, moving or changing (called as it applies):
        after_rows_change reads them again."""
        self._touched.update(position_ids)

    def after_any_change(self) -> None:
        self.plan_changed.emit()

    def after_rows_change(self) -> None:
        """The edit just applied changed the positions it noted: update the cached rows, tree
        and sums in place, and tell the views what happened to which cards."""
        touched, self._touched = self._touched, set()
        if self._rows is None:  # nothing cached: everything is read again when asked for
            self._entities.clear()
            self.structure_changed.emit()
            return
        change = self._rows.refresh(touched)
        for gone in change.removed:
            self._entities.pop(gone, None)
        if change.added or change.removed:
            # Dotted lines go and come back with their positions; the ORM keeps the list.
            self.session.expire(self.scenario, ["dotted_lines"])
        self.rows_changed.emit(change)
        if change.moved:
            self.reports_moved.emit()
        if change.edited:
            self.positions_changed.emit(list(change.edited))

    def invalidate(self) -> None:
        """Forget the cached rows, tree, numbers and entities: read again when asked for."""
        self._rows = None
        self._summary = self._summary_before = None
        self._touched.clear()
        self._entities.clear()
