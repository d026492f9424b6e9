"""Which teams the chart shows open: expansion by level, the levels that fit a view, the teams
opened when a card is expanded, and a collapsed team's roll-up. Qt-free.

Every walk here is of the shown part of the chart, or of one team: opening a plan of 10,000
positions at its top two levels visits those levels, not the whole tree.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from revorg.gui.chart.layout import compute_layout
from revorg.gui.chart.layout_result import LayoutMetrics
from revorg.model.rows import PositionRow

Children = Mapping[int | None, Sequence[int]]

ALL_LEVELS = 0  # "Expand all": nothing collapsed
OPENED_AT_ONCE = 40  # cards an expanding click shows at most (one level always)
SHOWN_LEVELS_AT_LEAST = 2  # the first view shows the top two levels, fitting or not


@dataclass(frozen=True)
class TeamRollup:
    """What a collapsed card stands for: the positions below it, their people (heads), the
    open heads among them, and their cost a year (the sum of the cards' costs)."""

    positions: int
    people: int
    open_people: int
    annual_cost: Decimal


def levels(children: Children, tops: Sequence[int], deepest: int) -> list[list[int]]:
    """The cards level by level from the top (level 1: `tops`), down to `deepest` levels."""
    result: list[list[int]] = []
    current = list(tops)
    while current and len(result) < deepest:
        result.append(current)
        current = [report for node in current for report in children.get(node, ())]
    return result


def collapsed_at_level(children: Children, tops: Sequence[int], level: int) -> set[int]:
    """The collapsed teams of "Expand to level N": the managers on level N (ALL_LEVELS: none)."""
    if level == ALL_LEVELS:
        return set()
    found = levels(children, tops, level)
    if len(found) < level:
        return set()  # the chart is not that deep: everything shows
    return {node for node in found[-1] if children.get(node)}


def levels_that_fit(
    children: Children,
    tops: Sequence[int],
    metrics: LayoutMetrics,
    compact: bool,
    area: tuple[float, float],
    zoom: float,
) -> int:
    """The most levels (at least two) whose layout fits `area` (view pixels) at `zoom`;
    ALL_LEVELS when the whole chart fits."""
    width, height = area
    chosen = SHOWN_LEVELS_AT_LEAST
    level = SHOWN_LEVELS_AT_LEAST
    while True:
        collapsed = collapsed_at_level(children, tops, level)
        left, top, right, bottom = compute_layout(
            children, metrics, collapsed=collapsed, compact=compact
        ).bounds(metrics)
        if (right - left) * zoom > width or (bottom - top) * zoom > height:
            return chosen
        if not collapsed:
            return ALL_LEVELS
        chosen = level
        level += 1


def opened_by_expanding(
    children: Children, node: int, budget: int = OPENED_AT_ONCE
) -> tuple[set[int], set[int]]:
    """Expanding a card: its team down as many levels as show `budget` cards or fewer (one
    level at least). Returns the managers to open and those left collapsed at the last level."""
    opened = {node}
    level = list(children.get(node, ()))
    shown = len(level)
    while True:
        below = [report for member in level for report in children.get(member, ())]
        if not below or shown + len(below) > budget:
            return opened, {member for member in level if children.get(member)}
        opened.update(member for member in level if children.get(member))
        shown += len(below)
        level = below


def rollup(children: Children, positions: Mapping[int, PositionRow], manager: int) -> TeamRollup:
    """The positions below `manager` summed (a walk of its team only)."""
    count = people = open_people = 0
    cost = Decimal(0)
    stack = list(children.get(manager, ()))
    seen = {manager}  # a damaged plan's loop must not hang the chart
    while stack:
        node = stack.pop()
        if node in seen:
            continue
        seen.add(node)
        row = positions.get(node)
        if row is not None:
            count += 1
            people += row.headcount
            if row.is_open:
                open_people += row.headcount
            cost += row.annual_cost * row.headcount
        stack.extend(children.get(node, ()))
    return TeamRollup(count, people, open_people, cost)


def collapsed_above(
    parent: Mapping[int, int | None], collapsed: Collection[int], node: int
) -> list[int]:
    """The collapsed managers above a card (they hide it), nearest first."""
    found: list[int] = []
    seen = {node}
    manager = parent.get(node)
    while manager is not None and manager not in seen:
        if manager in collapsed:
            found.append(manager)
        seen.add(manager)
        manager = parent.get(manager)
    return found


def beside_path(
    children: Children, parent: Mapping[int, int | None], top: int, node: int
) -> set[int]:
    """The teams to close when `top` opens to show `node` (in its team) and no more: the
    reports beside the path from `top` down to `node` that have teams, and `node`'s own."""
    path: list[int] = []
    seen = {node}
    current = parent.get(node)
    while current is not None and current not in seen:  # a damaged plan's loop ends here
        path.append(current)
        seen.add(current)
        if current == top:
            break
        current = parent.get(current)
    on_path = set(path) | {node}
    closed = {node} if children.get(node) else set()
    for manager in path:
        closed.update(r for r in children.get(manager, ()) if r not in on_path and children.get(r))
    return closed


def is_below(parent: Mapping[int, int | None], node: int, top: int) -> bool:
    """Whether `node` is `top` or in its team."""
    seen: set[int] = set()
    current: int | None = node
    while current is not None and current not in seen:
        if current == top:
            return True
        seen.add(current)
        current = parent.get(current)
    return False


def known_managers(children: Children, ids: Iterable[object]) -> set[int]:
    """The ids (from a saved expansion) that are still managers of this chart."""
    return {i for i in ids if isinstance(i, int) and children.get(i)}
