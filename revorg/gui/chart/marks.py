"""The marks on the chart's cards that follow the plan's numbers: each department's coverage
(red or amber on its cards, a collapsed team's roll-up) and each quota carrier's attainment to
date once the plan has actuals. A part of ChartScene (revorg.gui.chart.scene), kept apart: only
the cards whose mark changed are visited after an edit."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from revorg.gui.chart.card import COVERAGE_MARK_COLOURS
from revorg.model.capacity import status_of

if TYPE_CHECKING:
    from revorg.gui.chart.scene_cards import CardMap
    from revorg.gui.controller import PlanController
    from revorg.model.editing.reading import PlanReading


class CardMarks:
    plan: PlanReading
    controller: PlanController | None
    cards: CardMap
    _coverage: dict[str, tuple[str, Decimal | None]]
    _attainment: dict[int, tuple[str, Decimal | None]]
    _marks: dict[str, str | None] | None
    _unmarked: set[int]

    def _rollups_changed(self) -> None:
        raise NotImplementedError

    def mark_coverage(self) -> None:
        """Mark the cards of departments that cannot cover their targets (red or amber).

        Only the cards whose mark can have changed are visited: those of departments whose
        status changed, and new and edited cards."""
        capacity = self.plan.summary().capacity.departments
        coverage = {
            key: (str(department.status), department.coverage)
            for key, department in capacity.items()
            if department.lines
        }
        self._coverage = coverage
        self._rollups_changed()  # every edit ends here: its numbers may have changed
        marks: dict[str, str | None] = {
            key: (department.status if department.status in COVERAGE_MARK_COLOURS else None)
            for key, department in capacity.items()
        }
        positions = self.plan.positions()
        to_mark = self._unmarked
        if marks != self._marks:
            old = self._marks or {}
            changed = {key for key in marks.keys() | old.keys() if marks.get(key) != old.get(key)}
            if self._marks is None:
                to_mark = set(self.cards)
            else:
                to_mark |= {p.id for p in positions.values() if p.department_key in changed}
            self._marks = marks
        cards = self.cards
        for position_id in to_mark:
            position = positions.get(position_id)
            card = cards.get(position_id)
            if position is not None and card is not None:
                mark = marks.get(position.department_key)
                if mark != card.coverage_mark:
                    card.set_coverage_mark(mark)
        self._unmarked = set()

    def attainment_of(self, position_id: int) -> tuple[str, Decimal | None] | None:
        """A quota carrier's attainment to date and its status, when the plan has actuals."""
        return self._attainment.get(position_id)

    def mark_attainment(self) -> None:
        """Give each quota carrier's card its attainment to date (actuals); only the cards whose
        figure changed are drawn again."""
        progress = self.controller.actuals_progress() if self.controller is not None else None
        new: dict[int, tuple[str, Decimal | None]] = {}
        if progress is not None:
            for position_id, attainment in progress.people.items():
                if attainment.target > 0:
                    new[position_id] = (str(status_of(attainment.ratio)), attainment.ratio)
        old, self._attainment = self._attainment, new
        for position_id in old.keys() | new.keys():
            card = self.cards.get(position_id)
            if card is not None and old.get(position_id) != new.get(position_id):
                card.update()

    def coverage_of(self, position_id: int) -> tuple[str, Decimal | None] | None:
        """The status and coverage of a card's department, when it has revenue targets."""
        position = self.plan.positions().get(position_id)
        return None if position is None else self._coverage.get(position.department_key)
