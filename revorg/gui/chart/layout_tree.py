"""What the layout (revorg.gui.chart.layout) leans on: a manager's reports spread along their
row (Buchheim's rules), a team's contours made from its reports' contours, and whether a card
is shown at all. Qt-free."""

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


def spread_reports(
    lefts: Sequence[list[float]],
    rights: Sequence[list[float]],
    distance: float,
    extra: Sequence[float] | None,
) -> list[float]:
    """The x of each report of a manager, the first at 0: each report's team (its left and
    right contours, relative to it, by level below) pushed right against the teams on its
    left, the push spread evenly over the smaller teams in between (Buchheim's MOVE SUBTREE
    and EXECUTE SHIFTS). `extra`: room taken right of each report (its staff's column)."""
    count = len(lefts)
    xs = [0.0] * count
    shifts = [0.0] * count
    changes = [0.0] * count
    forest = [0.0, *rights[0]]  # right contour of the teams placed so far, by level
    owner = [0] * len(forest)  # the report whose team makes that contour
    for i in range(1, count):
        x = xs[i - 1] + distance
        if extra is not None:
            x += extra[i - 1]
        left = lefts[i]
        for level in range(1, min(len(forest) - 1, len(left)) + 1):
            gap = forest[level] + distance - (x + left[level - 1])
            if gap > 0:
                ancestor = owner[level]
                x += gap
                portion = gap / (i - ancestor)
                changes[i] -= portion
                shifts[i] += gap
                changes[ancestor] += portion
        xs[i] = x
        forest[0] = x
        owner[0] = i
        for level, value in enumerate(rights[i], start=1):
            if level < len(forest):
                forest[level] = x + value
                owner[level] = i
            else:
                forest.append(x + value)
                owner.append(i)
    shift = change = 0.0
    for j in range(count - 1, -1, -1):
        xs[j] += shift
        change += changes[j]
        shift += shifts[j] + change
    return xs
