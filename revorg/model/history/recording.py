"""Recording: every edit, undo and redo of an editor written to the plan's change log, in the
edit's own savepoint (a failing write rolls the edit back, and an edit that fails leaves no
step). Who made it is a name given to the recorder: the window passes the one of Preferences,
the command line `--who` or the system user.
"""

from __future__ import annotations

import datetime
import getpass
import logging
import sqlite3
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from revorg.model.editing.change import (
    WHOLE_RECORD,
    Change,
    FieldChange,
    KeyLabel,
    QuotedStep,
    RecordKind,
    StepText,
)
from revorg.model.editing.editor import PlanEditor
from revorg.model.editing.steps import Edit, Macro
from revorg.model.entities import DottedLine, Position, Scenario, column_values
from revorg.model.errors import QT_TRANSLATE_NOOP
from revorg.model.history.chain import GENESIS, StoredChange, StoredStep, step_hash, stored_steps
from revorg.model.history.values import canonical
from revorg.model.store.stored_log import tail_only


def system_user() -> str:
    """The name of the person logged in, or "unknown" where the system has none."""
    try:
        return getpass.getuser() or "unknown"
    except (OSError, KeyError, ImportError):  # no USER variable and no password entry
        return "unknown"


def utc_now() -> str:
    return datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class ChangeRecorder:
    """Writes each edit an editor runs as one step of the log (`editor.add_recorder`).

    `who` is called at every step, so that a name changed in Preferences counts from the next
    edit on; `clock` gives the UTC time as ISO text (replaced in tests)."""

    def __init__(
        self,
        editor: PlanEditor,
        who: Callable[[], str],
        clock: Callable[[], str] = utc_now,
    ) -> None:
        self.editor = editor
        self.who = who
        self.clock = clock

    def __call__(self, edit: Edit, change: Change) -> None:
        try:
            with self.editor.session.begin_nested():
                record_step(self.editor.session, edit, change, self.who(), self.clock())
        except (sqlite3.DatabaseError, DBAPIError):
            # The log's pages are damaged (another program, a bad disk): the edit is made and
            # not recorded; the log's own check says the log is damaged. An edit is never
            # refused for the log.
            logging.getLogger(__name__).warning("the change log is damaged: step not recorded")


def attach_recorder(editor: PlanEditor, who: str | Callable[[], str] | None = None) -> None:
    """Record every edit of `editor` from now on, by `who` (default: the system user)."""
    if who is None or isinstance(who, str):
        name = who or system_user()
        editor.add_recorder(ChangeRecorder(editor, lambda: name))
    else:
        editor.add_recorder(ChangeRecorder(editor, who))


def record_step(session: Session, edit: Edit, change: Change, who: str, at: str) -> int:
    """Append one step and its field changes; returns the step's id."""
    template, values = edit.text.template, stored_text_values(edit)
    changes = stored_changes(change)
    # The driver's connection, inside the edit's savepoint: SQLAlchemy's statements cost
    # 1.5 ms more per edit than these five (benchmarks/history.py).
    return append_step(
        _driver(session), at, who, edit.scenario_id, template, values, str(change.direction),
        changes,
    )  # fmt: skip


def append_step(
    connection: sqlite3.Connection,
    at: str,
    who: str,
    scenario_id: int,
    template: str,
    values: str,
    direction: str,
    changes: tuple[StoredChange, ...],
) -> int:
    """Append one step in its stored form (a local edit, or a teammate's step of a team plan
    taken in: revorg.model.team.live) after the log's head, with the next id; returns it."""
    previous, step_id = _chain_position(connection)
    digest = step_hash(
        previous, step_id, at, who, scenario_id, template, values, direction, changes
    )
    connection.execute(
        "INSERT INTO history_steps (id, at, who, scenario_id, text, text_values, direction, "
        "previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (step_id, at, who, scenario_id, template, values, direction, previous, digest),
    )
    if changes:
        connection.executemany(
            "INSERT INTO history_changes (step_id, scenario_id, record, record_id, field, old, "
            "new) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (step_id, c.scenario_id, c.record, c.record_id, c.field, c.old, c.new)
                for c in changes
            ],
        )
    updated = connection.execute("UPDATE history_chain SET head = ? WHERE id = 1", (digest,))
    if updated.rowcount == 0:  # the first step of this plan's log
        connection.execute(
            "INSERT INTO history_chain (id, anchor, head, dropped) VALUES (1, ?, ?, 0)",
            (previous, digest),
        )
    return step_id


def _driver(session: Session) -> sqlite3.Connection:
    connection = session.connection().connection.driver_connection
    assert isinstance(connection, sqlite3.Connection)
    return connection


def _chain_position(connection: sqlite3.Connection) -> tuple[bytes, int]:
    """The hash the next step follows (the chain's head) and the next step's id (after the last
    step, kept or dropped by a compaction: an id names one step for ever).

    A log damaged by another program (no head, a head that is not a hash) is continued from
    what is there: the check reports the break, and an edit is never refused for it."""
    head, last_id, last_dropped, last_changed = connection.execute(
        "SELECT (SELECT head FROM history_chain WHERE id = 1), "
        "(SELECT max(id) FROM history_steps), "
        "(SELECT last_dropped_id FROM history_chain WHERE id = 1), "
        "(SELECT max(step_id) FROM history_changes)"  # rows left by steps removed by hand
    ).fetchone()
    if head is None and last_id is not None:
        (head,) = connection.execute(
            "SELECT hash FROM history_steps ORDER BY id DESC LIMIT 1"
        ).fetchone()
    if head is None:
        head = GENESIS
    elif not isinstance(head, bytes):
        head = str(head).encode("utf-8", errors="replace")
    numbers = [n for n in (last_id, last_dropped, last_changed) if isinstance(n, int)]
    return head, max(numbers, default=0) + 1


def stored_changes(change: Change) -> tuple[StoredChange, ...]:
    """A change's field changes as the log stores them (values as canonical JSON text)."""
    return tuple(
        StoredChange(
            record.scenario_id,
            str(record.record),
            canonical(record.record_id),
            record.field,
            canonical(record.old),
            canonical(record.new),
        )
        for record in change.records
    )


def stored_text_values(edit: Edit) -> str:
    """The values of the step's name as the log stores them (canonical JSON text)."""
    return canonical(_text_values(edit))


def _text_values(edit: Edit) -> list[object]:
    """The values of the step's name; a key of the model as {"kind": ..., "key": ...}."""
    return _stored_values(edit.text)


def _stored_values(text: StepText) -> list[object]:
    return [_stored_value(value) for value in text.values]


def _stored_value(value: str | KeyLabel | QuotedStep) -> object:
    if isinstance(value, KeyLabel):
        return {"kind": value.kind, "key": value.key}
    if isinstance(value, QuotedStep):
        return {"template": value.text.template, "values": _stored_values(value.text)}
    return value


def fold_typing(session: Session) -> bool:
    """Make the last two steps one, as the undo stack made their edits one: keystrokes typed
    into one field ("1", "12", "120"...) are one step for the user, so one in the log. Only two
    consecutive first-time edits of the same name and the same fields fold; the step keeps the
    first one's id, old values and place in the chain, and takes the second one's new values,
    time and name. Returns whether they folded."""
    with session.begin_nested():
        # Both steps were recorded since the plan was opened (the undo stack merged them):
        # the log's older steps can stay in the file (store.stored_log).
        with tail_only(_driver(session)):
            newest = stored_steps(session, newest_first=True, limit=2)
        if len(newest) < 2 or not _foldable(newest[1], newest[0]):
            return False
        last, before = newest
        newer = {_key(change): change for change in last.changes}
        changes = tuple(
            StoredChange(c.scenario_id, c.record, c.record_id, c.field, c.old, newer[_key(c)].new)
            for c in before.changes
        )
        digest = step_hash(
            before.previous_hash, before.id, last.at, last.who, before.scenario_id,
            before.text, before.text_values, before.direction, changes,
        )  # fmt: skip
        connection = _driver(session)
        ids = (before.id, last.id)
        connection.execute("DELETE FROM history_changes WHERE step_id IN (?, ?)", ids)
        connection.execute("DELETE FROM history_steps WHERE id = ?", (last.id,))
        connection.execute(
            "UPDATE history_steps SET at = ?, who = ?, hash = ? WHERE id = ?",
            (last.at, last.who, digest, before.id),
        )
        connection.executemany(
            "INSERT INTO history_changes (step_id, scenario_id, record, record_id, field, old, "
            "new) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(before.id, c.scenario_id, c.record, c.record_id, c.field, c.old, c.new)
             for c in changes],
        )  # fmt: skip
        connection.execute(
            "UPDATE history_chain SET head = ?, "
            "last_dropped_id = max(coalesce(last_dropped_id, 0), ?) WHERE id = 1",
            (digest, last.id),
        )
    return True


def _key(change: StoredChange) -> tuple[int, str, str, str]:
    return (change.scenario_id, change.record, change.record_id, change.field)


def _foldable(before: StoredStep, last: StoredStep) -> bool:
    return (
        before.direction == last.direction == "do"
        and last.previous_hash == before.hash
        and (before.text, before.text_values, before.scenario_id)
        == (last.text, last.text_values, last.scenario_id)
        and sorted(map(_key, before.changes)) == sorted(map(_key, last.changes))
        and len(set(map(_key, last.changes))) == len(last.changes)
    )


IMPORT_TEXT = QT_TRANSLATE_NOOP("PlanEditor", "Import %1: %2 positions")


def record_import(session: Session, source: str, who: str | None = None, at: str | None = None
                  ) -> int:  # fmt: skip
    """Record a plan just made by an import as the first step of its log ("Import roster.csv:
    40 positions"): every position and dotted line it holds, added as a whole with its row, by
    `who` (default: the system user). Returns the step's id."""
    session.flush()
    positions = session.scalars(select(Position).order_by(Position.id)).all()
    lines = session.scalars(select(DottedLine).order_by(DottedLine.id)).all()
    records = tuple(
        FieldChange(item.scenario_id, kind, item.id, WHOLE_RECORD, None, column_values(item))
        for kind, items in ((RecordKind.POSITION, positions), (RecordKind.DOTTED_LINE, lines))
        for item in items
    )
    scenario_id = session.scalars(select(Scenario.id).order_by(Scenario.sort_order)).first() or 0
    records += _imported_actuals(session, scenario_id)
    records += _imported_photos(session, scenario_id)
    step_text = StepText(IMPORT_TEXT, (source, str(len(positions))))
    edit = Edit(step_text, scenario_id, Macro([]))
    change = Change(text=step_text, scenario_id=scenario_id, records=records)
    return record_step(session, edit, change, who or system_user(), at or utc_now())


def _imported_actuals(session: Session, scenario_id: int) -> tuple[FieldChange, ...]:
    """The deals a RevOrg workbook brought (its Deals sheet), their import and the owners it
    matched by hand, as the import step's records: a replay from the log's start has them."""
    from revorg.model.actuals import store

    imports = [
        FieldChange(
            scenario_id,
            RecordKind.DEAL_IMPORT,
            record.id,
            WHOLE_RECORD,
            None,
            dict(record.__dict__),
        )
        for record in store.imports(session)
    ]
    deals = [
        FieldChange(scenario_id, RecordKind.DEAL, crm_id, WHOLE_RECORD, None, row)
        for crm_id, row in store.stored_rows(session).items()
    ]
    matches = [
        FieldChange(scenario_id, RecordKind.OWNER_MATCH, owner, "lineage", None, lineage)
        for owner, lineage in store.stored_assignments(session).values()
    ]
    return (*imports, *deals, *matches)


def _imported_photos(session: Session, scenario_id: int) -> tuple[FieldChange, ...]:
    """The photos a roster brought (its Photo column), by lineage: a replay from the log's
    start has them."""
    from revorg.model.editing.photos import PHOTO_FIELD
    from revorg.model.photos import photos_of

    return tuple(
        FieldChange(scenario_id, RecordKind.PHOTO, lineage, PHOTO_FIELD, None, photo.log_text())
        for lineage, photo in sorted(photos_of(session).items())
    )
