"""The hiring plan: month by month per department and role (heads, ramped capacity or cost), and
the open positions on a timeline, where dragging a bar moves the hire's start month."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QLinearGradient,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from revorg.gui.controller import PlanController
from revorg.gui.i18n import month_name
from revorg.gui.numbers import format_count, format_money
from revorg.gui.panels.tables import make_table
from revorg.model.capacity import start_offset
from revorg.model.editing.change import Change, needs
from revorg.model.months import FiscalYear
from revorg.model.summary import scenario_assumptions
from revorg.model.timeline import MONTHS, TimelineRow

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
METRICS = ("headcount", "capacity", "cost")


@dataclass(frozen=True)
class OpenBar:
    """One open position on the timeline."""

    position_id: int
    label: str
    colour: str
    offset: int  # start month in the fiscal year, 0 to 11 (12: after the year)
    ramp: int = 0  # months to full productivity: drawn as a lighter, rising part of the bar


class OpenPositionsTimeline(QWidget):
    """Open positions as bars from their start month to the year's end; drag to move a start."""

    start_requested = Signal(int, int)  # position id, month offset in the fiscal year

    LABEL_WIDTH = 220
    ROW_HEIGHT = 22
    HEADER_HEIGHT = 22

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("openPositionsTimeline")
        self.bars: list[OpenBar] = []
        self.month_labels: list[str] = [""] * MONTHS
        self._dragged: int | None = None  # row index
        self._drag_offset: int | None = None
        self.setMouseTracking(False)
        self.setMinimumWidth(self.LABEL_WIDTH + MONTHS * 30)

    def set_bars(self, bars: list[OpenBar], month_labels: list[str]) -> None:
        self.bars = bars
        self.month_labels = month_labels
        self._dragged = None
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(
            self.LABEL_WIDTH + MONTHS * 60,
            self.HEADER_HEIGHT + 8 + len(self.bars) * self.ROW_HEIGHT,
        )

    def minimumSizeHint(self) -> QSize:
        return QSize(self.LABEL_WIDTH + MONTHS * 30, self.sizeHint().height())

    # --- geometry ---------------------------------------------------------------------------

    def month_width(self) -> float:
        return max(20.0, (self.width() - self.LABEL_WIDTH - 8) / MONTHS)

    def month_x(self, offset: int) -> int:
        return int(self.LABEL_WIDTH + offset * self.month_width())

    def offset_at(self, x: float) -> int:
        return max(0, min(MONTHS - 1, int((x - self.LABEL_WIDTH) // self.month_width())))

    def row_at(self, y: float) -> int | None:
        row = int((y - self.HEADER_HEIGHT) // self.ROW_HEIGHT)
        return row if 0 <= row < len(self.bars) and y >= self.HEADER_HEIGHT else None

    def bar_rect(self, row: int, offset: int) -> QRect:
        top = self.HEADER_HEIGHT + row * self.ROW_HEIGHT + 3
        left = self.month_x(min(offset, MONTHS))
        return QRect(left, top, max(0, self.month_x(MONTHS) - left), self.ROW_HEIGHT - 6)

    # --- painting ---------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor("white"))
        painter.setPen(QColor("#546E7A"))
        for month, label in enumerate(self.month_labels):
            rect = QRect(self.month_x(month), 0, int(self.month_width()), self.HEADER_HEIGHT)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)
        painter.setPen(QPen(QColor("#ECEFF1")))
        for month in range(MONTHS + 1):
            x = self.month_x(month)
            painter.drawLine(x, self.HEADER_HEIGHT, x, self.height())
        first = max(0, (event.rect().top() - self.HEADER_HEIGHT) // self.ROW_HEIGHT)
        last = min(len(self.bars), event.rect().bottom() // self.ROW_HEIGHT + 1)
        for row in range(first, last):  # only the rows on screen: thousands of open positions
            self._paint_row(painter, row)

    def _paint_row(self, painter: QPainter, row: int) -> None:
        bar = self.bars[row]
        offset = (
            self._drag_offset
            if row == self._dragged and self._drag_offset is not None
            else bar.offset
        )
        top = self.HEADER_HEIGHT + row * self.ROW_HEIGHT
        painter.setPen(QColor("#263238"))
        label_rect = QRect(6, top, self.LABEL_WIDTH - 12, self.ROW_HEIGHT)
        elided = painter.fontMetrics().elidedText(
            bar.label, Qt.TextElideMode.ElideRight, label_rect.width()
        )
        painter.drawText(label_rect, Qt.AlignmentFlag.AlignVCenter, elided)
        rect = self.bar_rect(row, offset)
        colour = QColor(bar.colour)
        if row == self._dragged:
            colour = colour.darker(130)
        painter.setPen(Qt.PenStyle.NoPen)
        ramp_end = min(self.month_x(min(offset + bar.ramp, MONTHS)), rect.right())
        gradient = QLinearGradient(rect.left(), 0, max(rect.left() + 1, ramp_end), 0)
        gradient.setColorAt(0.0, colour.lighter(170))
        gradient.setColorAt(1.0, colour)
        painter.setBrush(QBrush(gradient))
        painter.drawRoundedRect(rect, 4, 4)

    # --- dragging a start month -------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        point = event.position()
        row = self.row_at(point.y())
        if row is None or event.button() != Qt.MouseButton.LeftButton:
            return
        if (
            self.bar_rect(row, self.bars[row].offset)
            .adjusted(-6, 0, 0, 0)
            .contains(point.toPoint())
        ):
            self._dragged = row
            self._drag_offset = self.bars[row].offset
            self.setCursor(Qt.CursorShape.SizeHorCursor)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._dragged is None:
            return
        offset = self.offset_at(event.position().x())
        if offset != self._drag_offset:
            self._drag_offset = offset
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._dragged is None:
            return
        row, offset = self._dragged, self.offset_at(event.position().x())
        self._dragged = None
        self._drag_offset = None
        self.unsetCursor()
        self.update()
        if offset != self.bars[row].offset:
            self.start_requested.emit(self.bars[row].position_id, offset)

    def bar_centre(self, position_id: int) -> QPoint:
        """Where a bar starts, for tests and accessibility tools."""
        row = next(i for i, bar in enumerate(self.bars) if bar.position_id == position_id)
        rect = self.bar_rect(row, self.bars[row].offset)
        return QPoint(rect.left() + 4, rect.center().y())


class HiringPlanPanel(QWidget):
    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hiringPlan")
        self.controller = controller
        self.metric_combo = QComboBox()
        self.metric_combo.setObjectName("hiringMetric")
        for key, label in zip(
            METRICS,
            (self.tr("Headcount"), self.tr("Ramped capacity"), self.tr("Cost")),
            strict=True,
        ):
            self.metric_combo.addItem(label, key)
        self.table = make_table("hiringTable", [""] * (MONTHS + 3))
        self.table.setAccessibleName(self.tr("Hiring plan by month"))
        self.table.horizontalHeader().setStretchLastSection(False)
        self.timeline = OpenPositionsTimeline()
        scroll = QScrollArea()
        scroll.setWidget(self.timeline)
        scroll.setWidgetResizable(True)
        top_row = QHBoxLayout()
        top_row.addWidget(QLabel(self.tr("Show")))
        top_row.addWidget(self.metric_combo)
        top_row.addStretch(1)
        top_row.addWidget(
            QLabel(
                self.tr(
                    "Open positions: drag a bar to move the start month; "
                    "the light part is the ramp to full productivity."
                )
            )
        )
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(scroll)
        splitter.setSizes([600, 500])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top_row)
        layout.addWidget(splitter, 1)
        self.metric_combo.currentIndexChanged.connect(lambda _index: self.refresh())
        self.timeline.start_requested.connect(self.move_start)
        self._stale = True
        controller.plan_changed.connect(self._plan_changed)

    def _plan_changed(self, change: Change | None) -> None:
        """Recompute only when on screen: on a large chart the monthly plan is not free."""
        if not needs(change, positions=True, assumptions=True):
            return
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def shown_metric(self) -> str:
        # Not metric(): that name is QPaintDevice's virtual, which Qt calls to draw the widget.
        return str(self.metric_combo.currentData())

    def refresh(self) -> None:
        self._stale = False
        fiscal = self.controller.editor.fiscal_year()
        labels = [month_name(month.month) for month in fiscal.months()]
        self._refresh_table(self.controller.editor.hiring_timeline(), labels)
        self._refresh_timeline(fiscal, labels)

    def _refresh_table(self, rows: list[TimelineRow], month_labels: list[str]) -> None:
        metric = self.shown_metric()
        roles = self.controller.editor.roles_by_key()
        departments = self.controller.editor.departments_by_key()
        language = self.controller.language
        currency = self.controller.editor.scenario.plan.currency
        headers = [self.tr("Department"), self.tr("Role"), *month_labels, self.tr("Year")]
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            department = departments.get(row.department_key)
            role = roles.get(row.role_key)
            values: list[Decimal] = [Decimal(v) for v in getattr(row, metric)]
            # Heads at the year's end; capacity and cost as the other panels count them.
            year = {"headcount": values[-1], "capacity": row.year_capacity, "cost": row.year_cost}[
                metric
            ]
            cells = [
                department.name(language) if department else row.department_key,
                role.name(language) if role else row.role_key,
                *[self._format(metric, row.kind, v, currency) for v in values],
                self._format(metric, row.kind, year, currency),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 2:
                    item.setTextAlignment(RIGHT)
                if column >= 2 and column < 2 + MONTHS and row.open_starts[column - 2]:
                    item.setBackground(QColor("#FFF3E0"))
                    item.setToolTip(
                        self.tr(
                            "%Ln open positions start this month", "", row.open_starts[column - 2]
                        )
                    )
                self.table.setItem(index, column, item)

    def _format(self, metric: str, kind: str, value: Decimal, currency: str) -> str:
        if metric == "headcount":
            return format_count(value)
        if metric == "cost":
            return self.controller.salary_money(value)
        if kind in ("quota", "expansion_quota", "book_of_business"):
            return format_money(value)
        if kind == "none":
            return ""
        return format_count(value.quantize(Decimal("0.1")))

    def _refresh_timeline(self, fiscal: FiscalYear, month_labels: list[str]) -> None:
        departments = self.controller.editor.departments_by_key()
        assumptions = scenario_assumptions(self.controller.editor.scenario)
        bars = []
        for position in self.controller.editor.positions().values():
            if not position.is_open:
                continue
            department = departments.get(position.department_key)
            heads = f" × {position.headcount}" if position.headcount > 1 else ""
            bars.append(
                OpenBar(
                    position_id=position.id,
                    label=f"{position.title}{heads}",
                    colour=department.color if department else "#888888",
                    offset=min(start_offset(position, fiscal), MONTHS),
                    ramp=assumptions.ramp_months(position.role_key),
                )
            )
        order = {key: index for index, key in enumerate(departments)}
        bars.sort(key=lambda bar: (bar.offset, bar.label, bar.position_id))
        bars.sort(
            key=lambda bar: order.get(
                self.controller.editor.position(bar.position_id).department_key, 99
            )
        )
        self.timeline.set_bars(bars, month_labels)

    def move_start(self, position_id: int, offset: int) -> None:
        """Undoable: the hire's start month moves, and capacity and cost follow everywhere."""
        start = self.controller.editor.fiscal_year().first.plus_months(offset)
        self.controller.edit(position_id, {"start_month": start})
