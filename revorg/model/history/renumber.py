"""A scenario's rows renumbered as another scenario's: a copy replayed from the log, a state
restored as a new scenario (revorg.model.history.replay). Positions keep their lineage."""

from __future__ import annotations

from dataclasses import replace

from revorg.model.scenarios import ScenarioSnapshot, StoredRows

# --- renumbering a scenario's rows (a copy, a restore) -----------------------------------------


def renumbered_positions(
    positions: StoredRows, scenario_id: int, first_id: int
) -> tuple[StoredRows, dict[int, int]]:
    """Positions under new ids from `first_id`, given in the order of their old ids (as a
    scenario copy numbers them: the chart lists positions by id), in another scenario; a
    manager outside the rows becomes None. Also gives the old-to-new ids."""
    id_at, scenario_at, manager_at = (
        positions.index(name) for name in ("id", "scenario_id", "manager_id")
    )
    new_ids = {old: first_id + n for n, old in enumerate(sorted(positions.values("id")))}
    rows = []
    for row in positions.rows:
        copied = list(row)
        copied[id_at] = new_ids[row[id_at]]
        copied[scenario_at] = scenario_id
        copied[manager_at] = new_ids.get(row[manager_at])
        rows.append(tuple(copied))
    return replace(positions, rows=tuple(rows)), new_ids


def renumbered_lines(
    lines: StoredRows, scenario_id: int, new_ids: dict[int, int], first_id: int
) -> StoredRows:
    """Dotted lines between renumbered positions, under new ids in their order (a line to a
    position outside is dropped)."""
    id_at, scenario_at, from_at, to_at = (
        lines.index(name) for name in ("id", "scenario_id", "from_position_id", "to_position_id")
    )
    kept = [row for row in lines.rows if row[from_at] in new_ids and row[to_at] in new_ids]
    rows = []
    for n, row in enumerate(kept):
        copied = list(row)
        copied[id_at] = first_id + n
        copied[scenario_at] = scenario_id
        copied[from_at] = new_ids[row[from_at]]
        copied[to_at] = new_ids[row[to_at]]
        rows.append(tuple(copied))
    return replace(lines, rows=tuple(rows))


def renumbered_rows(rows: StoredRows, scenario_id: int, first_id: int | None) -> StoredRows:
    scenario_at = rows.index("scenario_id")
    id_at = None if first_id is None else rows.index("id")
    renumbered = []
    for n, row in enumerate(rows.rows):
        copied = list(row)
        copied[scenario_at] = scenario_id
        if id_at is not None and first_id is not None:
            copied[id_at] = first_id + n
        renumbered.append(tuple(copied))
    return replace(rows, rows=tuple(renumbered))


def renumbered_scenario(
    snapshot: ScenarioSnapshot,
    scenario_id: int,
    name: str,
    sort_order: int,
    first_ids: dict[str, int],
) -> ScenarioSnapshot:
    """A scenario's snapshot as a new scenario: its id, name and place, and its positions,
    dotted lines and assumptions numbered from `first_ids` (keys: the tables' names).
    Positions keep their lineage, so that the new scenario compares card by card."""
    positions, new_ids = renumbered_positions(
        snapshot.positions, scenario_id, first_ids["positions"]
    )
    return ScenarioSnapshot(
        scenario={**snapshot.scenario, "id": scenario_id, "name": name, "sort_order": sort_order},
        targets=None
        if snapshot.targets is None
        else {**snapshot.targets, "scenario_id": scenario_id},
        assumptions=tuple(
            {**row, "id": first_ids["assumptions"] + n, "scenario_id": scenario_id}
            for n, row in enumerate(snapshot.assumptions)
        ),
        positions=positions,
        dotted_lines=renumbered_lines(
            snapshot.dotted_lines, scenario_id, new_ids, first_ids["dotted_lines"]
        ),
    )
