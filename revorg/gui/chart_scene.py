"""The chart scene: listens to the controller and keeps one item per visible position.

Every item is kept in a map (position id -> item): the scene is redrawn from the model, and
PySide6 deletes a top-level item whose Python wrapper nothing references (see README).
Reporting lines are one item for the whole chart; zoomed out, one overview item draws every
card as a block and the cards draw nothing (they stay for selection, search and drops).
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QPointF, QRectF, Signal
from PySide6.QtGui import QPainterPath
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from revorg.gui.chart_items import (
    CONNECTOR_PEN_WIDTH,
    COVERAGE_MARK_COLOURS,
    STACK_TICK_LENGTH,
    CardContent,
    CardItem,
    ChartGeometry,
    ConnectorsItem,
    DottedLineItem,
    OverviewItem,
    card_content,
)
from revorg.gui.controller import PlanController
from revorg.gui.layout import ChartLayout, IncrementalLayout, LayoutMetrics
from revorg.model.bulk import paused_gc
from revorg.model.entities import DottedLine, Position
from revorg.model.rows import PositionRow

SCENE_MARGIN = 200.0


class ChartScene(QGraphicsScene):
    layout_changed = Signal()

    def __init__(
        self,
        controller: PlanController,
        metrics: LayoutMetrics | None = None,
        compact: bool = False,
    ) -> None:
        super().__init__()
        self.controller = controller
        self.metrics = metrics or LayoutMetrics()
        self.cards: dict[int, CardItem] = {}
        self.dotted_lines: dict[int, DottedLineItem] = {}
        self.collapsed: set[int] = set()
        self.compact = compact  # set before the first layout: laying out twice is waste
        self.layout = ChartLayout()
        self._layouter = IncrementalLayout(self.metrics, compact)
        # Zoomed out, the overview item stands in for the cards. A large chart opens zoomed
        # out: start so, and a small one switches at its first paint (see ChartView).
        self.overview = True
        # The centres the shown cards were placed at: the last layout's (never changed).
        self._placed: dict[int, tuple[float, float]] = {}
        self._hidden: set[int] = set()  # cards hidden in a collapsed team
        self._new: set[int] = set()  # cards not laid out yet
        self._badged: set[int] = set()  # cards that show a count of hidden reports
        self._marks: dict[str, str | None] | None = None  # coverage marks last applied
        self._unmarked: set[int] = set()  # cards whose coverage mark is not set yet
        geometry = ChartGeometry(self.layout, {}, self.collapsed, self.metrics)
        self.connector_item = ConnectorsItem(geometry)
        self.overview_item = OverviewItem(geometry, self.cards)
        self.connector_item.setVisible(False)
        self.addItem(self.connector_item)
        self.addItem(self.overview_item)
        # Most edits move thousands of cards at once: a spatial index would be rebuilt each
        # time, for lookups that only clicks and drops make.
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        controller.structure_changed.connect(self.sync)
        controller.reports_moved.connect(self.relayout)
        controller.positions_changed.connect(self.refresh_cards)
        controller.document_replaced.connect(self.rebuild)
        controller.scenario_switched.connect(self.rebuild)
        controller.plan_changed.connect(self.mark_coverage)
        self.selectionChanged.connect(self._selection_changed)
        self.rebuild()

    # --- building ---------------------------------------------------------------------------

    def rebuild(self) -> None:
        for item in [*self.cards.values(), *self.dotted_lines.values()]:
            self.removeItem(item)
        self.cards.clear()
        self.dotted_lines.clear()
        self.collapsed.clear()
        self._layouter = IncrementalLayout(self.metrics, self.compact)
        self._placed = {}
        self._hidden.clear()
        self._new.clear()
        self._badged.clear()
        self._unmarked.clear()
        self.overview_item.marked.clear()
        self.sync()

    def sync(self) -> None:
        """Match the items to the model's positions, then lay them out."""
        with paused_gc():  # thousands of cards at a time on a large chart
            self._sync()

    def _sync(self) -> None:
        positions = self.controller.positions()
        gone_ids = [i for i in self.cards if i not in positions]
        for gone in gone_ids:
            card = self.cards.pop(gone)
            self.overview_item.marked.discard(card)
            self._hidden.discard(gone)
            self._new.discard(gone)
            self._badged.discard(gone)
            self._unmarked.discard(gone)
            self.removeItem(card)
        if gone_ids:  # a card made again under the same id (undo) must be placed again
            self._placed = {i: c for i, c in self._placed.items() if i in positions}
        self.collapsed &= set(positions)
        # Only new cards need their content: field edits arrive through refresh_cards.
        colours = {key: d.color for key, d in self.controller.departments_by_key().items()}
        cards, drawn, metrics = self.cards, not self.overview, self.metrics
        new = [position for position in positions.values() if position.id not in cards]
        for position in new:
            card = CardItem(
                position.id,
                partial(self._content_of_id, position.id),
                metrics,
                colours.get(position.department_key, "#888888"),
                drawn=drawn,
            )
            cards[position.id] = card
            self.addItem(card)
        self._unmarked.update(position.id for position in new)
        self._new.update(position.id for position in new)
        self.relayout()
        self.mark_coverage()

    def refresh_cards(self, position_ids: list[int]) -> None:
        positions = self.controller.positions()
        for position_id in position_ids:
            card = self.cards.get(position_id)
            if card is not None and position_id in positions:
                card.set_content(self.content_of(positions[position_id]))
                self._unmarked.add(position_id)  # its department may have changed
        self.overview_item.forget_drawing()  # colours may have changed

    def _content_of_id(self, position_id: int) -> CardContent:
        return self.content_of(self.controller.positions()[position_id])

    def content_of(self, position: PositionRow | Position) -> CardContent:
        controller = self.controller
        role = controller.roles_by_key().get(position.role_key)
        department = controller.departments_by_key().get(position.department_key)
        return card_content(
            title=position.title,
            person_name=position.person_name,
            start_month=position.start_month,
            role_name=role.short(controller.language) if role else position.role_key,
            headcount=position.headcount,
            annual_cost=position.annual_cost,
            currency=controller.scenario.plan.currency,
            colour=department.color if department else "#888888",
        )

    def mark_coverage(self) -> None:
        """Mark the cards of departments that cannot cover their targets (red or amber).

        Only the cards whose mark can have changed are visited: all of them when a
        department's status changed, otherwise new and edited cards."""
        capacity = self.controller.summary().capacity.departments
        marks = {
            key: (department.status if department.status in COVERAGE_MARK_COLOURS else None)
            for key, department in capacity.items()
        }
        if marks != self._marks:
            self._marks = marks
            to_mark: object = self.cards
        else:
            to_mark = self._unmarked
        positions = self.controller.positions()
        cards = self.cards
        for position_id in to_mark:  # type: ignore[attr-defined]
            position = positions.get(position_id)
            card = cards.get(position_id)
            if position is not None and card is not None:
                mark = marks.get(position.department_key)
                if mark != card.coverage_mark:
                    card.set_coverage_mark(mark)
        self._unmarked.clear()

    # --- layout -----------------------------------------------------------------------------

    def relayout(self) -> None:
        with paused_gc():  # new centres for every card
            self._relayout()

    def _relayout(self) -> None:
        tree = self.controller.tree()
        # Only the teams whose reporting lines changed are placed again.
        self.layout = self._layouter.update(tree.children, tree.parent, self.collapsed)
        centres = self.layout.centres
        cards, placed, hidden = self.cards, self._placed, self._hidden
        for position_id in (placed.keys() | self._new) - centres.keys() - hidden:
            card = cards.get(position_id)
            if card is not None:
                card.setVisible(False)
                hidden.add(position_id)
        self._new.clear()
        was_at = placed.get
        for position_id in [i for i, centre in centres.items() if was_at(i) != centre]:
            card = cards[position_id]
            if position_id in hidden:
                card.setVisible(True)
                hidden.discard(position_id)
            x, y = centres[position_id]
            card.setPos(x, y)
        self._placed = centres  # a new dict at every layout, never changed afterwards
        badged = self.collapsed & centres.keys()
        for position_id in self._badged | badged:
            hidden = len(tree.subtree(position_id)) - 1 if position_id in badged else 0
            cards[position_id].set_hidden_reports(hidden)
        self._badged = badged
        left, top, right, bottom = self.layout.bounds(self.metrics)
        bounds = QRectF(left, top, right - left, bottom - top)
        # The lines stay within the cards' rectangle, but for the spines of stacked columns.
        lines = bounds.adjusted(-STACK_TICK_LENGTH - CONNECTOR_PEN_WIDTH, 0, 0, 0)
        geometry = ChartGeometry(
            self.layout, tree.children, self.collapsed, self.metrics, lines if centres else QRectF()
        )
        self.connector_item.set_geometry(geometry)
        self.overview_item.set_geometry(geometry)
        self._draw_dotted_lines()
        self.setSceneRect(bounds.adjusted(-SCENE_MARGIN, -SCENE_MARGIN, SCENE_MARGIN, SCENE_MARGIN))
        self.layout_changed.emit()

    def _draw_dotted_lines(self) -> None:
        centres = self.layout.centres
        lines: list[DottedLine] = list(self.controller.scenario.dotted_lines)
        wanted = {
            line.id: line
            for line in lines
            if line.from_position_id in centres and line.to_position_id in centres
        }
        for gone in [i for i in self.dotted_lines if i not in wanted]:
            self.removeItem(self.dotted_lines.pop(gone))
        for line_id, line in wanted.items():
            item = self.dotted_lines.get(line_id)
            if item is None:
                item = DottedLineItem()
                self.dotted_lines[line_id] = item
                self.addItem(item)
            start = QPointF(*centres[line.from_position_id])
            end = QPointF(*centres[line.to_position_id])
            path = QPainterPath(start)
            middle = QPointF((start.x() + end.x()) / 2, min(start.y(), end.y()) - 60)
            path.quadTo(middle, end)
            item.setPath(path)

    # --- zoomed out -------------------------------------------------------------------------

    def set_overview(self, overview: bool) -> None:
        """Draw the chart as one overview item (zoomed out) or as cards and lines."""
        if overview == self.overview:
            return
        self.overview = overview
        no_contents = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
        for card in self.cards.values():
            card.setFlag(no_contents, overview)
        self.connector_item.setVisible(not overview)
        self.overview_item.setVisible(overview)

    def card_look_changed(self, card: CardItem) -> None:
        """A card was found or became a drop target (called by the card)."""
        self.overview_item.card_look_changed(card)

    def _selection_changed(self) -> None:
        if self.overview:
            self.overview_item.update()

    # --- queries ----------------------------------------------------------------------------

    def card_at(self, scene_point: QPointF) -> CardItem | None:
        for item in self.items(scene_point):
            if isinstance(item, CardItem) and item.isVisible():
                return item
        return None

    def selected_ids(self) -> list[int]:
        return [item.position_id for item in self.selectedItems() if isinstance(item, CardItem)]

    def select_only(self, position_ids: list[int]) -> None:
        self.clearSelection()
        for position_id in position_ids:
            card = self.cards.get(position_id)
            if card is not None:
                card.setSelected(True)

    def toggle_collapsed(self, position_id: int) -> None:
        if not self.controller.tree().reports(position_id):
            return
        self.collapsed ^= {position_id}
        self.relayout()

    def set_compact(self, compact: bool) -> None:
        self.compact = compact
        self._layouter = IncrementalLayout(self.metrics, compact)
        self.relayout()
