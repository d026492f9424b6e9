"""Plan templates (revorg/resources/templates/*.json): a starting organisation and targets."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources
from typing import Any

from sqlalchemy.orm import Session

from revorg.model.catalogue import (
    assumption_entities,
    department_entities,
    read_resource_json,
    role_entities,
)
from revorg.model.entities import Plan, Position, RoleType, Scenario, Targets
from revorg.model.errors import TemplateError
from revorg.model.money import parse_decimal, parse_rate, to_money
from revorg.model.months import FiscalYear
from revorg.model.rows import position_row

TEMPLATE_ORDER = ("demo", "sdr-ae", "inside-sales", "revops", "blank")
DEFAULT_SCENARIO_NAME = "Base"
SCENARIO_NAMES = {"en": DEFAULT_SCENARIO_NAME, "es": "Base", "zh": "基准"}


@dataclass(frozen=True)
class TemplateInfo:
    key: str
    names: dict[str, str]
    descriptions: dict[str, str]

    def name(self, language: str = "en") -> str:
        return self.names.get(language) or self.names["en"]

    def description(self, language: str = "en") -> str:
        return self.descriptions.get(language) or self.descriptions["en"]


def template_keys() -> list[str]:
    folder = resources.files("revorg").joinpath("resources", "templates")
    found = {entry.name.removesuffix(".json") for entry in folder.iterdir()}
    found.discard("__init__.py")
    known = [key for key in TEMPLATE_ORDER if key in found]
    return known + sorted(found - set(known))


def load_template(key: str) -> dict[str, Any]:
    if key not in template_keys():
        raise TemplateError(
            f"unknown template {key!r}; choose one of: {', '.join(template_keys())}"
        )
    data: dict[str, Any] = read_resource_json("templates", f"{key}.json")
    return data


def template_infos() -> list[TemplateInfo]:
    infos = []
    for key in template_keys():
        data = load_template(key)
        infos.append(TemplateInfo(key, dict(data["name"]), dict(data["description"])))
    return infos


def populate_from_template(
    session: Session,
    key: str,
    fiscal_year: int,
    language: str = "en",
    currency: str | None = None,
    fiscal_start_month: int | None = None,
) -> Plan:
    """Fill an empty plan database with the catalogue and the template's organisation
    (`currency` and `fiscal_start_month`, when given, replace the template's; the template's
    start months count from the fiscal year's first month, so they follow it).

    The templates' plan names and card titles are English; in another language the plan is
    named after the template and each card after its role, in that language.
    """
    data = load_template(key)
    session.add_all(department_entities())
    roles = {role.key: role for role in role_entities()}
    session.add_all(roles.values())
    plan_data = data.get("plan", {})
    plan = Plan(
        id=1,
        name=(
            plan_data.get("name", data["name"]["en"])
            if language == "en"
            else data["name"].get(language) or data["name"]["en"]
        ),
        currency=currency or plan_data.get("currency", "EUR"),
        fiscal_year=fiscal_year,
        fiscal_start_month=fiscal_start_month or int(plan_data.get("fiscal_start_month", 1)),
    )
    scenario = Scenario(name=SCENARIO_NAMES.get(language, DEFAULT_SCENARIO_NAME), sort_order=0)
    scenario.targets = targets_from_data(data.get("targets", {}))
    scenario.assumptions = assumption_entities()
    plan.scenarios.append(scenario)
    session.add(plan)
    session.flush()
    fiscal = FiscalYear.of(plan.fiscal_year, plan.fiscal_start_month)
    builder = _PositionBuilder(session, scenario, roles, fiscal, language)
    builder.add_tree(data.get("positions", []))
    session.flush()
    return plan


def targets_from_data(data: dict[str, Any]) -> Targets:
    return Targets(
        goal=to_money(parse_decimal(data.get("goal", 0))),
        leads=int(data.get("leads", 0)),
        close_rate=parse_rate(data.get("close_rate", 0)),
        average_deal=to_money(parse_decimal(data.get("average_deal", 0))),
        base_revenue=to_money(parse_decimal(data.get("base_revenue", 0))),
        retention=parse_rate(data.get("retention", 0)),
        expansion=to_money(parse_decimal(data.get("expansion", 0))),
    )


_ACRONYM = re.compile(r"\s*[(（][A-Za-z /]+[)）]\s*$")


class _PositionBuilder:
    """Turns the template's nested position tree into rows with explicit ids."""

    def __init__(
        self,
        session: Session,
        scenario: Scenario,
        roles: dict[str, RoleType],
        fiscal: FiscalYear,
        language: str,
    ) -> None:
        self.session = session
        self.language = language
        self.scenario = scenario
        self.roles = roles
        self.fiscal = fiscal
        self.next_id = 1

    def title(self, item: dict[str, Any], role: RoleType) -> str:
        if self.language == "en":
            return str(item.get("title", role.name_en))
        # "Director de ingresos (CRO)" on a card reads "Director de ingresos": the card
        # already shows the role's short name below the title.
        return _ACRONYM.sub("", role.name(self.language)).strip()

    def add_tree(self, tops: list[dict[str, Any]]) -> None:
        """Number the positions in pre-order (managers before their reports), without
        recursion, like every walk of a chart."""
        stack: list[tuple[dict[str, Any], int | None, int]] = [
            (item, None, index) for index, item in reversed(list(enumerate(tops)))
        ]
        while stack:
            item, manager_id, sort_order = stack.pop()
            position_id = self.add(item, manager_id, sort_order)
            reports = list(enumerate(item.get("reports", [])))
            stack.extend((report, position_id, index) for index, report in reversed(reports))

    def add(self, item: dict[str, Any], manager_id: int | None, sort_order: int) -> int:
        role = self.roles.get(item["role"])
        if role is None:
            raise TemplateError(f"template names an unknown role {item['role']!r}")
        position_id = self.next_id
        self.next_id += 1
        start = item.get("start")  # the nth month of the fiscal year, 1 to 12
        cost = item.get("cost")
        row = position_row(
            id=position_id,
            scenario_id=self.scenario.id,
            title=self.title(item, role),
            role_key=role.key,
            department_key=item.get("department", role.department_key),
            manager_id=manager_id,
            person_name=item.get("person"),
            headcount=int(item.get("headcount", 1)),
            start_month=None if start is None else self.fiscal.first.plus_months(start - 1),
            annual_cost=role.default_annual_cost if cost is None else Decimal(cost),
            notes=item.get("notes", ""),
            sort_order=sort_order,
        )
        self.session.add(Position(**row))
        return position_id
