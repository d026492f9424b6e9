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
)
from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from revorg.gui.controller import PlanController
from revorg.gui.i18n import fill, month_label
from revorg.gui.numbers import axis_unit, format_count, format_money, format_percent
from revorg.gui.panels.axes import money_axis, show_money_axis
from revorg.gui.panels.tables import make_table
from revorg.gui.theme import is_dark, readable, readable_name
from revorg.model.capacity import AMBER, GREEN, NO_TARGET, RED, CapacityReport, DriverLine
from revorg.model.summary import ScenarioSummary

STATUS_COLOURS: dict[str, str] = {
    GREEN: "#2E7D32",
    AMBER: "#F9A825",
    RED: "#C62828",
    NO_TARGET: "#90A4AE",
}
CHARTED_DEPARTMENTS = ("marketing", "sales", "customer_success")


class CapacityPanel(QWidget):
    hires_requested = Signal()

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("capacityPanel")
        self.controller = controller
        self._shown_capacity: CapacityReport | None = None
        self._build()
        controller.plan_changed.connect(self.refresh)
        self.refresh()

    def _build(self) -> None:
        self.chart = QChart()
        # Before the series get their colours: a theme resets them.
        dark = is_dark(self.palette())
        self.chart.setTheme(
            QChart.ChartTheme.ChartThemeDark if dark else QChart.ChartTheme.ChartThemeLight
        )
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart.setMargins(QMargins(0, 6, 0, 0))  # room for the top axis label
        self.chart_view = QChartView(self.chart)
        self.chart_view.setObjectName("capacityChart")
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumWidth(360)
        self._build_chart()
        self.department_marks = QLabel()
        self.department_marks.setObjectName("departmentCoverage")
        self.department_marks.setAlignment(Qt.AlignmentFlag.AlignCenter)
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
        self.table.setAccessibleName(self.tr("Capacity against target by department"))
        # A large chart has hundreds of span-of-control notes: a read-only text view scrolls
        # through them and lays out only the lines it shows (a label laid out every line at
        # every edit, and showed only the first few).
        self.checks = QPlainTextEdit()
        self.checks.setObjectName("capacityChecks")
        self.checks.setReadOnly(True)
        self.checks.setFrameShape(QFrame.Shape.NoFrame)
        self.checks.viewport().setAutoFillBackground(False)
        self.checks.setMaximumHeight(self.checks.fontMetrics().lineSpacing() * 4 + 8)
        self.hires_label = QLabel()
        self.hires_label.setObjectName("hiresLabel")
        self.hires_label.setWordWrap(True)
        self.backfills_label = QLabel()
        self.backfills_label.setObjectName("backfillsLabel")
        self.backfills_label.setWordWrap(True)
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
        left = QVBoxLayout()
        left.addWidget(self.chart_view, 1)
        left.addWidget(self.department_marks)
        # Under the chart, not under the table: the table needs the dock's height for its rows.
        left.addWidget(self.backfills_label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        # The table wants the width more than the chart: seven columns, the last the hires.
        layout.addLayout(left, 1)
        layout.addLayout(right, 2)

    # --- showing ----------------------------------------------------------------------------

    def refresh(self) -> None:
        summary = self.controller.editor.summary()
        # A move keeps the same capacity report (the controller counts only spans of control
        # again): the chart and the table, half the cost of a move on screen, stay as drawn.
        if summary.capacity is not self._shown_capacity:
            self._refresh_chart(summary)
            self._refresh_table(summary)
            self._shown_capacity = summary.capacity
        self._refresh_checks(summary)
        self._refresh_hires(summary)
        self._refresh_backfills(summary)

    def _department_name(self, key: str) -> str:
        department = self.controller.editor.departments_by_key().get(key)
        return department.name(self.controller.language) if department else key

    def _build_chart(self) -> None:
        """Series and axes made once and updated in place: QChart.removeAxis does not delete
        the axis, so rebuilding them at every keystroke would leak."""
        self.target_set = QBarSet(self.tr("Target"))
        self.capacity_set = QBarSet(self.tr("Capacity"))
        self.target_set.setColor(QColor("#90A4AE"))
        self.capacity_set.setColor(QColor("#1E88E5"))
        for bar_set in (self.target_set, self.capacity_set):
            bar_set.append([0.0] * len(CHARTED_DEPARTMENTS))
        self.series = QBarSeries()
        self.series.append(self.target_set)
        self.series.append(self.capacity_set)
        self.chart.addSeries(self.series)
        self.category_axis = QBarCategoryAxis()
        self.value_axis = money_axis()
        self.chart.addAxis(self.category_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(self.value_axis, Qt.AlignmentFlag.AlignLeft)
        self.series.attachAxis(self.category_axis)
        self.series.attachAxis(self.value_axis)

    def _refresh_chart(self, summary: ScenarioSummary) -> None:
        departments = [summary.capacity.departments[k] for k in CHARTED_DEPARTMENTS]
        highest = max([d.target for d in departments] + [d.capacity for d in departments])
        unit = axis_unit(highest)
        for index, department in enumerate(departments):
            # Drawing only: floats never feed back into the plan's numbers.
            self.target_set.replace(index, unit.scaled(department.target))
            self.capacity_set.replace(index, unit.scaled(department.capacity))
        self.category_axis.setCategories([self._department_name(d.key) for d in departments])
        show_money_axis(self.value_axis, unit)
        self.chart_view.setToolTip(
            fill(
                self.tr("Revenue target and capacity per department, in %1"),
                summary.plan.currency,
            )
        )
        self.department_marks.setToolTip(
            "\n".join(text for d in departments if (text := self._leavers_text(summary, d.key)))
        )
        self.department_marks.setText(
            "   ".join(
                f"<span style='color:{readable_name(STATUS_COLOURS[d.status])}'>●</span> "
                f"{self._department_name(d.key)} {format_percent(d.coverage)}"
                for d in departments
            )
        )

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
        roles = self.controller.editor.roles_by_key()
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
                if column == 0:
                    item.setToolTip(self._leavers_text(summary, line.department_key))
                if column in (2, 3, 4):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if column == 5:
                    item.setForeground(QBrush(readable(STATUS_COLOURS[status])))
                self.table.setItem(row, column, item)

    def _status_name(self, status: str) -> str:
        names: dict[str, str] = {
            GREEN: self.tr("covered"),
            AMBER: self.tr("nearly"),
            RED: self.tr("short"),
            NO_TARGET: self.tr("no target"),
        }
        return names[status]

    def _refresh_checks(self, summary: ScenarioSummary) -> None:
        notes = []
        gap = summary.outcome.gap
        if gap > 0:
            notes.append(
                fill(
                    self.tr(
                        "The targets add up to %1 less than the goal: raise leads, close rate, "
                        "deal size, retention or expansion first; capacity is measured against "
                        "them."
                    ),
                    format_money(gap, summary.plan.currency),
                )
            )
        ratio = summary.capacity.aes_per_sdr
        if ratio is not None:
            notes.append(
                fill(
                    self.tr("SDR : AE ratio 1 : %1 (published average 1 : 2.5)"),
                    format_count(ratio.quantize(Decimal("0.1"))),
                )
            )
        for manager, reports, limit in summary.too_wide_spans:
            notes.append(
                fill(
                    self.tr("%1 has %n direct reports (more than %2)", "", reports),
                    manager.title,
                    str(limit),
                )
            )
        text = "\n".join(notes)
        if text != self.checks.toPlainText():  # keep the reader's place when nothing changed
            self.checks.setPlainText(text)

    def _refresh_hires(self, summary: ScenarioSummary) -> None:
        hires = summary.capacity.hires_needed
        roles = self.controller.editor.roles_by_key()
        language = self.controller.language
        stuck = ", ".join(self._line_name(line) for line in summary.capacity.unclosable)
        blocked = (
            fill(self.tr("No hire this year can close: %1 (check the assumptions)."), stuck)
            if stuck
            else ""
        )
        if not hires:
            self.hires_label.setText(
                blocked or self.tr("The people on the chart cover every target.")
            )
            self.apply_button.setEnabled(False)
            return
        parts = [
            f"{count} × {roles[key].name(language) if key in roles else key}"
            for key, count in hires.items()
        ]
        start = summary.capacity.hire_start
        self.hires_label.setText(
            fill(
                self.tr("To close the gaps, hire %1, starting %2."),
                ", ".join(parts),
                month_label(start),
            )
            + (" " + blocked if blocked else "")
        )
        self.apply_button.setEnabled(True)

    def _leavers_text(self, summary: ScenarioSummary, department_key: str) -> str:
        """ "Sales: 1.6 people expected to leave this year, taking €35,938 of capacity"."""
        department = summary.capacity.departments.get(department_key)
        if department is None or not department.leavers:
            return ""
        return fill(
            self.tr("%1: %2 people expected to leave this year, taking %3 of capacity"),
            self._department_name(department_key),
            format_count(department.leavers.quantize(Decimal("0.1"))),
            format_money(department.capacity_lost, summary.plan.currency),
        )

    def _refresh_backfills(self, summary: ScenarioSummary) -> None:
        """Replacements for leavers, apart from the growth hires: they fill seats that exist."""
        backfills = summary.capacity.backfills
        leavers = [
            text for key in CHARTED_DEPARTMENTS if (text := self._leavers_text(summary, key))
        ]
        if not backfills and not leavers:
            self.backfills_label.setText(self.tr("Nobody is expected to leave this year."))
            self.backfills_label.setToolTip("")
            return
        roles = self.controller.editor.roles_by_key()
        language = self.controller.language
        parts = [
            f"{count} × {roles[key].short(language) if key in roles else key}"
            for key, count in backfills.items()
        ]
        text = (
            fill(
                self.tr(
                    "Backfills: %1 — replacements for people expected to leave; hired into "
                    "existing seats, so Add suggested hires adds no cards for them."
                ),
                ", ".join(parts),
            )
            if parts
            else self.tr("No backfill needed: the expected leavers do not add up to a person.")
        )
        self.backfills_label.setText(text)
        names = [
            f"{count} × {roles[key].name(language) if key in roles else key}"
            for key, count in backfills.items()
        ]
        self.backfills_label.setToolTip("\n".join([", ".join(names), *leavers]))
