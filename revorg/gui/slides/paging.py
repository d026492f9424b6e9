"""Which cards go on which slide: the top levels of the chart on the first slide, as deep as
they fit at a readable size, and a slide for each team cut off there (recursively). A team too
wide for one slide even one level deep is shown in parts, on consecutive slides.

Qt-free. Positions come from the chart's own tidy layout (revorg.gui.chart.layout), in points
at scale 1: a slide draws its layout scaled by `OrgPage.scale`, never below 1, so that no card
text is smaller than its size at scale 1 (9 pt, see revorg.gui.slides.drawing).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

from revorg.gui.chart.layout import compute_layout
from revorg.gui.chart.layout_result import ChartLayout, LayoutMetrics

# Sizes in points at scale 1: a card holds four lines (a title on two lines when the card has
# no team line).
SLIDE_METRICS = LayoutMetrics(
    card_width=122.0, card_height=52.0, horizontal_gap=16.0, vertical_gap=22.0, stack_gap=6.0
)
STACK_INDENT = 8.0  # points a stacked column sits right of its manager; its lines run there
MIN_SCALE = 1.0  # below this a card's text is under 9 pt
MAX_SCALE = 1.5  # a small team is not blown up to poster size
MIN_COLUMN = 3  # the chart stacks a team in a column from three reports
STAND_IN = -1000  # ids of the stand-ins that place the columns of a wide team (never drawn)

Children = Mapping[int | None, Sequence[int]]


@dataclass(frozen=True)
class Area:
    """The part of a slide the chart may use, in points."""

    width: float
    height: float


@dataclass
class OrgPage:
    """One slide of the chart: `manager`'s team (None: the top of the chart), the reports of
    `manager` shown here (`part` of `parts` when the team is split), and the laid-out cards."""

    manager: int | None
    shown: list[int]
    layout: ChartLayout
    children: dict[int | None, list[int]]  # the reports drawn on this slide, per card
    scale: float
    part: int = 1
    parts: int = 1
    cut: list[int] = field(default_factory=list)  # cards whose team is on a later slide
    # Filled in by plan_pages: where each cut team starts, and where this team's manager is.
    team_page: dict[int, int] = field(default_factory=dict)
    parent_page: int | None = None
    # A wide team in columns side by side: each report and its column (see _in_columns).
    columns: dict[int, int] = field(default_factory=dict)
    _in_columns: set[int] | None = field(default=None, repr=False)

    def cards(self) -> list[int]:
        return list(self.layout.centres)

    def stacked_under(self, position_id: int) -> bool:
        """Whether the card is in a stacked column (drawn STACK_INDENT right of its place)."""
        if not self.layout.stacked or self.columns:  # two columns: lines run between them
            return False
        if self._in_columns is None:
            self._in_columns = {i for column in self.layout.stacked.values() for i in column}
        return position_id in self._in_columns


def plan_pages(
    children: Children,
    area: Area,
    metrics: LayoutMetrics = SLIDE_METRICS,
    min_scale: float = MIN_SCALE,
    max_scale: float = MAX_SCALE,
    staff: Collection[int] = (),
) -> list[OrgPage]:
    """The chart's slides, the first one the top of the chart, then each cut team in the
    order they are met (breadth first), the parts of one team together. `staff` cards are
    drawn beside their managers, as the chart draws them."""
    planner = _Planner(children, area, metrics, min_scale, max_scale)
    planner.staff = frozenset(staff)
    pages: list[OrgPage] = []
    # (manager, its page): one top (the CRO) is a manager like another, and its team may
    # come in columns; several tops share the first slide.
    roots = list(children.get(None, ()))
    top = roots[0] if len(roots) == 1 else None
    queue: deque[tuple[int | None, int | None]] = deque([(top, None)])
    while queue:
        manager, parent_page = queue.popleft()
        first = len(pages)
        parts = planner.pages_of(manager)
        for page in parts:
            page.parent_page = parent_page
            pages.append(page)
        for index, page in enumerate(parts):
            for cut in page.cut:
                queue.append((cut, first + index))
    # A cut team's first slide, for the link on its collapsed card.
    first_of: dict[int, int] = {}
    for index, page in enumerate(pages):
        if page.manager is not None and page.parent_page is not None:
            first_of.setdefault(page.manager, index)
    for page in pages:
        page.team_page = {cut: first_of[cut] for cut in page.cut}
    return pages


class _Planner:
    def __init__(
        self,
        children: Children,
        area: Area,
        metrics: LayoutMetrics,
        min_scale: float,
        max_scale: float,
    ) -> None:
        self.children = children
        self.area = area
        self.metrics = metrics
        self.min_scale = min_scale
        self.max_scale = max_scale
        self.staff: Collection[int] = frozenset()

    def pages_of(self, manager: int | None) -> list[OrgPage]:
        """`manager`'s team (None: the roots) on one slide, or in parts when it is too wide."""
        reports = list(self.children.get(manager, ()))
        whole = self._deepest(manager, reports) or self._in_columns(manager, reports)
        if whole is not None:
            return [whole]
        chunks: list[list[int]] = []
        start = 0
        while start < len(reports):
            # The longest run of reports that still fits one level deep (at least one).
            end = start + 1
            while end < len(reports) and (
                self._fit(manager, reports[start : end + 1], 1)
                or self._in_columns(manager, reports[start : end + 1])
            ):
                end += 1
            chunks.append(reports[start:end])
            start = end
        pages = []
        for number, chunk in enumerate(chunks, start=1):
            page = (
                self._deepest(manager, chunk)
                or self._in_columns(manager, chunk)
                or self._page(manager, chunk, 1, force=True)
            )
            assert page is not None
            page.part, page.parts = number, len(chunks)
            pages.append(page)
        return pages

    def _deepest(self, manager: int | None, shown: list[int]) -> OrgPage | None:
        """The page with the most levels below the shown reports that fits, if one does."""
        depth = self._depth_below(shown)
        for levels in range(depth, 0, -1):
            page = self._fit(manager, shown, levels)
            if page is not None:
                return page
        return None

    def _depth_below(self, shown: list[int]) -> int:
        """Levels from the shown reports down to the deepest card of their teams."""
        deepest, level, row = 0, 1, list(shown)
        while row:
            deepest = level
            row = [kid for node in row for kid in self.children.get(node, ())]
            level += 1
        return deepest

    def _fit(self, manager: int | None, shown: list[int], levels: int) -> OrgPage | None:
        """The page with `levels` levels of the shown reports' teams (1: the reports alone),
        spread out or with leaf teams in columns, whichever reads larger; None if neither
        fits at the smallest scale."""
        best: OrgPage | None = None
        for compact in (False, True):
            page = self._page(manager, shown, levels, compact=compact)
            if page is not None and (best is None or page.scale > best.scale):
                best = page
        return best

    def _page(
        self,
        manager: int | None,
        shown: list[int],
        levels: int,
        *,
        compact: bool = False,
        force: bool = False,
    ) -> OrgPage | None:
        drawn: dict[int | None, list[int]] = {}
        if manager is None:
            drawn[None] = list(shown)
        else:
            drawn[None] = [manager]
            drawn[manager] = list(shown)
        cut: list[int] = []
        row = list(shown)
        for level in range(levels):
            below: list[int] = []
            for node in row:
                kids = list(self.children.get(node, ()))
                if not kids:
                    continue
                if level == levels - 1:
                    cut.append(node)
                else:
                    drawn[node] = kids
                    below.extend(kids)
            row = below
        layout = compute_layout(drawn, self.metrics, compact=compact, staff=self.staff)
        scale = self._scale(layout)
        if scale < self.min_scale and not force:
            return None
        return OrgPage(manager, list(shown), layout, drawn, max(scale, self.min_scale), cut=cut)

    def _in_columns(self, manager: int | None, shown: list[int]) -> OrgPage | None:
        """The reports one level deep in two columns (their teams cut), the lines running
        down between them, when neither a row nor one column fits: a team of twelve SDRs on
        one slide.

        The chart's layout places each column under a stand-in card; the stand-ins are then
        taken out and the columns moved up into their row."""
        if manager is None or len(shown) < 2 * MIN_COLUMN:
            return None
        metrics = self.metrics
        level = metrics.card_height + metrics.vertical_gap
        for count in (2,):
            size, extra = divmod(len(shown), count)
            groups, start = [], 0
            for index in range(count):  # as even as can be: sizes differ by one at most
                end = start + size + (1 if index < extra else 0)
                groups.append(shown[start:end])
                start = end
            stand_ins = [STAND_IN - index for index in range(count)]
            drawn: dict[int | None, list[int]] = {None: [manager], manager: stand_ins}
            drawn.update(zip(stand_ins, groups, strict=True))
            layout = compute_layout(drawn, metrics, compact=True)
            for stand_in, group in zip(stand_ins, groups, strict=True):
                del layout.centres[stand_in]
                for report in group:
                    x, y = layout.centres[report]
                    layout.centres[report] = (x, y - level)
            layout.extent = None  # the bounds of the cards as moved
            scale = self._scale(layout)
            if scale >= self.min_scale:
                cut = [report for report in shown if self.children.get(report)]
                children: dict[int | None, list[int]] = {None: [manager], manager: list(shown)}
                page = OrgPage(manager, list(shown), layout, children, scale, cut=cut)
                page.columns = {r: s for s, g in zip(stand_ins, groups, strict=True) for r in g}
                return page
        return None

    def _scale(self, layout: ChartLayout) -> float:
        left, top, right, bottom = layout.bounds(self.metrics)
        width = right - left + (STACK_INDENT if layout.stacked else 0.0)
        return min(self.area.width / width, self.area.height / (bottom - top), self.max_scale)
