"""The breadcrumb over a focused chart: the whole organisation, the managers above the team in
focus, and the team itself. A click on a step focuses that team (or shows everything)."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from revorg.gui.chart.scene import ChartScene

SEPARATOR = "›"


class Breadcrumb(QWidget):
    """Hidden while the whole chart shows."""

    def __init__(self, scene: ChartScene, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartBreadcrumb")
        self.scene = scene
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(8, 2, 8, 2)
        self.row.setSpacing(2)
        self.steps: list[QToolButton] = []  # the buttons, for tests and keyboard users
        scene.focus_changed.connect(self.refresh)
        self.refresh()

    def path(self) -> list[int]:
        """The managers from the top of the organisation down to the team in focus."""
        focus = self.scene.focus
        if focus is None:
            return []
        above = list(self.scene.plan.tree().ancestors(focus))
        return [*reversed(above), focus]

    def refresh(self) -> None:
        while self.row.count():
            item = self.row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.steps = []
        path = self.path()
        self.setVisible(bool(path))
        if not path:
            return
        positions = self.scene.plan.positions()
        self._add_step(self.tr("Whole organisation"), None)
        for position_id in path:
            self.row.addWidget(QLabel(SEPARATOR))
            row = positions.get(position_id)
            title = row.title if row is not None else str(position_id)
            self._add_step(title, position_id, current=position_id == path[-1])
        self.row.addStretch(1)

    def _add_step(self, text: str, position_id: int | None, current: bool = False) -> None:
        button = QToolButton(self)
        button.setText(text)
        button.setAutoRaise(True)
        if current:
            font = button.font()
            font.setBold(True)
            button.setFont(font)
            button.setEnabled(False)
        else:
            button.clicked.connect(partial(self.scene.set_focus, position_id))
        self.row.addWidget(button)
        self.steps.append(button)
