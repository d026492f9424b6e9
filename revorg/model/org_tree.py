"""The reporting tree of a scenario as plain dictionaries, for walks that must stay linear."""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Protocol


class TreeNode(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def manager_id(self) -> int | None: ...
    @property
    def sort_order(self) -> int: ...


@dataclass
class OrgTree:
    """Parent and children of every position; roots are the children of None.

    Positions whose manager is missing from the scenario count as roots, so a damaged import
    still shows every card. The chart, the scenario copies and the imports share its walks and
    its cycle check, all iterative and linear: a chart has up to 50,000 positions, and an
    import's rows may be in any order, refer to unknown managers or form loops.
    """

    parent: dict[int, int | None] = field(default_factory=dict)
    children: dict[int | None, list[int]] = field(default_factory=dict)
    # The order of reports: (sort order, id), or (place in the input, id) from of_links.
    order: dict[int, tuple[int, int]] = field(default_factory=dict)
    # Roots whose manager is not in the scenario (only a damaged plan has them), with the id
    # of that manager: they go under it if it comes (back) into the tree.
    waiting: dict[int, int] = field(default_factory=dict)

    @classmethod
    def build(cls, positions: Iterable[TreeNode]) -> OrgTree:
        """The tree of a scenario's positions, reports ordered by (sort order, id)."""
        ordered = sorted(positions, key=attrgetter("sort_order", "id"))
        return cls._of_ordered(
            [(node.id, node.manager_id) for node in ordered],
            [(node.sort_order, node.id) for node in ordered],
        )

    @classmethod
    def of_links(cls, links: Iterable[tuple[int, int | None]]) -> OrgTree:
        """The tree of (position, manager) pairs, such as an import's rows, reports in the order
        given. A manager that is not among the positions is reported by unknown_managers();
        loops (a self-report among them) by cycles()."""
        pairs = list(links)
        return cls._of_ordered(pairs, [(index, pair[0]) for index, pair in enumerate(pairs)])

    @classmethod
    def _of_ordered(
        cls, links: list[tuple[int, int | None]], order: list[tuple[int, int]]
    ) -> OrgTree:
        """`links` already in the reports' order, `order` their keys."""
        known = {position_id for position_id, _manager in links}
        if len(known) != len(links):
            repeated = Counter(position_id for position_id, _manager in links)
            raise ValueError(
                f"positions given twice: {sorted(i for i, n in repeated.items() if n > 1)}"
            )
        tree = cls()
        for (position_id, manager_id), key in zip(links, order, strict=True):
            manager = manager_id if manager_id in known else None
            if manager is None and manager_id is not None:
                tree.waiting[position_id] = manager_id
            tree.parent[position_id] = manager
            tree.order[position_id] = key
            tree.children.setdefault(manager, []).append(position_id)
        return tree

    # --- edits in place: the tree that build() would make of the edited rows, without
    # walking every position again ------------------------------------------------------------

    def move(self, position_id: int, manager_id: int | None, sort_order: int) -> None:
        """Give a position another manager (or another place among its manager's reports)."""
        self._unlink(position_id)
        self.order[position_id] = (sort_order, position_id)
        self._link(position_id, manager_id)

    def insert(self, positions: Iterable[TreeNode]) -> None:
        """Add positions: new cards, or a removed team coming back (in any order)."""
        nodes = sorted(positions, key=attrgetter("sort_order", "id"))
        for node in nodes:  # known before any is linked: a manager may come after its reports
            self.parent[node.id] = None
            self.order[node.id] = (node.sort_order, node.id)
        for node in nodes:
            self._link(node.id, node.manager_id)
        arrived = {node.id for node in nodes}
        for root, manager_id in list(self.waiting.items()):
            if manager_id in arrived:
                self._unlink(root)
                self._link(root, manager_id)

    def remove(self, position_ids: Iterable[int]) -> None:
        """Remove positions; reports of theirs that stay become roots, waiting for them."""
        gone = {i for i in position_ids if i in self.parent}
        for position_id in gone:
            if self.parent[position_id] not in gone:
                self._unlink(position_id)
        for position_id in gone:
            for report in self.children.pop(position_id, ()):
                if report not in gone:
                    self.parent[report] = None
                    self.waiting[report] = position_id
                    bisect.insort(
                        self.children.setdefault(None, []), report, key=self.order.__getitem__
                    )
        for position_id in gone:
            del self.parent[position_id]
            del self.order[position_id]
            self.waiting.pop(position_id, None)

    def _unlink(self, position_id: int) -> None:
        old_manager = self.parent[position_id]
        siblings = self.children[old_manager]
        siblings.remove(position_id)
        if not siblings:
            del self.children[old_manager]

    def _link(self, position_id: int, manager_id: int | None) -> None:
        """Put a position (in `parent` and `order`, among nobody's reports) under its manager,
        or among the roots when that manager is not in the tree."""
        manager = manager_id if manager_id in self.parent else None
        if manager is None and manager_id is not None:
            self.waiting[position_id] = manager_id
        else:
            self.waiting.pop(position_id, None)
        self.parent[position_id] = manager
        bisect.insort(
            self.children.setdefault(manager, []), position_id, key=self.order.__getitem__
        )

    def roots(self) -> list[int]:
        return self.children.get(None, [])

    def reports(self, position_id: int) -> list[int]:
        return self.children.get(position_id, [])

    def __contains__(self, position_id: object) -> bool:
        return position_id in self.parent

    def __len__(self) -> int:
        return len(self.parent)

    def unknown_managers(self) -> dict[int, int]:
        """Positions whose manager is not in the tree (they count as roots), with that
        manager's id, in the tree's order."""
        return {i: self.waiting[i] for i in sorted(self.waiting, key=self.order.__getitem__)}

    def subtree(self, root_id: int) -> list[int]:
        """The root and everybody below it, managers before their reports (pre-order).

        Iterative: a chain 50,000 deep is as easy as a wide team. In a damaged plan's reporting
        cycle the walk stops where it comes back to the root: in a tree where each position has
        one manager, the root is the only position a walk down can meet twice.
        """
        result = [root_id]
        stack = list(reversed(self.reports(root_id)))
        while stack:
            current = stack.pop()
            if current == root_id:
                continue
            result.append(current)
            stack.extend(reversed(self.reports(current)))
        return result

    def ancestors(self, position_id: int) -> Iterator[int]:
        """Its manager, their manager and so on up to a root; in a reporting cycle, each
        member once."""
        seen = {position_id}
        current = self.parent.get(position_id)
        while current is not None and current not in seen:
            yield current
            seen.add(current)
            current = self.parent.get(current)

    def depth(self, position_id: int) -> int:
        return sum(1 for _ in self.ancestors(position_id))

    def would_create_cycle(self, moving_id: int, new_manager_id: int | None) -> bool:
        """Moving under itself or under one of its own reports would close a loop."""
        if new_manager_id is None:
            return False
        if new_manager_id == moving_id:
            return True
        return any(a == moving_id for a in self.ancestors(new_manager_id))

    def preorder(self) -> list[int]:
        """Every position a root reaches, each manager before its reports, reports in order.
        Positions in a reporting cycle, or below one, are not among them (see managers_first)."""
        result: list[int] = []
        for root in self.roots():
            result.extend(self.subtree(root))
        return result

    def managers_first(self) -> list[int]:
        """Every position, managers before their reports: the pre-order, then each reporting
        cycle (only a damaged plan has one) cut before its first member and walked from there,
        so that nobody is lost and everybody below a cycle still follows their manager."""
        result = self.preorder()
        if len(result) < len(self):
            for cycle in self._cycles_outside(set(result)):
                result.extend(self.subtree(cycle[0]))
        return result

    def cycles(self) -> list[list[int]]:
        """Every reporting cycle once, as its members in reporting order (each reports to the
        next, the last to the first), starting with the member first in the tree's order; the
        cycles in the order of their first members. A self-report is a cycle of one.
        """
        reached = self.preorder()
        return self._cycles_outside(set(reached)) if len(reached) < len(self) else []

    def _cycles_outside(self, reached: set[int]) -> list[list[int]]:
        """Linear: only the positions no root reaches are walked, each once, upwards (each of
        them is in a cycle or below one)."""
        state: dict[int, int] = {}  # position -> number of the walk that visited it
        found: list[list[int]] = []
        for walk, start in enumerate(i for i in self.parent if i not in reached):
            path: list[int] = []
            current: int | None = start
            while current is not None and current not in state:
                state[current] = walk
                path.append(current)
                current = self.parent[current]
            if current is not None and state[current] == walk:  # met its own walk: a loop
                loop = path[path.index(current) :]
                first = min(range(len(loop)), key=lambda k: self.order[loop[k]])
                found.append(loop[first:] + loop[:first])
        return sorted(found, key=lambda loop: self.order[loop[0]])

    def places(self) -> dict[int, int]:
        """Each position's place among its manager's reports (0 for the first), as a
        position's sort order keeps it."""
        return {i: place for reports in self.children.values() for place, i in enumerate(reports)}
