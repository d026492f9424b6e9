"""Sending a pulled copy's offline steps back to its team plan (`revorg push FILE URL` on an
existing plan).

Where the copy was taken: a pulled file holds the server's log up to the version it was pulled
at, step ids and hashes included. The newest step of the file that the server has with the
same id and hash is that point (the base); the file's steps after it were made offline. No
other mark is needed, and a copy pulled, edited and pushed twice finds its new base by itself.

Each offline step, oldest first, is played on the team plan as the server has it now (the
log's replay, revorg.model.history.replay, checks that every field still holds the value the
step found), then sent as a step of its own, by its author at its time, guarded by the row
versions as any edit is (revorg.model.team.sending). A step that does not apply conflicts: each
of its fields is listed (who changed it on the server, the server's value, the copy's value),
and the copy's scenario the step was made in is added to the team plan as a new scenario
("Offline edits of Ana, 2026-12-03"), as the copy has it: nothing made offline is lost.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select

from revorg.model.actuals.logged import (
    DamagedImportError,
    first_holding,
    holds_deals,
    logged_deals,
)
from revorg.model.document import PlanDocument
from revorg.model.editing import PlanEditor
from revorg.model.editing.change import WHOLE_RECORD, RecordKind, StepText
from revorg.model.editing.steps import Edit, InsertScenario
from revorg.model.entities import Assumption, DottedLine, Position, Scenario
from revorg.model.errors import QT_TRANSLATE_NOOP
from revorg.model.history.chain import GENESIS, StoredChange, StoredStep, stored_steps
from revorg.model.history.renumber import renumbered_scenario
from revorg.model.history.replay import ReplayError, _Player
from revorg.model.scenarios import snapshot_scenario
from revorg.model.team.address import TeamPlanAddress
from revorg.model.team.conflicts import TeamConflictError
from revorg.model.team.editing import TeamLink, TeamRecorder
from revorg.model.team.errors import TeamPlanError
from revorg.model.team.step_rows import KIND_TABLES, StepToSend
from revorg.model.team.storage import ROW_KEYS

KEPT_NAME = QT_TRANSLATE_NOOP("PlanEditor", "Offline edits of %1, %2")


@dataclass(frozen=True)
class FieldConflict:
    """One field an offline step changed that the server holds another value of."""

    record: str  # "position 12"
    field: str
    server: object
    yours: object
    who: str | None  # the newest server step that changed the record, after the base
    at: str | None


@dataclass
class PushResult:
    base: int  # the server's version the copy was pulled at
    sent: list[StoredStep] = field(default_factory=list)
    refused: list[tuple[StoredStep, list[FieldConflict]]] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # the scenarios that keep the refused steps
    version: int = 0  # the plan's version after the push


def offline_steps(
    copy: PlanDocument, server: PlanDocument, plan: str
) -> tuple[int, list[StoredStep]]:
    """The base (the server's step the copy's first offline step follows: its hash is that
    step's previous hash; 0 for a copy of a plan whose log was empty) and the copy's steps
    from there on; refused when the file is no copy of this plan."""
    theirs = {step.id: step.hash for step in stored_steps(server.session)}
    ours = stored_steps(copy.session)
    offline = [step for step in ours if theirs.get(step.id) != step.hash]
    if not offline:
        if theirs and not ours:
            raise _not_a_copy(plan)
        return max((step.id for step in ours), default=0), []
    follows = {digest: step_id for step_id, digest in theirs.items()}
    first = offline[0]
    if first.previous_hash == GENESIS:
        base = 0
    elif first.previous_hash in follows:
        base = follows[first.previous_hash]
    else:
        raise _not_a_copy(plan)
    # A step pushed before is on the server under another id: the same author, time, name
    # and changes. It is not sent twice.
    landed = {_identity(step) for step in stored_steps(server.session) if step.id > base}
    return base, [step for step in ours if step.id >= first.id and _identity(step) not in landed]


def _identity(step: StoredStep) -> tuple[object, ...]:
    return (step.at, step.who, step.text, step.text_values, step.direction, step.changes)


def _not_a_copy(plan: str) -> TeamPlanError:
    return TeamPlanError(
        QT_TRANSLATE_NOOP(
            "TeamPlanError",
            "plan {plan} already exists and this file is not a copy of it (no step in "
            "common): publish it under another name, or pull a copy",
        ),
        plan=repr(plan),
    )


def push_back(copy: PlanDocument, address: TeamPlanAddress, keeper: str, day: str) -> PushResult:
    """Send `copy`'s offline steps to the team plan at `address`; conflicting ones are listed
    and kept in a new scenario per scenario they were made in, added by `keeper` on `day`."""
    from revorg.model.team.document import TeamPlanDocument

    document = TeamPlanDocument(address, for_editing=True)
    link = TeamLink(document)
    try:
        base, steps = offline_steps(copy, document, address.plan)
        result = PushResult(base)
        memory = document.connection
        for step in steps:
            conflicts = _play(memory, step)
            if conflicts is None:
                try:
                    link.send(
                        StepToSend(
                            step.at,
                            step.who,
                            step.scenario_id,
                            step.text,
                            step.text_values,
                            step.direction,
                            step.changes,
                        )
                    )
                except TeamConflictError:
                    memory.execute("ROLLBACK TO offline_step")
                    memory.execute("RELEASE offline_step")
                    conflicts = _listed(memory, step, base)
                else:
                    memory.execute("RELEASE offline_step")
                    result.sent.append(step)
                    continue
            else:
                conflicts = conflicts or _listed(memory, step, base)
            result.refused.append((step, conflicts))
        document.session.expire_all()
        if result.refused:
            result.kept = _keep(copy, document, link, result, keeper, day)
        result.version = document.version
        return result
    finally:
        link.close()
        document.close()


def _play(memory: sqlite3.Connection, step: StoredStep) -> list[FieldConflict] | None:
    """Play the step on the plan in memory inside the savepoint `offline_step` (left open when
    it applies); the savepoint is gone and a list returned when it does not."""
    memory.execute("SAVEPOINT offline_step")
    try:
        _Player(memory).play([step], backwards=False)
    except (ReplayError, sqlite3.Error):
        memory.execute("ROLLBACK TO offline_step")
        memory.execute("RELEASE offline_step")
        return []
    return None


def _listed(memory: sqlite3.Connection, step: StoredStep, base: int) -> list[FieldConflict]:
    """Each field of the step whose value on the server is not the one the step found."""
    listed: list[FieldConflict] = []
    for change, record_id, old, new in _each_record(step.changes):
        kind = RecordKind(change.record) if change.record in set(RecordKind) else None
        table = KIND_TABLES.get(kind) if kind is not None else None
        name = f"{change.record.replace('_', ' ')} {record_id}"
        server: object = None
        if table is not None and (isinstance(record_id, int) or table == "deals"):
            key = ROW_KEYS[table]
            if change.field == WHOLE_RECORD:
                there = memory.execute(
                    f'SELECT 1 FROM "{table}" WHERE "{key}" = ?', (record_id,)
                ).fetchone()
                server = "(there)" if there else "(removed)"
                if (there is None) == (old is None):
                    continue  # the record is as the step found it
            else:
                row = memory.execute(
                    f'SELECT "{change.field}" FROM "{table}" WHERE "{key}" = ?', (record_id,)
                ).fetchone()
                if row is None:
                    server = "(removed)"
                else:
                    same, server = _server_value(table, change, row[0])
                    if same:
                        continue
        who, at = _last_author(memory, change, base)
        listed.append(FieldConflict(name, change.field, server, new, who, at))
    return listed


def _each_record(changes: Iterable[StoredChange]) -> Iterator[tuple[StoredChange, Any, Any, Any]]:
    """Each change with its record's id and values read; after an import's record, each deal
    it holds (revorg.model.actuals.logged) as a change of its own (named as a deal's record,
    for who changed it last; its values are the ones given beside it)."""
    for change in changes:
        record_id = json.loads(change.record_id)
        old, new = json.loads(change.old), json.loads(change.new)
        yield change, record_id, old, new
        if change.record != RecordKind.DEAL_IMPORT or not holds_deals(new if old is None else old):
            continue
        try:
            deals = logged_deals(old, new)
        except DamagedImportError:
            continue
        for deal in deals:
            logged_id = json.dumps(deal.crm_id, ensure_ascii=False)
            as_deal = dataclasses.replace(change, record=str(RecordKind.DEAL), record_id=logged_id)
            yield as_deal, deal.crm_id, deal.old, deal.new


def _server_value(table: str, change: StoredChange, stored: object) -> tuple[bool, object]:
    """Whether the stored value is the one the step found, and the value as the log writes
    it (an amount, not cents) to show."""
    from revorg.model.history.replay import COLUMNS
    from revorg.model.money import from_cents

    converter = COLUMNS[table].get(change.field)
    old = json.loads(change.old)
    if converter is not None and old is not None and stored is not None:
        try:
            if converter(old) == stored:
                return True, old
        except (ValueError, ArithmeticError, TypeError):
            pass
    if old is None and stored is None:
        return True, None
    if isinstance(stored, int) and change.field in _MONEY_FIELDS.get(table, ()):
        return False, str(from_cents(stored))
    return False, stored


def _money_fields() -> dict[str, tuple[str, ...]]:
    from revorg.model.entities import Base, Money

    return {
        table: tuple(
            column.name
            for column in Base.metadata.tables[table].columns
            if isinstance(column.type, Money)
        )
        for table in KIND_TABLES.values()
    }


_MONEY_FIELDS = _money_fields()


def _last_author(
    memory: sqlite3.Connection, change: StoredChange, base: int
) -> tuple[str | None, str | None]:
    row = memory.execute(
        "SELECT s.who, s.at FROM history_changes c JOIN history_steps s ON s.id = c.step_id "
        "WHERE c.record = ? AND c.record_id = ? AND s.id > ? ORDER BY s.id DESC LIMIT 1",
        (change.record, change.record_id, base),
    ).fetchone()
    if row is None and change.record == RecordKind.DEAL:  # in an import's record
        row = first_holding(
            memory.execute(
                "SELECT s.who, s.at, c.old, c.new FROM history_changes c JOIN history_steps s "
                "ON s.id = c.step_id WHERE c.record = 'deal_import' AND s.id > ? "
                "AND instr(c.new || c.old, ?) > 0 ORDER BY s.id DESC",
                (base, change.record_id),
            ),
            json.loads(change.record_id),
        )
    return (None, None) if row is None else (str(row[0]), str(row[1]))


def _keep(
    copy: PlanDocument,
    document: PlanDocument,
    link: TeamLink,
    result: PushResult,
    keeper: str,
    day: str,
) -> list[str]:
    """The copy's scenarios the refused steps were made in, added as new scenarios."""
    editor = PlanEditor(document)
    from revorg.model.history.recording import attach_recorder

    attach_recorder(editor, keeper)
    editor.add_recorder(TeamRecorder(editor, link, lambda: keeper))
    scenario_ids = list(dict.fromkeys(step.scenario_id for step, _ in result.refused))
    present = [sid for sid in scenario_ids if copy.session.get(Scenario, sid) is not None]
    kept: list[str] = []
    for scenario_id in present:
        source = copy.session.get(Scenario, scenario_id)
        assert source is not None
        base_name = f"Offline edits of {keeper}, {day}"
        if len(present) > 1:
            base_name += f" ({source.name})"
        name = _free_name(document, base_name)
        snapshot = renumbered_scenario(
            snapshot_scenario(copy.session, scenario_id),
            _next_id(document, Scenario.id),
            name,
            (document.session.scalar(select(func.max(Scenario.sort_order))) or 0) + 1,
            {
                "positions": _next_id(document, Position.id),
                "assumptions": _next_id(document, Assumption.id),
                "dotted_lines": _next_id(document, DottedLine.id),
            },
        )
        edit = Edit(
            StepText(KEPT_NAME, (keeper, day)), editor.scenario_id, InsertScenario(snapshot)
        )
        editor.perform(edit)
        kept.append(name)
    return kept


def _free_name(document: PlanDocument, name: str) -> str:
    taken = set(document.session.scalars(select(Scenario.name)))
    candidate, number = name, 2
    while candidate in taken:
        candidate, number = f"{name} ({number})", number + 1
    return candidate


def _next_id(document: PlanDocument, column: Any) -> int:
    return int(document.session.scalar(select(func.max(column))) or 0) + 1
