"""The tabs and docks hidden at start (hiring plan, quarters, actuals, cost, assumptions,
history, outline) make their panels when first shown (docs/speed.md, cold start): nothing of
them before, and once shown they show the plan as it is, edits made before they existed
included."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget

from revorg.gui.panels.history import STEP
from revorg.gui.panels.outline_texts import Column
from revorg.gui.settings import AppSettings
from revorg.gui.window.main_window import MainWindow
from revorg.model.months import YearMonth

AE_OPEN = 12  # the demo's open Account Executive, starting in February 2027


def table_texts(table: QTableWidget) -> list[list[str]]:
    return [
        [table.item(row, column).text() for column in range(table.columnCount())]
        for row in range(table.rowCount())
    ]


def choose(window: MainWindow, title: str) -> None:
    """A click on the Plan dock's tab called `title`."""
    tabs = window.plan_tabs
    tabs.setCurrentIndex(next(i for i in range(tabs.count()) if tabs.tabText(i) == title))


def test_nothing_hidden_is_made_until_it_is_shown(window: MainWindow) -> None:
    docks = window.docks
    hidden = [docks.hiring_plan, docks.year_plan, docks.actuals, docks.cost, docks.assumptions]
    assert not any(panel.made for panel in [*hidden, docks.history])
    choose(window, "Cost")
    assert docks.cost.made and window.cost_panel.isVisible()
    assert not any(panel.made for panel in hidden if panel is not docks.cost)


def test_a_cost_tab_made_after_an_edit_shows_the_edit(window: MainWindow) -> None:
    window.controller.set_target("goal", Decimal(1_200_000))
    window.controller.end_typing_session()
    assert not window.docks.cost.made
    choose(window, "Cost")
    values = window.cost_panel.values
    # The CRO's assumed uplift is 10 % of the goal: 120,000, less the CRO's 170,000.
    assert values["cro_uplift"].text() == "€120,000 (10% of the goal)"
    assert values["cro_net"].text() == "-€50,000"
    window.controller.undo_stack.undo()  # and it follows edits once made
    assert values["cro_uplift"].text() == "€100,000 (10% of the goal)"


def test_a_hiring_plan_made_after_an_edit_shows_the_edit(window: MainWindow) -> None:
    window.controller.edit(AE_OPEN, {"start_month": YearMonth(2027, 7)})
    assert not window.docks.hiring_plan.made
    choose(window, "Hiring plan")
    panel = window.hiring_plan
    panel.metric_combo.setCurrentIndex(2)  # cost
    ae = next(row for row in table_texts(panel.table) if row[1] == "Account Executive (AE)")
    assert ae[-1] == "162,500"  # two AEs all year, 130,000, + the open one from July: 32,500


def test_the_history_made_after_edits_lists_them(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.controller.set_target("goal", Decimal(1_200_000))
    window.controller.end_typing_session()
    assert not window.docks.history.made
    window.menus.history_action.trigger()
    panel = window.history_panel
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    assert panel.model.index(0, STEP).data() == "Edit Company revenue goal"
    assert panel.isVisible() and panel.preview_button.isVisible()  # the window replays steps


def test_the_history_docked_at_a_side_before_it_is_made_lays_out_narrow(
    window: MainWindow,
) -> None:
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, window.history_dock)
    window.show_history()
    assert window.history_panel.splitter.orientation() == Qt.Orientation.Vertical
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, window.history_dock)
    assert window.history_panel.splitter.orientation() == Qt.Orientation.Horizontal


def test_the_outline_made_after_an_edit_shows_it_and_edits_from_it_reach_the_plan(
    window: MainWindow,
) -> None:
    sdr_manager = 7
    window.controller.edit(sdr_manager, {"title": "Head of SDRs"})
    assert not window.outline.dock.isVisible()
    window.outline.show()  # View > Outline
    model = window.outline.panel.model
    assert model.controller.editor.positions()[sdr_manager].title == "Head of SDRs"
    index = model.index_of(sdr_manager, Column.TITLE)
    assert index.data() == "Head of SDRs"
    window.outline.panel.edit_requested.emit(sdr_manager, {"title": "SDR Lead"})
    assert window.controller.editor.position(sdr_manager).title == "SDR Lead"
    AppSettings().set_outline_shown(False)  # other tests' windows open without it
