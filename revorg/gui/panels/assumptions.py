"""The scenario's planning assumptions (quotas, books, meetings, ramps...), each with its source;
values are edited in place, each change one undoable edit."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from revorg.gui.controller import PlanController
from revorg.gui.labels import error_text, metric_label
from revorg.gui.numbers import format_exact, parse_number
from revorg.gui.panels.tables import make_table
from revorg.model.capacity import PLAN_WIDE
from revorg.model.catalogue import translated_source
from revorg.model.editing.change import Change, needs
from revorg.model.errors import PlanEditError
from revorg.model.vocabulary import RATE_METRICS

PERCENT_METRICS = RATE_METRICS  # shown and typed in percent
VALUE_COLUMN = 2
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ID_ROLE = Qt.ItemDataRole.UserRole


class AssumptionsPanel(QWidget):
    error = Signal(str)

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assumptionsPanel")
        self.controller = controller
        self.table = make_table(
            "assumptionsTable",
            [self.tr("Role"), self.tr("Assumption"), self.tr("Value"), self.tr("Source")],
        )
        self.table.setAccessibleName(self.tr("Assumptions by role"))
        self.table.setEditTriggers(
            QTableWidget.EditTrigger.DoubleClicked
            | QTableWidget.EditTrigger.EditKeyPressed
            | QTableWidget.EditTrigger.AnyKeyPressed
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.table)
        self.table.itemChanged.connect(self._value_edited)
        controller.plan_changed.connect(self._plan_changed)
        self.refresh()

    def metric_label(self, metric: str) -> str:
        return metric_label(metric)

    def _plan_changed(self, change: Change | None) -> None:
        if needs(change, assumptions=True):
            self.refresh()

    def refresh(self) -> None:
        roles = self.controller.editor.roles_by_key()
        language = self.controller.language
        assumptions = list(self.controller.editor.scenario.assumptions)
        order = {key: index for index, key in enumerate(roles)}
        assumptions.sort(key=lambda a: (order.get(a.role_key, -1), a.metric))
        self.table.blockSignals(True)
        self.table.setRowCount(len(assumptions))
        for row, assumption in enumerate(assumptions):
            role = roles.get(assumption.role_key)
            role_name = (
                self.tr("Whole plan")
                if assumption.role_key == PLAN_WIDE
                else (role.name(language) if role else assumption.role_key)
            )
            value = assumption.value
            shown = value * 100 if assumption.metric in PERCENT_METRICS else value
            cells = [role_name, self.metric_label(assumption.metric), format_exact(shown, 4)]
            cells.append(translated_source(assumption.source, language))
            for column, text in enumerate(cells):
                # Items are reused, never replaced: refresh runs inside their itemChanged.
                item = self.table.item(row, column)
                if item is None:
                    item = QTableWidgetItem()
                    self.table.setItem(row, column, item)
                item.setText(text)
                item.setData(ID_ROLE, assumption.id)
                if column == VALUE_COLUMN:
                    item.setTextAlignment(RIGHT)
                item.setToolTip(translated_source(assumption.source, language))
                if column != VALUE_COLUMN:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                else:
                    item.setData(Qt.ItemDataRole.UserRole + 1, assumption.metric)
        self.table.blockSignals(False)

    def _value_edited(self, item: QTableWidgetItem) -> None:
        if item.column() != VALUE_COLUMN:
            return
        metric = item.data(Qt.ItemDataRole.UserRole + 1)
        try:
            value = parse_number(item.text())
            if metric in PERCENT_METRICS:
                value /= 100
            self.controller.set_assumption(int(item.data(ID_ROLE)), value)
        except (ValueError, PlanEditError) as error:
            self.error.emit(error_text(error))
        self.refresh()
