"""What the chart's layout works with and gives: the card grid's measures (`LayoutMetrics`) and
the card centres it computed (`ChartLayout`). Qt-free, like the layout (revorg.gui.chart.layout)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class LayoutMetrics:
    card_width: float = 244.0  # a name up to "Chief Revenue Officer" on one line
    card_height: float = 100.0  # two lines of name, role, person, cost
    horizontal_gap: float = 28.0
    vertical_gap: float = 56.0
    stack_gap: float = 14.0  # between cards of a compact column

    @property
    def sibling_distance(self) -> float:
        return self.card_width + self.horizontal_gap


@dataclass
class ChartLayout:
    """Card centres in scene coordinates, and the stacked columns of compact mode."""

    centres: dict[int, tuple[float, float]] = field(default_factory=dict)
    stacked: dict[int, list[int]] = field(default_factory=dict)  # manager -> leaf column
    extent: tuple[float, float, float, float] | None = None  # (min x, min y, max x, max y)
    # Against the previous layout of the same IncrementalLayout: the ids placed anew or
    # elsewhere, and the ids no longer placed (removed, or in a collapsed team).
    changed: list[int] = field(default_factory=list)
    dropped: list[int] = field(default_factory=list)
    regrouped: list[int] = field(default_factory=list)  # managers whose shown reports changed
    follows: bool = False  # a layout after an edit of the previous one (False: a first one)
    staff: dict[int, list[int]] = field(default_factory=dict)  # manager -> staff beside it
    # A manager's team's width: the leftmost and rightmost centre below it, relative to it
    # (None: not known). Lets the lines be drawn for the teams on screen alone.
    spans: Callable[[int], tuple[float, float] | None] | None = None

    def bounds(self, metrics: LayoutMetrics) -> tuple[float, float, float, float]:
        """(left, top, right, bottom) around every card."""
        if not self.centres:
            return (0.0, 0.0, metrics.card_width, metrics.card_height)
        if self.extent is None:
            xs = [x for x, _ in self.centres.values()]
            ys = [y for _, y in self.centres.values()]
            self.extent = (min(xs), min(ys), max(xs), max(ys))
        min_x, min_y, max_x, max_y = self.extent
        half_w, half_h = metrics.card_width / 2, metrics.card_height / 2
        return (min_x - half_w, min_y - half_h, max_x + half_w, max_y + half_h)
