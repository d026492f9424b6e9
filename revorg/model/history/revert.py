"""Revert one step of the log now: the inverse of what it changed, as a new `Edit` that the
window pushes like any other (so it is undoable and recorded in its turn).

Only a step whose values are still as it left them can be reverted: when a later step changed
one of the same fields (same scenario, record, id and field, or removed the record), the
refusal names that later step, as the user would want to ask its author first. Positions and
dotted lines the step removed come back from the whole rows the log keeps; a scenario it
removed is refused (Restore as new scenario, on the step before, brings its state back), and so
is a position recorded by an older RevOrg, which kept only its title. No Qt.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from revorg.model.editing.actuals_steps import MatchOwner, SetDealRule
from revorg.model.editing.change import WHOLE_RECORD, QuotedStep, RecordKind, StepText
from revorg.model.editing.photos import SetPhoto
from revorg.model.editing.plan_steps import StartShift
from revorg.model.editing.steps import (
    Edit,
    InsertScenario,
    Macro,
    Step,
)
from revorg.model.entities import Scenario
from revorg.model.errors import QT_TRANSLATE_NOOP
from revorg.model.history.browse import step_by_id
from revorg.model.history.reading import LoggedChange, LoggedStep
from revorg.model.history.revert_steps import (
    RevertRefusedError,
    assumption_back,
    dotted_line_away,
    dotted_line_back,
    dotted_line_row,
    fields_back,
    move_back,
    plan_back,
    position_row,
    position_value,
    positions_away,
    positions_back,
    rename_back,
    scenario_away,
    target_back,
)
from revorg.model.history.values import canonical
from revorg.model.months import YearMonth
from revorg.model.photos import Photo
from revorg.model.scenarios import ScenarioSnapshot, check_scenario_name

__all__ = ["RESTORE_TEMPLATE", "REVERT_TEMPLATE", "RevertRefusedError", "restore_edit",
           "revert_edit"]  # fmt: skip

REVERT_TEMPLATE = QT_TRANSLATE_NOOP("PlanEditor", "Revert “%1”")
RESTORE_TEMPLATE = QT_TRANSLATE_NOOP("PlanEditor", "Restore step %1 as %2")

Key = tuple[int, str, str, str]  # scenario, record, record id (as text), field


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
    return Edit(StepText(REVERT_TEMPLATE, (QuotedStep(step.text),)), scenario_id, inverse)


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
    if record in (RecordKind.SCENARIO, RecordKind.PLAN, RecordKind.PHOTO):
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
        for later_id, later_scenario, later_field in rows:
            later = _stored_key(int(later_scenario), record, record_id, str(later_field))
            if later[0] != scenario_id:
                continue
            if later_field == WHOLE_RECORD or later in keys:
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
    """A record the step removed whose whole row the log does not hold: a scenario (its state
    comes back with Restore as new scenario), or a position recorded by an older RevOrg."""
    if kind == RecordKind.SCENARIO:
        template = QT_TRANSLATE_NOOP(
            "PlanEditError",
            "this step removed a scenario: to have it back, restore the step before it as a "
            "new scenario",
        )
    else:
        template = QT_TRANSLATE_NOOP(
            "PlanEditError",
            "this step removed a position: putting it back needs its full record, which the "
            "history does not keep yet",
        )
    return RevertRefusedError(template)


@dataclass
class _Inverse:
    """What undoing a step takes, gathered change by change, then put in a workable order."""

    restored: list[dict[str, Any]] = field(default_factory=list)  # positions it removed
    restored_lines: list[dict[str, Any]] = field(default_factory=list)
    removed: list[int] = field(default_factory=list)  # positions it added
    places: dict[int, dict[str, tuple[Any, Any]]] = field(default_factory=dict)
    fields: dict[int, tuple[dict[str, Any], dict[str, Any]]] = field(default_factory=dict)
    plan_now: dict[str, Any] = field(default_factory=dict)
    plan_then: dict[str, Any] = field(default_factory=dict)
    shifts: list[StartShift] = field(default_factory=list)
    others: list[Step] = field(default_factory=list)


def _inverse(session: Session, step: LoggedStep, changes: list[LoggedChange]) -> Step:
    """The steps that undo `changes`: records the step removed come back first, then values
    and places go back, then records it added go."""
    first_old: dict[Key, Any] = {}
    last_new: dict[Key, Any] = {}
    order: list[Key] = []
    for change in changes:
        key = _key(change)
        if key not in first_old:
            first_old[key] = change.old
            order.append(key)
        last_new[key] = change.new
    plan_step = _plan_step(changes)
    inverse = _Inverse()
    for key in order:
        scenario_id, record, _, name = key
        record_id = next(c.record_id for c in changes if _key(c) == key)
        then, now = first_old[key], last_new[key]
        if record in (RecordKind.DEAL, RecordKind.DEAL_IMPORT):
            raise RevertRefusedError(
                QT_TRANSLATE_NOOP(
                    "PlanEditError",
                    "an import of deals is not reverted on its own: undo it, or import the "
                    "export you want the plan to have",
                )
            )
        if record == RecordKind.DEAL_RULE:
            rule, _colon, text = str(record_id).partition(":")
            inverse.others.insert(0, SetDealRule(rule, text, now, then))
        elif record == RecordKind.OWNER_MATCH:
            inverse.others.insert(0, MatchOwner(str(record_id), now, then))
        elif record == RecordKind.PHOTO:
            inverse.others.insert(0, photo_back(str(record_id), now, then))
        elif name == WHOLE_RECORD:
            _whole_back(session, inverse, scenario_id, record, record_id, then, now)
        elif record == RecordKind.PLAN:
            inverse.plan_now[name], inverse.plan_then[name] = now, then
        elif record == RecordKind.POSITION and name == "start_month" and plan_step:
            month_now, month_then = YearMonth.parse(now), YearMonth.parse(then)
            inverse.shifts.append(StartShift(int(record_id), scenario_id, month_now, month_then))
        elif record == RecordKind.POSITION and name in ("manager_id", "sort_order"):
            inverse.places.setdefault(int(record_id), {})[name] = (now, then)
        elif record == RecordKind.POSITION:
            values_now, values_then = inverse.fields.setdefault(int(record_id), ({}, {}))
            values_now[name] = position_value(name, now)
            values_then[name] = position_value(name, then)
        elif record == RecordKind.TARGET:
            inverse.others.insert(0, target_back(session, int(record_id), name, now, then))
        elif record == RecordKind.ASSUMPTION:
            inverse.others.insert(0, assumption_back(session, int(record_id), now, then))
        elif record == RecordKind.SCENARIO and name == "name":
            inverse.others.insert(0, rename_back(session, int(record_id), now, then))
        else:
            raise RevertRefusedError(
                QT_TRANSLATE_NOOP("PlanEditError", "step {step} cannot be reverted"),
                step=step.id,
            )
    return _ordered(session, inverse)


def photo_back(lineage: str, now: Any, then: Any) -> Step:
    """A person's photo as it was before the step (the log keeps the image)."""
    try:
        current = None if now is None else Photo.from_log_text(now)
        earlier = None if then is None else Photo.from_log_text(then)
    except ValueError:
        raise RevertRefusedError(
            QT_TRANSLATE_NOOP("PlanEditError", "the history's copy of this photo is damaged")
        ) from None
    return SetPhoto(lineage, current, earlier)


def _whole_back(
    session: Session,
    inverse: _Inverse,
    scenario_id: int,
    record: str,
    record_id: Any,
    then: Any,
    now: Any,
) -> None:
    """A record the step added (it goes) or removed (it comes back, from its row)."""
    if now is not None:  # added by the step
        if record == RecordKind.POSITION:
            inverse.removed.append(int(record_id))
        elif record == RecordKind.SCENARIO:
            inverse.others.append(scenario_away(session, int(record_id)))
        elif record == RecordKind.DOTTED_LINE:
            inverse.others.insert(0, dotted_line_away(session, int(record_id)))
        else:  # a kind this module does not know: refused, never half undone
            raise RevertRefusedError(
                QT_TRANSLATE_NOOP("PlanEditError", "a step that added a {kind} is not reverted"),
                kind=record,
            )
        return
    if record == RecordKind.POSITION and isinstance(then, dict):
        inverse.restored.append(position_row(then))
    elif record == RecordKind.DOTTED_LINE:
        inverse.restored_lines.append(dotted_line_row(scenario_id, record_id, then))
    else:
        raise _refuse_whole(record)


def _ordered(session: Session, inverse: _Inverse) -> Step:
    steps: list[Step] = []
    restored_ids = {int(row["id"]) for row in inverse.restored}
    if inverse.restored:
        steps.append(positions_back(session, inverse.restored, inverse.restored_lines))
    else:
        steps += [dotted_line_back(session, row, set()) for row in inverse.restored_lines]
    steps += inverse.others
    for position_id, place in inverse.places.items():
        steps.append(move_back(session, position_id, place, restored_ids))
    for position_id, (now, then) in inverse.fields.items():
        steps.append(fields_back(session, position_id, now, then))
    if inverse.plan_now or inverse.shifts:
        steps.append(plan_back(session, inverse.plan_now, inverse.plan_then, inverse.shifts))
    if inverse.removed:
        steps.append(positions_away(session, inverse.removed))
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
