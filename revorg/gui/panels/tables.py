"""Read-only and editable tables of the planning panels, set up alike."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableWidget, QWidget

ROW_HEIGHT = 22


def make_table(name: str, headers: list[str], parent: QWidget | None = None) -> QTableWidget:
    """A table with compact rows (a workshop wants many on screen) and sized columns."""
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    table.setAlternatingRowColors(True)
    return table
