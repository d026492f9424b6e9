"""The Targets panel's "Balance to goal" row, as a user drives it: raise the goal, pick the
driver, read the value it needs, apply it as one undo step; capacity and hires follow."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDockWidget, QScrollArea

from revorg.gui.window.main_window import MainWindow
from tests.gui.conftest import demo_window_in
from tests.gui.test_planning_panels import capacity_row, type_into


def raise_goal(window: MainWindow, goal: str) -> None:
    type_into(window, "goal", goal)
    window.targets_panel._left_field()


def choose(window: MainWindow, driver: str) -> None:
    combo = window.targets_panel.balance_row.drivers
    combo.setCurrentIndex(combo.findData(driver))


def test_the_row_is_hidden_while_the_plan_is_balanced(window: MainWindow) -> None:
    row = window.targets_panel.balance_row
    assert not row.isVisible()  # seed 002 adds up to its goal exactly
    raise_goal(window, "1500000")
    assert row.isVisible()
    window.controller.undo_stack.undo()
    assert not row.isVisible()


def test_balancing_through_leads_is_one_undo_step_and_capacity_follows(
    window: MainWindow,
) -> None:
    raise_goal(window, "1500000")
    panel, stack = window.targets_panel, window.controller.undo_stack
    assert panel.results["gap"].text() == "€500,000 short"
    # Before: marketing and sales covered; only customer success short of a CSM.
    assert capacity_row(window, "Leads")[5] == "● covered"
    choose(window, "leads")
    row = panel.balance_row
    # 860,000 of new business at 10 % x 12,000 a deal: 716.67 leads, so 717.
    assert row.preview.text().splitlines() == [
        "Marketing leads: 300 → 717",
        "Total revenue: €1,500,400",
    ]
    steps = stack.count()

    row.apply_button.click()

    assert window.controller.editor.scenario.targets.leads == 717
    assert stack.count() == steps + 1
    assert stack.undoText() == "Balance to goal through Marketing: leads"
    assert panel.fields["leads"].text() == "717"
    assert panel.results["gap"].text() == "€400 above"
    assert capacity_row(window, "Leads")[5] == "● short"
    # 860,400 of new business: 5 AEs, leavers counted (tests/test_cli_targets.py works it out).
    assert window.controller.editor.summary().capacity.hires_needed["ae"] == 5
    assert window.capacity_panel.apply_button.isEnabled()
    stack.undo()
    assert window.controller.editor.scenario.targets.leads == 300
    assert panel.fields["leads"].text() == "300"
    assert capacity_row(window, "Leads")[5] == "● covered"


def test_a_refusal_is_shown_and_cannot_be_applied(window: MainWindow) -> None:
    raise_goal(window, "1500000")
    choose(window, "retention")
    row = window.targets_panel.balance_row
    assert row.preview.text() == "retention would have to be 173.4 %, above 100 %"
    assert not row.apply_button.isEnabled()
    choose(window, "proportional")
    assert row.preview.text().splitlines() == [
        "Marketing leads: 300 → 627",
        "Expansion: €100,000 → €207,600",
        "Total revenue: €1,500,000",
    ]
    choose(window, "average_deal")
    assert row.preview.text().splitlines()[0] == "Average deal: €12,000 → €28,666.67"
    choose(window, "close_rate")
    assert row.preview.text().splitlines()[0] == "Close rate: 10% → 23.9%"
    assert row.apply_button.isEnabled()


@pytest.fixture
def language_window(qtbot, request) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    with demo_window_in(request.param, qtbot, size=(1280, 720)) as window:
        yield window


@pytest.mark.parametrize("language_window", ["en", "es", "zh"], indirect=True)
def test_the_row_fits_its_dock_in_every_language(language_window: MainWindow) -> None:
    """The row inside the Targets dock at 1280 x 720: no word of the choice or the preview cut
    off. Saves a picture of the dock under the temporary folder for a person to look at."""
    window = language_window
    window.controller.set_target("goal", Decimal(1_500_000))
    choose(window, "proportional")
    row = window.targets_panel.balance_row
    dock = window.findChild(QDockWidget, "targetsDock")
    assert dock is not None and row.isVisible()
    QApplication.processEvents()  # the layout takes in the preview's new lines
    language = window.controller.language
    folder = Path(tempfile.gettempdir()) / "revorg-balance"
    folder.mkdir(exist_ok=True)
    window.targets_panel.grab().save(str(folder / f"targets_{language}.png"))
    scroll = dock.findChild(QScrollArea)
    assert scroll is not None
    scroll.ensureWidgetVisible(row)  # the dock scrolls: the row is below the results
    dock.grab().save(str(folder / f"targets_dock_{language}.png"))
    combo = row.drivers
    # The chosen words fit the combo, the button its text, and the row the dock's width.
    assert combo.width() >= combo.fontMetrics().horizontalAdvance(combo.currentText())
    button = row.apply_button
    assert button.width() >= button.fontMetrics().horizontalAdvance(button.text())
    assert row.mapTo(dock, row.rect().topRight()).x() <= dock.width()
    preview = row.preview
    assert len(preview.text().splitlines()) == 3
    assert preview.height() >= preview.heightForWidth(preview.width())  # no line cut off
    assert preview.geometry().top() >= combo.geometry().bottom()  # nor under the combo
    choose(window, "retention")  # the longest text: a refusal, wrapped
    QApplication.processEvents()
    scroll.ensureWidgetVisible(row)
    dock.grab().save(str(folder / f"targets_refusal_{language}.png"))
    assert preview.height() >= preview.heightForWidth(preview.width())
    assert preview.width() <= dock.width()
