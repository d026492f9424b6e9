"""A position's card: the texts it shows, how it is drawn near and far, and how it starts a
drag (its MIME data is what the view's drop reads).

PySide6 6.11 quirk: calling parentItem() on a top-level QGraphicsItem whose Python wrapper nothing
references deletes the item. The scene therefore keeps every card it adds in a map (position id
-> card), which holds each card's wrapper for as long as the card is on the chart."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from enum import Enum

from PySide6.QtCore import QByteArray, QMimeData, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QDrag,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from revorg.gui.chart.card_texts import CardContent, CardFonts, rollup_lines, wrapped
from revorg.gui.chart.collapse import TeamRollup
from revorg.gui.chart.layout_result import LayoutMetrics
from revorg.gui.mime import POSITION_MIME_TYPE
from revorg.gui.numbers import format_percent

SIMPLE_DRAWING_BELOW = 0.3  # zoom level under which cards are drawn as coloured blocks
COVERAGE_MARK_COLOURS = {"red": "#D32F2F", "amber": "#F9A825"}
# A quota carrier's attainment to date (actuals), by its status: green at 100 % and over.
ATTAINMENT_COLOURS = {"green": "#2E7D32", "amber": "#F9A825", "red": "#C62828"}
ATTAINMENT_PILL = (46.0, 17.0)  # width, height of the badge in the card's bottom right corner
STATUS_MARK_COLOURS = {"green": "#2E7D32", **COVERAGE_MARK_COLOURS}  # a collapsed team's roll-up
OPEN_COLOUR = "#B26A00"  # vacancies: the person line, the dashed border and circle
EXPANDER_RADIUS = 9.0
ROLLUP_HEIGHT = 34.0  # the strip under a collapsed card with its team's numbers
GROUP_SHADOW = 4.0  # a headcount group is drawn as a small stack of cards


class DropState(Enum):
    NONE = 0
    ACCEPT = 1
    REFUSE = 2


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
        # Room for the border, a group's stack, the expander and a collapsed team's strip.
        bounds = card.adjusted(-4, -4, 4 + 2 * GROUP_SHADOW, 6 + ROLLUP_HEIGHT)
        _last_rects[:] = [(metrics, card, bounds)]
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
    highlighted = False
    coverage_mark: str | None = None  # "red" or "amber": the department is short
    _press_position: QPointF | None = None
    _on_expander = False  # pressed on the expander

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
        for name in ("drop_state", "highlighted", "coverage_mark"):
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

    def team(self) -> tuple[bool, bool]:
        """(has reports, collapsed), from the scene: the tree is the scene's to know."""
        team_of = getattr(self.scene(), "team_of", None)
        return team_of(self.position_id) if team_of is not None else (False, False)

    @property
    def hidden_reports(self) -> int:
        """The positions hidden under the card (0 unless its team is collapsed)."""
        if not self.team()[1]:
            return 0
        rollup = self._rollup()
        return rollup.positions if rollup is not None else 0

    def _rollup(self) -> TeamRollup | None:
        rollup_of = getattr(self.scene(), "rollup_of", None)
        return rollup_of(self.position_id) if rollup_of is not None else None

    def expander_rect(self) -> QRectF:
        r = EXPANDER_RADIUS
        return QRectF(-r * 2.2, self._rect.bottom() - r, r * 4.4, r * 2)

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
        CardFonts.ensure()
        content = self.content
        has_reports, collapsed = self.team()
        if collapsed:
            self._paint_rollup(painter)
        self._paint_frame(painter, content)
        self._paint_initials(painter, content)
        attainment = self._attainment()
        self._paint_texts(painter, content, attainment is not None)
        if attainment is not None:
            self._paint_attainment(painter, *attainment)
        if has_reports:
            self._paint_expander(painter, collapsed)

    def _paint_simple(self, painter: QPainter) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.block_colour())
        painter.drawRect(self._rect)

    def _paint_frame(self, painter: QPainter, content: CardContent) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        border = QColor("#B0B7C3")
        width = 1.0
        style = Qt.PenStyle.SolidLine
        if content.is_open:  # a vacancy: dashed, in the open colour
            border, width, style = QColor(OPEN_COLOUR), 1.5, Qt.PenStyle.DashLine
        if self.isSelected():
            border, width, style = QColor("#1565C0"), 3.0, Qt.PenStyle.SolidLine
        if self.highlighted:
            border, width, style = QColor("#F9A825"), 3.5, Qt.PenStyle.SolidLine
        if self.drop_state == DropState.ACCEPT:
            border, width, style = QColor("#2E7D32"), 3.5, Qt.PenStyle.SolidLine
        elif self.drop_state == DropState.REFUSE:
            border, width, style = QColor("#D32F2F"), 3.5, Qt.PenStyle.SolidLine
        background = QColor("#FFF5F5") if self.drop_state == DropState.REFUSE else QColor("white")
        if content.headcount > 1:  # a headcount group: a stack of cards behind
            painter.setPen(QPen(QColor("#B0B7C3"), 1.0))
            painter.setBrush(QColor("#F1F3F6"))
            for step in (2, 1):
                offset = GROUP_SHADOW * step
                painter.drawRoundedRect(self._rect.translated(offset, offset), 8, 8)
        pen = QPen(border, width)
        pen.setStyle(style)
        painter.setPen(pen)
        painter.setBrush(background)
        painter.drawRoundedRect(self._rect, 8, 8)
        band = QPainterPath()
        band.addRoundedRect(
            QRectF(self._rect.left(), self._rect.top(), 7, self._rect.height()), 3.5, 3.5
        )
        painter.fillPath(band, QColor(content.colour))
        if self.coverage_mark is not None:
            painter.setPen(QPen(QColor("white"), 1.5))
            painter.setBrush(QColor(COVERAGE_MARK_COLOURS[self.coverage_mark]))
            painter.drawEllipse(QPointF(self._rect.right() - 12, self._rect.top() + 12), 6, 6)

    def _initials_centre(self) -> tuple[QPointF, float]:
        radius = 15.0
        return QPointF(self._rect.left() + 13 + radius, self._rect.top() + 10 + radius), radius

    def _paint_initials(self, painter: QPainter, content: CardContent) -> None:
        """The person's photo, or their initials in a circle of the department's colour; a
        vacancy's circle is empty and dashed, a headcount group's shows its size."""
        centre, radius = self._initials_centre()
        colour = QColor(content.colour)
        photo = None if content.is_open else self._photo()
        if photo is not None:
            self._paint_photo(painter, photo, centre, radius, colour)
            return
        if content.is_open:
            pen = QPen(QColor(OPEN_COLOUR), 1.5)
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(QColor("#FFF8EC"))
            text = f"×{content.headcount}" if content.headcount > 1 else "?"
            text_colour = QColor(OPEN_COLOUR)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            text = content.initials
            text_colour = QColor("white") if colour.lightnessF() < 0.62 else QColor("#1A1A1A")
        painter.drawEllipse(centre, radius, radius)
        painter.setPen(text_colour)
        painter.setFont(CardFonts.initials)
        box = QRectF(centre.x() - radius, centre.y() - radius, radius * 2, radius * 2)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def _photo(self) -> QPixmap | None:
        photo_of = getattr(self.scene(), "photo_of", None)
        return photo_of(self.position_id) if photo_of is not None else None

    @staticmethod
    def _paint_photo(
        painter: QPainter, photo: QPixmap, centre: QPointF, radius: float, colour: QColor
    ) -> None:
        """The person's photo in the initials' circle, clipped round, with a ring of the
        department's colour."""
        box = QRectF(centre.x() - radius, centre.y() - radius, radius * 2, radius * 2)
        circle = QPainterPath()
        circle.addEllipse(box)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.setClipPath(circle, Qt.ClipOperation.IntersectClip)
        painter.drawPixmap(box, photo, QRectF(photo.rect()))
        painter.restore()
        painter.setPen(QPen(colour, 2.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(centre, radius, radius)

    def _paint_texts(self, painter: QPainter, content: CardContent, badge: bool = False) -> None:
        """Name, role, person, then cost and dates: the order a reader asks in (the last line
        clear of an attainment badge)."""
        centre, radius = self._initials_centre()
        left = centre.x() + radius + 8
        width = self._rect.right() - 8 - left
        if self.coverage_mark is not None:
            width -= 12  # clear of the mark
        top = self._rect.top() + 7
        painter.setPen(QColor("#1A1A1A"))
        for line in wrapped(content.title, CardFonts.name, width, 2):
            top = self._draw_line(painter, CardFonts.name, line, left, top, width)
        painter.setPen(QColor("#5F6B7A"))
        top = self._draw_line(painter, CardFonts.small, content.role_line, left, top, width)
        if content.is_open:
            painter.setPen(QColor(OPEN_COLOUR))
            top = self._draw_line(painter, CardFonts.open, content.person_line, left, top, width)
        else:
            painter.setPen(QColor("#263238"))
            top = self._draw_line(painter, CardFonts.body, content.person_line, left, top, width)
        painter.setPen(QColor("#5F6B7A"))
        last_width = width - (ATTAINMENT_PILL[0] + 4 if badge else 0)
        self._draw_line(painter, CardFonts.small, content.cost_line, left, top, last_width)

    def _attainment(self) -> tuple[str, Decimal | None] | None:
        attainment_of = getattr(self.scene(), "attainment_of", None)
        return attainment_of(self.position_id) if attainment_of is not None else None

    def _paint_attainment(self, painter: QPainter, status: str, ratio: Decimal | None) -> None:
        """A quota carrier's attainment to date, in its status colour: "77 %"."""
        width, height = ATTAINMENT_PILL
        pill = QRectF(self._rect.right() - width - 6, self._rect.bottom() - height - 6, width,
                      height)  # fmt: skip
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(ATTAINMENT_COLOURS.get(status, "#90A4AE")))
        painter.drawRoundedRect(pill, height / 2, height / 2)
        painter.setPen(QColor("white") if status != "amber" else QColor("#1A1A1A"))
        painter.setFont(CardFonts.small)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, format_percent(ratio))

    @staticmethod
    def _draw_line(
        painter: QPainter, font: QFont, text: str, left: float, top: float, width: float
    ) -> float:
        metrics = QFontMetricsF(font)
        painter.setFont(font)
        elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
        painter.drawText(QPointF(left, top + metrics.ascent()), elided)
        return top + metrics.height() + 1

    def _paint_expander(self, painter: QPainter, collapsed: bool) -> None:
        """The +/− under a manager's card: a click opens or closes the team; closed, it says
        how many positions are hidden."""
        rect = self.expander_rect()
        if collapsed:
            text = f"+{self.hidden_reports}"
            width = max(rect.width(), QFontMetricsF(CardFonts.small).horizontalAdvance(text) + 12)
            rect = QRectF(-width / 2, rect.top(), width, rect.height())
        else:
            text = "−"
            rect = QRectF(-EXPANDER_RADIUS, rect.top(), EXPANDER_RADIUS * 2, rect.height())
        painter.setPen(QPen(QColor("white"), 1.5))
        painter.setBrush(QColor("#455A64"))
        painter.drawRoundedRect(rect, EXPANDER_RADIUS, EXPANDER_RADIUS)
        painter.setPen(QColor("white"))
        painter.setFont(CardFonts.small)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_rollup(self, painter: QPainter) -> None:
        """Under a collapsed card, its team's sums: people and open heads, then cost and, for a
        revenue department, its coverage with the red, amber or green mark."""
        rollup = self._rollup()
        if rollup is None:
            return
        strip = QRectF(
            self._rect.left() + 6,
            self._rect.bottom() - 4,
            self._rect.width() - 12,
            ROLLUP_HEIGHT + 4,
        )
        painter.setPen(QPen(QColor("#B0B7C3"), 1.0))
        painter.setBrush(QColor("#ECEFF3"))
        painter.drawRoundedRect(strip, 6, 6)
        with_cost = not getattr(self.scene(), "without_salaries", False)
        texts = rollup_lines(rollup, self._currency(), self._coverage(), with_cost)
        metrics = QFontMetricsF(CardFonts.small)
        painter.setFont(CardFonts.small)
        left = strip.left() + 10
        top = strip.top() + 4 + EXPANDER_RADIUS - 2
        painter.setPen(QColor("#263238"))
        first = metrics.elidedText(texts[0], Qt.TextElideMode.ElideRight, strip.width() - 20)
        painter.drawText(QPointF(left, top + metrics.ascent()), first)
        top += metrics.height()
        cost = texts[1]
        painter.drawText(QPointF(left, top + metrics.ascent()), cost)
        coverage = self._coverage()
        if coverage is not None and len(texts) > 2:
            status, _value = coverage
            text = texts[2]
            right = strip.right() - 10
            x = right - metrics.horizontalAdvance(text)
            painter.drawText(QPointF(x, top + metrics.ascent()), text)
            colour = STATUS_MARK_COLOURS.get(status)
            if colour is not None:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(colour))
                painter.drawEllipse(QPointF(x - 8, top + metrics.height() / 2), 4.5, 4.5)

    def _currency(self) -> str:
        currency_of = getattr(self.scene(), "currency", None)
        return str(currency_of()) if currency_of is not None else ""

    def _coverage(self) -> tuple[str, Decimal | None] | None:
        coverage_of = getattr(self.scene(), "coverage_of", None)
        return coverage_of(self.position_id) if coverage_of is not None else None

    # --- dragging a card --------------------------------------------------------------------

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        toggle = getattr(self.scene(), "toggle_collapsed", None)
        drawn = _detail_of(event) >= SIMPLE_DRAWING_BELOW  # zoomed out, no expander is drawn
        if (
            toggle is not None
            and drawn
            and self.expander_rect().contains(event.pos())
            and self.team()[0]
        ):
            toggle(self.position_id)
            self._on_expander = True  # its release must not select the card either
            event.accept()
            return
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
        if self._on_expander:
            del self._on_expander
            event.accept()
            return
        super().mouseReleaseEvent(event)


def _detail_of(event: QGraphicsSceneMouseEvent) -> float:
    """The zoom of the view a mouse event comes from (its viewport's parent)."""
    viewport = event.widget()
    view = viewport.parentWidget() if viewport is not None else None
    transform = getattr(view, "transform", None)
    return float(transform().m11()) if transform is not None else 1.0


def position_mime_data(position_id: int) -> QMimeData:
    data = QMimeData()
    data.setData(POSITION_MIME_TYPE, QByteArray(str(position_id).encode("utf-8")))
    return data
