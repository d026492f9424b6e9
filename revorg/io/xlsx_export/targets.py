"""The Targets sheet: the plan's identity and the driver inputs as defined names, and the
results computed from them (revorg.model.planning.forecast's formulas)."""

from __future__ import annotations

from typing import Any

from revorg.io.xlsx_export.book import Book
from revorg.io.xlsx_export.cells import append_all, number
from revorg.io.xlsx_layout import DRIVER_NAMES, PLAN_NAMES, RESULT_NAMES, TARGETS


def write_targets(book: Book) -> dict[str, int]:
    """Write the sheet; the row of each defined name."""
    sheet = book.sheets[TARGETS]
    styles = book.styles
    data = book.data
    sheet.column_dimensions["A"].width = 40
    sheet.column_dimensions["B"].width = 22
    sheet.column_dimensions["C"].width = 44
    sheet.sheet_view.showGridLines = False
    target_rows: dict[str, int] = {}
    rows: list[list[Any]] = [
        [book.cell(TARGETS, book.text("targets_title"), styles.title)],
        [],
        [book.cell(TARGETS, book.text("section_plan"), styles.section)],
    ]
    plan_values: dict[str, Any] = {
        "PlanName": book.user_text(TARGETS, data.plan_name, input_style=True),
        "ScenarioName": book.user_text(TARGETS, data.scenario_name, input_style=True),
        "Currency": book.user_text(TARGETS, data.currency, input_style=True),
        "FiscalYear": book.cell(TARGETS, data.fiscal_year, styles.integer_input),
        "FiscalStartMonth": book.cell(TARGETS, data.fiscal_start_month, styles.integer_input),
        "FiscalStart": book.cell(TARGETS, "=DATE(FiscalYear,FiscalStartMonth,1)", styles.date),
    }
    for name, key in PLAN_NAMES:
        target_rows[name] = len(rows) + 1
        rows.append([book.text(key), plan_values[name]])
    rows += [[], [book.cell(TARGETS, book.text("section_drivers"), styles.section)]]
    driver_styles = {
        "Goal": styles.money_input,
        "Leads": styles.count_input,
        "CloseRate": styles.percent_input,
        "AverageDeal": styles.money_input,
        "BaseRevenue": styles.money_input,
        "Retention": styles.percent_input,
        "Expansion": styles.money_input,
    }
    for name, key in DRIVER_NAMES:
        target_rows[name] = len(rows) + 1
        value = number(data.targets[name])
        rows.append([book.text(key), book.cell(TARGETS, value, driver_styles[name])])
    rows += [[], [book.cell(TARGETS, book.text("section_results"), styles.section)]]
    results = {
        "NewCustomers": ("=Leads*CloseRate", styles.decimal),
        "NewBusiness": ("=ROUND(NewCustomers*AverageDeal,2)", styles.money),
        "Retained": ("=ROUND(BaseRevenue*Retention+Expansion,2)", styles.money),
        "TotalRevenue": ("=NewBusiness+Retained", styles.money_bold),
        "Gap": ("=ROUND(Goal,2)-TotalRevenue", styles.money_bold),
    }
    for name, key in RESULT_NAMES:
        target_rows[name] = len(rows) + 1
        formula, style = results[name]
        rows.append([book.text(key), book.cell(TARGETS, formula, style), book.text(f"hint_{key}")])
    append_all(sheet, rows)
    return target_rows
