"""The chart's card items, made when a position is first shown: a part of ChartScene
(revorg.gui.chart.scene), as the marks and photos are.

A plan opens at its top levels, the teams below them collapsed: making an item for every
position at start was 180 ms of a 10,000-position window's start (2 s at 50,000) for cards
nobody saw. A card is made when a layout first places its position (a team expanded, focused,
searched, an export by level), or when something asks the map for a hidden position's card
(`scene.cards[position_id]`: made hidden). Whatever a card shows that is not in its row (its
department's coverage mark, a search's highlight) the scene keeps by position, so a card made
later shows it too.

After the first paint the window makes the other cards in idle turns. A layout that places
more than MADE_AT_ONCE positions without cards before those turns are done (Expand all clicked
at once: 50,000 cards, half of that step's 0.5 s) leaves them to the turns, first in line: the
view makes those on screen before it paints (`make_cards_on_screen`), a click, a selection, a
search or an image makes those it needs, and the overview and the map draw the others in
their departments' colours.

Every card made is kept in the map until its position goes: in PySide6 6.11 calling
parentItem() on a top-level item whose Python wrapper nothing references deletes the item.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QTimer
from PySide6.QtWidgets import QGraphicsScene

from revorg.gui.chart.card import CardItem
from revorg.gui.chart.card_texts import CardContent, card_content
from revorg.gui.chart.layout import IncrementalLayout
from revorg.gui.chart.layout_result import ChartLayout, LayoutMetrics
from revorg.gui.edit_wait import edit_waits
from revorg.model.entities import Position
from revorg.model.rows import PositionRow

if TYPE_CHECKING:
    from revorg.model.editing.reading import PlanReading

# Cards made per turn of the event loop while the window is idle (about 5 ms at 10 to 13 µs a
# card): small enough that a click or a key waits for at most one turn.
IDLE_BATCH = 400
# Closed teams placed per turn once every card is made (a few µs to a few dozen a team).
IDLE_TEAMS = 400
# More cards than this to make for one layout while the window does idle work (the first
# Expand all of 50,000 positions: 50,000 cards, 250 to 300 ms of CPU): only those on screen are
# made, when the view paints; the others are made by the idle turns, placed and shown.
MADE_AT_ONCE = 1_000
REPAINT_ALL_ABOVE = 2_000  # cards moved, shown or hidden at once: the whole scene repainted
NO_COLOUR = "#888888"  # a position whose department is unknown


class CardMap(dict[int, CardItem]):
    """Position id -> its card, for the cards made so far. `in`, `get`, `len` and the views
    see those alone; `cards[position_id]` makes the card of a position of the plan not made
    yet (at its place when the layout places it, else hidden), so a reader that asks for one
    card always gets it. `colour_of_unmade` gives the colour a card not made yet will have (the
    overview item and the map draw placed positions whose cards the idle turns make later)."""

    def __init__(self, make: Callable[[int], CardItem], colour: Callable[[int], str]) -> None:
        super().__init__()
        self._make = make
        self.colour_of_unmade = colour

    def __missing__(self, position_id: int) -> CardItem:
        return self._make(position_id)  # KeyError for an id that is no position of the plan


class SceneCards(QGraphicsScene):
    """The part of the chart's scene that keeps its cards (ChartScene sets what is declared
    here before its first layout)."""

    plan: PlanReading
    metrics: LayoutMetrics
    without_salaries: bool
    overview: bool
    layout: ChartLayout
    _layouter: IncrementalLayout
    cards: CardMap
    collapsed: set[int]
    _marks: dict[str, str | None] | None
    _unmarked: set[int]

    def _start_cards(self) -> None:
        self.cards = CardMap(self._card_on_demand, self._colour_of_position)
        self.found: set[int] = set()  # positions a search matched: their cards highlighted
        self._hidden: set[int] = set()  # cards made but not shown (a collapsed team, a focus)
        self._new: set[int] = set()  # cards that may not be placed by the next layout
        self._spare: list[CardItem] = []  # cards of the scenario shown before, to reuse
        self._unmade: list[int] = []  # positions whose cards are made when the window is idle
        # Positions a layout placed whose cards are left to the idle turns (MADE_AT_ONCE): made
        # first when on screen. Some may have been dropped by a later layout since.
        self._placed_unmade: set[int] = set()
        self._fill_when_idle = False  # asked by the window: again after each rebuild
        self._teams_first = True  # the idle turns place the closed teams, then make cards
        self._idle = QTimer(self)
        self._idle.setInterval(0)  # a turn of the event loop, after what is waiting
        self._idle.timeout.connect(self._work_when_idle)

    def make_cards_when_idle(self) -> None:
        """Place the closed teams, then make the cards not made yet, a few hundred at a time
        while the window is idle (the window asks after its first paint, and again after
        another scenario or plan is shown): the first Expand all after opening then only moves
        and shows the cards, as later ones do (making 50,000 cards in that one step took it
        from 0.5 s to 1 s of CPU, and placing 17,879 teams was 0.15 s of it). A card asked for
        before its turn is made then, and an interaction between two turns finds the cards
        and teams done so far (the rest it places itself, or leaves to these turns)."""
        self._fill_when_idle = True
        self._unmade = [i for i in self.plan.positions() if i not in self.cards]
        self._unmade.reverse()  # popped from the end: the plan's order
        self._teams_first = True
        self._idle.start()

    def _place_ahead_again(self) -> None:
        """A new layouter (compact or not, a focus left): its closed teams placed while idle."""
        if self._fill_when_idle:
            self._teams_first = True
            self._idle.start()

    def idle_work_done(self) -> bool:
        """Whether the window asked for the idle work and it is finished."""
        return self._fill_when_idle and not self._idle.isActive()

    def _work_when_idle(self) -> None:
        """The closed teams placed first, then the cards made: an expansion needs its teams'
        places in its step (17,879 teams, 100 ms, at 50,000), its cards only on screen. Teams
        opened or closed while the cards are made are placed after them."""
        children = self.plan.tree().children
        if self._teams_first:
            if self._layouter.place_ahead(children, IDLE_TEAMS):
                return
            self._teams_first = False  # looked for again once the cards are made
        batch: list[int] = []
        positions, cards, unmade = self.plan.positions(), self.cards, self._unmade
        while unmade and len(batch) < IDLE_BATCH:
            position_id = unmade.pop()
            if position_id in positions and position_id not in cards:
                batch.append(position_id)
        if batch:
            self._make_cards(batch, self.layout.centres)
        elif not self._layouter.place_ahead(children, IDLE_TEAMS):
            self._idle.stop()

    def _leave_to_idle_turns(self, position_ids: list[int]) -> None:
        """Placed positions whose cards the idle turns make, before the others."""
        self._placed_unmade.update(position_ids)
        self._unmade.extend(position_ids)  # popped from the end: first
        self._idle.start()

    def placed_without_card(self) -> set[int]:
        """Positions the layout places whose cards are not made yet (off screen, made soon)."""
        centres = self.layout.centres
        return {i for i in self._placed_unmade if i in centres and i not in self.cards}

    def make_cards_on_screen(self, rect: QRectF) -> None:
        """Make the cards the layout places in or near `rect` (scene coordinates) that are
        left to the idle turns: the view asks before it paints, so a card scrolled or zoomed
        into view before its turn is there. None while an edit waits for the team server: its
        rows are halfway (the next paint after the wait makes them)."""
        if not self._placed_unmade or edit_waits():
            return
        centres, metrics = self.layout.centres, self.metrics
        half_width, half_height = metrics.card_width / 2, metrics.card_height / 2
        left, right = rect.left() - half_width, rect.right() + half_width
        top, bottom = rect.top() - half_height, rect.bottom() + half_height
        wanted, dropped = [], []
        for position_id in self._placed_unmade:
            centre = centres.get(position_id)
            if centre is None:
                dropped.append(position_id)  # a team closed since: made hidden when idle
            elif left <= centre[0] <= right and top <= centre[1] <= bottom:
                wanted.append(position_id)
        self._placed_unmade.difference_update(dropped)
        if wanted:
            self._make_cards(wanted, centres)

    def make_placed_cards(self) -> None:
        """Every card the layout places made now (an image of the chart as shown)."""
        unmade = [i for i in self._placed_unmade if i in self.layout.centres]
        self._placed_unmade.clear()
        self._make_cards([i for i in unmade if i not in self.cards], self.layout.centres)

    def shown_card(self, position_id: int) -> CardItem | None:
        """A position's card when made or placed by the layout (made now if need be); None
        for a position in a closed team whose card was never made."""
        card = self.cards.get(position_id)
        if card is None and position_id in self.layout.centres:
            return self.cards[position_id]
        return card

    def _remove_cards(self, position_ids: Iterable[int]) -> None:
        for gone in position_ids:
            kept_sets = (self._hidden, self._new, self._unmarked, self.collapsed, self.found)
            for kept in (*kept_sets, self._placed_unmade):
                kept.discard(gone)
            card = self.cards.pop(gone, None)
            if card is not None:
                self._card_removed(card)
                self.removeItem(card)

    def _card_removed(self, card: CardItem) -> None:
        raise NotImplementedError

    def _colour_of_position(self, position_id: int) -> str:
        department = self.plan.departments_by_key().get(
            self.plan.positions()[position_id].department_key
        )
        return department.color if department else NO_COLOUR

    def _card_on_demand(self, position_id: int) -> CardItem:
        if position_id not in self.plan.positions():
            raise KeyError(position_id)
        self._make_cards([position_id], self.layout.centres)
        return self.cards[position_id]

    def _make_cards(
        self, position_ids: Collection[int], centres: Mapping[int, tuple[float, float]]
    ) -> None:
        """Cards for these positions, at their centres or hidden when they have none. A new
        card is placed before it joins the scene, where Qt marks nothing for repainting; the
        cards of the scenario shown before are reused (making 50,000 was half a second)."""
        positions = self.plan.positions()
        colours = {key: d.color for key, d in self.plan.departments_by_key().items()}
        marks, found, hidden = self._marks or {}, self.found, self._hidden
        cards, drawn, metrics, spare = self.cards, not self.overview, self.metrics, self._spare
        for position_id in position_ids:
            department = positions[position_id].department_key
            content = partial(self._content_of_id, position_id)
            colour = colours.get(department, NO_COLOUR)
            centre = centres.get(position_id)
            if spare:
                card = spare.pop()
                card.reuse(position_id, content, colour)
            else:
                card = CardItem(position_id, content, metrics, colour, drawn=drawn)
            if centre is None:
                card.setVisible(False)
                hidden.add(position_id)
            else:
                card.setPos(*centre)
            if card.scene() is None:
                self.addItem(card)
            cards[position_id] = card
            mark = marks.get(department)
            if mark is not None:
                card.set_coverage_mark(mark)
            if position_id in found:
                card.set_highlighted(True)
        if self._placed_unmade:
            self._placed_unmade.difference_update(position_ids)

    def _place_cards(self, layout: ChartLayout) -> None:
        """Follow a new layout: hide the cards it no longer places, move those it placed
        elsewhere, make those it places first, and show the hidden ones it placed."""
        centres, cards, hidden = layout.centres, self.cards, self._hidden
        unplaced = [*layout.dropped, *(i for i in self._new if i not in centres)]
        self._new.clear()
        changed = layout.changed
        if len(unplaced) + len(changed) > REPAINT_ALL_ABOVE:
            # The whole scene marked for repainting first: Qt then skips marking each card
            # that moves or hides (its old and new place), which cost about a microsecond a
            # card at the next paint (Expand all, a focus and back move 50,000).
            self.update()
        for position_id in unplaced:
            card = cards.get(position_id)
            if card is not None and position_id not in hidden:
                card.setVisible(False)
                hidden.add(position_id)
        unmade: list[int] = []
        if len(cards) < len(self.plan.positions()):  # some not made: look each card up
            placed = cards.get
            for position_id in changed:
                card = placed(position_id)
                if card is None:
                    unmade.append(position_id)
                else:
                    card.setPos(*centres[position_id])
        else:  # every card made (the chart was expanded whole once): as before lazy cards
            for position_id in changed:
                cards[position_id].setPos(*centres[position_id])
        # Shown after they moved: a hidden card moves without Qt marking its old and new
        # places for repainting (Expand all shows 50,000 cards at once).
        if hidden:
            shown = hidden.intersection(changed)
            hidden.difference_update(shown)
            for position_id in shown:
                cards[position_id].setVisible(True)
        if self._fill_when_idle and not self._spare and len(unmade) > MADE_AT_ONCE:
            self._leave_to_idle_turns(unmade)  # those on screen made when the view paints
        elif unmade:
            self._make_cards(unmade, centres)

    def set_found(self, position_ids: Iterable[int]) -> None:
        """Highlight the cards a search matched, and only those; the cards not made yet are
        highlighted when made. Only the cards whose mark changes are visited (a search of
        50,000 cards set each one)."""
        found = set(position_ids)
        cards = self.cards
        for position_id in found.symmetric_difference(self.found):
            card = cards.get(position_id)
            if card is not None:
                card.set_highlighted(position_id in found)
        self.found = found

    def refresh_cards(self, position_ids: Iterable[int]) -> None:
        """Edited positions: their cards show the new content (cards not made yet will)."""
        positions = self.plan.positions()
        recoloured = False
        for position_id in position_ids:
            card = self.cards.get(position_id)
            if card is not None and position_id in positions:
                colour = card.colour
                card.set_content(self.content_of(positions[position_id]))
                recoloured |= card.colour != colour
                self._unmarked.add(position_id)  # its department may have changed
        if recoloured:
            self._cards_recoloured()

    def _cards_recoloured(self) -> None:
        raise NotImplementedError

    def _content_of_id(self, position_id: int) -> CardContent:
        return self.content_of(self.plan.positions()[position_id])

    def content_of(self, position: PositionRow | Position) -> CardContent:
        plan = self.plan
        role = plan.roles_by_key().get(position.role_key)
        department = plan.departments_by_key().get(position.department_key)
        return card_content(
            title=position.title,
            person_name=position.person_name,
            start_month=position.start_month,
            role_name=role.short(plan.language) if role else position.role_key,
            headcount=position.headcount,
            annual_cost=None if self.without_salaries else position.annual_cost,
            currency=plan.scenario.plan.currency,
            colour=department.color if department else NO_COLOUR,
        )
