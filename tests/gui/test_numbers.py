"""Numbers typed and shown in the window: each locale's separators, read one way only."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QLocale

from revorg.gui.numbers import format_exact, format_money, parse_number
from revorg.model.errors import NumberError

ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
SPANISH = QLocale(QLocale.Language.Spanish, QLocale.Country.Spain)
CHINESE = QLocale(QLocale.Language.Chinese, QLocale.Country.China)


@pytest.mark.parametrize(
    ("text", "locale", "value"),
    [
        ("38.500", SPANISH, "38500"),
        ("1.000.000", SPANISH, "1000000"),
        ("1.000,5", SPANISH, "1000.5"),
        ("38,5", SPANISH, "38.5"),
        ("38.5", SPANISH, "38.5"),  # the point typed as in English: never 385
        ("38.50", SPANISH, "38.50"),
        ("-1.250", SPANISH, "-1250"),
        ("1,000", ENGLISH, "1000"),
        ("1,000.25", ENGLISH, "1000.25"),
        ("38.5", ENGLISH, "38.5"),
        ("38,5", ENGLISH, "38.5"),  # the comma typed as in Spanish: never 385
        (" 12 000 ", ENGLISH, "12000"),
        ("1,000,000", CHINESE, "1000000"),
        ("0.35", CHINESE, "0.35"),
    ],
)
def test_typed_numbers_read_as_meant(text: str, locale: QLocale, value: str) -> None:
    assert parse_number(text, locale) == Decimal(value)


@pytest.mark.parametrize(
    ("text", "locale"),
    [("38.5000", SPANISH), ("1.00.000", SPANISH), ("1,0000", ENGLISH), ("1,00,000", ENGLISH)],
)
def test_ambiguous_grouping_is_refused_with_an_example(text: str, locale: QLocale) -> None:
    with pytest.raises(NumberError) as refused:
        parse_number(text, locale)
    assert group_example(locale) in str(refused.value)


def group_example(locale: QLocale) -> str:
    return "1.000.000" if locale is SPANISH else "1,000,000"


@pytest.mark.parametrize("locale", [ENGLISH, SPANISH, CHINESE])
@pytest.mark.parametrize("value", ["0", "5", "38.5", "1000", "38500.5", "1234567.25", "-2500"])
def test_what_is_shown_reads_back_the_same(locale: QLocale, value: str) -> None:
    shown = format_exact(Decimal(value), 2, locale)
    assert parse_number(shown, locale) == Decimal(value)


def test_money_rounds_half_up_as_spreadsheets_do() -> None:
    assert format_money(Decimal("0.5"), "EUR", ENGLISH) == "€1"
    assert format_money(Decimal("2.5"), "EUR", ENGLISH) == "€3"
    assert format_money(Decimal("-2.5"), "EUR", ENGLISH) == "-€3"


@pytest.mark.parametrize(
    ("currency", "locale", "shown"),
    [
        ("USD", ENGLISH, "US$1,500,000"),  # never a bare "$": CA$, MX$ and A$ exist too
        ("EUR", SPANISH, "1.500.000\u00a0€"),
        ("CNY", CHINESE, "¥1,500,000"),  # in Chinese ¥ is the yuan; the yen is JP¥
        ("JPY", CHINESE, "JP¥1,500,000"),
        ("CNY", ENGLISH, "CN¥1,500,000"),
        ("USD", SPANISH, "1.500.000\u00a0US$"),
        ("SEK", ENGLISH, "SEK\u00a01,500,000"),  # no symbol in CLDR: the code, spaced
        ("usd", ENGLISH, "US$1,500,000"),
    ],
)
def test_money_shows_the_currency_symbol_of_the_language(
    currency: str, locale: QLocale, shown: str
) -> None:
    assert format_money(Decimal(1500000), currency, locale) == shown
