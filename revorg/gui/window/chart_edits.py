"""Edits of the chart from the window: add, move, delete, rename, duplicate, dotted lines,
suggested hires. Each is one undoable edit through the controller; a refused one is reported
and the plan stays as it was."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMainWindow, QWidget

from revorg.gui.chart.scene import ChartScene
from revorg.gui.chart.view import ChartView
from revorg.gui.controller import PlanController
from revorg.gui.dialogs.prompts import (
    DeleteChoice,
    RolePickerDialog,
    ask_card_title,
    ask_delete_choice,
)
from revorg.gui.labels import error_text
from revorg.gui.panels.inspector import Inspector
from revorg.model.errors import PlanEditError


class ChartEdits(QObject):
    """What the chart, the role palette and the inspector ask for, applied to the plan."""

    def __init__(
        self,
        window: QMainWindow,
        controller: PlanController,
        scene: ChartScene,
        view: ChartView,
        inspector: Inspector,
        show_error: Callable[[str], None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.controller = controller
        self.scene = scene
        self.view = view
        self.inspector = inspector
        self.show_error = show_error
        # Replaced in tests; the real questions otherwise.
        self.ask_delete: Callable[[QWidget, str, int], DeleteChoice] = ask_delete_choice
        self.ask_title: Callable[[QWidget, str], str | None] = ask_card_title

    def selected_id(self) -> int | None:
        selected = self.scene.selected_ids()
        return selected[0] if selected else None

    def guarded(self, edit: Callable[[], object]) -> object:
        """Run an edit; a refused edit is reported and the plan stays as it was."""
        try:
            return edit()
        except PlanEditError as error:
            self.show_error(error_text(error))
            return None

    def add_role(self, role_key: str, manager_id: int | None) -> None:
        new_id = self.guarded(lambda: self.controller.add_role(role_key, manager_id))
        if isinstance(new_id, int):
            self.scene.select_only([new_id])
            self.view.center_on_card(new_id)

    def add_role_under_selection(self, role_key: str) -> None:
        self.add_role(role_key, self.selected_id())

    def add_report_with_picker(self) -> None:
        dialog = RolePickerDialog(
            self.controller.editor.roles(), self.controller.language, self.window
        )
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen_key():
            self.add_role(str(dialog.chosen_key()), self.selected_id())

    def move_card(self, position_id: int, manager_id: int | None) -> None:
        self.guarded(lambda: self.controller.move(position_id, manager_id))
        self.scene.select_only([position_id])

    def delete_selected(self) -> None:
        selected = self.scene.selected_ids()
        if not selected:
            return
        tree = self.controller.editor.tree()
        below = sum(len(tree.subtree(i)) - 1 for i in selected)
        keep_reports = False
        if below:
            title = self.controller.editor.position(selected[0]).title
            choice = self.ask_delete(self.window, title, below)
            if choice == DeleteChoice.CANCEL:
                return
            keep_reports = choice == DeleteChoice.KEEP_REPORTS
        self.guarded(lambda: self.controller.delete(selected, keep_reports))

    def apply_suggested_hires(self) -> None:
        """One click: the open positions that close every gap, on the chart (one undo step)."""
        added = self.guarded(self.controller.apply_suggested_hires)
        if isinstance(added, list) and added:
            self.scene.select_only(added)
            self.view.center_on_card(added[0])
            added_text = self.tr("Added %Ln open positions", "", len(added))
            self.window.statusBar().showMessage(added_text, 5000)

    def rename_selected(self) -> None:
        position_id = self.selected_id()
        if position_id is None:
            return
        if self.inspector.title_edit.isVisible():
            self.inspector.title_edit.setFocus()
            self.inspector.title_edit.selectAll()
            return
        # The inspector is hidden (workshop mode, or its panel closed): ask in a small box.
        title = self.controller.editor.position(position_id).title
        new_title = self.ask_title(self.window, title)
        if new_title is not None and new_title.strip() and new_title != title:
            self.guarded(lambda: self.controller.edit(position_id, {"title": new_title}))

    def duplicate_selected(self) -> None:
        position_id = self.selected_id()
        if position_id is not None:
            new_id = self.guarded(lambda: self.controller.duplicate(position_id))
            if isinstance(new_id, int):
                self.scene.select_only([new_id])

    def apply_inspector_edit(self, position_id: int, changes: dict[str, object]) -> None:
        if "staff" in changes:
            staff = bool(changes["staff"])
            if self.guarded(lambda: self.controller.set_staff([position_id], staff)) is not True:
                self.inspector.show_position(self.selected_id())
            return
        if "manager_id" in changes:
            manager = changes["manager_id"]
            self.move_card(position_id, manager if isinstance(manager, int) else None)
            return
        edited = self.guarded(lambda: self.controller.edit(position_id, dict(changes)))
        if edited is not True:
            # Refused or unchanged: no notification comes, so put the plan's values back.
            self.inspector.show_position(self.selected_id())

    def staff_action(self, parent: QObject) -> QAction | None:
        """The chart menu's "Mark as staff" or "Put in the team row" for the selected cards
        (by the first one's mark); None without a selection."""
        selected = self.scene.selected_ids()
        if not selected:
            return None
        positions = self.controller.editor.positions()
        first = positions.get(selected[0])
        if first is None:
            return None
        staff = not first.staff
        text = self.tr("Mark as staff") if staff else self.tr("Put in the team row")
        if staff:  # cards at the top have nobody to sit beside: left as they are
            selected = [i for i in selected if positions[i].manager_id is not None]
        action = QAction(text, parent)
        action.setEnabled(bool(selected))
        action.triggered.connect(
            lambda _checked=False: self.guarded(lambda: self.controller.set_staff(selected, staff))
        )
        return action

    def set_dotted_line(self, from_id: int, to_id: int, present: bool) -> None:
        self.guarded(lambda: self.controller.set_dotted_line(from_id, to_id, present))
        self.scene.relayout()

    def toggle_collapse_selected(self) -> None:
        position_id = self.selected_id()
        if position_id is not None:
            self.scene.toggle_collapsed(position_id)
