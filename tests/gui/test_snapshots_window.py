"""Snapshots in the window: Scenario > Take snapshot… (never a tab or a picker entry), the
compare dialog offering them, Scenario > Snapshots… with restore and delete, all undoable."""

from __future__ import annotations

from decimal import Decimal

from revorg.gui.settings import AppSettings
from revorg.gui.window.main_window import MainWindow
from tests.gui.test_planning_panels import table_texts
from tests.gui.test_scenarios_window import copy_named, scenario_names


def take(window: MainWindow, name: str) -> None:
    window.scenario_commands.ask_snapshot_name = lambda *_args: name
    window.scenario_commands.take_snapshot()


def snapshot_names(window: MainWindow) -> list[str]:
    return [s.name for s in window.controller.document.plan.snapshots]


def test_a_snapshot_is_taken_by_the_preferences_name_and_stays_off_the_picker(
    window: MainWindow,
) -> None:
    AppSettings().set_user_name("Ana")
    take(window, "Board plan FY27")
    assert snapshot_names(window) == ["Board plan FY27"]
    assert window.controller.document.plan.snapshots[0].snapshot_by == "Ana"
    assert scenario_names(window) == ["Base"]
    assert window.menus.scenario_picker.currentText() == "Base"
    assert "Board plan FY27" in window.statusBar().currentMessage()
    window.controller.undo_stack.undo()
    assert snapshot_names(window) == []
    window.controller.undo_stack.redo()
    assert snapshot_names(window) == ["Board plan FY27"]
    take(window, "Board plan FY27")  # refused: the name is taken; the plan stays editable
    assert "already has a snapshot" in window.statusBar().currentMessage()
    assert snapshot_names(window) == ["Board plan FY27"]


def test_compare_offers_snapshots_and_shows_the_goal_moved(window: MainWindow) -> None:
    take(window, "Board")
    window.controller.set_target("goal", Decimal(1200000))
    dialog = window.scenario_commands.compare()
    combo = dialog.combo_a
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert texts == ["Base", "", "Board (snapshot)"]  # the scenarios, a line, the snapshots
    combo.setCurrentIndex(2)
    rows = table_texts(dialog.table)
    assert dialog.table.horizontalHeaderItem(1).text() == "Board (snapshot)"
    goal = next(row for row in rows if row[0].strip() == "Revenue goal")
    assert goal[1:] == ["1,000,000", "1,200,000", "+200,000"]
    take(window, "Later")  # the dialog follows: its pickers list the new snapshot
    assert dialog.combo_b.itemText(dialog.combo_b.count() - 1) == "Later (snapshot)"
    dialog.close()


def test_compare_gives_the_values_as_much_room_as_the_change(window: MainWindow) -> None:
    copy_named(window, "Plan B")
    dialog = window.scenario_commands.compare()
    table = dialog.table
    widths = [table.columnWidth(column) for column in range(4)]
    # Issue 19: the Change column had most of the width and the values were cramped.
    assert max(widths[1:]) - min(widths[1:]) <= 1  # A, B and the change share alike
    assert widths[1] >= table.fontMetrics().horizontalAdvance("1,350,083") * 2
    dialog.close()


def test_snapshots_dialog_restores_and_deletes_undoably(window: MainWindow) -> None:
    take(window, "Board")
    window.controller.set_target("goal", Decimal(1200000))
    dialog = window.scenario_commands.show_snapshots()
    rows = table_texts(dialog.table)
    assert [row[0] for row in rows] == ["Board"]
    assert (rows[0][1], rows[0][4], rows[0][5]) == ("Base", "€1,000,000", "€0")
    dialog.ask_name = lambda *_args: "Board again"
    dialog.restore_button.click()
    assert scenario_names(window) == ["Base", "Board again"]
    assert window.menus.scenario_picker.currentText() == "Board again"
    assert window.controller.editor.scenario.targets.goal == 1000000
    dialog.delete_button.click()
    assert snapshot_names(window) == [] and dialog.table.rowCount() == 0
    assert dialog.empty.isVisible() and not dialog.delete_button.isEnabled()
    window.controller.undo_stack.undo()
    assert snapshot_names(window) == ["Board"] and dialog.table.rowCount() == 1
    dialog.close()
