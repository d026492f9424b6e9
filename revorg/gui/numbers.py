"""Numbers shown and typed in the window, in the user's locale, without passing through float."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from PySide6.QtCore import QLocale

from revorg.model.currencies import currency_symbol
from revorg.model.errors import QT_TRANSLATE_NOOP, NumberError
from revorg.model.money import parse_decimal


def group_digits(value: Decimal, places: int, locale: QLocale | None = None) -> str:
    """1234567.5 as "1,234,567.50" (English) or "1.234.567,50" (Spanish)."""
    locale = locale or QLocale()
    # Half up, as people and spreadsheets round (a Decimal's format would round half to even).
    rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{rounded:,.{places}f}"
    return (
        text.replace(",", "\x00")
        .replace(".", locale.decimalPoint())
        .replace("\x00", locale.groupSeparator())
    )


_DIGITS_MARK = 7  # any digit: where the locale puts the number relative to the symbol


def format_money(value: Decimal, currency: str = "", locale: QLocale | None = None) -> str:
    """Whole currency units for plans (cents are noise in a workshop), with the currency
    symbol where the locale puts it: "US$1,500,000" in English, "1.500.000 €" in Spanish,
    "¥1,500,000" (CNY) in Chinese.

    The symbol is CLDR's for the language (revorg.model.currencies): no two currencies share
    one, so "$" is never USD and CAD at once, nor "¥" yuan and yen. Qt places it
    (toCurrencyString of one digit); the digits come from the Decimal, so no amount passes
    through float.
    """
    locale = locale or QLocale()
    if locale.language() == QLocale.Language.C:
        # No locale chosen (a bare QApplication): read as English rather than "1,000€".
        locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    text = group_digits(abs(value), 0, locale)
    if currency:
        symbol = currency_symbol(currency, symbol_language(locale))
        pattern = locale.toCurrencyString(_DIGITS_MARK, symbol)
        if symbol.isalpha() and len(symbol) > 1 and symbol + str(_DIGITS_MARK) in pattern:
            pattern = pattern.replace(symbol, symbol + "\u00a0")  # "XYZ 5", not "XYZ5"
        text = pattern.replace(str(_DIGITS_MARK), text, 1)
    return f"{locale.negativeSign()}{text}" if value < 0 else text


def symbol_language(locale: QLocale) -> str:
    """The language whose currency symbols the locale shows: "es", "zh", else "en"."""
    language = locale.language()
    if language == QLocale.Language.Spanish:
        return "es"
    return "zh" if language == QLocale.Language.Chinese else "en"


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
    """88% in English and Chinese, 88 % in Spanish (as each locale writes percentages)."""
    if fraction is None:
        return "–"
    locale = locale or QLocale()
    number = group_digits(fraction * 100, places, locale)
    # Spanish puts a (non-breaking) space before the sign; Chinese and English do not.
    space = "\u00a0" if locale.language() == QLocale.Language.Spanish else ""
    return f"{number}{space}{locale.percent()}"


def parse_number(text: str, locale: QLocale | None = None) -> Decimal:
    """Parse what a user typed, with the locale's group separators and decimal point.

    Group separators count only between groups of three digits ("1.000.000" in Spanish), so a
    Spanish "38.5" is read as 38.5 (the point typed as in English), never as 385. Text that
    cannot be read one way only raises NumberError (a ValueError) with a message fit for a user.
    """
    locale = locale or QLocale()
    group, point = locale.groupSeparator(), locale.decimalPoint()
    cleaned = text.strip().replace("\u00a0", "").replace("\u202f", "")
    if group.isspace():
        cleaned = cleaned.replace(" ", "")
        group = ""
    whole, has_point, fraction = cleaned.partition(point)
    if group and group in whole:
        if not has_point and group in (".", ",") and _FOREIGN_POINT.fullmatch(whole):
            return parse_decimal(whole.replace(group, "."))  # "38.5": a point typed as English
        if not _grouped(whole, group):
            raise NumberError(
                QT_TRANSLATE_NOOP("NumberError", "{text} is unclear: write thousands as {example}"),
                text=repr(text),
                example=group_digits(Decimal(1000000), 0, locale),
            )
        whole = whole.replace(group, "")
    return parse_decimal(f"{whole}.{fraction}" if has_point else whole)


# One separator, then one or two digits: a decimal point, as no thousands group is that short.
_FOREIGN_POINT = re.compile(r"[-+]?\d+[.,]\d{1,2}")


def _grouped(whole: str, group: str) -> bool:
    """Whether `whole` is digits in groups of three after the first: 1,000 or 12.345.678."""
    pattern = r"[-+]?\d{1,3}(" + re.escape(group) + r"\d{3})+"
    return re.fullmatch(pattern, whole) is not None


@dataclass(frozen=True)
class AxisUnit:
    """How a chart's money axis counts: amounts divided by `divisor`, ticks at round steps
    from 0 to `maximum` (in the unit), each labelled with the unit's word ("300M", "300 M",
    "3亿")."""

    divisor: Decimal
    suffix: str
    step: Decimal
    ticks: int

    @property
    def maximum(self) -> float:
        return float(self.step * (self.ticks - 1))

    def scaled(self, amount: Decimal) -> float:
        """An amount in the axis's unit (drawing only: never fed back into the plan)."""
        return float(amount / self.divisor)

    def tick_labels(self, locale: QLocale | None = None) -> list[tuple[float, str]]:
        """Each tick's value and label, its digits in the locale ("0,5 M" in Spanish)."""
        places = max(0, -self.step.normalize().as_tuple().exponent)  # type: ignore[operator]
        return [
            (float(self.step * i), group_digits(self.step * i, places, locale) + self.suffix)
            for i in range(self.ticks)
        ]


# Each language's large-number units, largest first: English and Spanish count in thousands
# and millions ("k" and "M"; Spanish "mil" and "M", spaced), Chinese in 万 (ten thousand) and
# 亿 (a hundred million); so 3,000,000 reads 3M or 300万, and never 3000k.
_AXIS_UNITS: dict[str, tuple[tuple[int, str], ...]] = {
    "en": ((1_000_000, "M"), (1_000, "k")),
    "es": ((1_000_000, "\u00a0M"), (1_000, "\u00a0mil")),
    "zh": ((100_000_000, "亿"), (10_000, "万")),
}
_NICE_STEPS = (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5))
AXIS_HEADROOM = Decimal("1.1")  # room above the highest bar
AXIS_TICK_SPACES = 4  # about four spaces between ticks: a panel is low


def axis_unit(highest: Decimal, locale: QLocale | None = None) -> AxisUnit:
    """The axis for amounts up to `highest`: the largest of the language's units that leaves
    at least 1 (a plan of millions reads "3M", not "3000k"), and ticks at round steps (1, 2,
    2.5 or 5 times a power of ten)."""
    units = _AXIS_UNITS[symbol_language(locale or QLocale())]
    divisor, suffix = units[-1]
    for candidate, candidate_suffix in units:
        if abs(highest) >= candidate:
            divisor, suffix = candidate, candidate_suffix
            break
    top = max(abs(highest) / divisor * AXIS_HEADROOM, Decimal(1))
    rough = top / AXIS_TICK_SPACES
    power = Decimal(10) ** (rough.adjusted())
    step = next((n * power for n in _NICE_STEPS if n * power >= rough), 10 * power)
    spaces = int((top / step).to_integral_value(rounding="ROUND_CEILING"))
    return AxisUnit(Decimal(divisor), suffix, step, spaces + 1)
