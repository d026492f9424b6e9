"""The plan's snapshots (Scenario > Snapshots…): when, by whom, of which scenario, the goal and
the gap; restore one as a new scenario, or delete it. Both are edits (one undo step each)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import QDateTime, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from revorg.gui.controller import PlanController
from revorg.gui.dialogs.prompts import ask_scenario_name
from revorg.gui.labels import copy_name_templates
from revorg.gui.numbers import format_money
from revorg.model.editing import requests
from revorg.model.scenarios import unique_copy_name
from revorg.model.snapshots import snapshot_info
from revorg.model.summary import summarize

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
SNAPSHOT_ID = Qt.ItemDataRole.UserRole


def ask_snapshot_name(parent: QWidget, title: str, current: str) -> str | None:
    """A snapshot's name, or None when the user cancels."""
    name, accepted = QInputDialog.getText(
        parent, title, QApplication.translate("Dialogs", "Snapshot name:"), text=current
    )
    return name if accepted else None


def taken_at_text(iso_utc: str) -> str:
    """A snapshot's UTC time as the user's locale writes a local date and time."""
    moment = QDateTime.fromString(iso_utc, Qt.DateFormat.ISODate)
    if not moment.isValid():
        return iso_utc
    return QLocale().toString(moment.toLocalTime(), QLocale.FormatType.ShortFormat)


class SnapshotsDialog(QDialog):
    """Lists the snapshots, oldest first, and follows edits (a snapshot taken, deleted, undone)."""

    def __init__(
        self,
        controller: PlanController,
        guarded: Callable[[Callable[[], object]], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("snapshotsDialog")
        self.setWindowTitle(self.tr("Snapshots"))
        self.controller = controller
        self.guarded = guarded
        # Replaced in tests; the real question otherwise.
        self.ask_name: Callable[[QWidget, str, str], str | None] = ask_scenario_name
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("snapshotsTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Snapshot"),
                self.tr("Of scenario"),
                self.tr("Taken"),
                self.tr("By"),
                self.tr("Revenue goal"),
                self.tr("Gap to goal"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        # Not bold when a row is selected: the widths are measured in the regular font.
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(
            self.tr("No snapshots yet: Scenario > Take snapshot… keeps the scenario as it is now.")
        )
        self.empty.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("&Restore as new scenario…"))
        self.delete_button = QPushButton(self.tr("&Delete snapshot"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.table.itemSelectionChanged.connect(self._enable)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.resize(820, 320)
        controller.scenarios_changed.connect(self.refresh)
        controller.document_replaced.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        editor = self.controller.editor
        chosen = self.selected_id()
        snapshots = list(editor.document.plan.snapshots)
        currency = editor.document.plan.currency
        self.table.setRowCount(0)
        for snapshot in snapshots:
            info = snapshot_info(snapshot)
            outcome = summarize(editor.session, snapshot, editor.language).outcome
            row = self.table.rowCount()
            self.table.insertRow(row)
            texts = [
                info.name,
                info.source,
                taken_at_text(info.taken_at),
                info.taken_by,
                _money(snapshot.targets.goal, currency),
                _money(outcome.gap, currency),
            ]
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(SNAPSHOT_ID, snapshot.id)
                if column >= 4:
                    item.setTextAlignment(RIGHT)
                self.table.setItem(row, column, item)
            if snapshot.id == chosen:
                self.table.selectRow(row)
        if self.selected_id() is None and snapshots:
            self.table.selectRow(0)
        self.empty.setVisible(not snapshots)
        self._enable()

    def selected_id(self) -> int | None:
        items = self.table.selectedItems()
        return int(items[0].data(SNAPSHOT_ID)) if items else None

    def restore_selected(self) -> None:
        snapshot_id = self.selected_id()
        if snapshot_id is None:
            return
        editor = self.controller.editor
        plan = editor.document.plan
        snapshot = next(s for s in plan.snapshots if s.id == snapshot_id)
        suggested = unique_copy_name(plan, snapshot.name, *copy_name_templates())
        name = self.ask_name(self, self.tr("Restore as new scenario"), suggested)
        if name is None:
            return
        self.guarded(
            lambda: self.controller.push(requests.restore_snapshot(editor, snapshot_id, name))
        )

    def delete_selected(self) -> None:
        snapshot_id = self.selected_id()
        if snapshot_id is not None:
            editor = self.controller.editor
            self.guarded(
                lambda: self.controller.push(requests.delete_snapshot(editor, snapshot_id))
            )

    def _enable(self) -> None:
        chosen = self.selected_id() is not None
        self.restore_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)


def _money(value: Decimal, currency: str) -> str:
    return format_money(value, currency)
