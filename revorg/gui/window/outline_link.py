"""View > Outline: the outline panel in a dock, its selection and the chart's kept in step,
and whether it is open kept across runs. The panel is made when the dock is first shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDockWidget, QWidget

from revorg.gui.chart.scene import ChartScene
from revorg.gui.chart.view import ChartView
from revorg.gui.controller import PlanController
from revorg.gui.docks import MadeWhenShown, tabify
from revorg.gui.settings import AppSettings

if TYPE_CHECKING:
    from revorg.gui.panels.outline import OutlinePanel
    from revorg.gui.window.main_window import MainWindow

OUTLINE_WIDTH = 520  # title, person and role readable without scrolling sideways


class OutlineDock(QDockWidget):
    """A dock that says when the user closes it (a workshop hides docks without closing)."""

    closed = Signal()

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        self.closed.emit()


class OutlineLink(QObject):
    def __init__(
        self,
        window: MainWindow,
        controller: PlanController,
        scene: ChartScene,
        view: ChartView,
        settings: AppSettings,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.scene = scene
        self.view = view
        self.settings = settings
        self.controller = controller
        self._panel = MadeWhenShown(self._make_panel, "outlinePage")
        self.dock = OutlineDock(self.tr("Outline"), window)
        self.dock.setObjectName("outlineDock")
        self.dock.setWidget(self._panel.page)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
        roles = window.findChild(QDockWidget, "rolesDock")
        if roles is not None:  # a tab beside the roles: the chart keeps its width
            tabify(window, roles, self.dock)
        self.action: QAction = self.dock.toggleViewAction()
        self.action.setText(self.tr("Outli&ne"))
        self.action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        window.addAction(self.action)  # its shortcut works in workshop mode too
        self._following = False
        self.action.triggered.connect(self._chosen)
        self.dock.closed.connect(lambda: self.settings.set_outline_shown(False))
        self.dock.visibilityChanged.connect(self._shown)
        scene.selectionChanged.connect(self.follow_chart)
        self.dock.setVisible(settings.outline_shown())
        if settings.outline_shown():
            self.dock.raise_()
            QTimer.singleShot(0, self._widen)

    @property
    def panel(self) -> OutlinePanel:
        return self._panel.content()

    def _make_panel(self, parent: QWidget) -> OutlinePanel:
        from revorg.gui.panels.outline import OutlinePanel

        panel = OutlinePanel(self.controller, parent)
        panel.position_selected.connect(self.show_card)
        panel.edit_requested.connect(self.window.edits.apply_inspector_edit)
        panel.error.connect(self.window.show_error)
        return panel

    def _chosen(self, shown: bool) -> None:
        self.settings.set_outline_shown(shown)
        if shown:
            self.dock.raise_()
            QTimer.singleShot(0, self._widen)  # once the dock is laid out
            self.panel.tree.setFocus()

    def _widen(self) -> None:
        if self.dock.width() < OUTLINE_WIDTH:
            self.window.resizeDocks([self.dock], [OUTLINE_WIDTH], Qt.Orientation.Horizontal)

    def _shown(self, visible: bool) -> None:
        if visible:
            self.follow_chart()

    def show(self) -> None:
        """Open the outline (as View > Outline does), or bring its tab to the front."""
        if self.dock.isHidden():
            self.action.trigger()
        else:
            self.dock.raise_()

    def show_card(self, position_id: int) -> None:
        """A row chosen in the outline: its card selected and centred, the teams above it
        opened."""
        if self._following:
            return
        self._following = True
        try:
            self.view.show_card(position_id)
            self.scene.select_only([position_id])
        finally:
            self._following = False

    def follow_chart(self) -> None:
        """A card chosen in the chart: its row selected (one card; none for several)."""
        if self._following or not self.dock.isVisible():
            return
        selected = self.scene.selected_ids()
        self._following = True
        try:
            self.panel.select_position(selected[0] if len(selected) == 1 else None)
        finally:
            self._following = False
