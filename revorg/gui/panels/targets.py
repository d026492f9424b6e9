"""The targets panel: the company goal and each department's driver inputs, and what they add up
to, recomputed while the user types. Each change is one undoable edit (keystrokes merge)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from revorg.gui.controller import PlanController
from revorg.gui.i18n import fill
from revorg.gui.labels import error_text, target_label
from revorg.gui.numbers import format_count, format_exact, format_money, parse_number
from revorg.gui.panels.balance import BalanceRow
from revorg.gui.theme import readable_name
from revorg.model.editing.change import Change, needs
from revorg.model.errors import PlanEditError
from revorg.model.money import ZERO, to_money

PERCENT_FIELDS = ("close_rate", "retention")
INVALID_STYLE = "QLineEdit { background: #FDECEA; border: 1px solid #D32F2F; }"


class TargetField(QLineEdit):
    """A driver input; leaving it ends the typing session (the next edit is a new undo step)."""

    left = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.left.emit()


class TargetsPanel(QWidget):
    error = Signal(str)

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("targetsPanel")
        self.controller = controller
        self.fields: dict[str, TargetField] = {}
        self.results: dict[str, QLabel] = {}
        self._build()
        controller.plan_changed.connect(self._plan_changed)
        self.refresh()

    def _build(self) -> None:
        form = QFormLayout()
        form.setVerticalSpacing(3)  # both panels share the right column with the chart
        inputs = ("goal", "leads", "close_rate", "average_deal", "base_revenue", "retention")
        labels = {name: target_label(name) for name in (*inputs, "expansion")}
        for name, label in labels.items():
            field = TargetField()
            field.setObjectName(f"target_{name}")
            field.textEdited.connect(lambda _text, n=name: self._typed(n))
            field.left.connect(self._left_field)
            self.fields[name] = field
            form.addRow(label, field)
        results = {
            "new_customers": self.tr("New customers"),
            "new_business": self.tr("New business"),
            "retained": self.tr("Retained revenue"),
            "total": self.tr("Total revenue"),
            "gap": self.tr("Gap to goal"),
        }
        for name, label in results.items():
            value = QLabel()
            value.setObjectName(f"result_{name}")
            self.results[name] = value
            form.addRow(label, value)
        self.balance_row = BalanceRow(self.controller)
        self.balance_row.error.connect(self.error)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addLayout(form)
        layout.addWidget(self.balance_row)
        layout.addStretch(1)

    # --- showing ----------------------------------------------------------------------------

    def _plan_changed(self, change: Change | None) -> None:
        if needs(change, targets=True):  # the drivers and their outcome only
            self.refresh()

    def refresh(self) -> None:
        summary = self.controller.editor.summary()
        inputs, outcome, currency = summary.inputs, summary.outcome, summary.plan.currency
        for name, field in self.fields.items():
            value = getattr(inputs, name)
            if field.hasFocus() and self._is_being_typed(name, value):
                continue  # the user is typing this very value: keep their text and cursor
            field.setText(self._display(name, value))
            field.setStyleSheet("")
        self.results["new_customers"].setText(format_count(outcome.new_customers))
        for name in ("new_business", "retained", "total"):
            self.results[name].setText(format_money(getattr(outcome, name), currency))
        self._show_gap(outcome.gap, currency)
        self.balance_row.show_for(inputs, currency)

    def _show_gap(self, gap: Decimal, currency: str) -> None:
        label = self.results["gap"]
        if gap > 0:
            label.setText(fill(self.tr("%1 short"), format_money(gap, currency)))
            label.setStyleSheet(f"color: {readable_name('#C62828')}; font-weight: bold;")
        elif gap < 0:
            label.setText(fill(self.tr("%1 above"), format_money(-gap, currency)))
            label.setStyleSheet(f"color: {readable_name('#2E7D32')}; font-weight: bold;")
        else:
            label.setText(self.tr("on goal"))
            label.setStyleSheet(f"color: {readable_name('#2E7D32')}; font-weight: bold;")

    def _is_being_typed(self, name: str, value: Decimal | int) -> bool:
        try:
            typed = self._typed_value(name)
            if name not in PERCENT_FIELDS and name != "leads":
                typed = to_money(typed)  # the plan keeps cents: 99.995 is being typed as 100
            return typed == value
        except ValueError:
            return True  # unreadable text the user is still typing: leave it to them

    @staticmethod
    def _display(name: str, value: Decimal | int) -> str:
        """What the plan holds, every cent and every decimal of a rate shown (never rounded
        for display: the results below are computed from the stored value)."""
        if name in PERCENT_FIELDS:
            return format_exact(Decimal(value) * 100, 4)
        if name == "leads":
            return format_count(value)
        return format_exact(Decimal(value), 2)

    # --- editing ----------------------------------------------------------------------------

    def _typed_value(self, name: str) -> Decimal | int:
        """The value in the field, as the model stores it; raises ValueError if unreadable."""
        number = parse_number(self.fields[name].text())
        if name == "leads":
            if number != number.to_integral_value():
                raise ValueError(self.tr("leads must be a whole number"))
            return int(number)
        if name in PERCENT_FIELDS:
            return number / 100
        return number

    def _typed(self, name: str) -> None:
        field = self.fields[name]
        try:
            value = self._typed_value(name) if field.text().strip() else ZERO
            if name == "leads" and isinstance(value, Decimal):
                value = int(value)
            self.controller.set_target(name, value)
        except (ValueError, PlanEditError) as error:
            field.setStyleSheet(INVALID_STYLE)
            field.setToolTip(error_text(error))
            self.error.emit(error_text(error))
            return
        field.setStyleSheet("")
        field.setToolTip("")

    def _left_field(self) -> None:
        self.controller.end_typing_session()
        self.refresh()
