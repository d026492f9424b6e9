"""Tidy top-down tree layout (Walker's rules as corrected by Buchheim, Juenger and Leipert,
2006), kept up to date incrementally. Qt-free: it maps a tree of ids to card centres.

Each manager keeps the offsets of its reports and the left and right contours of its team,
relative to itself. An edit changes the reports of a few managers: only they and the managers
above them are placed again, and the other teams are reused as they are. Placing a manager's
reports follows Buchheim's rules exactly: each report's team is pushed right against the
contour of the teams on its left, the push is spread evenly over the smaller teams in between,
and the manager is centred over its first and last report; so a full layout gives the same
centres as Buchheim's algorithm. Iterative rather than recursive, so deep management lines
never hit Python's recursion limit. In compact mode the leaf reports of a manager are stacked
in a column, which keeps wide SDR and AE teams narrow.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from operator import itemgetter

VIRTUAL_ROOT = -1  # joins several roots into one tree; never drawn
NO_CONTOUR: list[float] = []


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


def compute_layout(
    children: Mapping[int | None, Sequence[int]],
    metrics: LayoutMetrics,
    *,
    collapsed: Collection[int] = (),
    compact: bool = False,
) -> ChartLayout:
    """Lay out the forest whose roots are children[None]; collapsed nodes hide their reports."""
    return IncrementalLayout(metrics, compact).update(children, {}, collapsed)


class IncrementalLayout:
    """The layout of one chart, placed again only where its reporting lines changed.

    The centres are kept too: after an edit, only the dirty managers' teams are walked, and
    a team below them only if its place changed (then all of it, from its new place, as a
    full walk computes it). A change that moves the top of the chart places every card."""

    def __init__(self, metrics: LayoutMetrics, compact: bool = False) -> None:
        self.metrics = metrics
        self.compact = compact
        self._kids: dict[int, tuple[int, ...]] = {}  # shown reports of each manager
        self._offsets: dict[int, tuple[float, ...]] = {}  # their x relative to the manager
        self._left: dict[int, list[float]] = {}  # leftmost x of the team at each level below
        self._right: dict[int, list[float]] = {}
        self._stacked: set[int] = set()
        self._managers: set[int] = set()  # ids with reports, shown or collapsed
        self._xy: dict[int, tuple[float, float]] = {}  # the centres of the last layout
        self._stacked_shown: dict[int, list[int]] = {}  # its stacked columns
        self._top_x = 0.0

    def update(
        self,
        children: Mapping[int | None, Sequence[int]],
        parent: Mapping[int, int | None],
        collapsed: Collection[int] = (),
    ) -> ChartLayout:
        """The layout of the forest whose roots are children[None]. `parent` (each id's
        manager) finds the managers above a changed team; collapsed ids hide their reports."""
        previous = self._kids
        fresh = not previous
        regrouped: list[int] = []
        kids: dict[int, tuple[int, ...]] = {}
        were_managers = self._managers
        managers = self._managers = set()
        for manager, reports in children.items():
            node = VIRTUAL_ROOT if manager is None else manager
            if reports:
                managers.add(node)
            shown = () if not reports or node in collapsed else tuple(reports)
            if shown:
                kids[node] = shown
            if not fresh and previous.get(node, ()) != shown:
                regrouped.append(node)
        for gone in previous.keys() - kids.keys():
            regrouped.append(gone)
            self._forget(gone)
        if not fresh:
            # A collapsed card that gains or loses its last report changes how its manager's
            # team is placed (compact mode stacks only cards without reports).
            regrouped.extend(were_managers ^ managers)
        self._kids = kids
        dirty = None if fresh else self._with_managers_above(regrouped, parent)
        order = self._reports_first(dirty, children)
        for node in order:
            self._place(node)
        if dirty is None:
            return self._lay_out_all()
        # Teams changed inside a collapsed team were not placed: placed when it opens.
        for node in dirty.difference(order):
            self._forget(node)
        layout = self._lay_out_again(dirty, previous, parent)
        layout.regrouped = [node for node in dict.fromkeys(regrouped) if node != VIRTUAL_ROOT]
        layout.follows = True
        return layout

    def _forget(self, node: int) -> None:
        self._offsets.pop(node, None)
        self._left.pop(node, None)
        self._right.pop(node, None)
        self._stacked.discard(node)

    @staticmethod
    def _with_managers_above(regrouped: list[int], parent: Mapping[int, int | None]) -> set[int]:
        dirty: set[int] = set()
        for node in regrouped:
            while node not in dirty:
                dirty.add(node)
                if node == VIRTUAL_ROOT:
                    break
                manager = parent.get(node)
                node = VIRTUAL_ROOT if manager is None else manager
        return dirty

    def _reports_first(
        self, dirty: Collection[int] | None, children: Mapping[int | None, Sequence[int]]
    ) -> list[int]:
        """The shown managers to place, each after those below it: the dirty ones (None: all),
        and those never placed, in a team just expanded. The inside of a collapsed team is
        skipped: a chart opened at its top two levels places a few dozen teams, not all."""
        order: list[int] = []
        stack = [VIRTUAL_ROOT]
        kids, offsets = self._kids, self._offsets
        while stack:
            node = stack.pop()
            shown = kids.get(node)
            if shown is None:
                continue  # collapsed, or no reports
            order.append(node)
            stack.extend(
                report
                for report in shown
                if report in kids and (dirty is None or report in dirty or report not in offsets)
            )
        order.reverse()
        return order

    def _place(self, node: int) -> None:
        """Offsets of a manager's reports and the contours of its team, from its reports'
        teams (already placed)."""
        kids = self._kids[node]
        if (
            self.compact
            and node != VIRTUAL_ROOT
            and len(kids) >= 3
            and not any(kid in self._managers for kid in kids)
        ):
            # A collapsed manager is not stacked: its team's strip goes under its card.
            self._stacked.add(node)  # a column: every card under the manager
            self._offsets[node] = (0.0,) * len(kids)
            self._left[node] = [0.0] * len(kids)
            self._right[node] = [0.0] * len(kids)
            return
        self._stacked.discard(node)
        distance = self.metrics.sibling_distance
        lefts = [self._left.get(kid, NO_CONTOUR) for kid in kids]
        rights = [self._right.get(kid, NO_CONTOUR) for kid in kids]
        count = len(kids)
        xs = [0.0] * count
        shifts = [0.0] * count
        changes = [0.0] * count
        forest = [0.0, *rights[0]]  # right contour of the teams placed so far, by level
        owner = [0] * len(forest)  # the report whose team makes that contour
        for i in range(1, count):
            x = xs[i - 1] + distance
            left = lefts[i]
            for level in range(1, min(len(forest) - 1, len(left)) + 1):
                gap = forest[level] + distance - (x + left[level - 1])
                if gap > 0:
                    # Buchheim's MOVE SUBTREE: the teams in between share the push.
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
        shift = change = 0.0  # Buchheim's EXECUTE SHIFTS
        for j in range(count - 1, -1, -1):
            xs[j] += shift
            change += changes[j]
            shift += shifts[j] + change
        middle = (xs[0] + xs[-1]) / 2
        offsets = tuple(x - middle for x in xs)
        self._offsets[node] = offsets
        self._left[node] = _team_contour(offsets, lefts, min)
        self._right[node] = _team_contour(offsets, rights, max)

    def _top_left(self) -> float:
        """Where Buchheim's algorithm puts the top: the line of first reports ends at x = 0."""
        kids, offsets, stacked = self._kids, self._offsets, self._stacked
        x = 0.0
        node = VIRTUAL_ROOT
        while node in kids and node not in stacked:
            x -= offsets[node][0]
            node = kids[node][0]
        return x

    def _lay_out_all(self) -> ChartLayout:
        """Every centre of a new layout, walking the whole chart."""
        self._top_x = self._top_left()
        layout = ChartLayout()
        self._walk((), self._top_x, layout.centres, layout.stacked, layout.changed, True)
        self._xy, self._stacked_shown = dict(layout.centres), dict(layout.stacked)
        return self._with_extent(layout)

    def _lay_out_again(
        self,
        dirty: set[int],
        previous: dict[int, tuple[int, ...]],
        parent: Mapping[int, int | None],
    ) -> ChartLayout:
        """The centres after an edit of the dirty managers' teams. When the top moved (the
        teams on the left of the chart changed width), the whole chart is walked."""
        top_x = self._top_left()
        everything = top_x != self._top_x
        self._top_x = top_x
        changed: list[int] = []
        self._walk(dirty, top_x, self._xy, self._stacked_shown, changed, everything)
        dropped = self._dropped(dirty, previous, parent)
        for position_id in dropped:
            del self._xy[position_id]
            self._stacked_shown.pop(position_id, None)
        layout = ChartLayout(dict(self._xy), dict(self._stacked_shown), None, changed, dropped)
        return self._with_extent(layout)

    def _dropped(
        self,
        dirty: set[int],
        previous: dict[int, tuple[int, ...]],
        parent: Mapping[int, int | None],
    ) -> list[int]:
        """The cards that left the chart (removed, or in a collapsed team). Only a former
        report of a dirty manager that is no longer its report can have left, with the team
        it had: each such report is looked up in the tree, and one that left is dropped with
        its former team, but for the members that left that team too (they are looked up
        themselves: they may be on the chart elsewhere)."""
        left = {
            report
            for node in dirty
            for report in set(previous.get(node, ())).difference(self._kids.get(node, ()))
        }
        dropped: list[int] = []
        kids = self._kids
        tops = set(kids.get(VIRTUAL_ROOT, ()))
        for report in left:
            if _is_shown(report, parent, kids, tops):
                continue
            stack = [report]
            while stack:
                position_id = stack.pop()
                if position_id in self._xy:
                    dropped.append(position_id)
                stack.extend(i for i in previous.get(position_id, ()) if i not in left)
        return dropped

    def _walk(
        self,
        dirty: Collection[int],
        top_x: float,
        centres: dict[int, tuple[float, float]],
        shown_stacked: dict[int, list[int]],
        changed: list[int],
        everything: bool,
    ) -> None:
        """Centres down from the top through the dirty managers; below them, every team
        whose place changed, whole (everything=True: the whole chart)."""
        metrics = self.metrics
        level = metrics.card_height + metrics.vertical_gap
        stack_step = metrics.card_height + metrics.stack_gap
        kids, offsets, stacked = self._kids, self._offsets, self._stacked
        placed = centres.get
        stack = [(VIRTUAL_ROOT, top_x, -level, everything)] if VIRTUAL_ROOT in kids else []
        while stack:
            node, x, y, whole = stack.pop()
            reports = kids[node]
            report_y = y + level
            if node in stacked:
                shown_stacked[node] = list(reports)
                for report in reports:
                    if placed(report) != (x, report_y):
                        centres[report] = (x, report_y)
                        changed.append(report)
                    report_y += stack_step
                continue
            shown_stacked.pop(node, None)
            for report, offset in zip(reports, offsets[node], strict=True):
                centre = (x + offset, report_y)
                moved = placed(report) != centre
                if moved:
                    centres[report] = centre
                    changed.append(report)
                if report in kids:
                    if whole or moved or report in dirty:
                        stack.append((report, centre[0], report_y, whole or moved))
                elif report in dirty:  # its team went (removed, or collapsed)
                    shown_stacked.pop(report, None)

    def _with_extent(self, layout: ChartLayout) -> ChartLayout:
        if layout.centres:
            # The top's contours hold the leftmost and rightmost card of every level.
            left, right = min(self._left[VIRTUAL_ROOT]), max(self._right[VIRTUAL_ROOT])
            bottom = max(layout.centres.values(), key=itemgetter(1))[1]
            layout.extent = (self._top_x + left, 0.0, self._top_x + right, bottom)
        return layout


def _is_shown(
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


def _team_contour(
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
