"""The window's docks: roles at the left, targets and the position at the right, the plan's
tabs and the history at the bottom. The tabs and docks hidden at start (hiring plan, quarters,
actuals, cost, assumptions, history) are made, and their modules imported, when first shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDockWidget, QSplitter, QTabWidget, QWidget

from revorg.gui.docks import MadeWhenShown, tabify
from revorg.gui.panels.scrolling import scrolling

if TYPE_CHECKING:
    from revorg.gui.panels.actuals import ActualsPanel
    from revorg.gui.panels.assumptions import AssumptionsPanel
    from revorg.gui.panels.cost import CostPanel
    from revorg.gui.panels.hiring_plan import HiringPlanPanel
    from revorg.gui.panels.history import HistoryPanel
    from revorg.gui.panels.year_plan import YearPlanPanel
    from revorg.gui.window.main_window import MainWindow

WIDE_AREAS = (Qt.DockWidgetArea.BottomDockWidgetArea, Qt.DockWidgetArea.TopDockWidgetArea)


class PlanDocks(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.hiring_plan = MadeWhenShown(self._make_hiring_plan, "hiringPlanPage")
        self.year_plan = MadeWhenShown(self._make_year_plan, "yearPlanPage")
        self.actuals = MadeWhenShown(self._make_actuals, "actualsPage")
        self.cost = MadeWhenShown(self._make_cost, "costPage")
        self.assumptions = MadeWhenShown(self._make_assumptions, "assumptionsPage")
        self.history = MadeWhenShown(self._make_history, "historyPage")
        self._build()

    def _build(self) -> None:
        window = self.window
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        roles_dock = self._dock(self.tr("Roles"), window.role_palette, "rolesDock")
        window.addDockWidget(left, roles_dock)
        # The forms scroll rather than grow the window: stacked at their full height they
        # would need a screen over 950 pixels high, taller than most laptops and projectors.
        inspector = scrolling(window.inspector)
        inspector_dock = self._dock(self.tr("Position"), inspector, "inspectorDock")
        window.addDockWidget(right, inspector_dock)
        targets = scrolling(window.targets_panel)
        targets_dock = self._dock(self.tr("Targets"), targets, "targetsDock")
        window.addDockWidget(right, targets_dock)
        window.splitDockWidget(targets_dock, inspector_dock, Qt.Orientation.Vertical)
        self.plan_tabs = QTabWidget()
        self.plan_tabs.setObjectName("planTabs")
        self.plan_tabs.setMinimumHeight(210)
        for page, title in (
            (self._capacity_and_revenue(), self.tr("Capacity against target")),
            (self.hiring_plan.page, self.tr("Hiring plan")),
            (self.year_plan.page, self.tr("Quarters")),
            (self.actuals.page, self.tr("Actuals")),
            (self.cost.page, self.tr("Cost")),
            (self.assumptions.page, self.tr("Assumptions")),
        ):
            self.plan_tabs.addTab(page, title)
        plan_dock = self._dock(self.tr("Plan"), self.plan_tabs, "planDock")
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, plan_dock)
        window.resizeDocks([roles_dock, inspector_dock], [250, 330], Qt.Orientation.Horizontal)
        # 280: the quarters table and the capacity table each show a department or more at once.
        window.resizeDocks([plan_dock], [280], Qt.Orientation.Vertical)

        # A tab beside the plan's tables, where a step's row has the window's width; hidden
        # until View > History: the log is read only when someone looks at it.
        self.history_dock = self._dock(self.tr("History"), self.history.page, "historyDock")
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.history_dock)
        tabify(window, plan_dock, self.history_dock)
        self.history_dock.dockLocationChanged.connect(self._history_placed)
        self.history_dock.hide()
        plan_dock.raise_()

    def _capacity_and_revenue(self) -> QSplitter:
        """The revenue figures at the right of capacity: a third dock on the right would leave
        the targets and the inspector too low to use at 960 pixels."""
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("capacityAndRevenue")
        splitter.addWidget(self.window.capacity_panel)
        splitter.addWidget(scrolling(self.window.revenue_panel))
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setChildrenCollapsible(False)
        return splitter

    def _dock(self, title: str, widget: QWidget, name: str) -> QDockWidget:
        dock = QDockWidget(title, self.window)
        dock.setObjectName(name)
        dock.setWidget(widget)
        return dock

    def show_history(self) -> None:
        """View > History: the dock shown and raised (it may be a tab behind the inspector)."""
        self.history_dock.show()
        self.history_dock.raise_()

    def _history_placed(self, area: Qt.DockWidgetArea) -> None:
        if self.history.made:
            self.history.content().set_wide(area in WIDE_AREAS)

    # --- the hidden tabs' and docks' panels, made when first shown ---------------------------

    def _make_hiring_plan(self, parent: QWidget) -> HiringPlanPanel:
        from revorg.gui.panels.hiring_plan import HiringPlanPanel

        return HiringPlanPanel(self.window.controller, parent)

    def _make_year_plan(self, parent: QWidget) -> YearPlanPanel:
        from revorg.gui.panels.year_plan import YearPlanPanel

        return YearPlanPanel(self.window.controller, parent)

    def _make_actuals(self, parent: QWidget) -> ActualsPanel:
        from revorg.gui.panels.actuals import ActualsPanel

        panel = ActualsPanel(self.window.controller, parent)
        panel.import_requested.connect(self.window.files.import_actuals_dialog)
        panel.rules_requested.connect(self.window.files.deal_rules_dialog)
        return panel

    def _make_cost(self, parent: QWidget) -> CostPanel:
        from revorg.gui.panels.cost import CostPanel

        return CostPanel(self.window.controller, parent)

    def _make_assumptions(self, parent: QWidget) -> AssumptionsPanel:
        from revorg.gui.panels.assumptions import AssumptionsPanel

        panel = AssumptionsPanel(self.window.controller, parent)
        panel.error.connect(self.window.show_error)
        return panel

    def _make_history(self, parent: QWidget) -> HistoryPanel:
        from revorg.gui.panels.history import HistoryPanel

        panel = HistoryPanel(self.window.controller, parent)
        panel.set_wide(self.window.dockWidgetArea(self.history_dock) in WIDE_AREAS)
        panel.set_replay(True)
        panel.preview_requested.connect(self.window.preview_step)
        panel.restore_requested.connect(self.window.restore_step)
        return panel
