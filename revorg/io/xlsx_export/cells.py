"""Cell values, styles and sheet sizes shared by the sheets of the workbook."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell  # type: ignore[import-untyped]
from openpyxl.styles import Font, PatternFill  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

from revorg.model.currencies import DEFAULT_CURRENCY, find_currency
from revorg.model.vocabulary import Status

MONTHS = 12
TEXT_LIMIT = 32767  # characters in one cell (Excel)

INPUT_FILL = "FFF2CC"
HEADER_FILL = "DDEBF7"
STATUS_FILLS = {Status.GREEN: "C6EFCE", Status.AMBER: "FFEB9C", Status.RED: "FFC7CE"}
TABLE_STYLE = "TableStyleMedium2"


def number(value: Decimal | int | None) -> int | float | None:
    """A cell number: whole values as int, others as float (Excel holds doubles)."""
    if value is None:
        return None
    if isinstance(value, int):
        return value
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def currency_format(code: str) -> str:
    """The plan's ISO code after the number, with the currency's minor units: `#,##0.00 "USD"`,
    `#,##0 "JPY"`. A code, not a symbol: a format such as `[$US$-409]` ties the symbol to a
    locale, and the code reads the same in every spreadsheet engine and language."""
    currency = find_currency(code)
    if currency is None:
        currency = find_currency(DEFAULT_CURRENCY)
        assert currency is not None
    places = "." + "0" * currency.digits if currency.digits else ""
    return f'#,##0{places} "{currency.code}"'


def clean_text(text: str) -> str:
    """Text as a cell can hold it: no control characters, at most Excel's 32,767 characters."""
    if ILLEGAL_CHARACTERS_RE.search(text):
        text = ILLEGAL_CHARACTERS_RE.sub("", text)
    return text[:TEXT_LIMIT]


def formula_text(value: str) -> str:
    """A formula string literal: "a""b" for a"b."""
    return '"' + value.replace('"', '""') + '"'


def letter(index: int) -> str:
    return str(get_column_letter(index))


def set_dimension(sheet: Any, last_row: int, last_column: int) -> None:
    """Give a streamed sheet its <dimension> (openpyxl knows it only for in-memory sheets):
    without it, readers such as openpyxl's read-only mode scan the whole sheet to size it."""
    reference = f"A1:{letter(max(last_column, 1))}{max(last_row, 1)}"
    sheet.calculate_dimension = lambda: reference


def append_all(sheet: Any, rows: list[list[Any]]) -> None:
    set_dimension(sheet, len(rows), max((len(row) for row in rows), default=1))
    for row in rows:
        sheet.append(row)


class Styles:
    """Cell style prototypes registered once; cells copy their style arrays (fast)."""

    def __init__(self, sheet: Any, currency: str) -> None:
        money = currency_format(currency)
        input_fill = PatternFill("solid", start_color=INPUT_FILL, end_color=INPUT_FILL)
        header_fill = PatternFill("solid", start_color=HEADER_FILL, end_color=HEADER_FILL)
        bold = Font(bold=True)
        self.sheet = sheet
        self.title = self._make(font=Font(bold=True, size=14))
        self.section = self._make(font=Font(bold=True, size=12))
        self.bold = self._make(font=bold)
        self.header = self._make(font=bold, fill=header_fill)
        self.month_header = self._make(font=bold, fill=header_fill, number_format="mmm yyyy")
        self.text_safe = self._make(quote=True)
        self.text_input = self._make(fill=input_fill)
        self.text_input_safe = self._make(fill=input_fill, quote=True)
        self.money = self._make(number_format=money)
        self.money_bold = self._make(number_format=money, font=bold)
        self.money_input = self._make(number_format=money, fill=input_fill)
        # Whole units (the Hiring plan's costs: twelve months side by side, no room for cents).
        self.money_whole = self._make(number_format=re.sub(r"\.0+", "", money))
        self.number = self._make(number_format="#,##0.00")
        self.number_fine = self._make(number_format="#,##0.00##")  # up to four places
        self.integer = self._make(number_format="#,##0")
        self.integer_bold = self._make(number_format="#,##0", font=bold)
        self.integer_input = self._make(number_format="0", fill=input_fill)
        self.count_input = self._make(number_format="#,##0", fill=input_fill)
        self.percent = self._make(number_format="0.0%")
        self.percent_input = self._make(number_format="0.0%", fill=input_fill)
        self.percent_fine = self._make(number_format="0.00%")
        self.percent_input_fine = self._make(number_format="0.00%", fill=input_fill)
        self.month = self._make(number_format="yyyy-mm")
        self.date = self._make(number_format="yyyy-mm-dd")
        self.decimal = self._make(number_format="0.00")

    def _make(
        self,
        *,
        font: Any = None,
        fill: Any = None,
        number_format: str | None = None,
        quote: bool = False,
    ) -> Any:
        cell = Cell(self.sheet, 1, 1)
        if font is not None:
            cell.font = font
        if fill is not None:
            cell.fill = fill
        if number_format is not None:
            cell.number_format = number_format
        if quote:
            cell.quotePrefix = True
        return cell._style
