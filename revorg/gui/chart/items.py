"""What the chart draws: position cards, reporting connectors, dotted lines, and the whole
chart as one overview item when zoomed out."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum

from PySide6.QtCore import QByteArray, QLineF, QMimeData, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QDrag,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
)
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from revorg.gui.chart.layout import ChartLayout, LayoutMetrics
from revorg.gui.i18n import fill, month_label, translate
from revorg.gui.mime import POSITION_MIME_TYPE
from revorg.gui.numbers import format_money
from revorg.model.bulk import paused_gc
from revorg.model.months import YearMonth

SIMPLE_DRAWING_BELOW = 0.3  # zoom level under which cards are drawn as coloured blocks
PIXELS_PER_POINT = 96 / 72  # scene units are pixels of a 96-dpi screen
COVERAGE_MARK_COLOURS = {"red": "#D32F2F", "amber": "#F9A825"}


class DropState(Enum):
    NONE = 0
    ACCEPT = 1
    REFUSE = 2


@dataclass(frozen=True)
class CardContent:
    """The texts and colour of one card, computed from the model (no Qt)."""

    title: str
    person_line: str
    is_open: bool
    role_line: str
    headcount: int
    cost_line: str
    colour: str
    search_text: str


def card_content(
    *,
    title: str,
    person_name: str | None,
    start_month: YearMonth | None,
    role_name: str,
    headcount: int,
    annual_cost: Decimal,
    currency: str,
    colour: str,
) -> CardContent:
    person = (person_name or "").strip()
    if person:
        person_line = person
    elif start_month is not None:
        person_line = fill(translate("ChartCard", "Open, starts %1"), month_label(start_month))
    else:
        person_line = translate("ChartCard", "Open")
    total = annual_cost * headcount
    return CardContent(
        title=title,
        person_line=person_line,
        is_open=not person,
        role_line=role_name + (f"  x {headcount}" if headcount > 1 else ""),
        headcount=headcount,
        cost_line=fill(translate("ChartCard", "%1 / yr"), format_money(total, currency)),
        colour=colour,
        search_text=f"{title}\n{person}\n{role_name}".casefold(),
    )


class _Fonts:
    """Fonts made once, after the QApplication exists (making them in paint() is costly)."""

    title: QFont
    body: QFont
    small: QFont
    ready = False

    @classmethod
    def ensure(cls) -> None:
        if cls.ready:
            return
        # Sizes in scene pixels, not points: a point is converted with the device's resolution,
        # so text would grow against the cards on a 300-dpi PDF or a high-resolution PNG.
        base = QApplication.font()
        points = base.pointSizeF() if base.pointSizeF() > 0 else 9.0
        cls.title = QFont(base)
        cls.title.setBold(True)
        cls.title.setPixelSize(round((points + 1) * PIXELS_PER_POINT))
        cls.body = QFont(base)
        cls.body.setPixelSize(round(points * PIXELS_PER_POINT))
        cls.small = QFont(base)
        cls.small.setPixelSize(round(max(6.0, points - 1) * PIXELS_PER_POINT))
        cls.ready = True


_SELECTABLE = QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
_NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
_SELECTABLE_UNDRAWN = _SELECTABLE | _NO_CONTENTS
_LEFT_BUTTON = Qt.MouseButton.LeftButton


_last_rects: list[tuple[LayoutMetrics, QRectF, QRectF]] = []


def _card_rects(metrics: LayoutMetrics) -> tuple[QRectF, QRectF]:
    """A card's rectangle around its centre, and its bounds with the border and the badge
    (made again only for other metrics: hashing the metrics for every card was measurable)."""
    if not _last_rects or _last_rects[0][0] is not metrics:
        w, h = metrics.card_width, metrics.card_height
        card = QRectF(-w / 2, -h / 2, w, h)
        _last_rects[:] = [(metrics, card, card.adjusted(-4, -4, 4, 14))]
    return _last_rects[0][1], _last_rects[0][2]


class CardItem(QGraphicsRectItem):
    """One position on the chart. Its scene position is the card's centre.

    A rectangle item whose rectangle is the card's bounds: Qt then asks C++, not Python, for
    the bounds whenever cards move or are looked up (thousands of calls on a large chart).
    """

    # Exports draw every card in full, however small the page makes it (see chart_export).
    always_detailed = False
    # Defaults shared by every card, set on a card when they change: a large chart makes tens
    # of thousands of cards at once.
    _content: CardContent | None = None
    _make_content: Callable[[], CardContent] | None = None
    drop_state = DropState.NONE
    hidden_reports = 0
    highlighted = False
    coverage_mark: str | None = None  # "red" or "amber": the department is short
    _press_position: QPointF | None = None

    def __init__(
        self,
        position_id: int,
        content: CardContent | Callable[[], CardContent],
        metrics: LayoutMetrics,
        colour: str = "#888888",
        drawn: bool = True,
    ) -> None:
        """`content` may be a function: a large chart opens zoomed out, where cards are
        coloured blocks, so texts are made when a card is first drawn in detail or searched.
        drawn=False: the card draws nothing (the chart's overview draws it)."""
        card, bounds = _card_rects(metrics)
        super().__init__(bounds)  # room for the border and the badge
        self.position_id = position_id
        if isinstance(content, CardContent):
            self._content = content
            colour = content.colour
        else:
            self._make_content = content
        self.colour = colour
        self.metrics = metrics
        self._rect = card  # shared by every card: never changed in place
        self.setFlags(_SELECTABLE if drawn else _SELECTABLE_UNDRAWN)
        self.setAcceptedMouseButtons(_LEFT_BUTTON)
        if self._content is not None:
            self._show_tooltip(self._content)

    def reuse(self, position_id: int, content: Callable[[], CardContent], colour: str) -> None:
        """Show another position, as a new card would: switching to a scenario of 50,000
        positions reuses the cards, where removing them and making new ones cost half a second
        each. The scene has cleared the selection and shown the card."""
        self.position_id = position_id
        if self._content is not None:
            self.setToolTip("")  # made again with the content
        self._content = None
        self._make_content = content
        self.colour = colour
        for name in ("drop_state", "hidden_reports", "highlighted", "coverage_mark"):
            if name in self.__dict__:  # back to the class's default
                delattr(self, name)
        self.update()

    @property
    def content(self) -> CardContent:
        if self._content is None:
            assert self._make_content is not None
            self._content = self._make_content()
            self._make_content = None
            self._show_tooltip(self._content)
        return self._content

    def set_content(self, content: CardContent) -> None:
        if self._content is None or content != self._content:
            self._content = content
            self._make_content = None
            self.colour = content.colour
            self._show_tooltip(content)
            self.update()

    def _show_tooltip(self, content: CardContent) -> None:
        self.setToolTip(f"{content.title}\n{content.person_line}\n{content.role_line}")

    def set_drop_state(self, state: DropState) -> None:
        if state != self.drop_state:
            self.drop_state = state
            self._look_changed()

    def set_hidden_reports(self, count: int) -> None:
        if count != self.hidden_reports:
            self.hidden_reports = count
            self.update()

    def set_coverage_mark(self, mark: str | None) -> None:
        """Mark a card whose department cannot cover its target ("red" or "amber")."""
        if mark != self.coverage_mark:
            self.coverage_mark = mark
            self.update()

    def set_highlighted(self, highlighted: bool) -> None:
        if highlighted != self.highlighted:
            self.highlighted = highlighted
            self._look_changed()

    def _look_changed(self) -> None:
        """Redraw the card, and tell the scene: zoomed out, its overview draws the card."""
        self.update()
        listener = getattr(self.scene(), "card_look_changed", None)
        if listener is not None:
            listener(self)

    def block_colour(self) -> QColor:
        """The card's colour as a block, zoomed out: selected, found or refused cards stand
        out."""
        colour = QColor(self.colour)  # the block needs no texts: content stays unmade
        if self.drop_state == DropState.REFUSE:
            return QColor("#D32F2F")
        if self.isSelected() or self.highlighted:
            return colour.darker(160)
        return colour

    def is_marked(self) -> bool:
        return self.highlighted or self.drop_state != DropState.NONE

    # --- painting ---------------------------------------------------------------------------

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        detail = option.levelOfDetailFromTransform(painter.worldTransform())
        if detail < SIMPLE_DRAWING_BELOW and not CardItem.always_detailed:
            self._paint_simple(painter)
            return
        _Fonts.ensure()
        self._paint_frame(painter)
        self._paint_texts(painter)
        if self.hidden_reports:
            self._paint_badge(painter)

    def _paint_simple(self, painter: QPainter) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.block_colour())
        painter.drawRect(self._rect)

    def _paint_frame(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        border = QColor("#B0B7C3")
        width = 1.0
        if self.isSelected():
            border, width = QColor("#1565C0"), 3.0
        if self.highlighted:
            border, width = QColor("#F9A825"), 3.5
        if self.drop_state == DropState.ACCEPT:
            border, width = QColor("#2E7D32"), 3.5
        elif self.drop_state == DropState.REFUSE:
            border, width = QColor("#D32F2F"), 3.5
        background = QColor("#FFF5F5") if self.drop_state == DropState.REFUSE else QColor("white")
        painter.setPen(QPen(border, width))
        painter.setBrush(background)
        painter.drawRoundedRect(self._rect, 8, 8)
        band = QPainterPath()
        band.addRoundedRect(
            QRectF(self._rect.left(), self._rect.top(), 8, self._rect.height()), 4, 4
        )
        painter.fillPath(band, QColor(self.content.colour))
        if self.coverage_mark is not None:
            painter.setPen(QPen(QColor("white"), 1.5))
            painter.setBrush(QColor(COVERAGE_MARK_COLOURS[self.coverage_mark]))
            painter.drawEllipse(QPointF(self._rect.right() - 12, self._rect.top() + 12), 6, 6)

    def _paint_texts(self, painter: QPainter) -> None:
        left = self._rect.left() + 16
        width = self._rect.width() - 28
        top = self._rect.top() + 8
        content = self.content
        painter.setPen(QColor("#1A1A1A"))
        top = self._draw_line(painter, _Fonts.title, content.title, left, top, width)
        painter.setPen(QColor("#B26A00") if content.is_open else QColor("#37474F"))
        italic = QFont(_Fonts.body)
        italic.setItalic(content.is_open)
        top = self._draw_line(painter, italic, content.person_line, left, top, width)
        painter.setPen(QColor("#607080"))
        top = self._draw_line(painter, _Fonts.small, content.role_line, left, top, width)
        self._draw_line(painter, _Fonts.small, content.cost_line, left, top, width)

    @staticmethod
    def _draw_line(
        painter: QPainter, font: QFont, text: str, left: float, top: float, width: float
    ) -> float:
        metrics = QFontMetricsF(font)
        painter.setFont(font)
        elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
        painter.drawText(QPointF(left, top + metrics.ascent()), elided)
        return top + metrics.height() + 1

    def _paint_badge(self, painter: QPainter) -> None:
        text = f"+{self.hidden_reports}"
        metrics = QFontMetricsF(_Fonts.small)
        width = max(24.0, metrics.horizontalAdvance(text) + 12)
        rect = QRectF(-width / 2, self._rect.bottom() - 2, width, 14)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#455A64"))
        painter.drawRoundedRect(rect, 7, 7)
        painter.setPen(QColor("white"))
        painter.setFont(_Fonts.small)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

    # --- dragging a card --------------------------------------------------------------------

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self._press_position = event.screenPos().toPointF()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._press_position is None:
            return
        moved = (event.screenPos().toPointF() - self._press_position).manhattanLength()
        if moved < QApplication.startDragDistance():
            return
        self._press_position = None
        drag = QDrag(event.widget())
        drag.setMimeData(position_mime_data(self.position_id))
        drag.exec(Qt.DropAction.MoveAction)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self._press_position = None
        super().mouseReleaseEvent(event)


def position_mime_data(position_id: int) -> QMimeData:
    data = QMimeData()
    data.setData(POSITION_MIME_TYPE, QByteArray(str(position_id).encode("utf-8")))
    return data


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
            self._boxes = {}
            self._box_again(manager for manager, _reports in self.geometry.teams())
        else:
            # A card that moved in its team changes its manager's box (one that went to
            # another team or left the chart: both managers' reports changed, so they are
            # touched too).
            parent = self.geometry.parent
            self._box_again({parent.get(i) for i in touched} | touched)
        self._touched = set()
        return list(self._boxes.values())

    def _box_again(self, managers: Iterable[int | None]) -> None:
        """Box these managers' teams again (or forget those no longer drawn)."""
        geometry = self.geometry
        centres, stacked = geometry.layout.centres, geometry.layout.stacked
        children, collapsed = geometry.children, geometry.collapsed
        half_w = geometry.metrics.card_width / 2
        half_h = geometry.metrics.card_height / 2
        spine = half_w + STACK_TICK_LENGTH
        boxes = self._boxes
        for manager in managers:
            if manager is None:
                continue
            reports = children.get(manager)
            if not reports or manager not in centres or manager in collapsed:
                boxes.pop(manager, None)
                continue
            team = tuple(reports)  # the tree's list changes in place; the box must not
            mx, my = centres[manager]
            if manager in stacked:
                last_y = centres[team[-1]][1]
                boxes[manager] = (mx - spine, my + half_h, mx, last_y, manager, team)
            else:
                # Reports run left to right: the first is leftmost, the last rightmost.
                first_x = centres[team[0]][0]
                last_x, last_y = centres[team[-1]]
                left = first_x if first_x < mx else mx
                right = last_x if last_x > mx else mx
                boxes[manager] = (left, my + half_h, right, last_y - half_h, manager, team)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        exposed = option.exposedRect.adjusted(-2, -2, 2, 2)
        left, top, right, bottom = exposed.left(), exposed.top(), exposed.right(), exposed.bottom()
        team_lines = self.geometry.team_lines
        lines: list[QLineF] = []
        with paused_gc():
            boxes = self.boxes()
        for box_left, box_top, box_right, box_bottom, manager, reports in boxes:
            if box_right >= left and box_left <= right and box_bottom >= top and box_top <= bottom:
                lines.extend(team_lines(manager, reports))
        if lines:
            painter.setPen(self._pen)
            painter.drawLines(lines)


class OverviewItem(QGraphicsItem):
    """The whole chart zoomed out: every card as a block in its department's colour and every
    reporting line, in a few draw calls. While it is shown the cards draw nothing (thousands
    of Python paint calls were the cost of a zoomed-out repaint); they stay in the scene for
    selection, search and drops."""

    def __init__(self, geometry: ChartGeometry, cards: Mapping[int, CardItem]) -> None:
        super().__init__()
        self.geometry = geometry
        self.cards = cards
        self.marked: set[CardItem] = set()  # found or drop-target cards, drawn on top
        self._blocks: dict[str, list[QRectF]] | None = None
        self._lines: dict[tuple[bool, bool], list[QLineF]] = {}  # by the short lines drawn
        self._pen = connector_pen()
        self.setZValue(-2)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_geometry(self, geometry: ChartGeometry) -> None:
        self.prepareGeometryChange()
        self.geometry = geometry
        self.forget_drawing()

    def forget_drawing(self) -> None:
        """Cards moved or changed colour: build the blocks and lines again when next drawn."""
        self._blocks = None
        self._lines = {}
        self.update()

    def card_look_changed(self, card: CardItem) -> None:
        if card.is_marked():
            self.marked.add(card)
        else:
            self.marked.discard(card)
        self.update()

    def boundingRect(self) -> QRectF:
        return self.geometry.bounds

    def _block_rects(self) -> dict[str, list[QRectF]]:
        if self._blocks is None:
            metrics = self.geometry.metrics
            width, height = metrics.card_width, metrics.card_height
            half_w, half_h = width / 2, height / 2
            centres_by_colour: dict[str, list[tuple[float, float]]] = {}
            cards = self.cards
            for position_id, centre in self.geometry.layout.centres.items():
                card = cards.get(position_id)
                if card is not None:
                    centres_by_colour.setdefault(card.colour, []).append(centre)
            self._blocks = {
                colour: [QRectF(x - half_w, y - half_h, width, height) for x, y in centres]
                for colour, centres in centres_by_colour.items()
            }
        return self._blocks

    def _all_lines(self, short_lines: tuple[bool, bool]) -> list[QLineF]:
        lines = self._lines.get(short_lines)
        if lines is None:
            geometry = self.geometry
            lines = self._lines[short_lines] = []
            for manager, reports in geometry.teams():
                lines.extend(geometry.team_lines(manager, reports, short_lines))
        return lines

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setPen(self._pen)
        # Lines shorter than a pixel are left out (most lines of a large chart, far out).
        detail = option.levelOfDetailFromTransform(painter.worldTransform())
        drop = self.geometry.metrics.vertical_gap / 2
        short_lines = (detail * drop >= 1.0, detail * STACK_TICK_LENGTH >= 1.0)
        with paused_gc():  # thousands of lines and blocks made at once, after a change
            lines, blocks = self._all_lines(short_lines), self._block_rects()
        painter.drawLines(lines)
        painter.setPen(Qt.PenStyle.NoPen)
        for colour, rects in blocks.items():
            painter.setBrush(QColor(colour))
            painter.drawRects(rects)
        scene = self.scene()
        special = set(self.marked)
        if scene is not None:
            special.update(i for i in scene.selectedItems() if isinstance(i, CardItem))
        for card in special:
            if card.isVisible():
                painter.setBrush(card.block_colour())
                painter.drawRect(card._rect.translated(card.pos()))


class DottedLineItem(QGraphicsPathItem):
    """A dotted-line (secondary) reporting link, drawn dashed."""

    def __init__(self) -> None:
        super().__init__()
        pen = QPen(QColor("#7E57C2"), 1.6, Qt.PenStyle.DashLine)
        self.setPen(pen)
        self.setBrush(QBrush(Qt.BrushStyle.NoBrush))
        self.setZValue(-0.5)
