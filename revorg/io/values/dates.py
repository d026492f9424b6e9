"""Dates and months typed in a roster or a workbook (the policy is in revorg.io.values).

A date cell is taken as it is; a number (or a text of digits) is an Excel serial, converted by
openpyxl's `from_excel` and nowhere else; text is ISO (2027-03-15, 2027-03), day/month/year or
month/day/year in the order the column's DateOrder says, month/year (03/2027), a Chinese date
(2027年3月15日) or a named month (Mar 2027, 15 de marzo de 2027, March 15, 2027).
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from importlib import resources

from revorg.io.messages import BadValueError, Localized, Phrase, phrase
from revorg.io.values.text import normalize, shown
from revorg.model.errors import QT_TRANSLATE_NOOP
from revorg.model.months import YearMonth

# Excel serials of plausible dates: a hire date before 1910 or a start after 2199 is a typo
# (2027 typed in a date cell is the serial of 1905-07-19).
FIRST_SERIAL_YEAR, LAST_SERIAL_YEAR = 1910, 2199


class DateOrder(Enum):
    """How a column writes dates whose first two numbers could be day or month (04/01/2027)."""

    DAY_FIRST = "day first"
    MONTH_FIRST = "month first"


# The order assumed when a column does not show its own: the habit of the headings' language.
# English is taken as US English (month first: 04/01/2027 is April 1); Spanish writes day
# first (4 de enero); Chinese writes year first (2027年1月4日, 2027/1/4), and where it writes
# the year last it follows the British order, day first.
ORDER_BY_LANGUAGE = {
    "en": DateOrder.MONTH_FIRST,
    "es": DateOrder.DAY_FIRST,
    "zh": DateOrder.DAY_FIRST,
}
LANGUAGE_NAMES = {
    "en": Localized({"en": "English", "es": "inglés", "zh": "英语"}),
    "es": Localized({"en": "Spanish", "es": "español", "zh": "西班牙语"}),
    "zh": Localized({"en": "Chinese", "es": "chino", "zh": "中文"}),
}
DEFAULT_LANGUAGE = "en"

_MONTHS_FILE = resources.files("revorg").joinpath("resources", "vocabulary", "months.json")
MONTH_NAMES: dict[str, int] = {
    name: number
    for number, names in enumerate(json.loads(_MONTHS_FILE.read_text("utf-8"))["months"], 1)
    for name in names
}
_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(?:[t ]\d.*)?")
_TWO_NUMBERS_FIRST = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?: \d.*)?")
_MONTH_YEAR = re.compile(r"(\d{1,2})[-/.](\d{4})")
_SERIAL = re.compile(r"\d+(?:\.\d+)?")
_CJK_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?")

NOT_A_DATE = QT_TRANSLATE_NOOP("ImportFinding", "{value} is not a date")
NOT_A_DATE_WRITE = QT_TRANSLATE_NOOP(
    "ImportFinding", "{value} is not a date (write 2027-03-15, 15/03/2027 or 03/2027)"
)
NOT_A_MONTH = QT_TRANSLATE_NOOP("ImportFinding", "not a month: {value}")
NOT_A_MONTH_WRITE = QT_TRANSLATE_NOOP("ImportFinding", "not a month: {value} (write it as 2027-03)")
SERIAL_OUT_OF_RANGE = QT_TRANSLATE_NOOP(
    "ImportFinding", "not a month: {value} (as an Excel date it is {date}; write it as 2027-03)"
)
AMBIGUOUS = QT_TRANSLATE_NOOP(
    "ImportFinding",
    "ambiguous date: {value} could be day/month or month/day (write it as 2027-03)",
)
ORDER_WORDS = {
    DateOrder.DAY_FIRST: QT_TRANSLATE_NOOP("ImportFinding", "day first"),
    DateOrder.MONTH_FIRST: QT_TRANSLATE_NOOP("ImportFinding", "month first"),
}
ORDER_ASSUMED = QT_TRANSLATE_NOOP(
    "ImportFinding",
    "dates such as {value} could be day/month or month/day: read {order} ({date}), as usual "
    "with headings in {language}; write 2027-03-15 to be sure",
)


@dataclass(frozen=True)
class DateColumn:
    """The order of a column's dates and why: its own unambiguous dates, or the headings'
    language (then `assumed` is the index and text of its first ambiguous date)."""

    order: DateOrder
    language: str = DEFAULT_LANGUAGE
    mixed: bool = False  # the column has unambiguous dates of both orders
    assumed: tuple[int, str] | None = None

    def note(self) -> Phrase | None:
        """The finding that says which order was assumed, when the column did not say."""
        if self.assumed is None or self.mixed:
            return None
        text = self.assumed[1]
        date = read_date(text, self)
        return phrase(
            ORDER_ASSUMED,
            value=repr(text),
            order=phrase(ORDER_WORDS[self.order]),
            date=date.isoformat(),
            language=LANGUAGE_NAMES.get(self.language, LANGUAGE_NAMES[DEFAULT_LANGUAGE]),
        )


def date_column(values: Iterable[object], language: str = DEFAULT_LANGUAGE) -> DateColumn:
    """The order of a column's dates: day first when one of them has a first number above 12
    (13/01/2027), month first when one has a second number above 12; else the language's."""
    default = ORDER_BY_LANGUAGE.get(language, ORDER_BY_LANGUAGE[DEFAULT_LANGUAGE])
    seen: set[DateOrder] = set()
    first_ambiguous: tuple[int, str] | None = None
    for index, value in enumerate(values):
        if not isinstance(value, str):
            continue
        match = _TWO_NUMBERS_FIRST.fullmatch(value.strip().casefold())
        if match is None:
            continue
        first, second = int(match.group(1)), int(match.group(2))
        if first > 12 >= second:
            seen.add(DateOrder.DAY_FIRST)
        elif second > 12 >= first:
            seen.add(DateOrder.MONTH_FIRST)
        elif first != second and first_ambiguous is None and max(first, second) <= 12:
            first_ambiguous = (index, value.strip())
    if len(seen) == 1:
        return DateColumn(seen.pop(), language)
    return DateColumn(default, language, mixed=len(seen) > 1, assumed=first_ambiguous)


def read_date(
    value: object, column: DateColumn | None = None, epoch: object = None
) -> datetime.date:
    """A date from a cell; raises BadValueError. `epoch` is the workbook's (openpyxl's
    workbook.epoch: 1900 or 1904 date system), None for the 1900 system."""
    column = column or DateColumn(ORDER_BY_LANGUAGE[DEFAULT_LANGUAGE])
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, bool) or not isinstance(value, str | int | float | Decimal):
        raise BadValueError(NOT_A_DATE, value=shown(value))
    if not isinstance(value, str):
        return _from_serial(float(value), epoch, value)
    text = value.strip().casefold()
    if _SERIAL.fullmatch(text):
        return _from_serial(float(text), epoch, value)
    try:
        found = _from_text(text, column, value)
    except ValueError as error:  # a day or month out of range: 31/02/2027
        if isinstance(error, BadValueError):
            raise
        found = None
    if found is None:
        raise BadValueError(NOT_A_DATE_WRITE, value=shown(value))
    return found


def _from_text(text: str, column: DateColumn, original: str) -> datetime.date | None:
    if match := _ISO.fullmatch(text):
        year, month, day = match.groups()
        return datetime.date(int(year), int(month), int(day or 1))
    if match := _CJK_DATE.fullmatch(text):
        year, month, day = match.groups()
        return datetime.date(int(year), int(month), int(day or 1))
    if match := _TWO_NUMBERS_FIRST.fullmatch(text):
        first, second, year = (int(part) for part in match.groups())
        year += 2000 if year < 100 else 0
        if first > 12 >= second:
            day, month = first, second
        elif second > 12 >= first:
            month, day = first, second
        elif first != second and column.mixed:
            raise BadValueError(AMBIGUOUS, value=shown(original))
        elif column.order is DateOrder.DAY_FIRST:
            day, month = first, second
        else:
            month, day = first, second
        return datetime.date(year, month, day)
    if match := _MONTH_YEAR.fullmatch(text):
        month, year = (int(part) for part in match.groups())
        return datetime.date(year, month, 1)
    return _named_month_date(text)


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


def _from_serial(serial: float, epoch: object, original: object) -> datetime.date:
    """An Excel serial through openpyxl (which knows the 1900 leap-year bug and the 1904
    system); outside FIRST_SERIAL_YEAR..LAST_SERIAL_YEAR it is a typo, not a date."""
    # Imported here: this module is loaded with the window, which needs no openpyxl (90 ms).
    from openpyxl.utils.datetime import from_excel  # type: ignore[import-untyped]

    try:
        moment = from_excel(serial) if epoch is None else from_excel(serial, epoch)
    except (OverflowError, ValueError):
        moment = None
    if not isinstance(moment, datetime.datetime | datetime.date):
        raise BadValueError(NOT_A_DATE, value=shown(original))
    if not FIRST_SERIAL_YEAR <= moment.year <= LAST_SERIAL_YEAR:
        raise SerialOutOfRangeError(NOT_A_DATE, value=shown(original), date=f"{moment:%Y-%m-%d}")
    return moment.date() if isinstance(moment, datetime.datetime) else moment


class SerialOutOfRangeError(BadValueError):
    """A number that is an Excel date outside the plausible years (its date is a value)."""


# --- the two ways importers ask -------------------------------------------------------------


def parse_date(
    value: object, column: DateColumn | None = None, epoch: object = None
) -> datetime.date:
    """A date (a roster's start date); raises BadValueError ("... is not a date")."""
    return read_date(value, column, epoch)


def parse_month(value: object, column: DateColumn | None = None, epoch: object = None) -> YearMonth:
    """A month (a workbook's start month): any date the roster accepts, its day dropped;
    raises BadValueError ("not a month: ...")."""
    try:
        date = read_date(value, column, epoch)
    except SerialOutOfRangeError as error:
        raise BadValueError(
            SERIAL_OUT_OF_RANGE, value=shown(value), date=error.phrase.values["date"]
        ) from None
    except BadValueError as error:
        if error.phrase.template == AMBIGUOUS:
            raise
        template = NOT_A_MONTH_WRITE if isinstance(value, str) else NOT_A_MONTH
        raise BadValueError(template, value=shown(value)) from None
    try:
        return YearMonth(date.year, date.month)
    except ValueError:
        raise BadValueError(NOT_A_MONTH, value=shown(value)) from None
