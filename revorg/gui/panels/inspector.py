"""The inspector: edits the selected position. Every change becomes one undoable edit."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from revorg.gui.controller import PlanController
from revorg.gui.i18n import month_label
from revorg.gui.labels import error_text
from revorg.gui.numbers import format_exact, parse_number
from revorg.gui.panels.photo_field import PhotoField
from revorg.model.money import ZERO, to_money
from revorg.model.months import FiscalYear, YearMonth

NO_MANAGER = -1


class NotesEdit(QPlainTextEdit):
    """Multi-line notes, committed when the field loses focus."""

    committed = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.committed.emit()


class ManagerCombo(QComboBox):
    """Lists every other position only when opened: a 10,000-entry list per selection is waste."""

    def __init__(self, inspector: Inspector) -> None:
        super().__init__(inspector)
        self.inspector = inspector

    def showPopup(self) -> None:
        self.inspector.fill_manager_choices()
        super().showPopup()


class Inspector(QWidget):
    edit_requested = Signal(int, dict)  # position id, {field: new value}
    dotted_line_requested = Signal(int, int, bool)  # from id, to id, add (True) or remove
    history_requested = Signal(int)  # a position id: show its changes in every scenario
    error = Signal(str)

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspector")
        self.controller = controller
        self.position_id: int | None = None
        self._build()
        self.show_position(None)

    def _build(self) -> None:
        self.heading = QLabel(self.tr("No position selected"))
        self.heading.setWordWrap(True)
        self.title_edit = QLineEdit()
        self.role_combo = QComboBox()
        self.person_edit = QLineEdit()
        self.person_edit.setPlaceholderText(self.tr("Open position (vacancy)"))
        self.email_edit = QLineEdit()
        self.email_edit.setObjectName("emailEdit")
        self.email_edit.setPlaceholderText(self.tr("name@company.com: matches CRM deal owners"))
        self.headcount_spin = QSpinBox()
        self.headcount_spin.setRange(1, 10_000)
        self.start_combo = QComboBox()
        self.cost_edit = QLineEdit()
        self.capacity_edit = QLineEdit()
        self.capacity_edit.setPlaceholderText(self.tr("from the role's assumptions"))
        self.manager_combo = ManagerCombo(self)
        self.staff_check = QCheckBox(self.tr("Staff of the manager (drawn beside)"))
        self.staff_check.setObjectName("staffCheck")
        self.notes_edit = NotesEdit()
        self.notes_edit.setMaximumHeight(48)
        self.dotted_list = QListWidget()
        self.dotted_list.setMaximumHeight(44)
        self.dotted_combo = ManagerCombo(self)
        self.dotted_add = QPushButton(self.tr("Add"))
        self.dotted_remove = QPushButton(self.tr("Remove"))
        dotted_row = QHBoxLayout()
        dotted_row.addWidget(self.dotted_combo, 1)
        dotted_row.addWidget(self.dotted_add)
        dotted_row.addWidget(self.dotted_remove)
        self.history_button = QPushButton(self.tr("History of this position…"))
        self.history_button.setObjectName("positionHistoryButton")
        self.photo_field = PhotoField(self.controller, self)

        form = QFormLayout()
        form.setVerticalSpacing(3)  # both panels share the right column with the chart
        form.addRow(self.tr("Photo"), self.photo_field)
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Role"), self.role_combo)
        form.addRow(self.tr("Person"), self.person_edit)
        form.addRow(self.tr("Email"), self.email_edit)
        form.addRow(self.tr("Headcount"), self.headcount_spin)
        form.addRow(self.tr("Starts"), self.start_combo)
        form.addRow(self.tr("Annual cost per head"), self.cost_edit)
        form.addRow(self.tr("Capacity override"), self.capacity_edit)
        form.addRow(self.tr("Manager"), self.manager_combo)
        form.addRow("", self.staff_check)
        form.addRow(self.tr("Notes"), self.notes_edit)
        form.addRow(self.tr("Dotted lines to"), self.dotted_list)
        form.addRow("", dotted_row)
        history_row = QHBoxLayout()
        history_row.addWidget(self.history_button)
        history_row.addStretch(1)
        form.addRow("", history_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addStretch(1)

        self.title_edit.editingFinished.connect(lambda: self._commit("title"))
        self.person_edit.editingFinished.connect(lambda: self._commit("person_name"))
        self.email_edit.editingFinished.connect(lambda: self._commit("email"))
        self.headcount_spin.editingFinished.connect(lambda: self._commit("headcount"))
        self.cost_edit.editingFinished.connect(lambda: self._commit("annual_cost"))
        self.capacity_edit.editingFinished.connect(lambda: self._commit("capacity_override"))
        self.notes_edit.committed.connect(lambda: self._commit("notes"))
        self.role_combo.activated.connect(lambda _index: self._commit("role_key"))
        self.start_combo.activated.connect(lambda _index: self._commit("start_month"))
        self.manager_combo.activated.connect(lambda _index: self._commit_manager())
        self.staff_check.clicked.connect(self._commit_staff)
        self.dotted_add.clicked.connect(self._add_dotted_line)
        self.dotted_remove.clicked.connect(self._remove_dotted_line)
        self.history_button.clicked.connect(self._show_history)

    # --- showing ----------------------------------------------------------------------------

    def fields(self) -> list[QWidget]:
        return [
            self.title_edit,
            self.role_combo,
            self.person_edit,
            self.email_edit,
            self.headcount_spin,
            self.start_combo,
            self.cost_edit,
            self.capacity_edit,
            self.manager_combo,
            self.staff_check,
            self.notes_edit,
            self.dotted_list,
            self.dotted_combo,
            self.dotted_add,
            self.dotted_remove,
            self.history_button,
        ]

    def show_position(self, position_id: int | None) -> None:
        positions = self.controller.editor.positions()
        if position_id not in positions:
            position_id = None
        self.position_id = position_id
        self.photo_field.show_position(position_id)
        for widget in self.fields():
            widget.setEnabled(position_id is not None)
            widget.blockSignals(True)
        try:
            if position_id is None:
                self.heading.setText(self.tr("Select a card to edit it."))
                for line in (self.title_edit, self.person_edit, self.cost_edit, self.capacity_edit):
                    line.clear()
                self.email_edit.clear()
                self.notes_edit.clear()
                self.dotted_list.clear()
                return
            self._load(position_id)
        finally:
            for widget in self.fields():
                widget.blockSignals(False)

    def _load(self, position_id: int) -> None:
        position = self.controller.editor.position(position_id)
        language = self.controller.language
        self.heading.setText(f"<b>{position.title}</b>")
        self.title_edit.setText(position.title)
        self.role_combo.clear()
        for role in self.controller.editor.roles():
            self.role_combo.addItem(role.name(language), role.key)
        self.role_combo.setCurrentIndex(self.role_combo.findData(position.role_key))
        self.person_edit.setText(position.person_name or "")
        self.email_edit.setText(position.email or "")
        self.headcount_spin.setValue(position.headcount)
        self._fill_start_months(position.start_month)
        # In the locale ("38.000" in Spanish), cents only when there are any; on a plan whose
        # salaries are withheld (a team plan's viewer) nothing: they were read as 0.
        withheld = self.controller.document.without_salaries
        self.cost_edit.setReadOnly(withheld)
        self.cost_edit.setPlaceholderText(self.controller.salary_money(ZERO) if withheld else "")
        self.cost_edit.setText("" if withheld else format_exact(position.annual_cost, 2))
        override = position.capacity_override
        self.capacity_edit.setText("" if override is None else format_exact(override, 4))
        self.manager_combo.clear()
        manager = position.manager_id
        label = (
            self.controller.editor.position(manager).title if manager else self.tr("(none: top)")
        )
        self.manager_combo.addItem(label, manager if manager is not None else NO_MANAGER)
        self.staff_check.setChecked(position.staff)
        # A card at the top has nobody to sit beside (one marked before keeps its box, to clear).
        self.staff_check.setEnabled(manager is not None or position.staff)
        self.notes_edit.setPlainText(position.notes)
        self.dotted_list.clear()
        for line in self.controller.editor.scenario.dotted_lines:
            if line.from_position_id == position_id:
                other = self.controller.editor.positions().get(line.to_position_id)
                item = QListWidgetItem(other.title if other else str(line.to_position_id))
                item.setData(Qt.ItemDataRole.UserRole, line.to_position_id)
                self.dotted_list.addItem(item)
        self.dotted_combo.clear()

    def _fill_start_months(self, current: YearMonth | None) -> None:
        plan = self.controller.editor.scenario.plan
        fiscal = FiscalYear.of(plan.fiscal_year, plan.fiscal_start_month)
        self.start_combo.clear()
        self.start_combo.addItem(self.tr("Already in seat / at year start"), None)
        months = [fiscal.first.plus_months(offset) for offset in range(-12, 24)]
        if current is not None and current not in months:
            months.append(current)
        for month in sorted(months):
            self.start_combo.addItem(month_label(month), str(month))
        index = self.start_combo.findData(str(current)) if current else 0
        self.start_combo.setCurrentIndex(max(0, index))

    def fill_manager_choices(self) -> None:
        """Fill both position pickers (manager and dotted line) with the other positions."""
        if self.position_id is None:
            return
        tree = self.controller.editor.tree()
        below = set(tree.subtree(self.position_id))  # not allowed: would make a cycle
        for combo in (self.manager_combo, self.dotted_combo):
            if combo.count() > 1:
                continue
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            if combo is self.manager_combo:
                combo.addItem(self.tr("(none: top)"), NO_MANAGER)
            for position in self.controller.editor.positions().values():
                excluded = below if combo is self.manager_combo else {self.position_id}
                if position.id not in excluded:
                    person = position.person_name or self.tr("open")
                    combo.addItem(f"{position.title} ({person})", position.id)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    # --- committing -------------------------------------------------------------------------

    def _commit(self, name: str) -> None:
        if self.position_id is None:
            return
        try:
            value = self._value_of(name)
        except ValueError as error:
            self.error.emit(error_text(error))
            self.show_position(self.position_id)
            return
        changes: dict[str, Any] = {name: value}
        if name == "role_key":
            role = next(r for r in self.controller.editor.roles() if r.key == value)
            changes["department_key"] = role.department_key
        self.edit_requested.emit(self.position_id, changes)

    def _value_of(self, name: str) -> Any:
        if name == "title":
            return self.title_edit.text().strip()
        if name == "person_name":
            return self.person_edit.text().strip() or None
        if name == "email":
            return self.email_edit.text().strip() or None  # checked by the edit core
        if name == "headcount":
            return self.headcount_spin.value()
        if name == "annual_cost":
            return to_money(parse_number(self.cost_edit.text()))
        if name == "capacity_override":
            text = self.capacity_edit.text().strip()
            return None if not text else parse_number(text)
        if name == "notes":
            return self.notes_edit.toPlainText()
        if name == "role_key":
            return self.role_combo.currentData()
        if name == "start_month":
            data = self.start_combo.currentData()
            return None if data is None else YearMonth.parse(data)
        raise KeyError(name)

    def _commit_manager(self) -> None:
        if self.position_id is None:
            return
        data = self.manager_combo.currentData()
        manager = None if data == NO_MANAGER else int(data)
        self.edit_requested.emit(self.position_id, {"manager_id": manager})

    def _commit_staff(self, checked: bool) -> None:
        if self.position_id is not None:
            self.edit_requested.emit(self.position_id, {"staff": checked})

    def _add_dotted_line(self) -> None:
        target = self.dotted_combo.currentData()
        if self.position_id is not None and isinstance(target, int):
            self.dotted_line_requested.emit(self.position_id, target, True)

    def _remove_dotted_line(self) -> None:
        item = self.dotted_list.currentItem()
        if self.position_id is not None and item is not None:
            target = int(item.data(Qt.ItemDataRole.UserRole))
            self.dotted_line_requested.emit(self.position_id, target, False)

    def _show_history(self) -> None:
        if self.position_id is not None:
            self.history_requested.emit(self.position_id)
