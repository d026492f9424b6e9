"""Rows of cells from a CSV file or an .xlsx sheet, numbered as a spreadsheet numbers them.
What the cells mean (dates, amounts) is read by revorg.io.values.

Workbooks are read with python-calamine (a Rust reader: a 10,000-row sheet in about 0.07 s,
where openpyxl's read-only mode takes over 1 s). Files reach this module only after
revorg.io.safety has checked them (size, zip bombs, XML entity declarations).
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from revorg.io.messages import Phrase, phrase
from revorg.io.report import ImportReport, Severity
from revorg.io.safety import CheckedFile, cannot_read
from revorg.io.values.encodings import UndecodableError, decode
from revorg.model.errors import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from python_calamine import CalamineSheet

CellValue = (
    str
    | float
    | int
    | bool
    | datetime.date
    | datetime.datetime
    | datetime.time
    | datetime.timedelta
)
Row = list[CellValue | None]

DELIMITERS = (",", ";", "\t")
_QUOTED = re.compile(r'"[^"]*"')
# Control characters that never occur in text (tab, line and page breaks excepted).
_BINARY = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


@dataclass
class Table:
    """The cells of one sheet; rows[i] is the spreadsheet's row first_row + i."""

    sheet: str | None  # None for a CSV file, which has no sheets
    rows: list[Row]
    first_row: int = 1

    def row_number(self, index: int) -> int:
        return self.first_row + index


def column_letter(index: int) -> str:
    """0 -> "A", 25 -> "Z", 26 -> "AA"."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


# --- cell values ----------------------------------------------------------------------------


def cell_text(value: CellValue | None) -> str | None:
    """A cell as text: numbers without ".0", dates in ISO form; None when blank."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date().isoformat()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    text = " ".join(str(value).split())
    return text or None


# --- CSV ------------------------------------------------------------------------------------


def read_csv_table(
    checked: CheckedFile, report: ImportReport, looks_right: Callable[[str], bool] | None = None
) -> Table | None:
    """Decode and split a delimited text file; None after adding an error to `report`.
    `looks_right` tells a legacy encoding that reads the headings from one that does not."""
    path = checked.path
    try:
        data = path.read_bytes()
    except OSError as error:
        report.add(Severity.ERROR, cannot_read(path.name, error))
        return None
    text = decode_text(data, path.name, report, looks_right)
    if text is None:
        return None
    binary = _BINARY.search(text)
    if binary is not None:
        row = text.count("\n", 0, binary.start()) + 1
        report.error(
            QT_TRANSLATE_NOOP(
                "ImportFinding", "binary data (character {character}): this is not a text roster"
            ),
            row=row,
            character=f"{ord(binary.group()):#04x}",
        )
        return None
    first_row = 1
    if text[:4].lower() == "sep=":  # Excel's hint line: "sep=;" names the delimiter
        line, _, text = text.partition("\n")
        hint = line[4:].strip()
        delimiter: str | None = hint[0] if hint else ","  # Excel hides this line
    else:
        delimiter = sniff_delimiter(text)
    if delimiter is None:
        report.error(
            QT_TRANSLATE_NOOP(
                "ImportFinding",
                "{file}: the first line has no commas, semicolons or tabs, so this is not a CSV "
                "roster (it needs at least the columns Name and Title)",
            ),
            row=1,
            file=path.name,
        )
        return None
    rows: list[Row] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for record in reader:
            rows.append([cell if cell.strip() else None for cell in record])
    except csv.Error as error:
        report.error(
            QT_TRANSLATE_NOOP("ImportFinding", "cannot be read as CSV: {reason}"),
            row=len(rows) + first_row,
            reason=error,
        )
        return None
    return Table(None, rows, first_row)


def decode_text(
    data: bytes, name: str, report: ImportReport, looks_right: Callable[[str], bool] | None = None
) -> str | None:
    """The text of a file (revorg.io.values.encodings); a legacy encoding is named in a
    warning, as a guess may be wrong."""
    try:
        decoded = decode(data, looks_right)
    except UndecodableError:
        report.error(
            QT_TRANSLATE_NOOP(
                "ImportFinding", "{file} starts like UTF-16 text but is not valid UTF-16"
            ),
            file=name,
        )
        return None
    if not decoded.is_unicode:
        report.warning(
            QT_TRANSLATE_NOOP(
                "ImportFinding",
                "the file is not UTF-8; it was read as {encoding}: check the names, and save as "
                '"CSV UTF-8" next time',
            ),
            row=decoded.first_foreign_line,
            encoding=decoded.name(),
        )
    return decoded.text


def sniff_delimiter(text: str) -> str | None:
    """Comma, semicolon or tab: whichever the first non-blank line has most of (outside
    quotes); None when it has none."""
    for line in text.splitlines()[:50]:
        if not line.strip():
            continue
        bare = _QUOTED.sub("", line)
        counts = {delimiter: bare.count(delimiter) for delimiter in DELIMITERS}
        best = max(DELIMITERS, key=lambda delimiter: counts[delimiter])
        return best if counts[best] else None
    return None


# --- workbooks ------------------------------------------------------------------------------


class WorkbookReader:
    """The worksheets of an .xlsx, read with python-calamine."""

    def __init__(self, path: Path) -> None:
        from python_calamine import CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

        self.path = path
        self._book = CalamineWorkbook.from_path(str(path))
        sheets = [m for m in self._book.sheets_metadata if m.typ == SheetTypeEnum.WorkSheet]
        visible = [m.name for m in sheets if m.visible == SheetVisibleEnum.Visible]
        hidden = [m.name for m in sheets if m.visible != SheetVisibleEnum.Visible]
        self.sheet_names: list[str] = visible + hidden
        self._sheets: dict[str, CalamineSheet] = {}

    def head(self, sheet: str, rows: int) -> list[Row]:
        """The first `rows` rows of a sheet (fewer when it is shorter)."""
        data = self._sheet(sheet).to_python(skip_empty_area=False, nrows=rows)
        return [_workbook_row(row) for row in data]

    def table(self, sheet: str) -> Table:
        data = self._sheet(sheet).to_python(skip_empty_area=False)
        return Table(sheet, [_workbook_row(row) for row in data])

    def _sheet(self, name: str) -> CalamineSheet:
        """Each sheet is parsed once (calamine parses a whole sheet to give any of its rows)."""
        if name not in self._sheets:
            self._sheets[name] = self._book.get_sheet_by_name(name)
        return self._sheets[name]

    def close(self) -> None:
        self._book.close()

    def __enter__(self) -> WorkbookReader:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def _workbook_row(row: list[CellValue]) -> Row:
    """calamine gives "" for an empty cell; here an empty cell is None."""
    return [None if cell == "" else cell for cell in row]


def open_workbook(path: Path, report: ImportReport) -> WorkbookReader | None:
    """Open a checked workbook; None after adding an error to `report`."""
    try:
        return WorkbookReader(path)
    except Exception as error:  # calamine raises its own errors for every damaged part
        report.add(Severity.ERROR, workbook_error(path, error))
        return None


def one_line(error: BaseException) -> str:
    text = " ".join(str(error).split())
    return text[:300] or type(error).__name__


def workbook_error(path: Path, error: BaseException) -> Phrase:
    """A workbook its reader refuses; the reason is the reader's own (English) words."""
    return phrase(
        QT_TRANSLATE_NOOP("ImportFinding", "{file} cannot be read as an Excel workbook: {reason}"),
        file=path.name,
        reason=one_line(error),
    )
