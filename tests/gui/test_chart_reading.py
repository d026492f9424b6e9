"""A chart people can read at any size (issue 19): the first view's readable zoom and top
levels, collapsed teams with their roll-up, expand to a level, focus with its breadcrumb, the
overview map, search opening the path to a match, and the expansion kept per plan."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from revorg.gui.chart.card_texts import READABLE_NAME_PIXELS, name_font, rollup_lines
from revorg.gui.chart.collapse import ALL_LEVELS, levels_that_fit
from revorg.gui.chart.layout_result import LayoutMetrics
from revorg.gui.window.main_window import MainWindow
from revorg.model.document import PlanDocument
from revorg.model.generator import generate_plan

CRO, VP_MARKETING, VP_SALES, SDR_MANAGER, SDR, AE_MARTA, VP_CS, HEAD_REVOPS = (
    1, 2, 6, 7, 8, 10, 13, 18,
)  # fmt: skip
VP_SALES_TEAM = {6, 7, 8, 9, 10, 11, 12}


def shown(window: MainWindow) -> set[int]:
    return {i for i, card in window.scene.cards.items() if card.isVisible()}


def open_window(qtbot, document: PlanDocument) -> MainWindow:  # type: ignore[no-untyped-def]
    """A window as the app opens one: the first view, at the top levels, readable."""
    window = MainWindow(document, first_views=True)
    window.files.ask_unsaved = lambda *_args: QMessageBox.StandardButton.Discard
    window.show()
    qtbot.waitExposed(window)
    window.show_first_view()
    return window


@pytest.fixture
def opened(qtbot) -> Iterator[list[MainWindow]]:  # type: ignore[no-untyped-def]
    """The windows a test opens, closed after it."""
    windows: list[MainWindow] = []
    yield windows
    for window in windows:
        window.close()
        window.deleteLater()


def name_pixels_on_screen(window: MainWindow) -> float:
    """A card's name height on screen: the name font's pixel size through the view's
    transform (what the device shows of one scene pixel, vertically)."""
    return name_font().pixelSize() * window.view.transform().m22()


@pytest.mark.parametrize("size", [20, 300, 1000, 10000])
def test_the_first_view_shows_the_top_two_levels_with_readable_names(
    qtbot, opened: list[MainWindow], size: int
) -> None:  # type: ignore[no-untyped-def]
    document = PlanDocument.from_template("demo", 2027) if size == 20 else generate_plan(size)
    window = open_window(qtbot, document)
    opened.append(window)
    assert name_pixels_on_screen(window) >= READABLE_NAME_PIXELS == 11
    tree = window.controller.editor.tree()
    top_two = {report for root in tree.roots() for report in [root, *tree.reports(root)]}
    assert top_two <= shown(window)
    viewport = window.view.viewport().rect()
    on_screen = {
        position_id
        for position_id in top_two
        if viewport.contains(
            window.view.mapFromScene(QPointF(*window.scene.layout.centres[position_id]))
        )
    }
    assert set(tree.roots()) <= on_screen
    # Up to 1,000 the top two levels are on screen; at 10,000 the CRO's six reports are 1,196
    # pixels wide at the readable zoom, and the chart pans to the sides.
    assert on_screen == top_two if size <= 1000 else len(on_screen) >= 4
    if size > 20:  # too many to read at once: the teams below are collapsed
        assert window.scene.collapsed and len(shown(window)) < size


def test_the_demo_opens_at_two_levels_with_each_vps_team_rolled_up(
    qtbot, opened: list[MainWindow]
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, PlanDocument.from_template("demo", 2027))
    opened.append(window)
    # Level 3 does not fit a 1600 x 960 window with readable names: the VPs are collapsed.
    assert window.scene.collapsed == {VP_MARKETING, VP_SALES, VP_CS, HEAD_REVOPS}
    assert shown(window) == {CRO, VP_MARKETING, VP_SALES, VP_CS, HEAD_REVOPS}
    scene = window.scene
    # VP Sales' team: SDR Manager 62,000, two SDRs 38,000, three AEs 65,000 (one open).
    sales = scene.rollup_of(VP_SALES)
    assert (sales.positions, sales.people, sales.open_people) == (6, 6, 1)
    assert sales.annual_cost == 62000 + 2 * 38000 + 3 * 65000 == 333000
    # Customer success: onboarder 45,000, a pod of 2 CSMs at 50,000, AM 58,000, support 40,000.
    success = scene.rollup_of(VP_CS)
    assert (success.positions, success.people, success.open_people) == (4, 5, 0)
    assert success.annual_cost == 45000 + 2 * 50000 + 58000 + 40000 == 243000
    assert scene.cards[VP_SALES].hidden_reports == 6
    # Revenue teams show their department's coverage and mark; RevOps has no revenue target.
    summary = window.controller.editor.summary().capacity.departments
    assert scene.coverage_of(VP_CS) == ("red", summary["customer_success"].coverage)
    assert scene.coverage_of(VP_SALES) == ("green", summary["sales"].coverage)
    assert scene.coverage_of(HEAD_REVOPS) is None
    lines = rollup_lines(success, "EUR", scene.coverage_of(VP_CS))
    assert lines == ["People: 5 · open: 0", "€243,000 / yr", "84%"]


def test_a_click_on_the_expander_opens_and_closes_a_team(qtbot, opened: list[MainWindow]) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, PlanDocument.from_template("demo", 2027))
    opened.append(window)
    view, card = window.view, window.scene.cards[VP_SALES]

    def click_expander() -> None:
        view.set_zoom(1.0)
        view.centerOn(card)
        point = view.mapFromScene(card.mapToScene(card.expander_rect().center()))
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)

    click_expander()  # the team is small: every level of it opens at once
    assert shown(window) >= VP_SALES_TEAM and VP_SALES not in window.scene.collapsed
    assert len(shown(window)) == 5 + 6
    click_expander()
    assert not (VP_SALES_TEAM - {VP_SALES}) & shown(window)
    assert window.scene.cards[VP_SALES].hidden_reports == 6
    assert not window.scene.selected_ids()  # the click was the expander's, not a selection


def test_expand_to_level_shows_that_many_levels(window: MainWindow) -> None:
    counts = {}
    for level in (1, 2, 3, ALL_LEVELS):
        window.expand_to_level(level)
        counts[level] = len(shown(window))
    # 1: the CRO; 2: and four VPs; 3: and their 3 + 4 + 4 + 1 reports; all: and two SDRs.
    assert counts == {1: 1, 2: 5, 3: 17, ALL_LEVELS: 19}
    window.expand_to_level(3)
    assert window.scene.collapsed == {SDR_MANAGER}
    assert window.scene.cards[SDR_MANAGER].hidden_reports == 2
    # The View menu's actions do the same.
    window.menus.level_actions[0].trigger()
    assert shown(window) == {CRO}
    window.menus.level_actions[-1].trigger()
    assert len(shown(window)) == 19 and not window.scene.collapsed


def test_expanding_a_large_team_opens_a_few_dozen_cards(qtbot, opened: list[MainWindow]) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, generate_plan(1000))
    opened.append(window)
    scene = window.scene
    window.expand_to_level(2)
    largest = max(scene.collapsed, key=lambda i: scene.rollup_of(i).positions)
    before = len(shown(window))
    scene.toggle_collapsed(largest)
    tree = window.controller.editor.tree()
    opened_cards = len(shown(window)) - before
    assert len(tree.reports(largest)) <= opened_cards <= 40  # at least its direct reports
    assert scene.rollup_of(largest).positions > 40  # so not all of it
    # Focusing a collapsed team opens it the same way.
    window.expand_to_level(2)
    scene.select_only([largest])
    window.focus_selected_team()
    assert scene.focus == largest
    assert len(tree.reports(largest)) < len(shown(window)) <= 1 + 40


def test_focus_shows_one_team_with_a_breadcrumb_back_up(window: MainWindow) -> None:
    window.scene.select_only([VP_SALES])
    window.menus.focus_action.trigger()
    assert shown(window) == VP_SALES_TEAM
    crumb = window.breadcrumb
    assert crumb.isVisible()
    assert [step.text() for step in crumb.steps] == [
        "Whole organisation",
        "Chief Revenue Officer",
        "VP Sales",
    ]
    assert not crumb.steps[-1].isEnabled()  # where we are
    crumb.steps[1].click()  # up to the CRO's team: everybody
    assert window.scene.focus == CRO and len(shown(window)) == 19
    crumb.steps[0].click()
    assert window.scene.focus is None and not crumb.isVisible()
    # A focused team that is deleted leaves the focus.
    window.scene.select_only([SDR_MANAGER])
    window.focus_selected_team()
    assert shown(window) == {SDR_MANAGER, 8, 9}
    window.controller.delete([SDR_MANAGER], keep_reports=False)
    assert window.scene.focus is None and len(shown(window)) == 16


def test_focus_keeps_up_with_edits_of_the_team(window: MainWindow) -> None:
    window.scene.select_only([VP_SALES])
    window.focus_selected_team()
    window.controller.move(SDR, VP_CS)  # out of the team in focus
    assert shown(window) == VP_SALES_TEAM - {SDR}
    window.controller.undo_stack.undo()
    assert shown(window) == VP_SALES_TEAM
    window.focus_up()
    assert window.scene.focus == CRO


def test_dragging_the_overview_map_moves_the_view(window: MainWindow) -> None:
    view, minimap = window.view, window.minimap
    view.set_zoom(1.0)
    view.centerOn(window.scene.cards[CRO])
    assert minimap.isVisible()
    left_card = min(window.scene.layout.centres.values())
    right_card = max(window.scene.layout.centres.values())
    start = minimap.to_map(QPointF(*left_card)).toPoint()
    end = minimap.to_map(QPointF(*right_card)).toPoint()
    send_mouse(minimap, QEvent.Type.MouseButtonPress, start, Qt.MouseButton.LeftButton)
    centre_at_press = view.mapToScene(view.viewport().rect().center())
    send_mouse(minimap, QEvent.Type.MouseMove, end, Qt.MouseButton.LeftButton)
    send_mouse(minimap, QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)
    centre = view.mapToScene(view.viewport().rect().center())
    assert centre.x() > centre_at_press.x() + 200  # the view went right with the drag
    seen = view.mapToScene(view.viewport().rect()).boundingRect()
    assert seen.contains(QPointF(*right_card))
    # The map's rectangle follows the view.
    assert minimap.visible_rect().contains(QPointF(end))


def send_mouse(widget, kind: QEvent.Type, point: QPoint, buttons: Qt.MouseButton) -> None:  # type: ignore[no-untyped-def]
    button = Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton
    event = QMouseEvent(
        kind,
        QPointF(point),
        QPointF(widget.mapToGlobal(point)),
        button,
        buttons,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)


def test_search_opens_the_teams_around_the_match_and_centres_it(window: MainWindow) -> None:
    window.expand_to_level(1)
    assert shown(window) == {CRO}
    window.find_bar.open()
    window.find_bar.box.setText("Marta")
    assert window.find_bar.matches == [AE_MARTA]
    assert AE_MARTA in shown(window)
    assert CRO not in window.scene.collapsed and VP_SALES not in window.scene.collapsed
    assert on_screen(window, AE_MARTA)
    # Outside the team in focus: the focus is left to show it.
    window.scene.set_focus(VP_MARKETING)
    window.find_bar.box.setText("Raúl")
    assert window.scene.focus is None and 11 in shown(window)


def test_fit_and_fit_readable_are_two_commands(window: MainWindow) -> None:
    window.expand_to_level(ALL_LEVELS)
    window.menus.fit_readable_action.trigger()
    readable_zoom = window.view.zoom()
    assert name_pixels_on_screen(window) >= READABLE_NAME_PIXELS
    window.scene.select_only([HEAD_REVOPS])
    window.view.fit()
    whole = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert whole.contains(window.view.chart_rect())  # everything, however small
    assert window.view.zoom() < readable_zoom
    window.view.fit_readable()  # around the selection: the far right of the chart
    assert window.view.zoom() == pytest.approx(readable_zoom)
    assert on_screen(window, HEAD_REVOPS)


def on_screen(window: MainWindow, position_id: int) -> bool:
    """The whole card is in the chart's viewport."""
    card = window.scene.cards[position_id]
    rect = window.view.mapFromScene(card.mapRectToScene(card.rect())).boundingRect()
    return window.view.viewport().rect().contains(rect)


def test_the_expansion_is_kept_per_plan(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "plan.revorg"
    demo = PlanDocument.from_template("demo", 2027)
    demo.save_as(path)
    demo.close()
    window = open_window(qtbot, PlanDocument.open(path))
    assert window.scene.collapsed == {VP_MARKETING, VP_SALES, VP_CS, HEAD_REVOPS}
    window.scene.toggle_collapsed(VP_SALES)  # the user opens the sales team
    window.close()
    window.deleteLater()
    again = open_window(qtbot, PlanDocument.open(path))
    try:
        assert again.scene.collapsed == {VP_MARKETING, VP_CS, HEAD_REVOPS}
        assert shown(again) >= VP_SALES_TEAM
    finally:
        again.close()
        again.deleteLater()
    # Another plan file opens at its own first view.
    other = tmp_path / "other.revorg"
    demo = PlanDocument.from_template("demo", 2027)
    demo.save_as(other)
    demo.close()
    third = open_window(qtbot, PlanDocument.open(other))
    try:
        assert VP_SALES in third.scene.collapsed
    finally:
        third.close()
        third.deleteLater()


def test_the_levels_that_fit_depend_on_the_room() -> None:
    # A CRO with three VPs of two reports each: 3 levels, 6 cards wide at the bottom.
    children: dict[int | None, list[int]] = {None: [1], 1: [2, 3, 4]}
    for vp, first in ((2, 10), (3, 20), (4, 30)):
        children[vp] = [first, first + 1]
    metrics = LayoutMetrics()
    wide = 6 * metrics.sibling_distance
    assert levels_that_fit(children, [1], metrics, False, (wide, 1000), 1.0) == ALL_LEVELS
    assert levels_that_fit(children, [1], metrics, False, (wide / 2, 1000), 1.0) == 2
    # Never fewer than two levels, even when they do not fit.
    assert levels_that_fit(children, [1], metrics, False, (100, 100), 1.0) == 2
