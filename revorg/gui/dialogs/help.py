"""Help > Keyboard shortcuts, Help > About, and the welcome shown on the first start."""

from __future__ import annotations

import platform
import re
from collections.abc import Iterable, Sequence
from enum import Enum

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from revorg import __version__
from revorg.gui.i18n import fill, translate
from revorg.model.templates import TemplateInfo

KEY = Qt.ItemDataRole.UserRole
# Chinese and Japanese menus add the accelerator letter in brackets: "撤销(&U)".
_CJK_ACCELERATOR = re.compile(r"\(&[^&]\)")


def without_accelerator(text: str) -> str:
    """A menu text as words: "撤销(&U)" -> "撤销", "D&uplicate" -> "Duplicate", "&&" -> "&"."""
    text = _CJK_ACCELERATOR.sub("", text)
    return text.replace("&&", "\x00").replace("&", "").replace("\x00", "&")


def action_shortcuts(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    """(what it does, keys) for every action with a shortcut, as the menus show them."""
    rows = []
    for action in actions:
        keys = [k for k in action.shortcuts() if not k.isEmpty()]
        if not keys or not action.text():
            continue
        # An action whose text changes (Undo <step>) names itself in a property.
        text = without_accelerator(str(action.property("shortcutName") or action.text()))
        shown = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
        rows.append((text.rstrip("…").strip(), shown))
    return rows


class ShortcutsDialog(QDialog):
    """Every shortcut of the window's actions (read from them, so never out of date), and the
    mouse gestures of the chart."""

    def __init__(self, actions: Sequence[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = action_shortcuts(actions) + self._chart_gestures()
        self.table = QTableWidget(len(rows), 2)
        self.table.setObjectName("shortcutsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys or mouse")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (text, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(text))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 620)

    def _chart_gestures(self) -> list[tuple[str, str]]:
        return [
            (self.tr("Move a card to another manager"), self.tr("Drag it onto the manager")),
            (self.tr("Add a role"), self.tr("Drag it from Roles onto a card")),
            (self.tr("Select the next card"), self.tr("Arrow keys")),
            (self.tr("Zoom"), self.tr("Ctrl + mouse wheel")),
            (self.tr("Collapse or expand a team"), self.tr("Double-click the manager")),
        ]


def show_about(parent: QWidget) -> None:
    QMessageBox.about(parent, translate("About", "About RevOrg"), about_text())


def about_text() -> str:
    """Version, what it is for, where the data lives, what it runs on."""
    purpose = translate(
        "About",
        "Design a revenue organisation and its plan: the org chart, the targets of marketing, "
        "sales and customer success, what the people can deliver, what they cost and which "
        "hires close the gap.",
    )
    privacy = translate(
        "About", "Plans are .revorg files on this computer; RevOrg works offline and sends nothing."
    )
    versions = (
        f"Python {platform.python_version()} · Qt {qVersion()} · PySide {PySide6.__version__}"
    )
    return fill(
        "<h3>RevOrg %1</h3><p>%2</p><p>%3</p><p><small>%4</small></p>",
        __version__,
        purpose,
        privacy,
        versions,
    )


class WelcomeChoice(Enum):
    DEMO = 0  # keep the demo plan that is open
    TEMPLATE = 1
    OPEN = 2


class WelcomeDialog(QDialog):
    """The first start: what RevOrg is, and where to begin (a template, a file, the demo)."""

    def __init__(
        self, templates: Sequence[TemplateInfo], language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("welcomeDialog")
        self.setWindowTitle(self.tr("Welcome to RevOrg"))
        self.choice = WelcomeChoice.DEMO
        intro = QLabel(
            self.tr(
                "Design your revenue organisation: drag roles into the chart, set the revenue "
                "goal and each department's targets, and see at once whether the people on "
                "the chart can deliver them. Start from a template:"
            )
        )
        intro.setWordWrap(True)
        self.templates = QListWidget()
        self.templates.setObjectName("welcomeTemplates")
        for info in templates:
            item = QListWidgetItem(info.name(language))
            item.setData(KEY, info.key)
            item.setToolTip(info.description(language))
            self.templates.addItem(item)
        self.templates.setCurrentRow(0)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.templates.currentItemChanged.connect(
            lambda item, _old: self.detail.setText(item.toolTip() if item else "")
        )
        self.detail.setText(self.templates.currentItem().toolTip() if templates else "")
        self.templates.itemDoubleClicked.connect(lambda _item: self._choose(WelcomeChoice.TEMPLATE))
        buttons = QDialogButtonBox()
        start = QPushButton(self.tr("Start from this template"))
        start.setObjectName("welcomeStart")
        start.setDefault(True)
        open_button = QPushButton(self.tr("Open a plan…"))
        open_button.setObjectName("welcomeOpen")
        demo = QPushButton(self.tr("Explore the demo plan"))
        demo.setObjectName("welcomeDemo")
        buttons.addButton(start, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(demo, QDialogButtonBox.ButtonRole.RejectRole)
        start.clicked.connect(lambda: self._choose(WelcomeChoice.TEMPLATE))
        open_button.clicked.connect(lambda: self._choose(WelcomeChoice.OPEN))
        demo.clicked.connect(lambda: self._choose(WelcomeChoice.DEMO))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.templates)
        layout.addWidget(self.detail)
        layout.addWidget(buttons)
        self.resize(520, 440)

    def chosen_template(self) -> str | None:
        item = self.templates.currentItem()
        return None if item is None else str(item.data(KEY))

    def _choose(self, choice: WelcomeChoice) -> None:
        self.choice = choice
        self.accept()
