"""Scenarios in the window: a picker that switches the scenario on screen, and a dialog that
compares two scenarios side by side (targets, totals, departments, and the cards that differ);
a snapshot can be either side."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from revorg.gui.controller import PlanController
from revorg.gui.i18n import fill, month_label, translate
from revorg.gui.labels import error_text, field_label
from revorg.gui.numbers import (
    format_count,
    format_exact,
    format_money,
    format_percent,
    group_digits,
)
from revorg.gui.panels.capacity import STATUS_COLOURS
from revorg.gui.panels.tables import make_table
from revorg.model.comparison import Card, Compared, FieldValue, MatchedCard, ScenarioComparison
from revorg.model.errors import PlanEditError
from revorg.model.months import YearMonth

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
MONEY, COUNT, RATE = "money", "count", "rate"
# Money made from salaries: "not available" where the plan withholds them (a viewer's).
SALARY = "salary"


class ScenarioPicker(QComboBox):
    """The scenario on screen; choosing another one shows it (switching is not an edit)."""

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scenarioCombo")
        self.setMinimumContentsLength(16)
        self.controller = controller
        self.activated.connect(self._chosen)
        for signal in (
            controller.scenarios_changed,
            controller.scenario_switched,
            controller.document_replaced,
        ):
            signal.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.blockSignals(True)
        self.clear()
        for scenario in self.controller.editor.scenarios():
            self.addItem(scenario.name, scenario.id)
        self.setCurrentIndex(max(0, self.findData(self.controller.editor.scenario_id)))
        self.blockSignals(False)

    def _chosen(self, index: int) -> None:
        self.controller.show_scenario(int(self.itemData(index)))


class CompareDialog(QDialog):
    """Two scenarios side by side; B is compared against A. The pickers list the scenarios,
    then the snapshots."""

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareDialog")
        self.setWindowTitle(self.tr("Compare scenarios"))
        self.controller = controller
        self.combo_a = QComboBox()
        self.combo_b = QComboBox()
        scenarios = controller.editor.scenarios()
        for combo in (self.combo_a, self.combo_b):
            self._fill(combo)
        self.combo_a.setCurrentIndex(0)
        current = self.combo_b.findData(controller.editor.scenario_id)
        self.combo_b.setCurrentIndex(current if current > 0 else min(1, len(scenarios) - 1))
        self.table = make_table(
            "compareTable", [self.tr("Figure"), "A", "B", self.tr("Change (B − A)")]
        )
        self.table.setAccessibleName(self.tr("Scenarios compared"))
        # The labels as wide as they need, the three columns of numbers sharing the rest: the
        # change needs no more room than the values (it had most of the width, issue 19).
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.cards = QListWidget()
        self.cards.setObjectName("comparePositions")
        self.note = QLabel()
        pickers = QHBoxLayout()
        for label, combo in ((self.tr("Scenario A"), self.combo_a), (self.tr("B"), self.combo_b)):
            pickers.addWidget(QLabel(label))
            pickers.addWidget(combo, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.cards)
        splitter.setSizes([420, 180])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(pickers)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.combo_a.currentIndexChanged.connect(lambda _i: self.refresh())
        self.combo_b.currentIndexChanged.connect(lambda _i: self.refresh())
        self.resize(880, 680)  # room for two names with "(snapshot)" in any language
        # Modeless and live: it follows edits, and frees its summaries when closed.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        controller.plan_changed.connect(self.refresh)
        controller.scenarios_changed.connect(self._refill_scenarios)
        self.refresh()

    def _fill(self, combo: QComboBox) -> None:
        """The scenarios, then (after a line) the snapshots, marked as such."""
        combo.clear()
        for scenario in self.controller.editor.scenarios():
            combo.addItem(scenario.name, scenario.id)
        snapshots = self.controller.editor.document.plan.snapshots
        if snapshots:
            combo.insertSeparator(combo.count())
        for snapshot in snapshots:
            combo.addItem(fill(self.tr("%1 (snapshot)"), snapshot.name), snapshot.id)

    def _refill_scenarios(self) -> None:
        for combo in (self.combo_a, self.combo_b):
            chosen = combo.currentData()
            combo.blockSignals(True)
            self._fill(combo)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        try:
            comparison = self.controller.editor.compare(
                int(self.combo_a.currentData()), int(self.combo_b.currentData())
            )
        except PlanEditError as error:
            self.note.setText(error_text(error))
            return
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Figure"),
                self.combo_a.currentText(),
                self.combo_b.currentText(),
                self.tr("Change"),
            ]
        )
        self.table.setRowCount(0)
        currency = comparison.a.plan.currency
        self._targets(comparison)
        self._totals(comparison)
        self._departments(comparison, currency)
        self._cards(comparison)
        same = comparison.a.scenario.id == comparison.b.scenario.id
        self.note.setText(self.tr("Choose two different scenarios.") if same else "")

    # --- rows -------------------------------------------------------------------------------

    def _targets(self, comparison: ScenarioComparison) -> None:
        self._heading(self.tr("Targets"))
        rows = (
            (self.tr("Revenue goal"), "goal", MONEY),
            (self.tr("Leads"), "leads", COUNT),
            (self.tr("Close rate"), "close_rate", RATE),
            (self.tr("Average deal"), "average_deal", MONEY),
            (self.tr("New customers"), "new_customers", COUNT),
            (self.tr("Current revenue"), "base_revenue", MONEY),
            (self.tr("Retention"), "retention", RATE),
            (self.tr("Expansion"), "expansion", MONEY),
            (self.tr("New business"), "new_business", MONEY),
            (self.tr("Retained revenue"), "retained", MONEY),
            (self.tr("Total revenue"), "total", MONEY),
            (self.tr("Gap to goal"), "gap", MONEY),
        )
        self._figures(comparison.targets, rows)

    def _totals(self, comparison: ScenarioComparison) -> None:
        self._heading(self.tr("Organisation"))
        rows = (
            (self.tr("Positions"), "positions", COUNT),
            (self.tr("Headcount"), "headcount", COUNT),
            (self.tr("Cost this year"), "cost", SALARY),
            (self.tr("CAC"), "cac", SALARY),
        )
        self._figures(comparison.totals, rows)

    def _departments(self, comparison: ScenarioComparison, currency: str) -> None:
        rows = (
            (self.tr("Headcount"), "headcount", COUNT),
            (self.tr("Cost"), "cost", SALARY),
            (self.tr("Revenue target"), "target", MONEY),
            (self.tr("Capacity"), "capacity", MONEY),
            (self.tr("Coverage"), "coverage", RATE),
            (self.tr("Gap"), "gap", MONEY),
        )
        for department in comparison.departments:
            self._heading(department.name, department.status_a, department.status_b)
            self._figures(department.figures, rows)

    def _heading(self, text: str, status_a: str = "", status_b: str = "") -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        item = QTableWidgetItem(text)
        font = QFont(item.font())
        font.setBold(True)
        item.setFont(font)
        item.setBackground(QBrush(QColor("#ECEFF1")))
        self.table.setItem(row, 0, item)
        for column, status in ((1, status_a), (2, status_b)):
            mark = QTableWidgetItem("●" if status and status != "none" else "")
            mark.setForeground(QBrush(QColor(STATUS_COLOURS.get(status, "#90A4AE"))))
            mark.setTextAlignment(RIGHT)
            mark.setBackground(QBrush(QColor("#ECEFF1")))
            self.table.setItem(row, column, mark)
        spacer = QTableWidgetItem("")
        spacer.setBackground(QBrush(QColor("#ECEFF1")))
        self.table.setItem(row, 3, spacer)

    def _figures(self, compared: Compared[Any], rows: tuple[tuple[str, str, str], ...]) -> None:
        delta = compared.delta
        for label, name, kind in rows:
            a, b, change = (
                getattr(compared.a, name),
                getattr(compared.b, name),
                getattr(delta, name),
            )
            row = self.table.rowCount()
            self.table.insertRow(row)
            if kind == SALARY and self.controller.document.without_salaries:
                texts = ["   " + label, *[self.controller.salary_money(Decimal(0))] * 3]
                change = None
            else:
                shown = MONEY if kind == SALARY else kind
                texts = ["   " + label, _shown(a, shown), _shown(b, shown)]
                texts.append(_shown(change, shown, True))
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(RIGHT)
                if column == 3 and change not in (None, 0):
                    item.setForeground(QBrush(QColor("#1565C0")))
                self.table.setItem(row, column, item)

    def _cards(self, comparison: ScenarioComparison) -> None:
        diff = comparison.positions
        self.cards.clear()
        names = FieldNames(self.controller)
        lines = [f"+ {names.card(card)}" for card in diff.added]
        lines += [f"− {names.card(card)}" for card in diff.removed]
        lines += [
            f"→ {names.card(m.b)}: {m.a.manager_title or '–'} → {m.b.manager_title or '–'}"
            for m in diff.moved
        ]
        lines += [f"~ {names.card(m.b)}: {names.changes(m)}" for m in diff.changed]
        if not lines:
            lines = [self.tr("The same positions in both scenarios.")]
        self.cards.addItems(lines)


def _shown(value: Decimal | int | None, kind: str, signed: bool = False) -> str:
    if value is None:
        return "–"
    sign = "+" if signed and value > 0 else ""
    if kind == RATE:
        points = Decimal(value) * 100
        if signed:
            points_text = sign + group_digits(points, 1)
            return fill(translate("CompareDialog", "%1 pts"), points_text)
        return format_percent(Decimal(value), 1)
    if kind == MONEY:
        return sign + format_money(Decimal(value))
    return sign + format_count(value)


class FieldNames:
    """Says a card and its changed fields in the interface language: role and department
    names rather than their keys, months and amounts as the locale writes them."""

    def __init__(self, controller: PlanController) -> None:
        self.language = controller.language
        self.roles = controller.editor.roles_by_key()
        self.departments = controller.editor.departments_by_key()
        self.open_text = translate("CompareDialog", "open")

    def card(self, card: Card) -> str:
        group = f" × {card.headcount}" if card.headcount > 1 else ""
        return f"{card.title}{group} ({card.person_name or self.open_text})"

    def changes(self, match: MatchedCard) -> str:
        return ", ".join(
            f"{field_label(change.field)}: {self.value(change.field, change.a)}"
            f" → {self.value(change.field, change.b)}"
            for change in match.changes
        )

    def value(self, field: str, value: FieldValue) -> str:
        if value is None or value == "":
            return "–"
        if isinstance(value, YearMonth):
            return month_label(value)
        if isinstance(value, Decimal):
            return format_exact(value, 2)
        if field == "role_key" and str(value) in self.roles:
            return self.roles[str(value)].name(self.language)
        if field == "department_key" and str(value) in self.departments:
            return self.departments[str(value)].name(self.language)
        if isinstance(value, int):
            return format_count(value)
        return str(value)
