"""The whole chart drawn as one item when zoomed out, where a Python paint call per card was
the cost of a repaint. It needs the cards (their colours and marks) and the lines' geometry, so
it sits above both.

PySide6 6.11 quirk: calling parentItem() on a top-level QGraphicsItem whose Python wrapper nothing
references deletes the item, so the scene keeps the overview as an attribute, next to its map of
cards."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from revorg.gui.chart.card import CardItem
from revorg.gui.chart.lines import STACK_TICK_LENGTH, ChartGeometry, connector_pen
from revorg.gui.chart.scene_cards import CardMap
from revorg.model.bulk import paused_gc


class OverviewItem(QGraphicsItem):
    """The whole chart zoomed out: every card as a block in its department's colour and every
    reporting line, in a few draw calls. While it is shown the cards draw nothing (thousands
    of Python paint calls were the cost of a zoomed-out repaint); they stay in the scene for
    selection, search and drops."""

    def __init__(self, geometry: ChartGeometry, cards: CardMap) -> None:
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
                # A card not made yet (left to the idle turns) is drawn in its colour to be.
                card = cards.get(position_id)
                colour = card.colour if card is not None else cards.colour_of_unmade(position_id)
                centres_by_colour.setdefault(colour, []).append(centre)
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
