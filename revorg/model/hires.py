"""Suggested hires as open positions on the chart: where each one goes and what it starts as."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from revorg.model.edits import next_position_id, next_sort_order
from revorg.model.entities import RoleType, Scenario
from revorg.model.errors import PlanEditError
from revorg.model.months import YearMonth
from revorg.model.planning import SPAN_LIMIT_BY_ROLE, SPAN_LIMIT_DEFAULT
from revorg.model.rows import Row, open_position_row, position_rows


class PlacedPosition(Protocol):
    """What placing hires reads of a position on the chart (a PositionRow or a Position)."""

    @property
    def id(self) -> int: ...
    @property
    def manager_id(self) -> int | None: ...
    @property
    def role_key(self) -> str: ...
    @property
    def department_key(self) -> str: ...
    @property
    def headcount(self) -> int: ...


class HirePlacement:
    """Where each suggested hire reports, keeping managers within their span of control.

    A hire goes to the manager who already leads most people in its role, while that manager
    has room; then to the next such manager; then to a leader of the role's department with
    room. When nobody has room it still goes to the first choice, and the span warning says so.

    A chart has tens of thousands of positions and a few roles to hire: the positions are
    read once per role hired, when its first hire is placed (its candidates, and the people
    who already report to them); the first candidate with room is remembered, since placing
    only ever takes room away.
    """

    def __init__(self, positions: Iterable[PlacedPosition], roles: Mapping[str, RoleType]) -> None:
        self.positions = list(positions)
        self.roles = roles
        self.role_of: dict[int, str] = {}  # of the candidates
        self.reports: dict[int, int] = {}  # heads reporting to each candidate, hires included
        self._leader_roles = {key for key, role in roles.items() if role.is_leader}
        self._candidates: dict[str, list[int]] = {}
        self._first_with_room: dict[str, int] = {}

    def candidates(self, role_key: str) -> list[int]:
        found = self._candidates.get(role_key)
        if found is None:
            leading = self._leading(role_key)
            found = self._candidates[role_key] = leading + self._leaders(role_key, set(leading))
            self._count_reports(found)
        return found

    def _leading(self, role_key: str) -> list[int]:
        """Managers of the role, most of it first (positions counted, not heads)."""
        teams = Counter(
            p.manager_id
            for p in self.positions
            if p.role_key == role_key and p.manager_id is not None
        )
        return [m for m, _n in sorted(teams.items(), key=lambda item: (-item[1], item[0]))]

    def _leaders(self, role_key: str, leading: set[int]) -> list[int]:
        """Leaders of the role's department who do not lead the role already, by id."""
        role = self.roles.get(role_key)
        if role is None:
            return []
        department, leader_roles = role.department_key, self._leader_roles
        return sorted(
            p.id
            for p in self.positions
            if p.department_key == department and p.role_key in leader_roles and p.id not in leading
        )

    def _count_reports(self, managers: list[int]) -> None:
        new = {manager for manager in managers if manager not in self.reports}
        if not new:
            return
        for manager in new:
            self.reports[manager] = 0
        for position in self.positions:
            if position.manager_id in new:
                self.reports[position.manager_id] += position.headcount
            if position.id in new:
                self.role_of[position.id] = position.role_key

    def has_room(self, manager_id: int) -> bool:
        limit = SPAN_LIMIT_BY_ROLE.get(self.role_of.get(manager_id, ""), SPAN_LIMIT_DEFAULT)
        return self.reports[manager_id] < limit

    def place(self, role_key: str) -> int | None:
        """The manager of one more head of `role_key` (None: a new top of the chart)."""
        candidates = self.candidates(role_key)
        if not candidates:
            return None
        index = self._first_with_room.get(role_key, 0)
        while index < len(candidates) and not self.has_room(candidates[index]):
            index += 1
        self._first_with_room[role_key] = index
        manager = candidates[index] if index < len(candidates) else candidates[0]
        self.reports[manager] += 1
        return manager


def suggested_hire_rows(
    session: Session,
    scenario: Scenario,
    hires: Mapping[str, int],
    start: YearMonth,
    language: str = "en",
    positions: Iterable[PlacedPosition] | None = None,
) -> list[Row]:
    """One open position per head to hire, starting at `start`, with consecutive fresh ids.
    `positions`: the scenario's positions, when the caller holds them."""
    if positions is None:
        positions = position_rows(session, scenario.id)
    roles = {role.key: role for role in session.scalars(select(RoleType))}
    first_id = next_position_id(session)
    next_order: dict[int | None, int] = {}
    rows: list[Row] = []
    placement = HirePlacement(positions, roles)
    for role_key, count in hires.items():
        role = roles.get(role_key)
        if role is None:
            raise PlanEditError(f"unknown role {role_key!r}")
        for _head in range(count):
            manager = placement.place(role_key)
            if manager not in next_order:
                next_order[manager] = next_sort_order(session, scenario, manager)
            rows.append(
                open_position_row(
                    role,
                    id=first_id + len(rows),
                    scenario_id=scenario.id,
                    manager_id=manager,
                    sort_order=next_order[manager],
                    language=language,
                    start_month=start,
                )
            )
            next_order[manager] += 1
    return rows
