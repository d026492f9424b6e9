"""The role catalogue: grouped by department, filterable, a drag source of role keys."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QMimeData, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from revorg.gui.mime import ROLE_MIME_TYPE
from revorg.gui.theme import readable
from revorg.model.entities import Department, RoleType

ROLE_KEY = Qt.ItemDataRole.UserRole


class RoleTree(QTreeWidget):
    """A tree whose role rows drag out as application/x-revorg-role."""

    role_activated = Signal(str)

    def mimeTypes(self) -> list[str]:
        return [ROLE_MIME_TYPE]

    def mimeData(self, items: Sequence[QTreeWidgetItem]) -> QMimeData:
        data = QMimeData()
        keys = [item.data(0, ROLE_KEY) for item in items if item.data(0, ROLE_KEY)]
        if keys:
            data.setData(ROLE_MIME_TYPE, QByteArray(keys[0].encode("utf-8")))
        return data

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        is_enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if is_enter and item is not None and item.data(0, ROLE_KEY):
            self.role_activated.emit(item.data(0, ROLE_KEY))
            event.accept()
            return
        super().keyPressEvent(event)


class RolePalette(QWidget):
    role_activated = Signal(str)  # double-click or Enter: add under the selected card

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rolePalette")
        self.filter_box = QLineEdit(self)
        self.filter_box.setObjectName("roleFilter")
        self.filter_box.setPlaceholderText(self.tr("Filter roles…"))
        self.filter_box.setClearButtonEnabled(True)
        self.tree = RoleTree(self)
        self.tree.setHeaderHidden(True)
        self.tree.setDragEnabled(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.tree)
        self.filter_box.textChanged.connect(self.apply_filter)
        self.tree.itemDoubleClicked.connect(self._on_double_click)
        self.tree.role_activated.connect(self.role_activated)

    def populate(
        self, departments: Sequence[Department], roles: Sequence[RoleType], language: str
    ) -> None:
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for department in departments:
            group = QTreeWidgetItem([department.name(language)])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            group.setForeground(0, QBrush(readable(department.color)))
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            groups[department.key] = group
            self.tree.addTopLevelItem(group)
        for role in roles:
            parent = groups.get(role.department_key)
            if parent is None:
                continue
            item = QTreeWidgetItem([role.name(language)])
            item.setData(0, ROLE_KEY, role.key)
            item.setToolTip(0, role.description(language))
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDragEnabled
            )
            item.setData(0, Qt.ItemDataRole.DecorationRole, QColor(role.department.color))
            parent.addChild(item)
        self.tree.expandAll()
        self.apply_filter(self.filter_box.text())

    def apply_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for group in self._groups():
            shown = 0
            for child in self._children(group):
                haystack = f"{child.text(0)} {child.data(0, ROLE_KEY)} {child.toolTip(0)}"
                visible = not needle or needle in haystack.casefold()
                child.setHidden(not visible)
                shown += visible
            group.setHidden(shown == 0)

    def role_items(self) -> list[QTreeWidgetItem]:
        return [child for group in self._groups() for child in self._children(group)]

    def _groups(self) -> list[QTreeWidgetItem]:
        items = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [item for item in items if item is not None]

    @staticmethod
    def _children(group: QTreeWidgetItem) -> list[QTreeWidgetItem]:
        items = (group.child(i) for i in range(group.childCount()))
        return [item for item in items if item is not None]

    def _on_double_click(self, item: QTreeWidgetItem, _column: int) -> None:
        key = item.data(0, ROLE_KEY)
        if key:
            self.role_activated.emit(key)
