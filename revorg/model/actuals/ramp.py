"""Is the ramp real? The productivity of the people who joined during the plan, by month in
seat, against the ramp their role assumes, and a ramp to suggest when the two differ.

A hire's productivity in a month is what they booked (of the kinds their quota is about)
over a fully ramped month of quota; the role's observed curve is the average over the hires
who have been in seat that many months by the last month with data. The assumption says
min(k / ramp, 1) in the k-th month. When the average gap between the curves is more than
`margin` (20 points by default), the ramp in whole months that fits the observed curve best
(least squares) is suggested.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from revorg.model.actuals.deals import DealKind
from revorg.model.actuals.progress import Progress
from revorg.model.money import ZERO

DEFAULT_MARGIN = Decimal("0.20")
LONGEST_RAMP = 12
SHARE_PLACES = Decimal("0.01")


@dataclass(frozen=True)
class Hire:
    """A quota carrier who started in the fiscal year."""

    position_id: int
    role_key: str
    start_index: int  # the fiscal month they started (0 to 11)
    full_month_quota: Decimal  # one fully ramped month, all heads
    kinds: tuple[DealKind, ...]


@dataclass(frozen=True)
class RampPoint:
    month_in_seat: int  # 1 is the month they started
    people: int
    observed: Decimal  # average share of a full month booked
    assumed: Decimal


@dataclass(frozen=True)
class RampCheck:
    role_key: str
    ramp_months: int  # the role's assumption
    points: tuple[RampPoint, ...]
    suggested: int | None  # a better fitting ramp, when the curves differ by more than the margin

    @property
    def gap(self) -> Decimal:
        """The average distance between observed and assumed shares, in points of a month."""
        if not self.points:
            return ZERO
        total = sum((abs(p.observed - p.assumed) for p in self.points), ZERO)
        return (total / len(self.points)).quantize(SHARE_PLACES)


def ramp_checks(
    hires: Sequence[Hire],
    progress: Progress,
    ramps: Mapping[str, int],
    margin: Decimal = DEFAULT_MARGIN,
) -> list[RampCheck]:
    """One check per role with hires in seat by the last month with data."""
    if progress.through is None:
        return []
    shares: dict[str, dict[int, list[Fraction]]] = defaultdict(lambda: defaultdict(list))
    for hire in hires:
        if hire.full_month_quota <= 0 or hire.start_index > progress.through:
            continue
        booked = progress.monthly_by_position.get(hire.position_id, {})
        for month in range(hire.start_index, progress.through + 1):
            cents = sum(booked[k][month] for k in hire.kinds if k in booked)
            share = Fraction(cents, 100) / Fraction(hire.full_month_quota)
            shares[hire.role_key][month - hire.start_index + 1].append(share)
    checks = []
    for role_key in sorted(shares):
        ramp = ramps.get(role_key, 0)
        observed = {k: sum(v, Fraction(0)) / len(v) for k, v in sorted(shares[role_key].items())}
        points = tuple(
            RampPoint(k, len(shares[role_key][k]), _share(value), _share(_assumed(k, ramp)))
            for k, value in observed.items()
        )
        check = RampCheck(role_key, ramp, points, None)
        if check.gap > margin:
            best = _best_ramp(observed)
            check = RampCheck(role_key, ramp, points, best if best != ramp else None)
        checks.append(check)
    return checks


def _assumed(month_in_seat: int, ramp: int) -> Fraction:
    return Fraction(1) if ramp <= 0 else min(Fraction(month_in_seat, ramp), Fraction(1))


def _best_ramp(observed: Mapping[int, Fraction]) -> int:
    """The ramp whose curve is nearest the observed shares (least squares); the shorter on a
    tie."""
    return min(
        range(0, LONGEST_RAMP + 1),
        key=lambda ramp: sum((value - _assumed(k, ramp)) ** 2 for k, value in observed.items()),
    )


def _share(value: Fraction) -> Decimal:
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(SHARE_PLACES)
