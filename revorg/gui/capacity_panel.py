"""Capacity against target: a bar chart per department, every driver line with its coverage and
a red/amber/green mark, the hires that close the gaps, and one button that adds them."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QValueAxis,
)
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from revorg.gui.controller import PlanController
from revorg.gui.numbers import format_count, format_money, format_percent
from revorg.gui.tables import make_table
from revorg.model.capacity import AMBER, GREEN, NO_TARGET, RED, DriverLine
from revorg.model.summary import ScenarioSummary, scenario_assumptions

STATUS_COLOURS = {GREEN: "#2E7D32", AMBER: "#F9A825", RED: "#C62828", NO_TARGET: "#90A4AE"}
CHARTED_DEPARTMENTS = ("marketing", "sales", "customer_success")


class CapacityPanel(QWidget):
    hires_requested = Signal()

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("capacityPanel")
        self.controller = controller
        self._build()
        controller.plan_changed.connect(self.refresh)
        self.refresh()

    def _build(self) -> None:
        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart.setMargins(self.chart.margins() * 0)
        self.chart_view = QChartView(self.chart)
        self.chart_view.setObjectName("capacityChart")
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumWidth(360)
        self.table = make_table(
            "capacityTable",
            [
                self.tr("Department"),
                self.tr("Driver"),
                self.tr("Target"),
                self.tr("Capacity"),
                self.tr("Coverage"),
                self.tr("Status"),
                self.tr("Hires needed"),
            ],
        )
        self.checks = QLabel()
        self.checks.setObjectName("capacityChecks")
        self.checks.setWordWrap(True)
        self.hires_label = QLabel()
        self.hires_label.setObjectName("hiresLabel")
        self.hires_label.setWordWrap(True)
        self.apply_button = QPushButton(self.tr("Add suggested hires"))
        self.apply_button.setObjectName("applyHiresButton")
        self.apply_button.clicked.connect(self.hires_requested)

        right = QVBoxLayout()
        right.addWidget(self.table, 1)
        right.addWidget(self.checks)
        hires_row = QHBoxLayout()
        hires_row.addWidget(self.hires_label, 1)
        hires_row.addWidget(self.apply_button)
        right.addLayout(hires_row)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.chart_view, 1)
        layout.addLayout(right, 1)

    # --- showing ----------------------------------------------------------------------------

    def refresh(self) -> None:
        summary = self.controller.summary()
        self._refresh_chart(summary)
        self._refresh_table(summary)
        self._refresh_checks(summary)
        self._refresh_hires(summary)

    def _department_name(self, key: str) -> str:
        department = self.controller.departments_by_key().get(key)
        return department.name(self.controller.language) if department else key

    def _refresh_chart(self, summary: ScenarioSummary) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        departments = [summary.capacity.departments[k] for k in CHARTED_DEPARTMENTS]
        target = QBarSet(self.tr("Target"))
        capacity = QBarSet(self.tr("Capacity"))
        target.setColor(QColor("#90A4AE"))
        capacity.setColor(QColor("#1E88E5"))
        for department in departments:
            target.append(float(department.target / 1000))  # drawing only: no money maths
            capacity.append(float(department.capacity / 1000))
        series = QBarSeries()
        series.append(target)
        series.append(capacity)
        self.chart.addSeries(series)
        labels = []
        for department in departments:
            labels.append(self._department_name(department.key))
        categories = QBarCategoryAxis()
        categories.append(labels)
        values = QValueAxis()
        values.setLabelFormat("%.0fk")
        self.chart_view.setToolTip(
            self.tr("Revenue target and capacity per department, in thousands of %1").replace(
                "%1", summary.plan.currency
            )
        )
        highest = max([d.target for d in departments] + [d.capacity for d in departments])
        values.setRange(0, max(1.0, float(highest / 1000) * 1.1))
        values.applyNiceNumbers()
        self.chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        series.attachAxis(values)

    def _line_name(self, line: DriverLine) -> str:
        names = {
            "leads": self.tr("Leads"),
            "new_business": self.tr("New business (quota)"),
            "meetings": self.tr("Meetings for AEs"),
            "base_revenue": self.tr("Revenue to retain (CSM books)"),
            "expansion": self.tr("Expansion (AM quota)"),
        }
        return names.get(line.key, line.key)

    def _amount(self, line: DriverLine, value: Decimal, currency: str) -> str:
        return format_money(value, currency) if line.unit == "money" else format_count(value)

    def _refresh_table(self, summary: ScenarioSummary) -> None:
        currency = summary.plan.currency
        lines = summary.capacity.lines
        roles = self.controller.roles_by_key()
        language = self.controller.language
        self.table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            status = line.status
            hires = summary.capacity.hires_needed.get(line.hire_role or "", 0)
            role = roles.get(line.hire_role or "")
            hire_text = f"{hires} × {role.short(language)}" if hires and role else ""
            cells = [
                self._department_name(line.department_key),
                self._line_name(line),
                self._amount(line, line.target, currency),
                self._amount(line, line.capacity, currency),
                format_percent(line.coverage),
                "● " + self._status_name(status),
                hire_text if line.shortfall > 0 else "",
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (2, 3, 4):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if column == 5:
                    item.setForeground(QBrush(QColor(STATUS_COLOURS[status])))
                self.table.setItem(row, column, item)

    def _status_name(self, status: str) -> str:
        return {
            GREEN: self.tr("covered"),
            AMBER: self.tr("nearly"),
            RED: self.tr("short"),
            NO_TARGET: self.tr("no target"),
        }[status]

    def _refresh_checks(self, summary: ScenarioSummary) -> None:
        notes = []
        ratio = summary.capacity.aes_per_sdr
        if ratio is not None:
            notes.append(
                self.tr("SDR : AE ratio 1 : %1 (published average 1 : 2.5)").replace(
                    "%1", format_count(ratio.quantize(Decimal("0.1")))
                )
            )
        for manager, reports, limit in summary.too_wide_spans:
            notes.append(
                self.tr("%1 has %2 direct reports (more than %3)")
                .replace("%1", manager.title)
                .replace("%2", str(reports))
                .replace("%3", str(limit))
            )
        self.checks.setText("\n".join(notes))

    def _refresh_hires(self, summary: ScenarioSummary) -> None:
        hires = summary.capacity.hires_needed
        roles = self.controller.roles_by_key()
        language = self.controller.language
        if not hires:
            self.hires_label.setText(self.tr("The people on the chart cover every target."))
            self.apply_button.setEnabled(False)
            return
        parts = [
            f"{count} × {roles[key].name(language) if key in roles else key}"
            for key, count in hires.items()
        ]
        start = self.controller.fiscal_year().first.plus_months(
            scenario_assumptions(self.controller.scenario).hire_start_offset()
        )
        self.hires_label.setText(
            self.tr("To close the gaps, hire %1, starting %2.")
            .replace("%1", ", ".join(parts))
            .replace("%2", start.label())
        )
        self.apply_button.setEnabled(True)
