"""The chart scene: listens to the controller and keeps one item per visible position.

Every item is kept in a map (position id -> item): the scene is redrawn from the model, and
PySide6 deletes a top-level item whose Python wrapper nothing references (see README).
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QPointF, QRectF, Signal
from PySide6.QtGui import QPainterPath
from PySide6.QtWidgets import QGraphicsScene

from revorg.gui.chart_items import (
    COVERAGE_MARK_COLOURS,
    CardContent,
    CardItem,
    ConnectorItem,
    DottedLineItem,
    card_content,
)
from revorg.gui.controller import PlanController
from revorg.gui.layout import ChartLayout, LayoutMetrics, compute_layout
from revorg.model.entities import DottedLine, Position

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
        self.connectors: dict[int, ConnectorItem] = {}
        self.dotted_lines: dict[int, DottedLineItem] = {}
        self.collapsed: set[int] = set()
        self.compact = compact  # set before the first layout: laying out twice is waste
        self.layout = ChartLayout()
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        controller.structure_changed.connect(self.sync)
        controller.positions_changed.connect(self.refresh_cards)
        controller.document_replaced.connect(self.rebuild)
        controller.scenario_switched.connect(self.rebuild)
        controller.plan_changed.connect(self.mark_coverage)
        self.rebuild()

    # --- building ---------------------------------------------------------------------------

    def rebuild(self) -> None:
        for item in [*self.cards.values(), *self.connectors.values(), *self.dotted_lines.values()]:
            self.removeItem(item)
        self.cards.clear()
        self.connectors.clear()
        self.dotted_lines.clear()
        self.collapsed.clear()
        self.sync()

    def sync(self) -> None:
        """Match the items to the model's positions, then lay them out."""
        positions = self.controller.positions()
        for gone in [i for i in self.cards if i not in positions]:
            self.removeItem(self.cards.pop(gone))
        self.collapsed &= set(positions)
        # Only new cards need their content: field edits arrive through refresh_cards.
        departments = self.controller.departments_by_key()
        for position in positions.values():
            if position.id not in self.cards:
                department = departments.get(position.department_key)
                card = CardItem(
                    position.id,
                    partial(self._content_of_id, position.id),
                    self.metrics,
                    department.color if department else "#888888",
                )
                self.cards[position.id] = card
                self.addItem(card)
        self.relayout()
        self.mark_coverage()

    def refresh_cards(self, position_ids: list[int]) -> None:
        positions = self.controller.positions()
        for position_id in position_ids:
            card = self.cards.get(position_id)
            if card is not None and position_id in positions:
                card.set_content(self.content_of(positions[position_id]))

    def _content_of_id(self, position_id: int) -> CardContent:
        return self.content_of(self.controller.position(position_id))

    def content_of(self, position: Position) -> CardContent:
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
        """Mark the cards of departments that cannot cover their targets (red or amber)."""
        capacity = self.controller.summary().capacity.departments
        marks = {
            key: (department.status if department.status in COVERAGE_MARK_COLOURS else None)
            for key, department in capacity.items()
        }
        positions = self.controller.positions()
        for position_id, card in self.cards.items():
            position = positions.get(position_id)
            if position is not None:
                card.set_coverage_mark(marks.get(position.department_key))

    # --- layout -----------------------------------------------------------------------------

    def relayout(self) -> None:
        tree = self.controller.tree()
        self.layout = compute_layout(
            tree.children, self.metrics, collapsed=self.collapsed, compact=self.compact
        )
        centres = self.layout.centres
        for position_id, card in self.cards.items():
            centre = centres.get(position_id)
            if centre is None:
                card.setVisible(False)
                continue
            card.setPos(QPointF(*centre))
            card.setVisible(True)
            card.set_hidden_reports(
                len(tree.subtree(position_id)) - 1 if position_id in self.collapsed else 0
            )
        self._draw_connectors()
        self._draw_dotted_lines()
        left, top, right, bottom = self.layout.bounds(self.metrics)
        self.setSceneRect(
            QRectF(left, top, right - left, bottom - top).adjusted(
                -SCENE_MARGIN, -SCENE_MARGIN, SCENE_MARGIN, SCENE_MARGIN
            )
        )
        self.layout_changed.emit()

    def _draw_connectors(self) -> None:
        tree = self.controller.tree()
        centres = self.layout.centres
        wanted: dict[int, QPainterPath] = {}
        for manager_id, reports in tree.children.items():
            if manager_id is None or manager_id not in centres or manager_id in self.collapsed:
                continue
            visible = [r for r in reports if r in centres]
            if visible:
                wanted[manager_id] = self._connector_path(manager_id, visible)
        for gone in [i for i in self.connectors if i not in wanted]:
            self.removeItem(self.connectors.pop(gone))
        for manager_id, path in wanted.items():
            item = self.connectors.get(manager_id)
            if item is None:
                item = ConnectorItem()
                self.connectors[manager_id] = item
                self.addItem(item)
            item.setPath(path)

    def _connector_path(self, manager_id: int, reports: list[int]) -> QPainterPath:
        """Orthogonal lines: down from the manager, along a bus, down to each report; for a
        stacked team, down a spine on the left of the column."""
        half_h = self.metrics.card_height / 2
        half_w = self.metrics.card_width / 2
        mx, my = self.layout.centres[manager_id]
        path = QPainterPath(QPointF(mx, my + half_h))
        bus_y = my + half_h + self.metrics.vertical_gap / 2
        path.lineTo(mx, bus_y)
        if manager_id in self.layout.stacked:
            spine_x = mx - half_w - 12
            last_y = self.layout.centres[reports[-1]][1]
            path.lineTo(spine_x, bus_y)
            path.lineTo(spine_x, last_y)
            for report in reports:
                rx, ry = self.layout.centres[report]
                path.moveTo(spine_x, ry)
                path.lineTo(rx - half_w, ry)
            return path
        xs = [self.layout.centres[r][0] for r in reports]
        path.moveTo(min([*xs, mx]), bus_y)
        path.lineTo(max([*xs, mx]), bus_y)
        for report in reports:
            rx, ry = self.layout.centres[report]
            path.moveTo(rx, bus_y)
            path.lineTo(rx, ry - half_h)
        return path

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
        self.relayout()
