"""The reporting lines: the geometry every chart-wide item draws from, all solid lines as one
item, and the dashed dotted-line links.

One item for every solid line because one item per team made Qt track thousands of paths.
PySide6 6.11 quirk: calling parentItem() on a top-level QGraphicsItem whose Python wrapper nothing
references deletes the item, so the scene keeps these items as attributes and in maps."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QStyleOptionGraphicsItem,
    QWidget,
)

from revorg.gui.chart.layout_result import ChartLayout, LayoutMetrics
from revorg.model.bulk import paused_gc
from revorg.model.entities import DottedLine

CONNECTOR_PEN_COLOUR = "#8A94A6"
CONNECTOR_PEN_WIDTH = 1.5
STACK_TICK_LENGTH = 12.0  # from the spine of a stacked column to each of its cards


@dataclass
class ChartGeometry:
    """What the chart-wide items draw from: card centres, the reporting tree, collapsed teams.

    Lines and boxes are derived lazily: after a move only what gets painted is computed."""

    layout: ChartLayout
    children: Mapping[int | None, Sequence[int]]
    collapsed: Collection[int]
    metrics: LayoutMetrics
    bounds: QRectF = field(default_factory=QRectF)
    parent: Mapping[int, int | None] = field(default_factory=dict)  # each card's manager

    def teams(self) -> Iterator[tuple[int, Sequence[int]]]:
        """Each drawn manager with its reports (a drawn, expanded manager's reports are
        drawn)."""
        centres = self.layout.centres
        collapsed = self.collapsed
        for manager, reports in self.children.items():
            if reports and manager in centres and manager not in collapsed:
                yield manager, reports

    def team_lines(
        self, manager: int, reports: Sequence[int], short_lines: tuple[bool, bool] = (True, True)
    ) -> list[QLineF]:
        """Orthogonal lines: down from the manager, along a bus, down to each report; for a
        stacked team, down a spine on the left of the column, with a tick to each report.
        short_lines: whether to draw the drops to and from a bus, and the ticks (far out they
        are under a pixel long)."""
        drops, ticks = short_lines
        centres = self.layout.centres
        half_h = self.metrics.card_height / 2
        half_w = self.metrics.card_width / 2
        mx, my = centres[manager]
        staff = self.layout.staff.get(manager)
        if staff:
            lines, reports = self._staff_lines(manager, reports, staff, ticks)
            if not reports:
                return lines
            # The team row is below the staff: the line runs down past them to its bus.
            bus_y = centres[reports[0]][1] - half_h - self.metrics.vertical_gap / 2
            lines.append(QLineF(mx, my + half_h, mx, bus_y))
        else:
            bus_y = my + half_h + self.metrics.vertical_gap / 2
            lines = [QLineF(mx, my + half_h, mx, bus_y)] if drops else []
        # Reports are laid out left to right (or top to bottom in a column): far out, when
        # only the bus or the spine is drawn, the first and last report are enough.
        if drops or ticks:
            points = [centres[report] for report in reports]
        else:
            points = [centres[reports[0]], centres[reports[-1]]]
        if manager in self.layout.stacked:
            spine_x = mx - half_w - STACK_TICK_LENGTH
            lines.append(QLineF(mx, bus_y, spine_x, bus_y))
            lines.append(QLineF(spine_x, bus_y, spine_x, points[-1][1]))
            if ticks:
                lines.extend([QLineF(spine_x, ry, rx - half_w, ry) for rx, ry in points])
            return lines
        xs = [x for x, _ in points]
        lines.append(QLineF(min(min(xs), mx), bus_y, max(max(xs), mx), bus_y))
        if drops:
            lines.extend([QLineF(rx, bus_y, rx, ry - half_h) for rx, ry in points])
        return lines

    def _staff_lines(
        self, manager: int, reports: Sequence[int], staff: Sequence[int], ticks: bool
    ) -> tuple[list[QLineF], list[int]]:
        """The short lines from the manager's vertical line to each staff card beside it (and
        that line down to the last one when there is no team row), and the team row's
        reports."""
        centres = self.layout.centres
        half_w = self.metrics.card_width / 2
        mx, my = centres[manager]
        beside = set(staff)
        team = [report for report in reports if report not in beside]
        lines = []
        if not team:
            last_y = centres[staff[-1]][1]
            lines.append(QLineF(mx, my + self.metrics.card_height / 2, mx, last_y))
        if ticks:
            for member in staff:
                sx, sy = centres[member]
                lines.append(QLineF(mx, sy, sx - half_w, sy))
        return lines, team

    def box(self, manager: int, reports: Sequence[int]) -> tuple[float, float, float, float]:
        """(left, top, right, bottom) around a drawn team's lines."""
        centres, stacked = self.layout.centres, self.layout.stacked
        half_w = self.metrics.card_width / 2
        half_h = self.metrics.card_height / 2
        mx, my = centres[manager]
        staff = self.layout.staff.get(manager)
        if staff:
            # A few cards: the lines end at the staff cards' left sides and at the team.
            beside = set(staff)
            left, right = mx - half_w - STACK_TICK_LENGTH, centres[staff[0]][0] - half_w
            bottom = centres[staff[-1]][1]
            for report in reports:
                if report not in beside:
                    x, y = centres[report]
                    left, right, bottom = min(left, x), max(right, x), max(bottom, y - half_h)
            return (left, my + half_h, right, bottom)
        if manager in stacked:
            last_y = centres[reports[-1]][1]
            return (mx - half_w - STACK_TICK_LENGTH, my + half_h, mx, last_y)
        # Reports run left to right: the first is leftmost, the last rightmost.
        first_x = centres[reports[0]][0]
        last_x, last_y = centres[reports[-1]]
        left = first_x if first_x < mx else mx
        right = last_x if last_x > mx else mx
        return (left, my + half_h, right, last_y - half_h)


def connector_pen() -> QPen:
    return QPen(QColor(CONNECTOR_PEN_COLOUR), CONNECTOR_PEN_WIDTH)


Box = tuple[float, float, float, float, int, Sequence[int]]  # left, top, right, bottom, team


class ConnectorsItem(QGraphicsItem):
    """Every reporting line of the chart as one item that draws only the teams whose lines
    cross the exposed area (one item per team made Qt track thousands of paths).

    The box around each team's lines is kept from one layout to the next: after an edit,
    only the teams whose cards moved, left or changed are boxed again, when next painted."""

    rebox_all_above = 0.25  # share of the cards touched past which every team is boxed again

    def __init__(self, geometry: ChartGeometry) -> None:
        super().__init__()
        self.geometry = geometry
        self._boxes: dict[int, Box] = {}  # by manager
        self._touched: set[int] | None = None  # cards to box again (None: every team)
        self._complete = False  # every drawn team boxed (else boxed when first painted)
        self._pen = connector_pen()
        self.setZValue(-1)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)

    def set_geometry(self, geometry: ChartGeometry, touched: Collection[int] | None = None) -> None:
        """A new layout; `touched`: the cards that moved or left it and the managers whose
        reports changed since the last one (None: anything may have changed)."""
        self.prepareGeometryChange()
        self.geometry = geometry
        if touched is None or self._touched is None:
            self._touched = None
        else:
            self._touched.update(touched)
        self.update()

    def boundingRect(self) -> QRectF:
        return self.geometry.bounds

    def boxes(self) -> list[Box]:
        """(left, top, right, bottom, manager, reports) around each team's lines."""
        touched = self._touched
        centres = self.geometry.layout.centres
        if touched is None or len(touched) > self.rebox_all_above * len(centres):
            self._box_all()
        else:
            # A card that moved in its team changes its manager's box (one that went to
            # another team or left the chart: both managers' reports changed, so they are
            # touched too).
            parent = self.geometry.parent
            self._box_again({parent.get(i) for i in touched} | touched)
            if not self._complete:  # some teams were only boxed when painted
                boxes = self._boxes
                self._box_again([m for m, _team in self.geometry.teams() if m not in boxes])
        self._touched = set()
        self._complete = True
        return list(self._boxes.values())

    def _forget_touched(self) -> None:
        """Forget the boxes of the teams touched since the last paint: boxed again when next
        painted (after Expand all or a focus, all of them: forgotten at once)."""
        touched = self._touched
        if touched is None or len(touched) > self.rebox_all_above * len(
            self.geometry.layout.centres
        ):
            self._boxes = {}
        elif touched:
            parent, boxes = self.geometry.parent, self._boxes
            for manager in {parent.get(i) for i in touched} | touched:
                if manager is not None:
                    boxes.pop(manager, None)
        else:
            return
        self._touched = set()
        self._complete = False

    def lines_in(self, exposed: QRectF) -> list[QLineF]:
        """The lines of the teams whose box meets `exposed`. With the teams' spans known,
        only the teams whose part of the chart meets it are visited and boxed: boxing every
        team after Expand all or a focus took 45 ms at 50,000 positions for the few dozen
        teams on screen."""
        left, top, right, bottom = exposed.left(), exposed.top(), exposed.right(), exposed.bottom()
        geometry = self.geometry
        team_lines = geometry.team_lines
        span_of = geometry.layout.spans
        lines: list[QLineF] = []
        if span_of is None:
            with paused_gc():
                every_box = self.boxes()
            for box_left, box_top, box_right, box_bottom, manager, team in every_box:
                if (
                    box_right >= left
                    and box_left <= right
                    and box_bottom >= top
                    and box_top <= bottom
                ):
                    lines.extend(team_lines(manager, team))
            return lines
        self._forget_touched()
        centres = geometry.layout.centres
        children, collapsed = geometry.children, geometry.collapsed
        metrics = geometry.metrics
        half_h = metrics.card_height / 2
        # Beyond the centres: half a card, a column's spine, staff beside a card.
        reach = 2 * metrics.sibling_distance
        boxes, box = self._boxes, geometry.box
        stack = [i for i in children.get(None, ()) if i is not None]
        while stack:
            manager = stack.pop()
            reports = children.get(manager)
            if not reports or manager in collapsed:
                continue
            centre = centres.get(manager)
            if centre is None:
                continue
            x, y = centre
            if y - half_h > bottom:
                continue  # the team and everything below it is lower down
            span = span_of(manager)
            if span is not None and (
                x + max(span[1], 0.0) + reach < left or x + min(span[0], 0.0) - reach > right
            ):
                continue  # the whole team is off to one side
            found = boxes.get(manager)
            if found is None:
                team = tuple(reports)  # the tree's list changes in place; the box must not
                found = boxes[manager] = (*box(manager, team), manager, team)
            box_left, box_top, box_right, box_bottom, _manager, team = found
            if box_right >= left and box_left <= right and box_bottom >= top and box_top <= bottom:
                lines.extend(team_lines(manager, team))
            stack.extend(reports)
        return lines

    def _box_all(self) -> None:
        """Box every drawn team. After Expand all or a focus most cards moved: the common
        team (a row of reports, without staff) is boxed inline, which took 90 ms at 50,000
        positions (17,857 teams) through `box` and 30 ms so."""
        geometry = self.geometry
        layout = geometry.layout
        centres, stacked, staff = layout.centres, layout.stacked, layout.staff
        collapsed, box = geometry.collapsed, geometry.box
        half_h = geometry.metrics.card_height / 2
        placed = centres.get
        before = self._boxes.get
        boxes: dict[int, Box] = {}
        for manager, reports in geometry.children.items():
            if manager is None or not reports or manager in collapsed:
                continue
            centre = placed(manager)
            if centre is None:
                continue
            team = tuple(reports)  # the tree's list changes in place; the box must not
            old = before(manager)
            if old is not None and old[5] == team:
                team = old[5]  # the new tuple freed at once: fewer objects for the collector
            if manager in stacked or manager in staff:
                boxes[manager] = (*box(manager, team), manager, team)
                continue
            # As `box` does for a row: the first report is leftmost, the last rightmost.
            mx, my = centre
            first_x = centres[team[0]][0]
            last_x, last_y = centres[team[-1]]
            boxes[manager] = (
                first_x if first_x < mx else mx,
                my + half_h,
                last_x if last_x > mx else mx,
                last_y - half_h,
                manager,
                team,
            )
        self._boxes = boxes

    def _box_again(self, managers: Iterable[int | None]) -> None:
        """Box these managers' teams again (or forget those no longer drawn)."""
        geometry = self.geometry
        centres = geometry.layout.centres
        children, collapsed = geometry.children, geometry.collapsed
        boxes = self._boxes
        for manager in managers:
            if manager is None:
                continue
            reports = children.get(manager)
            if not reports or manager not in centres or manager in collapsed:
                boxes.pop(manager, None)
                continue
            team = tuple(reports)  # the tree's list changes in place; the box must not
            boxes[manager] = (*geometry.box(manager, team), manager, team)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        lines = self.lines_in(option.exposedRect.adjusted(-2, -2, 2, 2))
        if lines:
            painter.setPen(self._pen)
            painter.drawLines(lines)


class DottedLineItem(QGraphicsPathItem):
    """A dotted-line (secondary) reporting link, drawn dashed."""

    def __init__(self) -> None:
        super().__init__()
        pen = QPen(QColor("#7E57C2"), 1.6, Qt.PenStyle.DashLine)
        self.setPen(pen)
        self.setBrush(QBrush(Qt.BrushStyle.NoBrush))
        self.setZValue(-0.5)


def place_dotted_lines(
    scene: QGraphicsScene,
    items: dict[int, DottedLineItem],
    centres: Mapping[int, tuple[float, float]],
    lines: Iterable[DottedLine],
) -> None:
    """One curved item per dotted line whose two cards are shown (kept in `items`, by the
    line's id); the others removed from the scene."""
    wanted = {
        line.id: line
        for line in lines
        if line.from_position_id in centres and line.to_position_id in centres
    }
    for gone in [i for i in items if i not in wanted]:
        scene.removeItem(items.pop(gone))
    for line_id, line in wanted.items():
        item = items.get(line_id)
        if item is None:
            item = items[line_id] = DottedLineItem()
            scene.addItem(item)
        start = QPointF(*centres[line.from_position_id])
        end = QPointF(*centres[line.to_position_id])
        path = QPainterPath(start)
        middle = QPointF((start.x() + end.x()) / 2, min(start.y(), end.y()) - 60)
        path.quadTo(middle, end)
        item.setPath(path)
