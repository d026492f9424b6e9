"""Money and rates as Decimal, so that sums never drift (0.1 + 0.2 is 0.3 here)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from revorg.model.errors import QT_TRANSLATE_NOOP, NumberError

CENT = Decimal("0.01")
ZERO = Decimal(0)


def to_money(value: Decimal | int | str) -> Decimal:
    """Round to whole cents, half away from zero, as accountants expect."""
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def to_cents(value: Decimal) -> int:
    return int(to_money(value) * 100)


def from_cents(cents: int) -> Decimal:
    return (Decimal(cents) / 100).quantize(CENT)


def cents_amount(cents: int) -> Decimal:
    """Whole cents as an amount to the cent (12345 -> 123.45): from_cents for a value known to
    be an int, at a third of its cost (sums of actuals make thousands)."""
    return Decimal(cents).scaleb(-2)


def parse_decimal(text: str | int | float | Decimal) -> Decimal:
    """Parse a number typed by a user or read from a file; floats go through str to stay exact.

    Raises NumberError (a ValueError) with a message fit for a user.
    """
    if isinstance(text, Decimal):
        value = text
    elif isinstance(text, bool):
        raise NumberError(QT_TRANSLATE_NOOP("NumberError", "not a number: {text}"), text=repr(text))
    elif isinstance(text, int):
        value = Decimal(text)
    elif isinstance(text, float):
        value = Decimal(repr(text))
    else:
        cleaned = text.strip().replace("\u00a0", "").replace(" ", "").replace("_", "")
        try:
            value = Decimal(cleaned)
        except InvalidOperation:
            raise NumberError(
                QT_TRANSLATE_NOOP("NumberError", "not a number: {text}"), text=repr(text)
            ) from None
    if not value.is_finite():
        raise NumberError(
            QT_TRANSLATE_NOOP("NumberError", "not a finite number: {text}"), text=repr(text)
        )
    return value


def parse_rate(text: str | int | float | Decimal) -> Decimal:
    """A rate as a fraction: "10%" and "0.1" both give Decimal("0.1")."""
    if isinstance(text, str) and text.strip().endswith("%"):
        return parse_decimal(text.strip()[:-1]) / 100
    return parse_decimal(text)


def json_number(value: Decimal | int) -> int | float:
    """A plain JSON number: whole values as int (360000), others as float (0.1)."""
    if isinstance(value, int):
        return value
    if value == value.to_integral_value():
        return int(value)
    return float(value)
