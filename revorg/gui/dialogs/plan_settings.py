"""File > Plan settings: the plan's name, currency, fiscal year and its first month.

OK asks the controller for one edit (one undo step); a refused value keeps the dialog open
with the reason. The currency is an editable list of the ISO 4217 codes with their names in
the interface language, the plan's own first; what is typed is read as a code ("usd") or as
an entry of the list ("USD – US Dollar").
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from revorg.gui.controller import PlanController
from revorg.gui.labels import error_text
from revorg.gui.theme import readable_name
from revorg.model.currencies import currencies
from revorg.model.editing.requests import FISCAL_YEARS
from revorg.model.errors import PlanEditError

ERROR_COLOUR = "#C0392B"


class PlanSettingsDialog(QDialog):
    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planSettingsDialog")
        self.setWindowTitle(self.tr("Plan settings"))
        self.controller = controller
        plan = controller.document.plan
        language = controller.language

        self.name_edit = QLineEdit(plan.name)
        self.name_edit.setObjectName("planName")
        self.currency_combo = QComboBox()
        self.currency_combo.setObjectName("planCurrency")
        self.currency_combo.setEditable(True)
        self.currency_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        known = currencies()
        codes = [plan.currency] if plan.currency in known else []
        codes += [code for code in known if code != plan.currency]
        for code in codes:
            self.currency_combo.addItem(f"{code} – {known[code].name(language)}", code)
        if plan.currency not in known:  # a file from elsewhere: show it as it is
            self.currency_combo.insertItem(0, plan.currency, plan.currency)
        self.currency_combo.setCurrentIndex(0)
        completer = self.currency_combo.completer()
        if completer is not None:  # "dollar" finds USD, CAD, AUD...
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.year_spin = QSpinBox()
        self.year_spin.setObjectName("planFiscalYear")
        self.year_spin.setRange(*FISCAL_YEARS)
        self.year_spin.setGroupSeparatorShown(False)
        self.year_spin.setValue(plan.fiscal_year)
        self.month_combo = QComboBox()
        self.month_combo.setObjectName("planFiscalStart")
        locale = QLocale()
        for month in range(1, 13):
            name = locale.standaloneMonthName(month, QLocale.FormatType.LongFormat)
            self.month_combo.addItem(name[:1].upper() + name[1:], month)
        self.month_combo.setCurrentIndex(plan.fiscal_start_month - 1)

        self.note = QLabel(
            self.tr(
                "Amounts are not converted: a new currency changes only the label of every "
                "amount. A new fiscal year or first month moves the start month of open "
                "positions so that each keeps its month of the year (a start in the third "
                "month stays in the third month)."
            )
        )
        self.note.setObjectName("planSettingsNote")
        self.note.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("planSettingsError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {readable_name(ERROR_COLOUR)}")
        self.error_label.hide()

        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name_edit)
        form.addRow(self.tr("Currency:"), self.currency_combo)
        form.addRow(self.tr("Fiscal year:"), self.year_spin)
        form.addRow(self.tr("First month of the fiscal year:"), self.month_combo)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def chosen_currency(self) -> str:
        """The code typed or picked: an entry of the list gives its code, typing "usd" gives
        "usd" (the edit checks it)."""
        text = self.currency_combo.currentText().strip()
        index = self.currency_combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            return str(self.currency_combo.itemData(index))
        return text.split(" ", 1)[0] if text else ""

    def accept(self) -> None:
        """Apply the settings as one undo step; a refusal keeps the dialog open and says why."""
        try:
            self.controller.change_plan_settings(
                name=self.name_edit.text(),
                currency=self.chosen_currency(),
                fiscal_year=self.year_spin.value(),
                fiscal_start_month=int(self.month_combo.currentData()),
            )
        except PlanEditError as error:
            self.error_label.setText(error_text(error))
            self.error_label.show()
            return
        super().accept()
