"""The steps of editing a plan, each with apply and revert, as plain operations on the model.

A step changes the session only (through revorg.model.edits and revorg.model.scenarios) and
notes on the `EditContext` what it touched and each value it changed; `PlanEditor` runs it in a
savepoint and turns the notes into a `Change`. Steps keep the ids of the rows they add and the
rows they remove, so redo and undo put back exactly the same records.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from revorg.model import edits, scenarios
from revorg.model.editing.change import WHOLE_RECORD, FieldChange, RecordKind, StepText
from revorg.model.entities import Assumption, Position, Scenario, Targets
from revorg.model.errors import PlanEditError
from revorg.model.scenarios import ScenarioSnapshot


@dataclass
class EditContext:
    """What a step notes while it applies or reverts; read by the editor afterwards."""

    session: Session
    scenario_id: int  # the scenario the step was made in
    undoing: bool = False
    touched: set[int] = field(default_factory=set)  # positions to read again
    records: list[FieldChange] = field(default_factory=list)
    dotted_lines: bool = False
    targets: list[str] = field(default_factory=list)
    assumptions: list[int] = field(default_factory=list)
    scenarios: bool = False
    plan: bool = False  # the plan's settings changed: every view reads everything again
    actuals: bool = False  # deals, deal rules or owner matches changed

    def record(
        self,
        kind: RecordKind,
        record_id: int | str,
        name: str,
        old: object,
        new: object,
        scenario_id: int | None = None,  # another scenario's record (default: the edit's)
    ) -> None:
        """Note one value an apply changed; a revert notes it too, old and new swapped."""
        scenario = self.scenario_id if scenario_id is None else scenario_id
        change = FieldChange(scenario, kind, record_id, name, old, new)
        self.records.append(change.reversed() if self.undoing else change)


class Step:
    """One undoable change of the model. `apply` and `revert` run inside the editor's
    savepoint: a step that raises leaves the plan as it was. A step notes each value in the
    direction of `apply`; the context swaps them when it reverts."""

    mergeable = False  # True for steps that typing into one field merges into one

    def apply(self, context: EditContext) -> None:
        raise NotImplementedError

    def revert(self, context: EditContext) -> None:
        raise NotImplementedError

    def shown_before(self, undoing: bool, made_in: int) -> int | None:
        """The scenario to show before the step runs (None: leave the current one). Undo and
        redo show the scenario the edit was made in, so the user sees it happen."""
        return made_in

    def shown_after(self, undoing: bool, made_in: int) -> int | None:
        """The scenario to show once the step has run (None: leave the current one)."""
        return None

    def merge(self, later: Step) -> bool:
        """Take a later step into this one; False when they cannot merge."""
        return False

    @property
    def is_empty(self) -> bool:
        """Whether the step (after merges) changes nothing: typed back to where it was."""
        return False


@dataclass
class Edit:
    """A step as the user made it: its name and the scenario it was made in."""

    text: StepText
    scenario_id: int
    step: Step

    def shown_before(self, undoing: bool) -> int | None:
        return self.step.shown_before(undoing, self.scenario_id)

    def shown_after(self, undoing: bool) -> int | None:
        return self.step.shown_after(undoing, self.scenario_id)

    def merge(self, later: Edit) -> bool:
        return self.scenario_id == later.scenario_id and self.step.merge(later.step)


# --- positions ---------------------------------------------------------------------------------


def _record_rows(context: EditContext, rows: edits.RowsSnapshot, added: bool) -> None:
    """Positions added (or removed) as a whole, each with its full row (a change log can put
    it back), and the dotted lines that come and go with them: in the order the database
    allows, positions before their lines when added, lines first when removed."""
    lines = [(RecordKind.DOTTED_LINE, row) for row in rows.dotted_lines]
    positions = [(RecordKind.POSITION, row) for row in rows.positions]
    for kind, row in positions + lines if added else lines + positions:
        old, new = (None, dict(row)) if added else (dict(row), None)
        context.record(kind, row["id"], WHOLE_RECORD, old, new)


class InsertRows(Step):
    """Adds positions (new, duplicated or restored) with their dotted lines; ids are kept."""

    def __init__(self, rows: edits.RowsSnapshot) -> None:
        self.rows = rows

    def apply(self, context: EditContext) -> None:
        edits.insert_rows(context.session, self.rows)
        self._noted(context)

    def revert(self, context: EditContext) -> None:
        edits.remove_rows(context.session, self.rows.position_ids)
        self._noted(context)

    def _noted(self, context: EditContext) -> None:
        context.touched.update(self.rows.position_ids)
        context.dotted_lines = context.dotted_lines or bool(self.rows.dotted_lines)
        _record_rows(context, self.rows, added=True)


class RemoveRows(Step):
    """Removes positions; undo puts back the same rows, ids and dotted lines included."""

    def __init__(self, position_ids: Sequence[int]) -> None:
        self.position_ids = list(position_ids)
        self.rows: edits.RowsSnapshot | None = None

    def apply(self, context: EditContext) -> None:
        self.rows = edits.snapshot(context.session, self.position_ids)
        edits.remove_rows(context.session, self.position_ids)
        self._noted(context, self.rows)

    def revert(self, context: EditContext) -> None:
        assert self.rows is not None, "reverted before it was applied"
        edits.insert_rows(context.session, self.rows)
        self._noted(context, self.rows)

    def _noted(self, context: EditContext, rows: edits.RowsSnapshot) -> None:
        context.touched.update(self.position_ids)
        context.dotted_lines = context.dotted_lines or bool(rows.dotted_lines)
        _record_rows(context, rows, added=False)


class Move(Step):
    """Gives a position (and so its team) another manager and place among its reports."""

    def __init__(self, position_id: int, manager_id: int | None, order: int) -> None:
        self.position_id = position_id
        self.new = (manager_id, order)
        self.old: tuple[int | None, int] | None = None

    def apply(self, context: EditContext) -> None:
        position = context.session.get(Position, self.position_id)
        if position is None:
            raise PlanEditError(f"no position with id {self.position_id}")
        self.old = (position.manager_id, position.sort_order)
        self._set(context, self.new)

    def revert(self, context: EditContext) -> None:
        assert self.old is not None, "reverted before it was applied"
        self._set(context, self.old)

    def _set(self, context: EditContext, place: tuple[int | None, int]) -> None:
        assert self.old is not None
        edits.set_manager(context.session, self.position_id, *place)
        context.touched.add(self.position_id)
        if self.old[0] != self.new[0]:
            context.record(
                RecordKind.POSITION, self.position_id, "manager_id", self.old[0], self.new[0]
            )
        if self.old[1] != self.new[1]:  # its place among the reports: a replay needs it too
            context.record(
                RecordKind.POSITION, self.position_id, "sort_order", self.old[1], self.new[1]
            )


class EditFields(Step):
    """Changes fields of one position to values the editor has already validated."""

    def __init__(self, position_id: int, old: dict[str, Any], new: dict[str, Any]) -> None:
        self.position_id = position_id
        self.old = old
        self.new = new

    def apply(self, context: EditContext) -> None:
        self._set(context, self.new)

    def revert(self, context: EditContext) -> None:
        self._set(context, self.old)

    def _set(self, context: EditContext, values: dict[str, Any]) -> None:
        edits.update_fields(context.session, self.position_id, values)
        context.touched.add(self.position_id)
        for name in self.new:
            if self.old[name] != self.new[name]:
                context.record(
                    RecordKind.POSITION, self.position_id, name, self.old[name], self.new[name]
                )


class Macro(Step):
    """Several steps as one; revert undoes them in reverse order."""

    def __init__(self, steps: Sequence[Step]) -> None:
        self.steps = list(steps)

    def apply(self, context: EditContext) -> None:
        for step in self.steps:
            step.apply(context)

    def revert(self, context: EditContext) -> None:
        for step in reversed(self.steps):
            step.revert(context)


class DottedLine(Step):
    """Adds (or, with add=False, removes) one dotted line, keeping its id for redo."""

    def __init__(self, row: dict[str, Any], add: bool) -> None:
        self.row = row
        self.add = add

    def apply(self, context: EditContext) -> None:
        self._set(context, self.add)

    def revert(self, context: EditContext) -> None:
        self._set(context, not self.add)

    def _set(self, context: EditContext, present: bool) -> None:
        session = context.session
        if present:
            edits.insert_dotted_line(session, self.row)
        else:
            edits.remove_dotted_line(session, self.row["id"])
        # The scenario's dotted_lines collection is cached by the ORM: reload it.
        scenario = session.get(Scenario, context.scenario_id)
        if scenario is not None:
            session.expire(scenario, ["dotted_lines"])
        context.dotted_lines = True
        row = dict(self.row)
        old, new = (None, row) if self.add else (row, None)
        context.record(RecordKind.DOTTED_LINE, self.row["id"], WHOLE_RECORD, old, new)


# --- targets and assumptions -------------------------------------------------------------------


class SetTarget(Step):
    """Changes one driver input of a scenario. Typing into one field merges into one step."""

    mergeable = True

    def __init__(self, scenario_id: int, name: str, old: Any, new: Any, typing: int) -> None:
        self.scenario_id = scenario_id
        self.name = name
        self.old = old
        self.new = new
        self.typing = typing

    def apply(self, context: EditContext) -> None:
        self._set(context, self.new)

    def revert(self, context: EditContext) -> None:
        self._set(context, self.old)

    def _set(self, context: EditContext, value: Any) -> None:
        targets = context.session.get(Targets, self.scenario_id)
        if targets is None:
            raise PlanEditError(f"no targets for scenario {self.scenario_id}")
        edits.set_target(context.session, self.scenario_id, self.name, value)
        context.targets.append(self.name)
        context.record(RecordKind.TARGET, self.scenario_id, self.name, self.old, self.new)

    def merge(self, later: Step) -> bool:
        if not (
            isinstance(later, SetTarget)
            and later.name == self.name
            and later.scenario_id == self.scenario_id
            and later.typing == self.typing
        ):
            return False
        self.new = later.new
        return True

    @property
    def is_empty(self) -> bool:
        return bool(self.new == self.old)


class SetAssumption(Step):
    """Changes the value of one planning assumption."""

    def __init__(self, assumption_id: int, old: Any, new: Any) -> None:
        self.assumption_id = assumption_id
        self.old = old
        self.new = new

    def apply(self, context: EditContext) -> None:
        self._set(context, self.new)

    def revert(self, context: EditContext) -> None:
        self._set(context, self.old)

    def _set(self, context: EditContext, value: Any) -> None:
        if context.session.get(Assumption, self.assumption_id) is None:
            raise PlanEditError(f"no assumption with id {self.assumption_id}")
        edits.set_assumption(context.session, self.assumption_id, value)
        context.assumptions.append(self.assumption_id)
        context.record(RecordKind.ASSUMPTION, self.assumption_id, "value", self.old, self.new)


# --- scenarios ---------------------------------------------------------------------------------


class InsertScenario(Step):
    """Adds a scenario (a copy of another) and shows it; undo removes it and shows the one the
    user was on.

    `copied_from`: the scenario the snapshot is a fresh-id copy of, as it is now. The log then
    keeps "a copy of scenario X" and the new ids (a few bytes) instead of every row (a
    10,000-position copy would add 3 MB to the file); without it, the rows."""

    def __init__(self, snapshot: ScenarioSnapshot, copied_from: int | None = None) -> None:
        self.snapshot = snapshot
        self.copied_from = copied_from

    def apply(self, context: EditContext) -> None:
        scenarios.insert_scenario(context.session, self.snapshot)
        self._noted(context)

    def revert(self, context: EditContext) -> None:
        scenarios.remove_scenario(context.session, self.snapshot.scenario_id)
        self._noted(context)

    def _noted(self, context: EditContext) -> None:
        context.scenarios = True
        if self.copied_from is None:
            whole = scenario_record(self.snapshot)
        else:
            whole = copy_record(self.snapshot, self.copied_from)
        context.record(RecordKind.SCENARIO, self.snapshot.scenario_id, WHOLE_RECORD, None, whole)

    def shown_before(self, undoing: bool, made_in: int) -> int | None:
        return made_in

    def shown_after(self, undoing: bool, made_in: int) -> int | None:
        return None if undoing else self.snapshot.scenario_id


class RemoveScenario(Step):
    """Removes a scenario with everything in it; undo puts back the same rows and shows it."""

    def __init__(self, removed_id: int, fallback_id: int) -> None:
        self.removed_id = removed_id
        self.fallback_id = fallback_id
        self.snapshot: ScenarioSnapshot | None = None

    def apply(self, context: EditContext) -> None:
        self.snapshot = scenarios.snapshot_scenario(context.session, self.removed_id)
        scenarios.remove_scenario(context.session, self.removed_id)
        self._noted(context, self.snapshot)

    def revert(self, context: EditContext) -> None:
        assert self.snapshot is not None, "reverted before it was applied"
        scenarios.insert_scenario(context.session, self.snapshot)
        self._noted(context, self.snapshot)

    def _noted(self, context: EditContext, snapshot: ScenarioSnapshot) -> None:
        context.scenarios = True
        whole = scenario_record(snapshot)
        context.record(RecordKind.SCENARIO, self.removed_id, WHOLE_RECORD, whole, None)

    def shown_before(self, undoing: bool, made_in: int) -> int | None:
        # Leave the scenario before it goes; come back to it only once it is there again.
        return None if undoing else self.fallback_id

    def shown_after(self, undoing: bool, made_in: int) -> int | None:
        return self.removed_id if undoing else None


def scenario_record(snapshot: ScenarioSnapshot) -> dict[str, Any]:
    """A scenario as a change log keeps it whole: its columns and every row in it. Positions
    and dotted lines as the file stores them (columns once, then the values: money in cents,
    months as text), about 100 bytes a position; targets and assumptions as values."""
    return {
        **snapshot.scenario,
        "rows": {
            "targets": snapshot.targets,
            "assumptions": list(snapshot.assumptions),
            "positions": _stored(snapshot.positions),
            "dotted_lines": _stored(snapshot.dotted_lines),
        },
    }


def copy_record(snapshot: ScenarioSnapshot, source_id: int) -> dict[str, Any]:
    """A scenario copied from another, as a change log keeps it: which one, and the first of
    each kind of new id (a copy numbers positions in the source's id order, dotted lines and
    assumptions likewise: revorg.model.scenarios.copy_scenario_rows), with the counts that
    let a replay check it made the same copy."""

    def first(ids: list[int]) -> int | None:
        return min(ids, default=None)

    return {
        **snapshot.scenario,
        "copy_of": source_id,
        "first_ids": {
            "positions": first(snapshot.position_ids),
            "assumptions": first([int(row["id"]) for row in snapshot.assumptions]),
            "dotted_lines": first(snapshot.dotted_lines.values("id")),
        },
        "counts": {
            "positions": len(snapshot.positions),
            "assumptions": len(snapshot.assumptions),
            "dotted_lines": len(snapshot.dotted_lines),
        },
    }


def _stored(rows: scenarios.StoredRows) -> dict[str, Any]:
    return {"columns": list(rows.columns), "rows": [list(row) for row in rows.rows]}


class RenameScenario(Step):
    def __init__(self, renamed_id: int, name: str) -> None:
        self.renamed_id = renamed_id
        self.new_name = name
        self.old_name: str | None = None

    def apply(self, context: EditContext) -> None:
        old = scenarios.rename_scenario(context.session, self.renamed_id, self.new_name)
        if self.old_name is None:
            self.old_name = old
        self._noted(context)

    def revert(self, context: EditContext) -> None:
        assert self.old_name is not None, "reverted before it was applied"
        scenarios.rename_scenario(context.session, self.renamed_id, self.old_name)
        self._noted(context)

    def _noted(self, context: EditContext) -> None:
        context.scenarios = True
        context.record(RecordKind.SCENARIO, self.renamed_id, "name", self.old_name, self.new_name)

    def shown_before(self, undoing: bool, made_in: int) -> int | None:
        return None  # renaming another scenario's tab does not show it
