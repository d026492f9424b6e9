"""The main window: chart in the middle, role palette on the left, inspector on the right."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from revorg.gui.chart.breadcrumb import Breadcrumb
from revorg.gui.chart.card_texts import readable_zoom
from revorg.gui.chart.collapse import collapsed_at_level, levels_that_fit
from revorg.gui.chart.layout_result import LayoutMetrics
from revorg.gui.chart.minimap import ChartMinimap
from revorg.gui.chart.saved_expansion import SavedExpansion
from revorg.gui.chart.scene import ChartScene
from revorg.gui.chart.view import ChartView
from revorg.gui.controller import PlanController
from revorg.gui.i18n import fill
from revorg.gui.icons import app_icon
from revorg.gui.numbers import format_money
from revorg.gui.panels.capacity import CapacityPanel
from revorg.gui.panels.inspector import Inspector
from revorg.gui.panels.revenue import RevenuePanel
from revorg.gui.panels.role_palette import RolePalette
from revorg.gui.panels.targets import TargetsPanel
from revorg.gui.settings import AppSettings
from revorg.gui.team.commands import TeamCommands
from revorg.gui.window.chart_edits import ChartEdits
from revorg.gui.window.file_commands import FileCommands
from revorg.gui.window.find_bar import FindBar
from revorg.gui.window.history_commands import HistoryCommands
from revorg.gui.window.menus import Menus
from revorg.gui.window.outline_link import OutlineLink
from revorg.gui.window.plan_docks import PlanDocks
from revorg.gui.window.scenario_commands import ScenarioCommands
from revorg.gui.window.workshop import WorkshopMode, WorkshopStrip
from revorg.model.document import PlanDocument
from revorg.model.summary import ScenarioSummary
from revorg.model.templates import template_infos

if TYPE_CHECKING:  # dialogs and hidden panels are imported when opened: not for the first paint
    from revorg.gui.dialogs.help import ShortcutsDialog
    from revorg.gui.dialogs.position_history import PositionHistoryDialog
    from revorg.gui.dialogs.step_preview import StepPreviewDialog
    from revorg.gui.panels.actuals import ActualsPanel
    from revorg.gui.panels.assumptions import AssumptionsPanel
    from revorg.gui.panels.cost import CostPanel
    from revorg.gui.panels.hiring_plan import HiringPlanPanel
    from revorg.gui.panels.history import HistoryPanel
    from revorg.gui.panels.year_plan import YearPlanPanel

# The chart's area in the window at its first size (1600 x 960, with its docks): a plan's first
# expansion is chosen for it before the window shows, and checked again once it has.
FIRST_CHART_AREA = (1010.0, 430.0)


def run_and_dispose(dialog: QDialog) -> int:
    """Run a modal dialog; Qt deletes it once the caller has read its answers (a dialog with
    the window as parent would otherwise live as long as the window)."""
    result = dialog.exec()
    dialog.deleteLater()
    return result


class FirstPaint(QObject):
    """Runs what the first view does not need once the chart has been painted the first time
    (a timer started before the window shows may fire before its first paint)."""

    def __init__(self, viewport: QWidget) -> None:
        super().__init__(viewport)
        self.later: list[Callable[[], object]] = []
        viewport.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._run)
        return False

    def _run(self) -> None:
        later, self.later = self.later, []
        for work in later:
            work()


class MainWindow(QMainWindow):
    def __init__(
        self, document: PlanDocument, language: str = "en", *, first_views: bool = False
    ) -> None:
        """first_views: plans open at their top levels with readable names, laid out once at
        that expansion (the app; show_first_view() does it on demand, as after a test's
        setup). Otherwise the chart opens whole, as the chart images draw it."""
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowIcon(app_icon())
        self.settings = AppSettings()
        self.controller = PlanController(document, language)
        self.saved_expansion = SavedExpansion()
        self._restoring_expansion = False
        self.first_views = first_views
        compact = self.settings.compact_teams()
        self.scene = ChartScene(
            self.controller.editor,
            self.controller,
            compact=compact,
            collapsed=self._first_collapsed(FIRST_CHART_AREA, compact) if first_views else (),
            without_salaries=document.without_salaries,
        )
        self.view = ChartView(self.scene, self)
        self.breadcrumb = Breadcrumb(self.scene, self)
        self.minimap = ChartMinimap(self.view)
        self.workshop_strip = WorkshopStrip(self.controller, self)
        self.setCentralWidget(self._chart_with_strip())
        self.workshop = WorkshopMode(self, self.view, self.workshop_strip)
        self.role_palette = RolePalette(self)
        self.inspector = Inspector(self.controller, self)
        self.targets_panel = TargetsPanel(self.controller, self)
        self.capacity_panel = CapacityPanel(self.controller, self)
        self.revenue_panel = RevenuePanel(self.controller, self)
        self.totals_label = QLabel()
        self.totals_label.setObjectName("planTotals")
        self.totals_label.setAccessibleName(self.tr("Plan totals"))
        self.statusBar().addPermanentWidget(self.totals_label)
        self.find_bar = FindBar(self.controller, self.scene, self.view, self)
        self.files = FileCommands(self, self.controller, self.scene, self.settings)
        self.history_commands = HistoryCommands(self)
        # Replaced in tests; real dialogs otherwise.
        self.run_dialog: Callable[[QDialog], int] = run_and_dispose
        self.docks = PlanDocks(self)
        self.plan_tabs: QTabWidget = self.docks.plan_tabs
        self.history_dock: QDockWidget = self.docks.history_dock
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.find_bar)
        self.find_bar.hide()
        self.outline = OutlineLink(self, self.controller, self.scene, self.view, self.settings)
        self.edits = ChartEdits(
            self, self.controller, self.scene, self.view, self.inspector, self.show_error
        )
        self.scenario_commands = ScenarioCommands(
            self, self.controller, self.edits.guarded, self.show_error
        )
        self.team = TeamCommands(self)
        self.menus = Menus(self)
        self.first_paint = FirstPaint(self.view.viewport())
        self.first_paint.later.append(self.menus.draw_icons)
        # The cards of the collapsed teams, made while idle: the first Expand all then only
        # shows them (scene_cards.make_cards_when_idle).
        self.first_paint.later.append(self.scene.make_cards_when_idle)
        self._connect()
        editor = self.controller.editor
        self.role_palette.populate(editor.departments(), editor.roles(), editor.language)
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
        layout.addWidget(self.breadcrumb)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.workshop_strip)
        return centre

    def _connect(self) -> None:
        controller = self.controller
        # Bound methods, not lambdas: Qt drops them when the window goes, so a late signal from
        # the undo stack (cleared at shutdown) cannot reach a deleted window.
        controller.undo_stack.cleanChanged.connect(self._clean_changed)
        controller.plan_changed.connect(self._after_model_change)
        controller.edit_failed.connect(self.show_error)
        controller.document_replaced.connect(self._after_document_replaced)
        self.scene.selectionChanged.connect(self._show_selection)
        self.view.role_dropped.connect(self.edits.add_role)
        self.view.card_dropped.connect(self.edits.move_card)
        self.view.message.connect(self._show_message)
        self.view.card_activated.connect(self.scene.toggle_collapsed)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._chart_context_menu)
        self.scene.expansion_changed.connect(self._save_expansion)
        controller.scenario_switched.connect(self._first_expansion_of_scenario)
        self.role_palette.role_activated.connect(self.edits.add_role_under_selection)
        self.inspector.edit_requested.connect(self.edits.apply_inspector_edit)
        self.inspector.dotted_line_requested.connect(self.edits.set_dotted_line)
        self.inspector.error.connect(self.show_error)
        self.inspector.history_requested.connect(self.show_position_history)
        self.targets_panel.error.connect(self.show_error)
        self.capacity_panel.hires_requested.connect(self.edits.apply_suggested_hires)
        self.find_bar.message.connect(self.statusBar().showMessage)
        self.files.saved_state_changed.connect(self.refresh_title)

    # --- state shown ------------------------------------------------------------------------

    def _clean_changed(self, _clean: bool) -> None:
        self.refresh_title()

    def _show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 5000)

    def refresh_title(self) -> None:
        document = self.controller.document
        file_name = document.path.name if document.path else self.tr("not saved")
        file_name = self.team.location_text() or file_name  # a team plan: its server
        self.setWindowTitle(f"{document.plan.name} ({file_name})[*] - RevOrg")
        self.setWindowModified(self.files.is_modified())

    def refresh_totals(self) -> None:
        self.totals_label.setText(self.totals_text(self.controller.editor.summary()))

    def totals_text(self, summary: ScenarioSummary) -> str:
        total, currency = summary.total, summary.plan.currency
        gap = summary.outcome.gap
        gap_text = (
            self.tr("on goal")
            if gap == 0
            else (fill(self.tr("gap %1"), format_money(gap, currency)))
        )
        counts = (
            self.tr("%Ln positions", "", total.positions),
            self.tr("%Ln people", "", total.headcount),
            self.tr("%Ln open", "", total.open_positions),
        )
        if self.controller.document.without_salaries:  # a viewer's: never a cost of 0
            return fill(self.tr("%1 · %2 · %3 · cost not available · %4"), *counts, gap_text)
        return fill(
            self.tr("%1 · %2 · %3 · %4 cost · %5"),
            *counts,
            format_money(total.cost, currency),
            gap_text,
        )

    def _after_model_change(self) -> None:
        self.refresh_title()  # the plan's name is an edit too (Plan settings)
        self.refresh_totals()
        self._show_selection()
        self.view.describe_selection()  # the selected card's text may have changed

    def _after_document_replaced(self) -> None:
        editor = self.controller.editor
        self.role_palette.populate(editor.departments(), editor.roles(), editor.language)
        self.refresh_totals()
        self.refresh_title()
        self.inspector.show_position(None)
        if self.first_views:
            self._first_expansion_of_scenario()
            QTimer.singleShot(0, self.view.first_view)
        else:
            QTimer.singleShot(0, self.view.fit)

    def _show_selection(self) -> None:
        selected = self.scene.selected_ids()
        self.inspector.show_position(selected[0] if len(selected) == 1 else None)

    def show_error(self, message: str) -> None:
        if self.workshop.active:
            self.workshop_strip.show_message(message)  # the status bar is hidden there
        else:
            self.statusBar().showMessage(message, 8000)

    # --- the chart's first view, expansion and focus ---------------------------------------

    def _first_collapsed(self, area: tuple[float, float], compact: bool) -> set[int]:
        """The teams a plan opens collapsed: as the user left them in this plan, else those
        below the levels that fit `area` with readable names."""
        editor = self.controller.editor
        saved = self.saved_expansion.collapsed(self.controller.document.path, editor.scenario_id)
        if saved is not None:
            return set(saved)
        tree = editor.tree()
        level = levels_that_fit(
            tree.children, tree.roots(), LayoutMetrics(), compact, area, readable_zoom()
        )
        return collapsed_at_level(tree.children, tree.roots(), level)

    def _chart_area(self) -> tuple[float, float]:
        viewport = self.view.viewport()
        return float(viewport.width()), float(viewport.height())

    def show_first_view(self) -> None:
        """The plan at its top levels with readable names (called once the window shows, when
        the chart's area is known)."""
        if self.scene.focus is None and self._saved_collapsed() is None:
            self._restoring_expansion = True
            try:
                self.scene.set_collapsed(
                    self._first_collapsed(self._chart_area(), self.scene.compact)
                )
            finally:
                self._restoring_expansion = False
        self.view.first_view()

    def _saved_collapsed(self) -> list[int] | None:
        return self.saved_expansion.collapsed(
            self.controller.document.path, self.controller.editor.scenario_id
        )

    def _first_expansion_of_scenario(self) -> None:
        """Another scenario or plan: its own saved expansion, or its levels that fit."""
        if not self.first_views:
            return
        area = self._chart_area() if self.isVisible() else FIRST_CHART_AREA
        collapsed = self._first_collapsed(area, self.scene.compact)
        self._restoring_expansion = True  # not a choice of the user's: nothing to save
        try:
            self.scene.set_collapsed(collapsed)
        finally:
            self._restoring_expansion = False

    def _save_expansion(self) -> None:
        if self._restoring_expansion:
            return
        self.saved_expansion.save(
            self.controller.document.path, self.controller.editor.scenario_id, self.scene.collapsed
        )

    def expand_to_level(self, level: int) -> None:
        self.scene.expand_to_level(level)
        self.view.fit_readable()

    def focus_selected_team(self) -> None:
        """Focus team: the selected manager's team alone, with the breadcrumb back up."""
        selected = self.scene.selected_ids()
        if selected and self.controller.editor.tree().reports(selected[0]):
            self.scene.set_focus(selected[0])
            self.scene.select_only([selected[0]])
            self.view.first_view()
        elif selected:
            self.show_error(self.tr("Focus shows a manager's team: choose a card with reports."))
        else:
            self.show_error(self.tr("Select a manager's card to focus on its team."))

    def focus_up(self) -> None:
        """Up one step of the breadcrumb: the team of the manager above, or the whole chart."""
        focus = self.scene.focus
        if focus is not None:
            self.scene.set_focus(self.controller.editor.tree().parent.get(focus))
            self.view.first_view()

    def show_whole_organisation(self) -> None:
        if self.scene.focus is not None:
            self.scene.set_focus(None)
            self.view.first_view()

    def _chart_context_menu(self, point: QPoint) -> None:
        card = self.scene.card_at(self.view.mapToScene(point))
        if card is not None and card.position_id not in self.scene.selected_ids():
            self.scene.select_only([card.position_id])
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menus = self.menus
        for action in menus.chart_context_actions():
            menu.addAction(action)
        staff = self.edits.staff_action(menu)
        if staff is not None:
            menu.addSeparator()
            menu.addAction(staff)
        menu.popup(self.view.viewport().mapToGlobal(point))

    def toggle_compact(self) -> None:
        self.scene.set_compact(self.menus.compact_action.isChecked())
        self.settings.set_compact_teams(self.scene.compact)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Commit a field still being edited, so that it counts as a change to save.
        focused = QApplication.focusWidget()
        if focused is not None and self.isAncestorOf(focused):
            focused.clearFocus()
        if not self.files.maybe_keep_changes():
            event.ignore()
            return
        self._shut_down()
        event.accept()

    def _shut_down(self) -> None:
        """Stop listening before the document closes: late signals must not reach it."""
        self.files.shut_down()
        self.team.shut_down()
        for emitter in (self.controller, self.controller.undo_stack, self.scene, self.inspector):
            emitter.blockSignals(True)
        self.controller.document.close()

    def show_history(self) -> None:
        self.docks.show_history()

    # The panels of tabs and docks hidden at start: made when first shown, or asked for here.

    @property
    def hiring_plan(self) -> HiringPlanPanel:
        return self.docks.hiring_plan.content()

    @property
    def year_plan(self) -> YearPlanPanel:
        return self.docks.year_plan.content()

    @property
    def actuals_panel(self) -> ActualsPanel:
        return self.docks.actuals.content()

    @property
    def cost_panel(self) -> CostPanel:
        return self.docks.cost.content()

    @property
    def assumptions_panel(self) -> AssumptionsPanel:
        return self.docks.assumptions.content()

    @property
    def history_panel(self) -> HistoryPanel:
        return self.docks.history.content()

    def preview_step(self, step_id: int) -> StepPreviewDialog | None:
        return self.history_commands.preview_step(step_id)

    def restore_step(self, step_id: int, scenario_id: int | None = None) -> int | None:
        return self.history_commands.restore_step(step_id, scenario_id)

    def show_position_history(self, position_id: int) -> PositionHistoryDialog:
        return self.history_commands.show_position_history(position_id)

    def show_about(self) -> None:
        from revorg.gui.dialogs.help import show_about

        show_about(self)

    def show_shortcuts(self) -> ShortcutsDialog:
        from revorg.gui.dialogs.help import ShortcutsDialog

        dialog = ShortcutsDialog(self.actions(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def show_preferences(self) -> None:
        from revorg.gui.dialogs.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.settings, self.controller.language, self)
        if self.run_dialog(dialog) != QDialog.DialogCode.Accepted:
            return
        dialog.save()
        if dialog.compact_box.isChecked() != self.scene.compact:
            self.menus.compact_action.setChecked(dialog.compact_box.isChecked())
            self.toggle_compact()
        if dialog.language_changes():
            self.statusBar().showMessage(
                self.tr("The new language applies when RevOrg starts again."), 8000
            )

    def show_welcome(self) -> None:
        """The first-run welcome (also in the Help menu): a template, a plan, or the demo."""
        from revorg.gui.dialogs.help import WelcomeChoice, WelcomeDialog

        self.settings.set_welcomed()
        dialog = WelcomeDialog(template_infos(), self.controller.language, self)
        if self.run_dialog(dialog) != QDialog.DialogCode.Accepted:
            return
        if dialog.choice == WelcomeChoice.TEMPLATE and dialog.chosen_template():
            if self.files.maybe_keep_changes():
                template = str(dialog.chosen_template())
                self.files.replace_document(
                    PlanDocument.from_template(template, language=self.controller.language)
                )
        elif dialog.choice == WelcomeChoice.OPEN:
            self.files.open_dialog()

    def offer_welcome(self) -> None:
        """Once per user, on the first start without a file to open."""
        if not self.settings.welcomed():
            self.show_welcome()
