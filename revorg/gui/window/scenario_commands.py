"""The Scenario menu's work: copy the scenario on screen, rename it, delete it, compare two;
take a snapshot of it and list the snapshots."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate, QObject, Qt
from PySide6.QtWidgets import QWidget

from revorg.gui.controller import PlanController
from revorg.gui.dialogs.prompts import ask_scenario_name, confirm_delete_scenario
from revorg.gui.dialogs.snapshots import SnapshotsDialog, ask_snapshot_name
from revorg.gui.i18n import fill
from revorg.gui.labels import copy_name_templates
from revorg.gui.panels.scenarios import CompareDialog
from revorg.gui.settings import AppSettings
from revorg.model.editing import requests
from revorg.model.history.recording import utc_now
from revorg.model.scenarios import unique_copy_name


class ScenarioCommands(QObject):
    """Each command is one undoable edit; `guarded` reports a refused edit (the window's)."""

    def __init__(
        self,
        window: QWidget,
        controller: PlanController,
        guarded: Callable[[Callable[[], object]], object],
        show_error: Callable[[str], None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.controller = controller
        self.guarded = guarded
        self.show_error = show_error
        # Replaced in tests; the real questions otherwise.
        self.ask_name: Callable[[QWidget, str, str], str | None] = ask_scenario_name
        self.confirm_delete: Callable[[QWidget, str], bool] = confirm_delete_scenario
        self.ask_snapshot_name: Callable[[QWidget, str, str], str | None] = ask_snapshot_name

    def copy_current(self) -> None:
        scenario = self.controller.editor.scenario
        suggested = unique_copy_name(scenario.plan, scenario.name, *copy_name_templates())
        name = self.ask_name(self.window, self.tr("New scenario"), suggested)
        if name is not None:
            self.guarded(lambda: self.controller.copy_scenario(name))

    def rename_current(self) -> None:
        scenario = self.controller.editor.scenario
        name = self.ask_name(self.window, self.tr("Rename scenario"), scenario.name)
        if name is not None:
            self.guarded(lambda: self.controller.rename_scenario(scenario.id, name))

    def delete_current(self) -> None:
        scenario = self.controller.editor.scenario
        if len(self.controller.editor.scenarios()) < 2:
            self.show_error(self.tr("A plan needs at least one scenario."))
            return
        if self.confirm_delete(self.window, scenario.name):
            self.guarded(lambda: self.controller.delete_scenario(scenario.id))

    def compare(self) -> CompareDialog:
        dialog = CompareDialog(self.controller, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def take_snapshot(self) -> None:
        """A frozen copy of the scenario on screen, by the name of Preferences; the scenario
        stays on screen."""
        editor = self.controller.editor
        today = QDate.currentDate().toString(Qt.DateFormat.ISODate)
        suggested = fill(self.tr("%1, %2"), editor.scenario.name, today)
        name = self.ask_snapshot_name(self.window, self.tr("Take snapshot"), suggested)
        if name is None:
            return
        who = AppSettings().user_name()
        if self.guarded(
            lambda: self.controller.push(requests.take_snapshot(editor, name, who, utc_now()))
        ):
            self.show_error(fill(self.tr("Snapshot “%1” taken."), name.strip()))

    def show_snapshots(self) -> SnapshotsDialog:
        dialog = SnapshotsDialog(self.controller, self.guarded, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog
