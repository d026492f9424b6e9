"""The Assumptions sheet: the scenario's assumptions, one per row (an Excel table)."""

from __future__ import annotations

from revorg.io.xlsx_export.book import Book
from revorg.io.xlsx_export.cells import formula_text, number
from revorg.io.xlsx_layout import (
    ASSUMPTION_COLUMNS,
    ASSUMPTION_LETTERS,
    ASSUMPTION_TABLE,
    ASSUMPTIONS,
)
from revorg.model.capacity import ANNUAL_METRIC_BY_KIND, PLAN_WIDE
from revorg.model.vocabulary import RATE_METRICS

MONEY_METRICS = frozenset(ANNUAL_METRIC_BY_KIND.values())  # quotas and the book: money


def write_assumptions(book: Book) -> None:
    sheet = book.sheets[ASSUMPTIONS]
    styles = book.styles
    letter_of = ASSUMPTION_LETTERS
    headings = book.list_sheet_header(
        ASSUMPTIONS, ASSUMPTION_COLUMNS, letter_of, "A2", len(book.data.assumptions)
    )
    whole_plan = formula_text(book.text("whole_plan"))
    for r, assumption in enumerate(book.data.assumptions, start=2):
        key = f"{letter_of['role_key']}{r}"
        if assumption.metric in RATE_METRICS:
            style = styles.percent_input
        elif assumption.metric in MONEY_METRICS:
            style = styles.money_input
        else:
            style = styles.count_input if assumption.value == int(assumption.value) else None
        value = number(assumption.value)
        sheet.append(
            [
                book.user_text(ASSUMPTIONS, assumption.role_key),
                f'=IF({key}="{PLAN_WIDE}",{whole_plan},IFERROR(INDEX(RoleName,MATCH({key},RoleKey,0))'
                f'&"",""))',
                book.user_text(ASSUMPTIONS, assumption.metric),
                value if style is None else book.cell(ASSUMPTIONS, value, style),
                book.user_text(ASSUMPTIONS, assumption.source),
            ]
        )
    last = max(len(book.data.assumptions) + 1, 2)
    book.table(sheet, ASSUMPTION_TABLE, ASSUMPTION_COLUMNS, headings, last)
