"""The seasonality of bookings: how a scenario's new business and expansion fall over the twelve
months of its fiscal year.

Twelve weights in percent that add up to 100, month 1 being the fiscal year's first month; a
month's share of the year is its weight over their sum, as an exact fraction. A few named shapes
cover the usual patterns; flat (a twelfth each) is the default and is stored as no weights.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from revorg.model.errors import QT_TRANSLATE_NOOP, PlanEditError
from revorg.model.planning import plain_decimal

MONTHS = 12
HUNDRED = Decimal(100)
# Typed weights are rounded to the hundredth: 12 x 8.33 is 99.96, so the sum may be off by
# this much and still be read as 100 % (each share is then the weight over the sum).
SUM_TOLERANCE = Decimal("0.12")


def _percent(*values: str) -> tuple[Decimal, ...]:
    return tuple(Decimal(value) for value in values)


# Named shapes, month by month in percent (fiscal months; each adds up to 100).
SHAPES: dict[str, tuple[Decimal, ...] | None] = {
    "flat": None,
    # A quarter's bookings come late in it: 20 %, 30 %, 50 % of each quarter's 25 %.
    "back_loaded_quarters": _percent(*("5", "7.5", "12.5") * 4),
    # Bookings grow through the year as the team ramps: quarters of 19, 23, 27 and 31 %.
    "growing_year": _percent("6", "6", "7", "7", "8", "8", "8", "9", "10", "10", "10", "11"),
    # Budgets close at year end: quarters of 22, 22, 22 and 34 %, back-loaded.
    "year_end_push": _percent("7", "7", "8", "7", "7", "8", "6", "7", "9", "9", "11", "14"),
}
SHAPE_NAMES = {
    "flat": QT_TRANSLATE_NOOP("Seasonality", "Flat"),
    "back_loaded_quarters": QT_TRANSLATE_NOOP("Seasonality", "Back-loaded quarters"),
    "growing_year": QT_TRANSLATE_NOOP("Seasonality", "Growing through the year"),
    "year_end_push": QT_TRANSLATE_NOOP("Seasonality", "Year-end push"),
    "custom": QT_TRANSLATE_NOOP("Seasonality", "Custom"),
}


@dataclass(frozen=True)
class Seasonality:
    """Twelve monthly weights in percent; None: flat."""

    weights: tuple[Decimal, ...] | None = None

    @classmethod
    def of(cls, weights: tuple[Decimal, ...] | None) -> Seasonality:
        """Checked weights (see `checked_weights`); flat ones become the flat default."""
        if weights is None:
            return cls()
        checked = checked_weights(weights)
        return cls(None if len(set(checked)) == 1 else checked)

    @classmethod
    def parse(cls, text: str) -> Seasonality:
        """A shape's key ("back_loaded_quarters") or twelve weights ("5,7.5,12.5,...";
        "%" signs and spaces allowed). Raises PlanEditError with a message for a user."""
        cleaned = text.strip().lower()
        if cleaned in SHAPES:
            return cls.of(SHAPES[cleaned])
        parts = [part.strip().rstrip("%").strip() for part in cleaned.replace(";", ",").split(",")]
        try:
            weights = tuple(Decimal(part) for part in parts)
        except InvalidOperation:
            raise PlanEditError(
                QT_TRANSLATE_NOOP(
                    "PlanEditError",
                    "seasonality must be a shape ({shapes}) or twelve monthly weights in percent",
                ),
                shapes=", ".join(SHAPES),
            ) from None
        return cls.of(weights)

    @property
    def is_flat(self) -> bool:
        return self.weights is None

    def percents(self) -> tuple[Decimal, ...]:
        """The weights as shown: flat is 100/12 each, to the hundredth."""
        if self.weights is None:
            return (Decimal("8.33"),) * MONTHS
        return self.weights

    def shares(self) -> tuple[Fraction, ...]:
        """Each month's exact share of the year; they add up to 1."""
        if self.weights is None:
            return (Fraction(1, MONTHS),) * MONTHS
        total = Fraction(sum(self.weights, Decimal(0)))
        return tuple(Fraction(weight) / total for weight in self.weights)

    def shape(self) -> str:
        """The named shape these weights are, or "custom"."""
        for key, weights in SHAPES.items():
            if weights == self.weights:
                return key
        return "custom"

    def to_text(self) -> str | None:
        """As stored in a plan file: "5,7.5,12.5,..." (None: flat)."""
        if self.weights is None:
            return None
        return ",".join(str(weight) for weight in self.weights)

    @classmethod
    def from_text(cls, text: str | None) -> Seasonality:
        """Read back what `to_text` stored (a damaged value raises PlanEditError)."""
        return cls() if not text else cls.parse(text)


def checked_weights(weights: tuple[Decimal, ...]) -> tuple[Decimal, ...]:
    """Twelve finite weights, none negative, adding up to 100 % (within SUM_TOLERANCE)."""
    if len(weights) != MONTHS:
        raise PlanEditError(
            QT_TRANSLATE_NOOP(
                "PlanEditError", "seasonality needs twelve monthly weights, not {count}"
            ),
            count=len(weights),
        )
    if any(not weight.is_finite() or weight < 0 for weight in weights):
        raise PlanEditError(
            QT_TRANSLATE_NOOP("PlanEditError", "seasonality weights must be numbers, 0 or more")
        )
    total = sum(weights, Decimal(0))
    if abs(total - HUNDRED) > SUM_TOLERANCE:
        raise PlanEditError(
            QT_TRANSLATE_NOOP(
                "PlanEditError", "the monthly weights add up to {total} %, not 100 %"
            ),
            total=plain_decimal(total),
        )
    return tuple(plain_decimal(weight) for weight in weights)
