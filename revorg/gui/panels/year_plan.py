"""The year by quarter: each department's target and capacity (and the plan's total) in the four
fiscal quarters, the gap marked as the capacity panel marks a status, the first month where the
capacity so far falls behind the target so far, and the seasonality that shapes the targets.

A cumulative chart of target against capacity sits beside the table; it is built the first time
the tab is shown, so that QtCharts' scene costs nothing at start-up.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QBrush, QFont, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from revorg.gui.controller import PlanController
from revorg.gui.i18n import fill, month_label, month_name
from revorg.gui.numbers import format_money
from revorg.gui.panels.capacity import STATUS_COLOURS
from revorg.gui.panels.seasonality import SeasonalityEditor
from revorg.gui.panels.tables import make_table
from revorg.gui.theme import readable
from revorg.model.capacity import status_of
from revorg.model.editing.change import Change
from revorg.model.months import YearMonth
from revorg.model.phasing import PHASED_DEPARTMENTS, QUARTERS, TOTAL, Phased, YearPhasing

if TYPE_CHECKING:
    from revorg.gui.panels.year_chart import CumulativeChart

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
SHOWN = (*PHASED_DEPARTMENTS, TOTAL)
MEASURES = 3  # target, capacity, gap: one table row each


class YearPlanPanel(QWidget):
    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("yearPlan")
        self.controller = controller
        self.seasonality = SeasonalityEditor(controller)
        self.table = make_table("quartersTable", [""] * (2 + QUARTERS + 1))
        self.table.setAccessibleName(self.tr("Targets and capacity by quarter"))
        self.table.setToolTip(
            self.tr(
                "Revenue target and capacity per fiscal quarter; the gap is the target less "
                "the capacity (above zero: capacity falls short)."
            )
        )
        self.behind = QLabel()
        self.behind.setObjectName("firstMonthBehind")
        self.behind.setWordWrap(True)
        self.behind.setToolTip(
            self.tr(
                "The first month where a department's capacity so far is less than its target "
                "so far (months in the fiscal year, targets shaped by the seasonality)."
            )
        )
        self.chart: CumulativeChart | None = None
        self.chart_holder = QWidget()
        self.chart_holder.setObjectName("cumulativeChartHolder")
        self.chart_holder.setMinimumWidth(300)
        QVBoxLayout(self.chart_holder).setContentsMargins(0, 0, 0, 0)
        middle = QVBoxLayout()
        middle.setContentsMargins(0, 0, 0, 0)
        middle.addWidget(self.table, 1)
        middle.addWidget(self.behind)
        middle_widget = QWidget()
        middle_widget.setLayout(middle)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(middle_widget)
        splitter.addWidget(self.chart_holder)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.VLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.seasonality)
        layout.addWidget(line)
        layout.addWidget(splitter, 1)
        self.table.currentCellChanged.connect(self._row_chosen)
        self._stale = True
        self._charted = TOTAL
        controller.plan_changed.connect(self._plan_changed)

    def _plan_changed(self, _change: Change | None) -> None:
        # Any edit may move the year: positions (capacity), targets, seasonality, assumptions,
        # the fiscal year (plan settings). The summary is the editor's; only drawing costs.
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.chart is None:
            self._make_chart()
        if self._stale:
            self.refresh()

    def _make_chart(self) -> None:
        from revorg.gui.panels.year_chart import CumulativeChart

        self.chart = CumulativeChart(self.chart_holder)
        layout = self.chart_holder.layout()
        assert layout is not None
        layout.addWidget(self.chart)
        self._stale = True

    # --- labels -------------------------------------------------------------------------------

    def department_name(self, key: str) -> str:
        if key == TOTAL:
            return self.tr("Total")
        department = self.controller.editor.departments_by_key().get(key)
        return department.name(self.controller.language) if department else key

    def quarter_label(self, quarter: int, months: tuple[YearMonth, ...]) -> str:
        """ "Q1 (Jan-Mar 2027)", or "Q4 (Nov 2027-Jan 2028)" across the turn of a year."""
        first, last = months[0], months[-1]
        if first.year == last.year:
            return fill(
                self.tr("Q%1 (%2-%3 %4)"),
                quarter + 1,
                month_name(first.month),
                month_name(last.month),
                first.year,
            )
        return fill(self.tr("Q%1 (%2-%3)"), quarter + 1, month_label(first), month_label(last))

    def long_month(self, month: YearMonth) -> str:
        """ "January 2027", "enero de 2027", "2027年1月"."""
        locale = QLocale()
        if locale.language() == QLocale.Language.Chinese:
            return month_label(month, locale)
        name = locale.standaloneMonthName(month.month, QLocale.FormatType.LongFormat)
        return fill(self.tr("%1 %2"), name, month.year)

    def behind_text(self, phasing: YearPhasing) -> str:
        """ "Sales falls behind the target in January 2027; Customer Success in January 2027"."""
        parts: list[str] = []
        for key in PHASED_DEPARTMENTS:
            month = phasing.departments[key].first_month_behind()
            if month is None:
                continue
            template = (
                self.tr("%1 falls behind the target in %2") if not parts else self.tr("%1 in %2")
            )
            parts.append(
                fill(template, self.department_name(key), self.long_month(phasing.months[month]))
            )
        if not parts:
            return self.tr("Capacity keeps up with the target all year in every department.")
        return self.tr("; ").join(parts)

    # --- showing ------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._stale = False
        summary = self.controller.editor.summary()
        phasing = summary.year.phasing
        currency = summary.plan.currency
        headers = [
            self.tr("Department"),
            "",
            *[
                self.quarter_label(quarter, phasing.quarter_months(quarter))
                for quarter in range(QUARTERS)
            ],
            self.tr("Year"),
        ]
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(SHOWN) * MEASURES)
        for index, key in enumerate(SHOWN):
            self._fill_department(index * MEASURES, key, phasing.departments[key], currency)
        self.behind.setText(self.behind_text(phasing))
        self._refresh_chart()

    def _fill_department(self, row: int, key: str, phased: Phased, currency: str) -> None:
        quarters = phased.quarters()
        year = (sum(phased.target, Decimal(0)), sum(phased.capacity, Decimal(0)))
        measures = (self.tr("Target"), self.tr("Capacity"), self.tr("Gap"))
        bold = QFont(self.table.font())
        bold.setBold(key == TOTAL)
        for measure, name in enumerate(measures):
            cells = [self.department_name(key) if measure == 0 else "", name]
            statuses: list[str | None] = [None, None]
            for target, capacity in [*quarters, year]:
                value = (target, capacity, target - capacity)[measure]
                cells.append(format_money(value, currency))
                statuses.append(
                    status_of(capacity / target if target > 0 else None) if measure == 2 else None
                )
            for column, text in enumerate(cells):
                status = statuses[column]
                item = QTableWidgetItem(("● " if status else "") + text)
                item.setFont(bold)
                item.setData(Qt.ItemDataRole.UserRole, key)
                if column >= 2:
                    item.setTextAlignment(RIGHT)
                if status:
                    item.setForeground(QBrush(readable(STATUS_COLOURS[status])))
                self.table.setItem(row + measure, column, item)

    def _row_chosen(self, row: int, _column: int, _previous_row: int, _previous: int) -> None:
        if 0 <= row < len(SHOWN) * MEASURES:
            self._charted = SHOWN[row // MEASURES]
            self._refresh_chart()

    def _refresh_chart(self) -> None:
        if self.chart is None:
            return
        summary = self.controller.editor.summary()
        phasing = summary.year.phasing
        self.chart.show_year(
            phasing.departments[self._charted],
            [month_name(month.month) for month in phasing.months],
            self.department_name(self._charted),
            summary.plan.currency,
        )
