"""Snapshots: named, frozen copies of a scenario ("Board plan FY27"), with when and by whom
they were taken.

A snapshot is a scenario row with its snapshot marks set (Scenario.snapshot_at, _by, _of,
format 6), so a summary, a comparison or a workbook reads it exactly as it reads a scenario.
It is kept out of every list of scenarios by Plan.scenarios itself (entities.py), and the edit
core refuses any edit made in one (`refuse_frozen`, called by PlanEditor for every edit).
Taking, deleting and restoring one are edits (requests.take_snapshot, delete_snapshot,
restore_snapshot), so each is one undo step and one step of the change log.

A snapshot shares the namespace of scenario names (the plan's UNIQUE (plan_id, name)): the
command line tells them apart with the "snapshot:" prefix.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy.orm import Session

from revorg.model.entities import Plan, Scenario
from revorg.model.errors import QT_TRANSLATE_NOOP, PlanEditError, PlanFileError
from revorg.model.scenarios import ScenarioSnapshot, copy_scenario_rows

__all__ = [
    "SNAPSHOT_MARKS",
    "SNAPSHOT_PREFIX",
    "SnapshotInfo",
    "find_snapshot",
    "refuse_frozen",
    "resolve_compared",
    "restored_rows",
    "snapshot_info",
    "snapshot_rows",
]

# `revorg compare FILE --scenarios Base "snapshot:Board plan"`: a snapshot where a scenario is
# expected.
SNAPSHOT_PREFIX = "snapshot:"
# The scenario columns that make it a snapshot (format 6).
SNAPSHOT_MARKS = ("snapshot_at", "snapshot_by", "snapshot_of")


@dataclass(frozen=True)
class SnapshotInfo:
    """What a list of snapshots shows of one."""

    scenario_id: int
    name: str
    taken_at: str  # UTC, ISO 8601 to the second: 2027-01-31T09:30:00Z
    taken_by: str
    source: str  # the name of the scenario it was taken of, then

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "scenario": self.source,
            "taken_at": self.taken_at,
            "taken_by": self.taken_by,
        }


def snapshot_info(scenario: Scenario) -> SnapshotInfo:
    assert scenario.is_snapshot, f"{scenario.name!r} is not a snapshot"
    return SnapshotInfo(
        scenario.id,
        scenario.name,
        scenario.snapshot_at or "",
        scenario.snapshot_by or "",
        scenario.snapshot_of or "",
    )


def snapshot_rows(
    session: Session, source_id: int, name: str, who: str, at: str
) -> ScenarioSnapshot:
    """A frozen copy of a scenario, with fresh ids, not yet in the plan (requests inserts it
    as an undoable step). Positions keep their lineage, so it compares card by card."""
    source = session.get(Scenario, source_id)
    if source is None or source.is_snapshot:
        raise PlanEditError(QT_TRANSLATE_NOOP("PlanEditError", "a snapshot is taken of a scenario"))
    copy = copy_scenario_rows(session, source_id, name)
    marks = {"snapshot_at": at, "snapshot_by": who.strip() or "unknown", "snapshot_of": source.name}
    return replace(copy, scenario={**copy.scenario, **marks})


def restored_rows(session: Session, snapshot_id: int, name: str) -> ScenarioSnapshot:
    """A new scenario, free to edit, with the snapshot's organisation and targets."""
    snapshot = session.get(Scenario, snapshot_id)
    if snapshot is None or not snapshot.is_snapshot:
        raise PlanEditError(QT_TRANSLATE_NOOP("PlanEditError", "no such snapshot"))
    copy = copy_scenario_rows(session, snapshot_id, name)
    return replace(copy, scenario={**copy.scenario, **dict.fromkeys(SNAPSHOT_MARKS)})


def refuse_frozen(session: Session, scenario_id: int) -> None:
    """Raise PlanEditError when the scenario is a snapshot: a snapshot is never edited."""
    scenario = session.get(Scenario, scenario_id)
    if scenario is not None and scenario.is_snapshot:
        raise PlanEditError(
            QT_TRANSLATE_NOOP(
                "PlanEditError",
                "{name} is a snapshot and cannot be changed: restore it as a new scenario "
                "to work on it",
            ),
            name=repr(scenario.name),
        )


def find_snapshot(plan: Plan, name: str) -> Scenario:
    """The plan's snapshot of that name; PlanFileError naming the snapshots otherwise."""
    found = plan.snapshot_named(name.strip())
    if found is None:
        names = ", ".join(repr(s.name) for s in plan.snapshots) or "none"
        raise PlanFileError(
            QT_TRANSLATE_NOOP("PlanFileError", "no snapshot named {name}; the plan has {names}"),
            name=repr(name),
            names=names,
        )
    return found


def resolve_compared(plan: Plan, text: str) -> Scenario:
    """A scenario by name, or a snapshot as "snapshot:NAME" (what `compare` takes)."""
    if text.startswith(SNAPSHOT_PREFIX):
        return find_snapshot(plan, text[len(SNAPSHOT_PREFIX) :])
    found = plan.scenario_named(text)
    if found is not None:
        return found
    if plan.snapshot_named(text) is not None:
        raise PlanFileError(
            QT_TRANSLATE_NOOP("PlanFileError", "{name} is a snapshot: write {prefixed}"),
            name=repr(text),
            prefixed=repr(SNAPSHOT_PREFIX + text),
        )
    names = ", ".join(repr(s.name) for s in plan.scenarios)
    raise PlanFileError(
        QT_TRANSLATE_NOOP("PlanFileError", "no scenario named {name}; the plan has {names}"),
        name=repr(text),
        names=names,
    )
