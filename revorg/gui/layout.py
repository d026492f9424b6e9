"""Tidy top-down tree layout in linear time (Walker's algorithm as corrected by Buchheim,
Juenger and Leipert, 2006). Qt-free: it maps a tree of ids to card centres.

Iterative rather than recursive, so deep management lines never hit Python's recursion limit.
In compact mode the leaf reports of a manager are stacked in a column (a chain in the layout
tree), which keeps wide SDR and AE teams narrow.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

VIRTUAL_ROOT = -1  # joins several roots into one tree; never drawn


@dataclass(frozen=True)
class LayoutMetrics:
    card_width: float = 220.0
    card_height: float = 84.0
    horizontal_gap: float = 28.0
    vertical_gap: float = 56.0
    stack_gap: float = 14.0  # between cards of a compact column

    @property
    def sibling_distance(self) -> float:
        return self.card_width + self.horizontal_gap


@dataclass
class ChartLayout:
    """Card centres in scene coordinates, and the stacked columns of compact mode."""

    centres: dict[int, tuple[float, float]] = field(default_factory=dict)
    stacked: dict[int, list[int]] = field(default_factory=dict)  # manager -> leaf column

    def bounds(self, metrics: LayoutMetrics) -> tuple[float, float, float, float]:
        """(left, top, right, bottom) around every card."""
        if not self.centres:
            return (0.0, 0.0, metrics.card_width, metrics.card_height)
        xs = [x for x, _ in self.centres.values()]
        ys = [y for _, y in self.centres.values()]
        half_w, half_h = metrics.card_width / 2, metrics.card_height / 2
        return (min(xs) - half_w, min(ys) - half_h, max(xs) + half_w, max(ys) + half_h)


class _Nodes:
    """Struct-of-lists state of the algorithm, indexed by node number."""

    def __init__(self, count: int) -> None:
        self.children: list[list[int]] = [[] for _ in range(count)]
        self.parent = [-1] * count
        self.number = [0] * count  # 1-based index among siblings
        self.prelim = [0.0] * count
        self.mod = [0.0] * count
        self.shift = [0.0] * count
        self.change = [0.0] * count
        self.thread = [-1] * count
        self.ancestor = list(range(count))
        self.depth = [0] * count


def compute_layout(
    children: Mapping[int | None, Sequence[int]],
    metrics: LayoutMetrics,
    *,
    collapsed: Collection[int] = (),
    compact: bool = False,
    depth_offsets: Mapping[int, float] | None = None,
) -> ChartLayout:
    """Lay out the forest whose roots are children[None]; collapsed nodes hide their reports."""
    ids, nodes, stacked = _build_nodes(children, collapsed, compact)
    _first_walk(nodes, metrics.sibling_distance)
    layout = ChartLayout(stacked=stacked)
    level = metrics.card_height + metrics.vertical_gap
    stack_step = metrics.card_height + metrics.stack_gap
    stacked_ids = {leaf for column in stacked.values() for leaf in column}
    # Second walk: absolute x = prelim + sum of ancestors' mod; y by depth.
    x_of = [0.0] * len(ids)
    modsum = [0.0] * len(ids)
    y_of = [0.0] * len(ids)
    for node in range(len(ids)):  # nodes are numbered in pre-order, parents first
        parent = nodes.parent[node]
        if parent >= 0:
            modsum[node] = modsum[parent] + nodes.mod[parent]
            step = stack_step if ids[node] in stacked_ids and ids[parent] in stacked_ids else level
            if ids[parent] in stacked and ids[node] in stacked_ids:
                step = level
            y_of[node] = y_of[parent] + step
        x_of[node] = nodes.prelim[node] + modsum[node]
        if ids[node] != VIRTUAL_ROOT:
            layout.centres[ids[node]] = (x_of[node], y_of[node] - level)
    return layout


def _build_nodes(
    children: Mapping[int | None, Sequence[int]], collapsed: Collection[int], compact: bool
) -> tuple[list[int], _Nodes, dict[int, list[int]]]:
    """Number the visible nodes in pre-order; in compact mode turn leaf teams into chains."""
    collapsed_set = set(collapsed)

    def visible_reports(node_id: int | None) -> Sequence[int]:
        if node_id is not None and node_id in collapsed_set:
            return ()
        return children.get(node_id, ())

    # Layout parent of each node: its manager, or the previous card of its compact column.
    ids: list[int] = [VIRTUAL_ROOT]
    layout_parent: list[int] = [-1]
    stacked: dict[int, list[int]] = {}
    stack: list[tuple[int | None, int]] = [(None, 0)]  # (id, node number)
    order: list[tuple[int | None, int]] = []
    while stack:
        node_id, number = stack.pop()
        order.append((node_id, number))
        reports = visible_reports(node_id)
        if not reports:
            continue
        is_leaf_team = (
            compact
            and node_id is not None
            and len(reports) >= 3
            and all(not visible_reports(r) for r in reports)
        )
        if is_leaf_team:
            stacked[node_id] = list(reports)
            previous = number
            for report in reports:
                ids.append(report)
                layout_parent.append(previous)
                previous = len(ids) - 1
            continue
        pushed = []
        for report in reports:
            ids.append(report)
            layout_parent.append(number)
            pushed.append((report, len(ids) - 1))
        stack.extend(reversed(pushed))
    # Renumber in true pre-order so that parents come before children.
    nodes = _Nodes(len(ids))
    for node in range(1, len(ids)):
        parent = layout_parent[node]
        nodes.parent[node] = parent
        nodes.children[parent].append(node)
    preorder = _preorder(nodes.children)
    position = {old: new for new, old in enumerate(preorder)}
    renumbered = _Nodes(len(ids))
    for old in preorder:
        new = position[old]
        renumbered.parent[new] = position[nodes.parent[old]] if nodes.parent[old] >= 0 else -1
        renumbered.children[new] = [position[c] for c in nodes.children[old]]
        for index, child in enumerate(renumbered.children[new]):
            renumbered.number[child] = index + 1
    return [ids[old] for old in preorder], renumbered, stacked


def _preorder(children: list[list[int]]) -> list[int]:
    result = []
    stack = [0]
    while stack:
        node = stack.pop()
        result.append(node)
        stack.extend(reversed(children[node]))
    return result


def _first_walk(nodes: _Nodes, distance: float) -> None:
    """Post-order pass computing preliminary x and modifiers (Buchheim et al., FIRSTWALK).

    A child is placed only when its parent's loop reaches it, after its left sibling has been
    apportioned: placing it earlier would use the sibling's position before its shift.
    """
    for node in _postorder(nodes.children):
        kids = nodes.children[node]
        if not kids:
            continue
        default_ancestor = kids[0]
        for child in kids:
            _place(nodes, child, distance)
            default_ancestor = _apportion(nodes, child, default_ancestor, distance)
        _execute_shifts(nodes, node)
    _place(nodes, 0, distance)


def _place(nodes: _Nodes, node: int, distance: float) -> None:
    kids = nodes.children[node]
    left = _left_sibling(nodes, node)
    if not kids:
        nodes.prelim[node] = nodes.prelim[left] + distance if left >= 0 else 0.0
        return
    midpoint = (nodes.prelim[kids[0]] + nodes.prelim[kids[-1]]) / 2
    if left >= 0:
        nodes.prelim[node] = nodes.prelim[left] + distance
        nodes.mod[node] = nodes.prelim[node] - midpoint
    else:
        nodes.prelim[node] = midpoint


def _postorder(children: list[list[int]]) -> list[int]:
    result = []
    stack: list[tuple[int, bool]] = [(0, False)]
    while stack:
        node, expanded = stack.pop()
        if expanded:
            result.append(node)
            continue
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(children[node]))
    return result


def _left_sibling(nodes: _Nodes, node: int) -> int:
    parent = nodes.parent[node]
    index = nodes.number[node] - 1
    return nodes.children[parent][index - 1] if parent >= 0 and index > 0 else -1


def _next_left(nodes: _Nodes, node: int) -> int:
    kids = nodes.children[node]
    return kids[0] if kids else nodes.thread[node]


def _next_right(nodes: _Nodes, node: int) -> int:
    kids = nodes.children[node]
    return kids[-1] if kids else nodes.thread[node]


def _apportion(nodes: _Nodes, node: int, default_ancestor: int, distance: float) -> int:
    left = _left_sibling(nodes, node)
    if left < 0:
        return default_ancestor
    inner_right = outer_right = node
    inner_left = left
    outer_left = nodes.children[nodes.parent[node]][0]
    shift_ir = nodes.mod[inner_right]
    shift_or = nodes.mod[outer_right]
    shift_il = nodes.mod[inner_left]
    shift_ol = nodes.mod[outer_left]
    while _next_right(nodes, inner_left) >= 0 and _next_left(nodes, inner_right) >= 0:
        inner_left = _next_right(nodes, inner_left)
        inner_right = _next_left(nodes, inner_right)
        outer_left = _next_left(nodes, outer_left)
        outer_right = _next_right(nodes, outer_right)
        nodes.ancestor[outer_right] = node
        shift = (
            (nodes.prelim[inner_left] + shift_il)
            - (nodes.prelim[inner_right] + shift_ir)
            + distance
        )
        if shift > 0:
            ancestor = _ancestor(nodes, inner_left, node, default_ancestor)
            _move_subtree(nodes, ancestor, node, shift)
            shift_ir += shift
            shift_or += shift
        shift_il += nodes.mod[inner_left]
        shift_ir += nodes.mod[inner_right]
        shift_ol += nodes.mod[outer_left]
        shift_or += nodes.mod[outer_right]
    if _next_right(nodes, inner_left) >= 0 and _next_right(nodes, outer_right) < 0:
        nodes.thread[outer_right] = _next_right(nodes, inner_left)
        nodes.mod[outer_right] += shift_il - shift_or
    if _next_left(nodes, inner_right) >= 0 and _next_left(nodes, outer_left) < 0:
        nodes.thread[outer_left] = _next_left(nodes, inner_right)
        nodes.mod[outer_left] += shift_ir - shift_ol
        default_ancestor = node
    return default_ancestor


def _ancestor(nodes: _Nodes, inner_left: int, node: int, default_ancestor: int) -> int:
    candidate = nodes.ancestor[inner_left]
    if nodes.parent[candidate] == nodes.parent[node]:
        return candidate
    return default_ancestor


def _move_subtree(nodes: _Nodes, left: int, right: int, shift: float) -> None:
    subtrees = nodes.number[right] - nodes.number[left]
    nodes.change[right] -= shift / subtrees
    nodes.shift[right] += shift
    nodes.change[left] += shift / subtrees
    nodes.prelim[right] += shift
    nodes.mod[right] += shift


def _execute_shifts(nodes: _Nodes, node: int) -> None:
    shift = change = 0.0
    for child in reversed(nodes.children[node]):
        nodes.prelim[child] += shift
        nodes.mod[child] += shift
        change += nodes.change[child]
        shift += nodes.shift[child] + change
