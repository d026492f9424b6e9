"""Sums over a scenario's positions that positions can leave and join one at a time.

Every number of a scenario's summary that depends on its positions is a sum over them: staffing
and cost per department, capacity per kind and per role, heads per role, the CRO's cost, and
the people reporting to each manager. An edit changes a few positions: taking their old rows
out of the sums and putting their new rows in gives what summing every position afresh gives,
digit for digit (see ExactSums), so a chart of 50,000 positions is not summed again at each
edit. Pure: no session, no Qt.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, KeysView, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from operator import attrgetter
from typing import Generic, NamedTuple, Protocol, TypeVar

from revorg.model.capacity import (
    Assumptions,
    CapacityShare,
    CapacityTotals,
    PlannedPosition,
    capacity_share,
    leaver_twelfths,
)
from revorg.model.money import ZERO
from revorg.model.months import FiscalYear, YearMonth
from revorg.model.planning import (
    SPAN_LIMIT_BY_ROLE,
    SPAN_LIMIT_DEFAULT,
    StaffedPosition,
    Staffing,
    fiscal_year_cost,
    span_of_control,
)

K = TypeVar("K", bound=Hashable)


class CountedPosition(StaffedPosition, PlannedPosition, Protocol):
    """What the sums read of a position (a PositionRow or an ORM Position)."""


class ExactSums(Generic[K]):
    """Decimal sums by key from which terms can be taken out again.

    The values are exact (sums of cents never round), but a Decimal keeps the exponent of the
    finest term it has met: a sum of 0 and 12.50 is 12.50, and taking 12.50 out again leaves
    0.00 where summing the terms left gives 0. So the terms' exponents are counted, and a sum
    is given at the finest exponent left, as summing from 0 gives it. A key is present while
    it has terms, as in a dictionary that summing fills."""

    def __init__(self) -> None:
        self._sums: dict[K, Decimal] = {}
        self._exponents: dict[K, dict[int, int]] = {}

    def add(self, key: K, value: Decimal, times: int = 1) -> None:
        """Add `times` terms of `value`; a negative `times` takes them out."""
        exponents = self._exponents.setdefault(key, {})
        exponent = int(value.as_tuple().exponent)
        left = exponents.get(exponent, 0) + times
        if left:
            exponents[exponent] = left
        else:
            del exponents[exponent]
        if not exponents:
            del self._exponents[key]
            self._sums.pop(key, None)
            return
        total = self._sums.get(key, ZERO)
        # Subtracting, not adding a negative: 0.00 - 0.00 is 0.00, 0.00 + -0.00 may be -0.00.
        self._sums[key] = total + value * times if times >= 0 else total - value * -times

    def get(self, key: K) -> Decimal:
        """The sum of the key's terms, as summing them from 0 gives it (0 without terms)."""
        total = self._sums.get(key)
        if total is None:
            return ZERO
        finest = min(0, *self._exponents[key])
        if total.as_tuple().exponent != finest:
            total = total.quantize(Decimal(1).scaleb(finest))
        return total

    def keys(self) -> KeysView[K]:
        return self._sums.keys()

    def __contains__(self, key: object) -> bool:
        return key in self._sums

    def as_dict(self) -> dict[K, Decimal]:
        return {key: self.get(key) for key in self._sums}


@dataclass(frozen=True)
class TotalsBasis:
    """What a position's share of the sums depends on besides the position itself."""

    fiscal: FiscalYear
    kinds: Mapping[str, str]  # role key: capacity kind
    department_of: Mapping[str, str]  # role key: department key
    assumptions: Assumptions


class PositionShape(NamedTuple):
    """The fields a position's share of the sums depends on. A large chart has a few hundred
    shapes for tens of thousands of positions: each share is computed once per shape."""

    department_key: str
    role_key: str
    headcount: int
    annual_cost: Decimal
    is_open: bool
    start_month: YearMonth | None
    capacity_override: Decimal | None


_shape_of = attrgetter(*PositionShape._fields)


class _Share(NamedTuple):
    fiscal_cost: Decimal
    run_rate_cost: Decimal
    capacity: CapacityShare | None  # revorg.model.capacity's rule
    leaver_twelfths: Decimal


class PositionTotals:
    """The sums over one scenario's positions, kept up to date as positions change."""

    def __init__(self, basis: TotalsBasis) -> None:
        self.basis = basis
        self._shares: dict[PositionShape, _Share] = {}
        # Per department: positions, heads, open heads (plain counts), and two costs.
        self.positions: dict[str, int] = {}
        self.headcount: dict[str, int] = {}
        self.open_heads: dict[str, int] = {}
        self.cost = ExactSums[str]()
        self.run_rate_cost = ExactSums[str]()
        # Per role: heads (a role is on the chart while it has some), fiscal-year cost.
        self.role_heads: dict[str, int] = {}
        self.role_cost = ExactSums[str]()
        # Capacity of positions whose role has a capacity kind, per kind and per role.
        self.capacity_by_kind = ExactSums[str]()
        self.capacity_by_role = ExactSums[str]()
        self.lost_by_kind = ExactSums[str]()
        self.assigned_by_kind = ExactSums[str]()  # ramped quota, before attainment
        self.leaver_twelfths = ExactSums[str]()  # per role
        # Per kind, month by month: Fractions, so that taking a share out is exact.
        self.monthly_by_kind: dict[str, list[Fraction]] = {}
        # Heads reporting to each manager id, and the managers whose span is too wide:
        # manager id -> (direct reports, limit).
        self.reports: dict[int, int] = {}
        self.too_wide: dict[int, tuple[int, int]] = {}

    @classmethod
    def of(cls, positions: Iterable[CountedPosition], basis: TotalsBasis) -> PositionTotals:
        """Sum every position (each shape's share once, times the positions of that shape)."""
        rows = list(positions)
        totals = cls(basis)
        for shape, count in Counter(map(_shape_of, rows)).items():
            totals._count(PositionShape._make(shape), count)
        reports = totals.reports
        for row in rows:
            manager = row.manager_id
            if manager is not None:
                reports[manager] = reports.get(manager, 0) + row.headcount
        limit_of = SPAN_LIMIT_BY_ROLE.get
        for row in rows:
            people = reports.get(row.id)
            if people:  # as span_of_control() counts, without a span object per manager
                limit = limit_of(row.role_key, SPAN_LIMIT_DEFAULT)
                if people > limit:
                    totals.too_wide[row.id] = (people, limit)
        return totals

    def update(
        self,
        before: Sequence[CountedPosition],
        after: Sequence[CountedPosition],
        positions: Mapping[int, CountedPosition],
    ) -> None:
        """Positions changed: `before` are the old rows of the removed and changed positions,
        `after` the new rows of the added and changed ones, `positions` every row now."""
        for row, sign in [*((row, -1) for row in before), *((row, 1) for row in after)]:
            self._count(PositionShape._make(_shape_of(row)), sign)
            if row.manager_id is not None:
                _bump(self.reports, row.manager_id, sign * row.headcount)
        # Spans of control: the managers of changed rows, and changed rows that manage.
        managers = {row.manager_id for row in (*before, *after) if row.manager_id is not None}
        managers.update(row.id for row in (*before, *after))
        for manager_id in managers:
            self._check_span(manager_id, positions.get(manager_id))

    # --- reading --------------------------------------------------------------------------

    def staffing(self, department_keys: Sequence[str]) -> dict[str, Staffing]:
        """Every department of `department_keys`, staffed or not, in that order; then any other
        department that has positions (as revorg.model.planning.staffing_by_department)."""
        keys = list(department_keys)
        keys += sorted(key for key in self.positions if key not in set(department_keys))
        return {
            key: Staffing(
                positions=self.positions.get(key, 0),
                headcount=self.headcount.get(key, 0),
                open_positions=self.open_heads.get(key, 0),
                cost=self.cost.get(key),
                run_rate_cost=self.run_rate_cost.get(key),
            )
            for key in keys
        }

    def capacity(self) -> CapacityTotals:
        """As revorg.model.capacity.capacity_totals sums it."""
        return CapacityTotals(
            self.capacity_by_kind.as_dict(),
            self.capacity_by_role.as_dict(),
            dict(self.role_heads),
            self.lost_by_kind.as_dict(),
            self.leaver_twelfths.as_dict(),
            {
                kind: tuple(months)
                for kind, months in self.monthly_by_kind.items()
                if kind in self.capacity_by_kind
            },
            self.assigned_by_kind.as_dict(),
        )

    def cost_of_role(self, role_key: str) -> Decimal:
        return self.role_cost.get(role_key)

    # --- counting -------------------------------------------------------------------------

    def _count(self, shape: PositionShape, times: int) -> None:
        """Add `times` positions of a shape (negative: take them out)."""
        share = self._shares.get(shape)
        if share is None:
            share = self._shares[shape] = self._share(shape)
        department, role = shape.department_key, shape.role_key
        heads = shape.headcount * times
        _bump(self.positions, department, times)
        _bump(self.headcount, department, heads)
        if shape.is_open:
            _bump(self.open_heads, department, heads)
        self.cost.add(department, share.fiscal_cost, times)
        self.run_rate_cost.add(department, share.run_rate_cost, times)
        _bump(self.role_heads, role, heads)
        self.role_cost.add(role, share.fiscal_cost, times)
        if share.leaver_twelfths:
            self.leaver_twelfths.add(role, share.leaver_twelfths, times)
        if share.capacity is not None:
            kind = share.capacity.kind
            self.capacity_by_kind.add(kind, share.capacity.capacity, times)
            self.capacity_by_role.add(role, share.capacity.capacity, times)
            self.lost_by_kind.add(kind, share.capacity.lost, times)
            if share.capacity.assigned:
                self.assigned_by_kind.add(kind, share.capacity.assigned, times)
            months = self.monthly_by_kind.setdefault(kind, [Fraction(0)] * 12)
            for index, value in enumerate(share.capacity.monthly):
                if value:
                    months[index] += value * times

    def _share(self, shape: PositionShape) -> _Share:
        basis = self.basis
        return _Share(
            fiscal_year_cost(shape, basis.fiscal),
            shape.annual_cost * shape.headcount,
            capacity_share(shape, basis.kinds, basis.assumptions, basis.fiscal),
            leaver_twelfths(shape, basis.assumptions, basis.fiscal),
        )

    def _check_span(self, manager_id: int, manager: CountedPosition | None) -> None:
        people = self.reports.get(manager_id, 0)
        span = None if manager is None or not people else span_of_control(manager, people)
        if span is not None and span.too_wide:
            self.too_wide[manager_id] = (span.direct_reports, span.limit)
        else:
            self.too_wide.pop(manager_id, None)


def _bump(counts: dict[K, int], key: K, amount: int) -> None:
    """Add to a count, dropping the key at zero (a dictionary that counting fills has none)."""
    left = counts.get(key, 0) + amount
    if left:
        counts[key] = left
    else:
        counts.pop(key, None)
