"""Amounts, rates and counts typed in a roster or a workbook (the policy is in
revorg.io.values): Decimal all the way, never float.

"1,250" alone could be 1250 or 1.25: its column decides (DecimalMark), else it is 1250. A number
cell (int or float) is exact already; float goes through repr, so 0.1 stays 0.1.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from functools import cache

from revorg.io.messages import BadValueError
from revorg.io.values.text import shown
from revorg.model.currencies import currencies, find_currency
from revorg.model.errors import QT_TRANSLATE_NOOP
from revorg.model.money import parse_decimal


class DecimalMark(Enum):
    POINT = "."
    COMMA = ","


@dataclass(frozen=True)
class Amount:
    number: Decimal
    currency: str | None = None  # an ISO code when the cell wrote one or a symbol


# Symbols people type for the currencies they mean most often; the other symbols of CLDR
# ("US$", "CA$", "JP¥", "₹") come from revorg.model.currencies. A bare "$" is read as US dollars
# and a bare "¥" as yuan (a Chinese roster writes ¥ for 元).
CURRENCY_SYMBOLS = {"€": "EUR", "£": "GBP", "$": "USD", "¥": "CNY", "￥": "CNY", "元": "CNY"}
CURRENCY_ALIASES = {"RMB": "CNY"}
_HEADING_CODE = re.compile(r"(?<![A-Za-z])([A-Z]{3})(?![A-Za-z])")
_CODE_BEFORE = re.compile(r"^([A-Za-z]{3})(?=[\s\d(+\-.,]|$)")
_CODE_AFTER = re.compile(r"(?<=[\s\d).,])([A-Za-z]{3})$")
# An optional code, digits grouped by commas (or not), a point and one or two decimals: read
# alike by the general rules below whatever the column's decimal mark (a point before fewer
# than three digits is a decimal point), so read at once.
_CODE_AND_CENTS = re.compile(r"(?:([A-Z]{3}) ?)?(\d{1,3}(?:,\d{3})+|\d+)\.(\d{1,2})")
_SPACES = re.compile(r"[\s'\u00a0\u202f\u2009_]")
_DIGITS = re.compile(r"\d[\d.,]*|[.,]\d+")
# A number in a cell of the column, as evidence of its decimal mark: "1.234,56" or "12,5" say
# comma; "1,234.56" or "12.5" say point; "1,250" says nothing.
_EVIDENCE = re.compile(r"[+-]?\(?[^\d]*?([\d.,]*\d)")

NOT_AN_AMOUNT = QT_TRANSLATE_NOOP("ImportFinding", "{value} is not an amount")
NEGATIVE_AMOUNT = QT_TRANSLATE_NOOP("ImportFinding", "negative amount {amount}")
NOT_A_NUMBER = QT_TRANSLATE_NOOP("ImportFinding", "not a number: {value}")
DATE_FOR_NUMBER = QT_TRANSLATE_NOOP("ImportFinding", "a date where a number belongs: {value}")
NOT_A_PERCENTAGE = QT_TRANSLATE_NOOP("ImportFinding", "not a percentage: {value}")
NOT_WHOLE = QT_TRANSLATE_NOOP("ImportFinding", "not a whole number: {value}")


class NotANumberError(ValueError):
    """Text that no rule reads as a number (each caller words it)."""


class NegativeAmountError(BadValueError):
    pass


def decimal_mark(values: Iterable[object]) -> DecimalMark | None:
    """The decimal mark a column's texts show (the first that shows one), or None."""
    for value in values:
        if isinstance(value, str):
            found = _mark_shown(_SPACES.sub("", value))
            if found is not None:
                return found
    return None


def _mark_shown(text: str) -> DecimalMark | None:
    match = _EVIDENCE.match(text)
    if match is None:
        return None
    digits = match.group(1)
    if "," in digits and "." in digits:
        return DecimalMark.COMMA if digits.rfind(",") > digits.rfind(".") else DecimalMark.POINT
    for mark in DecimalMark:
        parts = digits.split(mark.value)
        if len(parts) == 2 and (len(parts[1]) != 3 or parts[0] in ("", "0") or len(parts[0]) > 3):
            return mark
    return None


def read_amount(value: object, mark: DecimalMark | None = None) -> Amount:
    """A signed amount and its currency: 65000, "65,000", "€ 65.000", "65.000,50 EUR",
    "USD 485,000.00", "¥300,000", "65k", "(5,000)". Raises NotANumberError."""
    if isinstance(value, bool) or value is None:
        raise NotANumberError(value)
    if isinstance(value, int | float | Decimal):
        return Amount(parse_decimal(value))
    if not isinstance(value, str):
        raise NotANumberError(value)
    text = value.strip()
    if text.isascii() and text.isdigit():  # most cells of a CSV roster: "65000"
        return Amount(Decimal(text))
    common = _CODE_AND_CENTS.fullmatch(text)
    if common is not None:  # a CRM's "EUR 24,000.00": 8 of the 20 µs of a deal's row
        code, whole, cents = common.groups()
        code = CURRENCY_ALIASES.get(code, code) if code else None
        if (code is None or find_currency(code) is not None) and (
            _symbol_pattern().search(text) is None  # "kr." or "Br" are others' business
        ):
            return Amount(Decimal(f"{whole.replace(',', '')}.{cents}"), code)
    currency = None
    found = _symbol_pattern().search(text)  # one pass, the longest first: "US$" before "$"
    if found is not None:
        symbol = found.group()
        currency = _symbol_codes()[symbol]
        text = text.replace(symbol, " ").strip()
    for pattern in (_CODE_BEFORE, _CODE_AFTER):
        match = pattern.search(text)
        if match is not None:
            code = match.group(1).upper()
            code = CURRENCY_ALIASES.get(code, code)
            if find_currency(code) is None:  # "65000 abc": no currency, so no amount
                raise NotANumberError(value)
            currency = code
            text = (text[: match.start()] + text[match.end() :]).strip()
    negative = text.startswith("-") or text.endswith("-") or text.startswith("(")
    if text.startswith("(") != text.endswith(")"):
        raise NotANumberError(value)
    text = text.strip("()-+ ")
    multiplier = 1
    if text[-1:] in ("k", "K"):
        multiplier, text = 1000, text[:-1]
    text = _SPACES.sub("", text)
    if not _DIGITS.fullmatch(text):
        raise NotANumberError(value)
    number = Decimal(_plain_number(text, mark, value)) * multiplier
    return Amount(-number if negative else number, currency)


@cache
def _symbols() -> tuple[tuple[str, str], ...]:
    """Every currency symbol that is not a code, the longest first, with its code."""
    found = dict(CURRENCY_SYMBOLS)
    for code, currency in currencies().items():
        for symbol in currency.symbols.values():
            if symbol != code and not symbol.isalpha() and symbol not in found:
                found[symbol] = code
    return tuple(sorted(found.items(), key=lambda item: -len(item[0])))


@cache
def _symbol_codes() -> dict[str, str]:
    return dict(_symbols())


@cache
def _symbol_pattern() -> re.Pattern[str]:
    """Every symbol of _symbols() in one expression, the longest first (a 50,000-row import
    tried some 300 symbols one by one on every amount)."""
    return re.compile("|".join(re.escape(symbol) for symbol, _code in _symbols()))


def heading_currency(heading: str | None) -> str | None:
    """The currency a column heading names: "Salary (USD)", "Cost $", "年薪(元)", "Sueldo €";
    None when it names none. A code counts only in capitals ("Salary all in" is no lek)."""
    if not heading:
        return None
    for match in _HEADING_CODE.finditer(heading):
        code = CURRENCY_ALIASES.get(match.group(1), match.group(1))
        if find_currency(code) is not None:
            return code
    for symbol, code in _symbols():
        if symbol in heading:
            return code
    return None


def _plain_number(text: str, mark: DecimalMark | None, original: object) -> str:
    """Digits with thousands separators and a decimal comma or point, as "65000.50"."""
    if "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        whole, _, fraction = text.rpartition(decimal)
        if not _grouped(whole, "." if decimal == "," else ",") or not fraction.isdigit():
            raise NotANumberError(original)
        return whole.replace(",", "").replace(".", "") + "." + fraction
    separator = "," if "," in text else "." if "." in text else None
    if separator is None:
        return text
    parts = text.split(separator)
    if len(parts) == 2 and (
        len(parts[1]) != 3
        or parts[0] in ("", "0")
        or len(parts[0]) > 3
        or (mark is not None and mark.value == separator)
    ):
        return f"{parts[0] or 0}.{parts[1]}"  # a decimal mark: "65000.50", "1,5", "0,250"
    if _grouped(text, separator):
        return text.replace(separator, "")  # thousands: "65.000", "1,250,000"
    raise NotANumberError(original)


def _grouped(text: str, separator: str) -> bool:
    groups = text.split(separator)
    return 1 <= len(groups[0]) <= 3 and all(len(g) == 3 and g.isdigit() for g in groups[1:])


# --- the ways importers ask -----------------------------------------------------------------


def parse_amount(value: object, mark: DecimalMark | None = None) -> tuple[Decimal, str | None]:
    """A cost of a roster and its currency; raises BadValueError ("... is not an amount"),
    NegativeAmountError below zero."""
    if isinstance(value, datetime.date | datetime.time | datetime.timedelta):
        raise BadValueError(NOT_AN_AMOUNT, value=shown(_text_of(value)))
    try:
        amount = read_amount(value, mark)
    except NotANumberError:
        raise BadValueError(NOT_AN_AMOUNT, value=shown(_text_of(value))) from None
    if amount.number < 0:
        raise NegativeAmountError(NEGATIVE_AMOUNT, amount=shown(_text_of(value)))
    return amount.number, amount.currency


def parse_number(value: object, mark: DecimalMark | None = None) -> Decimal:
    """A number of a workbook (signed: the caller says what may not be negative); raises
    BadValueError ("not a number: ...")."""
    if isinstance(value, datetime.date | datetime.time | datetime.timedelta):
        raise BadValueError(DATE_FOR_NUMBER, value=shown(value))
    try:
        return read_amount(value, mark).number
    except NotANumberError:
        raise BadValueError(NOT_A_NUMBER, value=shown(value)) from None


def parse_rate_value(value: object, mark: DecimalMark | None = None) -> Decimal:
    """A rate as a fraction: "10%", "10 %", "10,5%" or 0.1 (a bare 10 stays 10: the caller
    says whether it may be above 1)."""
    if isinstance(value, str) and value.strip().endswith("%"):
        try:
            return read_amount(value.strip()[:-1], mark).number / 100
        except NotANumberError:
            raise BadValueError(NOT_A_PERCENTAGE, value=shown(value)) from None
    return parse_number(value, mark)


def parse_whole(value: object) -> int:
    number = parse_number(value)
    if number != number.to_integral_value():
        raise BadValueError(NOT_WHOLE, value=shown(value))
    return int(number)


def _text_of(value: object) -> object:
    """A number cell as the roster's messages show it: 5.0 as 5."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date().isoformat()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return value
