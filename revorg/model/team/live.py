"""Teammates' steps taken into an open team plan as they are made. No Qt.

A `PlanListener` holds its own psycopg connection, which `LISTEN`s on the plan's channels: the
log's (each step's id, from the trigger publishing installs: storage.step_notice_statements)
and the presence list's (revorg.model.team.presence). It never blocks: the caller watches its
socket (`fileno()`; the window with a QSocketNotifier) and drains `notices()`.

`LivePlan.catch_up(editor)` reads, in one snapshot of the server, the steps after the last one
the copy has and every row's version; plays the teammates' steps on the in-memory plan with the
log's own replay (revorg.model.history.replay: each field must hold the value the step found,
else the step is refused), appends them to the local log (History shows them, by their author),
and moves the row versions the Sender reads and the document's version on, so the user's next
edit of a row a teammate changed is not a false conflict. The copy's own steps (the server's ids
in `document.sent_steps`) are already applied and are skipped. A gap in the steps (a compacted
log) or a step the copy cannot apply rolls everything back: the caller reloads the plan, never
a half-applied copy. The `Change` returned is what an edit of those records would have said,
so the window's incremental paths redraw only what changed.

Undo after a teammate's change: the row version no longer refuses it once catch-up moved the
versions on, so `undo_refusal(edit)` compares, field by field, when the user's edit was last
applied (or undone) with when a teammate's step changed the same field.
"""

from __future__ import annotations

import json
import sqlite3
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session
from sqlalchemy.orm.util import identity_key

from revorg.model.actuals.logged import DamagedImportError, imported_ids
from revorg.model.bulk import driver_connection
from revorg.model.editing.change import WHOLE_RECORD, Change, FieldChange, RecordKind, StepText
from revorg.model.editing.editor import PlanEditor
from revorg.model.editing.steps import Edit
from revorg.model.entities import Assumption, DottedLine, Plan, Position, Scenario, Targets
from revorg.model.errors import QT_TRANSLATE_NOOP
from revorg.model.history.chain import StoredChange, StoredStep
from revorg.model.history.reading import _step_text
from revorg.model.history.recording import append_step
from revorg.model.history.replay import ReplayError, _Player
from revorg.model.history.values import canonical
from revorg.model.scenario_rows import RowsChange
from revorg.model.team.conflicts import TeamConflictError
from revorg.model.team.document import TeamPlanDocument
from revorg.model.team.roles import SHARED_LOG_VIEW
from revorg.model.team.salaries import as_held
from revorg.model.team.server import connect, explained
from revorg.model.team.step_rows import RowKey
from revorg.model.team.storage import (
    ROW_VERSION,
    VERSIONED_TABLES,
    row_key_sql,
    step_channel,
)
from revorg.model.team.waiting import ServerWait, shut_down, wait_here

if TYPE_CHECKING:
    import psycopg

ENTITIES: dict[RecordKind, type[Any]] = {
    RecordKind.POSITION: Position,
    RecordKind.TARGET: Targets,
    RecordKind.ASSUMPTION: Assumption,
    RecordKind.SCENARIO: Scenario,
    RecordKind.DOTTED_LINE: DottedLine,
    RecordKind.PLAN: Plan,
}
FieldKey = tuple[str, str, str]  # record, record id (canonical JSON), field


def presence_channel(plan_id: int) -> str:
    """The channel on which a plan's presence list announces a change (revision 0004)."""
    return f"revorg_presence_{int(plan_id)}"


class PlanListener:
    """A connection of its own that listens to one plan's log and presence list."""

    def __init__(self, document: TeamPlanDocument) -> None:
        from psycopg import sql

        self.address = document.address
        self.plan_id = document.registered.id
        self.connection: psycopg.Connection[Any] = connect(self.address)
        self.connection.autocommit = True
        try:
            for channel in (step_channel(self.plan_id), presence_channel(self.plan_id)):
                self.connection.execute(sql.SQL("LISTEN {}").format(sql.Identifier(channel)))
        except BaseException:
            self.connection.close()
            raise

    def fileno(self) -> int:
        return self.connection.fileno()

    def notices(self) -> list[tuple[str, str]]:
        """The notifications received so far (channel, payload), without waiting."""
        import psycopg

        try:
            return [(n.channel, n.payload) for n in self.connection.notifies(timeout=0)]
        except psycopg.Error as error:
            raise explained(error, self.address) from None

    def has_steps(self, notices: Iterable[tuple[str, str]]) -> bool:
        return any(channel == step_channel(self.plan_id) for channel, _ in notices)

    def has_presence(self, notices: Iterable[tuple[str, str]]) -> bool:
        return any(channel == presence_channel(self.plan_id) for channel, _ in notices)

    def close(self) -> None:
        self.connection.close()


@dataclass(frozen=True)
class CatchUp:
    """What a catch-up did: the Change for the views (None: nothing new of the teammates),
    the teammates' steps taken in, and whether the copy could not take them (reload)."""

    change: Change | None
    steps: tuple[StoredStep, ...] = ()
    reload: bool = False


@dataclass(frozen=True)
class _TeammateField:
    serial: int
    who: str
    at: str


class LivePlan:
    """An open team plan kept up to date with its teammates' steps."""

    def __init__(self, document: TeamPlanDocument, listener: PlanListener | None = None) -> None:
        self.document = document
        self.listener = listener if listener is not None else PlanListener(document)
        self.seen = document.version  # the server's newest step this copy has taken in
        self._serial = 0  # orders the user's edits and the teammates' steps taken in
        self._teammates: dict[tuple[str, str], dict[str, _TeammateField]] = {}
        self._own: dict[int, tuple[weakref.ref[Edit], int, tuple[FieldKey, ...]]] = {}
        self._pending: tuple[Edit, tuple[FieldKey, ...]] | None = None
        # Reading the steps waits for the server: the window reads them on a worker thread
        # (revorg.model.team.waiting); playing them into the plan stays on the caller's.
        self.wait_for_server: ServerWait = wait_here
        # Whether a step of the log is the user's own whose answer was lost (the window's
        # session says: revorg.model.team.in_doubt); such a step is not a teammate's.
        self.is_own_step: Callable[[StoredStep], bool] = lambda _step: False

    # --- the user's own edits: when each was last applied -----------------------------------

    def watch(self, editor: PlanEditor) -> None:
        """Note when each of the user's edits (and undos) is made, for `undo_refusal`."""
        editor.add_recorder(self._noting)
        editor.subscribe(self._noted)

    def _noting(self, edit: Edit, change: Change) -> None:
        keys = tuple(
            key
            for c in change.records
            for key in _field_keys(str(c.record), canonical(c.record_id), c.field, c.old, c.new)
        )
        self._pending = (edit, keys)

    def _noted(self, _change: Change) -> None:
        if self._pending is None:
            return
        edit, keys = self._pending
        self._pending = None
        self._serial += 1
        key = id(edit)
        self._own[key] = (
            weakref.ref(edit, lambda _gone: self._own.pop(key, None)),
            self._serial,
            keys,
        )

    def undo_refusal(self, edit: Edit) -> TeamConflictError | None:
        """Why undoing (or redoing) `edit` would overwrite a teammate's value: a teammate's
        step taken in since the edit was last applied changed a field it set. None: go on."""
        entry = self._own.get(id(edit))
        if entry is None or entry[0]() is not edit:
            return None
        _ref, serial, keys = entry
        for record, record_id, field in keys:
            for name, theirs in self._teammates.get((record, record_id), {}).items():
                same = WHOLE_RECORD in (field, name) or name == field
                if same and theirs.serial > serial:
                    return TeamConflictError(
                        QT_TRANSLATE_NOOP(
                            "TeamPlanError",
                            "{who} changed {record} since your edit (at {at}): undoing it "
                            "would overwrite their change, so it was not undone",
                        ),
                        who=theirs.who,
                        record=f"{record.replace('_', ' ')} {record_id}",
                        at=theirs.at,
                    )
        return None

    # --- taking the teammates' steps in -----------------------------------------------------

    def catch_up(self, editor: PlanEditor | None = None) -> CatchUp:
        """Take in the steps the server has after `seen`; the editor's cached rows, tree and
        sums are updated in place (without an editor, the Change says to read everything)."""
        steps, versions = self.wait_for_server(
            self._read_server, lambda: shut_down(self.listener.connection)
        )
        if not steps:
            return CatchUp(None)
        document = self.document
        wanted = range(self.seen + 1, steps[-1].id + 1)
        have = {step.id for step in steps}
        if any(number not in have for number in wanted):  # compacted, or not readable
            return CatchUp(None, tuple(steps), reload=True)
        taken = [step for step in steps if step.id not in document.sent_steps]
        if taken and not self._apply(taken):
            return CatchUp(None, tuple(taken), reload=True)
        # The copy is now the server's snapshot: every row at the version read with it.
        document.row_versions.clear()
        document.row_versions.update(versions)
        self.seen = steps[-1].id
        document.version = max(document.version, self.seen)
        if not taken:
            return CatchUp(None)
        # The user's own steps whose answer was lost (revorg.model.team.in_doubt) come in from
        # the log too, but are not a teammate's: they guard no undo and are not announced.
        theirs = [
            step
            for step in taken
            if step.id not in document.landed_steps and not self.is_own_step(step)
        ]
        for step in theirs:
            self._serial += 1
            for c in step.changes:
                logged = c.old, c.new
                if c.record == RecordKind.DEAL_IMPORT:  # only an import's deals are needed
                    logged = json.loads(c.old), json.loads(c.new)
                for record, record_id, name in _field_keys(c.record, c.record_id, c.field, *logged):
                    self._teammates.setdefault((record, record_id), {})[name] = _TeammateField(
                        self._serial, step.who, step.at
                    )
        records = tuple(_field_change(c) for step in taken for c in step.changes)
        _expire(document.session, records)
        last = taken[-1]
        text = _step_text(last.text, last.text_values)
        return CatchUp(_change_for(editor, document, records, text), tuple(theirs))

    def _apply(self, steps: list[StoredStep]) -> bool:
        """Play the steps and append them to the local log, all or nothing."""
        session = self.document.session
        try:
            with session.begin_nested():
                connection = driver_connection(session)
                played = (
                    [as_held(step) for step in steps] if self.document.without_salaries else steps
                )
                _Player(connection).play(played, backwards=False)
                for step in steps:
                    append_step(
                        connection, step.at, step.who, step.scenario_id, step.text,
                        step.text_values, step.direction, step.changes,
                    )  # fmt: skip
        except (ReplayError, sqlite3.Error):
            return False
        return True

    def _read_server(self) -> tuple[list[StoredStep], dict[RowKey, int]]:
        """The steps after `seen` (with their changes) and every row's version, in one
        snapshot."""
        import psycopg

        schema = self.document.registered.schema
        changes_table = SHARED_LOG_VIEW if self.document.without_salaries else "history_changes"
        connection = self.listener.connection
        try:
            connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            try:
                rows = connection.execute(
                    "SELECT id, at, who, scenario_id, text, text_values, direction, "
                    f'previous_hash, hash FROM "{schema}".history_steps WHERE id > %s ORDER BY id',
                    (self.seen,),
                ).fetchall()
                changes: dict[int, list[StoredChange]] = {}
                for row in connection.execute(
                    "SELECT step_id, scenario_id, record, record_id, field, old, new "
                    f'FROM "{schema}".{changes_table} WHERE step_id > %s ORDER BY id',
                    (self.seen,),
                ):
                    changes.setdefault(int(row[0]), []).append(
                        StoredChange(int(row[1]), *(str(value) for value in row[2:]))
                    )
                versions: dict[RowKey, int] = {}
                if rows:  # keyed as the first read keys them (revorg.model.team.copying)
                    for table in VERSIONED_TABLES:
                        for key, version in connection.execute(
                            f'SELECT {row_key_sql(table)}, {ROW_VERSION} FROM "{schema}"."{table}"'
                        ):
                            versions[(table, key)] = int(version)
            finally:
                connection.execute("COMMIT")
        except psycopg.Error as error:
            raise explained(error, self.document.address) from None
        steps = [
            StoredStep(
                int(row[0]),
                str(row[1]),
                str(row[2]),
                int(row[3]),
                str(row[4]),
                str(row[5]),
                str(row[6]),
                bytes(row[7]),
                bytes(row[8]),
                tuple(changes.get(int(row[0]), ())),
            )
            for row in rows
        ]
        return steps, versions

    def rebind(self, document: TeamPlanDocument) -> None:
        """The same plan read again (a reload): its copy is at the version it was read at."""
        self.document = document
        self.seen = document.version
        self._teammates.clear()
        self._own.clear()
        self._pending = None

    def reconnect(self) -> None:
        """A new listening connection (the server went away and came back); the steps made
        meanwhile are read by the next catch-up, from `seen`."""
        self.listener.close()
        self.listener = PlanListener(self.document)

    def close(self) -> None:
        self.listener.close()


def _field_keys(record: str, record_id: str, field: str, old: Any, new: Any) -> list[FieldKey]:
    """The fields a change sets: its own, and for an import's record each deal it holds
    (revorg.model.actuals.logged), so that undoing an import is refused when a teammate's
    later import changed one of its deals, as it was when the log kept one record per deal."""
    keys = [(record, record_id, field)]
    if record == RecordKind.DEAL_IMPORT and field == WHOLE_RECORD:
        try:
            crm_ids = imported_ids(new if old is None else old)
        except DamagedImportError:
            crm_ids = []
        deal = str(RecordKind.DEAL)
        keys += [(deal, canonical(crm_id), WHOLE_RECORD) for crm_id in crm_ids]
    return keys


def _field_change(change: StoredChange) -> FieldChange:
    return FieldChange(
        change.scenario_id,
        RecordKind(change.record),
        json.loads(change.record_id),
        change.field,
        json.loads(change.old),
        json.loads(change.new),
    )


def _expire(session: Session, records: tuple[FieldChange, ...]) -> None:
    """The ORM's objects of the records the steps changed are read again when next used (the
    steps were played in SQL, under the ORM); a record added or removed, or a scenario's
    change, makes the scenarios' and the plan's lists read again too."""
    lists = False
    for record in records:
        entity = ENTITIES.get(record.record)
        if entity is None:
            continue
        found = session.identity_map.get(identity_key(entity, record.record_id))
        if found is not None:
            if record.field == WHOLE_RECORD and record.new is None:
                session.expunge(found)
            else:
                session.expire(found)
        if record.field == WHOLE_RECORD or record.record == RecordKind.SCENARIO:
            lists = True
    if lists:
        for found in list(session.identity_map.values()):
            if isinstance(found, Scenario | Plan):
                session.expire(found)


def _change_for(
    editor: PlanEditor | None,
    document: TeamPlanDocument,
    records: tuple[FieldChange, ...],
    text: StepText,
) -> Change:
    """What the steps did, as the edit core would have told it for the scenario on screen."""
    kinds = {record.record for record in records}
    scenarios = RecordKind.SCENARIO in kinds
    plan = RecordKind.PLAN in kinds
    if editor is None:
        return Change(text, document.scenario().id, reloaded=True, scenarios=scenarios,
                      plan=plan, records=records)  # fmt: skip
    current = editor.scenario_id
    mine = [record for record in records if record.scenario_id == current]
    common: dict[str, Any] = {
        "scenarios": scenarios,
        "plan": plan,
        "records": records,
        "dotted_lines": any(
            r.record == RecordKind.DOTTED_LINE
            or (r.record == RecordKind.POSITION and r.field == WHOLE_RECORD)
            for r in mine
        ),
        "targets": tuple(dict.fromkeys(r.field for r in mine if r.record == RecordKind.TARGET)),
        "assumptions": tuple(
            dict.fromkeys(int(str(r.record_id)) for r in mine if r.record == RecordKind.ASSUMPTION)
        ),
    }
    editor.forget_summary()
    if document.session.get(Scenario, current) is None:  # a teammate removed it
        editor.switch_scenario(document.scenario().id)
        return Change(text, editor.scenario_id, switched=True, **common)
    if plan:  # another fiscal year or currency: every number is read again
        editor.invalidate()
        return Change(text, current, reloaded=True, **common)
    touched = {int(str(r.record_id)) for r in mine if r.record == RecordKind.POSITION}
    if not touched:
        return Change(text, current, **common)
    if not editor.has_cached_rows():
        editor.forget_entities()
        return Change(text, current, reloaded=True, **common)
    rows: RowsChange = editor.refresh_rows(touched)
    if rows.added or rows.removed:
        document.session.expire(editor.scenario, ["dotted_lines"])
    return Change(text, current, rows=rows, **common)
