"""An edit a team plan's server refused because a teammate changed the same rows first
(`TeamConflictError`), each such row (`Conflict`), and how the refusal names who changed it
and when, from the server's log."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from revorg.model.errors import QT_TRANSLATE_NOOP
from revorg.model.team.errors import TeamPlanError
from revorg.model.team.step_rows import KIND_TABLES, RowWork


class TeamConflictError(TeamPlanError):
    """An edit made on a row a teammate changed since it was read: refused, nothing written.
    `conflicts` lists each such row (who changed it, when, in which step)."""

    def __init__(self, message: str, conflicts: Sequence[Conflict] = (), **values: object):
        super().__init__(message, **values)
        self.conflicts = tuple(conflicts)


@dataclass(frozen=True)
class Conflict:
    """A row the server holds at another version than the edit read: the record, and the
    newest step of the server's log that changed it (None when the log does not say)."""

    kind: str
    record_id: int | str
    who: str | None
    at: str | None
    step: int | None


def _last_change(connection: Connection, q: Callable[[str], str], row: RowWork) -> Conflict:
    """The newest step of the server's log that changed the row (who, when)."""
    kinds = [kind for kind, table in KIND_TABLES.items() if table == row.table]
    found = connection.execute(
        text(
            f"SELECT s.who, s.at, s.id FROM {q('history_changes')} c "
            f"JOIN {q('history_steps')} s ON s.id = c.step_id "
            "WHERE c.record = :kind AND c.record_id = :rid "
            "ORDER BY s.id DESC LIMIT 1"
        ),
        {"kind": str(kinds[0]), "rid": row.logged_id or json.dumps(row.key)},
    ).first()
    kind = str(kinds[0])
    if found is None and row.table == "deals":
        found = _last_import(connection, q, row)
    if found is None:
        return Conflict(kind, row.key, None, None, None)
    return Conflict(kind, row.key, str(found[0]), str(found[1]), int(found[2]))


def _last_import(connection: Connection, q: Callable[[str], str], row: RowWork) -> Any:
    """(who, at, step) of the newest import whose record holds the deal, or None: an import
    keeps its deals in its own record (revorg.model.actuals.logged)."""
    from revorg.model.actuals.logged import first_holding

    candidates = connection.execute(
        text(
            f"SELECT s.who, s.at, s.id, c.old, c.new FROM {q('history_changes')} c "
            f"JOIN {q('history_steps')} s ON s.id = c.step_id WHERE c.record = 'deal_import' "
            "AND strpos(c.new || c.old, :rid) > 0 ORDER BY s.id DESC"
        ),
        {"rid": row.logged_id or json.dumps(row.key, ensure_ascii=False)},
    )
    return first_holding((tuple(found) for found in candidates), str(row.key))


def row_conflict(
    connection: Connection, q: Callable[[str], str], row: RowWork
) -> TeamConflictError:
    """The refusal of an edit of `row`, naming who changed it last and when (`q`: a table's
    name in the plan's schema)."""
    conflict = _last_change(connection, q, row)
    name = f"{conflict.kind.replace('_', ' ')} {row.key}"
    if conflict.who is None:
        return TeamConflictError(
            QT_TRANSLATE_NOOP(
                "TeamPlanError",
                "{record} was changed on the server since you read it: your edit was not "
                "sent (reload the plan and make it again)",
            ),
            [conflict],
            record=name,
        )
    return TeamConflictError(
        QT_TRANSLATE_NOOP(
            "TeamPlanError",
            "{record} was changed by {who} at {at} (step {step}) since you read it: your "
            "edit was not sent (reload the plan and make it again)",
        ),
        [conflict],
        record=name,
        who=conflict.who,
        at=conflict.at,
        step=conflict.step,
    )


def moved_error(
    connection: Connection, q: Callable[[str], str], expected: int, version: int
) -> TeamConflictError:
    """The refusal of `--expect-version`: who changed the plan since `expected`."""
    steps = connection.execute(
        text(f"SELECT who, at FROM {q('history_steps')} WHERE id > :after ORDER BY id"),
        {"after": expected},
    ).all()
    people = ", ".join(dict.fromkeys(str(r[0]) for r in steps)) or "?"
    last = str(steps[-1][1]) if steps else "?"
    return TeamConflictError(
        QT_TRANSLATE_NOOP(
            "TeamPlanError",
            "the plan is at version {version}, not {expected}: changed since by {who} "
            "(last at {at}); nothing was sent",
        ),
        version=version,
        expected=expected,
        who=people,
        at=last,
    )
