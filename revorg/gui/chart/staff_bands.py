"""The bands of staff cards between a manager's row and its team's (issue 19, item 4): how
many staff stack beside one card of each row, and how far they push the rows below down.
Kept apart from the layout's placing of teams, which reads them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from revorg.gui.chart.layout_result import LayoutMetrics


def staff_bands(
    beside: Mapping[int, tuple[int, ...]],
    kids: Mapping[int, tuple[int, ...]],
    parent: Mapping[int, int | None],
    root: int,
) -> dict[int, int]:
    """For each row (by depth from the top) with staff shown beside a card of it, the most
    staff beside one card. `beside`: each manager's shown staff; `kids`: each shown manager's
    shown reports, the tops under `root`. Each manager with staff climbs to the top once:
    depths found on the way are kept, so the whole costs at most one step per card."""
    if not beside:
        return {}
    tops = set(kids.get(root, ()))
    depth: dict[int, int] = {}  # -1: not shown (under a collapsed card, or outside focus)
    bands: dict[int, int] = {}
    for manager, staff in beside.items():
        path: list[int] = []
        node = manager
        while True:
            if node in depth:
                found = depth[node]
                break
            if node in tops:
                found = depth[node] = 0
                break
            up = parent.get(node)
            if up is None or up not in kids or len(path) > len(parent):
                found = -1  # not under the top, or a collapsed team; a loop never hangs
                depth[node] = found
                break
            path.append(node)
            node = up
        for node in reversed(path):
            found = -1 if found < 0 else found + 1
            depth[node] = found
        level = depth[manager]
        if level >= 0 and len(staff) > bands.get(level, 0):
            bands[level] = len(staff)
    return bands


def band_height(count: int, metrics: LayoutMetrics) -> float:
    """How far a row's team rows move down for `count` staff stacked beside one card."""
    if not count:
        return 0.0
    return (count - 1) * (metrics.card_height + metrics.stack_gap) + (
        metrics.card_height + metrics.vertical_gap
    )
