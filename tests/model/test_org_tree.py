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


# --- walks and cycle checks that the model and the imports share -------------------------------


def test_a_cycle_of_three_is_found_once_starting_with_its_first_member() -> None:
    # 5 -> 3 -> 4 -> 5 (each reports to the next); 6 reports into the cycle; 1 is the top.
    tree = OrgTree.of_links([(1, None), (2, 1), (4, 5), (5, 3), (3, 4), (6, 3)])
    assert tree.cycles() == [[4, 5, 3]]  # 4 comes first in the given order
    assert tree.preorder() == [1, 2]
    # Nobody is lost: the cycle is cut before 4 and walked from there, reports after managers.
    assert tree.managers_first() == [1, 2, 4, 3, 5, 6]


def test_cycles_come_in_the_order_of_their_first_members() -> None:
    tree = OrgTree.of_links([(9, 8), (1, 2), (8, 9), (2, 1)])
    assert tree.cycles() == [[9, 8], [1, 2]]
    tree = OrgTree.build([Node(9, 8, 1), Node(1, 2, 2), Node(8, 9, 3), Node(2, 1, 0)])
    assert tree.cycles() == [[2, 1], [9, 8]]  # by sort order, then id


def test_a_self_report_is_a_cycle_of_one() -> None:
    tree = OrgTree.of_links([(1, None), (2, 2), (3, 2)])
    assert tree.cycles() == [[2]]
    assert tree.managers_first() == [1, 2, 3]
    assert list(tree.ancestors(3)) == [2]
    assert tree.subtree(2) == [2, 3]


def test_walks_inside_a_cycle_end() -> None:
    tree = OrgTree.of_links([(1, 2), (2, 3), (3, 1), (4, 1)])
    assert list(tree.ancestors(4)) == [1, 2, 3]
    assert list(tree.ancestors(1)) == [2, 3]
    assert tree.subtree(1) == [1, 3, 2, 4]  # 2 reports to 3, and 1 (the root) to 2
    assert tree.would_create_cycle(3, 4)  # 4 reports to 1, who is below 3


def test_an_unknown_manager_makes_a_root_and_is_reported() -> None:
    tree = OrgTree.of_links([(1, None), (2, 77), (3, 2), (4, 1), (5, 66)])
    assert tree.roots() == [1, 2, 5]
    assert tree.unknown_managers() == {2: 77, 5: 66}
    assert tree.cycles() == []
    assert tree.preorder() == tree.managers_first() == [1, 4, 2, 3, 5]


def test_reports_keep_the_given_order_and_know_their_places() -> None:
    tree = OrgTree.of_links([(10, None), (3, 10), (1, 10), (2, 3), (7, None)])
    assert tree.preorder() == [10, 3, 2, 1, 7]
    assert tree.places() == {10: 0, 7: 1, 3: 0, 1: 1, 2: 0}


def test_a_position_given_twice_is_refused() -> None:
    with pytest.raises(ValueError, match=r"\[2\]"):
        OrgTree.of_links([(1, None), (2, 1), (2, None)])


DEEP = 50_000


def test_a_chain_of_50000_is_walked_without_recursion() -> None:
    chain = [(i, i - 1 if i > 1 else None) for i in range(DEEP, 0, -1)]  # deepest first
    tree = OrgTree.of_links(chain)
    expected = list(range(1, DEEP + 1))
    assert tree.preorder() == tree.managers_first() == tree.subtree(1) == expected
    assert tree.depth(DEEP) == DEEP - 1
    assert tree.cycles() == []
    assert not tree.would_create_cycle(1, None)
    assert tree.would_create_cycle(1, DEEP)


def test_a_cycle_of_50000_is_found_and_cut() -> None:
    loop = [(i, i % DEEP + 1) for i in range(1, DEEP + 1)]  # i reports to i + 1, the last to 1
    tree = OrgTree.of_links(loop)
    assert tree.preorder() == []
    (cycle,) = tree.cycles()
    assert cycle == list(range(1, DEEP + 1))
    assert tree.managers_first() == [1, *range(DEEP, 1, -1)]
    assert len(list(tree.ancestors(1))) == DEEP - 1
