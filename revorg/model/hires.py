"""Suggested hires as open positions on the chart: where each one goes and what it starts as."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from revorg.model.edits import Row, new_position_row, next_position_id, next_sort_order
from revorg.model.entities import Position, RoleType, Scenario
from revorg.model.months import YearMonth


def hire_manager(
    positions: list[Position], roles: Mapping[str, RoleType], role_key: str
) -> int | None:
    """Where a new hire of a role reports: to the manager who already leads most people in that
    role, else to a leader of the role's department, else nobody (a new top of the chart)."""
    teams = Counter(
        p.manager_id for p in positions if p.role_key == role_key and p.manager_id is not None
    )
    if teams:
        return max(teams.items(), key=lambda item: (item[1], -item[0]))[0]
    role = roles.get(role_key)
    if role is None:
        return None
    leaders = [
        p.id
        for p in positions
        if p.department_key == role.department_key and roles[p.role_key].is_leader
    ]
    return min(leaders) if leaders else None


def suggested_hire_rows(
    session: Session,
    scenario: Scenario,
    hires: Mapping[str, int],
    start: YearMonth,
    language: str = "en",
) -> list[Row]:
    """One open position per head to hire, starting at `start`, with consecutive fresh ids."""
    positions = list(session.scalars(select(Position).where(Position.scenario_id == scenario.id)))
    roles = {role.key: role for role in session.scalars(select(RoleType))}
    first_id = next_position_id(session)
    next_order: dict[int | None, int] = {}
    rows: list[Row] = []
    for role_key, count in hires.items():
        manager = hire_manager(positions, roles, role_key)
        for _head in range(count):
            if manager not in next_order:
                next_order[manager] = next_sort_order(session, scenario, manager)
            row = new_position_row(
                session, scenario, role_key, manager, language=language,
                sort_order=next_order[manager],
            )  # fmt: skip
            next_order[manager] += 1
            row["id"] = first_id + len(rows)
            row["start_month"] = start
            rows.append(row)
    return rows
