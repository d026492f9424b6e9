"""Cards made when first shown (issue 20): a plan opens at its top levels, and the cards of the
collapsed teams are made only when a team is expanded, focused, searched or exported. A card
made late must be the card a fresh build makes: its title, its place, its marks, selectable.

The demo plan: the CRO (1) over VP Marketing (2: reports 3, 4, 5), VP Sales (6: the SDR
Manager 7 with the SDRs 8 and 9, and the AEs 10, 11, 12), VP Customer Success (13: 14 to 17)
and Head of RevOps (18: 19).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from revorg.gui.chart import scene_cards
from revorg.gui.chart.collapse import ALL_LEVELS
from revorg.gui.chart.export import ChartExpansion, expanded_scene
from revorg.gui.chart.scene import ChartScene
from revorg.gui.window.main_window import MainWindow
from revorg.model.generator import generate_plan
from tests.gui.test_chart_focus_layout import assert_drawn_as_laid_out_afresh
from tests.gui.test_chart_reading import open_window

VP_SALES, SDR_MANAGER, VP_CS = 6, 7, 13


@pytest.fixture
def large(qtbot) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """A 2,000-position plan opened as the app opens it: its top levels, the rest collapsed."""
    window = open_window(qtbot, generate_plan(2000))
    yield window
    window.close()
    window.deleteLater()


def made(scene: ChartScene) -> set[int]:
    return set(scene.cards)


def shown(scene: ChartScene) -> set[int]:
    return {i for i, card in scene.cards.items() if card.isVisible()}


def below(window: MainWindow, manager: int) -> set[int]:
    return set(window.controller.editor.tree().subtree(manager)) - {manager}


def test_the_first_view_makes_only_the_cards_it_shows(large: MainWindow) -> None:
    scene = large.scene
    assert scene.collapsed  # the teams below the top levels are closed
    assert made(scene) == shown(scene) == set(scene.layout.centres)
    assert len(made(scene)) < 50  # of 2,000 positions
    for manager in scene.collapsed:
        assert not below(large, manager) & made(scene)


def test_expanding_a_team_makes_its_cards_as_a_fresh_build_does(large: MainWindow) -> None:
    scene = large.scene
    rows = large.controller.editor.positions()
    manager = max(scene.collapsed, key=lambda i: len(below(large, i)))
    before = made(scene)
    scene.toggle_collapsed(manager)
    new = made(scene) - before
    assert new and new <= below(large, manager)
    assert made(scene) == shown(scene)  # nothing made that is not shown
    assert_drawn_as_laid_out_afresh(large)  # every card where a fresh layout puts it
    for position_id in new:
        assert scene.cards[position_id].content.title == rows[position_id].title
    picked = sorted(new)[:2]
    scene.select_only(picked)
    assert sorted(scene.selected_ids()) == picked
    # Closed again, the cards stay made, hidden; opened again, they are the same items.
    items = {i: scene.cards[i] for i in new}
    scene.toggle_collapsed(manager)
    assert not new & shown(scene) and new <= made(scene)
    scene.toggle_collapsed(manager)
    assert all(scene.cards[i] is item and item.isVisible() for i, item in items.items())
    assert_drawn_as_laid_out_afresh(large)


def test_expand_all_focus_and_back_make_every_card_in_place(large: MainWindow) -> None:
    scene = large.scene
    tree = large.controller.editor.tree()
    manager = max(scene.collapsed, key=lambda i: len(below(large, i)))
    scene.set_focus(manager)  # from the first view: its team made, placed as a fresh layout
    assert_drawn_as_laid_out_afresh(large)
    large.show_whole_organisation()
    assert_drawn_as_laid_out_afresh(large)
    large.expand_to_level(ALL_LEVELS)
    assert made(scene) == shown(scene) == set(tree.parent)  # every position, once
    assert_drawn_as_laid_out_afresh(large)


def test_cards_made_while_idle_are_hidden_until_their_team_opens(large: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The window makes the other cards a few hundred at a time after its first paint; they
    stay hidden, the first view is unchanged, and Expand all then only moves and shows them."""
    scene = large.scene
    tree = large.controller.editor.tree()
    first_view = shown(scene)
    leaf = hidden_leaf(large)
    scene.make_cards_when_idle()
    assert len(made(scene)) < len(tree.parent)  # a batch at a time, not all at once
    qtbot.waitUntil(lambda: made(scene) == set(tree.parent), timeout=5000)
    assert shown(scene) == first_view
    assert not scene.cards[leaf].isVisible()
    assert_drawn_as_laid_out_afresh(large)
    large.expand_to_level(ALL_LEVELS)
    assert made(scene) == shown(scene) == set(tree.parent)
    assert_drawn_as_laid_out_afresh(large)


def test_cards_are_made_while_idle_again_after_another_scenario(large: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    scene = large.scene
    scene.make_cards_when_idle()
    qtbot.waitUntil(lambda: len(made(scene)) == len(scene.plan.positions()), timeout=5000)
    large.controller.copy_scenario("Copy")  # the chart shows the copy: other ids
    qtbot.waitUntil(lambda: set(made(scene)) == set(scene.plan.positions()), timeout=5000)
    assert shown(scene) == set(scene.layout.centres)


def test_idle_work_interrupted_by_interactions_leaves_the_chart_as_laid_out(
    large: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Between turns of the idle work (the cards made, then the closed teams placed) the user
    opens a team, focuses another, goes back, closes one, expands to a level: each time the
    chart is what a fresh layout draws, and so it is when the work is done."""
    monkeypatch.setattr(scene_cards, "IDLE_BATCH", 60)  # small turns: interrupted in each part
    monkeypatch.setattr(scene_cards, "IDLE_TEAMS", 15)
    scene = large.scene
    tree = large.controller.editor.tree()
    big, other = sorted(scene.collapsed, key=lambda i: len(below(large, i)), reverse=True)[:2]
    steps = [
        lambda: scene.toggle_collapsed(big),
        lambda: scene.set_focus(other),
        large.show_whole_organisation,
        lambda: scene.toggle_collapsed(big),
        lambda: large.expand_to_level(3),
        lambda: scene.set_focus(big),
        large.show_whole_organisation,
        lambda: large.expand_to_level(2),
    ]
    scene.make_cards_when_idle()
    for step in steps:
        for _turn in range(6):
            QApplication.processEvents()
        assert not scene.idle_work_done()
        step()
        assert_drawn_as_laid_out_afresh(large)
    qtbot.waitUntil(scene.idle_work_done, timeout=5000)
    assert made(scene) == set(tree.parent)
    assert_drawn_as_laid_out_afresh(large)
    large.expand_to_level(ALL_LEVELS)
    assert shown(scene) == set(tree.parent)
    assert_drawn_as_laid_out_afresh(large)


def hidden_leaf(window: MainWindow) -> int:
    """A position without reports in a closed team, its card not made."""
    scene, tree = window.scene, window.controller.editor.tree()
    manager = max(scene.collapsed, key=lambda i: len(below(window, i)))
    leaf = max(i for i in below(window, manager) if not tree.reports(i))
    assert leaf not in scene.cards
    return leaf


def test_a_hidden_card_asked_for_is_made_hidden_and_shown_when_its_team_opens(
    large: MainWindow,
) -> None:
    scene = large.scene
    leaf = hidden_leaf(large)
    card = scene.cards[leaf]  # a reader that asks for it gets it, hidden as it would be
    assert leaf in scene.cards and not card.isVisible()
    assert card.content.title == large.controller.editor.positions()[leaf].title
    with pytest.raises(KeyError):
        scene.cards[999_999]  # not a position of the plan
    large.view.show_card(leaf)  # opens the path to it
    assert scene.cards[leaf] is card and card.isVisible()
    assert_drawn_as_laid_out_afresh(large)


def test_a_search_highlights_the_cards_made_later(large: MainWindow) -> None:
    scene = large.scene
    rows = large.controller.editor.positions()
    leaf = hidden_leaf(large)
    title = rows[leaf].title
    large.find_bar.box.setText(title)
    matches = set(large.find_bar.matches)
    assert leaf in matches and len(matches) > 1
    assert not matches <= made(scene)  # the first match opened, not every team
    large.expand_to_level(ALL_LEVELS)
    highlighted = {i for i, card in scene.cards.items() if card.highlighted}
    assert highlighted == matches
    large.find_bar.box.setText("")
    assert not any(card.highlighted for card in scene.cards.values())


def test_a_card_made_late_has_its_department_coverage_mark(window: MainWindow) -> None:
    # VP Customer Success's department is short of its target in the demo plan (red).
    assert window.scene.cards[VP_CS].coverage_mark == "red"
    scene = ChartScene(window.controller.editor, collapsed=[VP_CS])
    team = below(window, VP_CS)
    assert not team & made(scene)
    scene.toggle_collapsed(VP_CS)
    assert team <= made(scene)
    assert {scene.cards[i].coverage_mark for i in team} == {"red"}


def test_deleting_and_undoing_a_position_never_shown(large: MainWindow) -> None:
    scene, controller = large.scene, large.controller
    leaf = hidden_leaf(large)
    controller.delete([leaf], keep_reports=False)
    assert leaf not in controller.editor.positions() and leaf not in scene.cards
    controller.undo_stack.undo()
    assert leaf in controller.editor.positions()
    assert leaf not in scene.cards  # back in its closed team, not made
    large.expand_to_level(ALL_LEVELS)
    assert scene.cards[leaf].isVisible()
    assert_drawn_as_laid_out_afresh(large)


def test_an_export_by_level_makes_only_the_cards_it_draws(window: MainWindow) -> None:
    scene = expanded_scene(window.controller.editor, ChartExpansion(levels=2))
    assert made(scene) == shown(scene) == set(scene.layout.centres)
    assert VP_SALES in made(scene) and SDR_MANAGER not in made(scene)
