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

Staff of a manager (an assistant, a chief of staff: reports marked as staff, without reports
of their own) are not in the team row: they stack in a column right of the manager's vertical
line, in a band between the manager's row and its team row. The team row is placed as if they
were not there; the manager takes half a card's place more on its own row (so the band stays
clear of its neighbours), and every row below a row with staff moves down by the band's height,
so rows stay level across the chart and the contours still compare row by row.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from operator import itemgetter

from revorg.gui.chart.layout_result import ChartLayout, LayoutMetrics
from revorg.gui.chart.layout_tree import NO_CONTOUR, is_shown, spread_reports, team_contour
from revorg.gui.chart.staff_bands import band_height, staff_bands

VIRTUAL_ROOT = -1  # joins several roots into one tree; never drawn


def compute_layout(
    children: Mapping[int | None, Sequence[int]],
    metrics: LayoutMetrics,
    *,
    collapsed: Collection[int] = (),
    compact: bool = False,
    staff: Collection[int] = (),
    parent: Mapping[int, int | None] | None = None,
) -> ChartLayout:
    """Lay out the forest whose roots are children[None]; collapsed nodes hide their reports;
    `staff` ids are drawn beside their managers (`parent`: each id's manager, needed with
    staff; made from `children` when not given)."""
    if staff and parent is None:
        parent = {kid: manager for manager, kids in children.items() for kid in kids}
    return IncrementalLayout(metrics, compact).update(children, parent or {}, collapsed, staff)


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
        self._beside: dict[int, tuple[int, ...]] = {}  # shown staff of each manager
        self._staff_shown: dict[int, list[int]] = {}  # those placed in the last layout
        self._bands: dict[int, int] = {}  # depth of a row -> most staff beside one card
        self._ahead: list[int] = []  # the teams left to place ahead (place_ahead)

    def update(
        self,
        children: Mapping[int | None, Sequence[int]],
        parent: Mapping[int, int | None],
        collapsed: Collection[int] = (),
        staff: Collection[int] = (),
        only: Collection[int | None] | None = None,
    ) -> ChartLayout:
        """The layout of the forest whose roots are children[None]. `parent` (each id's
        manager) finds the managers above a changed team; collapsed ids hide their reports;
        `staff` ids without reports of their own are drawn beside their managers (a staff card
        with a team stays in the team row, where its team has room). `only`: the managers
        (None: the top) whose shown reports may differ from the last update, the tree being
        the same (teams opened or closed, another team in focus); None: anything may have
        changed, and every manager's reports are compared (17,857 at 50,000 positions)."""
        previous = self._kids
        previous_beside = self._beside
        fresh = not previous and not previous_beside
        aside = {i for i in staff if not children.get(i)} if staff else None
        if only is not None and not fresh:
            return self._update_only(only, children, parent, collapsed, aside)
        regrouped: list[int] = []
        kids: dict[int, tuple[int, ...]] = {}
        beside: dict[int, tuple[int, ...]] = {}
        were_managers = self._managers
        managers = self._managers = set()
        for manager, reports in children.items():
            node = VIRTUAL_ROOT if manager is None else manager
            if reports:
                managers.add(node)
            shown = () if not reports or node in collapsed else tuple(reports)
            staff_shown: tuple[int, ...] = ()
            if aside and shown and node != VIRTUAL_ROOT and not aside.isdisjoint(shown):
                staff_shown = tuple(i for i in shown if i in aside)
                shown = tuple(i for i in shown if i not in aside)
                beside[node] = staff_shown
            before = previous.get(node, ())
            if shown:
                # The team's tuple of the last layout when unchanged: the new one is freed at
                # once, so Python's collector does not walk 17,000 new tuples after each layout.
                kids[node] = before if before == shown else shown
            if not fresh and (
                before != shown
                or (
                    (staff_shown or previous_beside)
                    and previous_beside.get(node, ()) != staff_shown
                )
            ):
                regrouped.append(node)
        for gone in previous.keys() - kids.keys():
            regrouped.append(gone)
            self._forget(gone)
        regrouped.extend(previous_beside.keys() - beside.keys())
        self._beside = beside
        if not fresh:
            # A collapsed card that gains or loses its last report changes how its manager's
            # team is placed (compact mode stacks only cards without reports).
            regrouped.extend(were_managers ^ managers)
        self._kids = kids
        return self._place_again(
            None if fresh else regrouped, children, parent, previous, previous_beside
        )

    def _update_only(
        self,
        only: Collection[int | None],
        children: Mapping[int | None, Sequence[int]],
        parent: Mapping[int, int | None],
        collapsed: Collection[int],
        aside: set[int] | None,
    ) -> ChartLayout:
        """As `update`, comparing the reports of the `only` managers alone."""
        previous, previous_beside = self._kids, self._beside
        kids, beside = dict(previous), dict(previous_beside)
        regrouped: list[int] = []
        for manager in only:
            node = VIRTUAL_ROOT if manager is None else manager
            reports = children.get(manager, ())
            shown = () if not reports or node in collapsed else tuple(reports)
            staff_shown: tuple[int, ...] = ()
            if aside and shown and node != VIRTUAL_ROOT and not aside.isdisjoint(shown):
                staff_shown = tuple(i for i in shown if i in aside)
                shown = tuple(i for i in shown if i not in aside)
            before = previous.get(node, ())
            if shown:
                kids[node] = before if before == shown else shown
            else:
                kids.pop(node, None)
            if staff_shown:
                beside[node] = staff_shown
            else:
                beside.pop(node, None)
            if before != shown or previous_beside.get(node, ()) != staff_shown:
                regrouped.append(node)
                if before and not shown:
                    self._forget(node)
        self._kids, self._beside = kids, beside
        return self._place_again(regrouped, children, parent, previous, previous_beside)

    def _place_again(
        self,
        regrouped: list[int] | None,
        children: Mapping[int | None, Sequence[int]],
        parent: Mapping[int, int | None],
        previous: dict[int, tuple[int, ...]],
        previous_beside: dict[int, tuple[int, ...]],
    ) -> ChartLayout:
        """Place the teams that changed and the managers above them (regrouped None: a first
        layout, every team), then the cards."""
        dirty = None if regrouped is None else self._with_managers_above(regrouped, parent)
        order = self._reports_first(dirty, children)
        for node in order:
            self._place(node)
        bands = staff_bands(self._beside, self._kids, parent, VIRTUAL_ROOT)
        rows_moved = bands != self._bands
        self._bands = bands
        if dirty is None:
            return self._lay_out_all()
        # Teams changed inside a collapsed team were not placed: placed when it opens.
        for node in dirty.difference(order):
            self._forget(node)
        layout = self._lay_out_again(dirty, previous, previous_beside, parent, rows_moved)
        layout.regrouped = [node for node in dict.fromkeys(regrouped or ()) if node != VIRTUAL_ROOT]
        layout.follows = True
        return layout

    def place_ahead(self, children: Mapping[int | None, Sequence[int]], most: int) -> bool:
        """Place up to `most` teams that are not shown (inside closed teams), reports first,
        so that opening them later reuses their places (the first Expand all at 50,000
        positions placed 17,879 teams). False once none is left. Safe between any updates:
        a team is placed from its reports' current places, and an update that changes a team
        places it again or forgets it, as it does for the teams it places itself."""
        if not self._ahead:  # looked for again: teams opened or closed since the last look
            if self._kids.keys() <= self._offsets.keys():
                return False  # every team placed (the chart shown whole): no walk of it
            self._ahead = self._unplaced_reports_first(children)
            if not self._ahead:
                return False
        ahead, kids, offsets = self._ahead, self._kids, self._offsets
        placed = 0
        while ahead and placed < most:
            node = ahead.pop()
            team = kids.get(node)
            if team is None or node in offsets:
                continue  # closed or placed since
            if all(kid in offsets or kid not in kids for kid in team):
                self._place(node)  # else a report was forgotten since: placed later
                placed += 1
        return True

    def _unplaced_reports_first(self, children: Mapping[int | None, Sequence[int]]) -> list[int]:
        """The managers not placed yet, each after those below it, last first (popped)."""
        order: list[int] = []
        stack = list(children.get(None, ()))
        kids, offsets = self._kids, self._offsets
        while stack:
            node = stack.pop()
            reports = children.get(node)
            if reports:
                if node in kids and node not in offsets:
                    order.append(node)
                stack.extend(reports)
        return order

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
        beside = self._beside
        # A card with staff takes half a card's place more on its row: its staff's column,
        # whose centre is that far right of it (the next card is then as far from the column
        # as from a neighbour).
        extra = [distance / 2 if kid in beside else 0.0 for kid in kids] if beside else None
        lefts = [self._left.get(kid, NO_CONTOUR) for kid in kids]
        rights = [self._right.get(kid, NO_CONTOUR) for kid in kids]
        xs = spread_reports(lefts, rights, distance, extra)
        middle = (xs[0] + xs[-1]) / 2
        offsets = tuple(x - middle for x in xs)
        self._offsets[node] = offsets
        self._left[node] = team_contour(offsets, lefts, min)
        right = self._right[node] = team_contour(offsets, rights, max)
        if extra is not None:
            right[0] += extra[-1]  # the last card's staff column is the row's right end

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
        self._staff_shown = {}
        self._walk((), self._top_x, layout.centres, layout.stacked, layout.changed, True)
        self._xy, self._stacked_shown = dict(layout.centres), dict(layout.stacked)
        layout.staff = dict(self._staff_shown)
        return self._with_extent(layout)

    def _lay_out_again(
        self,
        dirty: set[int],
        previous: dict[int, tuple[int, ...]],
        previous_beside: dict[int, tuple[int, ...]],
        parent: Mapping[int, int | None],
        rows_moved: bool,
    ) -> ChartLayout:
        """The centres after an edit of the dirty managers' teams. When the top moved (the
        teams on the left of the chart changed width), or rows moved down or up (staff came
        or went), the whole chart is walked."""
        top_x = self._top_left()
        everything = top_x != self._top_x or rows_moved
        self._top_x = top_x
        changed: list[int] = []
        self._walk(dirty, top_x, self._xy, self._stacked_shown, changed, everything)
        dropped = self._dropped(dirty, previous, previous_beside, parent)
        for position_id in dropped:
            del self._xy[position_id]
            self._stacked_shown.pop(position_id, None)
            self._staff_shown.pop(position_id, None)
        layout = ChartLayout(dict(self._xy), dict(self._stacked_shown), None, changed, dropped)
        layout.staff = dict(self._staff_shown)
        return self._with_extent(layout)

    def _dropped(
        self,
        dirty: set[int],
        previous: dict[int, tuple[int, ...]],
        previous_beside: dict[int, tuple[int, ...]],
        parent: Mapping[int, int | None],
    ) -> list[int]:
        """The cards that left the chart (removed, or in a collapsed team). Only a former
        report of a dirty manager that is no longer its report can have left, with the team
        it had: each such report is looked up in the tree, and one that left is dropped with
        its former team, but for the members that left that team too (they are looked up
        themselves: they may be on the chart elsewhere) and the top (a team put in focus)."""
        kids, beside = self._kids, self._beside
        left = {
            report
            for node in dirty
            for report in {*previous.get(node, ()), *previous_beside.get(node, ())}.difference(
                kids.get(node, ()), beside.get(node, ())
            )
        }
        dropped: list[int] = []
        tops = set(kids.get(VIRTUAL_ROOT, ()))
        kept = left | tops  # looked up themselves, or still shown
        placed = self._xy
        for report in left:
            manager = parent.get(report)
            if manager is not None and report in beside.get(manager, ()):
                if is_shown(manager, parent, kids, tops):
                    continue  # now staff beside its manager
            elif is_shown(report, parent, kids, tops):
                continue
            stack = [report]
            while stack:
                position_id = stack.pop()
                if position_id in placed:
                    dropped.append(position_id)
                for team in (previous.get(position_id), previous_beside.get(position_id)):
                    if team:
                        if kept.isdisjoint(team):
                            stack.extend(team)
                        else:
                            stack.extend(i for i in team if i not in kept)
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
        beside, staff_shown = self._beside, self._staff_shown
        with_staff = bool(beside or staff_shown)  # else no card has staff: nothing to place
        bands = {depth: band_height(count, self.metrics) for depth, count in self._bands.items()}
        beside_x = metrics.sibling_distance / 2  # a staff card's centre right of the line
        placed = centres.get
        append, pop_stacked = changed.append, shown_stacked.pop
        start = (VIRTUAL_ROOT, top_x, -level, everything, -1)
        stack = [start] if VIRTUAL_ROOT in kids else []
        push = stack.append
        while stack:
            node, x, y, whole, depth = stack.pop()
            reports = kids[node]
            report_y = y + level + bands.get(depth, 0.0) if bands else y + level
            if node in stacked:
                shown_stacked[node] = list(reports)
                for report in reports:
                    centre = (x, report_y)
                    if placed(report) != centre:
                        centres[report] = centre
                        append(report)
                    report_y += stack_step
                if staff_shown:  # a stacked card has no reports: staff it had went
                    for report in reports:
                        staff_shown.pop(report, None)
                continue
            pop_stacked(node, None)
            if not with_staff:  # the common chart: as below, without staff to place
                for report, offset in zip(reports, offsets[node], strict=True):
                    centre = (x + offset, report_y)
                    moved = placed(report) != centre
                    if moved:
                        centres[report] = centre
                        append(report)
                    if report in kids:
                        if whole or moved or report in dirty:
                            push((report, centre[0], report_y, whole or moved, depth + 1))
                    elif report in dirty:
                        pop_stacked(report, None)
                continue
            for report, offset in zip(reports, offsets[node], strict=True):
                centre = (x + offset, report_y)
                moved = placed(report) != centre
                if moved:
                    centres[report] = centre
                    changed.append(report)
                if with_staff:
                    staff = beside.get(report)
                    if staff is not None:
                        staff_shown[report] = list(staff)
                        staff_x, staff_y = centre[0] + beside_x, report_y + level
                        for member in staff:
                            staff_shown.pop(member, None)  # no reports: no staff of its own
                            if placed(member) != (staff_x, staff_y):
                                centres[member] = (staff_x, staff_y)
                                changed.append(member)
                            staff_y += stack_step
                    elif report in dirty:
                        staff_shown.pop(report, None)
                if report in kids:
                    if whole or moved or report in dirty:
                        stack.append((report, centre[0], report_y, whole or moved, depth + 1))
                elif report in dirty:  # its team went (removed, or collapsed)
                    shown_stacked.pop(report, None)

    def team_span(self, node: int) -> tuple[float, float] | None:
        """The leftmost and rightmost centre of a placed team, at any level below its
        manager, relative to the manager (None: not placed)."""
        left, right = self._left.get(node), self._right.get(node)
        if not left or not right:
            return None
        return min(left), max(right)

    def _with_extent(self, layout: ChartLayout) -> ChartLayout:
        layout.spans = self.team_span
        if layout.centres:
            # The top's contours hold the leftmost and rightmost card of every level.
            left, right = min(self._left[VIRTUAL_ROOT]), max(self._right[VIRTUAL_ROOT])
            bottom = max(layout.centres.values(), key=itemgetter(1))[1]
            layout.extent = (self._top_x + left, 0.0, self._top_x + right, bottom)
        return layout
