"""The ISO 4217 currencies a plan can be kept in: data (revorg/resources/currencies.json,
written from the Unicode CLDR by scripts/currencies), read once.

A plan's currency is a label of its amounts: changing it converts nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from revorg.model.catalogue import read_resource_json
from revorg.model.errors import QT_TRANSLATE_NOOP, PlanEditError

DEFAULT_CURRENCY = "EUR"


@dataclass(frozen=True)
class Currency:
    code: str  # "USD"
    digits: int  # minor units: 2 for USD, 0 for JPY
    names: dict[str, str]  # by language: "US Dollar", "dólar estadounidense", "美元"
    symbols: dict[str, str]  # by language, distinct within each: "US$", "€", "¥" (zh CNY)

    def name(self, language: str = "en") -> str:
        return self.names.get(language) or self.names["en"]

    def symbol(self, language: str = "en") -> str:
        return self.symbols.get(language) or self.symbols["en"]


@cache
def currencies() -> dict[str, Currency]:
    """The active ISO 4217 currencies by code, in alphabetical order."""
    data = read_resource_json("currencies.json")["currencies"]
    return {
        code: Currency(code, int(entry["digits"]), dict(entry["name"]), dict(entry["symbol"]))
        for code, entry in data.items()
    }


def find_currency(code: str) -> Currency | None:
    return currencies().get(code.strip().upper())


def checked_currency(code: object) -> str:
    """An ISO 4217 code as the plan keeps it ("usd " is "USD"); PlanEditError for anything
    that is not the code of an active currency."""
    text = str(code or "").strip()
    if not text:
        raise PlanEditError(
            QT_TRANSLATE_NOOP("PlanEditError", "the currency is empty: give an ISO 4217 code (USD)")
        )
    currency = find_currency(text)
    if currency is None:
        raise PlanEditError(
            QT_TRANSLATE_NOOP(
                "PlanEditError", "{currency} is not an ISO 4217 currency code (USD, EUR, CNY...)"
            ),
            currency=repr(text),
        )
    return currency.code


def currency_symbol(code: str, language: str = "en") -> str:
    """The currency's symbol in the language ("US$", "€"); an unknown code as it is."""
    currency = find_currency(code)
    return currency.symbol(language) if currency else code
