"""The reporting tree edited in place (insert, remove, move) is the tree that building it from
the edited rows gives, including a damaged plan's positions whose manager is missing."""

from __future__ import annotations

import random
from dataclasses import dataclass

import pytest

from revorg.model.org_tree import OrgTree


@dataclass
class Node:
    id: int
    manager_id: int | None
    sort_order: int


def some_rows(rng: random.Random, ids: range) -> list[Node]:
    rows = []
    for position_id in ids:
        # Now and then a manager that is not in the plan (yet): the row waits as a root.
        manager = rng.choice([None, position_id + 1000, *range(ids.start, position_id)])
        rows.append(Node(position_id, manager, rng.randint(0, 4)))
    return rows


def without_cycles(rows: dict[int, Node], mover: int, manager: int | None) -> bool:
    seen = {mover}
    while manager is not None and manager in rows:
        if manager in seen:
            return False
        seen.add(manager)
        manager = rows[manager].manager_id
    return True


@pytest.mark.parametrize("seed", range(30))
def test_inserting_removing_and_moving_give_the_tree_that_building_gives(seed: int) -> None:
    rng = random.Random(seed)
    rows = {row.id: row for row in some_rows(rng, range(1, 40))}
    tree = OrgTree.build(rows.values())
    next_id = 40
    removed: list[list[Node]] = []
    for _ in range(60):
        action = rng.choice(["insert", "remove", "remove", "move", "restore"])
        if action == "insert":
            new = some_rows(rng, range(next_id, next_id + rng.randint(1, 4)))
            rng.shuffle(new)  # a manager may come after its reports
            next_id += len(new)
            rows.update((row.id, row) for row in new)
            tree.insert(new)
        elif action == "remove" and rows:
            # A team, or a few cards anywhere: reports left behind wait for their manager.
            if rng.random() < 0.5:
                gone = tree.subtree(rng.choice(list(rows)))
            else:
                gone = rng.sample(list(rows), min(3, len(rows)))
            removed.append([rows.pop(i) for i in gone])
            tree.remove(gone)
        elif action == "restore" and removed:
            back = removed.pop(rng.randrange(len(removed)))  # not always the last one
            rows.update((row.id, row) for row in back)
            tree.insert(back)
        elif action == "move" and rows:
            mover = rng.choice(list(rows))
            manager = rng.choice([None, 5000, *rows])
            if manager == mover or not without_cycles(rows, mover, manager):
                continue
            rows[mover].manager_id, rows[mover].sort_order = manager, rng.randint(0, 4)
            tree.move(mover, manager, rows[mover].sort_order)
        assert tree == OrgTree.build(rows.values()), action
