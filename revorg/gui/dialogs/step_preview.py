"""The plan as it was after a step of its history: a picture of the chart and its numbers,
read-only (nothing in it can be edited; Restore as new scenario makes it a scenario)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGraphicsScene,
    QGraphicsView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class PictureView(QGraphicsView):
    """The chart's picture, fitted to the window; the wheel zooms."""

    def __init__(self, picture: QPixmap, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        scene = QGraphicsScene(self)
        scene.addPixmap(picture)
        self.setScene(scene)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.fitted = True

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fitted:
            self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.fitted = False
        factor = 1.15 if event.angleDelta().y() > 0 else 1 / 1.15
        self.scale(factor, factor)


class StepPreviewDialog(QDialog):
    """`numbers`: (label, value) pairs in the interface language, as the window shows them."""

    def __init__(
        self,
        title: str,
        heading: str,
        picture: QPixmap,
        numbers: list[tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("stepPreview")
        self.setWindowTitle(title)
        label = QLabel(heading)
        label.setWordWrap(True)
        self.view = PictureView(picture, self)
        form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        for name, value in numbers:
            shown = QLabel(value)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[name] = shown
            form.addRow(name, shown)
        self.restore_button = QPushButton(self.tr("Restore as new scenario…"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.view, 1)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(1000, 720)
