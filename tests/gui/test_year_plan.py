"""The year plan in the window: quarters and the first month behind, the seasonality editor,
backfills for leavers, and the revenue figures (quota coverage, pipeline, ARR walk, CLV).

Numbers are worked out by hand from the demo plan (2027, calendar fiscal year): marketing's
year target is 300 leads x 10 % x 12,000 = 360,000, a quarter 90,000; its capacity in Q1 is
73,510.81 (ramping hires), so the Q1 gap is 16,489.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTableWidget

from revorg.gui.numbers import format_money
from revorg.gui.panels.year_plan import YearPlanPanel
from revorg.gui.window.main_window import MainWindow
from revorg.model.seasonality import Seasonality
from tests.gui.conftest import choose_tab, demo_window_in


def table_texts(table: QTableWidget) -> list[list[str]]:
    return [
        [table.item(row, column).text() for column in range(table.columnCount())]
        for row in range(table.rowCount())
    ]


def headers(table: QTableWidget) -> list[str]:
    return [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]


def quarters_panel(window: MainWindow) -> YearPlanPanel:
    choose_tab(window, window.year_plan)  # drawn when shown
    return window.year_plan


def department_rows(panel: YearPlanPanel, name: str) -> list[list[str]]:
    """The target, capacity and gap rows of one department (its name is on the first)."""
    rows = table_texts(panel.table)
    first = next(i for i, row in enumerate(rows) if row[0] == name)
    return rows[first : first + 3]


def type_weight(window: MainWindow, month: int, text: str) -> None:
    field = window.year_plan.seasonality.fields[month]
    field.setFocus()
    field.selectAll()
    QTest.keyClicks(field, text)
    QTest.keyClick(field, Qt.Key.Key_Return)


def test_quarters_show_target_capacity_and_gap_of_the_demo(window: MainWindow) -> None:
    panel = quarters_panel(window)
    assert headers(panel.table)[2:] == [
        "Q1 (Jan-Mar 2027)",
        "Q2 (Apr-Jun 2027)",
        "Q3 (Jul-Sep 2027)",
        "Q4 (Oct-Dec 2027)",
        "Year",
    ]
    marketing = department_rows(panel, "Marketing")
    assert marketing[0][1:] == ["Target", "€90,000", "€90,000", "€90,000", "€90,000", "€360,000"]
    assert marketing[1][2:] == ["€73,511", "€94,511", "€97,471", "€97,471", "€362,964"]
    # Short in Q1 (red mark), ahead after: 90,000 - 94,511.04 = -4,511.
    assert marketing[2][2:4] == ["● €16,489", "● -€4,511"]
    gap_q1 = panel.table.item(2, 2).foreground().color()
    gap_q2 = panel.table.item(2, 3).foreground().color()
    assert gap_q1.red() > gap_q1.green() and gap_q2.green() > gap_q2.red()
    # Customer success: 600,000 x 90 % evenly + 100,000 expansion = 160,000 a quarter.
    total = department_rows(panel, "Total")
    assert total[0][2:] == ["€250,000"] * 4 + ["€1,000,000"]
    summary = window.controller.editor.summary()
    for quarter, (target, capacity) in enumerate(
        summary.year.phasing.departments["total"].quarters()
    ):
        assert total[1][2 + quarter] == format_money(capacity, "EUR")
        assert total[2][2 + quarter].endswith(format_money(target - capacity, "EUR"))
    # The cumulative chart, built when the tab was first shown, follows the row chosen.
    assert panel.chart is not None and panel.chart.chart().title() == "Total, cumulative"
    panel.table.setCurrentCell(3, 2)  # Sales' target row
    assert panel.chart.chart().title() == "Sales, cumulative"
    ends = [
        series.at(11).y() for series in (panel.chart.target_series, panel.chart.capacity_series)
    ]
    assert ends == [360.0, 376.5625]  # thousands: the year's target and capacity
    # Flat targets and ramping hires: every department is behind from the first month.
    assert panel.behind.text() == (
        "Marketing falls behind the target in January 2027; Sales in January 2027; "
        "Customer Success in January 2027"
    )


def test_back_loaded_quarters_move_the_first_month_behind(window: MainWindow) -> None:
    panel = quarters_panel(window)
    stack = window.controller.undo_stack
    before = stack.count()
    combo = panel.seasonality.shape_combo
    combo.setCurrentIndex(combo.findData("back_loaded_quarters"))
    combo.activated.emit(combo.currentIndex())
    assert stack.count() == before + 1
    assert [f.text() for f in panel.seasonality.fields[:3]] == ["5", "7.5", "12.5"]
    # Marketing: targets 18,000, 27,000, 45,000 against 23,700 + 23,400 + 26,410 of capacity:
    # ahead in January (23,700) and February (47,100 against 45,000), behind in March
    # (73,511 against 90,000). Customer success: 46,094 against 50,000 in January.
    assert panel.behind.text() == (
        "Marketing falls behind the target in March 2027; Sales in March 2027; "
        "Customer Success in January 2027"
    )
    # The quarters keep a quarter of the year each (20 + 30 + 50 % of 25 %).
    assert department_rows(panel, "Sales")[0][2:6] == ["€90,000"] * 4
    stack.undo()
    assert panel.seasonality.shape_combo.currentData() == "flat"
    assert "January 2027; Sales in January 2027" in panel.behind.text()


def test_an_april_fiscal_year_starts_its_quarters_in_april(window: MainWindow) -> None:
    panel = quarters_panel(window)
    assert window.controller.change_plan_settings(fiscal_start_month=4)
    assert headers(panel.table)[2:6] == [
        "Q1 (Apr-Jun 2027)",
        "Q2 (Jul-Sep 2027)",
        "Q3 (Oct-Dec 2027)",
        "Q4 (Jan-Mar 2028)",
    ]
    assert [label.text() for label in panel.seasonality.month_labels[:3]] == ["Apr", "May", "Jun"]
    assert panel.seasonality.month_labels[-1].text() == "Mar"
    # The demo's people have no start in the past: their months move with the year.
    assert panel.behind.text().startswith("Marketing falls behind the target in April 2027")


def test_typed_weights_apply_only_when_they_add_up_to_100(window: MainWindow) -> None:
    panel = quarters_panel(window)
    editor = panel.seasonality
    stack = window.controller.undo_stack
    before = stack.count()
    type_weight(window, 0, "10")  # 10 + 11 x 8.33 = 101.63
    assert editor.shape_combo.currentData() == "custom"
    assert "101.63 %" in editor.sum_label.text()
    assert "The months add up to 101.63 %, not 100 %: not applied yet." in editor.message.text()
    assert stack.count() == before  # refused: nothing to undo
    assert window.controller.editor.summary().year.phasing.seasonality.is_flat
    type_weight(window, 1, "6.66")  # 10 + 6.66 + 10 x 8.33 = 99.96: within the tolerance
    assert stack.count() == before + 1
    weights = window.controller.editor.summary().year.phasing.seasonality.weights
    assert weights is not None and weights[:2] == (Decimal(10), Decimal("6.66"))
    assert editor.message.text() == ""
    stack.undo()
    assert editor.shape_combo.currentData() == "flat"
    assert editor.fields[0].text() == "8.33"
    stack.redo()
    assert editor.shape_combo.currentData() == "custom"
    assert editor.fields[0].text() == "10"


def test_unreadable_weight_says_why_and_changes_nothing(window: MainWindow) -> None:
    editor = quarters_panel(window).seasonality
    stack = window.controller.undo_stack
    before = stack.count()
    type_weight(window, 4, "lots")
    assert stack.count() == before
    assert editor.message.text().startswith("<span") and "May: " in editor.message.text()
    # The plan stays editable: a shape still applies.
    editor.shape_combo.setCurrentIndex(editor.shape_combo.findData("growing_year"))
    editor.shape_combo.activated.emit(editor.shape_combo.currentIndex())
    assert stack.count() == before + 1
    assert window.controller.editor.summary().year.phasing.seasonality == Seasonality.parse(
        "growing_year"
    )


def test_backfills_are_listed_apart_from_growth_hires(window: MainWindow) -> None:
    panel = window.capacity_panel
    # Growth: one CSM closes customer success' gap; backfills replace the 0.875 AE and 0.7 SDR
    # of the chart expected to leave, rounded (its two CSMs' 0.4 is no hire to plan).
    assert panel.hires_label.text() == (
        "To close the gaps, hire 1 × Customer Success Manager (CSM), starting Jan 2027."
    )
    assert panel.backfills_label.text() == (
        "Backfills: 1 × AE, 1 × SDR — replacements for people expected to leave; "
        "hired into existing seats, so Add suggested hires adds no cards for them."
    )
    sales_cell = next(
        panel.table.item(row, 0)
        for row in range(panel.table.rowCount())
        if panel.table.item(row, 0).text() == "Sales"
    )
    # 0.875 AE + 0.7 SDR = 1.575 leavers; the AE's quota they take: 35,937.50.
    assert sales_cell.toolTip() == (
        "Sales: 1.6 people expected to leave this year, taking €35,938 of capacity"
    )


def test_quota_coverage_pipeline_arr_and_clv(window: MainWindow) -> None:
    panel = window.revenue_panel
    # Quota assigned 502,083.34 against 360,000 of new business: 139 %, over the range.
    assert panel.text("quota_coverage") == "139% (usual range 110-125%)"
    assert "Over the usual range" in panel.values["quota_coverage"].toolTip()
    assert panel.text("pipeline") == "€3,600,000 (at a 10% close rate)"
    walk = [panel.text(k) for k in ("arr_start", "churned", "expansion", "new", "arr_end")]
    assert walk == ["€600,000", "€60,000 (churn 10%)", "€100,000", "€360,000", "€1,000,000"]
    # 12,000 x 75 % gross margin / 10 % churn.
    assert panel.text("clv") == "€90,000 (at a 75% gross margin)"
    window.controller.set_target("leads", 600)  # new business 720,000: 502,083 is 70 %
    assert panel.text("quota_coverage") == "70% (usual range 110-125%)"
    assert "Below 100 %" in panel.values["quota_coverage"].toolTip()


@pytest.fixture
def chinese_window(qtbot) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    with demo_window_in("zh", qtbot) as window:
        yield window


def test_quarters_and_months_read_as_chinese_writes_them(chinese_window: MainWindow) -> None:
    panel = quarters_panel(chinese_window)
    assert headers(panel.table)[2] == "Q1（2027年1月-3月）"
    assert panel.behind.text() == (
        "市场部在2027年1月落后于目标；销售部在2027年1月；客户成功部在2027年1月"
    )
    assert panel.seasonality.shape_combo.currentText() == "均匀"
    assert chinese_window.revenue_panel.text("quota_coverage") == "139%（常见范围 110-125%）"


def test_a_short_cumulative_chart_gives_its_title_room_to_the_month_labels(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A chart under COMPACT_BELOW pixels (the Plan dock of a 1600 x 960 window) has no title
    and its legend on the right, so Qt does not elide the months to "..."; taller, both come
    back, the title as last set."""
    from revorg.gui.panels.year_chart import COMPACT_BELOW, CumulativeChart

    chart = CumulativeChart()
    qtbot.addWidget(chart)
    chart.set_title("Sales, cumulative")
    chart.resize(300, COMPACT_BELOW + 80)
    chart.show()
    qtbot.waitExposed(chart)
    assert chart.chart().title() == "Sales, cumulative"
    assert chart.chart().legend().alignment() == Qt.AlignmentFlag.AlignBottom
    chart.resize(300, COMPACT_BELOW - 56)
    qtbot.waitUntil(lambda: chart.chart().title() == "")
    assert chart.chart().legend().alignment() == Qt.AlignmentFlag.AlignRight
    chart.set_title("Marketing, cumulative")  # set while short: kept for later
    assert chart.chart().title() == ""
    chart.resize(300, COMPACT_BELOW + 80)
    qtbot.waitUntil(lambda: chart.chart().title() == "Marketing, cumulative")
    assert chart.chart().legend().alignment() == Qt.AlignmentFlag.AlignBottom
