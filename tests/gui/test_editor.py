"""The org chart editor as a user drives it: drops, drags, keyboard, undo, files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog

from revorg.gui.chart.card import DropState
from revorg.gui.dialogs.prompts import DeleteChoice
from revorg.gui.mime import POSITION_MIME_TYPE, ROLE_MIME_TYPE
from revorg.gui.window.main_window import MainWindow
from revorg.model.document import PlanDocument
from revorg.model.entities import column_values
from revorg.model.summary import scenario_positions
from tests.gui.conftest import card_point, drag_move, drop, empty_point, mime_with

CRO, VP_SALES, SDR_MANAGER, SDR = 1, 6, 7, 8


def manager_of(window: MainWindow, position_id: int) -> int | None:
    return window.controller.editor.tree().parent.get(position_id)


def plan_rows(document: PlanDocument) -> list[dict[str, object]]:
    positions = scenario_positions(document.session, document.scenario())
    return [column_values(p) for p in positions]


def test_window_parts_are_named(window: MainWindow) -> None:
    for name in ("mainWindow", "rolePalette", "orgChart", "inspector"):
        assert window.findChild(object, name) is not None or window.objectName() == name
    assert "Revenue plan" in window.windowTitle()
    assert "19 positions" in window.totals_label.text()
    assert "on goal" in window.totals_label.text()


def test_dropping_a_role_on_a_card_adds_a_direct_report(window: MainWindow) -> None:
    before = len(window.controller.editor.positions())
    drop(window, mime_with(ROLE_MIME_TYPE, "ae"), card_point(window, VP_SALES))
    positions = window.controller.editor.positions()
    assert len(positions) == before + 1
    new = max(positions)
    assert positions[new].role_key == "ae"
    assert manager_of(window, new) == VP_SALES
    assert window.scene.cards[new].isVisible()
    assert window.isWindowModified()
    window.controller.undo_stack.undo()
    assert len(window.controller.editor.positions()) == before
    assert new not in window.scene.cards
    window.controller.undo_stack.redo()
    assert manager_of(window, new) == VP_SALES


def test_dropping_a_role_on_empty_canvas_adds_a_root(window: MainWindow) -> None:
    drop(window, mime_with(ROLE_MIME_TYPE, "revops_lead"), empty_point(window))
    new = max(window.controller.editor.positions())
    assert manager_of(window, new) is None
    assert new in window.controller.editor.tree().roots()


def test_dragging_a_card_moves_its_subtree_in_one_undo_step(window: MainWindow) -> None:
    steps = window.controller.undo_stack.count()
    drop(window, mime_with(POSITION_MIME_TYPE, str(SDR_MANAGER)), card_point(window, CRO))
    assert manager_of(window, SDR_MANAGER) == CRO
    assert manager_of(window, SDR) == SDR_MANAGER  # the team came along
    assert window.controller.undo_stack.count() == steps + 1
    window.controller.undo_stack.undo()
    assert manager_of(window, SDR_MANAGER) == VP_SALES
    window.controller.undo_stack.redo()
    assert manager_of(window, SDR_MANAGER) == CRO


def test_a_move_that_would_make_a_cycle_is_refused_where_the_user_sees_it(
    window: MainWindow,
) -> None:
    mime = mime_with(POSITION_MIME_TYPE, str(VP_SALES))
    point = card_point(window, SDR)
    move = drag_move(window, mime, point)
    assert not move.isAccepted()
    assert window.scene.cards[SDR].drop_state == DropState.REFUSE
    assert "cannot report to" in window.statusBar().currentMessage()
    drop(window, mime, point)
    assert manager_of(window, VP_SALES) == CRO
    assert window.scene.cards[SDR].drop_state == DropState.NONE
    assert window.controller.undo_stack.count() == 0


def test_palette_double_click_and_enter_add_under_the_selected_card(window: MainWindow) -> None:
    window.scene.select_only([SDR_MANAGER])
    item = next(
        i for i in window.role_palette.role_items() if i.data(0, Qt.ItemDataRole.UserRole) == "sdr"
    )
    window.role_palette.tree.itemDoubleClicked.emit(item, 0)
    new = max(window.controller.editor.positions())
    assert manager_of(window, new) == SDR_MANAGER
    window.scene.select_only([VP_SALES])
    window.role_palette.tree.setCurrentItem(item)
    window.role_palette.tree.setFocus()
    QTest.keyClick(window.role_palette.tree, Qt.Key.Key_Return)
    assert manager_of(window, max(window.controller.editor.positions())) == VP_SALES


def test_palette_filter_and_tooltips(window: MainWindow) -> None:
    window.role_palette.filter_box.setText("account")
    visible = [i.text(0) for i in window.role_palette.role_items() if not i.isHidden()]
    assert "Account Executive (AE)" in visible
    assert "Account Manager (AM)" in visible
    assert "VP of Marketing" not in visible
    assert all(i.toolTip(0) for i in window.role_palette.role_items())
    mime = window.role_palette.tree.mimeData([window.role_palette.role_items()[0]])
    assert bytes(mime.data(ROLE_MIME_TYPE).data()) == b"cro"


def test_insert_adds_a_report_with_a_role_picker(window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    class ChooseSdr:
        def __init__(self, *args: object) -> None: ...
        def exec(self) -> QDialog.DialogCode:
            return QDialog.DialogCode.Accepted

        def chosen_key(self) -> str:
            return "sdr"

    monkeypatch.setattr("revorg.gui.window.chart_edits.RolePickerDialog", ChooseSdr)
    window.scene.select_only([SDR_MANAGER])
    window.menus.add_report_action.trigger()
    new = max(window.controller.editor.positions())
    assert window.controller.editor.position(new).role_key == "sdr"
    assert manager_of(window, new) == SDR_MANAGER
    assert window.scene.selected_ids() == [new]


def test_delete_subtree_and_undo_restores_the_same_ids(window: MainWindow) -> None:
    before = plan_rows(window.controller.document)
    window.edits.ask_delete = lambda *_args: DeleteChoice.SUBTREE
    window.scene.select_only([VP_SALES])
    window.menus.delete_action.trigger()
    remaining = window.controller.editor.positions()
    assert VP_SALES not in remaining and SDR not in remaining
    window.controller.undo_stack.undo()
    assert plan_rows(window.controller.document) == before
    assert window.scene.cards[SDR].isVisible()


def test_delete_can_move_the_reports_up(window: MainWindow) -> None:
    window.edits.ask_delete = lambda *_args: DeleteChoice.KEEP_REPORTS
    window.scene.select_only([SDR_MANAGER])
    window.menus.delete_action.trigger()
    assert SDR_MANAGER not in window.controller.editor.positions()
    assert manager_of(window, SDR) == VP_SALES
    window.controller.undo_stack.undo()
    assert manager_of(window, SDR) == SDR_MANAGER


def test_cancelled_delete_changes_nothing(window: MainWindow) -> None:
    window.edits.ask_delete = lambda *_args: DeleteChoice.CANCEL
    window.scene.select_only([VP_SALES])
    window.menus.delete_action.trigger()
    assert VP_SALES in window.controller.editor.positions()
    assert window.controller.undo_stack.count() == 0


def test_arrow_keys_walk_the_tree(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.view.setFocus()
    window.scene.select_only([VP_SALES])
    qtbot.keyClick(window.view, Qt.Key.Key_Down)
    assert window.scene.selected_ids() == [SDR_MANAGER]
    qtbot.keyClick(window.view, Qt.Key.Key_Right)
    assert window.scene.selected_ids() == [10]  # the first AE, next to the SDR manager
    qtbot.keyClick(window.view, Qt.Key.Key_Up)
    assert window.scene.selected_ids() == [VP_SALES]
    qtbot.keyClick(window.view, Qt.Key.Key_Left)
    assert window.scene.selected_ids() == [2]  # VP Marketing


def test_inspector_edits_are_undoable_and_update_the_card(window: MainWindow) -> None:
    window.scene.select_only([SDR])
    inspector = window.inspector
    assert inspector.title_edit.text() == "SDR"
    inspector.title_edit.setText("Senior SDR")
    inspector.title_edit.editingFinished.emit()
    assert window.controller.editor.position(SDR).title == "Senior SDR"
    assert window.scene.cards[SDR].content.title == "Senior SDR"
    inspector.person_edit.setText("")
    inspector.person_edit.editingFinished.emit()
    assert window.controller.editor.position(SDR).is_open
    assert window.scene.cards[SDR].content.person_line == "Open"
    window.controller.undo_stack.undo()
    window.controller.undo_stack.undo()
    assert window.controller.editor.position(SDR).title == "SDR"
    assert window.controller.editor.position(SDR).person_name == "Ana Gil"


def test_bad_inspector_input_is_reported_and_changes_nothing(window: MainWindow) -> None:
    window.scene.select_only([SDR])
    window.inspector.cost_edit.setText("lots")
    window.inspector.cost_edit.editingFinished.emit()
    assert "not a number" in window.statusBar().currentMessage()
    assert window.controller.undo_stack.count() == 0
    assert window.inspector.cost_edit.text() == "38,000"


def test_open_card_shows_its_start_month_and_group_headcount(window: MainWindow) -> None:
    assert window.scene.cards[12].content.person_line == "Open, starts Feb 2027"
    assert "x 2" in window.scene.cards[15].content.role_line


def test_find_highlights_and_centres_matches(window: MainWindow) -> None:
    window.menus.find_action.trigger()
    assert window.find_bar.isVisible()
    window.find_bar.box.setText("account executive")
    assert window.find_bar.matches == [10, 11, 12]
    assert all(window.scene.cards[i].highlighted for i in (10, 11, 12))
    assert not window.scene.cards[CRO].highlighted
    window.find_bar.box.setText("Marta")  # by person
    assert window.find_bar.matches == [10]


def test_duplicate_copies_the_card_next_to_it(window: MainWindow) -> None:
    window.scene.select_only([10])
    window.menus.duplicate_action.trigger()
    new = max(window.controller.editor.positions())
    assert window.controller.editor.position(new).title == "Account Executive"
    assert manager_of(window, new) == VP_SALES
    window.controller.undo_stack.undo()
    assert new not in window.controller.editor.positions()


def test_collapse_hides_the_subtree_and_shows_a_badge(window: MainWindow) -> None:
    window.scene.toggle_collapsed(VP_SALES)
    assert not window.scene.cards[SDR].isVisible()
    assert window.scene.cards[VP_SALES].hidden_reports == 6
    window.scene.toggle_collapsed(VP_SALES)
    assert window.scene.cards[SDR].isVisible()


def test_unsaved_mark_follows_the_undo_stack(window: MainWindow, tmp_path: Path) -> None:
    window.files.save_as(tmp_path / "plan.revorg")
    assert not window.isWindowModified()
    window.controller.edit(SDR, {"title": "Lead SDR"})
    assert window.isWindowModified()
    window.controller.undo_stack.undo()
    assert not window.isWindowModified()


def test_save_and_reopen_gives_an_equal_plan(window: MainWindow, tmp_path: Path) -> None:
    drop(window, mime_with(ROLE_MIME_TYPE, "csm"), card_point(window, 13))
    window.controller.edit(SDR, {"headcount": 3})
    window.controller.set_dotted_line(SDR, 10, True)
    path = tmp_path / "plan.revorg"
    assert window.files.save_as(path)
    expected = plan_rows(window.controller.document)
    with PlanDocument.open(path, for_editing=False) as reopened:
        assert plan_rows(reopened) == expected
        assert len(reopened.scenario().dotted_lines) == 1


def test_dotted_line_is_drawn_and_undoable(window: MainWindow) -> None:
    window.controller.set_dotted_line(SDR, 10, True)
    assert len(window.scene.dotted_lines) == 1
    window.controller.undo_stack.undo()
    assert len(window.scene.dotted_lines) == 0
