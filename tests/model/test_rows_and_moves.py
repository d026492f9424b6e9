"""Positions read as rows hold what the ORM entities hold, and the numbers after a move, taken
in by the sums in place, equal the numbers computed afresh."""

from __future__ import annotations

import random
from decimal import Decimal

from revorg.model import edits
from revorg.model.document import PlanDocument
from revorg.model.entities import Position, RoleType
from revorg.model.generator import generate_plan
from revorg.model.months import YearMonth
from revorg.model.rows import PositionRow, open_position_row, position_row, position_rows
from revorg.model.scenario_rows import ScenarioRows
from revorg.model.summary import scenario_positions, summarize, summary_of, totals_basis


def test_rows_hold_the_columns_of_the_entities() -> None:
    document = generate_plan(400)
    scenario = document.scenario()
    entities = scenario_positions(document.session, scenario)
    rows = position_rows(document.session, scenario.id)
    assert [row.id for row in rows] == [entity.id for entity in entities]
    for row, entity in zip(rows, entities, strict=True):
        for name in PositionRow._fields:
            assert getattr(row, name) == getattr(entity, name), name
        assert row.is_open == entity.is_open
    some = position_rows(document.session, scenario.id, [rows[5].id, rows[2].id])
    assert some == [rows[2], rows[5]]
    assert position_rows(document.session, scenario.id, []) == []
    document.close()


def test_a_new_position_row_is_an_open_single_head_at_the_top_unless_told() -> None:
    row = position_row(id=7, scenario_id=1, title="AE", role_key="ae", department_key="sales")
    assert list(row) == list(PositionRow._fields)  # every column, in the table's order
    lineage = row.pop("lineage")
    assert row == {
        "id": 7,
        "scenario_id": 1,
        "title": "AE",
        "role_key": "ae",
        "department_key": "sales",
        "manager_id": None,
        "person_name": None,
        "headcount": 1,
        "start_month": None,
        "annual_cost": Decimal(0),
        "capacity_override": None,
        "notes": "",
        "sort_order": 0,
        "email": None,  # format 8: nobody's email until a roster or the inspector gives it
        "staff": False,
    }
    assert len(lineage) == 32
    again = position_row(id=8, scenario_id=1, title="AE", role_key="ae", department_key="sales")
    assert again["lineage"] != lineage  # a fresh lineage each time, unless one is given
    kept = position_row(
        id=9, scenario_id=1, title="AE", role_key="ae", department_key="sales", lineage="p3"
    )
    assert kept["lineage"] == "p3"


def test_an_open_position_of_a_role_takes_its_name_department_and_cost(
    demo_document: PlanDocument,
) -> None:
    session = demo_document.session
    role = session.get(RoleType, "ae")
    assert role is not None
    row = open_position_row(
        role,
        id=999,
        scenario_id=demo_document.scenario().id,
        manager_id=None,
        sort_order=3,
        language="es",
        start_month=YearMonth(2027, 4),
    )
    assert row["title"] == role.name("es") != role.name("en")
    assert (row["role_key"], row["department_key"]) == ("ae", role.department_key)
    assert row["annual_cost"] == role.default_annual_cost
    assert (row["start_month"], row["sort_order"], row["person_name"]) == (
        YearMonth(2027, 4),
        3,
        None,
    )
    session.add(Position(**row))  # the entity takes the row as it is
    session.flush()
    assert session.get(Position, 999) is not None


def test_rows_see_edits_not_yet_flushed() -> None:
    document = generate_plan(50)
    scenario = document.scenario()
    position = scenario_positions(document.session, scenario)[3]
    position.title = "Renamed"
    assert position_rows(document.session, scenario.id, [position.id])[0].title == "Renamed"
    document.close()


def test_numbers_after_moves_equal_the_numbers_computed_afresh() -> None:
    document = generate_plan(600)
    session, scenario = document.session, document.scenario()
    rng = random.Random(3)
    rows = ScenarioRows(session, scenario.id)
    tree = rows.tree()
    basis = totals_basis(session, scenario)
    rows.totals(basis)
    managers = [p for p in tree.parent if tree.reports(p)]
    moved_spans = 0
    for _ in range(60):
        mover = rng.choice(list(tree.parent))
        # Often under one manager again and again, so that spans grow too wide and shrink back.
        manager = managers[0] if rng.random() < 0.4 else rng.choice([*managers, None])
        if tree.would_create_cycle(mover, manager) or tree.parent[mover] == manager:
            continue
        order = edits.next_sort_order(session, scenario, manager)
        edits.set_manager(session, mover, manager, order)
        assert rows.refresh([mover]).moved == (mover,)
        summary = summary_of(session, scenario, rows.totals(basis), rows.rows)
        fresh = summarize(session, scenario, "en")
        assert summary.to_json() == fresh.to_json()
        assert [(m.id, n, limit) for m, n, limit in summary.too_wide_spans] == [
            (m.id, n, limit) for m, n, limit in fresh.too_wide_spans
        ]
        moved_spans += bool(fresh.too_wide_spans)
    assert moved_spans  # the sequence did make spans too wide
    document.close()
