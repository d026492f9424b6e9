"""The Hiring plan sheet: heads, cost, starts and ramped capacity month by month, per
department and per role (SUMIFS and SUMPRODUCT over the Org columns, so that editing a start
month or a cost in Org moves the plan); revorg.model.timeline.hiring_timeline's figures."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from revorg.io.xlsx_export.book import Book
from revorg.io.xlsx_export.capacity_formulas import month_capacity, year_capacity
from revorg.io.xlsx_export.cells import MONTHS, append_all, letter
from revorg.io.xlsx_layout import HIRING
from revorg.model.capacity import KINDS_WITH_CAPACITY, MONEY_KINDS

MonthFormula = Callable[[int, str, str | None], str]
YearFormula = Callable[[str, str | None, int], str]


def _where(department: str, role: str | None) -> str:
    return f"OrgDepartment,{department}" + ("" if role is None else f",OrgRole,{role}")


def _heads(i: int, d: str, r: str | None) -> str:
    return f'=SUMIFS(OrgHeadcount,{_where(d, r)},OrgOffset,"<={i}")'


def _cost(i: int, d: str, r: str | None) -> str:
    # Exact monthly costs summed, rounded once per cell (as the app's hiring plan).
    return f'=ROUND(SUMIFS(OrgMonthlyCost,{_where(d, r)},OrgOffset,"<={i}"),2)'


def _cost_year(d: str, r: str | None, _row: int) -> str:
    # The year is the positions' own yearly cost: it equals the Cost figures.
    return f"=SUMIFS(OrgCostYear,{_where(d, r)})"


def _starts(i: int, d: str, r: str | None) -> str:
    return f"=SUMIFS(OrgHeadcount,{_where(d, r)},OrgOpen,1,OrgOffset,{i})"


def _capacity_year(d: str, r: str | None, _row: int) -> str:
    return year_capacity(_where(d, r))


class _HiringSheet:
    """The sheet's rows, built block by block."""

    def __init__(self, book: Book) -> None:
        self.book = book
        self.rows: list[list[Any]] = []
        self.month_letters = [letter(6 + i) for i in range(MONTHS)]
        self.year_letter = letter(6 + MONTHS)
        departments = book.data.departments
        self.names = {d.key: d.name(book.language) for d in departments}
        self.role_by_key = {role.key: role for role in book.data.roles}

    def header(self) -> None:
        book, styles = self.book, self.book.styles
        self.rows += [
            [book.cell(HIRING, book.text("hiring_title"), styles.title)],
            [],
            [
                book.cell(HIRING, book.text(key), styles.header) if key else None
                for key in ("department", "", "role", "", "unit")
            ]
            + [
                book.cell(
                    HIRING,
                    f"=DATE(YEAR(FiscalStart),MONTH(FiscalStart)+{i},1)",
                    styles.month_header,
                )
                for i in range(MONTHS)
            ]
            + [book.cell(HIRING, book.text("year"), styles.header)],
        ]

    def block(
        self,
        title: str,
        keys: Sequence[tuple[str, str | None]],
        formula: MonthFormula,
        style: Any,
        *,
        year: YearFormula | None,
        total_row: bool,
    ) -> None:
        book, rows = self.book, self.rows
        rows.append([])
        rows.append([book.cell(HIRING, book.text(title), book.styles.section)])
        first = len(rows) + 1
        for department_key, role_key in keys:
            r = len(rows) + 1
            role = self.role_by_key.get(role_key) if role_key else None
            unit = None
            if role is not None:
                kind = role.capacity_kind
                unit = book.data.currency if kind in MONEY_KINDS else kind
            cells: list[Any] = [
                self.names.get(department_key, department_key),
                book.user_text(HIRING, department_key),
                None if role is None else book.user_text(HIRING, role.name(book.language)),
                None if role_key is None else book.user_text(HIRING, role_key),
                unit,
            ]
            role_cell = f"$D{r}" if role_key else None
            cells += [
                book.cell(HIRING, formula(i, f"$B{r}", role_cell), style) for i in range(MONTHS)
            ]
            if year is not None:
                cells.append(book.cell(HIRING, year(f"$B{r}", role_cell, r), style))
            rows.append(cells)
        last = len(rows)
        if total_row and keys:
            total: list[Any] = [book.cell(HIRING, book.text("total"), book.styles.bold)]
            total += [None, None, None, None]
            total += [
                book.cell(HIRING, f"=SUM({column}{first}:{column}{last})", style)
                for column in self.month_letters + ([self.year_letter] if year is not None else [])
            ]
            rows.append(total)

    def starts_year(self, _d: str, _r: str | None, row: int) -> str:
        return f"=SUM({self.month_letters[0]}{row}:{self.month_letters[-1]}{row})"


def write_hiring_plan(book: Book) -> None:
    sheet = book.sheets[HIRING]
    styles = book.styles
    plan = _HiringSheet(book)
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].hidden = True
    sheet.column_dimensions["C"].width = 28
    sheet.column_dimensions["D"].hidden = True
    sheet.column_dimensions["E"].width = 10
    # Costs in whole units: with cents (#,##0.00 "EUR") a column of 12 showed ###. Wide
    # enough for a month's and a year's cost in millions with the currency code.
    for column in plan.month_letters:
        sheet.column_dimensions[column].width = 13
    sheet.column_dimensions[plan.year_letter].width = 15
    sheet.freeze_panes = "F4"
    departments = book.data.departments
    department_order = {d.key: i for i, d in enumerate(departments)}
    role_order = {role.key: i for i, role in enumerate(book.data.roles)}
    pairs = sorted(
        {(p.department_key, p.role_key) for p in book.data.positions},
        key=lambda pair: (
            department_order.get(pair[0], 99),
            role_order.get(pair[1], 999),
            pair,
        ),
    )
    plan.header()
    by_department: list[tuple[str, str | None]] = [(d.key, None) for d in departments]
    plan.block("block_heads", by_department, _heads, styles.integer, year=None, total_row=True)
    plan.block(
        "block_cost", by_department, _cost, styles.money_whole, year=_cost_year, total_row=True
    )
    plan.block(
        "block_starts",
        by_department,
        _starts,
        styles.integer,
        year=plan.starts_year,
        total_row=True,
    )
    plan.block("block_role_heads", pairs, _heads, styles.integer, year=None, total_row=False)
    plan.block(
        "block_role_cost", pairs, _cost, styles.money_whole, year=_cost_year, total_row=False
    )
    role_by_key = plan.role_by_key
    with_capacity = [
        (d, r)
        for d, r in pairs
        if r in role_by_key and role_by_key[r].capacity_kind in KINDS_WITH_CAPACITY
    ]
    plan.block(
        "block_role_capacity",
        with_capacity,
        month_capacity,
        styles.number,
        year=_capacity_year,
        total_row=False,
    )
    append_all(sheet, plan.rows)
