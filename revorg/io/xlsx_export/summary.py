"""The Summary sheet: goal, target against capacity per department and per driver line, cost,
CAC, the CRO's cost against its uplift, and a bar chart of target against capacity per
department. The capacity figures are the twins in capacity_formulas; the cost figures mirror
revorg.model.cost."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from openpyxl.chart import BarChart, Reference  # type: ignore[import-untyped]
from openpyxl.formatting.formatting import (  # type: ignore[import-untyped]
    ConditionalFormattingList,
)
from openpyxl.formatting.rule import CellIsRule  # type: ignore[import-untyped]
from openpyxl.styles import PatternFill  # type: ignore[import-untyped]

from revorg.io.xlsx_export.book import Book
from revorg.io.xlsx_export.capacity_formulas import (
    booked_meeting_share,
    closers_per_setter,
    department_formulas,
    driver_line_formulas,
    line_status,
    meeting_to_win_rate,
)
from revorg.io.xlsx_export.cells import STATUS_FILLS, append_all, currency_format, formula_text
from revorg.io.xlsx_layout import SUMMARY
from revorg.model.catalogue import non_revenue_departments
from revorg.model.cost import DEFAULT_CRO_UPLIFT
from revorg.model.vocabulary import DriverLineKey, LineUnit, Metric, Status

OVERVIEW_KEYS = ("goal", "total_revenue", "gap", "new_customers")
LINE_KEYS = tuple(DriverLineKey)
COST_KEYS = (
    "total_cost",
    "cost_share",
    "cac",
    "cro_cost",
    "cro_uplift_rate",
    "cro_uplift_revenue",
    "cro_net_benefit",
    "meeting_to_win",
    "ae_share",
    "aes_per_sdr",
)
DEPARTMENT_HEADINGS = (
    "department",
    "key",
    "target",
    "capacity_short",
    "coverage",
    "department_gap",
    "status",
    "positions",
    "headcount",
    "open_positions",
    "cost_short",
    "run_rate_cost",
)
LINE_HEADINGS = (
    "line",
    "key",
    "target",
    "capacity_short",
    "coverage",
    "shortfall",
    "status",
    "department",
    "unit",
)
# The defined names of the phased departments' target and capacity cells: MarketingTarget...
YEAR_NAME_PREFIXES = {"marketing": "Marketing", "sales": "Sales", "customer_success": "Success"}
# Each line's department and unit (revorg.model.capacity.coverage.driver_lines); None: money.
LINE_PLACES = {
    DriverLineKey.LEADS: ("marketing", LineUnit.LEADS),
    DriverLineKey.NEW_BUSINESS: ("sales", None),
    DriverLineKey.MEETINGS: ("sales", LineUnit.MEETINGS),
    DriverLineKey.BASE_REVENUE: ("customer_success", None),
    DriverLineKey.EXPANSION: ("customer_success", None),
}


@dataclass
class _Layout:
    """Where each part of the sheet starts: the sheet's rows by number."""

    departments: int
    department_head: int = field(init=False)
    first_department: int = field(init=False)
    total_row: int = field(init=False)
    lines_head: int = field(init=False)
    line_row: dict[DriverLineKey, int] = field(init=False)
    cost_head: int = field(init=False)
    cost_row: dict[str, int] = field(init=False)

    def __post_init__(self) -> None:
        self.department_head = 3 + len(OVERVIEW_KEYS) + 2  # heading row of the departments
        self.first_department = self.department_head + 1
        self.total_row = self.first_department + self.departments
        self.lines_head = self.total_row + 3
        self.line_row = {key: self.lines_head + 1 + i for i, key in enumerate(LINE_KEYS)}
        self.cost_head = self.line_row[DriverLineKey.EXPANSION] + 2
        self.cost_row = {key: self.cost_head + 1 + i for i, key in enumerate(COST_KEYS)}

    @property
    def last_department(self) -> int:
        return self.total_row - 1


def summary_total_row(book: Book) -> int:
    """The row of the Summary sheet's total (headcount in column I, cost this year in K)."""
    return _Layout(len(book.data.departments)).total_row


def write_summary(book: Book) -> dict[str, str]:
    """Write the sheet; its defined names and their cells."""
    sheet = book.sheets[SUMMARY]
    for column, width in zip(
        "ABCDEFGHIJKL", (46, 4, 17, 17, 11, 17, 9, 18, 11, 9, 19, 17), strict=True
    ):
        sheet.column_dimensions[column].width = width
    sheet.column_dimensions["B"].hidden = True
    sheet.sheet_view.showGridLines = False
    layout = _Layout(len(book.data.departments))
    names = {
        "MeetingToWinRate": f"$C${layout.cost_row['meeting_to_win']}",
        "AeShare": f"$C${layout.cost_row['ae_share']}",
    }
    rows: dict[int, list[Any]] = {
        1: [book.cell(SUMMARY, '=PlanName&" – "&ScenarioName', book.styles.title)],
    }
    # The year plan (Year plan sheet) phases these: each department's target and capacity.
    for i, department in enumerate(book.data.departments):
        prefix = YEAR_NAME_PREFIXES.get(department.key)
        if prefix is not None:
            names[f"{prefix}Target"] = f"$C${layout.first_department + i}"
            names[f"{prefix}Capacity"] = f"$D${layout.first_department + i}"
    names["ExpansionCapacity"] = f"$D${layout.line_row[DriverLineKey.EXPANSION]}"
    _overview(book, rows)
    _departments(book, layout, rows)
    _lines(book, layout, rows)
    _cost(book, layout, rows)
    append_all(sheet, [rows.get(r, []) for r in range(1, max(rows) + 1)])
    _status_colours_and_chart(book, layout)
    return names


def _overview(book: Book, rows: dict[int, list[Any]]) -> None:
    styles = book.styles
    overview = {
        "goal": ("=Goal", styles.money),
        "total_revenue": ("=TotalRevenue", styles.money),
        "gap": ("=Gap", styles.money_bold),
        "new_customers": ("=NewCustomers", styles.decimal),
    }
    for i, key in enumerate(OVERVIEW_KEYS):
        formula, style = overview[key]
        rows[3 + i] = [book.text(key), None, book.cell(SUMMARY, formula, style)]


def _departments(book: Book, layout: _Layout, rows: dict[int, list[Any]]) -> None:
    styles = book.styles
    head = layout.department_head
    rows[head - 1] = [book.cell(SUMMARY, book.text("section_departments"), styles.section)]
    rows[head] = [book.cell(SUMMARY, book.text(key), styles.header) for key in DEPARTMENT_HEADINGS]
    by_department = department_formulas(layout.line_row)
    for i, department in enumerate(book.data.departments):
        r = layout.first_department + i
        target, capacity, status = by_department.get(department.key, ("=0", "=0", str(Status.NONE)))
        rows[r] = [
            department.name(book.language),
            department.key,
            book.cell(SUMMARY, target, styles.money),
            book.cell(SUMMARY, capacity, styles.money),
            book.cell(SUMMARY, f'=IF(C{r}>0,D{r}/C{r},"")', styles.percent),
            book.cell(SUMMARY, f"=C{r}-D{r}", styles.money),
            status,
            f"=COUNTIFS(OrgDepartment,$B{r})",
            book.cell(SUMMARY, f"=SUMIFS(OrgHeadcount,OrgDepartment,$B{r})", styles.integer),
            book.cell(
                SUMMARY, f"=SUMIFS(OrgHeadcount,OrgDepartment,$B{r},OrgOpen,1)", styles.integer
            ),
            book.cell(SUMMARY, f"=SUMIFS(OrgCostYear,OrgDepartment,$B{r})", styles.money),
            book.cell(
                SUMMARY,
                f"=SUMPRODUCT((OrgDepartment=$B{r})*OrgHeadcount,OrgAnnualCost)",
                styles.money,
            ),
        ]
    # The total is the revenue organisation's, as in the app: Outside revenue is listed, not added.
    outside = non_revenue_departments()
    counted = [
        layout.first_department + i
        for i, department in enumerate(book.data.departments)
        if department.key not in outside
    ]

    def total(column: str) -> str:
        return "=SUM({})".format(",".join(f"{column}{r}" for r in counted)) if counted else "=0"

    rows[layout.total_row] = [
        book.cell(SUMMARY, book.text("total"), styles.bold),
        None,
        # No total of targets: marketing's and sales' targets are the same new business.
        None,
        None,
        None,
        None,
        None,
        book.cell(SUMMARY, total("H"), styles.integer_bold),
        book.cell(SUMMARY, total("I"), styles.integer_bold),
        book.cell(SUMMARY, total("J"), styles.integer_bold),
        book.cell(SUMMARY, total("K"), styles.money_bold),
        book.cell(SUMMARY, total("L"), styles.money_bold),
    ]


def _lines(book: Book, layout: _Layout, rows: dict[int, list[Any]]) -> None:
    styles = book.styles
    head = layout.lines_head
    rows[head - 1] = [book.cell(SUMMARY, book.text("section_lines"), styles.section)]
    rows[head] = [book.cell(SUMMARY, book.text(key), styles.header) for key in LINE_HEADINGS]
    names = {d.key: d.name(book.language) for d in book.data.departments}
    formulas = driver_line_formulas()
    for key, r in layout.line_row.items():
        target, capacity = formulas[key]
        department_key, count_unit = LINE_PLACES[key]
        unit = book.data.currency if count_unit is None else str(count_unit)
        style = styles.money if count_unit is None else styles.number
        rows[r] = [
            book.text(f"line_{key}"),
            str(key),
            book.cell(SUMMARY, target, style),
            book.cell(SUMMARY, capacity, style),
            book.cell(SUMMARY, f'=IF(N(C{r})>0,D{r}/C{r},"")', styles.percent),
            book.cell(SUMMARY, f'=IF(N(C{r})>0,MAX(0,C{r}-D{r}),"")', style),
            line_status(r),
            names.get(department_key, department_key),
            unit,
        ]


def _cost(book: Book, layout: _Layout, rows: dict[int, list[Any]]) -> None:
    styles = book.styles
    rows[layout.cost_head] = [book.cell(SUMMARY, book.text("section_cost"), styles.section)]
    cr = layout.cost_row
    uplift = f'AssumptionRole,"cro",AssumptionMetric,"{Metric.REVENUE_UPLIFT}"'
    cost_formulas: dict[str, tuple[str, Any]] = {
        "total_cost": (f"=K{layout.total_row}", styles.money_bold),
        "cost_share": (f'=IF(Goal>0,C{cr["total_cost"]}/Goal,"")', styles.percent),
        "cac": (
            '=IF(NewCustomers>0,ROUND((SUMIFS(OrgCostYear,OrgDepartment,"sales")+'
            'SUMIFS(OrgCostYear,OrgDepartment,"marketing"))/NewCustomers,2),"")',
            styles.money,
        ),
        "cro_cost": ('=SUMIFS(OrgCostYear,OrgRole,"cro")', styles.money),
        "cro_uplift_rate": (
            f"=IF(COUNTIFS({uplift})=0,{DEFAULT_CRO_UPLIFT},SUMIFS(AssumptionValue,{uplift}))",
            styles.percent,
        ),
        "cro_uplift_revenue": (f"=ROUND(Goal*C{cr['cro_uplift_rate']},2)", styles.money),
        "cro_net_benefit": (
            f"=C{cr['cro_uplift_revenue']}-C{cr['cro_cost']}",
            styles.money_bold,
        ),
        "meeting_to_win": (meeting_to_win_rate(), styles.percent),
        "ae_share": (booked_meeting_share(), styles.percent),
        "aes_per_sdr": (closers_per_setter(), styles.decimal),
    }
    for key, r in cr.items():
        formula, style = cost_formulas[key]
        rows[r] = [book.text(key), None, book.cell(SUMMARY, formula, style)]


def _status_colours_and_chart(book: Book, layout: _Layout) -> None:
    sheet = book.sheets[SUMMARY]
    first, last = layout.first_department, layout.last_department
    line_row = layout.line_row
    sheet.conditional_formatting = ConditionalFormattingList()
    for status, color in STATUS_FILLS.items():
        fill = PatternFill("solid", start_color=color, end_color=color, bgColor=color)
        lines = f"G{line_row[DriverLineKey.LEADS]}:G{line_row[DriverLineKey.EXPANSION]}"
        for ref in (f"G{first}:G{last}", lines):
            sheet.conditional_formatting.add(
                ref, CellIsRule(operator="equal", formula=[formula_text(status)], fill=fill)
            )
    chart = BarChart()
    chart.type = "col"
    chart.title = book.text("chart_title")
    chart.y_axis.numFmt = currency_format(book.data.currency).replace(".00", "")
    chart.y_axis.majorGridlines = None
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.height = 9
    chart.width = 18
    data = Reference(sheet, min_col=3, max_col=4, min_row=layout.department_head, max_row=last)
    categories = Reference(sheet, min_col=1, min_row=first, max_row=last)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(categories)
    sheet.add_chart(chart, "N3")
