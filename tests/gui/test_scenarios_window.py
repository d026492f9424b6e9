"""Scenarios in the window: copy, switch, rename, delete, undo across scenarios, compare."""

from __future__ import annotations

from pathlib import Path

from revorg.gui.window.main_window import MainWindow
from revorg.model.document import PlanDocument
from revorg.model.summary import summarize
from tests.gui.test_planning_panels import capacity_row, table_texts

VP_CS = 13


def scenario_names(window: MainWindow) -> list[str]:
    picker = window.menus.scenario_picker
    return [picker.itemText(i) for i in range(picker.count())]


def copy_named(window: MainWindow, name: str) -> None:
    window.scenario_commands.ask_name = lambda *_args: name
    window.scenario_commands.copy_current()


def test_a_copy_is_shown_and_edits_stay_in_it(window: MainWindow) -> None:
    base_id = window.controller.editor.scenario_id
    copy_named(window, "Hire CSMs")
    assert scenario_names(window) == ["Base", "Hire CSMs"]
    assert window.menus.scenario_picker.currentText() == "Hire CSMs"
    copy_id = window.controller.editor.scenario_id
    assert copy_id != base_id
    assert len(window.scene.cards) == 19  # the copied chart is on screen
    window.capacity_panel.apply_button.click()
    assert len(window.scene.cards) == 20
    assert capacity_row(window, "Revenue to retain (CSM books)")[5] == "● covered"
    # The base scenario is untouched.
    window.menus.scenario_picker.activated.emit(0)
    assert window.controller.editor.scenario_id == base_id
    assert len(window.scene.cards) == 19
    assert capacity_row(window, "Revenue to retain (CSM books)")[5] == "● short"
    # Undo of an edit made in the copy goes back to the copy to show it.
    window.controller.undo_stack.undo()
    assert window.controller.editor.scenario_id == copy_id
    assert window.menus.scenario_picker.currentText() == "Hire CSMs"
    assert len(window.scene.cards) == 19


def test_copy_rename_and_delete_are_undoable(window: MainWindow) -> None:
    stack = window.controller.undo_stack
    copy_named(window, "Lean")
    window.scenario_commands.ask_name = lambda *_args: "Lean 2028"
    window.scenario_commands.rename_current()
    assert scenario_names(window) == ["Base", "Lean 2028"]
    window.scenario_commands.confirm_delete = lambda *_args: True
    window.scenario_commands.delete_current()
    assert scenario_names(window) == ["Base"]
    assert window.menus.scenario_picker.currentText() == "Base"
    stack.undo()  # the delete
    assert scenario_names(window) == ["Base", "Lean 2028"]
    assert window.menus.scenario_picker.currentText() == "Lean 2028"
    assert len(window.scene.cards) == 19
    stack.undo()  # the rename
    assert scenario_names(window) == ["Base", "Lean"]
    stack.undo()  # the copy
    assert scenario_names(window) == ["Base"]
    stack.redo()
    assert scenario_names(window) == ["Base", "Lean"]


def test_bad_scenario_names_are_refused_with_a_message(window: MainWindow) -> None:
    copy_named(window, "Base")
    assert "Base" in window.statusBar().currentMessage()
    assert scenario_names(window) == ["Base"]
    copy_named(window, "   ")
    assert "name" in window.statusBar().currentMessage()
    window.scenario_commands.delete_current()
    assert "at least one scenario" in window.statusBar().currentMessage()
    assert scenario_names(window) == ["Base"]


def test_compare_shows_departments_and_added_cards(window: MainWindow) -> None:
    copy_named(window, "Plan B")
    window.capacity_panel.apply_button.click()
    dialog = window.scenario_commands.compare()
    rows = table_texts(dialog.table)
    assert rows[0][0] == "Targets"
    cs = next(i for i, row in enumerate(rows) if row[0] == "Customer Success")
    cs_rows = {row[0].strip(): row[1:] for row in rows[cs + 1 : cs + 7]}
    assert cs_rows["Headcount"] == ["6", "7", "+1"]
    assert cs_rows["Capacity"] == ["536,302", "646,719", "+110,417"]
    assert cs_rows["Coverage"] == ["83.8%", "101.0%", "+17.3 pts"]
    cards = [dialog.cards.item(i).text() for i in range(dialog.cards.count())]
    assert cards == ["+ Customer Success Manager (CSM) (open)"]
    dialog.combo_b.setCurrentIndex(0)
    assert "different" in dialog.note.text()
    dialog.close()


def test_saving_and_reopening_keeps_every_scenario(window: MainWindow, tmp_path: Path) -> None:
    copy_named(window, "Plan B")
    window.capacity_panel.apply_button.click()
    path = tmp_path / "two.revorg"
    assert window.files.save_as(path)
    with PlanDocument.open(path, for_editing=False) as reopened:
        assert [s.name for s in reopened.plan.scenarios] == ["Base", "Plan B"]
        plan_b = summarize(reopened.session, reopened.scenario("Plan B"))
        assert plan_b.total.positions == 20
        assert plan_b.capacity.hires_needed == {}
        assert summarize(reopened.session, reopened.scenario("Base")).total.positions == 19
