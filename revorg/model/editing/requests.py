"""What a user asks for, turned into an `Edit` the editor can apply and revert.

Each request checks and validates its input here, once (a refused request raises
PlanEditError and changes nothing), reads what the step needs to remember, and names the step.
The names are templates marked for translation; the window shows them in its language, a change
log keeps them with their values.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import select

from revorg.model import edits
from revorg.model.balance import BalanceDriver, propose
from revorg.model.currencies import checked_currency
from revorg.model.editing.change import KeyLabel, StepText
from revorg.model.editing.plan_steps import DeleteSnapshot, PlanSettings, StartShift, TakeSnapshot
from revorg.model.editing.reading import PlanReading
from revorg.model.editing.staff import staff_dropped_at_top
from revorg.model.editing.steps import (
    DottedLine,
    Edit,
    EditFields,
    InsertRows,
    InsertScenario,
    Macro,
    Move,
    RemoveRows,
    RemoveScenario,
    RenameScenario,
    SetAssumption,
    SetTarget,
    Step,
)
from revorg.model.entities import Assumption, Position, Scenario
from revorg.model.errors import QT_TRANSLATE_NOOP, PlanEditError
from revorg.model.hires import suggested_hire_rows
from revorg.model.months import FiscalYear
from revorg.model.org_tree import OrgTree
from revorg.model.scenarios import check_scenario_name, copy_scenario_rows, unique_copy_name
from revorg.model.seasonality import Seasonality
from revorg.model.snapshots import refuse_frozen, restored_rows, snapshot_rows
from revorg.model.summary import target_inputs


def _edit(plan: PlanReading, step: Step, template: str, *values: str | KeyLabel) -> Edit:
    return Edit(StepText(template, tuple(values)), plan.scenario_id, step)


# --- positions ---------------------------------------------------------------------------------


def add_role(plan: PlanReading, role_key: str, manager_id: int | None) -> Edit:
    """A new open position of a role under a manager (None: at the top)."""
    row = edits.new_position_row(
        plan.session, plan.scenario, role_key, manager_id, language=plan.language
    )
    rows = edits.RowsSnapshot(positions=(row,), dotted_lines=())
    return _edit(plan, InsertRows(rows), QT_TRANSLATE_NOOP("PlanEditor", "Add %1"), row["title"])


def duplicate(plan: PlanReading, position_id: int) -> Edit:
    """A copy of a position (its fields, not its reports) under the same manager."""
    original = plan.position(position_id)
    row = edits.new_position_row(
        plan.session, plan.scenario, original.role_key, original.manager_id
    )
    row.update(edits.field_values(plan.session, position_id, edits.EDITABLE_FIELDS))
    rows = edits.RowsSnapshot(positions=(row,), dotted_lines=())
    template = QT_TRANSLATE_NOOP("PlanEditor", "Duplicate %1")
    return _edit(plan, InsertRows(rows), template, original.title)


def move_refusal(
    plan: PlanReading, position_id: int, manager_id: int | None
) -> PlanEditError | None:
    """Why giving the position that manager is refused, or None when it is allowed."""
    try:
        _check_move(plan, position_id, manager_id)
    except PlanEditError as error:
        return error
    return None


def _check_move(plan: PlanReading, position_id: int, manager_id: int | None) -> None:
    if not plan.tree().would_create_cycle(position_id, manager_id):
        return
    mover = plan.position(position_id).title
    if manager_id == position_id:
        raise PlanEditError(
            QT_TRANSLATE_NOOP("PlanEditError", "{position} cannot report to itself"),
            position=mover,
        )
    manager = plan.position(manager_id).title if manager_id else ""
    raise PlanEditError(
        QT_TRANSLATE_NOOP(
            "PlanEditError", "{position} cannot report to {manager}: {manager} already reports to {position}"  # noqa: E501 - one literal for lupdate
        ),
        position=mover,
        manager=manager,
    )  # fmt: skip


def move(plan: PlanReading, position_id: int, manager_id: int | None) -> Edit | None:
    """The position (and so its team) under another manager, last among its reports; None
    when it already reports there. Refused when it would make a reporting cycle."""
    _check_move(plan, position_id, manager_id)
    position = plan.position(position_id)
    if position.manager_id == manager_id:
        return None
    order = edits.next_sort_order(plan.session, plan.scenario, manager_id)
    step: Step = Move(position_id, manager_id, order)
    unmarked = staff_dropped_at_top(plan, position_id, manager_id)
    if unmarked is not None:  # at the top, nobody to sit beside: back in a team row
        step = Macro([step, unmarked])
    return _edit(plan, step, QT_TRANSLATE_NOOP("PlanEditor", "Move %1"), position.title)


def delete(plan: PlanReading, position_ids: Sequence[int], keep_reports: bool) -> Edit:
    """Delete cards with their teams, or (keep_reports) move their reports up to the nearest
    manager that stays."""
    tree = plan.tree()
    selected = set(position_ids)
    roots = [i for i in position_ids if not any(a in selected for a in tree.ancestors(i))]
    steps: list[Step] = []
    if keep_reports:
        # Every selected card goes; each report that is not selected moves up to its nearest
        # manager that stays (a selected card under a selected manager is deleted too).
        # Managers before their reports, without walking the teams that stay.
        doomed = sorted(dict.fromkeys(position_ids), key=tree.depth)
        for gone in doomed:
            for report in tree.reports(gone):
                if report not in selected:
                    manager = _nearest_kept_manager(tree, gone, selected)
                    steps.append(Move(report, manager, plan.position(gone).sort_order))
                    unmarked = staff_dropped_at_top(plan, report, manager)
                    if unmarked is not None:  # at the top, as a move there: in a team row
                        steps.append(unmarked)
    else:
        doomed = [i for root in roots for i in tree.subtree(root)]
    steps.append(RemoveRows(doomed))
    if len(roots) == 1:
        template, name = QT_TRANSLATE_NOOP("PlanEditor", "Delete %1"), plan.position(roots[0]).title
    else:
        template, name = QT_TRANSLATE_NOOP("PlanEditor", "Delete %1 positions"), str(len(roots))
    return _edit(plan, Macro(steps), template, name)


def _nearest_kept_manager(tree: OrgTree, position_id: int, removed: set[int]) -> int | None:
    return next((a for a in tree.ancestors(position_id) if a not in removed), None)


def edit_fields(plan: PlanReading, position_id: int, changes: dict[str, Any]) -> Edit | None:
    """New values for fields of a position, validated here; None when nothing changes."""
    new = {name: edits.validated(name, value) for name, value in changes.items()}
    old = edits.field_values(plan.session, position_id, new)
    if old == new:
        return None
    step = EditFields(position_id, old, new)
    title = plan.position(position_id).title
    return _edit(plan, step, QT_TRANSLATE_NOOP("PlanEditor", "Edit %1"), title)


def set_dotted_line(plan: PlanReading, from_id: int, to_id: int, present: bool) -> Edit | None:
    """Add or remove the dotted line from one position to another; None when it already is
    as asked."""
    existing = edits.dotted_line_row(plan.session, from_id, to_id)
    names = (plan.position(from_id).title, plan.position(to_id).title)
    if present and existing is None:
        row = edits.new_dotted_line_row(plan.session, plan.scenario, from_id, to_id)
        template = QT_TRANSLATE_NOOP("PlanEditor", "Add dotted line %1 to %2")
        return _edit(plan, DottedLine(row, True), template, *names)
    if not present and existing is not None:
        template = QT_TRANSLATE_NOOP("PlanEditor", "Remove dotted line %1 to %2")
        return _edit(plan, DottedLine(existing, False), template, *names)
    return None


def apply_suggested_hires(plan: PlanReading) -> Edit | None:
    """The hires that close every capacity gap, as open positions; None when none is needed."""
    capacity = plan.summary().capacity
    hires = capacity.hires_needed
    if not hires:
        return None
    rows = suggested_hire_rows(
        plan.session,
        plan.scenario,
        hires,
        capacity.hire_start,  # the month the hires were sized for
        plan.language,
        plan.positions().values(),
    )
    snapshot = edits.RowsSnapshot(positions=tuple(rows), dotted_lines=())
    template = QT_TRANSLATE_NOOP("PlanEditor", "Add %1 suggested hires")
    return _edit(plan, InsertRows(snapshot), template, str(sum(hires.values())))


# --- targets and assumptions -------------------------------------------------------------------


def set_target(plan: PlanReading, name: str, value: object, typing: int = 0) -> Edit | None:
    """A new value for one driver input of the current scenario; edits with the same `typing`
    number merge into one step. None when the value does not change."""
    new = edits.validated_target(name, value)
    old = getattr(plan.scenario.targets, name)
    if old == new:
        return None
    step = SetTarget(plan.scenario_id, name, old, new, typing)
    return _edit(plan, step, QT_TRANSLATE_NOOP("PlanEditor", "Edit %1"), KeyLabel("target", name))


def set_seasonality(plan: PlanReading, seasonality: Seasonality) -> Edit | None:
    """The seasonality of bookings of the current scenario (checked when it was made); None
    when it does not change."""
    old = plan.scenario.targets.seasonality
    new = seasonality.to_text()
    if old == new:
        return None
    step = SetTarget(plan.scenario_id, edits.SEASONALITY, old, new, typing=0)
    step.mergeable = False  # a new shape is a step of its own, not more typing
    template = QT_TRANSLATE_NOOP("PlanEditor", "Edit %1")
    return _edit(plan, step, template, KeyLabel("target", edits.SEASONALITY))


def set_targets(plan: PlanReading, values: Mapping[str, object]) -> Edit | None:
    """New values for several driver inputs at once, as one step (never merged with typing);
    None when none changes. Refused as a whole when one value is bad."""
    new = {name: edits.validated_target(name, value) for name, value in values.items()}
    targets = plan.scenario.targets
    steps: list[Step] = [
        SetTarget(plan.scenario_id, name, getattr(targets, name), value, typing=-1)
        for name, value in new.items()
        if getattr(targets, name) != value
    ]
    if not steps:
        return None
    if len(steps) == 1:
        assert isinstance(steps[0], SetTarget)
        label = KeyLabel("target", steps[0].name)
        return _edit(plan, Macro(steps), QT_TRANSLATE_NOOP("PlanEditor", "Edit %1"), label)
    return _edit(plan, Macro(steps), QT_TRANSLATE_NOOP("PlanEditor", "Edit targets"))


def balance_to_goal(plan: PlanReading, driver: BalanceDriver | str) -> Edit | None:
    """The drivers changed so that they add up to the goal (revorg.model.balance), as one
    step; None when the plan is already balanced. Refused (BalanceRefusedError) when no value
    of the driver can balance it."""
    driver = BalanceDriver(driver)
    proposal = propose(target_inputs(plan.scenario), driver)
    if proposal.refusal is not None:
        raise proposal.refusal
    if not proposal.changes:
        return None
    new = {
        name: edits.validated_target(name, value) for name, (_, value) in proposal.changes.items()
    }
    steps: list[Step] = [
        SetTarget(plan.scenario_id, name, old, new[name], typing=-1)
        for name, (old, _) in proposal.changes.items()
    ]
    if driver is BalanceDriver.PROPORTIONAL:
        template = QT_TRANSLATE_NOOP(
            "PlanEditor", "Balance to goal through new business and expansion"
        )
        return _edit(plan, Macro(steps), template)
    template = QT_TRANSLATE_NOOP("PlanEditor", "Balance to goal through %1")
    return _edit(plan, Macro(steps), template, KeyLabel("target", driver.value))


def set_assumption(plan: PlanReading, assumption_id: int, value: object) -> Edit | None:
    assumption = plan.session.get(Assumption, assumption_id)
    if assumption is None:
        return None
    new = edits.validated_assumption(assumption.metric, value)
    if assumption.value == new:
        return None
    role = plan.roles_by_key().get(assumption.role_key)
    role_name = role.short(plan.language) if role else assumption.role_key
    step = SetAssumption(assumption_id, assumption.value, new)
    template = QT_TRANSLATE_NOOP("PlanEditor", "Edit assumption %1 of %2")
    return _edit(plan, step, template, KeyLabel("metric", assumption.metric), role_name)


# --- scenarios ---------------------------------------------------------------------------------


def copy_scenario(plan: PlanReading, copy_names: tuple[str, str], name: str | None = None) -> Edit:
    """A copy of the current scenario under a new name (`copy_names`: the templates of a
    copy's name in the interface language), shown once made."""
    source = plan.scenario
    name = name or unique_copy_name(source.plan, source.name, *copy_names)
    snapshot = copy_scenario_rows(plan.session, source.id, name)
    template = QT_TRANSLATE_NOOP("PlanEditor", "New scenario %1")
    return _edit(plan, InsertScenario(snapshot, copied_from=source.id), template, snapshot.name)


def rename_scenario(plan: PlanReading, scenario_id: int, name: str) -> Edit | None:
    scenario = plan.session.get(Scenario, scenario_id)
    if scenario is None or scenario.name == name.strip():
        return None
    refuse_frozen(plan.session, scenario_id)
    check_scenario_name(plan.session, scenario.plan_id, name, scenario_id)
    step = RenameScenario(scenario_id, name.strip())
    template = QT_TRANSLATE_NOOP("PlanEditor", "Rename scenario %1")
    return _edit(plan, step, template, scenario.name)


def delete_scenario(plan: PlanReading, scenario_id: int) -> Edit:
    refuse_frozen(plan.session, scenario_id)  # a snapshot goes with delete_snapshot
    others = [s.id for s in plan.scenarios() if s.id != scenario_id]
    if not others:
        raise PlanEditError(
            QT_TRANSLATE_NOOP("PlanEditError", "a plan needs at least one scenario")
        )
    scenario = plan.session.get(Scenario, scenario_id)
    name = scenario.name if scenario else str(scenario_id)
    step = RemoveScenario(scenario_id, others[0])
    return _edit(plan, step, QT_TRANSLATE_NOOP("PlanEditor", "Delete scenario %1"), name)


# --- snapshots ---------------------------------------------------------------------------------


def take_snapshot(plan: PlanReading, name: str, who: str, at: str) -> Edit:
    """A frozen copy of the current scenario named `name`, taken by `who` at `at` (UTC, ISO
    8601 to the second, as the change log writes it: history.recording.utc_now). The scenario
    on screen stays."""
    snapshot = snapshot_rows(plan.session, plan.scenario_id, name, who, at)
    template = QT_TRANSLATE_NOOP("PlanEditor", "Take snapshot %1")
    return _edit(plan, TakeSnapshot(snapshot), template, snapshot.name)


def delete_snapshot(plan: PlanReading, snapshot_id: int) -> Edit:
    snapshot = plan.session.get(Scenario, snapshot_id)
    if snapshot is None or not snapshot.is_snapshot:
        raise PlanEditError(QT_TRANSLATE_NOOP("PlanEditError", "no such snapshot"))
    template = QT_TRANSLATE_NOOP("PlanEditor", "Delete snapshot %1")
    return _edit(plan, DeleteSnapshot(snapshot_id), template, snapshot.name)


def restore_snapshot(plan: PlanReading, snapshot_id: int, name: str) -> Edit:
    """A new scenario named `name` with the snapshot's organisation and targets, shown once
    made."""
    rows = restored_rows(plan.session, snapshot_id, name)
    snapshot = plan.session.get(Scenario, snapshot_id)
    assert snapshot is not None
    template = QT_TRANSLATE_NOOP("PlanEditor", "Restore snapshot %1 as %2")
    return _edit(plan, InsertScenario(rows), template, snapshot.name, rows.name)


# --- the plan's settings -----------------------------------------------------------------------

FISCAL_YEARS = (1900, 9998)  # the last month of the year must still be a YearMonth


def checked_plan_settings(
    name: str | None = None,
    currency: str | None = None,
    fiscal_year: object = None,
    fiscal_start_month: object = None,
) -> dict[str, Any]:
    """The settings given (None: unchanged), validated; PlanEditError names the first bad one."""
    values: dict[str, Any] = {}
    if name is not None:
        if not name.strip():
            raise PlanEditError(QT_TRANSLATE_NOOP("PlanEditError", "the plan needs a name"))
        values["name"] = name.strip()
    if currency is not None:
        values["currency"] = checked_currency(currency)
    if fiscal_year is not None:
        year = _whole(fiscal_year)
        if year is None or not FISCAL_YEARS[0] <= year <= FISCAL_YEARS[1]:
            raise PlanEditError(
                QT_TRANSLATE_NOOP("PlanEditError", "the fiscal year must be {first} to {last}, not {value}"),  # noqa: E501 - one literal for lupdate
                first=str(FISCAL_YEARS[0]),
                last=str(FISCAL_YEARS[1]),
                value=repr(str(fiscal_year)),
            )  # fmt: skip
        values["fiscal_year"] = year
    if fiscal_start_month is not None:
        month = _whole(fiscal_start_month)
        if month is None or not 1 <= month <= 12:
            raise PlanEditError(
                QT_TRANSLATE_NOOP("PlanEditError", "the fiscal year's first month must be 1 to 12, not {value}"),  # noqa: E501 - one literal for lupdate
                value=repr(str(fiscal_start_month)),
            )  # fmt: skip
        values["fiscal_start_month"] = month
    return values


def _whole(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    text = str(value).strip()
    return int(text) if text.isdigit() else None


def plan_settings(
    plan: PlanReading,
    name: str | None = None,
    currency: str | None = None,
    fiscal_year: object = None,
    fiscal_start_month: object = None,
) -> Edit | None:
    """New settings for the plan (None: unchanged), as one step; None when nothing changes.

    Another fiscal year or first month moves every open position's start month by as many
    months as the year's first month moved, in every scenario, so that a start in the third
    month of the year stays in the third month. Another currency converts no amount."""
    wanted = checked_plan_settings(name, currency, fiscal_year, fiscal_start_month)
    entity = plan.scenario.plan
    old = {field: getattr(entity, field) for field in wanted}
    new = {field: value for field, value in wanted.items() if old[field] != value}
    if not new:
        return None
    old = {field: old[field] for field in new}
    before = FiscalYear.of(entity.fiscal_year, entity.fiscal_start_month)
    after = FiscalYear.of(
        new.get("fiscal_year", entity.fiscal_year),
        new.get("fiscal_start_month", entity.fiscal_start_month),
    )
    months = after.first.ordinal - before.first.ordinal
    shifts = _start_shifts(plan, months) if months else []
    step = PlanSettings(old, new, shifts)
    return _edit(plan, step, QT_TRANSLATE_NOOP("PlanEditor", "Plan settings"))


def _start_shifts(plan: PlanReading, months: int) -> list[StartShift]:
    """Every open position with a start month, in every scenario (not in snapshots), moved
    by `months`."""
    query = select(Position.id, Position.scenario_id, Position.start_month, Position.person_name)
    query = query.join(Scenario, Position.scenario_id == Scenario.id)
    # Snapshots stay as they were taken: their start months do not move.
    query = query.where(Position.start_month.is_not(None), Scenario.snapshot_at.is_(None))
    query = query.order_by(Position.id)
    shifts = []
    for position_id, scenario_id, start, person in plan.session.execute(query):
        if (person or "").strip():
            continue  # someone in the seat: the start is a fact, not a plan
        try:
            moved = start.plus_months(months)
        except ValueError as error:  # beyond year 9999
            raise PlanEditError(
                QT_TRANSLATE_NOOP("PlanEditError", "the fiscal year must be {first} to {last}, not {value}"),  # noqa: E501 - one literal for lupdate
                first=str(FISCAL_YEARS[0]),
                last=str(FISCAL_YEARS[1]),
                value=repr(str(start.year + months // 12)),
            ) from error  # fmt: skip
        shifts.append(StartShift(position_id, scenario_id, start, moved))
    return shifts
