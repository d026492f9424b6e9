"""The chart scene: draws a plan's current scenario, one item per visible position, and
follows the controller's change notifications when there is one (an image export has none).

Every item is kept in a map (position id -> item): the scene is redrawn from the model, and
in PySide6 6.11 calling parentItem() on a top-level item whose Python wrapper nothing references
deletes the item. A card is made when its position is first shown (scene_cards).
Reporting lines are one item for the whole chart; zoomed out, one overview item draws every
card as a block and the cards draw nothing (they stay for selection, search and drops).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal

from PySide6.QtCore import QPointF, QRectF, Signal
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from revorg.gui.chart.card import CardItem
from revorg.gui.chart.collapse import (
    TeamRollup,
    beside_path,
    collapsed_above,
    collapsed_at_level,
    is_below,
    known_managers,
    opened_by_expanding,
    rollup,
)
from revorg.gui.chart.layout import IncrementalLayout
from revorg.gui.chart.layout_result import ChartLayout, LayoutMetrics
from revorg.gui.chart.lines import (
    CONNECTOR_PEN_WIDTH,
    STACK_TICK_LENGTH,
    ChartGeometry,
    ConnectorsItem,
    DottedLineItem,
    place_dotted_lines,
)
from revorg.gui.chart.marks import CardMarks
from revorg.gui.chart.overview import OverviewItem
from revorg.gui.chart.photos import CardPhotos
from revorg.gui.chart.scene_cards import SceneCards
from revorg.gui.controller import PlanController
from revorg.model.bulk import paused_gc
from revorg.model.editing.change import Change
from revorg.model.editing.reading import PlanReading
from revorg.model.scenario_rows import RowsChange

SCENE_MARGIN = 200.0


class ChartScene(SceneCards, CardMarks, CardPhotos):
    layout_changed = Signal()
    expansion_changed = Signal()  # the user opened or closed teams (kept per plan)
    focus_changed = Signal()  # another team in focus, or none

    def __init__(
        self,
        plan: PlanReading,
        controller: PlanController | None = None,
        metrics: LayoutMetrics | None = None,
        compact: bool = False,
        collapsed: Iterable[int] = (),
        without_salaries: bool = False,
    ) -> None:
        """`collapsed`: the teams shown closed at the first layout (a plan opens at its top
        levels: laying it out whole first and closing teams after was twice the work);
        `without_salaries`: no cost on the cards (a chart to share with everyone)."""
        super().__init__()
        self.plan = plan
        self.controller = controller
        self.without_salaries = without_salaries
        self.metrics = metrics or LayoutMetrics()
        self._start_cards()  # made when first shown (scene_cards)
        self.dotted_lines: dict[int, DottedLineItem] = {}
        self.collapsed: set[int] = set()
        self.focus: int | None = None  # the manager whose team alone is shown
        self._first_collapsed = list(collapsed)
        self._rollups: dict[int, TeamRollup] = {}  # of collapsed cards, made when drawn
        # Department key -> (status, coverage) of the departments with revenue lines.
        self._coverage: dict[str, tuple[str, Decimal | None]] = {}
        # Position id -> (status, attainment to date) of quota carriers, when there are actuals.
        self._attainment: dict[int, tuple[str, Decimal | None]] = {}
        self.compact = compact  # set before the first layout: laying out twice is waste
        self.layout = ChartLayout()
        self._layouter = IncrementalLayout(self.metrics, compact)
        # Zoomed out, the overview item stands in for the cards. A large chart opens zoomed
        # out: start so, and a small one switches at its first paint (see ChartView).
        self.overview = True
        self._marks: dict[str, str | None] | None = None  # coverage marks last applied
        self._unmarked: set[int] = set()  # cards whose coverage mark is not set yet
        self.staff: set[int] = set()  # positions marked as staff of their managers
        geometry = ChartGeometry(self.layout, {}, self.collapsed, self.metrics)
        self.connector_item = ConnectorsItem(geometry)
        self.overview_item = OverviewItem(geometry, self.cards)
        self.connector_item.setVisible(False)
        self.addItem(self.connector_item)
        self.addItem(self.overview_item)
        # Most edits move thousands of cards at once: a spatial index would be rebuilt each
        # time, for lookups that only clicks and drops make.
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.read_photo_lineages()
        if controller is not None:
            # Every edit ends with plan_changed: the coverage marks follow it, once.
            controller.structure_changed.connect(self.sync)
            controller.rows_changed.connect(self.apply_change)
            controller.dotted_lines_changed.connect(self._draw_dotted_lines)
            controller.document_replaced.connect(self._show_other_positions)
            controller.scenario_switched.connect(self._show_other_positions)
            controller.plan_changed.connect(self.mark_coverage)
            controller.plan_changed.connect(self.mark_attainment)
            controller.plan_changed.connect(self._after_plan_settings)
            controller.plan_changed.connect(self.take_photo_changes)
        self.selectionChanged.connect(self._selection_changed)
        self.rebuild()
        self.mark_coverage()
        self.mark_attainment()

    # --- building ---------------------------------------------------------------------------

    def _show_other_positions(self) -> None:
        """Another plan or scenario: its ids are others, so no team stays closed or in focus.
        Another plan may withhold its salaries (a team plan's viewer) or not."""
        if self.controller is not None:
            self.without_salaries = self.controller.document.without_salaries
        had_focus = self.focus is not None
        self.rebuild()
        if had_focus:
            self.focus_changed.emit()

    def rebuild(self) -> None:
        """Show the positions of another scenario or plan. The cards are kept for them:
        removing 50,000 items and making as many again was most of a switch of scenarios."""
        self.clearSelection()
        for position_id in self._hidden:
            self.cards[position_id].setVisible(True)
        self._hidden.clear()
        self.found.clear()  # a reused card is no longer highlighted
        self._spare = list(self.cards.values())
        for item in self.dotted_lines.values():
            self.removeItem(item)
        self.cards.clear()
        self.dotted_lines.clear()
        self.collapsed.clear()
        self.focus = None
        if self._first_collapsed:
            self.collapsed.update(known_managers(self.plan.tree().children, self._first_collapsed))
            self._first_collapsed = []
        self._layouter = IncrementalLayout(self.metrics, self.compact)
        self._new.clear()
        self._placed_unmade.clear()  # another scenario's ids
        self._unmarked.clear()
        self.overview_item.marked.clear()
        self.sync()
        for card in self._spare:  # the new scenario has fewer positions
            self.removeItem(card)
        self._spare = []
        if self._fill_when_idle:
            self.make_cards_when_idle()

    def sync(self) -> None:
        """Match the items to the model's positions, then lay them out."""
        with paused_gc():  # thousands of cards at a time on a large chart
            self._sync()

    def _sync(self) -> None:
        positions = self.plan.positions()
        self._remove_cards([i for i in self.cards if i not in positions])
        self.staff = {i for i, row in positions.items() if row.staff}
        self._relayout()

    def apply_change(self, change: RowsChange) -> None:
        """Take in an edit of a few positions: only their cards are made, removed or redrawn,
        and only the teams whose reports changed are laid out again."""
        with paused_gc():
            self._remove_cards(change.removed)  # the added ones are made when shown
            self.refresh_cards(change.edited)
            self._note_staff(change)
            if change.reshaped:
                self._relayout()
            else:
                self._rollups_changed()

    def _note_staff(self, change: RowsChange) -> None:
        """Which cards are staff after an edit of a few (marking one moves it: reshaped)."""
        positions = self.plan.positions()
        self.staff.difference_update(change.removed)
        for position_id in (*change.added, *change.moved):
            row = positions.get(position_id)
            if row is not None and row.staff:
                self.staff.add(position_id)
            else:
                self.staff.discard(position_id)

    def _after_plan_settings(self, change: Change | None) -> None:
        """Another currency shows on every card, not only on the positions the edit moved."""
        if change is not None and change.plan:
            self.refresh_cards(list(self.cards))

    def _card_removed(self, card: CardItem) -> None:
        self.overview_item.marked.discard(card)

    def _cards_recoloured(self) -> None:
        self.overview_item.forget_drawing()

    # --- layout -----------------------------------------------------------------------------

    def relayout(self, only: Iterable[int | None] | None = None) -> None:
        """Lay the chart out again. `only`: the managers (None: the top) whose shown reports
        changed, the plan being as at the last layout (teams opened or closed, a focus)."""
        with paused_gc():  # new centres for every card
            self._relayout(only)

    def _relayout(self, only: Iterable[int | None] | None = None) -> None:
        tree = self.plan.tree()
        if self.focus is not None and self.focus not in tree:
            self._leave_focus()  # the team in focus was deleted
            only = None
        self.collapsed.difference_update([i for i in self.collapsed if not tree.reports(i)])
        children = self.shown_children()
        # Only the teams whose reporting lines changed are placed again.
        self.layout = self._layouter.update(
            children,
            tree.parent,
            self.collapsed,
            self.staff,
            None if only is None else set(only),
        )
        self._place_cards(self.layout)
        cards, centres = self.cards, self.layout.centres
        for position_id in self.layout.regrouped:  # its expander appeared or went
            card = cards.get(position_id)
            if card is not None:
                card.update()
        self._rollups_changed()
        left, top, right, bottom = self.layout.bounds(self.metrics)
        bounds = QRectF(left, top, right - left, bottom - top)
        # The lines stay within the cards' rectangle, but for the spines of stacked columns.
        lines = bounds.adjusted(-STACK_TICK_LENGTH - CONNECTOR_PEN_WIDTH, 0, 0, 0)
        geometry = ChartGeometry(
            self.layout,
            children,
            self.collapsed,
            self.metrics,
            lines if centres else QRectF(),
            tree.parent,
        )
        layout = self.layout
        touched = [*layout.changed, *layout.dropped, *layout.regrouped] if layout.follows else None
        self.connector_item.set_geometry(geometry, touched)
        self.overview_item.set_geometry(geometry)
        self._draw_dotted_lines()
        self.setSceneRect(bounds.adjusted(-SCENE_MARGIN, -SCENE_MARGIN, SCENE_MARGIN, SCENE_MARGIN))
        self.layout_changed.emit()

    def _draw_dotted_lines(self) -> None:
        place_dotted_lines(
            self, self.dotted_lines, self.layout.centres, self.plan.scenario.dotted_lines
        )

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
        self.make_cards_on_screen(QRectF(scene_point, scene_point))  # one left to idle turns
        for item in self.items(scene_point):
            if isinstance(item, CardItem) and item.isVisible():
                return item
        return None

    def selected_ids(self) -> list[int]:
        return [item.position_id for item in self.selectedItems() if isinstance(item, CardItem)]

    def select_only(self, position_ids: list[int]) -> None:
        self.clearSelection()
        for position_id in position_ids:
            card = self.shown_card(position_id)
            if card is not None:
                card.setSelected(True)

    # --- collapsed teams and focus ------------------------------------------------------------

    def tops(self) -> Sequence[int]:
        """The cards at the top of the chart: the roots, or the manager in focus."""
        return [self.focus] if self.focus is not None else self.plan.tree().roots()

    def shown_children(self) -> Mapping[int | None, Sequence[int]]:
        """The reporting tree as drawn: with a team in focus, that manager at the top."""
        children = self.plan.tree().children
        if self.focus is None:
            return children
        return {**children, None: [self.focus]}

    def team_of(self, position_id: int) -> tuple[bool, bool]:
        """(has reports, shown collapsed): what a card's expander shows."""
        has_reports = bool(self.plan.tree().reports(position_id))
        return has_reports, has_reports and position_id in self.collapsed

    def rollup_of(self, position_id: int) -> TeamRollup:
        """A collapsed team's sums, made when its card is first drawn after a change."""
        found = self._rollups.get(position_id)
        if found is None:
            tree = self.plan.tree()
            found = rollup(tree.children, self.plan.positions(), position_id)
            self._rollups[position_id] = found
        return found

    def _rollups_changed(self) -> None:
        """Numbers may have changed anywhere below a collapsed card: draw them again."""
        if not self.collapsed:
            return
        self._rollups.clear()
        cards = self.cards
        for position_id in self.collapsed:
            card = cards.get(position_id)
            if card is not None and card.isVisible():
                card.update()

    def toggle_collapsed(self, position_id: int) -> None:
        """Close a team, or open it: down as many levels as show a few dozen cards."""
        tree = self.plan.tree()
        if not tree.reports(position_id):
            return
        before = set(self.collapsed)
        if position_id in self.collapsed:
            opened, closed = opened_by_expanding(tree.children, position_id)
            self.collapsed.difference_update(opened)
            self.collapsed.update(closed)
        else:
            self.collapsed.add(position_id)
        self.relayout(before ^ self.collapsed)
        self.expansion_changed.emit()

    def expand_to_level(self, level: int) -> None:
        """Show `level` levels from the top (ALL_LEVELS: everything)."""
        self.set_collapsed(collapsed_at_level(self.shown_children(), self.tops(), level))

    def set_collapsed(self, collapsed: Iterable[int]) -> None:
        wanted = known_managers(self.plan.tree().children, collapsed)
        if wanted == self.collapsed:
            return
        changed = wanted ^ self.collapsed
        self.collapsed.clear()
        self.collapsed.update(wanted)
        self.relayout(changed)
        self.expansion_changed.emit()

    def reveal(self, position_id: int) -> None:
        """Make a card shown: open the collapsed teams above it down the path to it (the rest
        of those teams closed), leave a focus it is not in."""
        tree = self.plan.tree()
        if position_id not in tree:
            return
        if self.focus is not None and not is_below(tree.parent, position_id, self.focus):
            self.set_focus(None)
        hiding = collapsed_above(tree.parent, self.collapsed, position_id)
        if hiding:
            before = set(self.collapsed)
            self.collapsed.difference_update(hiding)
            # The path alone: the teams beside it stay closed. Opening a VP's whole division
            # for a search (35,000 cards at 50,000) took 0.6 s of layout and moves.
            self.collapsed.update(beside_path(tree.children, tree.parent, hiding[-1], position_id))
            self.relayout(before ^ self.collapsed)
            self.expansion_changed.emit()

    def set_focus(self, position_id: int | None) -> None:
        """Show one manager's team alone (None: the whole chart), its cards outside hidden.
        The teams keep their placements: only the top of the chart is placed again and the
        cards moved (laying the team out afresh was 0.5 s for a VP's 35,000 cards, and as
        much again for the whole chart on the way back)."""
        if position_id == self.focus:
            return
        if position_id is not None and position_id not in self.plan.tree():
            return
        self.focus = position_id
        before = set(self.collapsed)
        if position_id is not None and position_id in self.collapsed:
            # Opened as a click opens it: a few dozen cards, not a whole division at once.
            opened, closed = opened_by_expanding(self.plan.tree().children, position_id)
            self.collapsed.difference_update(opened)
            self.collapsed.update(closed)
        self.relayout({None, *(before ^ self.collapsed)})
        self.focus_changed.emit()

    def _leave_focus(self) -> None:
        self.focus = None
        self._layouter = IncrementalLayout(self.metrics, self.compact)
        self._new.update(self.cards)
        self._place_ahead_again()
        self.focus_changed.emit()

    def set_compact(self, compact: bool) -> None:
        self.compact = compact
        self._layouter = IncrementalLayout(self.metrics, compact)
        self.relayout()
        self._place_ahead_again()

    def currency(self) -> str:
        return self.plan.scenario.plan.currency
