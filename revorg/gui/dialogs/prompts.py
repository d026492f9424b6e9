"""Small dialogs: choose a template, choose a role, and how to delete a card with reports."""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from revorg.gui.i18n import fill
from revorg.model.entities import RoleType
from revorg.model.templates import TemplateInfo

KEY = Qt.ItemDataRole.UserRole


class _PickerDialog(QDialog):
    """A filterable list with OK and Cancel; the chosen item's key is `chosen_key()`."""

    def __init__(self, title: str, prompt: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.filter_box = QLineEdit()
        # Not self.tr(): PySide looks up the subclass's name, which lupdate cannot know here.
        self.filter_box.setPlaceholderText(QApplication.translate("Dialogs", "Filter…"))
        self.list = QListWidget()
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(prompt))
        layout.addWidget(self.filter_box)
        layout.addWidget(self.list)
        layout.addWidget(self.detail)
        layout.addWidget(buttons)
        self.filter_box.textChanged.connect(self._filter)
        self.list.currentItemChanged.connect(self._show_detail)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self.resize(460, 420)

    def add(self, key: str, text: str, detail: str) -> None:
        item = QListWidgetItem(text)
        item.setData(KEY, key)
        item.setToolTip(detail)
        self.list.addItem(item)
        if self.list.count() == 1:
            self.list.setCurrentItem(item)

    def chosen_key(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None or item.isHidden() else str(item.data(KEY))

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        first_visible = None
        for index in range(self.list.count()):
            item = self.list.item(index)
            visible = not needle or needle in f"{item.text()} {item.data(KEY)}".casefold()
            item.setHidden(not visible)
            if visible and first_visible is None:
                first_visible = item
        if first_visible is not None:
            self.list.setCurrentItem(first_visible)

    def _show_detail(self, item: QListWidgetItem | None) -> None:
        self.detail.setText(item.toolTip() if item is not None else "")


class TemplateDialog(_PickerDialog):
    def __init__(
        self, templates: Sequence[TemplateInfo], language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            self.tr("New plan from template"), self.tr("Start from one of these plans:"), parent
        )
        for info in templates:
            self.add(info.key, info.name(language), info.description(language))


class RolePickerDialog(_PickerDialog):
    def __init__(
        self, roles: Sequence[RoleType], language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            self.tr("Add a direct report"), self.tr("Role of the new position:"), parent
        )
        for role in roles:
            self.add(role.key, role.name(language), role.description(language))


class DeleteChoice(Enum):
    CANCEL = 0
    SUBTREE = 1
    KEEP_REPORTS = 2


class DeleteWords(QObject):
    """Counts said with Qt's plural forms: lupdate marks them only in a QObject's tr()."""

    def people_below(self, title: str, count: int) -> str:
        return fill(self.tr("“%1” has %Ln people below it.", "", count), title)


def ask_delete_choice(parent: QWidget, title: str, reports_below: int) -> DeleteChoice:
    """A card with reports: delete them too, or move them up to the card's manager?"""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QApplication.translate("Dialogs", "Delete position"))
    box.setText(DeleteWords().people_below(title, reports_below))
    box.setInformativeText(
        QApplication.translate("Dialogs", "Delete them too, or move its direct reports up a level?")
    )
    subtree = box.addButton(
        QApplication.translate("Dialogs", "Delete all"), QMessageBox.ButtonRole.DestructiveRole
    )
    keep = box.addButton(
        QApplication.translate("Dialogs", "Move reports up"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(keep)
    box.exec()
    clicked = box.clickedButton()
    if clicked is subtree:
        return DeleteChoice.SUBTREE
    if clicked is keep:
        return DeleteChoice.KEEP_REPORTS
    return DeleteChoice.CANCEL


def ask_save_changes(parent: QWidget, plan_name: str) -> QMessageBox.StandardButton:
    """Save, Discard or Cancel for a plan with unsaved changes."""
    return QMessageBox.question(
        parent,
        QApplication.translate("Dialogs", "Unsaved changes"),
        fill(QApplication.translate("Dialogs", "Save the changes to “%1”?"), plan_name),
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
    )


def ask_scenario_name(parent: QWidget, title: str, current: str) -> str | None:
    """A scenario name, or None when the user cancels."""
    name, accepted = QInputDialog.getText(
        parent, title, QApplication.translate("Dialogs", "Scenario name:"), text=current
    )
    return name if accepted else None


def ask_card_title(parent: QWidget, current: str) -> str | None:
    """A card's new title, or None when the user cancels (used where the inspector is hidden)."""
    title, accepted = QInputDialog.getText(
        parent,
        QApplication.translate("Dialogs", "Rename card"),
        QApplication.translate("Dialogs", "Title:"),
        text=current,
    )
    return title if accepted else None


def confirm_delete_scenario(parent: QWidget, name: str) -> bool:
    answer = QMessageBox.question(
        parent,
        QApplication.translate("Dialogs", "Delete scenario"),
        fill(
            QApplication.translate(
                "Dialogs",
                "Delete the scenario “%1” with its organisation and targets? "
                "(Undo brings it back.)",
            ),
            name,
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
