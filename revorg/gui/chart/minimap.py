"""The overview map: a small picture of the whole chart in a corner of the view, with the part
on screen as a rectangle that can be dragged (or clicked) to move the view.

The picture is drawn once per layout into an image and only the rectangle is drawn on each
scroll; it is made again a moment after the chart changes, so an edit's repaint does not wait
for it (10,000 blocks take a few milliseconds)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from revorg.gui.chart.view import ChartView

MINIMAP_SIZE = QSize(200, 130)
MARGIN = 12  # from the view's corner
REDRAW_AFTER_MS = 150  # after a change of the chart


class ChartMinimap(QWidget):
    """Bottom right of the chart view, over the chart."""

    def __init__(self, view: ChartView) -> None:
        super().__init__(view)
        self.setObjectName("chartMinimap")
        self.view = view
        self.setFixedSize(MINIMAP_SIZE)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setToolTip(self.tr("Overview: drag the rectangle to move around the chart"))
        self._image: QImage | None = None
        self._chart = QRectF()  # the chart's rectangle the image shows
        self._redraw = QTimer(self)
        self._redraw.setSingleShot(True)
        self._redraw.setInterval(REDRAW_AFTER_MS)
        self._redraw.timeout.connect(self._forget_image)
        view.chart_scene.layout_changed.connect(self._redraw.start)
        self.wanted = True  # View > Overview map
        for bar in (view.horizontalScrollBar(), view.verticalScrollBar()):
            bar.valueChanged.connect(self._view_moved)
            bar.rangeChanged.connect(self._view_moved)
        view.resized.connect(self._place)
        self._place()

    def set_wanted(self, wanted: bool) -> None:
        self.wanted = wanted
        self._view_moved()

    def _view_moved(self) -> None:
        """Shown while part of the chart is off screen: over a chart seen whole, it would only
        hide cards."""
        seen = self.view.mapToScene(self.view.viewport().rect()).boundingRect()
        chart = self.view.chart_rect()
        needed = self.wanted and not chart.isEmpty() and not seen.contains(chart)
        if needed != self.isVisible():
            self.setVisible(needed)
        if needed:
            self.update()

    # --- geometry ---------------------------------------------------------------------------

    def _place(self) -> None:
        viewport = self.view.viewport().geometry()
        self.move(
            viewport.right() - self.width() - MARGIN, viewport.bottom() - self.height() - MARGIN
        )
        self._view_moved()

    def _scale(self) -> tuple[float, QPointF]:
        """Map pixels per scene unit, and the map's top left in scene units."""
        chart = self._chart if self._image is not None else self.view.chart_rect()
        if chart.isEmpty():
            return 1.0, QPointF()
        inner = self.rect().adjusted(4, 4, -4, -4)
        scale = min(inner.width() / chart.width(), inner.height() / chart.height())
        left = chart.center().x() - inner.width() / 2 / scale
        top = chart.center().y() - inner.height() / 2 / scale
        return scale, QPointF(left - 4 / scale, top - 4 / scale)

    def to_map(self, point: QPointF) -> QPointF:
        scale, origin = self._scale()
        return (point - origin) * scale

    def to_scene(self, point: QPointF) -> QPointF:
        scale, origin = self._scale()
        return point / scale + origin

    def visible_rect(self) -> QRectF:
        """The part of the chart on screen, in map pixels."""
        seen = self.view.mapToScene(self.view.viewport().rect()).boundingRect()
        return QRectF(self.to_map(seen.topLeft()), self.to_map(seen.bottomRight()))

    # --- drawing ----------------------------------------------------------------------------

    def _forget_image(self) -> None:
        self._image = None
        self._view_moved()

    def _make_image(self) -> QImage:
        self._chart = self.view.chart_rect()
        image = QImage(self.size(), QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor("white"))
        scene = self.view.chart_scene
        scale, origin = self._scale()
        metrics = scene.metrics
        width = max(1, round(metrics.card_width * scale))
        height = max(1, round(metrics.card_height * scale))
        # Whole map pixels, each drawn once, in the colour of a card on it: 10,000 cards fall
        # on a few thousand of them, and a rectangle object per card was most of the cost
        # (15 ms at 10,000). A card's colour is read once per pixel, not per card (reading
        # it from 50,000 cards was half of the 60 ms the map took after Expand all).
        left, top = origin.x() + metrics.card_width / 2, origin.y() + metrics.card_height / 2
        cells = {
            (int((x - left) * scale), int((y - top) * scale)): position_id
            for position_id, (x, y) in scene.layout.centres.items()
        }
        cards = scene.cards
        by_colour: dict[str, list[QRect]] = {}
        for (x, y), position_id in cells.items():
            card = cards.get(position_id)  # not made yet: left to the idle turns
            colour = card.colour if card is not None else cards.colour_of_unmade(position_id)
            by_colour.setdefault(colour, []).append(QRect(x, y, width, height))
        painter = QPainter(image)
        painter.setPen(Qt.PenStyle.NoPen)
        for colour, rects in by_colour.items():
            painter.setBrush(QColor(colour))
            painter.drawRects(rects)
        painter.end()
        return image

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._image is None:
            self._image = self._make_image()
        painter = QPainter(self)
        painter.drawImage(0, 0, self._image)
        painter.setPen(QPen(QColor("#90A4AE"), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.setPen(QPen(QColor("#1565C0"), 2))
        painter.setBrush(QColor(21, 101, 192, 40))
        painter.drawRect(self.visible_rect().intersected(QRectF(self.rect())))

    # --- dragging ---------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
            self._centre_at(event.position())
            event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._centre_at(event.position())
            event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        event.accept()

    def _centre_at(self, point: QPointF) -> None:
        if self._image is None:
            self._image = self._make_image()
        self.view.centerOn(self.to_scene(point))
