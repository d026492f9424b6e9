"""The plan's small tables read with plain SQL: the plan, a scenario with its targets and
assumptions, the departments and the roles, as the numbers of a summary need them.

The one reader of these tables for the summary (revorg.model.summary): the window reads them
through its session's own connection, `revorg summary` through the checked in-memory copy of
the file, without SQLAlchemy's ORM (whose import alone is about 120 ms of a 0.5 s command;
docs/speed.md, "Cold start"). The stored forms are turned into values by the same functions as
the entities' column types (revorg.model.entities: Money, DecimalText).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from decimal import Decimal

from revorg.model.errors import QT_TRANSLATE_NOOP, PlanFileError
from revorg.model.money import from_cents
from revorg.model.vocabulary import in_language


@dataclass(frozen=True)
class PlanRecord:
    """The columns of a Plan (same names)."""

    name: str
    currency: str
    fiscal_year: int
    fiscal_start_month: int


@dataclass(frozen=True)
class TargetsRecord:
    """The columns of a scenario's Targets (same names)."""

    goal: Decimal
    leads: int
    close_rate: Decimal
    average_deal: Decimal
    base_revenue: Decimal
    retention: Decimal
    expansion: Decimal
    seasonality: str | None


@dataclass(frozen=True)
class AssumptionRecord:
    role_key: str
    metric: str
    value: Decimal


@dataclass(frozen=True)
class ScenarioRecord:
    """A scenario as a Scenario entity shows it to the summary: its plan, targets, assumptions."""

    id: int
    name: str
    plan: PlanRecord
    targets: TargetsRecord
    assumptions: tuple[AssumptionRecord, ...]

    @property
    def is_snapshot(self) -> bool:
        """Never: the reader gives the scenarios a user works on (as Plan.scenarios)."""
        return False


@dataclass(frozen=True)
class DepartmentRecord:
    key: str
    name_en: str
    name_es: str
    name_zh: str

    def name(self, language: str = "en") -> str:
        return in_language(self, "name", language)


@dataclass(frozen=True)
class RoleRecord:
    key: str
    department_key: str
    capacity_kind: str
    name_en: str
    name_es: str
    name_zh: str

    def name(self, language: str = "en") -> str:
        return in_language(self, "name", language)


# The scenarios a user works on, in their order: snapshots are scenario rows too, never listed
# (the Plan.scenarios relationship in revorg.model.entities, the same condition and order).
_SCENARIOS = "SELECT id, name FROM scenarios WHERE snapshot_at IS NULL ORDER BY sort_order, id"
_TARGETS = (
    "SELECT goal, leads, close_rate, average_deal, base_revenue, retention, expansion, "
    "seasonality FROM targets WHERE scenario_id = ?"
)
_ASSUMPTIONS = (
    "SELECT role_key, metric, value FROM assumptions WHERE scenario_id = ? "
    "ORDER BY role_key, metric"
)


def no_scenario_named(name: str, names: list[str]) -> PlanFileError:
    """The error of a --scenario the plan does not have (`names`: the scenarios it has)."""
    return PlanFileError(
        QT_TRANSLATE_NOOP("PlanFileError", "no scenario named {name}; the plan has {names}"),
        name=repr(name),
        names=", ".join(repr(n) for n in names),
    )


class PlanReader:
    """Reads one plan database (a checked, migrated copy: revorg.model.store)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    def plan(self) -> PlanRecord:
        row = self.connection.execute(
            "SELECT name, currency, fiscal_year, fiscal_start_month FROM plan"
        ).fetchone()
        return PlanRecord(*row)

    def scenario(self, name: str | None = None) -> ScenarioRecord:
        """The named scenario, or the first one (as PlanDocument.scenario)."""
        scenarios: list[tuple[int, str]] = self.connection.execute(_SCENARIOS).fetchall()
        if name is None:
            found = scenarios[0]
        else:
            match = [s for s in scenarios if s[1] == name]
            if not match:
                raise no_scenario_named(name, [n for _id, n in scenarios])
            found = match[0]
        scenario_id, scenario_name = found
        goal, leads, close_rate, deal, base, retention, expansion, seasonality = (
            self.connection.execute(_TARGETS, (scenario_id,)).fetchone()
        )
        targets = TargetsRecord(
            goal=from_cents(goal),
            leads=leads,
            close_rate=Decimal(close_rate),
            average_deal=from_cents(deal),
            base_revenue=from_cents(base),
            retention=Decimal(retention),
            expansion=from_cents(expansion),
            seasonality=seasonality,
        )
        assumptions = tuple(
            AssumptionRecord(role_key, metric, Decimal(value))
            for role_key, metric, value in self.connection.execute(_ASSUMPTIONS, (scenario_id,))
        )
        return ScenarioRecord(scenario_id, scenario_name, self.plan(), targets, assumptions)

    def departments(self) -> list[DepartmentRecord]:
        """In their order (sort_order)."""
        rows = self.connection.execute(
            "SELECT key, name_en, name_es, name_zh FROM departments ORDER BY sort_order"
        )
        return [DepartmentRecord(*row) for row in rows]

    def roles(self) -> list[RoleRecord]:
        rows = self.connection.execute(
            "SELECT key, department_key, capacity_kind, name_en, name_es, name_zh FROM role_types"
        )
        return [RoleRecord(*row) for row in rows]
