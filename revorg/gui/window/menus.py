"""The window's menus, the scenario toolbar, and their actions with icons and shortcuts.

Every action is also added to the window itself: menu shortcuts stop working when the menu bar is
hidden (workshop mode), the window's own do not.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QToolBar

from revorg.gui.chart.collapse import ALL_LEVELS
from revorg.gui.icons import set_icon
from revorg.gui.panels.scenarios import ScenarioPicker
from revorg.gui.problem_report import report_problem
from revorg.gui.window.undo_actions import make_redo_action, make_undo_action

if TYPE_CHECKING:
    from revorg.gui.window.main_window import MainWindow


def unique_sequences(*sequences: QKeySequence) -> list[QKeySequence]:
    """Each key once (the same key twice on one action makes Qt call it ambiguous), no blanks."""
    unique: list[QKeySequence] = []
    for sequence in sequences:
        if not sequence.isEmpty() and sequence not in unique:
            unique.append(sequence)
    return unique


class Menus(QObject):
    """Builds the menu bar and the scenario toolbar of `window`; keeps the actions that change
    with the state (undo, workshop, compact teams) and those that tests and help look up."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._icons_later: list[tuple[QAction, str]] = []
        self._build_file_menu()
        self._build_edit_menu()
        self._build_view_menu()
        self._build_scenario_menu()
        self._build_help_menu()
        for menu_action in window.menuBar().actions():
            menu = menu_action.menu()
            if isinstance(menu, QMenu):
                menu.aboutToShow.connect(self.draw_icons)

    def draw_icons(self) -> None:
        """The menus' icons, drawn when first needed: as a menu or the chart's context menu
        opens, or once the window is first painted. Drawn at start, their 200 pixmaps cost the
        first paint about 25 ms of CPU; the toolbar's are drawn at once (it shows them)."""
        later, self._icons_later = self._icons_later, []
        for action, name in later:
            set_icon(action, name)

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | Qt.Key | None = None,
        icon: str | None = None,
    ) -> QAction:
        action = QAction(text, self.window)
        if icon is not None:
            self._icons_later.append((action, icon))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        return action

    def _build_file_menu(self) -> None:
        keys = QKeySequence.StandardKey
        files = self.window.files
        menu = self.window.menuBar().addMenu(self.tr("&File"))
        menu.addAction(
            self._action(self.tr("&New from template…"), files.new_from_template, keys.New, "new")
        )
        menu.addAction(self._action(self.tr("&Open…"), files.open_dialog, keys.Open, "open"))
        self.recent_menu = menu.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        team = self.window.team
        menu.addAction(self._action(self.tr("Open tea&m plan…"), team.open_dialog))
        menu.addAction(self._action(self.tr("P&ublish to team server…"), team.publish_dialog))
        menu.addSeparator()
        menu.addAction(self._action(self.tr("&Save"), files.save, keys.Save, "save"))
        menu.addAction(
            self._action(self.tr("Save &as…"), files.save_as_dialog, keys.SaveAs, "save_as")
        )
        menu.addSeparator()
        menu.addAction(self._action(self.tr("Plan se&ttings…"), files.plan_settings_dialog))
        menu.addSeparator()
        menu.addAction(
            self._action(self.tr("&Import workbook or roster…"), files.import_dialog, icon="import")
        )
        menu.addAction(self._action(self.tr("Import a&ctuals…"), files.import_actuals_dialog))
        export = menu.addMenu(self.tr("&Export"))
        self._icons_later.append((export.menuAction(), "export"))
        export.addAction(
            self._action(self.tr("Excel &workbook…"), files.export_workbook_dialog, icon="export")
        )
        export.addSeparator()
        for kind, text in (
            ("png", self.tr("Chart as &PNG image…")),
            ("svg", self.tr("Chart as &SVG drawing…")),
            ("pdf", self.tr("Chart as P&DF…")),
        ):
            export.addAction(self._action(text, partial(files.export_chart_dialog, kind)))
        export.addSeparator()
        self.export_slides_action = self._action(self.tr("S&lides…"), files.export_slides_dialog)
        export.addAction(self.export_slides_action)
        menu.addAction(
            self._action(self.tr("&Print chart…"), files.print_dialog, keys.Print, "print")
        )
        menu.addSeparator()
        menu.addAction(self._action(self.tr("&Quit"), self.window.close, keys.Quit, "quit"))

    def _fill_recent_menu(self) -> None:
        self.window.files.fill_recent_menu(self.recent_menu)

    def _build_edit_menu(self) -> None:
        keys = QKeySequence.StandardKey
        window = self.window
        stack = window.controller.undo_stack
        edit = window.menuBar().addMenu(self.tr("&Edit"))
        self.undo_action = make_undo_action(stack, window)
        self._icons_later.append((self.undo_action, "undo"))
        self.redo_action = make_redo_action(stack, window)
        self._icons_later.append((self.redo_action, "redo"))
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        window.addActions([self.undo_action, self.redo_action])
        edit.addSeparator()
        self.add_report_action = self._action(
            self.tr("&Add direct report…"),
            window.edits.add_report_with_picker,
            Qt.Key.Key_Insert,
            "add",
        )
        self.delete_action = self._action(
            self.tr("&Delete"), window.edits.delete_selected, keys.Delete, "delete"
        )
        self.rename_action = self._action(
            self.tr("Re&name"), window.edits.rename_selected, Qt.Key.Key_F2, "rename"
        )
        self.duplicate_action = self._action(
            self.tr("Dup&licate"), window.edits.duplicate_selected, "Ctrl+D", "duplicate"
        )
        self.find_action = self._action(self.tr("&Find…"), window.find_bar.open, keys.Find, "find")
        for action in (
            self.add_report_action,
            self.delete_action,
            self.rename_action,
            self.duplicate_action,
            self.find_action,
        ):
            edit.addAction(action)
        edit.addSeparator()
        preferences = self._action(
            self.tr("&Preferences…"), window.show_preferences, icon="preferences"
        )
        # Linux has no standard Preferences key; Ctrl+, is what most applications use there.
        preferences.setShortcuts(
            unique_sequences(*QKeySequence.keyBindings(keys.Preferences), QKeySequence("Ctrl+,"))
        )
        preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
        edit.addAction(preferences)

    def _build_view_menu(self) -> None:
        keys = QKeySequence.StandardKey
        window, chart = self.window, self.window.view
        view = window.menuBar().addMenu(self.tr("&View"))
        view.addAction(self._action(self.tr("Zoom &in"), chart.zoom_in, keys.ZoomIn, "zoom_in"))
        view.addAction(self._action(self.tr("Zoom &out"), chart.zoom_out, keys.ZoomOut, "zoom_out"))
        view.addAction(self._action(self.tr("&Fit chart"), chart.fit, "Ctrl+0", "fit"))
        self.fit_readable_action = self._action(
            self.tr("Fit &readable"), chart.fit_readable, "Ctrl+1", "fit"
        )
        self.fit_readable_action.setToolTip(
            self.tr("As much of the chart as shows with readable names, around the selection")
        )
        view.addAction(self.fit_readable_action)
        self.minimap_action = self._action(self.tr("Overview &map"), self._toggle_minimap)
        self.minimap_action.setCheckable(True)
        self.minimap_action.setChecked(True)
        view.addAction(self.minimap_action)
        view.addSeparator()
        self._build_expansion_actions(view)
        view.addSeparator()
        self.compact_action = self._action(self.tr("&Compact teams"), window.toggle_compact)
        self.compact_action.setCheckable(True)
        self.compact_action.setChecked(window.scene.compact)
        view.addAction(self.compact_action)
        self.collapse_action = self._action(
            self.tr("Collapse / e&xpand"),
            window.edits.toggle_collapse_selected,
            "Space",
            "collapse",
        )
        view.addAction(self.collapse_action)
        view.addSeparator()
        self.history_action = self._action(self.tr("&History"), window.show_history, "Ctrl+Shift+H")
        view.addAction(self.history_action)
        view.addAction(window.outline.action)
        view.addSeparator()
        workshop = window.workshop
        self.workshop_action = self._action(
            self.tr("&Workshop mode"), workshop.toggle, keys.FullScreen, "workshop"
        )
        # F11 everywhere: the key workshop presenters are told about, whatever the platform's
        # own full-screen key is.
        self.workshop_action.setShortcuts(
            unique_sequences(
                QKeySequence(Qt.Key.Key_F11), *QKeySequence.keyBindings(keys.FullScreen)
            )
        )
        view.addAction(self.workshop_action)
        self.leave_workshop_action = self._action(
            self.tr("Leave workshop mode"), workshop.leave, Qt.Key.Key_Escape
        )
        # Esc only means "leave" inside a workshop; elsewhere it stays free for dialogs and find.
        self.leave_workshop_action.setEnabled(False)
        self.workshop_action.setCheckable(True)
        workshop.active_changed.connect(self._workshop_changed)

    def _build_expansion_actions(self, view: QMenu) -> None:
        """Expand to a level, and focus on a team (View menu and the chart's context menu)."""
        window = self.window
        levels = view.addMenu(self.tr("Expand to &level"))
        self.level_actions: list[QAction] = []
        for level, text in (
            (1, self.tr("Level &1")),
            (2, self.tr("Level &2")),
            (3, self.tr("Level &3")),
            (ALL_LEVELS, self.tr("&All levels")),
        ):
            action = self._action(text, partial(window.expand_to_level, level), f"Alt+{level}")
            levels.addAction(action)
            self.level_actions.append(action)
        self.focus_action = self._action(
            self.tr("Focus &team"), window.focus_selected_team, "Ctrl+Shift+F"
        )
        self.focus_up_action = self._action(self.tr("Focus &up a level"), window.focus_up, "Alt+Up")
        self.whole_chart_action = self._action(
            self.tr("Whole or&ganisation"), window.show_whole_organisation, "Ctrl+Shift+W"
        )
        for action in (self.focus_action, self.focus_up_action, self.whole_chart_action):
            view.addAction(action)

    def chart_context_actions(self) -> list[QAction]:
        self.draw_icons()
        return [
            self.focus_action,
            self.collapse_action,
            self.fit_readable_action,
            self.whole_chart_action,
        ]

    def _toggle_minimap(self) -> None:
        self.window.minimap.set_wanted(self.minimap_action.isChecked())

    def _workshop_changed(self, active: bool) -> None:
        self.leave_workshop_action.setEnabled(active)
        self.workshop_action.setChecked(active)

    def _build_scenario_menu(self) -> None:
        window = self.window
        menu = window.menuBar().addMenu(self.tr("&Scenario"))
        scenarios = window.scenario_commands
        bar = QToolBar(self.tr("Scenario"), window)
        bar.setObjectName("scenarioBar")
        self.scenario_picker = ScenarioPicker(window.controller, bar)
        bar.addWidget(QLabel(self.tr(" Scenario ")))
        bar.addWidget(self.scenario_picker)
        # Words beside the icons: scenario commands are rarer than edits, and read, not known.
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for text, slot, icon in (
            (self.tr("&New scenario (copy of this one)…"), scenarios.copy_current, "duplicate"),
            (self.tr("&Rename scenario…"), scenarios.rename_current, "rename"),
            (self.tr("&Delete scenario"), scenarios.delete_current, "delete"),
            (self.tr("&Compare scenarios…"), scenarios.compare, "compare"),
        ):
            action = set_icon(self._action(text, slot), icon)
            menu.addAction(action)
            bar.addAction(action)
        menu.addSeparator()  # snapshots: in the menu only, the toolbar stays short
        menu.addAction(self._action(self.tr("Take &snapshot…"), scenarios.take_snapshot))
        menu.addAction(self._action(self.tr("Sn&apshots…"), scenarios.show_snapshots))
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

    def _build_help_menu(self) -> None:
        keys = QKeySequence.StandardKey
        window = self.window
        help_menu = window.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(
            self._action(
                self.tr("&Keyboard shortcuts"),
                window.show_shortcuts,
                keys.HelpContents,
                "shortcuts",
            )
        )
        help_menu.addAction(
            self._action(self.tr("&Welcome and templates…"), window.show_welcome, icon="welcome")
        )
        help_menu.addSeparator()
        self.report_problem_action = self._action(
            self.tr("&Report a problem…"),
            lambda: report_problem(window, window.controller.language),
        )
        help_menu.addAction(self.report_problem_action)
        help_menu.addAction(self._action(self.tr("&About RevOrg"), window.show_about, icon="about"))
