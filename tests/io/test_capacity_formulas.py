"""The capacity rule's formula twins (revorg/io/xlsx_export/capacity_formulas.py) give the
model's numbers position by position and role by role once LibreOffice recalculates them, and
take the roles they name from the catalogue, as the model does."""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from revorg.io.xlsx_export import capacity_formulas
from revorg.io.xlsx_layout import ORG, ORG_LETTERS, ROLE_LETTERS, ROLES
from revorg.model.capacity import (
    CapacityTotals,
    capacity_totals,
    full_year_capacity,
    kind_of,
    position_capacity,
    ramped_months,
    start_offset,
)
from revorg.model.capacity import coverage as model_coverage
from revorg.model.catalogue import CapacityRoles, capacity_roles
from revorg.model.entities import RoleType
from revorg.model.months import FiscalYear
from revorg.model.summary import scenario_assumptions
from revorg.model.vocabulary import CapacityKind
from tests.io.conftest import PLANS, Recalculated, named_cell

ORG_COLUMN = {key: index for index, key in enumerate(ORG_LETTERS)}
ROLE_COLUMN = {key: index for index, key in enumerate(ROLE_LETTERS)}


def near(actual: Any, expected: Decimal | int | float) -> bool:
    return isinstance(actual, int | float) and math.isclose(
        float(actual), float(expected), rel_tol=1e-9, abs_tol=1e-6
    )


@pytest.mark.parametrize("name", list(PLANS))
def test_each_position_and_role_recalculates_to_the_models_rule(
    recalculated: Recalculated, name: str
) -> None:
    values = recalculated.values(name)
    problems: list[str] = []
    with PLANS[name]() as document:
        session, scenario = document.session, document.scenario()
        plan = scenario.plan
        fiscal = FiscalYear.of(plan.fiscal_year, plan.fiscal_start_month)
        assumptions = scenario_assumptions(scenario)
        kinds = {role.key: role.capacity_kind for role in session.scalars(select(RoleType))}
        positions = {position.id: position for position in scenario.positions}
        org_rows = [
            row
            for row in values[ORG].iter_rows(min_row=2, values_only=True)
            if row[ORG_COLUMN["id"]] is not None
        ]
        assert sorted(row[ORG_COLUMN["id"]] for row in org_rows) == sorted(positions)
        for row in org_rows:
            position = positions[row[ORG_COLUMN["id"]]]
            kind = kind_of(position.role_key, kinds)
            offset = start_offset(position, fiscal)
            expected = {
                "kind": kind,
                "offset": offset,
                "capacity": position_capacity(position, kind, assumptions, fiscal)
                if kind != CapacityKind.NONE
                else 0,
            }
            if position.capacity_override is None and kind != CapacityKind.NONE:
                # Leavers counted: filled seats are ramped, replacements ramp again.
                role = position.role_key
                expected["ramped_months"] = ramped_months(
                    offset,
                    assumptions.ramp_months(role),
                    not position.is_open,
                    assumptions.annual_attrition(role),
                    assumptions.backfill_months(role),
                )
            for key, value in expected.items():
                actual = row[ORG_COLUMN[key]]
                same = actual == value if isinstance(value, str) else near(actual, value)
                if not same:
                    problems.append(f"position {position.id} {key}: {actual!r}, app {value!r}")
        for row in values[ROLES].iter_rows(min_row=2, values_only=True):
            key, kind = row[ROLE_COLUMN["key"]], row[ROLE_COLUMN["kind"]]
            if key is None:
                continue
            full_year = full_year_capacity(kind, key, assumptions)
            if not near(row[ROLE_COLUMN["full_year"]], full_year):
                problems.append(f"role {key} full year: {row[ROLE_COLUMN['full_year']]!r}")
            if not near(row[ROLE_COLUMN["ramp"]], assumptions.ramp_months(key)):
                problems.append(f"role {key} ramp: {row[ROLE_COLUMN['ramp']]!r}")
        totals = capacity_totals(positions.values(), kinds, assumptions, fiscal)
        share = model_coverage.share_closed_from_booked_meetings(totals, capacity_roles())
        for cell, expected in (
            ("AeShare", share),
            ("MeetingToWinRate", assumptions.meeting_to_win_rate()),
        ):
            actual = named_cell(values, cell).value
            if not near(actual, expected):
                problems.append(f"{cell}: {actual!r}, app {expected}")
    assert not problems, "\n".join(problems)


def test_the_formulas_name_the_roles_the_catalogue_names(monkeypatch: pytest.MonkeyPatch) -> None:
    assert capacity_formulas.booked_meeting_share() == (
        '=IF(SUMIFS(OrgCapacity,OrgRole,"ae")+SUMIFS(OrgCapacity,OrgRole,"inside_sales")>0,'
        'SUMIFS(OrgCapacity,OrgRole,"ae")/(SUMIFS(OrgCapacity,OrgRole,"ae")+'
        'SUMIFS(OrgCapacity,OrgRole,"inside_sales")),'
        'IF(SUMIFS(OrgHeadcount,OrgRole,"inside_sales")>0,0,1))'
    )
    other = CapacityRoles(
        default_hire=dict(capacity_roles().default_hire),
        booked_closers=("ae", "field_rep"),
        own_pipeline_closers=(),
    )
    monkeypatch.setattr(capacity_formulas, "capacity_roles", lambda: other)
    booked = '(SUMIFS(OrgCapacity,OrgRole,"ae")+SUMIFS(OrgCapacity,OrgRole,"field_rep"))'
    assert capacity_formulas.booked_meeting_share() == (
        f"=IF({booked}+0>0,{booked}/({booked}+0),IF(0>0,0,1))"
    )
    assert capacity_formulas.closers_per_setter() == (
        '=IF(SUMIFS(OrgHeadcount,OrgKind,"meetings")=0,"",(SUMIFS(OrgHeadcount,OrgRole,"ae")+'
        'SUMIFS(OrgHeadcount,OrgRole,"field_rep"))/SUMIFS(OrgHeadcount,OrgKind,"meetings"))'
    )


def test_the_engine_hires_the_roles_the_catalogue_names(monkeypatch: pytest.MonkeyPatch) -> None:
    """Inside sales reps are hired where no AEs are on the chart, AEs otherwise: because the
    catalogue says which quota carriers book their own meetings, not because of their keys."""
    roles = capacity_roles()
    inside_only = CapacityTotals({}, {}, {"inside_sales": 3})
    assert model_coverage.quota_hire_role(inside_only, roles) == "inside_sales"
    assert model_coverage.quota_hire_role(CapacityTotals({}, {}, {}), roles) == "ae"
    swapped = CapacityRoles(
        default_hire={**roles.default_hire, CapacityKind.QUOTA: "inside_sales"},
        booked_closers=("inside_sales",),
        own_pipeline_closers=("ae",),
    )
    monkeypatch.setattr(model_coverage, "capacity_roles", lambda: swapped)
    ae_only = CapacityTotals({}, {}, {"ae": 2})
    assert model_coverage.quota_hire_role(ae_only, swapped) == "ae"
    assert model_coverage.aes_per_sdr(
        CapacityTotals({}, {}, {"inside_sales": 5, "sdr": 2}), {"sdr": "meetings"}
    ) == Decimal("2.5")
