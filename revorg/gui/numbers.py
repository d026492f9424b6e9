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


# Symbols people read faster than ISO codes; other codes are shown as they are.
CURRENCY_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "CNY": "¥", "JPY": "¥", "INR": "₹"}
_DIGITS_MARK = 7  # any digit: where the locale puts the number relative to the symbol


def format_money(value: Decimal, currency: str = "", locale: QLocale | None = None) -> str:
    """Whole currency units for plans (cents are noise in a workshop), with the currency
    symbol where the locale puts it: "€1,000,000" in English, "1.000.000 €" in Spanish.

    Qt places the symbol (toCurrencyString of one digit); the digits come from the Decimal,
    so no amount passes through float.
    """
    locale = locale or QLocale()
    if locale.language() == QLocale.Language.C:
        # No locale chosen (a bare QApplication): read as English rather than "1,000€".
        locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    text = group_digits(abs(value), 0, locale)
    if currency:
        symbol = CURRENCY_SYMBOLS.get(currency.upper(), currency)
        pattern = locale.toCurrencyString(_DIGITS_MARK, symbol)
        if symbol.isalpha() and len(symbol) > 1 and symbol + str(_DIGITS_MARK) in pattern:
            pattern = pattern.replace(symbol, symbol + "\u00a0")  # "XYZ 5", not "XYZ5"
        text = pattern.replace(str(_DIGITS_MARK), text, 1)
    return f"{locale.negativeSign()}{text}" if value < 0 else text


def format_count(value: Decimal | int, locale: QLocale | None = None) -> str:
    decimal = Decimal(value)
    places = 0 if decimal == decimal.to_integral_value() else 1
    return group_digits(decimal, places, locale)


def format_exact(value: Decimal | int, max_places: int, locale: QLocale | None = None) -> str:
    """Every significant decimal up to `max_places`: 12,000 and 12,000.5 and 91.25."""
    decimal = Decimal(value).quantize(Decimal(1).scaleb(-max_places))
    places = max(0, -decimal.normalize().as_tuple().exponent)  # type: ignore[operator]
    return group_digits(decimal, min(places, max_places), locale)


def format_percent(fraction: Decimal | None, places: int = 0, locale: QLocale | None = None) -> str:
    """88 % in English and Spanish, 88% in Chinese (as each locale writes percentages)."""
    if fraction is None:
        return "–"
    locale = locale or QLocale()
    number = group_digits(fraction * 100, places, locale)
    # Spanish puts a (non-breaking) space before the sign; Chinese and English do not.
    space = "\u00a0" if locale.language() == QLocale.Language.Spanish else ""
    return f"{number}{space}{locale.percent()}"


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
