"""Two scenarios of a plan compared: their figures, their departments and their cards.

A comparison matches positions by lineage, which a copy keeps (revorg.model.scenarios), so a
card is "the same card" in both scenarios even though its id differs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from decimal import Decimal
from typing import Any, Generic, TypeVar

from sqlalchemy.orm import Session

from revorg.model.entities import Position, Scenario
from revorg.model.lineage import lineage_of
from revorg.model.money import json_number
from revorg.model.months import YearMonth
from revorg.model.plan_reader import ScenarioRecord
from revorg.model.summary import ScenarioSummary, optional_number, scenario_positions, summarize

Row = dict[str, Any]
FieldValue = str | int | Decimal | YearMonth | None

# What makes a card "changed" between two scenarios (its place on the chart is "moved").
COMPARED_FIELDS = (
    "title",
    "role_key",
    "department_key",
    "person_name",
    "headcount",
    "start_month",
    "annual_cost",
    "capacity_override",
)


@dataclass(frozen=True)
class TargetFigures:
    """A scenario's driver inputs and what they forecast (money in currency, rates as fractions)."""

    goal: Decimal
    leads: int
    close_rate: Decimal
    average_deal: Decimal
    base_revenue: Decimal
    retention: Decimal
    expansion: Decimal
    new_customers: Decimal
    new_business: Decimal
    retained: Decimal
    total: Decimal
    gap: Decimal


@dataclass(frozen=True)
class TotalFigures:
    positions: int
    headcount: int
    cost: Decimal
    cac: Decimal | None  # None when the scenario wins no customers


@dataclass(frozen=True)
class DepartmentFigures:
    headcount: int
    cost: Decimal
    target: Decimal
    capacity: Decimal
    coverage: Decimal | None  # None when the department has no target
    gap: Decimal  # positive: short of the target


@dataclass(frozen=True)
class YearPlanFigures:
    """The year plan beside capacity: quota coverage, pipeline, ARR, CLV and leavers."""

    quota_assigned: Decimal
    quota_coverage: Decimal | None  # None without a new-business target
    pipeline_needed: Decimal | None  # None without a close rate
    churned: Decimal
    arr_end: Decimal
    clv: Decimal | None  # None when nobody churns
    expected_leavers: Decimal
    backfills: int


F = TypeVar("F", TargetFigures, TotalFigures, DepartmentFigures, YearPlanFigures)


def difference(a: F, b: F) -> F:
    """B minus A, field by field; undefined (None) when either side is."""
    values: Row = {f.name: _minus(getattr(b, f.name), getattr(a, f.name)) for f in fields(a)}
    return type(a)(**values)


def _minus(b: Decimal | int | None, a: Decimal | int | None) -> Decimal | int | None:
    return None if a is None or b is None else b - a


@dataclass(frozen=True)
class Compared(Generic[F]):
    """The same figures for scenario A and scenario B."""

    a: F
    b: F

    @property
    def delta(self) -> F:
        return difference(self.a, self.b)


@dataclass(frozen=True)
class DepartmentComparison:
    key: str
    name: str
    figures: Compared[DepartmentFigures]
    status_a: str  # green, amber, red or none (see revorg.model.capacity)
    status_b: str


@dataclass(frozen=True)
class Card:
    """A position as a comparison shows it, with what it is compared on."""

    id: int
    lineage: str  # unique within its scenario (see _cards)
    title: str
    role_key: str
    department_key: str
    person_name: str | None  # None: an open position
    headcount: int
    start_month: YearMonth | None
    annual_cost: Decimal
    capacity_override: Decimal | None
    manager_id: int | None
    manager_title: str | None
    manager_lineage: str | None


@dataclass(frozen=True)
class FieldChange:
    field: str
    a: FieldValue
    b: FieldValue


@dataclass(frozen=True)
class MatchedCard:
    """One card in both scenarios."""

    a: Card
    b: Card
    changes: tuple[FieldChange, ...]

    @property
    def moved(self) -> bool:
        return self.a.manager_lineage != self.b.manager_lineage


@dataclass(frozen=True)
class PositionDiff:
    added: tuple[Card, ...]  # in B, not in A
    removed: tuple[Card, ...]  # in A, not in B
    moved: tuple[MatchedCard, ...]  # under another manager in B
    changed: tuple[MatchedCard, ...]  # a compared field differs (a card can move and change)


@dataclass(frozen=True)
class ScenarioComparison:
    a: ScenarioSummary
    b: ScenarioSummary
    targets: Compared[TargetFigures]
    totals: Compared[TotalFigures]
    year: Compared[YearPlanFigures]
    departments: tuple[DepartmentComparison, ...]
    positions: PositionDiff

    def to_json(self) -> dict[str, Any]:
        plan = self.a.plan
        return {
            "plan": plan.name,
            "currency": plan.currency,
            "fiscal_year": plan.fiscal_year,
            "scenarios": {"a": self.a.scenario.name, "b": self.b.scenario.name},
            "kinds": {"a": _kind(self.a.scenario), "b": _kind(self.b.scenario)},
            "targets": compared_json(self.targets),
            "totals": compared_json(self.totals),
            "year": compared_json(self.year),
            "departments": [
                {
                    "key": department.key,
                    "name": department.name,
                    "status": {"a": department.status_a, "b": department.status_b},
                    **compared_json(department.figures),
                }
                for department in self.departments
            ],
            "positions": {
                "added": [card_json(card) for card in self.positions.added],
                "removed": [card_json(card) for card in self.positions.removed],
                "moved": [matched_json(match) for match in self.positions.moved],
                "changed": [matched_json(match) for match in self.positions.changed],
            },
        }


def compare_scenarios(
    session: Session, a: Scenario, b: Scenario, language: str = "en"
) -> ScenarioComparison:
    """Scenario B against scenario A: its numbers, its departments and its cards."""
    positions_a = scenario_positions(session, a)
    positions_b = scenario_positions(session, b)
    summary_a = summarize(session, a, language, positions_a)
    summary_b = summarize(session, b, language, positions_b)
    return ScenarioComparison(
        a=summary_a,
        b=summary_b,
        targets=Compared(target_figures(summary_a), target_figures(summary_b)),
        totals=Compared(total_figures(summary_a), total_figures(summary_b)),
        year=Compared(year_plan_figures(summary_a), year_plan_figures(summary_b)),
        departments=compare_departments(summary_a, summary_b),
        positions=diff_positions(positions_a, positions_b),
    )


def target_figures(summary: ScenarioSummary) -> TargetFigures:
    inputs, outcome = summary.inputs, summary.outcome
    return TargetFigures(
        goal=inputs.goal,
        leads=inputs.leads,
        close_rate=inputs.close_rate,
        average_deal=inputs.average_deal,
        base_revenue=inputs.base_revenue,
        retention=inputs.retention,
        expansion=inputs.expansion,
        new_customers=outcome.new_customers,
        new_business=outcome.new_business,
        retained=outcome.retained,
        total=outcome.total,
        gap=outcome.gap,
    )


def total_figures(summary: ScenarioSummary) -> TotalFigures:
    total = summary.total
    return TotalFigures(total.positions, total.headcount, total.cost, summary.cost.cac)


def year_plan_figures(summary: ScenarioSummary) -> YearPlanFigures:
    year, capacity = summary.year, summary.capacity
    return YearPlanFigures(
        quota_assigned=year.quota.assigned,
        quota_coverage=year.quota.ratio,
        pipeline_needed=year.pipeline_needed,
        churned=year.arr.churned,
        arr_end=year.arr.end,
        clv=year.clv,
        expected_leavers=sum(capacity.leavers.values(), Decimal(0)),
        backfills=sum(capacity.backfills.values()),
    )


def compare_departments(a: ScenarioSummary, b: ScenarioSummary) -> tuple[DepartmentComparison, ...]:
    """Every department of either scenario, in A's order (both come from one plan's table)."""
    names = {d.key: d.name for d in b.departments} | {d.key: d.name for d in a.departments}
    order = [d.key for d in a.departments] + [d.key for d in b.departments]
    return tuple(
        DepartmentComparison(
            key=key,
            name=names[key],
            figures=Compared(department_figures(a, key), department_figures(b, key)),
            status_a=_status(a, key),
            status_b=_status(b, key),
        )
        for key in dict.fromkeys(order)
    )


def department_figures(summary: ScenarioSummary, key: str) -> DepartmentFigures:
    staffing = next((d.staffing for d in summary.departments if d.key == key), None)
    capacity = summary.capacity.departments.get(key)
    zero = Decimal(0)
    return DepartmentFigures(
        headcount=0 if staffing is None else staffing.headcount,
        cost=zero if staffing is None else staffing.cost,
        target=zero if capacity is None else capacity.target,
        capacity=zero if capacity is None else capacity.capacity,
        coverage=None if capacity is None else capacity.coverage,
        gap=zero if capacity is None else capacity.gap,
    )


def _status(summary: ScenarioSummary, key: str) -> str:
    capacity = summary.capacity.departments.get(key)
    return "none" if capacity is None else capacity.status


# --- cards matched by lineage ----------------------------------------------------------------


def diff_positions(a: Sequence[Position], b: Sequence[Position]) -> PositionDiff:
    """Cards added, removed, moved and changed from A to B, matched by lineage in linear time."""
    cards_a, cards_b = _cards(a), _cards(b)
    matched = [
        MatchedCard(cards_a[key], card, field_changes(cards_a[key], card))
        for key, card in cards_b.items()
        if key in cards_a
    ]
    return PositionDiff(
        added=tuple(card for key, card in cards_b.items() if key not in cards_a),
        removed=tuple(card for key, card in cards_a.items() if key not in cards_b),
        moved=tuple(match for match in matched if match.moved),
        changed=tuple(match for match in matched if match.changes),
    )


def field_changes(a: Card, b: Card) -> tuple[FieldChange, ...]:
    return tuple(
        FieldChange(name, getattr(a, name), getattr(b, name))
        for name in COMPARED_FIELDS
        if getattr(a, name) != getattr(b, name)
    )


def _cards(positions: Sequence[Position]) -> dict[str, Card]:
    """The scenario's cards by lineage, in id order.

    A lineage should be unique within a scenario; if one repeats (a damaged or hand-made file),
    its second card becomes "lineage#2" and so on, so no card is lost from the comparison.
    """
    ordered = sorted(positions, key=lambda position: position.id)
    keys = _lineage_keys(ordered)
    by_id = {position.id: position for position in ordered}
    cards = {}
    for position in ordered:
        manager = by_id.get(position.manager_id) if position.manager_id is not None else None
        cards[keys[position.id]] = _card(position, keys, manager)
    return cards


def _lineage_keys(positions: Iterable[Position]) -> dict[int, str]:
    seen: Counter[str] = Counter()
    keys = {}
    for position in positions:
        lineage = lineage_of(position.id, position.lineage)
        seen[lineage] += 1
        keys[position.id] = lineage if seen[lineage] == 1 else f"{lineage}#{seen[lineage]}"
    return keys


def _card(position: Position, keys: dict[int, str], manager: Position | None) -> Card:
    return Card(
        id=position.id,
        lineage=keys[position.id],
        title=position.title,
        role_key=position.role_key,
        department_key=position.department_key,
        person_name=(position.person_name or "").strip() or None,
        headcount=position.headcount,
        start_month=position.start_month,
        annual_cost=position.annual_cost,
        capacity_override=position.capacity_override,
        manager_id=None if manager is None else manager.id,
        manager_title=None if manager is None else manager.title,
        manager_lineage=None if manager is None else keys[manager.id],
    )


# --- JSON ------------------------------------------------------------------------------------


def compared_json(compared: Compared[Any]) -> dict[str, Any]:
    return {
        "a": figures_json(compared.a),
        "b": figures_json(compared.b),
        "delta": figures_json(compared.delta),
    }


def figures_json(
    figures: TargetFigures | TotalFigures | DepartmentFigures | YearPlanFigures,
) -> dict[str, Any]:
    """Plain numbers: money as currency units, rates as fractions, coverage to 4 places."""
    result: dict[str, Any] = {}
    for item in fields(figures):
        value = getattr(figures, item.name)
        if value is None or item.name in ("coverage", "quota_coverage", "expected_leavers"):
            result[item.name] = optional_number(value, places=4)
        else:
            result[item.name] = json_number(value)
    return result


def card_json(card: Card) -> dict[str, Any]:
    return {
        "id": card.id,
        "lineage": card.lineage,
        "title": card.title,
        "role": card.role_key,
        "department": card.department_key,
        "person": card.person_name,
        "headcount": card.headcount,
        "start_month": value_json(card.start_month),
        "annual_cost": json_number(card.annual_cost),
        "manager_id": card.manager_id,
        "manager": card.manager_title,
    }


def matched_json(match: MatchedCard) -> dict[str, Any]:
    return {
        "lineage": match.a.lineage,
        "title": match.b.title,
        "a": card_json(match.a),
        "b": card_json(match.b),
        "changes": {
            change.field: {"a": value_json(change.a), "b": value_json(change.b)}
            for change in match.changes
        },
    }


def value_json(value: FieldValue) -> str | int | float | None:
    if isinstance(value, Decimal):
        return json_number(value)
    if isinstance(value, YearMonth):
        return str(value)
    return value


def _kind(scenario: Scenario | ScenarioRecord) -> str:  # a summary's scenario
    return "snapshot" if scenario.is_snapshot else "scenario"
