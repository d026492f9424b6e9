"""A position's card: the texts it shows, how it is drawn near and far, and how it starts a
drag (its MIME data is what the view's drop reads).

PySide6 6.11 quirk: calling parentItem() on a top-level QGraphicsItem whose Python wrapper nothing
references deletes the item. The scene therefore keeps every card it adds in a map (position id
-> card), which holds each card's wrapper for as long as the card is on the chart."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from PySide6.QtCore import QByteArray, QMimeData, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QDrag, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from revorg.gui.chart.layout import LayoutMetrics
from revorg.gui.i18n import fill, month_label, translate
from revorg.gui.mime import POSITION_MIME_TYPE
from revorg.gui.numbers import format_money
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
