"""The positions of the scenario being edited, with their reporting tree and their sums, kept
up to date in place: an edit of a few positions reads only those again.

Reading a scenario of 50,000 positions, building its tree and summing it took most of half a
second; an edit that adds, removes, moves or changes a few cards now costs what those cards
cost. After each edit the caller names the positions it touched; comparing their rows before
and after tells what happened to each (added, removed, moved, edited), and the tree and the
sums take exactly that in (the tests compare them with a fresh read after random edits).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from revorg.model.org_tree import OrgTree
from revorg.model.rows import PositionRow, position_rows
from revorg.model.totals import PositionTotals, TotalsBasis

# Past this share of the scenario, one read of every row beats reading the touched ones.
READ_ALL_ABOVE = 0.25


@dataclass(frozen=True)
class RowsChange:
    """What an edit did to a scenario's positions, by id."""

    added: tuple[int, ...] = ()
    removed: tuple[int, ...] = ()
    moved: tuple[int, ...] = ()  # another manager or place among its reports, or staff mark
    edited: tuple[int, ...] = ()  # other fields changed (a position can move and change)

    @property
    def reshaped(self) -> bool:
        """Whether the chart's shape changed (cards added, removed or moved)."""
        return bool(self.added or self.removed or self.moved)


class ScenarioRows:
    """One scenario's positions as rows by id (in id order), its tree and its sums (made when
    first asked for)."""

    def __init__(self, session: Session, scenario_id: int) -> None:
        self.session = session
        self.scenario_id = scenario_id
        self.rows = {row.id: row for row in position_rows(session, scenario_id)}
        self._tree: OrgTree | None = None
        self._totals: PositionTotals | None = None

    def tree(self) -> OrgTree:
        if self._tree is None:
            self._tree = OrgTree.build(self.rows.values())
        return self._tree

    def totals(self, basis: TotalsBasis) -> PositionTotals:
        """The sums over the positions; summed again only when what they depend on besides
        the positions changed (an assumption, the fiscal year, a role's capacity kind)."""
        if self._totals is None or self._totals.basis != basis:
            self._totals = PositionTotals.of(self.rows.values(), basis)
        return self._totals

    def refresh(self, position_ids: Iterable[int]) -> RowsChange:
        """Read the touched positions again (those gone from the scenario were removed) and
        update the rows, the tree and the sums in place."""
        touched = set(position_ids)
        if not touched:
            return RowsChange()
        before = {i: self.rows[i] for i in touched if i in self.rows}
        after = self._read(touched)
        removed = sorted(before.keys() - after.keys())
        added = sorted(after.keys() - before.keys())
        changed = sorted(i for i in after.keys() & before.keys() if after[i] != before[i])
        moved = [i for i in changed if _place(before[i]) != _place(after[i])]
        edited = [i for i in changed if _fields(before[i]) != _fields(after[i])]
        self._update_rows(removed, after)
        if self._tree is not None:
            self._tree.remove(removed)
            self._tree.insert(after[i] for i in added)
            for i in moved:
                self._tree.move(i, after[i].manager_id, after[i].sort_order)
        if self._totals is not None:
            self._totals.update(
                [before[i] for i in (*removed, *changed)],
                [after[i] for i in (*added, *changed)],
                self.rows,
            )
        return RowsChange(tuple(added), tuple(removed), tuple(moved), tuple(edited))

    def _read(self, ids: set[int]) -> dict[int, PositionRow]:
        if len(ids) > READ_ALL_ABOVE * max(len(self.rows), 1):
            every = position_rows(self.session, self.scenario_id)
            return {row.id: row for row in every if row.id in ids}
        return {row.id: row for row in position_rows(self.session, self.scenario_id, ids)}

    def _update_rows(self, removed: list[int], after: dict[int, PositionRow]) -> None:
        rows = self.rows
        for position_id in removed:
            del rows[position_id]
        last = next(reversed(rows), 0)
        out_of_order = any(i < last and i not in rows for i in after)
        rows.update(after)
        if out_of_order:  # a removed position came back (undo): keep the id order
            self.rows = dict(sorted(rows.items()))


def _place(row: PositionRow) -> tuple[int | None, int, bool]:
    """Where the card is drawn: its manager, its place among the reports, and beside the
    manager (staff) or in the team row."""
    return row.manager_id, row.sort_order, row.staff


def _fields(row: PositionRow) -> tuple[object, ...]:
    """Everything but the place in the tree."""
    return row._replace(manager_id=None, sort_order=0, staff=False)
