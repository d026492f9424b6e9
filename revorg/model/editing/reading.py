"""What the views of an open plan read: the current scenario's rows, tree, entities and numbers,
cached and kept up to date by the edit core (revorg.model.editing.editor)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from revorg.model.bulk import paused_gc
from revorg.model.comparison import ScenarioComparison, compare_scenarios
from revorg.model.document import PlanDocument
from revorg.model.entities import Department, Position, RoleType, Scenario
from revorg.model.errors import QT_TRANSLATE_NOOP, PlanEditError
from revorg.model.months import FiscalYear
from revorg.model.org_tree import OrgTree
from revorg.model.rows import PositionRow
from revorg.model.scenario_rows import ScenarioRows
from revorg.model.summary import ScenarioSummary, scenario_assumptions, summary_of, totals_basis
from revorg.model.timeline import TimelineRow, hiring_timeline


class PlanReading:
    """The open document and its current scenario, as the views read them."""

    def __init__(self, document: PlanDocument, language: str = "en") -> None:
        self.document = document
        self.language = language
        self._scenario_id = document.scenario().id
        # The scenario's rows, tree and sums, updated in place after each edit of positions.
        self._rows: ScenarioRows | None = None
        self._entities: dict[int, Position] = {}
        # Strong references: the session's identity map is weak, and an object it forgets is
        # fetched again by a query on every access (10,000 queries to draw a large chart).
        self._scenario: Scenario | None = None
        self._roles: dict[str, RoleType] | None = None
        self._departments: dict[str, Department] | None = None
        self._summary: ScenarioSummary | None = None
        self._summary_before: ScenarioSummary | None = None  # the last one computed, if any

    @property
    def session(self) -> Any:
        return self.document.session

    @property
    def scenario_id(self) -> int:
        return self._scenario_id

    @property
    def scenario(self) -> Scenario:
        if self._scenario is None:
            self._scenario = self.session.get(Scenario, self._scenario_id)
            assert self._scenario is not None, f"no scenario {self._scenario_id}"
        return self._scenario

    def scenarios(self) -> list[Scenario]:
        return list(self.document.plan.scenarios)

    def roles_by_key(self) -> dict[str, RoleType]:
        if self._roles is None:
            query = self.session.query(RoleType).order_by(RoleType.sort_order, RoleType.key)
            self._roles = {role.key: role for role in query}
        return self._roles

    def departments_by_key(self) -> dict[str, Department]:
        if self._departments is None:
            query = self.session.query(Department).order_by(Department.sort_order)
            self._departments = {department.key: department for department in query}
        return self._departments

    def roles(self) -> list[RoleType]:
        return list(self.roles_by_key().values())

    def departments(self) -> list[Department]:
        return list(self.departments_by_key().values())

    def positions(self) -> dict[int, PositionRow]:
        """The current scenario's positions as rows, in id order: updated after every edit.
        Do not keep the dictionary: an edit can make a new one."""
        return self.scenario_rows().rows

    def tree(self) -> OrgTree:
        return self.scenario_rows().tree()

    def position(self, position_id: int) -> Position:
        """The entity of a position of the current scenario (KeyError for any other)."""
        entity = self._entities.get(position_id)
        if entity is None:
            entity = self.session.get(Position, position_id)
            if entity is None or entity.scenario_id != self._scenario_id:
                raise KeyError(position_id)
            self._entities[position_id] = entity
        return entity

    def summary(self) -> ScenarioSummary:
        """The scenario's numbers, computed once per change and shared by every view."""
        if self._summary is None:
            rows = self.scenario_rows()
            totals = rows.totals(totals_basis(self.session, self.scenario))
            self._summary = summary_of(
                self.session, self.scenario, totals, rows.rows, self.language, self._summary_before
            )
            self._summary_before = self._summary
        return self._summary

    def fiscal_year(self) -> FiscalYear:
        plan = self.scenario.plan
        return FiscalYear.of(plan.fiscal_year, plan.fiscal_start_month)

    def hiring_timeline(self) -> list[TimelineRow]:
        roles = self.roles_by_key()
        return hiring_timeline(
            self.positions().values(),
            {key: role.capacity_kind for key, role in roles.items()},
            {key: index for index, key in enumerate(roles)},
            {key: index for index, key in enumerate(self.departments_by_key())},
            scenario_assumptions(self.scenario),
            self.fiscal_year(),
        )

    def compare(self, a_id: int, b_id: int) -> ScenarioComparison:
        a, b = self.session.get(Scenario, a_id), self.session.get(Scenario, b_id)
        if a is None or b is None:
            raise PlanEditError(
                QT_TRANSLATE_NOOP("PlanEditError", "choose two scenarios of this plan")
            )
        return compare_scenarios(self.session, a, b, self.language)

    # --- the caches ---------------------------------------------------------------------------

    def switch_scenario(self, scenario_id: int) -> None:
        """Make another scenario of the plan current (not an edit: nothing to undo)."""
        if scenario_id == self._scenario_id:
            return
        self._scenario_id = scenario_id
        self._scenario = None
        self.invalidate()

    def replace_document(self, document: PlanDocument) -> PlanDocument:
        """Edit another document from now on; returns the one edited before (not closed)."""
        old, self.document = self.document, document
        self._scenario_id = document.scenario().id
        self._scenario = None
        self._roles = None
        self._departments = None
        self.invalidate()
        return old

    def invalidate(self) -> None:
        """Forget the cached rows, tree, numbers and entities: read again when asked for."""
        self._rows = None
        self._summary = self._summary_before = None
        self._entities.clear()

    def forget_summary(self) -> None:
        self._summary = None

    def forget_entity(self, position_id: int) -> None:
        self._entities.pop(position_id, None)

    def forget_entities(self, position_ids: Iterable[int] | None = None) -> None:
        if position_ids is None:
            self._entities.clear()
        for position_id in position_ids or ():
            self._entities.pop(position_id, None)

    def has_cached_rows(self) -> bool:
        return self._rows is not None

    def scenario_rows(self) -> ScenarioRows:
        if self._rows is None:
            with paused_gc():
                self._rows = ScenarioRows(self.session, self._scenario_id)
        return self._rows
