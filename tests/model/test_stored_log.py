"""A long change log stays in the plan file at open (issue 16: opening does not read the log)
and is read in the first time something asks for it: the history, a replay, a save. What a
user sees is the same as with the whole file read at open; a log that cannot be read in later
never stops the plan."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from revorg.model.document import PlanDocument
from revorg.model.editing import PlanEditor, requests
from revorg.model.history.chain import stored_steps, verify
from revorg.model.history.reading import step_count
from revorg.model.history.recording import ChangeRecorder, fold_typing
from revorg.model.history.replay import state_after
from revorg.model.store import stored_log
from revorg.model.store.reading import read_plan_file
from revorg.model.summary import summarize

GOALS = [Decimal(1_000_000 + 10_000 * n) for n in range(1, 41)]  # 40 steps


@pytest.fixture(autouse=True)
def any_log_is_long(monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo plan's log of 40 steps counts as most of its file, as 100,000 steps would."""
    monkeypatch.setattr(stored_log, "LAZY_LOG_MIN_BYTES", 0)
    monkeypatch.setattr(stored_log, "STEP_BYTES", 1_000_000)


def recorded(document: PlanDocument) -> PlanEditor:
    editor = PlanEditor(document)
    editor.add_recorder(ChangeRecorder(editor, lambda: "Ana", lambda: "2027-01-05T09:30:00Z"))
    return editor


@pytest.fixture
def plan_file(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "logged.revorg"
    with PlanDocument.from_template("demo", 2027) as document:
        editor = recorded(document)
        for goal in GOALS:
            edit = requests.set_target(editor, "goal", goal)
            assert edit is not None
            editor.perform(edit)
        document.save_as(path)
    yield path


def steps_in_memory(document: PlanDocument) -> int:
    """Counted on the driver's connection, which does not read the log in."""
    return int(document.connection.execute("SELECT count(*) FROM history_steps").fetchone()[0])


def test_opening_keeps_the_log_in_the_file_and_reading_it_gives_every_step(
    plan_file: Path,
) -> None:
    expected = PlanDocument(read_plan_file(plan_file, whole=True), None)
    with PlanDocument.open(plan_file, for_editing=False) as document:
        assert steps_in_memory(document) == 1  # the last step only: what the recorder needs
        assert summarize(document.session, document.scenario()).inputs.goal == GOALS[-1]
        assert steps_in_memory(document) == 1  # the plan's figures do not read the log
        assert step_count(document.session) == 40
        assert stored_steps(document.session) == stored_steps(expected.session)
        assert verify(document.session) is None
    expected.close()


def test_an_edit_after_opening_follows_the_last_step_and_a_save_keeps_the_whole_log(
    plan_file: Path,
) -> None:
    with PlanDocument.open(plan_file) as document:
        editor = recorded(document)
        edit = requests.set_target(editor, "goal", Decimal(2_000_000))
        assert edit is not None
        editor.perform(edit)
        assert steps_in_memory(document) == 2  # the log was not read for the edit
        document.save()  # never read before: read in for the save
    with PlanDocument.open(plan_file, for_editing=False) as reopened:
        steps = stored_steps(reopened.session)
        assert [s.id for s in steps] == list(range(1, 42))
        assert verify(reopened.session) is None
        assert step_count(reopened.session) == 41


def test_a_replay_reads_the_log_in(plan_file: Path) -> None:
    with PlanDocument.open(plan_file, for_editing=False) as document:
        steps = stored_steps(document.session)
        with state_after(document.session, steps[9].id) as past:
            goal = summarize(past.session, past.scenario()).inputs.goal
    assert goal == GOALS[9]


def test_a_file_changed_by_another_program_loses_only_the_older_steps(plan_file: Path) -> None:
    with PlanDocument.open(plan_file) as document:
        editor = recorded(document)
        changed = sqlite3.connect(plan_file)  # another program writes the file meanwhile
        changed.execute("UPDATE scenarios SET name = name")
        changed.commit()
        changed.close()
        edit = requests.set_target(editor, "goal", Decimal(2_000_000))
        assert edit is not None
        editor.perform(edit)
        problem = verify(document.session)
        assert problem is not None
        assert "changed by another program" in problem.reason
        assert summarize(document.session, document.scenario()).inputs.goal == 2_000_000
        document.save()  # the plan is never lost for its log
    with PlanDocument.open(plan_file, for_editing=False) as reopened:
        assert summarize(reopened.session, reopened.scenario()).inputs.goal == 2_000_000


def log_leaf_pages(path: Path) -> list[int]:
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute(
            "SELECT pageno FROM dbstat WHERE name = 'history_steps' AND pagetype = 'leaf' "
            "ORDER BY pageno"
        ).fetchall()
        size = connection.execute("PRAGMA page_size").fetchone()[0]
    except sqlite3.OperationalError:
        pytest.skip("this SQLite has no dbstat table to find the log's pages")
    finally:
        connection.close()
    assert size == 4096
    return [row[0] for row in rows]


def test_a_damaged_log_page_opens_the_plan_and_edits_and_saves_go_on(plan_file: Path) -> None:
    """A page of older steps: the last ones are read at open, and a file whose pages read at
    open are damaged is refused as any damaged file is."""
    pages = log_leaf_pages(plan_file)
    assert len(pages) >= 2
    data = bytearray(plan_file.read_bytes())
    page = pages[0]
    data[(page - 1) * 4096 + 8 : page * 4096] = random.Random(7).randbytes(4088)
    plan_file.write_bytes(bytes(data))
    with PlanDocument.open(plan_file) as document:
        editor = recorded(document)
        edit = requests.set_target(editor, "goal", Decimal(2_000_000))
        assert edit is not None
        editor.perform(edit)
        assert verify(document.session) is not None  # the log says it is damaged
        assert summarize(document.session, document.scenario()).inputs.goal == 2_000_000
        edit = requests.set_target(editor, "goal", Decimal(2_100_000))
        assert edit is not None
        editor.perform(edit)  # edits go on after the log was read
        document.save()
    with PlanDocument.open(plan_file, for_editing=False) as reopened:
        assert summarize(reopened.session, reopened.scenario()).inputs.goal == 2_100_000


def test_keystrokes_fold_into_one_step_without_reading_the_older_steps(plan_file: Path) -> None:
    with PlanDocument.open(plan_file) as document:
        editor = recorded(document)
        for goal in (Decimal(2_000_000), Decimal(2_100_000)):
            edit = requests.set_target(editor, "goal", goal, typing=1)
            assert edit is not None
            editor.perform(edit)
        assert fold_typing(document.session)
        assert steps_in_memory(document) == 2  # the last stored step and the folded one
        assert step_count(document.session) == 41
        assert verify(document.session) is None
