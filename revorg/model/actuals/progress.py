"""The plan against what was booked, month by month: bookings of the fiscal year by kind against
the monthly targets, attainment to date per department, team and person, and a forecast.

Rules decided here:

- Only won deals count, by their close month. Deals closing outside the fiscal year, and deals
  in another currency than the plan's (never converted), are left out and counted.
- "To date" is through the last month with a closed deal (won or lost) in the year: the months
  after it are still open, whatever open deals say about them.
- Targets by month: new business and expansion follow the scenario's seasonality, renewals (the
  retained base) are even, exactly as the year plan phases them (revorg.model.phasing.spread).
- Sales is measured on new business; Customer Success on expansion and renewals against the
  retained base plus expansion. A person against their ramped quota to date (the capacity of
  their position, month by month, revorg.model.capacity); a team: its quota carriers' sums.
- Forecast: what is booked to date plus the plan for the remaining months; the run rate beside
  it: booked to date per month elapsed, times twelve.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import NamedTuple

from revorg.model.actuals.deals import Deal, DealKind, DealStatus
from revorg.model.actuals.owners import MatchedBy, OwnerMatcher
from revorg.model.money import ZERO, cents_amount, to_cents, to_money
from revorg.model.months import FiscalYear, YearMonth
from revorg.model.phasing import MONTHS, spread
from revorg.model.planning import TargetInputs, TargetOutcome

ATTAINMENT_PLACES = Decimal("0.0001")
# Which kinds of booking each department is measured on.
DEPARTMENT_KINDS: Mapping[str, tuple[DealKind, ...]] = {
    "sales": (DealKind.NEW_BUSINESS,),
    "customer_success": (DealKind.EXPANSION, DealKind.RENEWAL),
}


class Booking(NamedTuple):
    """Deals of one owner, status, kind, currency and close month, summed: what the figures
    are made of (a plan's 50,000 deals are summed by SQLite in a few thousand of these)."""

    owner: str
    owner_email: str
    status: DealStatus
    kind: DealKind
    currency: str | None
    year: int
    month: int
    deals: int
    cents: int  # the amount in whole cents: sums of them are exact


def bookings_of(deals: Iterable[Deal]) -> list[Booking]:
    """Deals one by one as bookings (an import's, before they are stored)."""
    return [
        Booking(
            d.owner,
            d.owner_email,
            d.status,
            d.kind,
            d.currency,
            d.close_date.year,
            d.close_date.month,
            1,
            to_cents(d.amount),
        )
        for d in deals
    ]


@dataclass(frozen=True)
class MonthlyTargets:
    """The year's bookings target by kind, twelve months each."""

    by_kind: Mapping[DealKind, tuple[Decimal, ...]]

    @classmethod
    def of(
        cls, inputs: TargetInputs, outcome: TargetOutcome, shares: Sequence[Fraction]
    ) -> MonthlyTargets:
        even = (Fraction(1, MONTHS),) * MONTHS
        return cls(
            {
                DealKind.NEW_BUSINESS: spread(outcome.new_business, shares),
                DealKind.EXPANSION: spread(inputs.expansion, shares),
                DealKind.RENEWAL: spread(to_money(inputs.base_revenue * inputs.retention), even),
            }
        )

    def month(self, index: int, kinds: Iterable[DealKind]) -> Decimal:
        return sum((self.by_kind[kind][index] for kind in kinds), ZERO)


@dataclass(frozen=True)
class QuotaCarrier:
    """A position that carries a number: its quota month by month, ramped as the plan counts
    its capacity (in revenue)."""

    position_id: int
    kinds: tuple[DealKind, ...]  # the bookings the quota is about (an AE's: new business)
    monthly_quota: tuple[Decimal, ...]


@dataclass(frozen=True)
class Attainment:
    booked: Decimal
    target: Decimal  # to date

    @property
    def ratio(self) -> Decimal | None:
        """Booked over target to date (1 is on plan); None without a target."""
        if self.target <= 0:
            return None
        # Half up, as a workbook's ROUND(booked / target, 4) gives it.
        return (self.booked / self.target).quantize(ATTAINMENT_PLACES, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class MonthActual:
    month: YearMonth
    booked: Mapping[DealKind, Decimal]
    target: Mapping[DealKind, Decimal]

    @property
    def total(self) -> Decimal:
        return sum(self.booked.values(), ZERO)

    @property
    def total_target(self) -> Decimal:
        return sum(self.target.values(), ZERO)


@dataclass(frozen=True)
class UnmatchedOwner:
    owner: str
    deals: int
    won: Decimal


@dataclass(frozen=True)
class MatchedOwner:
    """An owner whose deals count for a position, and how the owner was matched to it."""

    owner: str
    position_id: int
    by: MatchedBy
    deals: int
    won: Decimal


@dataclass
class Progress:
    """Everything the views, the summary and the workbook show of actuals."""

    months: tuple[MonthActual, ...]
    through: int | None  # index of the last month with closed deals; None: nothing closed yet
    departments: dict[str, Attainment]
    people: dict[int, Attainment]  # quota carriers with a quota or a booking to date
    teams: dict[int, Attainment]  # managers with quota carriers below them
    unmatched: tuple[UnmatchedOwner, ...]
    outside_year: int = 0
    other_currency: int = 0
    by_position: dict[int, Decimal] = field(default_factory=dict)  # matched bookings to date
    # Matched won bookings by position, kind and month, in cents (the ramp check reads them).
    monthly_by_position: Mapping[int, Mapping[DealKind, Sequence[int]]] = field(
        default_factory=dict
    )
    matched: tuple[MatchedOwner, ...] = ()  # by owner: the position and how it was found

    @property
    def through_month(self) -> YearMonth | None:
        return None if self.through is None else self.months[self.through].month

    def booked_to_date(self, kinds: Iterable[DealKind] = tuple(DealKind)) -> Decimal:
        chosen = tuple(kinds)
        return sum((m.booked[k] for m in self.months[: self._elapsed] for k in chosen), ZERO)

    def target_to_date(self, kinds: Iterable[DealKind] = tuple(DealKind)) -> Decimal:
        chosen = tuple(kinds)
        return sum((m.target[k] for m in self.months[: self._elapsed] for k in chosen), ZERO)

    def forecast(self, kinds: Iterable[DealKind] = tuple(DealKind)) -> Decimal:
        """Booked to date plus the plan for the months after."""
        chosen = tuple(kinds)
        rest = sum((m.target[k] for m in self.months[self._elapsed :] for k in chosen), ZERO)
        return self.booked_to_date(chosen) + rest

    def run_rate(self, kinds: Iterable[DealKind] = tuple(DealKind)) -> Decimal:
        """Booked to date per month elapsed, for twelve months."""
        if not self._elapsed:
            return ZERO
        return to_money(self.booked_to_date(kinds) * MONTHS / self._elapsed)

    @property
    def _elapsed(self) -> int:
        return 0 if self.through is None else self.through + 1


def progress(
    bookings: Iterable[Booking],
    fiscal: FiscalYear,
    targets: MonthlyTargets,
    department_targets: Mapping[str, Sequence[Decimal]],
    carriers: Sequence[QuotaCarrier],
    managers: Mapping[int, int | None],
    matcher: OwnerMatcher,
    currency: str,
) -> Progress:
    """Actuals of the fiscal year against the plan. `department_targets`: each department's
    target month by month (the year plan's phasing); `managers`: every position's manager.

    Summed in whole cents (exact), made amounts once at the end: a few hundred owners and
    positions, where Decimal sums were three per booking."""
    first = fiscal.first.ordinal
    booked = [dict.fromkeys(DealKind, 0) for _ in range(MONTHS)]
    # Summed by owner (and email) first, each matched once after: a few hundred owners in
    # 10,000 bookings (owner by kind and month).
    owners: dict[tuple[str, str], _OwnerSums] = {}
    through = -1
    outside = other_currency = 0
    for owner, email, status, kind, deal_currency, year, month, deals, cents in bookings:
        index = year * 12 + month - 1 - first  # as YearMonth.ordinal
        if not 0 <= index < MONTHS:
            outside += deals
            continue
        if deal_currency is not None and deal_currency != currency:
            other_currency += deals
            continue
        if status is not DealStatus.OPEN and index > through:
            through = index
        sums = owners.get((owner, email))
        if sums is None:
            sums = owners[owner, email] = _OwnerSums()
        sums.deals += deals
        if status is DealStatus.WON:
            booked[index][kind] += cents
            sums.won_bookings += 1
            sums.won[kind][index] += cents
    elapsed = through + 1
    matched, unmatched, by_position = _matched(owners, matcher)
    months = fiscal.months()
    actuals = tuple(
        MonthActual(
            months[i],
            {kind: cents_amount(cents) for kind, cents in booked[i].items()},
            {k: targets.by_kind[k][i] for k in DealKind},
        )
        for i in range(MONTHS)
    )
    result = Progress(
        months=actuals,
        through=None if through < 0 else through,
        departments={},
        people={},
        teams={},
        unmatched=unmatched,
        outside_year=outside,
        other_currency=other_currency,
        by_position={
            pid: cents_amount(sum(sum(cells[:elapsed]) for cells in kinds.values()))
            for pid, kinds in by_position.items()
        },
        monthly_by_position=by_position,
        matched=matched,
    )
    for key, kinds in DEPARTMENT_KINDS.items():
        if key in department_targets:
            target = sum(department_targets[key][:elapsed], ZERO)
            result.departments[key] = Attainment(result.booked_to_date(kinds), target)
    result.people = {
        carrier.position_id: Attainment(
            _booked_to_date(by_position.get(carrier.position_id), carrier.kinds, elapsed),
            sum(carrier.monthly_quota[:elapsed], ZERO),
        )
        for carrier in carriers
    }
    result.teams = _teams(result.people, managers)
    return result


class _OwnerSums:
    """One owner's deals counted and won bookings summed, in cents by kind and month."""

    __slots__ = ("deals", "won", "won_bookings")

    def __init__(self) -> None:
        self.deals = 0
        self.won_bookings = 0
        self.won = {kind: [0] * MONTHS for kind in DealKind}


def _matched(
    owners: Mapping[tuple[str, str], _OwnerSums], matcher: OwnerMatcher
) -> tuple[
    tuple[MatchedOwner, ...], tuple[UnmatchedOwner, ...], dict[int, dict[DealKind, list[int]]]
]:
    """Each owner matched once: the matched and unmatched owners with their totals, and the
    won bookings of each position matched to an owner with some, in cents by kind and month."""
    unmatched: dict[str, list[int]] = {}  # owner -> deals, won cents
    matched: dict[tuple[str, int, MatchedBy], list[int]] = {}
    by_position: dict[int, dict[DealKind, list[int]]] = {}
    for (owner, email), sums in owners.items():
        won = sum(sum(cells) for cells in sums.won.values())
        match = matcher.match_of(owner, email)
        totals = (
            unmatched.setdefault(owner, [0, 0])
            if match is None
            else matched.setdefault((owner, *match), [0, 0])
        )
        totals[0] += sums.deals
        totals[1] += won
        if match is None or not sums.won_bookings:
            continue
        cells = by_position.get(match[0])
        if cells is None:
            by_position[match[0]] = sums.won
        else:
            for kind, months in sums.won.items():
                cells[kind] = [a + b for a, b in zip(cells[kind], months, strict=True)]
    return (
        tuple(
            MatchedOwner(owner, position, by, deals, cents_amount(won))
            for (owner, position, by), (deals, won) in sorted(matched.items())
        ),
        tuple(
            UnmatchedOwner(owner, deals, cents_amount(won))
            for owner, (deals, won) in sorted(unmatched.items())
        ),
        by_position,
    )


def _booked_to_date(
    cells: Mapping[DealKind, Sequence[int]] | None, kinds: Iterable[DealKind], elapsed: int
) -> Decimal:
    if cells is None:
        return ZERO
    return cents_amount(sum(sum(cells[kind][:elapsed]) for kind in kinds))


def _teams(
    people: Mapping[int, Attainment], managers: Mapping[int, int | None]
) -> dict[int, Attainment]:
    """Each manager above quota carriers: the sums of the carriers in its team, at any depth.

    Each carrier is added to its own manager, then each manager's sums to its manager's, the
    deepest first: one addition per position. (Walking up from every carrier added each one
    at every level: a fifth of the summary's actuals at 10,000 positions.)"""
    depth: dict[int, int] = {}
    booked: dict[int, Decimal] = defaultdict(Decimal)
    target: dict[int, Decimal] = defaultdict(Decimal)
    for position_id, attainment in people.items():
        manager = managers.get(position_id)
        if manager is None:
            continue
        booked[manager] += attainment.booked
        target[manager] += attainment.target
        if _depth(manager, managers, depth) is None:
            return _teams_walked(people, managers)
    for manager in sorted(depth, key=depth.__getitem__, reverse=True):
        above = managers.get(manager)
        if above is not None:
            booked[above] += booked[manager]
            target[above] += target[manager]
    return {manager: Attainment(booked[manager], target[manager]) for manager in depth}


def _depth(
    position_id: int, managers: Mapping[int, int | None], depth: dict[int, int]
) -> int | None:
    """The position's depth (a top is 0), remembered in `depth` for it and the managers above
    it; None in a reporting cycle (a damaged plan)."""
    chain: list[int] = []
    seen: set[int] = set()
    current: int | None = position_id
    while current is not None and current not in depth:
        if current in seen:
            return None
        seen.add(current)
        chain.append(current)
        current = managers.get(current)
    level = -1 if current is None else depth[current]
    for member in reversed(chain):
        level += 1
        depth[member] = level
    return depth[position_id]


def _teams_walked(
    people: Mapping[int, Attainment], managers: Mapping[int, int | None]
) -> dict[int, Attainment]:
    """The teams of a chart with a reporting cycle: walking up from each carrier, each
    manager once (a cycle never loops for ever)."""
    booked: dict[int, Decimal] = defaultdict(Decimal)
    target: dict[int, Decimal] = defaultdict(Decimal)
    for position_id, attainment in people.items():
        manager = managers.get(position_id)
        seen: set[int] = set()
        while manager is not None and manager not in seen:
            seen.add(manager)
            booked[manager] += attainment.booked
            target[manager] += attainment.target
            manager = managers.get(manager)
    return {manager: Attainment(booked[manager], target[manager]) for manager in booked}
