"""Months of a fiscal year: where only the month matters, a date is a year and a month."""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTH_ABBREVIATIONS = (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
)  # fmt: skip
_YEAR_MONTH = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")


@dataclass(frozen=True, order=True)
class YearMonth:
    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise ValueError(f"month must be 1 to 12, not {self.month}")
        if not 1900 <= self.year <= 9999:
            raise ValueError(f"year out of range: {self.year}")

    @classmethod
    def parse(cls, text: str) -> YearMonth:
        """Parse "2027-03"."""
        match = _YEAR_MONTH.match(text)
        if not match:
            raise ValueError(f"not a year and month (YYYY-MM): {text!r}")
        return cls(int(match.group(1)), int(match.group(2)))

    @property
    def ordinal(self) -> int:
        """Months since year 0: differences between two ordinals count months."""
        return self.year * 12 + self.month - 1

    @classmethod
    def from_ordinal(cls, ordinal: int) -> YearMonth:
        return cls(ordinal // 12, ordinal % 12 + 1)

    def plus_months(self, months: int) -> YearMonth:
        return YearMonth.from_ordinal(self.ordinal + months)

    def label(self) -> str:
        """English short label, "Mar 2027"; the GUI uses QLocale instead."""
        return f"{MONTH_ABBREVIATIONS[self.month - 1]} {self.year}"

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True)
class FiscalYear:
    """Twelve months starting at `first` (e.g. Apr 2027 to Mar 2028)."""

    first: YearMonth

    @classmethod
    def of(cls, year: int, start_month: int = 1) -> FiscalYear:
        return cls(YearMonth(year, start_month))

    @property
    def last(self) -> YearMonth:
        return self.first.plus_months(11)

    def months(self) -> list[YearMonth]:
        return [self.first.plus_months(i) for i in range(12)]

    def months_in_seat(self, start: YearMonth | None) -> int:
        """Months of this fiscal year in seat for a start at `start` (None: already there)."""
        if start is None:
            return 12
        offset = start.ordinal - self.first.ordinal
        return max(0, min(12, 12 - offset))
