"""Revert one step of the log now: the inverse of what it changed, as a new `Edit` that the
window pushes like any other (so it is undoable and recorded in its turn).

Only a step whose values are still as it left them can be reverted: when a later step changed
one of the same fields (same scenario, record, id and field, or removed the record), the
refusal names that later step, as the user would want to ask its author first. Records the step
removed as a whole (a deleted position or scenario) would need their full rows, which the log
does not keep yet: those are refused with a message that says so. No Qt.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from decimal import Decimal
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from revorg.model import edits
from revorg.model.editing.change import WHOLE_RECORD, RecordKind, StepText
from revorg.model.editing.steps import (
    DottedLine,
    Edit,
    EditFields,
    InsertScenario,
    Macro,
    Move,
    PlanSettings,
    RemoveRows,
    RemoveScenario,
    RenameScenario,
    SetAssumption,
    SetTarget,
    StartShift,
    Step,
)
from revorg.model.entities import Assumption, Plan, Position, Scenario, Targets
from revorg.model.errors import QT_TRANSLATE_NOOP, PlanEditError
from revorg.model.history.browse import step_by_id
from revorg.model.history.reading import LoggedChange, LoggedStep
from revorg.model.history.values import canonical, plain
from revorg.model.months import YearMonth
from revorg.model.scenarios import ScenarioSnapshot, check_scenario_name

REVERT_TEMPLATE = QT_TRANSLATE_NOOP("PlanEditor", "Revert step %1")
RESTORE_TEMPLATE = QT_TRANSLATE_NOOP("PlanEditor", "Restore step %1 as %2")
_MONEY_FIELDS = frozenset({"annual_cost", "capacity_override"})
_PLAN_FIELDS = frozenset({"name", "currency", "fiscal_year", "fiscal_start_month"})

Key = tuple[int, str, str, str]  # scenario, record, record id (as text), field


class RevertRefusedError(PlanEditError):
    """A step that cannot be reverted now; `later` is the later step that changed the same
    values again, when that is why."""

    def __init__(self, template: str, later: LoggedStep | None = None, **values: object) -> None:
        super().__init__(template, **values)
        self.later = later


def revert_edit(session: Session, step_id: int) -> Edit:
    """The edit that puts back every value step `step_id` changed, as it was before the step.

    Raises RevertRefusedError when the step is unknown, changed nothing that can be put back,
    or a later step changed the same values (the error names it)."""
    step = step_by_id(session, step_id)
    if step is None:
        raise RevertRefusedError(
            QT_TRANSLATE_NOOP("PlanEditError", "there is no step {step} in the history"),
            step=step_id,
        )
    changes = list(step.changes)
    if not changes:
        raise RevertRefusedError(
            QT_TRANSLATE_NOOP("PlanEditError", "step {step} changed nothing to revert"),
            step=step_id,
        )
    later = _later_step(session, step)
    if later is not None:
        raise RevertRefusedError(
            QT_TRANSLATE_NOOP("PlanEditError", "changed again by {who} at {at}: {name}"),
            later=later,
            who=later.who,
            at=later.at,
            name=later.text.english(),
        )
    inverse = _inverse(session, step, changes)
    scenario_id = _scenario_of(session, step, changes)
    return Edit(StepText(REVERT_TEMPLATE, (str(step.id),)), scenario_id, inverse)


def restore_edit(
    session: Session, snapshot: ScenarioSnapshot, name: str, step_id: int, made_in: int
) -> Edit:
    """A scenario as it was after step `step_id` (`snapshot`, with fresh ids: revorg.model.
    history.replay), added under `name` as one undoable edit made in scenario `made_in`."""
    trimmed = check_scenario_name(session, int(snapshot.scenario["plan_id"]), name)
    named = replace(snapshot, scenario={**snapshot.scenario, "name": trimmed})
    text = StepText(RESTORE_TEMPLATE, (str(step_id), trimmed))
    return Edit(text, made_in, InsertScenario(named))


# --- later steps -------------------------------------------------------------------------------


def _key(change: LoggedChange) -> Key:
    return _stored_key(change.scenario_id, change.record, canonical(change.record_id), change.field)


def _stored_key(scenario_id: int, record: str, record_id: str, field: str) -> Key:
    """A value's place; a scenario's name and the plan's settings belong to no scenario (the
    step that changes them is made in whichever scenario is on screen)."""
    if record in (RecordKind.SCENARIO, RecordKind.PLAN):
        scenario_id = 0
    return (scenario_id, record, record_id, field)


def _later_step(session: Session, step: LoggedStep) -> LoggedStep | None:
    """The first step after `step` that changed one of its values again, removed (or put
    back) one of its records, or changed anything in a scenario it added."""
    keys = {_key(change) for change in step.changes}
    first: int | None = None
    # One query per record, from the index on (record, record_id): a step changes a few.
    for scenario_id, record, record_id in {key[:3] for key in keys}:
        rows = session.execute(
            text(
                "SELECT step_id, scenario_id, field FROM history_changes "
                "WHERE step_id > :step AND record = :record AND record_id = :record_id "
                "ORDER BY step_id"
            ),
            {"step": step.id, "record": record, "record_id": record_id},
        )
        for later_id, later_scenario, field in rows:
            later = _stored_key(int(later_scenario), record, record_id, str(field))
            if later[0] != scenario_id:
                continue
            if field == WHOLE_RECORD or later in keys:
                first = int(later_id) if first is None else min(first, int(later_id))
                break
    for change in step.changes:
        if change.record == RecordKind.SCENARIO and change.field == WHOLE_RECORD and change.new:
            found = session.execute(
                text(
                    # A scenario's own records (its name, a copy of it) and the plan's note
                    # the scenario on screen, not one they change.
                    "SELECT min(step_id) FROM history_changes WHERE step_id > :step "
                    "AND scenario_id = :scenario AND record NOT IN ('scenario', 'plan')"
                ),
                {"step": step.id, "scenario": change.record_id},
            ).scalar()
            if found is not None:
                first = int(found) if first is None else min(first, int(found))
    return None if first is None else step_by_id(session, first)


# --- the inverse -------------------------------------------------------------------------------


def _refuse_whole(kind: str) -> RevertRefusedError:
    """A record the step removed as a whole: its full row is not in the log (yet)."""
    if kind == RecordKind.SCENARIO:
        template = QT_TRANSLATE_NOOP(
            "PlanEditError",
            "this step removed a scenario: putting it back needs its full record, which the "
            "history does not keep yet",
        )
    else:
        template = QT_TRANSLATE_NOOP(
            "PlanEditError",
            "this step removed a position: putting it back needs its full record, which the "
            "history does not keep yet",
        )
    return RevertRefusedError(template)


def _inverse(session: Session, step: LoggedStep, changes: list[LoggedChange]) -> Step:
    """The steps that undo `changes`, last change first."""
    first_old: dict[Key, Any] = {}
    last_new: dict[Key, Any] = {}
    order: list[Key] = []
    for change in changes:
        key = _key(change)
        if key not in first_old:
            first_old[key] = change.old
            order.append(key)
        last_new[key] = change.new
    steps: list[Step] = []
    positions: dict[int, tuple[dict[str, Any], dict[str, Any]]] = {}
    plan_old: dict[str, Any] = {}
    plan_new: dict[str, Any] = {}
    shifts: list[StartShift] = []
    removed_positions: list[int] = []
    for key in reversed(order):
        scenario_id, record, _, field = key
        change = next(c for c in changes if _key(c) == key)
        record_id = change.record_id
        before, after = first_old[key], last_new[key]
        if field == WHOLE_RECORD:
            if after is None:  # the step removed it
                if record == RecordKind.DOTTED_LINE:
                    steps.append(_dotted_line_back(session, scenario_id, record_id, before))
                    continue
                raise _refuse_whole(record)
            if record == RecordKind.POSITION:
                removed_positions.append(int(record_id))
            elif record == RecordKind.SCENARIO:
                steps.append(_scenario_away(session, int(record_id)))
            elif record == RecordKind.DOTTED_LINE:
                steps.append(_dotted_line_away(session, int(record_id)))
            continue
        if record == RecordKind.PLAN:
            plan_old[field], plan_new[field] = after, before
        elif record == RecordKind.POSITION and field == "start_month" and _plan_step(changes):
            month_now, month_then = YearMonth.parse(after), YearMonth.parse(before)
            shifts.append(StartShift(int(record_id), scenario_id, month_now, month_then))
        elif record == RecordKind.POSITION and field == "manager_id":
            steps.append(_move_back(session, int(record_id), after, before))
        elif record == RecordKind.POSITION:
            old, new = positions.setdefault(int(record_id), ({}, {}))
            old[field], new[field] = _position_value(field, after), _position_value(field, before)
        elif record == RecordKind.TARGET:
            steps.append(_target_back(session, int(record_id), field, after, before))
        elif record == RecordKind.ASSUMPTION:
            steps.append(_assumption_back(session, int(record_id), after, before))
        elif record == RecordKind.SCENARIO and field == "name":
            steps.append(_rename_back(session, int(record_id), after, before))
        else:
            raise RevertRefusedError(
                QT_TRANSLATE_NOOP("PlanEditError", "step {step} cannot be reverted"),
                step=step.id,
            )
    for position_id, (old, new) in positions.items():
        steps.append(_fields_back(session, position_id, old, new))
    if plan_old or shifts:
        steps.append(_plan_back(session, plan_old, plan_new, shifts))
    if removed_positions:
        steps.append(_positions_away(session, removed_positions))
    return steps[0] if len(steps) == 1 else Macro(steps)


def _plan_step(changes: Iterable[LoggedChange]) -> bool:
    """Whether the step changed the plan's settings (its start months moved with the year)."""
    return any(change.record == RecordKind.PLAN for change in changes)


def _scenario_of(session: Session, step: LoggedStep, changes: list[LoggedChange]) -> int:
    """The scenario the revert is made in: the one the step changed, if it still exists."""
    for candidate in [c.scenario_id for c in changes] + [step.scenario_id]:
        if session.get(Scenario, candidate) is not None:
            return candidate
    first = session.scalar(select(Scenario.id).order_by(Scenario.id))
    if first is None:
        raise RevertRefusedError(QT_TRANSLATE_NOOP("PlanEditError", "the plan has no scenario"))
    return int(first)


def _no_longer(current: Any, expected: Any) -> bool:
    """Whether the plan no longer holds the value the step left (a log cut or edited)."""
    return bool(plain(current) != expected)


def _not_as_left() -> RevertRefusedError:
    return RevertRefusedError(
        QT_TRANSLATE_NOOP(
            "PlanEditError", "the plan no longer holds the values this step left: not reverted"
        )
    )


def _position_value(field: str, value: Any) -> Any:
    if value is None:
        return None
    if field in _MONEY_FIELDS:
        return Decimal(str(value))
    if field == "start_month":
        return YearMonth.parse(str(value))
    return value


def _position(session: Session, position_id: int) -> Position:
    position = session.get(Position, position_id)
    if position is None:
        raise _not_as_left()
    return position


def _fields_back(
    session: Session, position_id: int, now: dict[str, Any], then: dict[str, Any]
) -> Step:
    current = edits.field_values(session, position_id, now)
    if any(_no_longer(current[name], plain(now[name])) for name in now):
        raise _not_as_left()
    return EditFields(position_id, current, then)


def _move_back(session: Session, position_id: int, now: Any, then: Any) -> Step:
    position = _position(session, position_id)
    if position.manager_id != now:
        raise _not_as_left()
    if then is not None and session.get(Position, int(then)) is None:
        raise _refuse_whole("position")  # the old manager was deleted since
    scenario = session.get(Scenario, position.scenario_id)
    assert scenario is not None
    manager = None if then is None else int(then)
    return Move(position_id, manager, edits.next_sort_order(session, scenario, manager))


def _target_back(session: Session, scenario_id: int, name: str, now: Any, then: Any) -> Step:
    targets = session.get(Targets, scenario_id)
    if targets is None or _no_longer(getattr(targets, name), now):
        raise _not_as_left()
    value: Any = then
    if then is not None and name not in ("leads", edits.SEASONALITY):
        value = Decimal(str(then))
    return SetTarget(scenario_id, name, getattr(targets, name), value, typing=-1)


def _assumption_back(session: Session, assumption_id: int, now: Any, then: Any) -> Step:
    assumption = session.get(Assumption, assumption_id)
    if assumption is None or _no_longer(assumption.value, now):
        raise _not_as_left()
    return SetAssumption(assumption_id, assumption.value, Decimal(str(then)))


def _rename_back(session: Session, scenario_id: int, now: Any, then: Any) -> Step:
    scenario = session.get(Scenario, scenario_id)
    if scenario is None or scenario.name != now:
        raise _not_as_left()
    return RenameScenario(scenario_id, str(then))


def _plan_back(
    session: Session, now: dict[str, Any], then: dict[str, Any], shifts: list[StartShift]
) -> Step:
    plan = session.query(Plan).one()
    if any(_no_longer(getattr(plan, name), value) for name, value in now.items()):
        raise _not_as_left()
    current = {name: getattr(plan, name) for name in now}
    for shift in shifts:
        position = session.get(Position, shift.position_id)
        if position is None or position.start_month != shift.old:
            raise _not_as_left()
    return PlanSettings(current, {name: then[name] for name in now}, shifts)


def _positions_away(session: Session, position_ids: list[int]) -> Step:
    present = [i for i in position_ids if session.get(Position, i) is not None]
    if len(present) != len(position_ids):
        raise _not_as_left()
    reports = session.scalar(
        select(Position.id).where(
            Position.manager_id.in_(position_ids), Position.id.not_in(position_ids)
        )
    )
    if reports is not None:
        raise RevertRefusedError(
            QT_TRANSLATE_NOOP(
                "PlanEditError", "a position this step added has reports now: not reverted"
            )
        )
    return RemoveRows(position_ids)


def _scenario_away(session: Session, scenario_id: int) -> Step:
    if session.get(Scenario, scenario_id) is None:
        raise _not_as_left()
    others = session.scalars(select(Scenario.id).where(Scenario.id != scenario_id)).first()
    if others is None:
        raise PlanEditError(
            QT_TRANSLATE_NOOP("PlanEditError", "a plan needs at least one scenario")
        )
    return RemoveScenario(scenario_id, int(others))


def _dotted_line_away(session: Session, line_id: int) -> Step:
    from revorg.model.entities import DottedLine as DottedLineRow
    from revorg.model.entities import column_values

    line = session.get(DottedLineRow, line_id)
    if line is None:
        raise _not_as_left()
    return DottedLine(column_values(line), add=False)


def _dotted_line_back(session: Session, scenario_id: int, line_id: Any, link: Any) -> Step:
    """A dotted line the step removed, put back with its id: its two ends are its whole row."""
    ends = str(link).split(">")
    if len(ends) != 2 or not all(end.isdigit() for end in ends):
        raise _not_as_left()
    from_id, to_id = int(ends[0]), int(ends[1])
    if session.get(Position, from_id) is None or session.get(Position, to_id) is None:
        raise _not_as_left()
    if edits.dotted_line_row(session, from_id, to_id) is not None:
        raise _not_as_left()
    row = {
        "id": int(line_id),
        "scenario_id": scenario_id,
        "from_position_id": from_id,
        "to_position_id": to_id,
    }
    return DottedLine(row, add=True)
