"""Focus and back keep each team's placement instead of laying the chart out afresh (issue 19:
0.5 s for a VP's team at 50,000 positions): what shows must be exactly what a fresh layout of
the same chart gives, cards where it puts them and no others, after any way in and out."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPointF

from revorg.gui.chart.collapse import ALL_LEVELS
from revorg.gui.chart.layout import compute_layout
from revorg.gui.window.main_window import MainWindow
from revorg.model.generator import generate_plan
from tests.gui.test_chart_reading import open_window


@pytest.fixture
def window(qtbot) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """A generated plan of 600 positions, expanded whole, with an assistant beside a VP (staff
    move the rows below theirs down: the focus must take their bands along)."""
    window = open_window(qtbot, generate_plan(600))
    tree = window.controller.editor.tree()
    window.controller.add_role("executive_assistant", largest_vp(window))
    assert len(tree.roots()) == 1
    window.expand_to_level(ALL_LEVELS)
    yield window
    window.close()
    window.deleteLater()


def largest_vp(window: MainWindow) -> int:
    tree = window.controller.editor.tree()
    return max(tree.reports(tree.roots()[0]), key=lambda i: len(tree.subtree(i)))


def assert_drawn_as_laid_out_afresh(window: MainWindow) -> None:
    """The scene's centres, shown cards and their places equal a fresh layout's."""
    scene = window.scene
    tree = window.controller.editor.tree()
    children = tree.children if scene.focus is None else {**tree.children, None: [scene.focus]}
    fresh = compute_layout(
        children,
        scene.metrics,
        collapsed=scene.collapsed,
        compact=scene.compact,
        staff=scene.staff,
        parent=tree.parent,
    )
    assert scene.layout.centres == fresh.centres
    assert scene.layout.stacked == fresh.stacked
    assert scene.layout.bounds(scene.metrics) == fresh.bounds(scene.metrics)
    shown = {i for i, card in scene.cards.items() if card.isVisible()}
    # A large layout leaves the cards off screen to the window's idle turns.
    assert shown | scene.placed_without_card() == set(fresh.centres)
    misplaced = [i for i in shown if scene.cards[i].pos() != QPointF(*fresh.centres[i])]
    assert misplaced == []


def test_focus_and_back_show_what_a_fresh_layout_shows(window: MainWindow) -> None:
    scene = window.scene
    tree = window.controller.editor.tree()
    whole = dict(scene.layout.centres)
    assert len(whole) == 601  # every card, the assistant too
    vp = largest_vp(window)
    team = len(tree.subtree(vp))
    scene.set_focus(vp)
    assert scene.layout.centres[vp][1] == 0.0  # the manager in focus at the top
    assert len(scene.layout.centres) == team
    assert_drawn_as_laid_out_afresh(window)
    # Down into one of its teams, then up the breadcrumb to the VP's and to the whole chart.
    manager = max(
        (i for i in tree.reports(vp) if tree.reports(i)), key=lambda i: len(tree.subtree(i))
    )
    scene.set_focus(manager)
    assert_drawn_as_laid_out_afresh(window)
    window.focus_up()
    assert scene.focus == vp
    assert_drawn_as_laid_out_afresh(window)
    window.show_whole_organisation()
    assert scene.layout.centres == whole
    assert_drawn_as_laid_out_afresh(window)


def test_edits_and_closed_teams_in_focus_are_laid_out_on_the_way_back(
    window: MainWindow,
) -> None:
    scene = window.scene
    tree = window.controller.editor.tree()
    cro = tree.roots()[0]
    vp = largest_vp(window)
    other_vp = next(i for i in tree.reports(cro) if i != vp and tree.reports(i))
    scene.set_focus(vp)
    # A manager of the team moved out of it, under a VP whose team is not shown: both teams
    # change width, the other one while hidden.
    mover = next(i for i in tree.reports(vp) if tree.reports(i))
    window.controller.move(mover, other_vp)
    assert mover not in scene.layout.centres
    assert_drawn_as_laid_out_afresh(window)
    scene.toggle_collapsed(next(i for i in tree.reports(vp) if tree.reports(i)))
    assert_drawn_as_laid_out_afresh(window)
    window.show_whole_organisation()
    assert mover in scene.layout.centres
    assert_drawn_as_laid_out_afresh(window)
    window.controller.undo_stack.undo()
    assert_drawn_as_laid_out_afresh(window)


def test_focus_on_a_team_from_the_first_view_opens_it_and_goes_back_to_it(
    window: MainWindow,
) -> None:
    scene = window.scene
    window.expand_to_level(2)
    closed = set(scene.collapsed)
    vp = largest_vp(window)
    assert vp in closed
    scene.set_focus(vp)  # opened as a click opens it
    assert vp not in scene.collapsed
    assert_drawn_as_laid_out_afresh(window)
    scene.set_focus(None)
    assert_drawn_as_laid_out_afresh(window)
    assert closed - {vp} <= scene.collapsed  # the other teams stay closed
