"""The first Expand all before the window's idle work (issue 19): every position is placed,
but only the cards on screen are made at once; the idle turns make the others at their places.
A card scrolled to, selected, searched or focused before its turn is there (made then).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from revorg.gui.chart import scene_cards
from revorg.gui.chart.collapse import ALL_LEVELS
from revorg.gui.chart.export import export_drawing
from revorg.gui.chart.scene import ChartScene
from revorg.gui.window.main_window import MainWindow
from revorg.model.generator import generate_plan
from tests.gui.test_chart_focus_layout import assert_drawn_as_laid_out_afresh
from tests.gui.test_chart_reading import open_window

SIZE = 2000


@pytest.fixture
def expanded(qtbot: QtBot) -> Iterator[MainWindow]:
    """A 2,000-position plan opened as the app opens it, Expand all clicked before any idle
    turn of the window has run (1,970 cards to make: more than MADE_AT_ONCE)."""
    window = open_window(qtbot, generate_plan(SIZE))
    window.scene.make_cards_when_idle()  # as after the first paint; no turn run yet
    window.expand_to_level(ALL_LEVELS)
    yield window
    window.close()
    window.deleteLater()


def shown(scene: ChartScene) -> set[int]:
    return {i for i, card in scene.cards.items() if card.isVisible()}


def on_screen(window: MainWindow) -> set[int]:
    """The positions whose cards are on screen, whole or in part."""
    view, metrics = window.view, window.scene.metrics
    rect = view.mapToScene(view.viewport().rect()).boundingRect()
    rect.adjust(-metrics.card_width / 2, -metrics.card_height / 2, 0, 0)
    rect.adjust(0, 0, metrics.card_width, metrics.card_height)
    return {i for i, (x, y) in window.scene.layout.centres.items() if rect.contains(x, y)}


def painted(window: MainWindow) -> None:
    window.view.viewport().repaint()


def assert_shown_in_place(window: MainWindow, position_ids: set[int]) -> None:
    scene = window.scene
    centres = scene.layout.centres
    assert position_ids <= set(scene.cards)  # `in`: made, not made by asking
    misplaced = [i for i in position_ids if scene.cards[i].pos() != QPointF(*centres[i])]
    assert misplaced == []
    assert position_ids <= shown(scene)


def test_expand_all_before_the_idle_work_makes_the_cards_on_screen(
    expanded: MainWindow, qtbot: QtBot
) -> None:
    scene = expanded.scene
    assert len(scene.layout.centres) == SIZE  # every position placed
    assert scene.collapsed == set()
    assert len(scene.cards) < SIZE / 2  # most cards left to the idle turns
    painted(expanded)
    visible = on_screen(expanded)
    assert visible  # the top of the chart: its CRO, most VPs far to the sides
    assert_shown_in_place(expanded, visible)
    assert_drawn_as_laid_out_afresh(expanded)
    qtbot.waitUntil(scene.idle_work_done, timeout=10_000)
    assert set(scene.cards) == shown(scene) == set(scene.layout.centres)
    assert scene.placed_without_card() == set()
    assert_drawn_as_laid_out_afresh(expanded)


def test_a_far_corner_scrolled_to_before_the_idle_turns_shows_its_cards(
    expanded: MainWindow,
) -> None:
    scene, view = expanded.scene, expanded.view
    painted(expanded)
    far = max(scene.placed_without_card(), key=lambda i: scene.layout.centres[i])
    view.centerOn(QPointF(*scene.layout.centres[far]))
    painted(expanded)
    visible = on_screen(expanded)
    assert far in visible and len(visible) > 10
    assert_shown_in_place(expanded, visible)
    # A click on a card not made yet (a point away from the screen) finds it.
    other = next(iter(scene.placed_without_card()))
    card = scene.card_at(QPointF(*scene.layout.centres[other]))
    assert card is not None and card.position_id == other and card.isVisible()


def test_selection_search_and_focus_on_cards_not_made_yet(expanded: MainWindow) -> None:
    scene, view = expanded.scene, expanded.view
    rows = expanded.controller.editor.positions()
    tree = expanded.controller.editor.tree()
    waiting = scene.placed_without_card()
    leaf = max(i for i in waiting if not tree.reports(i) and rows[i].person_name)
    scene.select_only([leaf])
    assert scene.selected_ids() == [leaf]
    manager = next(i for i in waiting if tree.reports(i) and tree.reports(i)[0] in waiting)
    scene.select_only([manager])
    QTest.keyClick(view, Qt.Key.Key_Down)  # to its first report, not made either
    assert scene.selected_ids() == [tree.reports(manager)[0]]
    scene.clearSelection()

    # Generated names are "Person <id>": the largest id's name is in no other.
    other = max(i for i in scene.placed_without_card() if rows[i].person_name and i != leaf)
    matches = expanded.find_bar.search(str(rows[other].person_name))
    assert matches == [other]
    card = scene.cards[other]
    assert card.highlighted and card.isVisible()
    screen = view.mapToScene(view.viewport().rect()).boundingRect()
    assert screen.contains(card.sceneBoundingRect())  # the view went to it

    manager = max(
        (i for i in scene.placed_without_card() if tree.reports(i)),
        key=lambda i: len(tree.subtree(i)),
    )
    scene.select_only([manager])
    expanded.focus_selected_team()
    assert scene.focus == manager
    painted(expanded)
    assert_shown_in_place(expanded, on_screen(expanded))
    assert_drawn_as_laid_out_afresh(expanded)


def test_the_overview_and_exports_see_the_cards_not_made_yet(expanded: MainWindow) -> None:
    scene = expanded.scene
    rows = expanded.controller.editor.positions()
    colours = {d.key: d.color for d in expanded.controller.editor.departments()}
    blocks = scene.overview_item._block_rects()  # what the zoomed-out chart draws
    assert sum(len(rects) for rects in blocks.values()) == SIZE
    waiting = next(iter(scene.placed_without_card()))
    assert scene.cards.colour_of_unmade(waiting) == colours[rows[waiting].department_key]
    with export_drawing(scene):  # an image of the chart as shown draws every card
        assert scene.placed_without_card() == set()
        assert shown(scene) == set(scene.layout.centres)


def test_a_small_expansion_makes_its_cards_at_once(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under MADE_AT_ONCE cards a layout makes them all, as before (a team opened, a level)."""
    monkeypatch.setattr(scene_cards, "MADE_AT_ONCE", 5_000)
    window = open_window(qtbot, generate_plan(SIZE))
    window.scene.make_cards_when_idle()
    window.expand_to_level(ALL_LEVELS)
    assert set(window.scene.cards) == shown(window.scene) == set(window.scene.layout.centres)
    window.close()
    window.deleteLater()
