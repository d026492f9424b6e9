"""Positions read as rows hold what the ORM entities hold, and the numbers after a move, taken
in by the sums in place, equal the numbers computed afresh."""

from __future__ import annotations

import random

from revorg.model import edits
from revorg.model.generator import generate_plan
from revorg.model.rows import PositionRow, position_rows
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
