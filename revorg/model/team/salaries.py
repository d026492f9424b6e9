"""Salaries: which columns and log entries hold them, and a plan copy without them.

A viewer of a team plan may not read salaries (the server refuses them: revorg.model.team.roles),
and "a copy without salaries" is shared with the whole company. Both rest on the one list here:
the two salary columns, and the change log's entries that carry their amounts (a field change
of a salary, and a whole row added or removed as JSON). The amounts are replaced by null, the
entries themselves kept, so the history still says that a card's cost changed, not by how much.
"""

from __future__ import annotations

import dataclasses
import re
import sqlite3

from sqlalchemy import text
from sqlalchemy.orm import Session

from revorg.model.history.chain import StoredStep

# table -> its salary column; the only places a plan keeps an amount paid to people.
SALARY_COLUMNS = {"positions": "annual_cost", "role_types": "default_annual_cost"}
SALARY_FIELDS = tuple(SALARY_COLUMNS.values())

# A salary inside a whole row's canonical JSON ({"annual_cost":"120000.00",...}): its value is
# a text, a number or null (revorg.model.history.values.canonical). The same pattern serves the
# server's view for viewers (PostgreSQL's regexp_replace) and the copy made here (Python's re).
SALARY_IN_ROW = '"(annual_cost|default_annual_cost)":("[^"]*"|-?[0-9.]+|null)'
SALARY_IN_ROW_REPLACEMENT = '"\\1":null'
_salary_in_row = re.compile(SALARY_IN_ROW)


def without_salary(value: str, field: str) -> str:
    """A logged value (JSON text) with its salary amount, if it carries one, replaced by null."""
    if field in SALARY_FIELDS:
        return "null"
    if field == "*":
        return _salary_in_row.sub(SALARY_IN_ROW_REPLACEMENT, value)
    return value


# The log's entries that may carry an amount: a salary's change, or a whole row with one.
_ENTRIES_WITH_AMOUNTS = (
    "SELECT id, field, old, new FROM history_changes WHERE field IN ({fields}) "
    "OR (field = '*' AND (old LIKE '%annual_cost%' OR new LIKE '%annual_cost%'))"
).format(fields=", ".join("?" for _ in SALARY_FIELDS))


def holds_salaries(plan: sqlite3.Connection) -> bool:
    """Whether a plan database holds a salary amount anywhere a plan keeps one: a salary column
    not 0, or a log entry whose amount is not null (what a viewer's copy never holds)."""
    for table, column in SALARY_COLUMNS.items():
        if plan.execute(f'SELECT 1 FROM "{table}" WHERE "{column}" <> 0 LIMIT 1').fetchone():
            return True
    return any(
        without_salary(value, field) != value
        for _, field, old, new in plan.execute(_ENTRIES_WITH_AMOUNTS, SALARY_FIELDS)
        for value in (old, new)
    )


def remove_salaries(plan: sqlite3.Connection) -> None:
    """Make a plan database (a copy: it is changed) what a viewer's read of the plan gives:
    the salary columns 0 and the log's amounts null, its steps' hashes as the server has them.
    The caller vacuums it before its bytes leave (secure_delete: no old page keeps an amount)."""
    plan.execute("PRAGMA secure_delete = ON")
    with plan:
        for table, column in SALARY_COLUMNS.items():
            plan.execute(f'UPDATE "{table}" SET "{column}" = 0')
        plan.executemany(
            "UPDATE history_changes SET old = ?, new = ? WHERE id = ?",
            [
                (without_salary(old, field), without_salary(new, field), change_id)
                for change_id, field, old, new in plan.execute(
                    _ENTRIES_WITH_AMOUNTS, SALARY_FIELDS
                ).fetchall()
            ],
        )


# A salary withheld from a viewer inside a whole row's JSON, and what the viewer's copy holds.
_NULL_SALARY = re.compile('"(annual_cost|default_annual_cost)":null')
_ZERO_SALARY = '"\\1":"0"'


def as_held(step: StoredStep) -> StoredStep:
    """A step as a viewer's copy can play it: the copy holds every salary as 0 and the server
    gave the step's amounts as null (the log's shared view), so a salary's change is left out
    and a whole row's salary is 0 (live updates and the cache's catch-up). The local log keeps
    the step as the server gave it."""
    changes = tuple(
        dataclasses.replace(
            change,
            old=_NULL_SALARY.sub(_ZERO_SALARY, change.old),
            new=_NULL_SALARY.sub(_ZERO_SALARY, change.new),
        )
        for change in step.changes
        if change.field not in SALARY_FIELDS
    )
    return dataclasses.replace(step, changes=changes)


def strip_salaries(session: Session) -> None:
    """Remove every salary from an open plan (in memory, before it is written out or shown):
    the salary columns become 0 and the log's amounts null, and the log's hash chain is sealed
    again over what is left, so the copy's history verifies as the log of this copy (the
    original's chain stays on the server and in the original file)."""
    session.flush()
    for table, column in SALARY_COLUMNS.items():
        session.execute(text(f'UPDATE "{table}" SET "{column}" = 0'))
    marks = ", ".join(f":field{index}" for index in range(len(SALARY_FIELDS)))
    fields = {f"field{index}": field for index, field in enumerate(SALARY_FIELDS)}
    rows = session.execute(
        text(
            f"SELECT id, field, old, new FROM history_changes WHERE field IN ({marks}) "
            "OR (field = '*' AND (old LIKE '%annual_cost%' OR new LIKE '%annual_cost%'))"
        ),
        fields,
    ).all()
    if rows:
        session.execute(
            text("UPDATE history_changes SET old = :old, new = :new WHERE id = :id"),
            [
                {
                    "old": without_salary(str(old), str(field)),
                    "new": without_salary(str(new), str(field)),
                    "id": change_id,
                }
                for change_id, field, old, new in rows
            ],
        )
        reseal_log(session)
    session.commit()
    session.expire_all()


def reseal_log(session: Session) -> None:
    """Hash every step again from the chain's anchor over its changes as they now are."""
    from revorg.model.history.chain import chain_ends, expected_hash, stored_steps

    ends = chain_ends(session)
    if ends is None:
        return
    previous = ends[0]
    for step in stored_steps(session):
        sealed = expected_hash(dataclasses.replace(step, previous_hash=previous))
        session.execute(
            text("UPDATE history_steps SET previous_hash = :previous, hash = :hash WHERE id = :id"),
            {"previous": previous, "hash": sealed, "id": step.id},
        )
        previous = sealed
    session.execute(text("UPDATE history_chain SET head = :head WHERE id = 1"), {"head": previous})


# The summary's figures made from salaries: withheld (null), never shown as 0.
COST_KEYS = frozenset(
    {"cost", "run_rate_cost", "cac", "cost_share_of_target", "net_benefit", "annual_cost"}
)


def withhold_costs(report: object) -> object:
    """A JSON report with every figure made from salaries set to None ("not available")."""
    if isinstance(report, dict):
        return {
            key: None if key in COST_KEYS else withhold_costs(value)
            for key, value in report.items()
        }
    if isinstance(report, list):
        return [withhold_costs(item) for item in report]
    return report
