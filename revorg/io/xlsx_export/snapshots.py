"""The Snapshots sheet (only when snapshots are asked for: `export --snapshot NAME`): each
snapshot's own set of figures beside the exported scenario's.

Column B is the scenario, linked to its figures (the Targets sheet's defined names, the Summary
sheet's totals), so it follows any edit of the workbook. Each snapshot has two columns: its
driver inputs as values with its results computed from them by the Targets sheet's formulas,
and the change from the snapshot to the scenario (B minus the snapshot), also formulas. The
organisation's headcount and cost of a snapshot are values: its positions are not in the
workbook.
"""

from __future__ import annotations

import datetime
from typing import Any

from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

from revorg.io.xlsx_export.book import Book
from revorg.io.xlsx_export.cells import append_all, clean_text, number
from revorg.io.xlsx_export.printing import PageTexts, page_layout, set_up_page
from revorg.io.xlsx_layout import DRIVER_NAMES, RESULT_NAMES, SUMMARY, label

SNAPSHOTS = "Snapshots"

# The sheet's own words: key -> (en, es, zh), as xlsx_layout.LABELS.
_WORDS: dict[str, tuple[str, str, str]] = {
    "snapshots_title": (
        "Snapshots beside this scenario",
        "Instantáneas junto a este escenario",
        "快照与本情景对照",
    ),
    "figure": ("Figure", "Cifra", "指标"),
    "change": ("Change to this scenario", "Cambio hasta este escenario", "至本情景的变化"),
    "taken_at": ("Taken (UTC)", "Tomada (UTC)", "拍摄时间（UTC）"),
    "taken_by": ("Taken by", "Tomada por", "拍摄人"),
    "taken_of": ("Of scenario", "Del escenario", "来源情景"),
    "section_drivers": ("Drivers", "Palancas", "驱动因素"),
    "section_organisation": ("Organisation", "Organización", "组织"),
}

# The Targets sheet's results, with the snapshot column's cells in place of the names.
_RESULTS = {
    "NewCustomers": "={Leads}*{CloseRate}",
    "NewBusiness": "=ROUND({NewCustomers}*{AverageDeal},2)",
    "Retained": "=ROUND({BaseRevenue}*{Retention}+{Expansion},2)",
    "TotalRevenue": "={NewBusiness}+{Retained}",
    "Gap": "=ROUND({Goal},2)-{TotalRevenue}",
}


def write_snapshots(book: Book, summary_total_row: int) -> None:
    """Add the sheet (last) when the export has snapshots; `summary_total_row` is the row of
    the Summary sheet's total (headcount in column I, cost in K)."""
    data = book.data
    if not data.snapshots:
        return
    sheet = book.workbook.create_sheet(SNAPSHOTS)
    book.sheets[SNAPSHOTS] = sheet
    # Printed as the other sheets are: A4, one page wide, the plan and scenario in the header.
    texts = PageTexts.of(data.plan_name, data.scenario_name, datetime.date.today(), book.language)
    set_up_page(sheet, page_layout(SNAPSHOTS), texts)
    styles = book.styles
    language = book.language

    def word(key: str) -> str:
        return _WORDS[key][{"es": 1, "zh": 2}.get(language, 0)]

    def cell(value: Any, style: Any) -> Any:
        return book.cell(SNAPSHOTS, value, style)

    sheet.sheet_view.showGridLines = False
    sheet.column_dimensions["A"].width = 34
    sheet.column_dimensions["B"].width = 20
    columns = [
        (get_column_letter(3 + 2 * i), get_column_letter(4 + 2 * i))
        for i in range(len(data.snapshots))
    ]
    for value_column, change_column in columns:
        sheet.column_dimensions[value_column].width = 20
        sheet.column_dimensions[change_column].width = 20
    rows: list[list[Any]] = [[cell(word("snapshots_title"), styles.title)], []]
    header = [cell(word("figure"), styles.header), _heading(book, data.scenario_name)]
    for snapshot in data.snapshots:
        header += [_heading(book, snapshot.name), cell(word("change"), styles.header)]
    rows.append(header)
    for key, field in (("taken_at", "taken_at"), ("taken_by", "taken_by"), ("taken_of", "source")):
        row: list[Any] = [word(key), None]
        for snapshot in data.snapshots:
            value = getattr(snapshot, field)
            if field == "taken_at":  # "2027-01-31 09:30:00" under a heading that says UTC
                value = value.replace("T", " ").removesuffix("Z")
            row += [book.user_text(SNAPSHOTS, value), None]
        rows.append(row)

    row_of: dict[str, int] = {}

    def figure(name: str, text: str, own: list[Any], linked: str, style: Any) -> None:
        r = len(rows) + 1
        row_of[name] = r
        line: list[Any] = [text, cell(linked, style)]
        for (value_column, _change), value in zip(columns, own, strict=True):
            line += [cell(value, style), cell(f"=$B{r}-{value_column}{r}", style)]
        rows.append(line)

    driver_styles = {
        "Goal": styles.money,
        "Leads": styles.integer,
        "CloseRate": styles.percent,
        "AverageDeal": styles.money,
        "BaseRevenue": styles.money,
        "Retention": styles.percent,
        "Expansion": styles.money,
    }
    rows += [[], [cell(word("section_drivers"), styles.section)]]
    for name, key in DRIVER_NAMES:
        values = [number(snapshot.targets[name]) for snapshot in data.snapshots]
        figure(name, label(key, language), list(values), f"={name}", driver_styles[name])
    rows += [[], [cell(label("section_results", language), styles.section)]]
    for name, key in RESULT_NAMES:
        formulas = [
            _RESULTS[name].format(**{n: f"{value_column}{row_of[n]}" for n in row_of})
            for value_column, _change in columns
        ]
        style = styles.decimal if name == "NewCustomers" else styles.money
        figure(name, label(key, language), list(formulas), f"={name}", style)
    rows += [[], [cell(word("section_organisation"), styles.section)]]
    figure(
        "Headcount",
        label("headcount", language),
        [snapshot.headcount for snapshot in data.snapshots],
        f"={SUMMARY}!$I${summary_total_row}",
        styles.integer,
    )
    figure(
        "Cost",
        label("total_cost", language),
        [number(snapshot.cost) for snapshot in data.snapshots],
        f"={SUMMARY}!$K${summary_total_row}",
        styles.money,
    )
    append_all(sheet, rows)


def _heading(book: Book, text: str) -> Any:
    """A heading of user text (a name): always text, never a formula."""
    heading = book.cell(SNAPSHOTS, None, book.styles.header)
    heading._value = clean_text(text)
    heading.data_type = "s"
    return heading
