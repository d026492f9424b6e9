"""What keeps a large chart fast must not change what the user sees: zoomed out one overview
item draws the chart, zoomed in the cards do; a move updates the layout and the numbers in
place, to what a fresh start would show."""

from __future__ import annotations

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QGraphicsItem

from revorg.gui.chart.layout import compute_layout
from revorg.gui.mime import POSITION_MIME_TYPE
from revorg.gui.window.main_window import MainWindow
from revorg.model.org_tree import OrgTree
from revorg.model.rows import position_rows
from revorg.model.summary import summarize
from tests.gui.conftest import card_point, drop, mime_with

VP_SALES, SDR_MANAGER, SDR, VP_CS = 6, 7, 8, 13
SECOND_SDR, ACCOUNT_EXECUTIVES = 9, (10, 11, 12)
NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents


def zoom_to(window: MainWindow, zoom: float) -> QImage:
    window.view.resetTransform()
    window.view.scale(zoom, zoom)
    return window.view.viewport().grab().toImage()


def colours(image: QImage) -> set[str]:
    return {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
    }


def test_zoomed_out_one_overview_item_draws_the_chart(window: MainWindow) -> None:
    scene = window.scene
    image = zoom_to(window, 0.1)
    assert scene.overview and scene.overview_item.isVisible()
    assert not scene.connector_item.isVisible()
    assert all(card.flags() & NO_CONTENTS for card in scene.cards.values())
    departments = {d.color.lower() for d in window.controller.editor.departments()}
    assert len(colours(image) & departments) >= 3  # the cards are there, as coloured blocks

    zoom_to(window, 1.0)
    assert not scene.overview and not scene.overview_item.isVisible()
    assert scene.connector_item.isVisible()
    assert not any(card.flags() & NO_CONTENTS for card in scene.cards.values())


def test_zoomed_out_cards_are_still_found_selected_and_dropped_on(window: MainWindow) -> None:
    scene = window.scene
    zoom_to(window, 0.1)
    card = scene.cards[SDR]
    assert scene.card_at(card.scenePos()) is card
    before = window.view.viewport().grab().toImage()
    scene.select_only([SDR])
    after = window.view.viewport().grab().toImage()
    assert before != after  # the selected block is drawn darker
    drop(window, mime_with(POSITION_MIME_TYPE, str(SDR)), card_point(window, VP_CS))
    assert window.controller.editor.tree().parent[SDR] == VP_CS


def assert_as_after_a_fresh_start(window: MainWindow) -> None:
    controller, scene = window.controller, window.scene
    fresh_rows = position_rows(controller.editor.session, controller.editor.scenario_id)
    assert list(controller.editor.positions().values()) == fresh_rows
    tree = OrgTree.build(fresh_rows)
    assert controller.editor.tree().parent == tree.parent
    layout = compute_layout(tree.children, scene.metrics, compact=scene.compact)
    assert scene.layout.centres == layout.centres
    for position_id, (x, y) in layout.centres.items():
        assert (scene.cards[position_id].pos().x(), scene.cards[position_id].pos().y()) == (x, y)
    fresh = summarize(controller.editor.session, controller.editor.scenario, controller.language)
    assert controller.editor.summary().to_json() == fresh.to_json()


def test_a_move_and_its_undo_show_what_a_fresh_start_shows(window: MainWindow) -> None:
    controller = window.controller
    controller.editor.summary()  # numbers on screen before the move
    controller.move(SDR_MANAGER, VP_CS)  # a team of SDRs under customer success
    assert controller.editor.tree().parent[SDR_MANAGER] == VP_CS
    assert_as_after_a_fresh_start(window)
    assert not controller.editor.summary().too_wide_spans
    for position_id in (SDR, SECOND_SDR, *ACCOUNT_EXECUTIVES):
        controller.move(position_id, VP_CS)  # 11 people under a limit of 10: a warning
        assert_as_after_a_fresh_start(window)
    assert [manager.id for manager, _, _ in controller.editor.summary().too_wide_spans] == [VP_CS]
    for _ in range(6):
        controller.undo_stack.undo()
    assert controller.editor.tree().parent[SDR_MANAGER] == VP_SALES
    assert_as_after_a_fresh_start(window)


def test_deleted_cards_come_back_in_place_on_undo(window: MainWindow) -> None:
    controller = window.controller
    controller.delete([SDR_MANAGER], keep_reports=False)
    assert SDR not in window.scene.cards
    assert_as_after_a_fresh_start(window)
    controller.undo_stack.undo()
    assert window.scene.cards[SDR].isVisible()
    assert_as_after_a_fresh_start(window)
    controller.delete([SDR_MANAGER], keep_reports=True)  # the SDRs move up to the VP
    assert_as_after_a_fresh_start(window)
    controller.undo_stack.undo()
    assert_as_after_a_fresh_start(window)


def test_edited_fields_reach_the_rows_the_cards_and_the_numbers(window: MainWindow) -> None:
    controller = window.controller
    controller.edit(SDR, {"title": "Team lead", "headcount": 3})
    assert controller.editor.positions()[SDR].title == "Team lead"
    assert window.scene.cards[SDR].content.title == "Team lead"
    assert_as_after_a_fresh_start(window)
    controller.undo_stack.undo()
    assert controller.editor.positions()[SDR].headcount == 1
    assert_as_after_a_fresh_start(window)


def test_cards_in_a_collapsed_team_stay_hidden_even_when_made_again(window: MainWindow) -> None:
    scene, controller = window.scene, window.controller
    scene.toggle_collapsed(VP_SALES)
    assert not scene.cards[SDR].isVisible() and scene.cards[VP_SALES].hidden_reports == 6
    controller.delete([SDR], keep_reports=False)
    controller.undo_stack.undo()  # the SDR's card is made again, inside the collapsed team
    assert not scene.cards[SDR].isVisible()
    scene.toggle_collapsed(VP_SALES)
    assert scene.cards[SDR].isVisible() and scene.cards[VP_SALES].hidden_reports == 0
    assert_as_after_a_fresh_start(window)
