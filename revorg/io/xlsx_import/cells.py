"""The cells of a RevOrg workbook as the reader sees them: typed values, formulas with or
without a computed value, error codes; a sheet with headings in any language; small parsers
of cell text."""

from __future__ import annotations

import datetime
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from openpyxl import load_workbook  # type: ignore[import-untyped]

from revorg.io.messages import BadValueError, Count, Localized
from revorg.io.values import parse_whole
from revorg.io.xlsx_layout import LANGUAGE_INDEX, Column, fold, heading_keys, label
from revorg.model.document import next_fiscal_year
from revorg.model.edits import MAX_COUNT
from revorg.model.errors import QT_TRANSLATE_NOOP
from revorg.model.months import YearMonth

if TYPE_CHECKING:
    from revorg.io.xlsx_import.sheets import SheetReader

NEGATIVE_COST = QT_TRANSLATE_NOOP("ImportFinding", "a cost must not be negative: {cost}")
_TRUE = frozenset({"true", "yes", "1", "verdadero", "sí", "si", "是", "x"})
_FALSE = frozenset({"false", "no", "0", "falso", "否", ""})
_LIST_SEPARATORS = re.compile(r"[,;\s]+")


class _FormulaWithoutValue:
    """A formula in a cell meant for a value, saved without its computed result (openpyxl)."""


FORMULA_WITHOUT_VALUE = _FormulaWithoutValue()


# --- the workbook's cells ----------------------------------------------------------------------


class Book:
    """The workbook read once with formulas (to tell typed text from formulas) and, only for
    sheets where a value cell holds a formula, once more for the computed values."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._streams: list[BinaryIO] = []
        self.workbook = self._load(data_only=False)
        self.epoch = self.workbook.epoch
        self._cells: dict[str, list[list[tuple[Any, str]]]] = {}
        self._values: dict[str, list[list[Any]]] = {}
        self._value_book: Any = None

    def sheet(self, name: str) -> list[list[tuple[Any, str]]]:
        """Rows of (value, data type) of a sheet, read once."""
        if name not in self._cells:
            worksheet = self.workbook[name]
            self._cells[name] = [
                [(cell.value, cell.data_type) for cell in row] for row in worksheet.iter_rows()
            ]
        return self._cells[name]

    def value(self, sheet: str, row: int, column: int) -> Any:
        """The value a user sees in a cell (1-based row and column): for a formula, its last
        computed result, or FORMULA_WITHOUT_VALUE when the file has none."""
        rows = self.sheet(sheet)
        if row > len(rows) or column > len(rows[row - 1]):
            return None
        value, data_type = rows[row - 1][column - 1]
        if data_type == "f":
            return self._computed(sheet, row, column)
        if data_type == "e":
            return CellError(str(value))
        return value

    def _computed(self, sheet: str, row: int, column: int) -> Any:
        if sheet not in self._values:
            if self._value_book is None:
                self._value_book = self._load(data_only=True)
            worksheet = self._value_book[sheet]
            self._values[sheet] = [list(row) for row in worksheet.iter_rows(values_only=True)]
        rows = self._values[sheet]
        if row > len(rows) or column > len(rows[row - 1]):
            return FORMULA_WITHOUT_VALUE
        value = rows[row - 1][column - 1]
        return FORMULA_WITHOUT_VALUE if value is None else value

    def _load(self, data_only: bool) -> Any:
        """The workbook read from a file RevOrg opens and closes itself: openpyxl leaves the
        file it opened open when it refuses a damaged workbook (one handle per failed import,
        found by the importer fuzzing)."""
        stream = self.path.open("rb")
        self._streams.append(stream)
        try:
            return load_workbook(stream, read_only=True, data_only=data_only)
        except BaseException:
            self._close_streams()
            raise

    def _close_streams(self) -> None:
        for stream in self._streams:
            stream.close()
        self._streams.clear()

    def close(self) -> None:
        try:
            self.workbook.close()
            if self._value_book is not None:
                self._value_book.close()
        finally:
            self._close_streams()


@dataclass(frozen=True)
class CellError:
    code: str  # "#N/A", "#REF!"...


# --- what the workbook holds -------------------------------------------------------------------


@dataclass
class RoleRow:
    key: str
    department_key: str
    funnel_stage: str = "all"
    capacity_kind: str = "none"
    is_leader: bool = False
    is_custom: bool = True
    names: dict[str, str] = field(default_factory=dict)
    shorts: dict[str, str] = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)
    default_annual_cost: Decimal = Decimal(0)


@dataclass
class PositionRow:
    row: int
    id: int | None
    title: str
    role_key: str
    department_key: str
    manager_id: int | None
    person_name: str | None
    headcount: int
    start_month: YearMonth | None
    annual_cost: Decimal
    capacity_override: Decimal | None
    notes: str
    dotted: list[int]
    lineage: str | None
    email: str | None = None
    staff: bool = False  # drawn beside the manager


@dataclass
class Content:
    plan_name: str = "Imported plan"
    scenario_name: str = "Base"
    currency: str = "EUR"
    fiscal_year: int = field(default_factory=next_fiscal_year)
    fiscal_start_month: int = 1
    targets: dict[str, Decimal | int] = field(default_factory=dict)
    seasonality: str | None = None  # the twelve weights as a plan stores them; None: flat
    roles: list[RoleRow] = field(default_factory=list)
    assumptions: list[tuple[str, str, Decimal, str]] | None = None  # None: keep the defaults
    positions: list[PositionRow] = field(default_factory=list)


@dataclass(frozen=True)
class Where:
    sheet: str
    row: int
    column: str


# --- a table sheet with headings -----------------------------------------------------------------


class SheetTable:
    """A sheet whose first row holds headings; columns found by heading in any language."""

    def __init__(self, reader: SheetReader, sheet: str, columns: tuple[Column, ...]) -> None:
        self.reader = reader
        self.sheet = sheet
        self.cells = reader.book.sheet(sheet)
        self.input_keys = {column.key for column in columns if column.is_input}
        self.index: dict[str, int] = {}  # column key -> 1-based column
        self.headings: dict[str, str] = {}
        known = heading_keys(columns)
        heading_row = self.cells[0] if self.cells else []
        for number, (value, _type) in enumerate(heading_row, 1):
            if not isinstance(value, str):
                continue
            key = known.get(fold(value))
            if key is not None and key not in self.index:
                self.index[key] = number
                self.headings[key] = value.strip()

    def language(self) -> str:
        """The language of the headings, "en" unless most of them are written in another
        (revorg.io.values reads ambiguous dates by it)."""
        counts: Counter[str] = Counter()
        for key, text in self.headings.items():
            found = {lang for lang in LANGUAGE_INDEX if fold(label(key, lang)) == fold(text)}
            if len(found) == 1:
                counts[found.pop()] += 1
        best = max(LANGUAGE_INDEX, key=lambda language: counts[language])
        return best if counts[best] else "en"

    def ok(self, required: tuple[str, ...]) -> bool:
        missing = [key for key in required if key not in self.index]
        for key in missing:
            self.reader.error(
                QT_TRANSLATE_NOOP(
                    "ImportFinding", "the column {heading} is missing (row 1 holds the headings)"
                ),
                sheet=self.sheet,
                heading=quoted_label(key),
            )
        return not missing

    def ok_any(self, keys: tuple[str, ...]) -> bool:
        if any(key in self.index for key in keys):
            return True
        self.reader.error(
            QT_TRANSLATE_NOOP("ImportFinding", "the column {heading} is missing"),
            sheet=self.sheet,
            heading=quoted_label(keys[0]),
        )
        return False

    def where(self, row: int, key: str) -> Where:
        return Where(self.sheet, row, self.headings.get(key, key))

    def rows(self) -> Iterator[SheetRow]:
        inputs = [number for key, number in self.index.items() if key in self.input_keys]
        role_name = self.index.get("role")  # typed text counts; the exported formula does not
        for offset, cells in enumerate(self.cells[1:]):
            number = offset + 2
            row = SheetRow(self, number, cells)
            if all(is_blank(row.cell(column)[0]) for column in inputs) and (
                role_name is None
                or row.cell(role_name)[1] == "f"
                or is_blank(row.cell(role_name)[0])
            ):
                continue
            yield row


class SheetRow:
    def __init__(self, table: SheetTable, number: int, cells: list[tuple[Any, str]]) -> None:
        self.table = table
        self.number = number
        self.cells = cells

    def cell(self, column: int) -> tuple[Any, str]:
        return self.cells[column - 1] if column <= len(self.cells) else (None, "n")

    def has(self, key: str) -> bool:
        return key in self.table.index

    def is_formula(self, key: str) -> bool:
        return self.has(key) and self.cell(self.table.index[key])[1] == "f"

    def raw(self, key: str) -> Any:
        if key not in self.table.index:
            return None
        column = self.table.index[key]
        return self.table.reader.book.value(self.table.sheet, self.number, column)

    def where(self, key: str) -> Where:
        return self.table.where(self.number, key)

    def parsed(self, key: str, parse: Any, required: bool = False) -> Any:
        return self.table.reader.parsed(self.raw(key), self.where(key), parse, required)

    def text(self, key: str) -> str | None:
        result = self.parsed(key, as_text)
        return None if result is None else str(result)


# --- small parsers -----------------------------------------------------------------------------


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def as_text(value: Any) -> str:
    """Text from a cell: numbers as typed (12, not 12.0), dates as ISO."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value).strip()


def as_boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value != 0
    text = fold(str(value))
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise BadValueError(
        QT_TRANSLATE_NOOP("ImportFinding", "not yes or no: {value} (write TRUE or FALSE)"),
        value=repr(value),
    )


def positive_whole(value: Any) -> int:
    number = parse_whole(value)
    if not 1 <= number <= MAX_COUNT:
        raise BadValueError(
            QT_TRANSLATE_NOOP(
                "ImportFinding", "must be a whole number from 1 to {limit}: {number}"
            ),
            limit=Count(MAX_COUNT),
            number=number,
        )
    return number


def id_list(value: Any) -> list[int]:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return [positive_whole(value)]
    parts = [part for part in _LIST_SEPARATORS.split(str(value)) if part]
    found: list[int] = []
    for part in parts:
        number = positive_whole(part)
        if number not in found:
            found.append(number)
    return found


def quoted_label(key: str) -> Localized:
    """A column's heading in each language, quoted as the English line quotes it."""
    return Localized({language: repr(label(key, language)) for language in LANGUAGE_INDEX})
