"""The Targets panel's "Balance to goal" row: pick the driver that takes the gap, see the value
it needs (or why none will do), and apply it as one undo step.

The numbers come from revorg.model.balance, the same proposal `revorg targets --balance` prints;
the edit goes through the controller like every other, so department targets, capacity and
suggested hires follow from the controller's signal.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from revorg.gui.controller import PlanController
from revorg.gui.i18n import fill
from revorg.gui.labels import error_text
from revorg.gui.numbers import format_count, format_exact, format_money, format_percent
from revorg.gui.theme import readable_name
from revorg.model.balance import BalanceDriver, BalanceProposal, propose
from revorg.model.editing import requests
from revorg.model.errors import PlanEditError
from revorg.model.planning import TargetInputs


class BalanceRow(QWidget):
    """Shown while the drivers do not add up to the goal; hidden when they do."""

    error = Signal(str)

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("balanceRow")
        self.controller = controller
        self.proposal: BalanceProposal | None = None
        self.inputs: TargetInputs | None = None
        self.currency = ""
        title = QLabel(self.tr("Balance to goal"))
        title.setStyleSheet("font-weight: bold;")
        self.drivers = QComboBox()
        self.drivers.setObjectName("balanceDriver")
        self.drivers.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.drivers.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        for driver, words in self._driver_words().items():
            self.drivers.addItem(words, driver.value)
        self.drivers.currentIndexChanged.connect(lambda _index: self.refresh())
        self.apply_button = QPushButton(self.tr("Apply"))
        self.apply_button.setObjectName("balanceApply")
        self.apply_button.clicked.connect(self.apply)
        self.preview = QLabel()
        self.preview.setObjectName("balancePreview")
        self.preview.setWordWrap(True)
        choice = QHBoxLayout()
        choice.setContentsMargins(0, 0, 0, 0)
        choice.addWidget(self.drivers, 1)
        choice.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(3)
        layout.addWidget(title)
        layout.addLayout(choice)
        layout.addWidget(self.preview)

    def _driver_words(self) -> dict[BalanceDriver, str]:
        return {
            BalanceDriver.LEADS: self.tr("Marketing leads"),
            BalanceDriver.CLOSE_RATE: self.tr("Close rate"),
            BalanceDriver.AVERAGE_DEAL: self.tr("Average deal"),
            BalanceDriver.RETENTION: self.tr("Retention"),
            BalanceDriver.EXPANSION: self.tr("Expansion"),
            BalanceDriver.PROPORTIONAL: self.tr("New business and expansion in proportion"),
        }

    @property
    def driver(self) -> BalanceDriver:
        return BalanceDriver(self.drivers.currentData())

    def show_for(self, inputs: TargetInputs, currency: str) -> None:
        """The row for these driver inputs: hidden when they add up to the goal exactly."""
        self.inputs, self.currency = inputs, currency
        self.refresh()

    def refresh(self) -> None:
        if self.inputs is None:
            return
        proposal = self.proposal = propose(self.inputs, self.driver)
        self.setVisible(proposal.before.gap != 0)
        if proposal.refusal is not None:
            self.preview.setText(error_text(proposal.refusal))
            self.preview.setStyleSheet(f"color: {readable_name('#C62828')};")
            self.apply_button.setEnabled(False)
            return
        self.preview.setStyleSheet("")
        if not proposal.changes:
            self.preview.setText(
                self.tr(
                    "No change: this driver already has the smallest value that reaches the goal."
                )
            )
            self.apply_button.setEnabled(False)
            return
        words = self._field_words()
        lines = [
            fill(
                self.tr("%1: %2 → %3"), words[name], self._shown(name, old), self._shown(name, new)
            )
            for name, (old, new) in proposal.changes.items()
        ]
        total = format_money(proposal.outcome.total, self.currency)
        lines.append(fill(self.tr("Total revenue: %1"), total))
        self.preview.setText("\n".join(lines))
        self.apply_button.setEnabled(True)

    def _field_words(self) -> dict[str, str]:
        words = self._driver_words()
        return {
            "leads": words[BalanceDriver.LEADS],
            "close_rate": words[BalanceDriver.CLOSE_RATE],
            "average_deal": words[BalanceDriver.AVERAGE_DEAL],
            "retention": words[BalanceDriver.RETENTION],
            "expansion": words[BalanceDriver.EXPANSION],
        }

    def _shown(self, name: str, value: Decimal | int) -> str:
        if name == "leads":
            return format_count(value)
        if name in ("close_rate", "retention"):
            decimal = Decimal(value) * 100
            places = 0 if decimal == decimal.to_integral_value() else 1
            return format_percent(Decimal(value), places)
        return money_to_the_cent(Decimal(value), self.currency)

    def apply(self) -> None:
        """One undo step, "Balance to goal through ..."; a refusal goes to the status bar."""
        try:
            self.controller.push(requests.balance_to_goal(self.controller.editor, self.driver))
        except PlanEditError as error:
            self.error.emit(error_text(error))


def money_to_the_cent(value: Decimal, currency: str) -> str:
    """An amount with its cents when it has any (an average deal of €28,666.67), in the
    locale's format with the currency where the locale puts it."""
    whole = value.quantize(Decimal(1), rounding=ROUND_DOWN)
    text = format_money(whole, currency)
    if value == whole:
        return text
    return text.replace(format_exact(whole, 0), format_exact(value, 2), 1)
