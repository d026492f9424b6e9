"""Rows of cells from a CSV file or an .xlsx sheet, numbered as a spreadsheet numbers them, and
the values people type in them (amounts with currency symbols, dates in several formats).

Workbooks are read with python-calamine (a Rust reader: a 10,000-row sheet in about 0.07 s,
where openpyxl's read-only mode takes over 1 s). Files reach this module only after
revorg.io.safety has checked them (size, zip bombs, XML entity declarations).
"""

from __future__ import annotations

import csv
import datetime
import io
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from revorg.io.messages import BadValueError, Phrase, phrase
from revorg.io.report import ImportReport, Severity
from revorg.io.safety import CheckedFile, cannot_read
from revorg.model.errors import QT_TRANSLATE_NOOP
from revorg.model.money import parse_decimal

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


# --- text and values ------------------------------------------------------------------------

_WORD = re.compile(r"[a-z0-9]+|[^\W\d_a-z]+")
ASCII_WORD = re.compile(r"[a-z0-9]+")


def normalize(text: str) -> str:
    """Casefolded, accents removed, punctuation as spaces: "Área / Dpto." -> "area dpto"."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return " ".join(_WORD.findall(bare))


# --- cell values ----------------------------------------------------------------------------


class NegativeAmountError(BadValueError):
    pass


NOT_AN_AMOUNT = QT_TRANSLATE_NOOP("ImportFinding", "{value} is not an amount")
NEGATIVE_AMOUNT = QT_TRANSLATE_NOOP("ImportFinding", "negative amount {amount}")
NOT_A_DATE = QT_TRANSLATE_NOOP("ImportFinding", "{value} is not a date")


CURRENCY_SYMBOLS = {"€": "EUR", "£": "GBP", "$": "USD", "¥": "CNY", "￥": "CNY", "元": "CNY"}
_CURRENCY_CODE = re.compile(r"\b([A-Za-z]{3})\b|(RMB)")
_AMOUNT = re.compile(r"\d[\d.,]*")


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


def parse_amount(value: CellValue) -> tuple[Decimal, str | None]:
    """An annual amount and the currency written with it: 65000, "€ 65.000", "65,000",
    "65000.50", "65.000,50 EUR", "65k". Raises ValueError (NegativeAmountError if below 0)."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise BadValueError(NOT_AN_AMOUNT, value=repr(cell_text(value)))
    if not isinstance(value, str):
        amount = parse_decimal(value)
        if amount < 0:
            raise NegativeAmountError(NEGATIVE_AMOUNT, amount=cell_text(value))
        return amount, None
    text = value.strip()
    currency = None
    for symbol, code in CURRENCY_SYMBOLS.items():
        if symbol in text:
            currency = code
            text = text.replace(symbol, " ")
    code_match = _CURRENCY_CODE.search(text)
    if code_match is not None and code_match.group().casefold() != "k":
        code = code_match.group().upper()
        currency = "CNY" if code == "RMB" else code
        text = text[: code_match.start()] + " " + text[code_match.end() :]
    text = text.strip()
    negative = text.startswith("-") or text.endswith("-") or text.startswith("(")
    text = text.strip("()-+ ")
    multiplier = 1
    if text[-1:] in ("k", "K"):
        multiplier, text = 1000, text[:-1]
    text = re.sub(r"[\s'\u00a0\u202f]", "", text)
    if not _AMOUNT.fullmatch(text):
        raise BadValueError(NOT_AN_AMOUNT, value=repr(value.strip()))
    amount = Decimal(_plain_number(text, value)) * multiplier
    if negative and amount:
        raise NegativeAmountError(NEGATIVE_AMOUNT, amount=repr(value.strip()))
    return amount, currency


def _plain_number(text: str, original: str) -> str:
    """Digits with thousands separators and a decimal comma or point, as "65000.50"."""
    if "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        whole, _, fraction = text.rpartition(decimal)
        if not _grouped(whole, "." if decimal == "," else ","):
            raise BadValueError(NOT_AN_AMOUNT, value=repr(original.strip()))
        return whole.replace(",", "").replace(".", "") + "." + fraction
    separator = "," if "," in text else "." if "." in text else None
    if separator is None:
        return text
    parts = text.split(separator)
    if len(parts) == 2 and (len(parts[1]) != 3 or parts[0] in ("", "0")):
        return f"{parts[0] or 0}.{parts[1]}"  # a decimal point or comma: "65000.50", "1,5"
    if _grouped(text, separator):
        return text.replace(separator, "")  # thousands: "65.000", "1,250,000"
    raise BadValueError(NOT_AN_AMOUNT, value=repr(original.strip()))


def _grouped(text: str, separator: str) -> bool:
    groups = text.split(separator)
    return 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])


EXCEL_EPOCH = datetime.date(1899, 12, 30)  # serial 1 is 1900-01-01 (after Excel's leap bug)
SERIAL_RANGE = (3653, 2958465)  # 1910-01-01 to 9999-12-31: smaller numbers are not dates
_MONTHS = (
    ("jan", "january", "ene", "enero"),
    ("feb", "february", "feb", "febrero"),
    ("mar", "march", "mar", "marzo"),
    ("apr", "april", "abr", "abril"),
    ("may", "may", "may", "mayo"),
    ("jun", "june", "jun", "junio"),
    ("jul", "july", "jul", "julio"),
    ("aug", "august", "ago", "agosto"),
    ("sep", "september", "sept", "septiembre", "setiembre"),
    ("oct", "october", "oct", "octubre"),
    ("nov", "november", "nov", "noviembre"),
    ("dec", "december", "dic", "diciembre"),
)
MONTH_NAMES = {name: number for number, names in enumerate(_MONTHS, start=1) for name in names}
_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(?:[t ]\d.*)?")
_DAY_FIRST = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?: \d.*)?")
_MONTH_YEAR = re.compile(r"(\d{1,2})[-/.](\d{4})")
_SERIAL = re.compile(r"\d{4,7}(?:\.\d+)?")
_CJK_DATE = re.compile(r"(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?")


@dataclass(frozen=True)
class ParsedDate:
    date: datetime.date
    day_month_ambiguous: bool = False  # "03/04/2027": read as 3 April


def parse_date(value: CellValue) -> ParsedDate:
    """A start date: a date cell, an Excel serial number, or text such as 2027-03-15,
    15/03/2027 (day first unless the second number is above 12), 03/2027, "Mar 2027",
    "15 de marzo de 2027", 2027年3月. Raises ValueError."""
    if isinstance(value, datetime.datetime):
        return ParsedDate(value.date())
    if isinstance(value, datetime.date):
        return ParsedDate(value)
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise BadValueError(NOT_A_DATE, value=repr(cell_text(value)))
    if not isinstance(value, str):
        return ParsedDate(_from_serial(float(value), cell_text(value) or ""))
    text = value.strip().casefold()
    try:
        if match := _ISO.fullmatch(text):
            year, month, day = match.groups()
            return ParsedDate(datetime.date(int(year), int(month), int(day or 1)))
        if match := _CJK_DATE.fullmatch(text):
            year, month, day = match.groups()
            return ParsedDate(datetime.date(int(year), int(month), int(day or 1)))
        if match := _DAY_FIRST.fullmatch(text):
            first, second, year = (int(part) for part in match.groups())
            year += 2000 if year < 100 else 0
            if second > 12 >= first:  # 03/15/2027: month first
                return ParsedDate(datetime.date(year, first, second))
            ambiguous = first <= 12 and first != second
            return ParsedDate(datetime.date(year, second, first), ambiguous)
        if match := _MONTH_YEAR.fullmatch(text):
            month, year = (int(part) for part in match.groups())
            return ParsedDate(datetime.date(year, month, 1))
        if _SERIAL.fullmatch(text):
            return ParsedDate(_from_serial(float(text), value.strip()))
        named = _named_month_date(text)
        if named is not None:
            return ParsedDate(named)
    except ValueError:
        pass
    raise BadValueError(
        QT_TRANSLATE_NOOP(
            "ImportFinding", "{value} is not a date (write 2027-03-15, 15/03/2027 or 03/2027)"
        ),
        value=repr(value.strip()),
    )


def _from_serial(serial: float, shown: str) -> datetime.date:
    if not SERIAL_RANGE[0] <= serial <= SERIAL_RANGE[1]:
        raise BadValueError(NOT_A_DATE, value=repr(shown))
    return EXCEL_EPOCH + datetime.timedelta(days=int(serial))


def _named_month_date(text: str) -> datetime.date | None:
    """ "Mar 2027", "15 March 2027", "15 de marzo de 2027", "March 15, 2027"."""
    words = [w for w in re.findall(r"[a-z]+|\d+", normalize(text)) if w not in ("de", "of")]
    months = [MONTH_NAMES[w] for w in words if w in MONTH_NAMES]
    numbers = [int(w) for w in words if w.isdigit()]
    years = [n for n in numbers if n >= 1000]
    days = [n for n in numbers if n < 1000]
    if len(months) != 1 or len(years) != 1 or len(days) > 1 or len(words) > 3 + len(days):
        return None
    return datetime.date(years[0], months[0], days[0] if days else 1)


# --- CSV ------------------------------------------------------------------------------------


def read_csv_table(checked: CheckedFile, report: ImportReport) -> Table | None:
    """Decode and split a delimited text file; None after adding an error to `report`."""
    path = checked.path
    try:
        data = path.read_bytes()
    except OSError as error:
        report.add(Severity.ERROR, cannot_read(path.name, error))
        return None
    text = decode_text(data, checked.encoding or "utf-8", path.name, report)
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


def decode_text(data: bytes, encoding: str, name: str, report: ImportReport) -> str | None:
    """UTF-8 (with or without BOM) or UTF-16 with BOM; other text is read as Windows-1252
    with a warning (Excel's "CSV" on Western-European Windows)."""
    if encoding == "utf-16":
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            report.error(
                QT_TRANSLATE_NOOP(
                    "ImportFinding", "{file} starts like UTF-16 text but is not valid UTF-16"
                ),
                file=name,
            )
            return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        row = data.count(b"\n", 0, error.start) + 1
        text = data.decode("cp1252", errors="replace")
        report.warning(
            QT_TRANSLATE_NOOP(
                "ImportFinding",
                "the file is not UTF-8; it was read as Windows-1252 (Western European): check "
                'accented names, and save as "CSV UTF-8" next time',
            ),
            row=row,
        )
        return text


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


def _one_line(error: BaseException) -> str:
    text = " ".join(str(error).split())
    return text[:300] or type(error).__name__


def workbook_error(path: Path, error: BaseException) -> Phrase:
    """A workbook its reader refuses; the reason is the reader's own (English) words."""
    return phrase(
        QT_TRANSLATE_NOOP("ImportFinding", "{file} cannot be read as an Excel workbook: {reason}"),
        file=path.name,
        reason=_one_line(error),
    )
