"""The money axis of the panels' charts, in the locale's large units (revorg.gui.numbers)."""

from __future__ import annotations

from PySide6.QtCharts import QCategoryAxis

from revorg.gui.numbers import AxisUnit


def money_axis() -> QCategoryAxis:
    """A value axis whose labels are ours: Qt's label formats take ASCII only, and Chinese
    counts in 万 and 亿."""
    axis = QCategoryAxis()
    axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    axis.setTruncateLabels(False)  # "400k" would be cut to "…" in a panel this low
    return axis


def show_money_axis(axis: QCategoryAxis, unit: AxisUnit) -> None:
    """Ticks and labels of `unit`, from 0 to its maximum."""
    for label in list(axis.categoriesLabels()):
        axis.remove(label)
    for value, label in unit.tick_labels():
        axis.append(label, value)
    axis.setRange(0, unit.maximum)
