"""Staff beside their manager (issue 19, item 4) in the chart's layout: hand-checked centres,
the team row placed as if the staff were not there, rows kept level, no overlaps, and the
incremental layout equal to a full one after random edits that mark and unmark staff."""

from __future__ import annotations

import itertools
import random

import pytest

from revorg.gui.chart.layout import IncrementalLayout, compute_layout
from revorg.gui.chart.layout_result import LayoutMetrics
from revorg.model.org_tree import OrgTree
from tests.gui.test_layout import Node, assert_same_centres, random_tree

# card 220 x 84, gaps 28 across and 56 down: a sibling every 248, a row every 140, and a
# stacked card (or a second staff card) every 84 + 14 = 98.
METRICS = LayoutMetrics(card_width=220.0, card_height=84.0)
TEAM = {None: [1], 1: [2, 3, 4], 2: [5, 6], 3: [7], 4: [8]}


def test_a_staff_card_sits_beside_its_manager_and_the_team_row_keeps_its_places() -> None:
    without = compute_layout(TEAM, METRICS)
    # 2's team (5, 6 at 0 and 248) puts 2 at 124; 3's team must clear it: 3 at 496, 4 at 744;
    # the CRO (1) over the middle of its first and last report: 434.
    assert without.centres[1] == (434.0, 0.0)
    assert [without.centres[i] for i in (2, 3, 4)] == [
        (124.0, 140.0),
        (496.0, 140.0),
        (744.0, 140.0),
    ]

    layout = compute_layout({**TEAM, 1: [2, 3, 9, 4]}, METRICS, staff={9})

    # The assistant (9): half a sibling distance right of the CRO's line (434 + 124), one row
    # down, its left side 14 points from the line; the team row moves down by that row only.
    assert layout.centres[9] == (558.0, 140.0)
    assert layout.centres[1] == (434.0, 0.0)
    assert [layout.centres[i] for i in (2, 3, 4)] == [
        (124.0, 280.0),
        (496.0, 280.0),
        (744.0, 280.0),
    ]
    assert [layout.centres[i] for i in (5, 6, 7, 8)] == [
        (0.0, 420.0),
        (248.0, 420.0),
        (496.0, 420.0),
        (744.0, 420.0),
    ]
    assert layout.staff == {1: [9]}
    assert layout.bounds(METRICS) == (-110.0, -42.0, 854.0, 462.0)


def test_several_staff_of_one_manager_stack_and_every_row_below_stays_level() -> None:
    children = {**TEAM, 1: [10, 2, 3, 4, 9], 3: [7, 11]}
    layout = compute_layout(children, METRICS, staff={9, 10, 11})

    # 3 has staff (11): it takes half a card's place more on its row, so 4 goes from 744 to
    # 868 (3 at 496, + 248 + 124), and the CRO over the middle of 2 and 4: (124 + 868) / 2.
    assert [layout.centres[i][0] for i in (1, 2, 3, 4)] == [496.0, 124.0, 496.0, 868.0]
    # Two staff beside the CRO, in the tree's order, 98 apart; the team row 98 + 140 lower
    # than a single staff card's row.
    assert layout.centres[10] == (620.0, 140.0) and layout.centres[9] == (620.0, 238.0)
    assert layout.staff == {1: [10, 9], 3: [11]}
    assert {layout.centres[i][1] for i in (2, 3, 4)} == {378.0}
    # 3's staff: the whole next row moves down by one staff row, 8 and 5 included.
    assert layout.centres[11] == (620.0, 518.0)
    assert {layout.centres[i][1] for i in (5, 6, 7, 8)} == {658.0}
    # 3's staff column is as far from 4 as two neighbours are.
    assert layout.centres[4][0] - layout.centres[11][0] == 248.0


def test_a_manager_whose_only_reports_are_staff_has_no_team_row() -> None:
    layout = compute_layout({None: [1], 1: [2, 3], 2: [4]}, METRICS, staff={4})
    assert layout.centres == {
        1: (186.0, 0.0),
        2: (0.0, 140.0),
        3: (372.0, 140.0),
        4: (124.0, 280.0),
    }


def test_a_staff_card_with_a_team_or_at_the_top_stays_in_its_row() -> None:
    # 2 is marked staff but leads 5 and 6: it keeps its place in the row, where its team fits.
    assert (
        compute_layout(TEAM, METRICS, staff={2, 1}).centres == compute_layout(TEAM, METRICS).centres
    )


def test_a_collapsed_manager_hides_its_staff_with_its_team() -> None:
    children = {**TEAM, 1: [2, 3, 9, 4]}
    layout = compute_layout(children, METRICS, staff={9}, collapsed={1})
    assert layout.centres == {1: (0.0, 0.0)} and layout.staff == {}


def overlaps(layout_centres: dict[int, tuple[float, float]]) -> list[tuple[int, int]]:
    width, height = METRICS.card_width, METRICS.card_height
    cards = sorted(layout_centres.items(), key=lambda item: item[1])
    found = []
    for (a, (ax, ay)), (b, (bx, by)) in itertools.combinations(cards, 2):
        if abs(ax - bx) < width and abs(ay - by) < height:
            found.append((a, b))
    return found


def random_staff(rng: random.Random, tree: OrgTree) -> set[int]:
    leaves = [i for i in tree.parent if tree.parent[i] is not None and not tree.reports(i)]
    return {i for i in leaves if rng.random() < 0.3}


@pytest.mark.parametrize("seed", range(12))
def test_staff_never_overlap_a_card(seed: int) -> None:
    rng = random.Random(seed)
    _nodes, tree = random_tree(rng, rng.randint(5, 60))
    staff = random_staff(rng, tree)
    layout = compute_layout(tree.children, METRICS, staff=staff, compact=seed % 2 == 0)
    assert layout.centres.keys() == tree.parent.keys()
    assert overlaps(layout.centres) == []
    for manager, members in layout.staff.items():
        mx, my = layout.centres[manager]
        for index, member in enumerate(members):
            assert layout.centres[member] == (mx + 124.0, my + 140.0 + 98.0 * index)


@pytest.mark.parametrize("ahead", [False, True])
@pytest.mark.parametrize("seed", range(30))
def test_incremental_layout_with_staff_equals_a_full_layout_after_random_edits(
    seed: int, ahead: bool
) -> None:
    """`ahead`: some closed teams placed ahead between the edits, as the window does while
    idle (their staff's extra room included)."""
    rng = random.Random(seed)
    nodes, tree = random_tree(rng, rng.randint(1, 60))
    compact = seed % 2 == 1
    layout = IncrementalLayout(METRICS, compact)
    staff = random_staff(rng, tree)
    collapsed: set[int] = set()
    before: dict[int, tuple[float, float]] = {}
    next_id = len(nodes) + 1
    for _step in range(30):
        ids = list(tree.parent)
        action = rng.random()
        if action < 0.3 and ids:
            staff ^= {rng.choice(ids)}  # marked or unmarked
        elif action < 0.45 and ids:
            collapsed ^= {rng.choice(ids)}
        elif action < 0.6:  # an assistant added under a manager
            manager = rng.choice(ids) if ids else None
            new = Node(next_id, manager, rng.randint(0, 5))
            next_id += 1
            nodes.append(new)
            tree.insert([new])
            staff.add(new.id)
        elif action < 0.7 and ids:  # a team removed
            gone = set(tree.subtree(rng.choice(ids)))
            nodes = [node for node in nodes if node.id not in gone]
            tree.remove(gone)
            collapsed -= gone
            staff -= gone
        elif ids:
            mover, manager = rng.choice(ids), rng.choice([*ids, None])
            if not tree.would_create_cycle(mover, manager) and tree.parent[mover] != manager:
                tree.move(mover, manager, rng.randint(0, 5))
        if ahead:
            layout.place_ahead(tree.children, rng.randint(0, 4))
        incremental = layout.update(tree.children, tree.parent, collapsed, staff)
        full = compute_layout(
            tree.children, METRICS, collapsed=collapsed, compact=compact, staff=staff
        )
        assert_same_centres(incremental.centres, full.centres)
        assert incremental.stacked == full.stacked
        assert incremental.staff == full.staff
        assert incremental.bounds(METRICS) == pytest.approx(full.bounds(METRICS))
        after = incremental.centres
        assert sorted(incremental.changed) == sorted(i for i in after if before.get(i) != after[i])
        assert sorted(incremental.dropped) == sorted(before.keys() - after.keys())
        assert overlaps(after) == []
        before = dict(after)
