"""A plan made before a role joined the catalogue offers that role once opened for editing, its
numbers unchanged; opening for reading changes nothing; roles the plan has are left alone."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from revorg.model.catalogue import default_assumptions, role_spec, role_specs
from revorg.model.document import PlanDocument
from revorg.model.entities import Assumption, RoleType
from revorg.model.summary import summarize

NEW_ROLE = "bdr"  # no card of the demo plan has it; it has default assumptions


def file_state(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def run_sql(path: Path, *statements: str) -> None:
    connection = sqlite3.connect(path)
    try:
        for statement in statements:
            connection.execute(statement)
        connection.commit()
    finally:
        connection.close()


@pytest.fixture
def older_plan(demo_file: Path) -> Path:
    """The demo plan as RevOrg saved it before the BDR joined the catalogue, with a second
    scenario."""
    run_sql(
        demo_file,
        f"DELETE FROM assumptions WHERE role_key = '{NEW_ROLE}'",
        f"DELETE FROM role_types WHERE key = '{NEW_ROLE}'",
        "INSERT INTO scenarios (id, plan_id, name, sort_order) VALUES (2, 1, 'Stretch', 1)",
        "INSERT INTO targets SELECT 2, goal, leads, close_rate, average_deal, base_revenue, "
        "retention, expansion, seasonality FROM targets WHERE scenario_id = 1",
        "INSERT INTO assumptions (scenario_id, role_key, metric, value, source) "
        "SELECT 2, role_key, metric, value, source FROM assumptions WHERE scenario_id = 1",
    )
    return demo_file


def numbers(document: PlanDocument) -> list[dict[str, Any]]:
    return [summarize(document.session, s).to_json() for s in document.plan.scenarios]


def role_keys(document: PlanDocument) -> list[str]:
    return list(document.session.scalars(select(RoleType.key)))


def assumptions_of(document: PlanDocument, role_key: str) -> dict[str, set[tuple[str, Decimal]]]:
    return {
        scenario.name: {(a.metric, a.value) for a in scenario.assumptions if a.role_key == role_key}
        for scenario in document.plan.scenarios
    }


def test_a_role_new_to_the_catalogue_reaches_an_older_plan(older_plan: Path) -> None:
    with PlanDocument.open(older_plan, for_editing=False) as reading:
        before = numbers(reading)
        assert NEW_ROLE not in role_keys(reading)

    unopened = file_state(older_plan)
    with PlanDocument.open(older_plan) as editing:
        role = editing.session.get(RoleType, NEW_ROLE)
        assert role is not None
        spec = role_spec(NEW_ROLE)
        assert (role.name("es"), role.department_key, role.capacity_kind, role.is_custom) == (
            spec.names["es"],
            spec.department,
            spec.capacity_kind,
            False,
        )
        defaults = {(a.metric, a.value) for a in default_assumptions() if a.role_key == NEW_ROLE}
        assert defaults
        assert assumptions_of(editing, NEW_ROLE) == {"Base": defaults, "Stretch": defaults}
        assert numbers(editing) == before
        assert file_state(older_plan) == unopened  # added in memory: the file waits for a save
        editing.save()

    with PlanDocument.open(older_plan, for_editing=False) as saved:
        assert NEW_ROLE in role_keys(saved)
        assert assumptions_of(saved, NEW_ROLE) == {"Base": defaults, "Stretch": defaults}
        assert numbers(saved) == before


def test_reading_an_older_plan_changes_nothing(older_plan: Path) -> None:
    before = file_state(older_plan)
    with PlanDocument.open(older_plan, for_editing=False) as reading:
        assert NEW_ROLE not in role_keys(reading)
        assert (
            reading.session.scalars(select(Assumption).where(Assumption.role_key == NEW_ROLE)).all()
            == []
        )
    assert file_state(older_plan) == before


def test_roles_the_plan_has_are_left_as_the_user_made_them(demo_file: Path) -> None:
    run_sql(
        demo_file,
        "UPDATE role_types SET name_en = 'Closer', default_annual_cost = 7000000 WHERE key = 'ae'",
        "UPDATE assumptions SET value = '123456' WHERE role_key = 'ae' AND metric = 'annual_quota'",
        "INSERT INTO role_types (key, department_key, funnel_stage, capacity_kind, is_leader, "
        "is_custom, name_en, name_es, name_zh, short_en, short_es, short_zh, description_en, "
        "description_es, description_zh, default_annual_cost, sort_order) VALUES ('closer', "
        "'sales', 'acquire', 'quota', 0, 1, 'Night closer', '', '', '', '', '', '', '', '', "
        "5000000, 99)",
    )
    with PlanDocument.open(demo_file) as editing:
        ae = editing.session.get(RoleType, "ae")
        assert ae is not None
        assert (ae.name_en, ae.default_annual_cost) == ("Closer", Decimal("70000.00"))
        assert ("annual_quota", Decimal(123456)) in assumptions_of(editing, "ae")["Base"]
        custom = editing.session.get(RoleType, "closer")
        assert custom is not None
        assert (custom.name_en, custom.is_custom) == ("Night closer", True)
        assert len(role_keys(editing)) == len(role_specs()) + 1  # the catalogue and the custom one
