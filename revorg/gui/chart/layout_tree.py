"""Two walks of the tree the layout leans on (revorg.gui.chart.layout): a team's contours, made
from its reports' contours, and whether a card is shown at all. Qt-free."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence

NO_CONTOUR: list[float] = []


def is_shown(
    position_id: int,
    parent: Mapping[int, int | None],
    kids: Mapping[int, tuple[int, ...]],
    tops: Collection[int],
) -> bool:
    """Whether a card is in the chart: at its top (a root, or the team in focus), or shown
    in its manager's team, up to the top."""
    node = position_id
    for _level in range(len(parent) + 1):  # a damaged plan's loop must not hang the chart
        if node in tops:
            return True
        manager = parent.get(node)
        if manager is None or manager not in kids:  # a root below the focus, or collapsed
            return False
        node = manager
    return False


def team_contour(
    offsets: Sequence[float],
    contours: Sequence[list[float]],
    pick: Callable[[float, float], float],
) -> list[float]:
    """The leftmost (pick=min) or rightmost (pick=max) x at each level below a manager.

    Teams are placed apart at every level they share, so the leftmost card of a level is in
    the first team that reaches it, and the rightmost in the last one."""
    indexes = range(len(offsets)) if pick is min else range(len(offsets) - 1, -1, -1)
    result: list[float] = []
    for index in indexes:
        contour = contours[index]
        if len(contour) + 1 > len(result):
            offset = offsets[index]
            if not result:
                result.append(offset)
            result.extend([offset + value for value in contour[len(result) - 1 :]])
    return result
