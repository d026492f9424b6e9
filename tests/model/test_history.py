"""The change log (issue 16): every edit, undo and redo recorded in the same transaction as
the edit, with who, when and each value before and after; a hash chain that shows a log edited
outside RevOrg; a damaged log that never stops the plan from opening; compaction."""

from __future__ import annotations

import re
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from revorg.model.document import PlanDocument
from revorg.model.editing import Change, Edit, PlanEditor, requests
from revorg.model.errors import PlanEditError
from revorg.model.history.chain import verify
from revorg.model.history.compaction import compact_before
from revorg.model.history.reading import LoggedStep, read_steps, step_count
from revorg.model.history.recording import ChangeRecorder, attach_recorder
from revorg.model.history.values import canonical, plain
from revorg.model.months import YearMonth
from revorg.model.seasonality import Seasonality
from revorg.model.summary import summarize

COPY_NAMES = ("{name} (copy)", "{name} (copy {number})")


class Clock:
    """UTC times handed to the recorder: one day after another, so that tests can cut by day."""

    def __init__(self) -> None:
        self.day = 1

    def __call__(self) -> str:
        return f"2027-01-{self.day:02d}T09:30:00Z"


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def editor(clock: Clock) -> Iterator[PlanEditor]:
    document = PlanDocument.from_template("demo", 2027)
    editor = PlanEditor(document)
    editor.add_recorder(ChangeRecorder(editor, lambda: "Ana", clock))
    yield editor
    document.close()


def by_title(editor: PlanEditor, title: str) -> int:
    return next(row.id for row in editor.positions().values() if row.title == title)


def saved_copy(editor: PlanEditor, tmp_path: Path) -> Path:
    """The plan saved, then copied to a file nobody holds open (as if sent by e-mail)."""
    editor.document.save_as(tmp_path / "saved.revorg")
    path = tmp_path / "plan.revorg"
    shutil.copyfile(tmp_path / "saved.revorg", path)
    return path


def last_step(editor: PlanEditor) -> LoggedStep:
    return read_steps(editor.session, limit=1)[0]


def stored(step: LoggedStep) -> list[dict[str, Any]]:
    """The step's changes with their values as stored (a whole record's full row)."""
    return [
        {"record": c.record, "id": c.record_id, "field": c.field, "old": c.old, "new": c.new}
        for c in step.changes
    ]


def as_logged(change: Change) -> list[dict[str, Any]]:
    """The change's records as the log gives them back (JSON values)."""
    return [
        {
            "record": str(r.record),
            "id": r.record_id,
            "field": r.field,
            "old": plain(r.old),
            "new": plain(r.new),
        }
        for r in change.records
    ]


# --- recording each kind of edit ----------------------------------------------------------------

EDITS: dict[str, Callable[[PlanEditor], Edit | None]] = {
    "add a role": lambda e: requests.add_role(e, "sdr", by_title(e, "SDR Manager")),
    "duplicate": lambda e: requests.duplicate(e, by_title(e, "Support Engineer")),
    "move": lambda e: requests.move(e, by_title(e, "Support Engineer"), by_title(e, "VP Sales")),
    "delete": lambda e: requests.delete(e, [by_title(e, "SDR Manager")], keep_reports=False),
    "edit fields": lambda e: requests.edit_fields(
        e, by_title(e, "Customer Success Managers"), {"headcount": 3}
    ),
    "dotted line": lambda e: requests.set_dotted_line(
        e, by_title(e, "Account Manager"), by_title(e, "VP Sales"), True
    ),
    "suggested hires": lambda e: requests.apply_suggested_hires(e),
    "target": lambda e: requests.set_target(e, "goal", Decimal(1200000)),
    "seasonality": lambda e: requests.set_seasonality(
        e, Seasonality.parse("5,7.5,12.5,5,7.5,12.5,5,7.5,12.5,5,7.5,12.5")
    ),
    "assumption": lambda e: requests.set_assumption(e, 1, Decimal("0.3")),
    "copy scenario": lambda e: requests.copy_scenario(e, COPY_NAMES, "Stretch"),
    "rename scenario": lambda e: requests.rename_scenario(e, e.scenario_id, "Board"),
    "plan settings": lambda e: requests.plan_settings(e, "Plan X", "USD", 2028, 4),
}


@pytest.mark.parametrize("kind", EDITS)
def test_each_kind_of_edit_is_one_step_with_its_field_changes(
    editor: PlanEditor, kind: str
) -> None:
    made_in = editor.scenario_id
    edit = EDITS[kind](editor)
    assert edit is not None
    change = editor.perform(edit)

    step = last_step(editor)
    assert (step.id, step.who, step.at, step.direction) == (1, "Ana", "2027-01-01T09:30:00Z", "do")
    assert step.scenario_id == made_in
    assert step.text.english() == edit.text.english()
    assert change.records  # every kind of edit changes at least one value
    assert stored(step) == as_logged(change)
    assert verify(editor.session) is None


def test_a_scenario_deleted_keeps_its_steps(editor: PlanEditor) -> None:
    editor.perform(requests.copy_scenario(editor, COPY_NAMES, "Stretch"))
    stretch = editor.scenario_id
    editor.perform(requests.set_target(editor, "leads", 400))
    editor.perform(requests.delete_scenario(editor, stretch))

    steps = read_steps(editor.session)
    assert [s.text.english() for s in steps] == [
        "Delete scenario Stretch",
        "Edit leads",
        "New scenario Stretch",
    ]
    assert steps[0].changes[0].to_json() == {
        "record": "scenario",
        "id": stretch,
        "field": "*",
        "old": "Stretch",
        "new": None,
        "row": {
            "id": stretch,
            "plan_id": 1,
            "name": "Stretch",
            "sort_order": 1,
            "snapshot_at": None,
            "snapshot_by": None,
            "snapshot_of": None,
        },
    }
    # The log keeps every row of the deleted scenario (the demo's 19 positions), so that it
    # can be put back; the copy that made it kept only which scenario it copied.
    removed = steps[0].changes[0].old
    assert len(removed["rows"]["positions"]["rows"]) == 19
    assert removed["rows"]["targets"]["leads"] == 400
    assert steps[2].changes[0].new["copy_of"] == 1
    # The deleted scenario's steps are still there, by its id.
    assert [s.text.english() for s in read_steps(editor.session, stretch)] == [
        "Delete scenario Stretch", "Edit leads", "New scenario Stretch"
    ]  # fmt: skip
    assert verify(editor.session) is None


def test_values_are_exact_text(editor: PlanEditor) -> None:
    editor.perform(requests.set_target(editor, "goal", Decimal(1200000)))
    editor.perform(requests.set_assumption(editor, 1, Decimal("0.3")))
    seo = by_title(editor, "SEO Specialist")
    editor.perform(requests.plan_settings(editor, fiscal_start_month=4))

    goal, rate, settings = reversed(read_steps(editor.session))
    assert [(c.field, c.old, c.new) for c in goal.changes] == [("goal", "1000000.00", "1200000.00")]
    assert [(c.field, c.old, c.new) for c in rate.changes] == [("value", "0.25", "0.3")]
    moved = {c.record_id: (c.old, c.new) for c in settings.changes if c.field == "start_month"}
    assert moved[seo] == ("2027-03", "2027-06")  # March, the third month, stays the third
    assert (
        canonical({"b": YearMonth(2027, 3), "a": Decimal("1.50")}) == '{"a":"1.50","b":"2027-03"}'
    )


# --- undo and redo; the same transaction --------------------------------------------------------


def test_undo_and_redo_are_steps_too_and_the_log_only_grows(
    editor: PlanEditor, clock: Clock
) -> None:
    csm = by_title(editor, "Customer Success Managers")
    edit = requests.edit_fields(editor, csm, {"headcount": 3})
    assert edit is not None
    editor.apply(edit)
    clock.day = 2
    editor.revert(edit)
    clock.day = 3
    editor.apply(edit)

    steps = read_steps(editor.session)
    assert [(s.id, s.direction, s.at[:10]) for s in steps] == [
        (3, "redo", "2027-01-03"),
        (2, "undo", "2027-01-02"),
        (1, "do", "2027-01-01"),
    ]
    assert [(c.old, c.new) for s in steps for c in s.changes] == [(2, 3), (3, 2), (2, 3)]
    assert {s.text.english() for s in steps} == {"Edit Customer Success Managers"}
    assert verify(editor.session) is None


def test_a_new_edit_object_of_the_same_change_is_a_do(editor: PlanEditor) -> None:
    for value in (400, 300, 400):
        editor.perform(requests.set_target(editor, "leads", value))
    assert [s.direction for s in read_steps(editor.session)] == ["do", "do", "do"]


def test_a_failing_log_write_rolls_the_edit_back(editor: PlanEditor) -> None:
    def refuse(_edit: Edit, _change: Change) -> None:
        raise PlanEditError("the disk is full")

    editor.add_recorder(refuse)  # runs after the log's recorder, in the same savepoint
    edit = requests.set_target(editor, "goal", Decimal(1500000))
    assert edit is not None
    with pytest.raises(PlanEditError, match="disk is full"):
        editor.apply(edit)

    assert step_count(editor.session) == 0  # the step written first was rolled back too
    assert editor.summary().outcome.gap == 0  # and the goal is still 1,000,000


def test_a_step_that_fails_leaves_no_step(editor: PlanEditor) -> None:
    support = by_title(editor, "Support Engineer")
    edit = requests.edit_fields(editor, support, {"title": "Support lead"})
    assert edit is not None
    editor.perform(requests.delete(editor, [support], keep_reports=False))
    with pytest.raises(PlanEditError, match="no position"):
        editor.apply(edit)
    assert [s.text.english() for s in read_steps(editor.session)] == ["Delete Support Engineer"]


def test_the_log_is_saved_with_the_plan(editor: PlanEditor, tmp_path: Path) -> None:
    editor.perform(requests.set_target(editor, "goal", Decimal(1200000)))
    path = tmp_path / "plan.revorg"
    editor.document.save_as(path)
    with PlanDocument.open(path, for_editing=False) as reopened:
        (step,) = read_steps(reopened.session)
        assert (step.who, step.changes[0].new) == ("Ana", "1200000.00")
        assert verify(reopened.session) is None


def test_without_a_name_the_system_user_is_recorded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOGNAME", "rosa")
    monkeypatch.setenv("USER", "rosa")
    with PlanDocument.from_template("demo", 2027) as document:
        editor = PlanEditor(document)
        attach_recorder(editor)
        editor.perform(requests.set_target(editor, "leads", 400))
        assert last_step(editor).who == "rosa"


# --- the hash chain -----------------------------------------------------------------------------


def three_steps(editor: PlanEditor) -> None:
    for value in (310, 320, 330):
        editor.perform(requests.set_target(editor, "leads", value))


TAMPERING = {
    "a value changed": ("UPDATE history_changes SET new = '999' WHERE step_id = 2", 2),
    "the name changed": ("UPDATE history_steps SET who = 'Eve' WHERE id = 2", 2),
    "a field change removed": ("DELETE FROM history_changes WHERE step_id = 2", 2),
    "a field change added": (
        "INSERT INTO history_changes (step_id, scenario_id, record, record_id, field, old, new) "
        "VALUES (1, 1, 'target', '1', 'goal', '0', '1')",
        1,
    ),
    "a step removed": ("DELETE FROM history_steps WHERE id = 2", 3),
    "the last step removed": ("DELETE FROM history_steps WHERE id = 3", 2),
    "the first step removed": ("DELETE FROM history_steps WHERE id = 1", 2),
    "the start of the chain removed": ("DELETE FROM history_chain", 1),
}


@pytest.mark.parametrize("kind", TAMPERING)
def test_a_log_edited_outside_revorg_is_reported_at_the_first_bad_step(
    editor: PlanEditor, tmp_path: Path, kind: str
) -> None:
    three_steps(editor)
    path = saved_copy(editor, tmp_path)
    sql, first_bad = TAMPERING[kind]
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute(sql)
    connection.commit()
    connection.close()

    with PlanDocument.open(path) as reopened:  # the plan still opens, for editing too
        problem = verify(reopened.session)
        assert problem is not None and problem.step_id == first_bad, problem
        # 330 leads x 10 % x 12,000 + 640,000 retained, as saved.
        assert summarize(reopened.session, reopened.scenario()).outcome.total == 1036000


def test_an_untouched_log_of_many_steps_verifies(editor: PlanEditor) -> None:
    for value in range(301, 351):
        editor.perform(requests.set_target(editor, "leads", value))
    assert verify(editor.session) is None
    assert step_count(editor.session) == 50


# --- a damaged log ------------------------------------------------------------------------------

DAMAGE = {
    "bad JSON": "UPDATE history_changes SET old = '{not json' WHERE step_id = 1",
    "bad UTF-8": "UPDATE history_steps SET who = CAST(X'416EFF61' AS TEXT) WHERE id = 1",
    "a hash that is text": "UPDATE history_steps SET hash = 'x' WHERE id = 1",
    "a head that is text": "UPDATE history_chain SET head = 'x'",
    "every step gone": "DELETE FROM history_steps",
}


@pytest.mark.parametrize("kind", DAMAGE)
def test_a_damaged_log_never_stops_the_plan_and_says_so(
    editor: PlanEditor, tmp_path: Path, kind: str
) -> None:
    editor.perform(requests.set_target(editor, "goal", Decimal(1200000)))
    path = saved_copy(editor, tmp_path)
    connection = sqlite3.connect(path)
    connection.execute(DAMAGE[kind])
    connection.commit()
    connection.close()

    with PlanDocument.open(path) as reopened:
        assert verify(reopened.session) is not None  # says so
        steps = read_steps(reopened.session)  # and still lists what it can
        assert len(steps) == (0 if kind == "every step gone" else 1)
        # The plan is whole and editable, and its next edits are recorded.
        reopened_editor = PlanEditor(reopened)
        attach_recorder(reopened_editor, "Ana")
        reopened_editor.perform(requests.set_target(reopened_editor, "leads", 400))
        assert read_steps(reopened.session, limit=1)[0].changes[0].new == 400
        # 400 leads x 10 % x 12,000 + 640,000 retained.
        assert reopened_editor.summary().outcome.total == 1120000
        reopened.save()
    if kind == "bad JSON":
        with PlanDocument.open(path, for_editing=False) as again:
            assert read_steps(again.session)[-1].changes[0].old == "{not json"


def test_opening_and_summarising_never_read_the_log(
    editor: PlanEditor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    three_steps(editor)
    path = saved_copy(editor, tmp_path)
    statements: list[str] = []
    from revorg.model.store import database, reading

    def traced() -> sqlite3.Connection:
        connection = database.connect_memory()
        connection.set_trace_callback(statements.append)
        return connection

    monkeypatch.setattr(reading, "connect_memory", traced)
    with PlanDocument.open(path) as document:
        summarize(document.session, document.scenario())
    assert statements  # the trace saw the opening
    reads = [s for s in statements if re.search(r"FROM\s+\"?history_", s, re.IGNORECASE)]
    assert reads == []


# --- compaction ---------------------------------------------------------------------------------


def test_compaction_drops_the_steps_before_a_day_and_the_rest_still_verifies(
    editor: PlanEditor, clock: Clock
) -> None:
    import datetime

    for day, value in ((1, 310), (2, 320), (3, 330), (4, 340)):
        clock.day = day
        editor.perform(requests.set_target(editor, "leads", value))

    result = compact_before(editor.session, datetime.date(2027, 1, 3))

    assert (result.dropped, result.kept) == (2, 2)
    assert [s.id for s in read_steps(editor.session)] == [4, 3]
    assert verify(editor.session) is None
    clock.day = 5
    editor.perform(requests.set_target(editor, "leads", 350))
    assert [s.id for s in read_steps(editor.session)] == [5, 4, 3]
    assert verify(editor.session) is None
    # Still tamper-evident after the cut.
    editor.session.execute(text("UPDATE history_changes SET new = '1' WHERE step_id = 4"))
    problem = verify(editor.session)
    assert problem is not None and problem.step_id == 4


def test_compacting_everything_keeps_ids_unique(editor: PlanEditor, clock: Clock) -> None:
    import datetime

    three_steps(editor)
    assert compact_before(editor.session, datetime.date(2028, 1, 1)).dropped == 3
    assert verify(editor.session) is None
    editor.perform(requests.set_target(editor, "leads", 400))
    assert [s.id for s in read_steps(editor.session)] == [4]
    assert verify(editor.session) is None


def test_only_two_first_time_edits_of_the_same_field_fold(editor: PlanEditor) -> None:
    from revorg.model.history.recording import fold_typing

    editor.perform(requests.set_target(editor, "leads", 310))
    editor.perform(requests.set_target(editor, "goal", Decimal(1100000)))
    assert not fold_typing(editor.session)  # another field
    editor.perform(requests.set_target(editor, "goal", Decimal(1200000)))
    assert fold_typing(editor.session)
    edit = requests.set_target(editor, "goal", Decimal(1300000))
    assert edit is not None
    editor.apply(edit)
    editor.revert(edit)
    assert not fold_typing(editor.session)  # an undo is its own step

    steps = read_steps(editor.session)
    assert [(s.id, s.direction, s.changes[0].field) for s in steps] == [
        (5, "undo", "goal"), (4, "do", "goal"), (2, "do", "goal"), (1, "do", "leads")
    ]  # fmt: skip
    assert [(c.old, c.new) for c in steps[2].changes] == [("1000000.00", "1200000.00")]
    assert verify(editor.session) is None
