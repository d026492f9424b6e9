"""The chart's tidy layout: Buchheim's placements, and incremental updates equal to a full
layout after any sequence of moves, collapses and expansions."""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass

import pytest

from revorg.gui.chart.layout import VIRTUAL_ROOT, IncrementalLayout, compute_layout
from revorg.gui.chart.layout_result import LayoutMetrics
from revorg.model.generator import generate_plan
from revorg.model.org_tree import OrgTree
from revorg.model.rows import position_rows

METRICS = LayoutMetrics(card_width=220.0, card_height=84.0)  # the numbers below are for these


@dataclass
class Node:
    id: int
    manager_id: int | None
    sort_order: int


def random_tree(rng: random.Random, size: int) -> tuple[list[Node], OrgTree]:
    nodes = []
    for position_id in range(1, size + 1):
        if position_id == 1 or rng.random() < 0.05:
            manager = None
        elif rng.random() < 0.6:  # deep lines and wide teams both
            manager = rng.randint(max(1, position_id - 4), position_id - 1)
        else:
            manager = rng.randint(1, position_id - 1)
        nodes.append(Node(position_id, manager, rng.randint(0, 5)))
    return nodes, OrgTree.build(nodes)


def assert_same_centres(actual: dict[int, tuple[float, float]], expected: dict) -> None:
    assert actual.keys() == expected.keys()
    for position_id, (x, y) in expected.items():
        assert actual[position_id] == pytest.approx((x, y), abs=1e-6), position_id


def test_shifts_spread_over_the_teams_in_between_as_in_buchheims_algorithm() -> None:
    # Team 5 is pushed right by the deep team under 2; the small teams 3 and 4 in between
    # share the push evenly (centres as Buchheim, Juenger and Leipert's algorithm places them).
    children = {None: [1], 1: [2, 3, 4, 5], 2: [6], 6: [7, 8, 9], 5: [10], 3: [15]}
    children[10] = [11, 12, 13, 14]
    layout = compute_layout(children, METRICS)
    assert_same_centres(
        layout.centres,
        {
            1: (682.0, 0.0),
            2: (248.0, 140.0),
            3: (537.3333333333334, 140.0),
            4: (826.6666666666666, 140.0),
            5: (1116.0, 140.0),
            6: (248.0, 280.0),
            7: (0.0, 420.0),
            8: (248.0, 420.0),
            9: (496.0, 420.0),
            10: (1116.0, 280.0),
            11: (744.0, 420.0),
            12: (992.0, 420.0),
            13: (1240.0, 420.0),
            14: (1488.0, 420.0),
            15: (537.3333333333334, 280.0),
        },
    )
    compact = compute_layout(children, METRICS, compact=True)
    assert compact.stacked == {6: [7, 8, 9], 10: [11, 12, 13, 14]}
    assert compact.centres[7] == (0.0, 420.0) and compact.centres[9] == (0.0, 616.0)
    assert compact.centres[1] == (372.0, 0.0)


@pytest.mark.parametrize("compact", [False, True])
def test_a_tidy_layout_never_overlaps_and_centres_managers(compact: bool) -> None:
    document = generate_plan(1500)
    tree = OrgTree.build(position_rows(document.session, document.scenario().id))
    document.close()
    layout = compute_layout(tree.children, METRICS, compact=compact)
    centres = layout.centres
    assert centres.keys() == tree.parent.keys()
    rows: dict[float, list[float]] = {}
    for x, y in centres.values():
        rows.setdefault(y, []).append(x)
    for xs in rows.values():
        xs.sort()
        gaps = [right - left for left, right in itertools.pairwise(xs)]
        assert all(gap >= METRICS.sibling_distance - 1e-6 for gap in gaps)
    for manager, reports in tree.children.items():
        if manager is None:
            continue
        if manager in layout.stacked:
            assert all(centres[r][0] == centres[manager][0] for r in reports)
        else:
            middle = (centres[reports[0]][0] + centres[reports[-1]][0]) / 2
            assert centres[manager][0] == pytest.approx(middle)
    xs = [x for x, _ in centres.values()]
    ys = [y for _, y in centres.values()]
    half_w, half_h = METRICS.card_width / 2, METRICS.card_height / 2
    assert layout.bounds(METRICS) == pytest.approx(
        (min(xs) - half_w, min(ys) - half_h, max(xs) + half_w, max(ys) + half_h)
    )


@pytest.mark.parametrize("ahead", [False, True])
@pytest.mark.parametrize("seed", range(40))
def test_incremental_layout_equals_a_full_layout_after_random_edits(seed: int, ahead: bool) -> None:
    """`ahead`: between the edits, some closed teams are placed ahead, as the window does while
    idle: the layouts stay those of a fresh layout."""
    rng = random.Random(seed)
    nodes, tree = random_tree(rng, rng.randint(1, 70))
    compact = seed % 2 == 0
    layout = IncrementalLayout(METRICS, compact)
    collapsed: set[int] = set()
    before: dict[int, tuple[float, float]] = {}
    next_id = len(nodes) + 1
    for step in range(30):
        ids = list(tree.parent)
        action = rng.random()
        if action < 0.2 and ids:
            collapsed ^= {rng.choice(ids)}
        elif action < 0.35:  # cards added under a manager, as the editor adds them
            manager = rng.choice([*ids, None])
            new = [Node(next_id + i, manager, rng.randint(0, 5)) for i in range(rng.randint(1, 3))]
            next_id += len(new)
            nodes += new
            tree.insert(new)
        elif action < 0.5 and ids:  # a team removed
            gone = set(tree.subtree(rng.choice(ids)))
            nodes = [node for node in nodes if node.id not in gone]
            tree.remove(gone)
            collapsed -= gone
        elif ids:
            mover, manager = rng.choice(ids), rng.choice([*ids, None])
            if not tree.would_create_cycle(mover, manager) and tree.parent[mover] != manager:
                tree.move(mover, manager, rng.randint(0, 5))
        if step % 7 == 6:  # the controller read everything again: a new tree
            for node in nodes:
                node.manager_id, node.sort_order = tree.parent[node.id], tree.order[node.id][0]
            tree = OrgTree.build(nodes)
        if ahead:
            layout.place_ahead(tree.children, rng.randint(0, 4))
        incremental = layout.update(tree.children, tree.parent, collapsed)
        full = compute_layout(tree.children, METRICS, collapsed=collapsed, compact=compact)
        assert_same_centres(incremental.centres, full.centres)
        assert incremental.stacked == full.stacked
        assert incremental.bounds(METRICS) == pytest.approx(full.bounds(METRICS))
        # What the chart moves, shows and hides: exactly the cards that changed.
        after = incremental.centres
        assert sorted(incremental.changed) == sorted(i for i in after if before.get(i) != after[i])
        assert sorted(incremental.dropped) == sorted(before.keys() - after.keys())
        before = dict(after)


@pytest.mark.parametrize("seed", range(20))
def test_teams_placed_ahead_give_the_layout_of_a_fresh_one(seed: int) -> None:
    """The window places the closed teams while idle, a few at a time, between the user's
    openings, closings and focuses (which name the managers that changed): every layout is
    still a fresh layout's, and once all are placed, opening everything places no team."""
    rng = random.Random(seed)
    _nodes, tree = random_tree(rng, rng.randint(20, 120))
    managers = [i for i in tree.parent if tree.reports(i)]
    compact = seed % 2 == 1
    layout = IncrementalLayout(METRICS, compact)
    collapsed = {i for i in managers if rng.random() < 0.5}
    focus: int | None = None
    layout.update(tree.children, tree.parent, collapsed)
    for _step in range(25):
        before, was_focus = set(collapsed), focus
        if rng.random() < 0.2:
            focus = rng.choice([None, *managers])
        else:
            collapsed ^= {rng.choice(managers)}
        children = tree.children if focus is None else {**tree.children, None: [focus]}
        only = {*(before ^ collapsed), *([None] if focus != was_focus else [])}
        incremental = layout.update(children, tree.parent, collapsed, only=only)
        full = compute_layout(children, METRICS, collapsed=collapsed, compact=compact)
        assert_same_centres(incremental.centres, full.centres)
        assert incremental.stacked == full.stacked
        layout.place_ahead(tree.children, rng.randint(0, 6))
    while layout.place_ahead(tree.children, 5):
        pass
    placed = layout._offsets.copy()
    assert placed.keys() >= {i for i in managers if i not in collapsed}  # every open team
    everything = layout.update(tree.children, tree.parent, set(), only={None, *collapsed})
    full = compute_layout(tree.children, METRICS, compact=compact)
    assert_same_centres(everything.centres, full.centres)
    # Opening all placed only the teams opened and those above them; the others were reused.
    above_opened: set[int] = set()
    for opened in collapsed:
        node: int | None = opened
        while node is not None:
            above_opened.add(node)
            node = tree.parent[node]
    placed_again = [i for i, offsets in placed.items() if layout._offsets[i] is not offsets]
    assert set(placed_again) <= above_opened | {VIRTUAL_ROOT}


@pytest.mark.parametrize("seed", range(10))
def test_moving_in_place_gives_the_tree_that_building_gives(seed: int) -> None:
    rng = random.Random(seed)
    nodes, tree = random_tree(rng, 60)
    for _ in range(40):
        ids = list(tree.parent)
        mover, manager = rng.choice(ids), rng.choice([*ids, None])
        if tree.would_create_cycle(mover, manager):
            continue
        order = rng.randint(0, 5)
        tree.move(mover, manager, order)
        moved = next(node for node in nodes if node.id == mover)
        moved.manager_id, moved.sort_order = manager, order
        rebuilt = OrgTree.build(nodes)
        assert tree.parent == rebuilt.parent
        assert {k: v for k, v in tree.children.items() if v} == rebuilt.children
