"""Cost: per department and in total, as a share of the revenue goal, CAC, and whether a CRO
pays for themself (seed 003: weigh the CRO's cost against the expected revenue growth)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QTableWidgetItem,
    QWidget,
)

from revorg.gui.controller import PlanController
from revorg.gui.i18n import fill
from revorg.gui.numbers import format_money, format_percent
from revorg.gui.panels.tables import make_table
from revorg.gui.theme import readable_name
from revorg.model.editing.change import Change, needs
from revorg.model.money import ZERO

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class CostPanel(QWidget):
    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("costPanel")
        self.controller = controller
        self.table = make_table(
            "costTable",
            [
                self.tr("Department"),
                self.tr("Headcount"),
                self.tr("Cost this year"),
                self.tr("Share"),
            ],
        )
        self.table.setAccessibleName(self.tr("Cost by department"))
        self.values: dict[str, QLabel] = {}
        form = QFormLayout()
        for name, label in (
            ("total", self.tr("Total cost this year")),
            ("share", self.tr("Cost as a share of the revenue goal")),
            ("cac", self.tr("CAC: (sales + marketing cost) / new customers")),
            ("cro_cost", self.tr("CRO cost")),
            ("cro_uplift", self.tr("Revenue uplift assumed from a CRO")),
            ("cro_net", self.tr("CRO: uplift less cost")),
        ):
            value = QLabel()
            value.setObjectName(f"cost_{name}")
            self.values[name] = value
            form.addRow(label, value)
        layout = QHBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form, 1)
        controller.plan_changed.connect(self._plan_changed)
        self.refresh()

    def _plan_changed(self, change: Change | None) -> None:
        # Cost per customer depends on the drivers too; renames and dotted lines do not count.
        if needs(change, positions=True, targets=True, assumptions=True):
            self.refresh()

    def _money(self, amount: Decimal, currency: str) -> str:
        return self.controller.salary_money(amount, currency)

    def refresh(self) -> None:
        summary = self.controller.editor.summary()
        cost, currency = summary.cost, summary.plan.currency
        withheld = self.controller.document.without_salaries
        self.table.setRowCount(len(summary.departments) + 1)
        rows = [
            (d.name, d.staffing.headcount, d.staffing.cost) for d in summary.revenue_departments
        ]
        rows.append((self.tr("Total"), summary.total.headcount, summary.total.cost))
        total_row = len(rows) - 1
        # Outside revenue after the total: shown, not counted, no share of the revenue cost.
        rows += [
            (d.name, d.staffing.headcount, d.staffing.cost) for d in summary.outside_departments
        ]
        for row, (name, headcount, amount) in enumerate(rows):
            share = None if cost.total <= 0 or row > total_row else amount / cost.total
            for column, text in enumerate(
                [name, str(headcount), self._money(amount, currency), format_percent(share)]
            ):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(RIGHT)
                if row == total_row:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
        self.values["total"].setText(self._money(cost.total, currency))
        share_text = (
            self.controller.salary_money(ZERO)
            if withheld
            else format_percent(cost.share_of_target, 1)
        )
        self.values["share"].setText(share_text)
        self.values["cac"].setText("–" if cost.cac is None else self._money(cost.cac, currency))
        self.values["cro_cost"].setText(self._money(cost.cro_cost, currency))
        self.values["cro_uplift"].setText(
            fill(
                self.tr("%1 (%2 of the goal)"),
                format_money(cost.cro_uplift_revenue, currency),
                format_percent(cost.cro_uplift_rate),
            )
        )
        net = cost.cro_net_benefit
        self.values["cro_net"].setText(self._money(net, currency))
        colour = readable_name("#2E7D32" if net >= ZERO else "#C62828")
        style = "" if withheld else f"color: {colour}; font-weight: bold;"
        self.values["cro_net"].setStyleSheet(style)
