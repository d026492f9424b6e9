"""A small cumulative chart of one department's target against its capacity over the fiscal year.

Imported only when the year plan is first shown (revorg.gui.panels.year_plan), so that the
chart's series and axes are not built at start-up.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCharts import QCategoryAxis, QChart, QChartView, QLineSeries
from PySide6.QtCore import QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import QWidget

from revorg.gui.i18n import fill
from revorg.gui.numbers import axis_unit
from revorg.gui.panels.axes import money_axis, show_money_axis
from revorg.gui.theme import is_dark
from revorg.model.phasing import MONTHS, Phased

TARGET_COLOUR = "#90A4AE"
CAPACITY_COLOUR = "#1E88E5"


def running_totals(values: tuple[Decimal, ...]) -> list[Decimal]:
    totals, so_far = [], Decimal(0)
    for value in values:
        so_far += value
        totals.append(so_far)
    return totals


# Below this height a title and a legend under the plot leave the month labels no room (Qt
# elides them to "..."; the Plan dock of a 1600 x 960 window gives the chart 124 pixels): the
# title goes (the tab's own line above says what the chart shows; the tooltip keeps it) and
# the legend moves to the right of the plot.
COMPACT_BELOW = 180


class CumulativeChart(QChartView):
    """Target so far and capacity so far, month by month, in the locale's large units."""

    def __init__(self, parent: QWidget | None = None) -> None:
        chart = QChart()
        chart.setTheme(
            QChart.ChartTheme.ChartThemeDark
            if is_dark(parent.palette() if parent else None)
            else QChart.ChartTheme.ChartThemeLight
        )
        super().__init__(chart, parent)
        self.setObjectName("cumulativeChart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setMargins(QMargins(0, 4, 14, 0))  # room for the last month's label
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self._title = ""
        self._compact = False
        # Made once and updated in place: QChart.removeAxis does not delete an axis.
        self.target_series = QLineSeries()
        self.target_series.setName(self.tr("Target"))
        self.target_series.setPen(QPen(QColor(TARGET_COLOUR), 2, Qt.PenStyle.DashLine))
        self.capacity_series = QLineSeries()
        self.capacity_series.setName(self.tr("Capacity"))
        self.capacity_series.setPen(QPen(QColor(CAPACITY_COLOUR), 2))
        self.month_axis = QCategoryAxis()
        self.month_axis.setLabelsPosition(
            QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue
        )
        self.value_axis = money_axis()
        chart.addAxis(self.month_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.value_axis, Qt.AlignmentFlag.AlignLeft)
        for series in (self.target_series, self.capacity_series):
            chart.addSeries(series)
            series.attachAxis(self.month_axis)
            series.attachAxis(self.value_axis)

    def show_year(
        self, phased: Phased, month_labels: list[str], department: str, currency: str
    ) -> None:
        highest = max(sum(phased.target, Decimal(0)), sum(phased.capacity, Decimal(0)))
        unit = axis_unit(highest)
        # Drawing only: floats never feed back into the plan's numbers.
        for series, values in (
            (self.target_series, phased.target),
            (self.capacity_series, phased.capacity),
        ):
            series.replace(
                [
                    QPointF(month + 1, unit.scaled(total))
                    for month, total in enumerate(running_totals(values))
                ]
            )
        for label in list(self.month_axis.categoriesLabels()):
            self.month_axis.remove(label)
        # Every third month: the ends of the quarters, where the table's columns end.
        for month in range(2, MONTHS, 3):
            self.month_axis.append(month_labels[month], month + 1)
        self.month_axis.setRange(1, MONTHS)
        show_money_axis(self.value_axis, unit)
        self.set_title(fill(self.tr("%1, cumulative"), department))
        self.setToolTip(
            fill(
                self.tr("%1: target and capacity so far, month by month, in %2"),
                department,
                currency,
            )
        )

    def set_title(self, title: str) -> None:
        """The chart's title, shown when there is room for it (COMPACT_BELOW)."""
        self._title = title
        self.chart().setTitle("" if self._compact else title)

    def resizeEvent(self, event: QResizeEvent) -> None:
        compact = event.size().height() < COMPACT_BELOW
        if compact != self._compact:
            self._compact = compact
            self.chart().setTitle("" if compact else self._title)
            self.chart().legend().setAlignment(
                Qt.AlignmentFlag.AlignRight if compact else Qt.AlignmentFlag.AlignBottom
            )
        super().resizeEvent(event)
