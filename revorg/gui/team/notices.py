"""A bar above the chart that says what happened to the user's edits on a team plan: a refused
edit (who changed it, when, and the user's value offered again) or a server that cannot be
reached (changes waiting). Unlike the status bar it stays until the user or the state moves on:
a message about a change the user could lose must not fade after eight seconds."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class TeamNotice(QFrame):
    """One message with an optional action button and a close button (hidden until shown)."""

    action_requested = Signal()

    def __init__(self, name: str, tone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        colours = {
            "warning": ("#fff4ce", "#c19c00"),  # the server cannot be reached
            "refused": ("#fde7e9", "#c50f1f"),  # a teammate's change came first
        }
        background, border = colours[tone]
        self.setStyleSheet(
            f"#{name} {{ background: {background}; border: 1px solid {border}; }}"
            f" #{name} QLabel {{ color: #201f1e; }}"
        )
        self.label = QLabel()
        self.label.setObjectName(f"{name}Text")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.action_button = QPushButton()
        self.action_button.setObjectName(f"{name}Action")
        self.action_button.clicked.connect(self.action_requested)
        self.close_button = QPushButton(self.tr("Dismiss"))
        self.close_button.setObjectName(f"{name}Close")
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.action_button)
        layout.addWidget(self.close_button)
        self.hide()

    def show_message(self, text: str, action: str | None = None, closable: bool = True) -> None:
        self.label.setText(text)
        self.action_button.setVisible(action is not None)
        if action is not None:
            self.action_button.setText(action)
        self.close_button.setVisible(closable)
        self.show()
