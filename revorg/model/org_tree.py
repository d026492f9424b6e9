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

    @classmethod
    def build(cls, positions: Iterable[TreeNode]) -> OrgTree:
        nodes = list(positions)
        known = {node.id for node in nodes}
        tree = cls()
        ordered = sorted(nodes, key=attrgetter("sort_order", "id"))
        for node in ordered:
            manager = node.manager_id if node.manager_id in known else None
            tree.parent[node.id] = manager
            tree.order[node.id] = (node.sort_order, node.id)
            tree.children.setdefault(manager, []).append(node.id)
        return tree

    def move(self, position_id: int, manager_id: int | None, sort_order: int) -> None:
        """Give a position another manager in place: the tree that build() would make of the
        moved rows, without walking every position again."""
        old_manager = self.parent[position_id]
        siblings = self.children[old_manager]
        siblings.remove(position_id)
        if not siblings:
            del self.children[old_manager]
        manager = manager_id if manager_id in self.parent else None
        self.parent[position_id] = manager
        self.order[position_id] = (sort_order, position_id)
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
