"""Edits of a scenario's organisation, as plain operations on the ORM session.

The edit core's steps (revorg.model.editing.steps) are built from these: each edit can snapshot
the rows it is about to remove and put them back with the same ids, so undo restores the plan
exactly. Values are validated once, by the requests that make the edits.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from revorg.model.emails import checked_email
from revorg.model.entities import (
    Assumption,
    DottedLine,
    Position,
    RoleType,
    Scenario,
    Targets,
    column_values,
)
from revorg.model.errors import QT_TRANSLATE_NOOP, PlanEditError
from revorg.model.money import to_money
from revorg.model.months import YearMonth
from revorg.model.rows import open_position_row
from revorg.model.vocabulary import RATE_METRICS, WHOLE_METRICS

Row = dict[str, Any]
EDITABLE_FIELDS = (
    "title",
    "role_key",
    "department_key",
    "person_name",
    "headcount",
    "start_month",
    "annual_cost",
    "capacity_override",
    "notes",
    "email",
    "staff",  # drawn beside the manager (revorg.model.editing.staff checks it has one)
)

# Far above any plan, and inside the file's integer cents (SQLite integers hold 9.2e18).
MAX_AMOUNT = Decimal(10) ** 12
MAX_COUNT = 10**9


@dataclass(frozen=True)
class RowsSnapshot:
    """Positions (managers before reports) and the dotted lines that touch them."""

    positions: tuple[Row, ...]
    dotted_lines: tuple[Row, ...]

    @property
    def position_ids(self) -> list[int]:
        return [row["id"] for row in self.positions]


def new_position_row(
    session: Session,
    scenario: Scenario,
    role_key: str,
    manager_id: int | None,
    *,
    language: str = "en",
    sort_order: int | None = None,
) -> Row:
    """The row of a new open position of a role, with a fresh id, not yet in the plan."""
    role = session.get(RoleType, role_key)
    if role is None:
        raise PlanEditError(f"unknown role {role_key!r}")
    if sort_order is None:
        sort_order = next_sort_order(session, scenario, manager_id)
    return open_position_row(
        role,
        id=next_position_id(session),
        scenario_id=scenario.id,
        manager_id=manager_id,
        sort_order=sort_order,
        language=language,
    )


def next_position_id(session: Session) -> int:
    session.flush()
    highest = session.scalar(select(func.max(Position.id)))
    return (highest or 0) + 1


def next_sort_order(session: Session, scenario: Scenario, manager_id: int | None) -> int:
    session.flush()
    query = select(func.max(Position.sort_order)).where(
        Position.scenario_id == scenario.id, Position.manager_id.is_(manager_id)
    )
    highest = session.scalar(query)
    return 0 if highest is None else highest + 1


def snapshot(session: Session, position_ids: Sequence[int]) -> RowsSnapshot:
    """Copy the rows that removing `position_ids` would delete (ids in pre-order)."""
    session.flush()
    positions = {p.id: p for p in session.scalars(select(Position).where(_ids_in(position_ids)))}
    lines = session.scalars(
        select(DottedLine)
        .where(
            or_(
                DottedLine.from_position_id.in_(position_ids),
                DottedLine.to_position_id.in_(position_ids),
            )
        )
        .order_by(DottedLine.id)
    )
    return RowsSnapshot(
        positions=tuple(column_values(positions[i]) for i in position_ids if i in positions),
        dotted_lines=tuple(column_values(line) for line in lines),
    )


def insert_rows(session: Session, rows: RowsSnapshot) -> None:
    session.add_all(Position(**row) for row in rows.positions)
    session.flush()
    session.add_all(DottedLine(**row) for row in rows.dotted_lines)
    session.flush()


def remove_rows(session: Session, position_ids: Sequence[int]) -> None:
    """Delete positions and their dotted lines; their reports must be in the set or moved."""
    session.flush()
    ids = list(position_ids)
    session.execute(
        delete(DottedLine).where(
            or_(DottedLine.from_position_id.in_(ids), DottedLine.to_position_id.in_(ids))
        ),
        execution_options={"synchronize_session": "fetch"},
    )
    session.execute(
        delete(Position).where(Position.id.in_(ids)),
        execution_options={"synchronize_session": "fetch"},
    )
    session.flush()


def set_manager(session: Session, position_id: int, manager_id: int | None, order: int) -> None:
    position = _position(session, position_id)
    position.manager_id = manager_id
    position.sort_order = order
    session.flush()


def update_fields(session: Session, position_id: int, changes: dict[str, Any]) -> None:
    """Write field values already checked by `validated` (the edit core validates once, when
    the user's request becomes an edit)."""
    position = _position(session, position_id)
    for name, value in changes.items():
        if name not in EDITABLE_FIELDS:
            raise PlanEditError(f"{name!r} is not an editable field of a position")
        setattr(position, name, value)
    session.flush()


def field_values(session: Session, position_id: int, names: Iterable[str]) -> dict[str, Any]:
    position = _position(session, position_id)
    return {name: getattr(position, name) for name in names}


def validated(name: str, value: Any) -> Any:
    """Check a field value a user typed; raises PlanEditError with a message for the user."""
    if name == "title" and not str(value).strip():
        raise PlanEditError(QT_TRANSLATE_NOOP("PlanEditError", "a position needs a title"))
    if name == "headcount" and (not isinstance(value, int) or value < 1):
        raise PlanEditError(
            QT_TRANSLATE_NOOP("PlanEditError", "headcount must be a whole number, 1 or more")
        )
    if name == "email":
        value = checked_email(value)
    if name == "annual_cost":
        value = checked_amount(value, "annual_cost")
    if name == "capacity_override" and value is not None:
        value = checked_amount(value, "capacity_override")
    if name == "headcount" and value > MAX_COUNT:
        raise PlanEditError(
            QT_TRANSLATE_NOOP("PlanEditError", "headcount must be at most {limit}"), limit=MAX_COUNT
        )
    if name == "start_month" and value is not None and not isinstance(value, YearMonth):
        raise PlanEditError(
            QT_TRANSLATE_NOOP("PlanEditError", "start month must be a year and month")
        )
    if name == "person_name" and value is not None:
        value = str(value).strip() or None
    if name == "staff":
        value = bool(value)
    return value


def new_dotted_line_row(session: Session, scenario: Scenario, from_id: int, to_id: int) -> Row:
    if from_id == to_id:
        raise PlanEditError(
            QT_TRANSLATE_NOOP("PlanEditError", "a dotted line needs two different positions")
        )
    if dotted_line_row(session, from_id, to_id) is not None:
        raise PlanEditError(QT_TRANSLATE_NOOP("PlanEditError", "that dotted line is already there"))
    session.flush()
    highest = session.scalar(select(func.max(DottedLine.id)))
    return {
        "id": (highest or 0) + 1,
        "scenario_id": scenario.id,
        "from_position_id": from_id,
        "to_position_id": to_id,
    }


def _position(session: Session, position_id: int) -> Position:
    position = session.get(Position, position_id)
    if position is None:
        raise PlanEditError(f"no position with id {position_id}")
    return position


def _ids_in(position_ids: Sequence[int]) -> Any:
    return Position.id.in_(list(position_ids))


def dotted_line_row(session: Session, from_id: int, to_id: int) -> Row | None:
    line = session.scalar(
        select(DottedLine).where(
            DottedLine.from_position_id == from_id, DottedLine.to_position_id == to_id
        )
    )
    return None if line is None else column_values(line)


def insert_dotted_line(session: Session, row: Row) -> None:
    session.add(DottedLine(**row))
    session.flush()


def remove_dotted_line(session: Session, line_id: int) -> None:
    session.execute(
        delete(DottedLine).where(DottedLine.id == line_id),
        execution_options={"synchronize_session": "fetch"},
    )
    session.flush()


TARGET_FIELDS = (
    "goal",
    "leads",
    "close_rate",
    "average_deal",
    "base_revenue",
    "retention",
    "expansion",
)
RATE_FIELDS = ("close_rate", "retention")
SEASONALITY = "seasonality"  # kept with the targets: the twelve weights as text (None: flat)


def checked_amount(value: Any, field: str) -> Decimal:
    """Money a user typed, in cents; bounded so that it fits the file's integer cents."""
    if not isinstance(value, Decimal) or not value.is_finite() or value < 0:
        raise PlanEditError(
            QT_TRANSLATE_NOOP("PlanEditError", "{field} must be a number, 0 or more"), field=field
        )
    if value > MAX_AMOUNT:
        raise PlanEditError(
            QT_TRANSLATE_NOOP("PlanEditError", "{field} must be at most {limit}"),
            field=field,
            limit=MAX_AMOUNT,
        )
    return to_money(value)


def validated_target(name: str, value: Any) -> Any:
    """Check a driver input a user typed; raises PlanEditError with a message for the user."""
    if name not in TARGET_FIELDS:
        raise PlanEditError(f"{name!r} is not a target")
    if name == "leads":
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_COUNT:
            raise PlanEditError(
                QT_TRANSLATE_NOOP(
                    "PlanEditError", "leads must be a whole number from 0 to {limit}"
                ),
                limit=MAX_COUNT,
            )
        return value
    if name in RATE_FIELDS:
        if not isinstance(value, Decimal) or not value.is_finite() or not 0 <= value <= 1:
            raise PlanEditError(
                QT_TRANSLATE_NOOP("PlanEditError", "{field} must be between 0 % and 100 %"),
                field=name,
            )
        return value
    return checked_amount(value, name)


def set_target(session: Session, scenario_id: int, name: str, value: Any) -> None:
    targets = session.get(Targets, scenario_id)
    if targets is None:
        raise PlanEditError(f"no targets for scenario {scenario_id}")
    if name not in TARGET_FIELDS and name != SEASONALITY:
        raise PlanEditError(f"{name!r} is not a target")
    setattr(targets, name, value)  # checked by validated_target when the edit was made
    session.flush()


def validated_assumption(metric: str, value: Any) -> Decimal:
    """Check an assumption a user typed, by what it measures (a rate, months, an amount)."""
    if not isinstance(value, Decimal) or not value.is_finite() or value < 0:
        raise PlanEditError(
            QT_TRANSLATE_NOOP("PlanEditError", "{field} must be a number, 0 or more"), field=metric
        )
    if metric in RATE_METRICS and value > 1:
        raise PlanEditError(
            QT_TRANSLATE_NOOP("PlanEditError", "{field} must be between 0 % and 100 %"),
            field=metric,
        )
    if metric in WHOLE_METRICS:
        lowest, highest = WHOLE_METRICS[metric]
        if value != value.to_integral_value() or not lowest <= value <= highest:
            raise PlanEditError(
                QT_TRANSLATE_NOOP(
                    "PlanEditError", "{field} must be a whole number from {lowest} to {highest}"
                ),
                field=metric,
                lowest=lowest,
                highest=highest,
            )
        return value.quantize(Decimal(1))
    if value > MAX_AMOUNT:
        raise PlanEditError(
            QT_TRANSLATE_NOOP("PlanEditError", "{field} must be at most {limit}"),
            field=metric,
            limit=MAX_AMOUNT,
        )
    return value


def set_assumption(session: Session, assumption_id: int, value: Any) -> None:
    assumption = session.get(Assumption, assumption_id)
    if assumption is None:
        raise PlanEditError(f"no assumption with id {assumption_id}")
    assumption.value = value  # checked by validated_assumption when the edit was made
    session.flush()
