"""The main window: chart in the middle, role palette on the left, inspector on the right."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDockWidget,
    QFileDialog,
    QFrame,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from revorg.gui.assumptions_panel import AssumptionsPanel
from revorg.gui.capacity_panel import CapacityPanel
from revorg.gui.chart_export import paint_pages, write_pdf, write_png, write_svg
from revorg.gui.chart_scene import ChartScene
from revorg.gui.chart_view import ChartView
from revorg.gui.controller import PlanController
from revorg.gui.cost_panel import CostPanel
from revorg.gui.dialogs import (
    DeleteChoice,
    RolePickerDialog,
    TemplateDialog,
    ask_card_title,
    ask_delete_choice,
    ask_save_changes,
    ask_scenario_name,
    confirm_delete_scenario,
)
from revorg.gui.help_dialogs import ShortcutsDialog, WelcomeChoice, WelcomeDialog, show_about
from revorg.gui.hiring_plan import HiringPlanPanel
from revorg.gui.i18n import fill
from revorg.gui.icons import action_icon, app_icon, set_icon
from revorg.gui.import_dialog import ImportPreviewDialog
from revorg.gui.inspector import Inspector
from revorg.gui.labels import copy_name_templates, error_text
from revorg.gui.numbers import format_count, format_money
from revorg.gui.preferences import PreferencesDialog
from revorg.gui.recovery import AUTOSAVE_INTERVAL_MS, Autosaver
from revorg.gui.role_palette import RolePalette
from revorg.gui.scenario_views import CompareDialog, ScenarioPicker
from revorg.gui.settings import AppSettings
from revorg.gui.targets_panel import TargetsPanel
from revorg.gui.undo_actions import make_redo_action, make_undo_action
from revorg.gui.workshop import WorkshopMode, WorkshopStrip
from revorg.model.document import PlanDocument
from revorg.model.errors import PlanEditError, RevOrgError
from revorg.model.scenarios import unique_copy_name
from revorg.model.store import FILE_SUFFIX
from revorg.model.templates import template_infos


def unique_sequences(*sequences: QKeySequence) -> list[QKeySequence]:
    """Each key once (the same key twice on one action makes Qt call it ambiguous), no blanks."""
    unique: list[QKeySequence] = []
    for sequence in sequences:
        if not sequence.isEmpty() and sequence not in unique:
            unique.append(sequence)
    return unique


def run_and_dispose(dialog: QDialog) -> int:
    """Run a modal dialog; Qt deletes it once the caller has read its answers (a dialog with
    the window as parent would otherwise live as long as the window)."""
    result = dialog.exec()
    dialog.deleteLater()
    return result


def scrolling(panel: QWidget) -> QScrollArea:
    """The panel at its natural height, scrolled when its dock is lower than that."""
    area = QScrollArea()
    area.setWidget(panel)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    # Only up and down: the dock stays as wide as the panel's labels and fields need.
    scroll_bar = area.verticalScrollBar().sizeHint().width()
    area.setMinimumWidth(panel.minimumSizeHint().width() + scroll_bar)
    return area


class MainWindow(QMainWindow):
    def __init__(self, document: PlanDocument, language: str = "en") -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowIcon(app_icon())
        self.settings = AppSettings()
        self.controller = PlanController(document, language)
        self.scene = ChartScene(self.controller, compact=self.settings.compact_teams())
        self.view = ChartView(self.scene, self)
        self.workshop_strip = WorkshopStrip(self.controller, self)
        self.setCentralWidget(self._chart_with_strip())
        self.workshop = WorkshopMode(self, self.view, self.workshop_strip)
        self.palette = RolePalette(self)
        self.inspector = Inspector(self.controller, self)
        self.targets_panel = TargetsPanel(self.controller, self)
        self.capacity_panel = CapacityPanel(self.controller, self)
        self.hiring_plan = HiringPlanPanel(self.controller, self)
        self.cost_panel = CostPanel(self.controller, self)
        self.assumptions_panel = AssumptionsPanel(self.controller, self)
        self.totals_label = QLabel()
        self.totals_label.setObjectName("planTotals")
        self.statusBar().addPermanentWidget(self.totals_label)
        self.find_box = QLineEdit()
        self.find_box.setObjectName("findBox")
        self.find_box.setPlaceholderText(self.tr("Find by title, person or role"))
        self.find_matches: list[int] = []
        self.autosaver = Autosaver()
        self.recovered_unsaved = False
        # Replaced in tests; real dialogs otherwise.
        self.ask_delete: Callable[[QWidget, str, int], DeleteChoice] = ask_delete_choice
        self.ask_unsaved: Callable[[QWidget, str], QMessageBox.StandardButton] = ask_save_changes
        self.ask_name: Callable[[QWidget, str, str], str | None] = ask_scenario_name
        self.ask_title: Callable[[QWidget, str], str | None] = ask_card_title
        self.confirm_delete_scenario: Callable[[QWidget, str], bool] = confirm_delete_scenario
        self.run_dialog: Callable[[QDialog], int] = run_and_dispose
        self._build_docks()
        self._build_actions()
        self._connect()
        self.palette.populate(
            self.controller.departments(), self.controller.roles(), self.controller.language
        )
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_INTERVAL_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()
        self.resize(1600, 960)
        self.refresh_totals()
        self.refresh_title()

    # --- construction -----------------------------------------------------------------------

    def _chart_with_strip(self) -> QWidget:
        """The chart, with the workshop strip under it (hidden outside workshops)."""
        centre = QWidget(self)
        layout = QVBoxLayout(centre)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.workshop_strip)
        return centre

    def _build_docks(self) -> None:
        roles_dock = self._dock(self.tr("Roles"), self.palette, "rolesDock")
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, roles_dock)
        # The forms scroll rather than grow the window: stacked at their full height they
        # would need a screen over 950 pixels high, taller than most laptops and projectors.
        inspector_dock = self._dock(self.tr("Position"), scrolling(self.inspector), "inspectorDock")
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, inspector_dock)
        targets_dock = self._dock(self.tr("Targets"), scrolling(self.targets_panel), "targetsDock")
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, targets_dock)
        self.splitDockWidget(targets_dock, inspector_dock, Qt.Orientation.Vertical)
        self.plan_tabs = QTabWidget()
        self.plan_tabs.setObjectName("planTabs")
        self.plan_tabs.setMinimumHeight(210)
        self.plan_tabs.addTab(self.capacity_panel, self.tr("Capacity against target"))
        self.plan_tabs.addTab(self.hiring_plan, self.tr("Hiring plan"))
        self.plan_tabs.addTab(self.cost_panel, self.tr("Cost"))
        self.plan_tabs.addTab(self.assumptions_panel, self.tr("Assumptions"))
        plan_dock = self._dock(self.tr("Plan"), self.plan_tabs, "planDock")
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, plan_dock)
        self.resizeDocks([roles_dock, inspector_dock], [250, 330], Qt.Orientation.Horizontal)
        self.resizeDocks([plan_dock], [240], Qt.Orientation.Vertical)
        self.find_bar = QToolBar(self.tr("Find"), self)
        self.find_bar.setObjectName("findBar")
        self.find_bar.addWidget(self.find_box)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.find_bar)
        self.find_bar.hide()

    def _dock(self, title: str, widget: QWidget, name: str) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        return dock

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        icon: str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if icon is not None:
            set_icon(action, icon)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        keys = QKeySequence.StandardKey
        menu = self.menuBar().addMenu(self.tr("&File"))
        menu.addAction(
            self._action(self.tr("&New from template…"), self.new_from_template, keys.New, "new")
        )
        menu.addAction(self._action(self.tr("&Open…"), self.open_dialog, keys.Open, "open"))
        self.recent_menu = menu.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        menu.addSeparator()
        menu.addAction(self._action(self.tr("&Save"), self.save, keys.Save, "save"))
        menu.addAction(
            self._action(self.tr("Save &as…"), self.save_as_dialog, keys.SaveAs, "save_as")
        )
        menu.addSeparator()
        menu.addAction(
            self._action(self.tr("&Import workbook or roster…"), self.import_dialog, icon="import")
        )
        export = menu.addMenu(self.tr("&Export"))
        export.setIcon(action_icon("export"))
        export.addAction(
            self._action(self.tr("Excel &workbook…"), self.export_workbook_dialog, icon="export")
        )
        export.addSeparator()
        for kind, text in (
            ("png", self.tr("Chart as &PNG image…")),
            ("svg", self.tr("Chart as &SVG drawing…")),
            ("pdf", self.tr("Chart as P&DF…")),
        ):
            export.addAction(self._action(text, lambda k=kind: self.export_chart_dialog(k)))
        menu.addAction(
            self._action(self.tr("&Print chart…"), self.print_dialog, keys.Print, "print")
        )
        menu.addSeparator()
        menu.addAction(self._action(self.tr("&Quit"), self.close, keys.Quit, "quit"))

        stack = self.controller.undo_stack
        edit = self.menuBar().addMenu(self.tr("&Edit"))
        self.undo_action = make_undo_action(stack, self)
        set_icon(self.undo_action, "undo")
        self.redo_action = make_redo_action(stack, self)
        set_icon(self.redo_action, "redo")
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        # On the window too: menu shortcuts stop when the menu bar is hidden (workshop mode).
        self.addActions([self.undo_action, self.redo_action])
        edit.addSeparator()
        self.add_report_action = self._action(
            self.tr("&Add direct report…"), self.add_report_with_picker, Qt.Key.Key_Insert, "add"
        )
        self.delete_action = self._action(
            self.tr("&Delete"), self.delete_selected, keys.Delete, "delete"
        )
        self.rename_action = self._action(
            self.tr("Re&name"), self.rename_selected, Qt.Key.Key_F2, "rename"
        )
        self.duplicate_action = self._action(
            self.tr("Dup&licate"), self.duplicate_selected, "Ctrl+D", "duplicate"
        )
        self.find_action = self._action(self.tr("&Find…"), self.show_find, keys.Find, "find")
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
            self.tr("&Preferences…"), self.show_preferences, icon="preferences"
        )
        # Linux has no standard Preferences key; Ctrl+, is what most applications use there.
        preferences.setShortcuts(
            unique_sequences(*QKeySequence.keyBindings(keys.Preferences), QKeySequence("Ctrl+,"))
        )
        preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
        edit.addAction(preferences)

        view = self.menuBar().addMenu(self.tr("&View"))
        view.addAction(self._action(self.tr("Zoom &in"), self.view.zoom_in, keys.ZoomIn, "zoom_in"))
        view.addAction(
            self._action(self.tr("Zoom &out"), self.view.zoom_out, keys.ZoomOut, "zoom_out")
        )
        view.addAction(self._action(self.tr("&Fit chart"), self.view.fit, "Ctrl+0", "fit"))
        view.addSeparator()
        self.compact_action = self._action(self.tr("&Compact teams"), self.toggle_compact)
        self.compact_action.setCheckable(True)
        self.compact_action.setChecked(self.scene.compact)
        view.addAction(self.compact_action)
        view.addAction(
            self._action(
                self.tr("Collapse / e&xpand"), self.toggle_collapse_selected, "Space", "collapse"
            )
        )
        view.addSeparator()
        self.workshop_action = self._action(
            self.tr("&Workshop mode"), self.workshop.toggle, keys.FullScreen, "workshop"
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
            self.tr("Leave workshop mode"), self.workshop.leave, Qt.Key.Key_Escape
        )
        # Esc only means "leave" inside a workshop; elsewhere it stays free for dialogs and find.
        self.leave_workshop_action.setEnabled(False)
        self.workshop_action.setCheckable(True)
        self.workshop.active_changed.connect(self._workshop_changed)

        self._build_scenario_actions()

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(
            self._action(
                self.tr("&Keyboard shortcuts"), self.show_shortcuts, keys.HelpContents, "shortcuts"
            )
        )
        help_menu.addAction(
            self._action(self.tr("&Welcome and templates…"), self.show_welcome, icon="welcome")
        )
        help_menu.addSeparator()
        help_menu.addAction(self._action(self.tr("&About RevOrg"), self.show_about, icon="about"))

    def _build_scenario_actions(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Scenario"))
        bar = QToolBar(self.tr("Scenario"), self)
        bar.setObjectName("scenarioBar")
        self.scenario_picker = ScenarioPicker(self.controller, bar)
        bar.addWidget(QLabel(self.tr(" Scenario ")))
        bar.addWidget(self.scenario_picker)
        # Words beside the icons: scenario commands are rarer than edits, and read, not known.
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for text, slot, icon in (
            (self.tr("&New scenario (copy of this one)…"), self.new_scenario, "duplicate"),
            (self.tr("&Rename scenario…"), self.rename_scenario, "rename"),
            (self.tr("&Delete scenario"), self.delete_scenario, "delete"),
            (self.tr("&Compare scenarios…"), self.compare_scenarios, "compare"),
        ):
            action = self._action(text, slot, icon=icon)
            menu.addAction(action)
            bar.addAction(action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

    def _connect(self) -> None:
        controller = self.controller
        # Bound methods, not lambdas: Qt drops them when the window goes, so a late signal from
        # the undo stack (cleared at shutdown) cannot reach a deleted window.
        controller.undo_stack.cleanChanged.connect(self._clean_changed)
        controller.plan_changed.connect(self._after_model_change)
        controller.edit_failed.connect(self.show_error)
        controller.document_replaced.connect(self._after_document_replaced)
        self.scene.selectionChanged.connect(self._show_selection)
        self.view.role_dropped.connect(self.add_role)
        self.view.card_dropped.connect(self.move_card)
        self.view.message.connect(self._show_message)
        self.view.card_activated.connect(self.scene.toggle_collapsed)
        self.palette.role_activated.connect(self.add_role_under_selection)
        self.inspector.edit_requested.connect(self.apply_inspector_edit)
        self.inspector.dotted_line_requested.connect(self.set_dotted_line)
        self.inspector.error.connect(self.show_error)
        self.targets_panel.error.connect(self.show_error)
        self.assumptions_panel.error.connect(self.show_error)
        self.capacity_panel.hires_requested.connect(self.apply_suggested_hires)
        self.find_box.textChanged.connect(self.find)
        self.find_box.returnPressed.connect(self.next_match)

    def file_filter(self) -> str:
        return self.tr("RevOrg plans (*.revorg);;All files (*)")

    # --- state shown ------------------------------------------------------------------------

    def _clean_changed(self, _clean: bool) -> None:
        self.refresh_title()

    def _show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 5000)

    def is_modified(self) -> bool:
        return self.recovered_unsaved or not self.controller.undo_stack.isClean()

    def refresh_title(self) -> None:
        document = self.controller.document
        file_name = document.path.name if document.path else self.tr("not saved")
        self.setWindowTitle(f"{document.plan.name} ({file_name})[*] - RevOrg")
        self.setWindowModified(self.is_modified())

    def refresh_totals(self) -> None:
        summary = self.controller.summary()
        total, currency = summary.total, summary.plan.currency
        gap = summary.outcome.gap
        gap_text = (
            self.tr("on goal")
            if gap == 0
            else (fill(self.tr("gap %1"), format_money(gap, currency)))
        )
        self.totals_label.setText(
            fill(
                self.tr("%1 positions · %2 people · %3 open · %4 cost · %5"),
                format_count(total.positions),
                format_count(total.headcount),
                format_count(total.open_positions),
                format_money(total.cost, currency),
                gap_text,
            )
        )

    def _after_model_change(self) -> None:
        self.refresh_totals()
        self._show_selection()

    def _after_document_replaced(self) -> None:
        self.palette.populate(
            self.controller.departments(), self.controller.roles(), self.controller.language
        )
        self.refresh_totals()
        self.refresh_title()
        self.inspector.show_position(None)
        QTimer.singleShot(0, self.view.fit)

    def _show_selection(self) -> None:
        selected = self.scene.selected_ids()
        self.inspector.show_position(selected[0] if len(selected) == 1 else None)

    def selected_id(self) -> int | None:
        selected = self.scene.selected_ids()
        return selected[0] if selected else None

    def show_error(self, message: str) -> None:
        if self.workshop.active:
            self.workshop_strip.show_message(message)  # the status bar is hidden there
        else:
            self.statusBar().showMessage(message, 8000)

    # --- edits ------------------------------------------------------------------------------

    def _guarded(self, edit: Callable[[], object]) -> object:
        """Run an edit; a refused edit is reported and the plan stays as it was."""
        try:
            return edit()
        except PlanEditError as error:
            self.show_error(error_text(error))
            return None

    def add_role(self, role_key: str, manager_id: int | None) -> None:
        new_id = self._guarded(lambda: self.controller.add_role(role_key, manager_id))
        if isinstance(new_id, int):
            self.scene.select_only([new_id])
            self.view.center_on_card(new_id)

    def add_role_under_selection(self, role_key: str) -> None:
        self.add_role(role_key, self.selected_id())

    def add_report_with_picker(self) -> None:
        dialog = RolePickerDialog(self.controller.roles(), self.controller.language, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen_key():
            self.add_role(str(dialog.chosen_key()), self.selected_id())

    def move_card(self, position_id: int, manager_id: int | None) -> None:
        self._guarded(lambda: self.controller.move(position_id, manager_id))
        self.scene.select_only([position_id])

    def delete_selected(self) -> None:
        selected = self.scene.selected_ids()
        if not selected:
            return
        tree = self.controller.tree()
        below = sum(len(tree.subtree(i)) - 1 for i in selected)
        keep_reports = False
        if below:
            title = self.controller.position(selected[0]).title
            choice = self.ask_delete(self, title, below)
            if choice == DeleteChoice.CANCEL:
                return
            keep_reports = choice == DeleteChoice.KEEP_REPORTS
        self._guarded(lambda: self.controller.delete(selected, keep_reports))

    def apply_suggested_hires(self) -> None:
        """One click: the open positions that close every gap, on the chart (one undo step)."""
        added = self._guarded(self.controller.apply_suggested_hires)
        if isinstance(added, list) and added:
            self.scene.select_only(added)
            self.view.center_on_card(added[0])
            self.statusBar().showMessage(
                fill(self.tr("Added %1 open positions"), str(len(added))), 5000
            )

    # --- scenarios --------------------------------------------------------------------------

    def new_scenario(self) -> None:
        scenario = self.controller.scenario
        suggested = unique_copy_name(scenario.plan, scenario.name, *copy_name_templates())
        name = self.ask_name(self, self.tr("New scenario"), suggested)
        if name is not None:
            self._guarded(lambda: self.controller.copy_scenario(name))

    def rename_scenario(self) -> None:
        scenario = self.controller.scenario
        name = self.ask_name(self, self.tr("Rename scenario"), scenario.name)
        if name is not None:
            self._guarded(lambda: self.controller.rename_scenario(scenario.id, name))

    def delete_scenario(self) -> None:
        scenario = self.controller.scenario
        if len(self.controller.scenarios()) < 2:
            self.show_error(self.tr("A plan needs at least one scenario."))
            return
        if self.confirm_delete_scenario(self, scenario.name):
            self._guarded(lambda: self.controller.delete_scenario(scenario.id))

    def compare_scenarios(self) -> CompareDialog:
        dialog = CompareDialog(self.controller, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def rename_selected(self) -> None:
        position_id = self.selected_id()
        if position_id is None:
            return
        if self.inspector.title_edit.isVisible():
            self.inspector.title_edit.setFocus()
            self.inspector.title_edit.selectAll()
            return
        # The inspector is hidden (workshop mode, or its panel closed): ask in a small box.
        title = self.controller.position(position_id).title
        new_title = self.ask_title(self, title)
        if new_title is not None and new_title.strip() and new_title != title:
            self._guarded(lambda: self.controller.edit(position_id, {"title": new_title}))

    def duplicate_selected(self) -> None:
        position_id = self.selected_id()
        if position_id is not None:
            new_id = self._guarded(lambda: self.controller.duplicate(position_id))
            if isinstance(new_id, int):
                self.scene.select_only([new_id])

    def apply_inspector_edit(self, position_id: int, changes: dict[str, object]) -> None:
        if "manager_id" in changes:
            manager = changes["manager_id"]
            self.move_card(position_id, manager if isinstance(manager, int) else None)
            return
        self._guarded(lambda: self.controller.edit(position_id, dict(changes)))
        self.inspector.show_position(self.selected_id())

    def set_dotted_line(self, from_id: int, to_id: int, present: bool) -> None:
        self._guarded(lambda: self.controller.set_dotted_line(from_id, to_id, present))
        self.scene.relayout()

    def _workshop_changed(self, active: bool) -> None:
        self.leave_workshop_action.setEnabled(active)
        self.workshop_action.setChecked(active)

    def toggle_compact(self) -> None:
        self.scene.set_compact(self.compact_action.isChecked())
        self.settings.set_compact_teams(self.scene.compact)

    def toggle_collapse_selected(self) -> None:
        position_id = self.selected_id()
        if position_id is not None:
            self.scene.toggle_collapsed(position_id)

    # --- find -------------------------------------------------------------------------------

    def show_find(self) -> None:
        self.find_bar.show()
        self.find_box.setFocus()
        self.find_box.selectAll()

    def find(self, text: str) -> list[int]:
        """Highlight every card whose title, person or role contains the text; centre the first."""
        needle = text.strip().casefold()
        self.find_matches = []
        for position_id, card in self.scene.cards.items():
            match = bool(needle) and needle in card.content.search_text
            card.set_highlighted(match)
            if match:
                self.find_matches.append(position_id)
        rank = {position_id: i for i, position_id in enumerate(self.controller.tree().preorder())}
        self.find_matches.sort(key=rank.__getitem__)
        if self.find_matches:
            self.view.center_on_card(self.find_matches[0])
            self.statusBar().showMessage(
                fill(self.tr("%1 matches"), str(len(self.find_matches))), 4000
            )
        elif needle:
            self.statusBar().showMessage(self.tr("No match"), 4000)
        return self.find_matches

    def next_match(self) -> None:
        if not self.find_matches:
            return
        self.find_matches.append(self.find_matches.pop(0))
        self.view.center_on_card(self.find_matches[-1])
        self.scene.select_only([self.find_matches[-1]])

    # --- files ------------------------------------------------------------------------------

    def new_from_template(self) -> None:
        if not self.maybe_keep_changes():
            return
        dialog = TemplateDialog(template_infos(), self.controller.language, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.chosen_key():
            return
        key = str(dialog.chosen_key())
        self.replace_document(PlanDocument.from_template(key, language=self.controller.language))

    def open_dialog(self) -> None:
        if not self.maybe_keep_changes():
            return
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Open plan"), "", self.file_filter()
        )
        if name:
            self.open_path(Path(name))

    def open_path(self, path: Path) -> bool:
        if self.controller.document.path == Path(path).resolve():
            self.statusBar().showMessage(self.tr("This plan is already open."), 5000)
            return True
        try:
            document = PlanDocument.open(path)
        except RevOrgError as error:
            QMessageBox.warning(self, self.tr("Cannot open plan"), error_text(error))
            return False
        self.replace_document(document)
        self.settings.add_recent_file(document.path or path)
        return True

    def replace_document(self, document: PlanDocument) -> None:
        self.autosaver.discard()
        self.recovered_unsaved = False
        self.controller.replace_document(document)

    def save(self) -> bool:
        document = self.controller.document
        if document.path is None:
            return self.save_as_dialog()
        return self._write(document.save)

    def save_as_dialog(self) -> bool:
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save plan as"), "", self.file_filter()
        )
        if not name:
            return False
        path = Path(name)
        if not path.suffix:
            path = path.with_suffix(FILE_SUFFIX)
        return self.save_as(path)

    def save_as(self, path: Path) -> bool:
        return self._write(lambda: self.controller.document.save_as(path))

    def _write(self, write: Callable[[], None]) -> bool:
        try:
            write()
        except RevOrgError as error:
            QMessageBox.critical(self, self.tr("Could not save"), error_text(error))
            return False
        self.controller.undo_stack.setClean()
        self.recovered_unsaved = False
        self.autosaver.discard()
        if self.controller.document.path:
            self.settings.add_recent_file(self.controller.document.path)
        self.refresh_title()
        self.statusBar().showMessage(self.tr("Saved"), 3000)
        return True

    # --- import and export ------------------------------------------------------------------

    def _output_path(self, title: str, filter_text: str, suffix: str) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(self, title, "", filter_text)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(suffix)

    def export_workbook_dialog(self) -> None:
        path = self._output_path(
            self.tr("Export Excel workbook"), self.tr("Excel workbooks (*.xlsx)"), ".xlsx"
        )
        if path is not None:
            self.export_workbook_to(path)

    def export_workbook_to(self, path: Path) -> bool:
        from revorg.io.xlsx_export import export_workbook

        controller = self.controller
        return self._exported(
            path,
            lambda: export_workbook(
                controller.document, controller.scenario, path, controller.language
            ),
        )

    def export_chart_dialog(self, kind: str) -> None:
        filters = {
            "png": self.tr("PNG images (*.png)"),
            "svg": self.tr("SVG drawings (*.svg)"),
            "pdf": self.tr("PDF documents (*.pdf)"),
        }
        path = self._output_path(self.tr("Export chart"), filters[kind], f".{kind}")
        if path is None:
            return
        options: dict[str, object] = {}
        if kind == "png":
            dpi, accepted = QInputDialog.getInt(
                self, self.tr("PNG resolution"), self.tr("Dots per inch:"), 150, 30, 1200, 10
            )
            if not accepted:
                return
            options["dpi"] = dpi
        if kind == "pdf":
            choices = [self.tr("Fit on one page"), self.tr("Split over pages at a readable size")]
            choice, accepted = QInputDialog.getItem(
                self, self.tr("PDF pages"), self.tr("Pages:"), choices, 0, False
            )
            if not accepted:
                return
            options["pages"] = "fit" if choice == choices[0] else "split"
        self.export_chart_to(kind, path, **options)  # type: ignore[arg-type]

    def export_chart_to(self, kind: str, path: Path, dpi: int = 150, pages: str = "fit") -> bool:
        title = f"{self.controller.document.plan.name}: {self.controller.scenario.name}"
        writers = {
            "png": lambda: write_png(self.scene, path, dpi),
            "svg": lambda: write_svg(self.scene, path, title),
            "pdf": lambda: write_pdf(self.scene, path, pages, title),
        }
        return self._exported(path, writers[kind])

    def _exported(self, path: Path, write: Callable[[], object]) -> bool:
        try:
            write()
        except RevOrgError as error:
            QMessageBox.warning(self, self.tr("Export failed"), error_text(error))
            return False
        self.statusBar().showMessage(fill(self.tr("Exported %1"), str(path)), 5000)
        return True

    def print_dialog(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        preview = QPrintPreviewDialog(printer, self)
        preview.paintRequested.connect(lambda device: paint_pages(self.scene, device, "fit"))
        preview.exec()

    def import_dialog(self) -> None:
        if not self.maybe_keep_changes():
            return
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import workbook or roster"),
            "",
            self.tr("Workbooks and rosters (*.xlsx *.csv);;All files (*)"),
        )
        if name:
            self.import_path(Path(name))

    def import_path(self, path: Path) -> bool:
        """Preview the import; open the result as a new unsaved plan if the user agrees."""
        dialog = ImportPreviewDialog(path, self.controller.language, self)
        if self.run_import_preview(dialog) != QDialog.DialogCode.Accepted:
            return False
        document = dialog.take_document()
        if document is None:
            return False
        self.replace_document(document)
        self.recovered_unsaved = True  # a new plan with no file: saving asks where
        self.refresh_title()
        return True

    def run_import_preview(self, dialog: QDialog) -> int:
        """Replaced in tests; the modal preview otherwise."""
        return dialog.exec()

    def autosave(self) -> None:
        if not self.is_modified():
            return
        try:
            self.autosaver.write(self.controller.document)
        except RevOrgError as error:
            failed = fill(self.tr("Autosave failed: %1"), error_text(error))
            self.statusBar().showMessage(failed, 8000)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in self.settings.recent_files():
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(
                lambda _checked=False, p=path: self.maybe_keep_changes() and self.open_path(p)
            )
        self.recent_menu.setEnabled(bool(self.settings.recent_files()))

    def maybe_keep_changes(self) -> bool:
        """Ask what to do with unsaved changes; False means the user cancelled."""
        if not self.is_modified():
            return True
        answer = self.ask_unsaved(self, self.controller.document.plan.name)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def closeEvent(self, event: QCloseEvent) -> None:
        # Commit a field still being edited, so that it counts as a change to save.
        focused = QApplication.focusWidget()
        if focused is not None and self.isAncestorOf(focused):
            focused.clearFocus()
        if not self.maybe_keep_changes():
            event.ignore()
            return
        self._shut_down()
        event.accept()

    def _shut_down(self) -> None:
        """Stop listening before the document closes: late signals must not reach it."""
        self.autosave_timer.stop()
        self.autosaver.discard()
        for emitter in (self.controller, self.controller.undo_stack, self.scene, self.inspector):
            emitter.blockSignals(True)
        self.controller.document.close()

    def show_about(self) -> None:
        show_about(self)

    def show_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog(self.actions(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def show_preferences(self) -> None:
        dialog = PreferencesDialog(self.settings, self.controller.language, self)
        if self.run_dialog(dialog) != QDialog.DialogCode.Accepted:
            return
        dialog.save()
        if dialog.compact_box.isChecked() != self.scene.compact:
            self.compact_action.setChecked(dialog.compact_box.isChecked())
            self.toggle_compact()
        if dialog.language_changes():
            self.statusBar().showMessage(
                self.tr("The new language applies when RevOrg starts again."), 8000
            )

    def show_welcome(self) -> None:
        """The first-run welcome (also in the Help menu): a template, a plan, or the demo."""
        self.settings.set_welcomed()
        dialog = WelcomeDialog(template_infos(), self.controller.language, self)
        if self.run_dialog(dialog) != QDialog.DialogCode.Accepted:
            return
        if dialog.choice == WelcomeChoice.TEMPLATE and dialog.chosen_template():
            if self.maybe_keep_changes():
                template = str(dialog.chosen_template())
                self.replace_document(
                    PlanDocument.from_template(template, language=self.controller.language)
                )
        elif dialog.choice == WelcomeChoice.OPEN:
            self.open_dialog()

    def offer_welcome(self) -> None:
        """Once per user, on the first start without a file to open."""
        if not self.settings.welcomed():
            self.show_welcome()
