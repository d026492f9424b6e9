"""Numbers shown and typed in the window, in the user's locale, without passing through float."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QLocale

from revorg.model.money import parse_decimal


def group_digits(value: Decimal, places: int, locale: QLocale | None = None) -> str:
    """1234567.5 as "1,234,567.50" (English) or "1.234.567,50" (Spanish)."""
    locale = locale or QLocale()
    text = f"{value:,.{places}f}"
    return (
        text.replace(",", "\x00")
        .replace(".", locale.decimalPoint())
        .replace("\x00", locale.groupSeparator())
    )


def format_money(value: Decimal, currency: str = "", locale: QLocale | None = None) -> str:
    """Whole currency units for plans (cents are noise in a workshop)."""
    text = group_digits(value, 0, locale)
    return f"{currency} {text}" if currency else text


def format_count(value: Decimal | int, locale: QLocale | None = None) -> str:
    decimal = Decimal(value)
    places = 0 if decimal == decimal.to_integral_value() else 1
    return group_digits(decimal, places, locale)


def format_exact(value: Decimal | int, max_places: int, locale: QLocale | None = None) -> str:
    """Every significant decimal up to `max_places`: 12,000 and 12,000.5 and 91.25."""
    decimal = Decimal(value).quantize(Decimal(1).scaleb(-max_places))
    places = max(0, -decimal.normalize().as_tuple().exponent)  # type: ignore[operator]
    return group_digits(decimal, min(places, max_places), locale)


def format_percent(fraction: Decimal | None, places: int = 0) -> str:
    if fraction is None:
        return "–"
    return f"{fraction * 100:.{places}f} %"


def parse_number(text: str, locale: QLocale | None = None) -> Decimal:
    """Parse what a user typed, with the locale's group separators and decimal point.

    Raises ValueError with a message fit for a user.
    """
    locale = locale or QLocale()
    cleaned = text.strip().replace(locale.groupSeparator(), "").replace("\u00a0", "")
    cleaned = cleaned.replace(locale.decimalPoint(), ".")
    if locale.decimalPoint() != "," and "," in cleaned:
        cleaned = cleaned.replace(",", "")  # "1,000" typed as thousands in English
    return parse_decimal(cleaned)
