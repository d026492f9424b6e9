"""The reporting lines drawn for the part of the chart on screen: only the teams whose part of
the chart meets it are visited (issue 19: boxing every team after Expand all or a focus took
45 ms at 50,000 positions), and the lines are those every team's box gives."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from PySide6.QtCore import QLineF, QRectF

from revorg.gui.chart.collapse import ALL_LEVELS
from revorg.gui.chart.lines import ChartGeometry, ConnectorsItem
from revorg.gui.window.main_window import MainWindow
from revorg.model.generator import generate_plan
from tests.gui.test_chart_reading import open_window


def drawn(lines: list[QLineF]) -> list[tuple[float, float, float, float]]:
    return sorted((line.x1(), line.y1(), line.x2(), line.y2()) for line in lines)


def every_box_gives(geometry: ChartGeometry, exposed: QRectF) -> list[QLineF]:
    """The lines as drawn before: every team boxed, each box tested against the area."""
    return ConnectorsItem(replace_layout(geometry)).lines_in(exposed)


def replace_layout(geometry: ChartGeometry) -> ChartGeometry:
    return replace(geometry, layout=replace(geometry.layout, spans=None))


def areas(bounds: QRectF, rng: random.Random) -> list[QRectF]:
    """Areas of a screen's size at several zooms, anywhere on the chart, and the whole."""
    found = [bounds]
    for width in (300.0, 1200.0, 5000.0, 20000.0):
        for _ in range(6):
            x = rng.uniform(bounds.left(), bounds.right())
            y = rng.uniform(bounds.top(), bounds.bottom())
            found.append(QRectF(x, y, width, width * 0.6))
    return found


@pytest.fixture
def window(qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, generate_plan(800))
    vp = window.controller.editor.tree().reports(window.controller.editor.tree().roots()[0])[0]
    window.controller.add_role("executive_assistant", vp)  # staff beside a card: wider rows
    yield window
    window.close()
    window.deleteLater()


@pytest.mark.parametrize("compact", [True, False])
def test_lines_on_screen_are_those_every_box_gives(window: MainWindow, compact: bool) -> None:
    scene = window.scene
    scene.set_compact(compact)
    rng = random.Random(19)
    tree = window.controller.editor.tree()
    team = max(tree.reports(tree.roots()[0]), key=lambda i: len(tree.subtree(i)))
    for change in ("expand all", "level 3", "focus", "edit", "back"):
        if change == "expand all":
            window.expand_to_level(ALL_LEVELS)
        elif change == "level 3":
            window.expand_to_level(3)
        elif change == "focus":
            window.expand_to_level(ALL_LEVELS)
            scene.set_focus(team)
        elif change == "edit":
            mover = next(i for i in tree.reports(team) if tree.reports(i))
            window.controller.move(mover, tree.reports(team)[-1])
        else:
            scene.set_focus(None)
        item = scene.connector_item
        for exposed in areas(scene.sceneRect(), rng):
            expected = drawn(every_box_gives(item.geometry, exposed))
            assert drawn(item.lines_in(exposed)) == expected, (change, exposed)
        # Every team boxed when asked, as a fresh item boxes them.
        fresh = ConnectorsItem(item.geometry)
        assert sorted(box[:5] for box in item.boxes()) == sorted(box[:5] for box in fresh.boxes())
    assert any(drawn(item.lines_in(exposed)) for exposed in areas(scene.sceneRect(), rng))
