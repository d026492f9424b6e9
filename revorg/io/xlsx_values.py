"""Values typed into a workbook, read the way a user meant them: amounts with thousands
separators or a currency, rates as "10%" or 0.1, and months written in many ways.

Every parser raises ValueError with a message fit for an import report (a BadValueError, whose
reason the window translates).
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

from openpyxl.utils.datetime import from_excel  # type: ignore[import-untyped]

from revorg.io.messages import BadValueError
from revorg.model.errors import QT_TRANSLATE_NOOP
from revorg.model.money import parse_decimal, parse_rate
from revorg.model.months import YearMonth

# Excel serial numbers of plausible start months (1970 to 2199): outside, a number is a typo.
FIRST_SERIAL_YEAR, LAST_SERIAL_YEAR = 1970, 2199
_CURRENCY = re.compile(r"^([A-Za-z]{3}|[€$£¥])\s*|\s*([A-Za-z]{3}|[€$£¥])$")
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_THOUSANDS_EUROPEAN = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$")
MONTH_NAMES = {
    name: index
    for index, names in enumerate(
        (
            ("jan", "january", "ene", "enero"),
            ("feb", "february", "febrero"),
            ("mar", "march", "marzo"),
            ("apr", "april", "abr", "abril"),
            ("may", "mayo"),
            ("jun", "june", "junio"),
            ("jul", "july", "julio"),
            ("aug", "august", "ago", "agosto"),
            ("sep", "sept", "september", "septiembre", "setiembre"),
            ("oct", "october", "octubre"),
            ("nov", "november", "noviembre"),
            ("dec", "december", "dic", "diciembre"),
        ),
        start=1,
    )
    for name in names
}
_YEAR_FIRST = re.compile(
    r"^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(?:[T ]\d{1,2}:\d{2}(:\d{2})?)?$"
)
_MONTH_YEAR = re.compile(r"^(\d{1,2})[-/.](\d{4})$")
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_CHINESE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*\d{1,2}\s*日)?$")
_NAMED = re.compile(r"^([^\W\d_]+)\.?[\s,-]*(\d{4})$|^(\d{4})[\s,-]*([^\W\d_]+)\.?$")
NOT_A_NUMBER = QT_TRANSLATE_NOOP("ImportFinding", "not a number: {value}")
NOT_A_MONTH = QT_TRANSLATE_NOOP("ImportFinding", "not a month: {value}")


def parse_number(value: object) -> Decimal:
    """A number from a cell: int, float, or text such as "1,234.50", "1.234,50", "EUR 900"."""
    if isinstance(value, bool) or value is None:
        raise BadValueError(NOT_A_NUMBER, value=_shown(value))
    if isinstance(value, int | float | Decimal):
        return parse_decimal(value)
    if isinstance(value, datetime.date | datetime.time | datetime.timedelta):
        raise BadValueError(
            QT_TRANSLATE_NOOP("ImportFinding", "a date where a number belongs: {value}"),
            value=_shown(value),
        )
    text = str(value).strip().replace("\u00a0", "").replace("\u202f", "")
    text = _CURRENCY.sub("", text).strip().replace(" ", "").replace("'", "")
    if _THOUSANDS.match(text):
        text = text.replace(",", "")
    elif _THOUSANDS_EUROPEAN.match(text):
        text = text.replace(".", "").replace(",", ".")
    elif text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")  # a decimal comma: "12,5"
    try:
        return parse_decimal(text)
    except ValueError:
        raise BadValueError(NOT_A_NUMBER, value=_shown(value)) from None


def parse_rate_value(value: object) -> Decimal:
    """A rate as a fraction: 0.1, "10%" or "10 %"."""
    if isinstance(value, str) and value.strip().endswith("%"):
        try:
            return parse_rate(value.strip().replace(" ", "").replace(",", "."))
        except ValueError:
            raise BadValueError(
                QT_TRANSLATE_NOOP("ImportFinding", "not a percentage: {value}"), value=_shown(value)
            ) from None
    return parse_number(value)


def parse_whole(value: object) -> int:
    number = parse_number(value)
    if number != number.to_integral_value():
        raise BadValueError(
            QT_TRANSLATE_NOOP("ImportFinding", "not a whole number: {value}"), value=_shown(value)
        )
    return int(number)


def parse_month(value: object, epoch: datetime.datetime | None = None) -> YearMonth:
    """A month from a date cell, an Excel date serial or text: 2027-03, 2027-03-01, 03/2027,
    01/03/2027 (the day must be 1 when day and month could be swapped), Mar 2027, 2027年3月."""
    if isinstance(value, datetime.datetime | datetime.date):
        return _checked(value.year, value.month, value)
    if isinstance(value, bool):
        raise BadValueError(NOT_A_MONTH, value=_shown(value))
    if isinstance(value, int | float | Decimal):
        return _from_serial(float(value), epoch, value)
    if not isinstance(value, str):
        raise BadValueError(NOT_A_MONTH, value=_shown(value))
    text = value.strip()
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return _from_serial(float(text), epoch, value)
    match = _YEAR_FIRST.match(text)
    if match:
        return _checked(int(match.group(1)), int(match.group(2)), value)
    match = _MONTH_YEAR.match(text)
    if match:
        return _checked(int(match.group(2)), int(match.group(1)), value)
    match = _DAY_MONTH_YEAR.match(text)
    if match:
        first, second, year = (int(group) for group in match.groups())
        return _checked(year, _month_of_day_month(first, second, value), value)
    match = _CHINESE.match(text)
    if match:
        return _checked(int(match.group(1)), int(match.group(2)), value)
    match = _NAMED.match(text)
    if match:
        name = (match.group(1) or match.group(4)).casefold()
        year = int(match.group(2) or match.group(3))
        if name in MONTH_NAMES:
            return _checked(year, MONTH_NAMES[name], value)
    raise BadValueError(
        QT_TRANSLATE_NOOP("ImportFinding", "not a month: {value} (write it as 2027-03)"),
        value=_shown(value),
    )


def _month_of_day_month(first: int, second: int, original: object) -> int:
    """The month of dd/mm/yyyy or mm/dd/yyyy: unambiguous when one part is above 12, or when
    the other part is the first of the month."""
    if first > 12 and second <= 12:
        return second
    if second > 12 and first <= 12:
        return first
    if first == second or first == 1:
        return second
    if second == 1:
        return first
    raise BadValueError(
        QT_TRANSLATE_NOOP(
            "ImportFinding",
            "ambiguous date: {value} could be day/month or month/day (write it as 2027-03)",
        ),
        value=_shown(original),
    )


def _from_serial(serial: float, epoch: datetime.datetime | None, original: object) -> YearMonth:
    try:
        moment = from_excel(serial) if epoch is None else from_excel(serial, epoch)
    except (OverflowError, ValueError):
        moment = None
    if not isinstance(moment, datetime.datetime | datetime.date):
        raise BadValueError(NOT_A_MONTH, value=_shown(original))
    if not FIRST_SERIAL_YEAR <= moment.year <= LAST_SERIAL_YEAR:
        raise BadValueError(
            QT_TRANSLATE_NOOP(
                "ImportFinding",
                "not a month: {value} (as an Excel date it is {date}; write it as 2027-03)",
            ),
            value=_shown(original),
            date=f"{moment:%Y-%m-%d}",
        )
    return YearMonth(moment.year, moment.month)


def _checked(year: int, month: int, original: object) -> YearMonth:
    try:
        return YearMonth(year, month)
    except ValueError:
        raise BadValueError(NOT_A_MONTH, value=_shown(original)) from None


def _shown(value: object) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "..."
