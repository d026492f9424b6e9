"""Workshop mode (F11): the chart alone, full screen, larger, for a room watching a projector.

The panels, toolbars, menu and status bar are hidden; a strip along the bottom shows, live, what
the people on the chart can deliver against the goal and each department's coverage. Editing
still works: cards drag, F2 renames, Insert adds a report, Delete deletes, undo undoes, and the
Roles button brings the palette back for dropping roles. Esc (or F11 again) leaves, restoring
the window as it was.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QEvent, QObject, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPalette, QShowEvent, QTransform
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from revorg.gui.chart.card_texts import READABLE_NAME_PIXELS, readable_zoom
from revorg.gui.chart.view import ChartView
from revorg.gui.controller import PlanController
from revorg.gui.i18n import fill
from revorg.gui.numbers import format_money, format_percent
from revorg.gui.panels.capacity import CHARTED_DEPARTMENTS, STATUS_COLOURS
from revorg.gui.theme import readable_name
from revorg.model.capacity import RED, status_of

# Cards are drawn up to this much larger than at 1:1 when the chart fits the screen at that
# size, and never smaller than WORKSHOP_MIN_ZOOM: a big chart is panned rather than shrunk to
# dots. The floor gives names 14 pixels high, read from the back of a room (11 in the window:
# readable_zoom); the demo's top two levels still fit a 1280-pixel projector at it.
WORKSHOP_MAX_ZOOM = 1.6
WORKSHOP_MIN_ZOOM = 0.65  # whatever the fonts
WORKSHOP_NAME_PIXELS = 14.0


def workshop_zoom_floor() -> float:
    """The smallest zoom of a workshop: names WORKSHOP_NAME_PIXELS high."""
    return max(WORKSHOP_MIN_ZOOM, WORKSHOP_NAME_PIXELS / READABLE_NAME_PIXELS * readable_zoom())


STRIP_POINT_SIZE = 18  # read from the back of a room
MESSAGE_SHOWN_MS = 8000  # as long as the status bar shows a message outside workshops


class WorkshopStrip(QWidget):
    """Total against goal and coverage per department, in large type, updated on every edit."""

    roles_toggled = Signal(bool)
    leave_requested = Signal()

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workshopStrip")
        self.controller = controller
        self.setAutoFillBackground(True)
        font = QFont(self.font())
        font.setPointSize(STRIP_POINT_SIZE)
        self.setFont(font)
        rows = QVBoxLayout(self)
        rows.setContentsMargins(16, 8, 16, 8)
        layout = QHBoxLayout()
        self.total_label = QLabel()
        self.total_label.setObjectName("workshopTotal")
        self.departments_label = QLabel()
        self.departments_label.setObjectName("workshopDepartments")
        self.departments_label.setTextFormat(Qt.TextFormat.RichText)
        # On a narrow projector the numbers wrap onto a second line rather than being cut off.
        for label in (self.total_label, self.departments_label):
            label.setWordWrap(True)
        # The status bar is hidden in a workshop: a refused edit is said here instead.
        self.message_label = QLabel()
        self.message_label.setObjectName("workshopMessage")
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        self.message_timer = QTimer(self)
        self.message_timer.setSingleShot(True)
        self.message_timer.setInterval(MESSAGE_SHOWN_MS)
        self.message_timer.timeout.connect(self.message_label.hide)
        self.roles_button = QPushButton(self.tr("Roles"))
        self.roles_button.setObjectName("workshopRoles")
        self.roles_button.setCheckable(True)
        self.roles_button.setToolTip(self.tr("Show the role palette to drop new roles"))
        self.roles_button.toggled.connect(self.roles_toggled)
        leave = QPushButton(self.tr("Leave (Esc)"))
        leave.setObjectName("workshopLeave")
        leave.clicked.connect(self.leave_requested)
        layout.addWidget(self.total_label, 2)
        layout.addSpacing(24)
        layout.addWidget(self.departments_label, 3)
        layout.addWidget(self.roles_button)
        layout.addWidget(leave)
        rows.addWidget(self.message_label)  # a full line above the numbers, when there is one
        rows.addLayout(layout)
        controller.plan_changed.connect(self.refresh)

    def show_message(self, message: str) -> None:
        """Show a message (a refused edit) for a few seconds, where the room can read it."""
        background = self.palette().color(self.backgroundRole())
        colour = readable_name(STATUS_COLOURS[RED], background)
        set_text_colour(self.message_label, colour)
        self.message_label.setText(message)
        self.message_label.show()
        self.message_timer.start()

    def refresh(self) -> None:
        if not self.isVisible():
            return  # refreshed when shown: the strip costs nothing outside workshops
        summary = self.controller.editor.summary()
        currency = summary.plan.currency
        goal = summary.inputs.goal
        deliverable = summary.capacity.deliverable_revenue
        coverage = deliverable / goal if goal > 0 else None
        self.total_label.setText(
            fill(
                self.tr("%1 of %2 goal (%3)"),
                format_money(deliverable, currency),
                format_money(goal, currency),
                format_percent(coverage),
            )
        )
        strip_background = self.palette().color(self.backgroundRole())
        colour = readable_name(STATUS_COLOURS[status_of(coverage)], strip_background)
        set_text_colour(self.total_label, colour)
        names = self.controller.editor.departments_by_key()
        parts = []
        for key in CHARTED_DEPARTMENTS:
            department = summary.capacity.departments[key]
            name = names[key].name(self.controller.language) if key in names else key
            dot = readable_name(STATUS_COLOURS[department.status], strip_background)
            # Non-breaking: a narrow strip wraps between departments, never inside one.
            text = f"{name} {format_percent(department.coverage)}".replace(" ", "&nbsp;")
            parts.append(f"<span style='color:{dot}'>●</span>&nbsp;{text}")
        self.departments_label.setText(" &nbsp; ".join(parts))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()


def set_text_colour(label: QLabel, colour: str) -> None:
    """Colour a label's text through its palette: a style sheet would also reset the label's
    font to the application's when the strip is shown again (measured: 18 pt became 9 pt)."""
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
    label.setPalette(palette)


@dataclass
class _WindowState:
    """What entering the workshop changed, to put back on leaving."""

    geometry: QByteArray
    dock_state: QByteArray
    was_full_screen: bool
    menu_visible: bool
    status_visible: bool
    hidden: list[QWidget]
    transform: QTransform  # the user's zoom
    centre: QPointF  # the point of the chart at the middle of the view


class WorkshopMode(QObject):
    """Enters and leaves workshop mode on a main window holding `view` and `strip`."""

    active_changed = Signal(bool)

    def __init__(self, window: QMainWindow, view: ChartView, strip: WorkshopStrip) -> None:
        super().__init__(window)
        self.window = window
        self.view = view
        self.strip = strip
        self._saved: _WindowState | None = None
        strip.hide()
        strip.leave_requested.connect(self.leave)
        strip.roles_toggled.connect(self._show_roles)

    @property
    def active(self) -> bool:
        return self._saved is not None

    def toggle(self) -> None:
        if self.active:
            self.leave()
        else:
            self.enter()

    def enter(self) -> None:
        if self.active:
            return
        window = self.window
        panels: list[QWidget] = [
            w
            for w in window.findChildren(QDockWidget) + window.findChildren(QToolBar)
            if w.isVisible() and w.parentWidget() is window
        ]
        self._saved = _WindowState(
            geometry=window.saveGeometry(),
            dock_state=window.saveState(),
            was_full_screen=window.isFullScreen(),
            menu_visible=window.menuBar().isVisible(),
            status_visible=window.statusBar().isVisible(),
            hidden=panels,
            transform=self.view.transform(),
            centre=self.view.mapToScene(self.view.viewport().rect().center()),
        )
        for widget in panels:
            widget.hide()
        window.menuBar().hide()
        window.statusBar().hide()
        self.strip.roles_button.setChecked(False)
        self.strip.show()
        # The full-screen size arrives with later events: fit again whenever the chart's area
        # changes size during the workshop (see eventFilter).
        self.view.viewport().installEventFilter(self)
        window.showFullScreen()
        self.fit_large()
        self.view.setFocus()
        self.active_changed.emit(True)

    def leave(self) -> None:
        saved = self._saved
        if saved is None:
            return
        self._saved = None
        self.view.viewport().removeEventFilter(self)
        self.strip.hide()
        window = self.window
        # Bars opened during the workshop (Find) stay open: restoreState would close them.
        opened = [
            bar
            for bar in window.findChildren(QToolBar)
            if bar.isVisible() and bar.parentWidget() is window and bar not in saved.hidden
        ]
        window.menuBar().setVisible(saved.menu_visible)
        window.statusBar().setVisible(saved.status_visible)
        if not saved.was_full_screen:
            window.showNormal()
        window.restoreState(saved.dock_state)
        window.restoreGeometry(saved.geometry)
        for widget in [*saved.hidden, *opened]:
            widget.show()
        self._restore_view(saved)
        self.active_changed.emit(False)

    def _restore_view(self, saved: _WindowState) -> None:
        """Back to the zoom and the place the user left; once more when the window has its
        old size (it arrives with later events)."""
        self.view.setTransform(saved.transform)
        self.view.centerOn(saved.centre)
        QTimer.singleShot(0, self.view, lambda: self.view.centerOn(saved.centre))

    def fit_large(self) -> None:
        """The whole chart when it fits at a readable size, drawn up to 1.6 times larger."""
        if not self.active:
            return
        view = self.view
        rect = view.chart_rect()
        if rect.isEmpty():
            return
        view.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        zoom = min(WORKSHOP_MAX_ZOOM, max(workshop_zoom_floor(), view.zoom()))
        view.resetTransform()
        view.scale(zoom, zoom)
        if view.zoom() * rect.width() > view.viewport().width():
            # Too wide even so: start at the top of the chart, where its leaders are.
            view.centerOn(rect.center().x(), rect.top() + view.viewport().height() / 2 / zoom)
        else:
            view.centerOn(rect.center())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.active:
            self.fit_large()
        return False

    def _show_roles(self, shown: bool) -> None:
        dock = self.window.findChild(QDockWidget, "rolesDock")
        if dock is not None:
            dock.setVisible(shown)
