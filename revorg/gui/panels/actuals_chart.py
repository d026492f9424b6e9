"""The plan against actual, cumulative over the fiscal year: the target so far as a dashed line
and what was booked so far as a solid one, up to the last month with data.

Imported only when the Actuals tab is first shown (revorg.gui.panels.actuals)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QWidget

from revorg.gui.i18n import fill, month_name
from revorg.gui.numbers import axis_unit
from revorg.gui.panels.axes import show_money_axis
from revorg.gui.panels.year_chart import CumulativeChart
from revorg.model.actuals.progress import Progress

ACTUAL_COLOUR = "#2E7D32"


class ActualsChart(CumulativeChart):
    """The year plan's cumulative chart (its axes, theme and legend), its second line what was
    booked instead of the capacity."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actualsChart")
        self.target_series.setName(self.tr("Plan"))
        self.actual_series = self.capacity_series
        self.actual_series.setName(self.tr("Booked"))
        self.actual_series.setPen(QPen(QColor(ACTUAL_COLOUR), 3))

    def show_progress(self, progress: Progress, currency: str) -> None:
        # Drawing only, in the axis's unit: floats never feed back into the plan's numbers.
        year_target = sum((month.total_target for month in progress.months), Decimal(0))
        year_booked = sum((month.total for month in progress.months), Decimal(0))
        unit = axis_unit(max(year_target, year_booked))
        target = booked = Decimal(0)
        target_points, actual_points = [], []
        elapsed = 0 if progress.through is None else progress.through + 1
        for index, month in enumerate(progress.months):
            target += month.total_target
            booked += month.total
            target_points.append(QPointF(index + 1, unit.scaled(target)))
            if index < elapsed:
                actual_points.append(QPointF(index + 1, unit.scaled(booked)))
        self.target_series.replace(target_points)
        self.actual_series.replace(actual_points)
        for label in list(self.month_axis.categoriesLabels()):
            self.month_axis.remove(label)
        for index in range(2, len(progress.months), 3):  # the ends of the quarters
            self.month_axis.append(month_name(progress.months[index].month.month), index + 1)
        self.month_axis.setRange(1, len(progress.months))
        show_money_axis(self.value_axis, unit)
        self.set_title(self.tr("Plan against actual, cumulative"))
        self.setToolTip(
            fill(
                self.tr("Target so far and bookings so far, month by month, in %1"),
                currency,
            )
        )
