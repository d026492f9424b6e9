"""Suggested hires as open positions on the chart: where each one goes and what it starts as."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from revorg.model.edits import Row, new_position_row, next_position_id, next_sort_order
from revorg.model.entities import Position, RoleType, Scenario
from revorg.model.months import YearMonth
from revorg.model.planning import SPAN_LIMIT_BY_ROLE, SPAN_LIMIT_DEFAULT


class HirePlacement:
    """Where each suggested hire reports, keeping managers within their span of control.

    A hire goes to the manager who already leads most people in its role, while that manager
    has room; then to the next such manager; then to a leader of the role's department with
    room. When nobody has room it still goes to the first choice, and the span warning says so.
    """

    def __init__(self, positions: Sequence[Position], roles: Mapping[str, RoleType]) -> None:
        self.positions = positions
        self.roles = roles
        self.role_of = {p.id: p.role_key for p in positions}
        self.reports: Counter[int] = Counter()
        for position in positions:
            if position.manager_id is not None:
                self.reports[position.manager_id] += position.headcount

    def candidates(self, role_key: str) -> list[int]:
        teams = Counter(
            p.manager_id
            for p in self.positions
            if p.role_key == role_key and p.manager_id is not None
        )
        leading = [m for m, _n in sorted(teams.items(), key=lambda item: (-item[1], item[0]))]
        role = self.roles.get(role_key)
        leaders = sorted(
            p.id
            for p in self.positions
            if role is not None
            and p.department_key == role.department_key
            and p.role_key in self.roles
            and self.roles[p.role_key].is_leader
            and p.id not in leading
        )
        return leading + leaders

    def has_room(self, manager_id: int) -> bool:
        limit = SPAN_LIMIT_BY_ROLE.get(self.role_of.get(manager_id, ""), SPAN_LIMIT_DEFAULT)
        return self.reports[manager_id] < limit

    def place(self, role_key: str) -> int | None:
        """The manager of one more head of `role_key` (None: a new top of the chart)."""
        candidates = self.candidates(role_key)
        if not candidates:
            return None
        manager = next((c for c in candidates if self.has_room(c)), candidates[0])
        self.reports[manager] += 1
        return manager


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
    placement = HirePlacement(positions, roles)
    for role_key, count in hires.items():
        for _head in range(count):
            manager = placement.place(role_key)
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
