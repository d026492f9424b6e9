"""The built-in catalogue of departments and roles, read from revorg/resources (data, not code)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from revorg.model.vocabulary import LANGUAGES, CapacityKind

if TYPE_CHECKING:  # the entities (and SQLAlchemy's ORM) only where rows are made: a summary
    # reads the catalogue without them (docs/speed.md, "Cold start")
    from revorg.model.entities import Assumption, Department, RoleType

DEPARTMENT_KEYS = ("executive", "marketing", "sales", "customer_success", "revops")
CAPACITY_KINDS = tuple(CapacityKind)
FUNNEL_STAGES = ("all", "acquire", "engage", "retain", "expand")


@dataclass(frozen=True)
class DepartmentSpec:
    key: str
    names: dict[str, str]
    color: str
    descriptions: dict[str, str]
    # False for the people a roster brings who are outside the revenue organisation: on the
    # chart, but no part of revenue cost, CAC or capacity (see non_revenue_departments).
    revenue: bool = True


@dataclass(frozen=True)
class RoleSpec:
    key: str
    department: str
    funnel_stage: str
    capacity_kind: str
    is_leader: bool
    names: dict[str, str]
    shorts: dict[str, str]
    descriptions: dict[str, str]
    default_annual_cost: Decimal
    aliases: dict[str, tuple[str, ...]]
    # The role hired when a line of its capacity kind falls short (one role per kind).
    default_hire: bool = False
    # Quota carriers only: "booked", closes meetings that setters book (AE); "own", runs the
    # whole cycle and books its own meetings (inside sales); None: neither.
    pipeline: str | None = None
    # Staff of a manager (an executive assistant, a chief of staff, a deal desk): a card of
    # the role dropped under a manager is drawn beside it, not in its team row.
    staff: bool = False


def read_resource_json(*parts: str) -> Any:
    """Parse a JSON file shipped in revorg/resources."""
    path = resources.files("revorg").joinpath("resources", *parts)
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def department_specs() -> tuple[DepartmentSpec, ...]:
    return tuple(
        DepartmentSpec(
            key=item["key"],
            names=dict(item["name"]),
            color=item["color"],
            descriptions=dict(item["description"]),
            revenue=bool(item.get("revenue", True)),
        )
        for item in read_resource_json("departments.json")
    )


@cache
def non_revenue_departments() -> frozenset[str]:
    """Keys of the departments outside the revenue organisation ("outside"). Read from the
    catalogue by key, not from the plan's copy of the departments: a plan made before the flag
    existed has no such department, and then nothing is left out."""
    return frozenset(spec.key for spec in department_specs() if not spec.revenue)


@cache
def role_specs() -> tuple[RoleSpec, ...]:
    return tuple(
        RoleSpec(
            key=item["key"],
            department=item["department"],
            funnel_stage=item["funnel_stage"],
            capacity_kind=item["capacity_kind"],
            is_leader=bool(item["is_leader"]),
            names=dict(item["name"]),
            shorts=dict(item["short"]),
            descriptions=dict(item["description"]),
            default_annual_cost=Decimal(item["default_annual_cost"]),
            aliases={lang: tuple(item["aliases"].get(lang, ())) for lang in LANGUAGES},
            default_hire=bool(item.get("default_hire", False)),
            pipeline=item.get("pipeline"),
            staff=bool(item.get("staff", False)),
        )
        for item in read_resource_json("roles.json")
    )


@cache
def staff_role_keys() -> frozenset[str]:
    """The roles whose new cards under a manager are its staff (catalogue data, by key)."""
    return frozenset(spec.key for spec in role_specs() if spec.staff)


@dataclass(frozen=True)
class CapacityRoles:
    """Which role carries which part of the capacity rule: catalogue data, looked up by role
    key (a plan's custom roles take no part, as before they existed here)."""

    default_hire: dict[CapacityKind, str]  # kind: the role hired to close a short line
    booked_closers: tuple[str, ...]  # quota carriers fed by meeting setters (AEs)
    own_pipeline_closers: tuple[str, ...]  # quota carriers who book their own (inside sales)


@cache
def capacity_roles() -> CapacityRoles:
    specs = role_specs()
    return CapacityRoles(
        default_hire={
            CapacityKind(spec.capacity_kind): spec.key for spec in specs if spec.default_hire
        },
        booked_closers=tuple(spec.key for spec in specs if spec.pipeline == "booked"),
        own_pipeline_closers=tuple(spec.key for spec in specs if spec.pipeline == "own"),
    )


@dataclass(frozen=True)
class AssumptionSpec:
    """A default planning assumption and where it comes from (role_key "*": plan-wide)."""

    role_key: str
    metric: str
    value: Decimal
    source: str


@cache
def default_assumptions() -> tuple[AssumptionSpec, ...]:
    return tuple(
        AssumptionSpec(item["role"], item["metric"], Decimal(item["value"]), item["source"])
        for item in read_resource_json("assumptions.json")["assumptions"]
    )


@cache
def _source_translations() -> dict[str, dict[str, str]]:
    return {
        item["source"]: dict(item.get("source_translations", {}))
        for item in read_resource_json("assumptions.json")["assumptions"]
    }


def translated_source(source: str, language: str) -> str:
    """A default assumption's source in `language`; a source the user wrote stays as it is."""
    return _source_translations().get(source, {}).get(language, source)


def assumption_entities() -> list[Assumption]:
    """Fresh Assumption rows with the defaults, for a new scenario."""
    from revorg.model.entities import Assumption

    return [
        Assumption(role_key=spec.role_key, metric=spec.metric, value=spec.value, source=spec.source)
        for spec in default_assumptions()
    ]


def role_spec(key: str) -> RoleSpec:
    for spec in role_specs():
        if spec.key == key:
            return spec
    raise KeyError(key)


def department_entities() -> list[Department]:
    """Fresh Department rows for a new plan file (each file carries its own catalogue)."""
    from revorg.model.entities import Department

    return [
        Department(
            key=spec.key,
            name_en=spec.names["en"],
            name_es=spec.names["es"],
            name_zh=spec.names["zh"],
            color=spec.color,
            sort_order=index,
        )
        for index, spec in enumerate(department_specs())
    ]


def role_entities() -> list[RoleType]:
    """Fresh RoleType rows of the built-in catalogue for a new plan file."""
    from revorg.model.entities import RoleType

    return [
        RoleType(
            key=spec.key,
            department_key=spec.department,
            funnel_stage=spec.funnel_stage,
            capacity_kind=spec.capacity_kind,
            is_leader=spec.is_leader,
            is_custom=False,
            default_annual_cost=spec.default_annual_cost,
            sort_order=index,
            **{f"name_{lang}": spec.names[lang] for lang in LANGUAGES},
            **{f"short_{lang}": spec.shorts[lang] for lang in LANGUAGES},
            **{f"description_{lang}": spec.descriptions[lang] for lang in LANGUAGES},
        )
        for index, spec in enumerate(role_specs())
    ]
