"""The reporting tree of a scenario as plain dictionaries, for walks that must stay linear."""

from __future__ import annotations

import bisect
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
    still shows every card.
    """

    parent: dict[int, int | None] = field(default_factory=dict)
    children: dict[int | None, list[int]] = field(default_factory=dict)
    order: dict[int, tuple[int, int]] = field(default_factory=dict)  # (sort order, id)
    # Roots whose manager is not in the scenario (only a damaged plan has them), with the id
    # of that manager: they go under it if it comes (back) into the tree.
    waiting: dict[int, int] = field(default_factory=dict)

    @classmethod
    def build(cls, positions: Iterable[TreeNode]) -> OrgTree:
        nodes = list(positions)
        known = {node.id for node in nodes}
        tree = cls()
        ordered = sorted(nodes, key=attrgetter("sort_order", "id"))
        for node in ordered:
            manager = node.manager_id if node.manager_id in known else None
            if manager is None and node.manager_id is not None:
                tree.waiting[node.id] = node.manager_id
            tree.parent[node.id] = manager
            tree.order[node.id] = (node.sort_order, node.id)
            tree.children.setdefault(manager, []).append(node.id)
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

    def subtree(self, root_id: int) -> list[int]:
        """The root and everybody below it, managers before their reports (pre-order)."""
        result = []
        stack = [root_id]
        while stack:
            current = stack.pop()
            result.append(current)
            stack.extend(reversed(self.reports(current)))
        return result

    def ancestors(self, position_id: int) -> Iterator[int]:
        current = self.parent.get(position_id)
        while current is not None:
            yield current
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
        result: list[int] = []
        for root in self.roots():
            result.extend(self.subtree(root))
        return result
