"""The workbook being written: its sheets, styles and sizes, and the helpers every sheet uses
to write safe text, tables, drop-down lists and defined names."""

from __future__ import annotations

import datetime
import warnings
from typing import Any

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.cell.cell import ERROR_CODES, Cell  # type: ignore[import-untyped]
from openpyxl.workbook.defined_name import DefinedName  # type: ignore[import-untyped]
from openpyxl.worksheet.datavalidation import DataValidation  # type: ignore[import-untyped]
from openpyxl.worksheet.table import (  # type: ignore[import-untyped]
    Table,
    TableColumn,
    TableStyleInfo,
)

from revorg.io.xlsx_export.cells import TABLE_STYLE, Styles, clean_text, set_dimension
from revorg.io.xlsx_export.plan_data import PlanData
from revorg.io.xlsx_export.printing import PageTexts, page_layout, set_up_page
from revorg.io.xlsx_layout import (
    ASSUMPTION_LETTERS,
    ASSUMPTION_TABLE,
    OPEN_WORDS,
    ORG_LETTERS,
    ORG_TABLE,
    ROLE_LETTERS,
    SHEETS,
    SPARE_ROWS,
    SUMMARY,
    Column,
    label,
)

SPARE_ROLE_ROWS = 100


class Book:
    def __init__(self, data: PlanData, language: str) -> None:
        self.data = data
        self.language = language if language in OPEN_WORDS else "en"
        self.workbook = Workbook(write_only=True)
        self.sheets = {name: self.workbook.create_sheet(name) for name in SHEETS}
        page_texts = PageTexts.of(
            data.plan_name, data.scenario_name, datetime.date.today(), self.language
        )
        for name, sheet in self.sheets.items():
            set_up_page(sheet, page_layout(name), page_texts)
        self.styles = Styles(self.sheets[SUMMARY], data.currency)
        n = len(data.positions)
        self.org_last = n + 1  # last data row of the Org table (row 1: headings)
        self.org_range_last = max(self.org_last, 2) + SPARE_ROWS
        self.assumption_range_last = max(len(data.assumptions) + 1, 2) + SPARE_ROWS
        self.role_range_last = max(len(data.roles) + 1, 2) + SPARE_ROLE_ROWS
        self.departments_last = len(data.departments) + 1

    def text(self, key: str) -> str:
        return label(key, self.language)

    # --- styled and safe cells ----------------------------------------------------------------

    def cell(self, sheet: str, value: Any, style: Any) -> Cell:
        return Cell(self.sheets[sheet], 1, 1, value=value, style_array=style)

    def user_text(self, sheet: str, value: str | None, input_style: bool = False) -> Any:
        """Text a user typed: never a formula, an error code or an illegal character."""
        if value is None or value == "":
            return self.cell(sheet, None, self.styles.text_input) if input_style else None
        text = clean_text(value)
        risky = text[:1] in ("=", "+", "-", "@") or text in ERROR_CODES
        if not risky:
            return self.cell(sheet, text, self.styles.text_input) if input_style else text
        style = self.styles.text_input_safe if input_style else self.styles.text_safe
        cell = Cell(self.sheets[sheet], 1, 1, style_array=style)
        cell._value = text
        cell.data_type = "s"
        return cell

    # --- tables and validation ----------------------------------------------------------------

    def table(
        self,
        sheet: Any,
        name: str,
        columns: tuple[Column, ...],
        headings: list[str],
        last_row: int,
    ) -> None:
        last_letter = {ORG_TABLE: ORG_LETTERS, ASSUMPTION_TABLE: ASSUMPTION_LETTERS}.get(
            name, ROLE_LETTERS
        )[columns[-1].key]
        table = Table(displayName=name, ref=f"A1:{last_letter}{last_row}")
        table.tableColumns = [
            TableColumn(id=index, name=heading) for index, heading in enumerate(headings, 1)
        ]
        table.tableStyleInfo = TableStyleInfo(
            name=TABLE_STYLE, showRowStripes=True, showColumnStripes=False
        )
        with warnings.catch_warnings():
            # openpyxl warns that write-only tables need their columns set: they are, above.
            warnings.simplefilter("ignore", UserWarning)
            sheet.add_table(table)

    def validate_list(
        self, sheet: Any, source: str, letter: str, last: int, strict: bool = False
    ) -> None:
        """A drop-down list; not strict: another value is allowed after a warning."""
        validation = DataValidation(
            type="list",
            formula1=source,
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="stop" if strict else "warning",
        )
        validation.add(f"{letter}2:{letter}{last}")
        sheet.data_validations.append(validation)

    def validate_number(self, sheet: Any, kind: str, minimum: str, letter: str, last: int) -> None:
        validation = DataValidation(
            type=kind,
            operator="greaterThanOrEqual",
            formula1=minimum,
            allow_blank=True,
            showErrorMessage=True,
        )
        validation.error = f">= {minimum}"
        validation.add(f"{letter}2:{letter}{last}")
        sheet.data_validations.append(validation)

    def list_sheet_header(
        self, name: str, columns: Any, letter_of: Any, freeze: str, rows: int
    ) -> list[str]:
        """Widths, frozen header and the heading row of a one-table sheet; its headings."""
        sheet = self.sheets[name]
        for column in columns:
            sheet.column_dimensions[letter_of[column.key]].width = column.width
        sheet.freeze_panes = freeze
        headings = [self.text(column.key) for column in columns]
        set_dimension(sheet, rows + 1, len(columns))
        sheet.append([self.cell(name, heading, self.styles.header) for heading in headings])
        return headings

    # --- defined names ------------------------------------------------------------------------

    def define(self, name: str, sheet: str, ref: str) -> None:
        quoted = f"'{sheet}'" if " " in sheet else sheet
        self.workbook.defined_names[name] = DefinedName(name, attr_text=f"{quoted}!{ref}")

    def define_columns(
        self, sheet: str, columns: tuple[Column, ...], letters: dict[str, str], last: int
    ) -> None:
        for column in columns:
            if column.name:
                letter = letters[column.key]
                self.define(column.name, sheet, f"${letter}$2:${letter}${last}")
