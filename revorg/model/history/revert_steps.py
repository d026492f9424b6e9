"""The steps that put back what a step of the log changed (revorg.model.history.revert): each
value as the step found it, checked against the plan as it is now. No Qt."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from revorg.model import edits
from revorg.model.editing.plan_steps import PlanSettings, StartShift
from revorg.model.editing.steps import (
    DottedLine,
    EditFields,
    InsertRows,
    Move,
    RemoveRows,
    RemoveScenario,
    RenameScenario,
    SetAssumption,
    SetTarget,
    Step,
)
from revorg.model.entities import Assumption, Plan, Position, Scenario, Targets
from revorg.model.errors import QT_TRANSLATE_NOOP, PlanEditError
from revorg.model.history.reading import LoggedStep
from revorg.model.history.values import plain
from revorg.model.months import YearMonth

MONEY_FIELDS = frozenset({"annual_cost", "capacity_override"})
PLAN_FIELDS = frozenset({"name", "currency", "fiscal_year", "fiscal_start_month"})


class RevertRefusedError(PlanEditError):
    """A step that cannot be reverted now; `later` is the later step that changed the same
    values again, when that is why."""

    def __init__(self, template: str, later: LoggedStep | None = None, **values: object) -> None:
        super().__init__(template, **values)
        self.later = later


def no_longer(current: Any, expected: Any) -> bool:
    """Whether the plan no longer holds the value the step left (a log cut or edited)."""
    return bool(plain(current) != expected)


def not_as_left() -> RevertRefusedError:
    return RevertRefusedError(
        QT_TRANSLATE_NOOP(
            "PlanEditError", "the plan no longer holds the values this step left: not reverted"
        )
    )


def position_value(field: str, value: Any) -> Any:
    if value is None:
        return None
    if field in MONEY_FIELDS:
        return Decimal(str(value))
    if field == "start_month":
        return YearMonth.parse(str(value))
    return value


def current_position(session: Session, position_id: int) -> Position:
    position = session.get(Position, position_id)
    if position is None:
        raise not_as_left()
    return position


def fields_back(
    session: Session, position_id: int, now: dict[str, Any], then: dict[str, Any]
) -> Step:
    current = edits.field_values(session, position_id, now)
    if any(no_longer(current[name], plain(now[name])) for name in now):
        raise not_as_left()
    return EditFields(position_id, current, then)


def move_back(
    session: Session, position_id: int, place: dict[str, tuple[Any, Any]], restored: set[int]
) -> Step:
    """The position under its manager then, at its place then (`place`: manager_id and
    sort_order, each now and then, as the step noted them)."""
    position = current_position(session, position_id)
    manager: int | None = position.manager_id
    if "manager_id" in place:
        now, then = place["manager_id"]
        if position.manager_id != now:
            raise not_as_left()
        manager = None if then is None else int(then)
        gone = manager is not None and session.get(Position, manager) is None
        if gone and manager not in restored:
            raise not_as_left()  # the manager then was deleted since
    if "sort_order" in place:
        order = int(place["sort_order"][1])
    else:
        scenario = session.get(Scenario, position.scenario_id)
        assert scenario is not None
        order = edits.next_sort_order(session, scenario, manager)
    return Move(position_id, manager, order)


def target_back(session: Session, scenario_id: int, name: str, now: Any, then: Any) -> Step:
    targets = session.get(Targets, scenario_id)
    if targets is None or no_longer(getattr(targets, name), now):
        raise not_as_left()
    value: Any = then
    if then is not None and name not in ("leads", edits.SEASONALITY):
        value = Decimal(str(then))
    return SetTarget(scenario_id, name, getattr(targets, name), value, typing=-1)


def assumption_back(session: Session, assumption_id: int, now: Any, then: Any) -> Step:
    assumption = session.get(Assumption, assumption_id)
    if assumption is None or no_longer(assumption.value, now):
        raise not_as_left()
    return SetAssumption(assumption_id, assumption.value, Decimal(str(then)))


def rename_back(session: Session, scenario_id: int, now: Any, then: Any) -> Step:
    scenario = session.get(Scenario, scenario_id)
    if scenario is None or scenario.name != now:
        raise not_as_left()
    return RenameScenario(scenario_id, str(then))


def plan_back(
    session: Session, now: dict[str, Any], then: dict[str, Any], shifts: list[StartShift]
) -> Step:
    plan = session.query(Plan).one()
    if any(no_longer(getattr(plan, name), value) for name, value in now.items()):
        raise not_as_left()
    current = {name: getattr(plan, name) for name in now}
    for shift in shifts:
        position = session.get(Position, shift.position_id)
        if position is None or position.start_month != shift.old:
            raise not_as_left()
    return PlanSettings(current, {name: then[name] for name in now}, shifts)


def positions_away(session: Session, position_ids: list[int]) -> Step:
    present = [i for i in position_ids if session.get(Position, i) is not None]
    if len(present) != len(position_ids):
        raise not_as_left()
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


def scenario_away(session: Session, scenario_id: int) -> Step:
    if session.get(Scenario, scenario_id) is None:
        raise not_as_left()
    others = session.scalars(select(Scenario.id).where(Scenario.id != scenario_id)).first()
    if others is None:
        raise PlanEditError(
            QT_TRANSLATE_NOOP("PlanEditError", "a plan needs at least one scenario")
        )
    return RemoveScenario(scenario_id, int(others))


def dotted_line_away(session: Session, line_id: int) -> Step:
    from revorg.model.entities import DottedLine as DottedLineRow
    from revorg.model.entities import column_values

    line = session.get(DottedLineRow, line_id)
    if line is None:
        raise not_as_left()
    return DottedLine(column_values(line), add=False)


def dotted_line_row(scenario_id: int, line_id: Any, whole: Any) -> dict[str, Any]:
    """A removed dotted line's row: the log's whole row, or (an older log) its "from>to"."""
    if isinstance(whole, dict):
        return {
            "id": int(whole["id"]),
            "scenario_id": int(whole["scenario_id"]),
            "from_position_id": int(whole["from_position_id"]),
            "to_position_id": int(whole["to_position_id"]),
        }
    ends = str(whole).split(">")
    if len(ends) != 2 or not all(end.isdigit() for end in ends):
        raise not_as_left()
    return {
        "id": int(line_id),
        "scenario_id": scenario_id,
        "from_position_id": int(ends[0]),
        "to_position_id": int(ends[1]),
    }


def dotted_line_back(session: Session, row: dict[str, Any], restored: set[int]) -> Step:
    """A dotted line the step removed, put back with its id, when both ends are there."""
    for end in (row["from_position_id"], row["to_position_id"]):
        if end not in restored and session.get(Position, end) is None:
            raise not_as_left()
    if edits.dotted_line_row(session, row["from_position_id"], row["to_position_id"]):
        raise not_as_left()
    return DottedLine(row, add=True)


_POSITION_MONEY = ("annual_cost", "capacity_override")


def position_row(whole: dict[str, Any]) -> dict[str, Any]:
    """A removed position's row as the log kept it (JSON), as the entity takes it."""
    row = dict(whole)
    for name in _POSITION_MONEY:
        if row.get(name) is not None:
            row[name] = Decimal(str(row[name]))
    if row.get("start_month") is not None:
        row["start_month"] = YearMonth.parse(str(row["start_month"]))
    return row


def positions_back(
    session: Session, rows: list[dict[str, Any]], lines: list[dict[str, Any]]
) -> Step:
    """Positions the step removed, with the dotted lines that went with them, with their ids:
    their managers must still be there (or come back with them), their ids free."""
    ids = {int(row["id"]) for row in rows}
    for row in rows:
        if session.get(Position, int(row["id"])) is not None:
            raise not_as_left()
        manager = row.get("manager_id")
        if manager is not None and manager not in ids and session.get(Position, manager) is None:
            raise not_as_left()
    for line in lines:
        dotted_line_back(session, line, ids)  # checks its ends
    return InsertRows(edits.RowsSnapshot(positions=tuple(rows), dotted_lines=tuple(lines)))
