"""The plan as it was after a step of its log (issue 16): state_after rewinds a copy of the plan,
scenario_after gives one scenario of it as a new scenario, replay runs the log from its start.
The random sessions of edits, undos and redos are in test_history_replay_property.py."""

from __future__ import annotations

import datetime
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from revorg.model.document import PlanDocument
from revorg.model.editing import PlanEditor, requests
from revorg.model.editing.steps import Edit, InsertScenario
from revorg.model.history.chain import GENESIS, expected_hash, stored_steps, verify
from revorg.model.history.compaction import compact_before
from revorg.model.history.reading import read_steps
from revorg.model.history.recording import ChangeRecorder
from revorg.model.history.replay import ReplayError, replay, scenario_after, state_after
from revorg.model.store.log_repair import rebuild_log_tables
from revorg.model.summary import summarize

COPY_NAMES = ("{name} (copy)", "{name} (copy {number})")
PLAN_TABLES = ("plan", "scenarios", "targets", "positions", "dotted_lines", "assumptions")


def tables(session: Session) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the plan's tables, as stored, in id order."""
    session.flush()
    return {
        table: [tuple(row) for row in session.execute(text(f"SELECT * FROM {table} ORDER BY 1"))]
        for table in PLAN_TABLES
    }


def copy_of(document: PlanDocument) -> PlanDocument:
    """The plan as it is now, as another document (the start of a log, kept for replay)."""
    image = document.connection.serialize()
    connection = sqlite3.connect(":memory:")
    connection.deserialize(image)
    return PlanDocument(connection)


class Day:
    def __init__(self) -> None:
        self.day = 1

    def __call__(self) -> str:
        return f"2027-01-{self.day:02d}T09:30:00Z"


@pytest.fixture
def day() -> Day:
    return Day()


@pytest.fixture
def editor(day: Day) -> Iterator[PlanEditor]:
    document = PlanDocument.from_template("demo", 2027)
    editor = PlanEditor(document)
    editor.add_recorder(ChangeRecorder(editor, lambda: "Ana", day))
    yield editor
    document.close()


def rehash(session: Session) -> None:
    """Every step's hash computed again from what it holds, as if RevOrg had written it so."""
    previous = GENESIS
    for step in stored_steps(session):
        step = replace(step, previous_hash=previous)
        digest = expected_hash(step)
        session.execute(
            text("UPDATE history_steps SET previous_hash = :p, hash = :h WHERE id = :id"),
            {"p": previous, "h": digest, "id": step.id},
        )
        previous = digest
    session.execute(text("UPDATE history_chain SET head = :h"), {"h": previous})


def by_title(editor: PlanEditor, title: str) -> int:
    return next(row.id for row in editor.positions().values() if row.title == title)


def session_of_every_kind(editor: PlanEditor) -> list[dict[str, list[tuple[Any, ...]]]]:
    """Seven steps, one of each kind of whole record, an undo among them; the plan's tables
    after each (index k: after step k; 0: before the first)."""
    after = [tables(editor.session)]

    def run(edit: Edit | None, undo: bool = False) -> None:
        assert edit is not None
        editor.revert(edit) if undo else editor.apply(edit)
        after.append(tables(editor.session))

    run(requests.set_target(editor, "goal", Decimal(1200000)))
    run(requests.delete(editor, [by_title(editor, "VP Sales")], keep_reports=False))
    run(requests.copy_scenario(editor, COPY_NAMES, "Stretch"))
    run(requests.add_role(editor, "sdr", None))
    remove_base = requests.delete_scenario(editor, 1)
    run(remove_base)
    run(remove_base, undo=True)
    run(requests.plan_settings(editor, "Plan X", "USD", 2028, 4))
    return after


def test_state_after_each_step_is_the_plan_as_it_was_then(editor: PlanEditor) -> None:
    after = session_of_every_kind(editor)
    assert [s.id for s in read_steps(editor.session)] == [7, 6, 5, 4, 3, 2, 1]

    for step in range(1, 8):
        with state_after(editor.session, step) as then:
            assert tables(then.session) == after[step], step
            # Its log ends at that step, as it did then.
            assert [s.id for s in read_steps(then.session)] == list(range(step, 0, -1))
    # After step 1 the goal was 1,200,000 and the VP Sales' team was still there: 19 cards.
    with state_after(editor.session, 1) as then:
        scenario = then.scenario()
        assert len(scenario.positions) == 19 and scenario.targets.goal == Decimal(1200000)
    assert tables(editor.session) == after[7]  # the plan itself is untouched


def test_replay_from_the_start_gives_the_plan_step_by_step(day: Day) -> None:
    with PlanDocument.from_template("demo", 2027) as document:
        start = copy_of(document)
        editor = PlanEditor(document)
        editor.add_recorder(ChangeRecorder(editor, lambda: "Ana", day))
        after = session_of_every_kind(editor)
        with start:
            for step in (1, 3, 5, 7):
                with replay(start.session, editor.session, through=step) as again:
                    assert tables(again.session) == after[step], step
            with replay(start.session, editor.session) as again:
                assert tables(again.session) == after[7]


def test_a_step_of_an_older_log_with_only_a_name_is_refused_clearly(editor: PlanEditor) -> None:
    editor.perform(requests.set_target(editor, "goal", Decimal(1200000)))
    editor.perform(requests.delete(editor, [by_title(editor, "Support Engineer")], False))
    editor.perform(requests.set_target(editor, "leads", 400))
    # As format 5 recorded it before whole rows: the title where the row is now, in a chain
    # that holds (an older RevOrg wrote it so).
    editor.session.execute(
        text("UPDATE history_changes SET old = '\"Support Engineer\"' WHERE step_id = 2")
    )
    rehash(editor.session)

    with pytest.raises(ReplayError, match="step 2 cannot be replayed: it was recorded by an old"):
        state_after(editor.session, 1)
    # The steps after it still rewind.
    with state_after(editor.session, 2) as then:
        assert then.scenario().targets.leads == 300


def test_steps_changed_outside_revorg_or_unknown_are_refused(editor: PlanEditor) -> None:
    for leads in (310, 320, 330):
        editor.perform(requests.set_target(editor, "leads", leads))
    with pytest.raises(ReplayError, match="has no step 9"):
        state_after(editor.session, 9)
    editor.session.execute(text("UPDATE history_changes SET new = '999' WHERE step_id = 3"))
    with pytest.raises(ReplayError, match=r"at step 3 .*changed outside RevOrg"):
        state_after(editor.session, 1)
    # What the plan holds is not touched by a refusal.
    assert editor.summary().outcome.total == 330 * Decimal("0.1") * 12000 + 640000


def test_rewinding_needs_only_the_steps_after_it_so_works_after_compaction(
    editor: PlanEditor, day: Day
) -> None:
    for number, leads in enumerate((310, 320, 330, 340), start=1):
        day.day = number
        editor.perform(requests.set_target(editor, "leads", leads))
    compact_before(editor.session, datetime.date(2027, 1, 3))  # steps 1 and 2 dropped

    with state_after(editor.session, 3) as then:
        assert then.scenario().targets.leads == 330
    with pytest.raises(ReplayError, match="has no step 2"):
        state_after(editor.session, 2)


def test_a_scenario_as_it_was_restored_as_a_new_scenario(editor: PlanEditor) -> None:
    base = editor.scenario_id
    editor.perform(requests.set_dotted_line(
        editor, by_title(editor, "Account Manager"), by_title(editor, "VP Sales"), True
    ))  # fmt: skip
    editor.perform(requests.delete(editor, [by_title(editor, "VP Sales")], keep_reports=False))
    editor.perform(requests.set_target(editor, "goal", Decimal(1500000)))

    snapshot = scenario_after(editor.session, 1, name="  Before the cut ")

    assert snapshot.name == "Before the cut"
    assert snapshot.scenario_id == 2  # fresh ids of the current plan
    assert len(snapshot.positions) == 19 and min(snapshot.position_ids) == 20
    editor.perform(Edit(requests.copy_scenario(editor, COPY_NAMES).text, base,
                        InsertScenario(snapshot)))  # fmt: skip
    restored = editor.document.scenario("Before the cut")
    # The VP Sales' team is back (19 cards), the goal is 1,000,000 again, the line too.
    assert len(restored.positions) == 19 and restored.targets.goal == Decimal(1000000)
    titles = {p.id: p.title for p in restored.positions}
    assert [(titles[line.from_position_id], titles[line.to_position_id])
            for line in restored.dotted_lines] == [("Account Manager", "VP Sales")]  # fmt: skip
    # 300 leads x 10 % x 12,000 + 640,000 retained, as the demo plans it.
    assert summarize(editor.session, restored).outcome.total == 1000000
    with pytest.raises(ReplayError, match="scenario 7 was not in the plan after step 1"):
        scenario_after(editor.session, 1, scenario_id=7)


# --- a damaged log ------------------------------------------------------------------------------

DAMAGE = {
    "bad JSON": "UPDATE history_changes SET old = '{not json' WHERE step_id = 2",
    "bad UTF-8": "UPDATE history_steps SET who = CAST(X'416EFF61' AS TEXT) WHERE id = 2",
    "a hash that is text": "UPDATE history_steps SET hash = 'x' WHERE id = 2",
    "a head that is text": "UPDATE history_chain SET head = 'x'",
    "a step removed": "DELETE FROM history_steps WHERE id = 3",
    "the chain's row removed": "DELETE FROM history_chain",
}


@pytest.mark.parametrize("kind", DAMAGE)
def test_a_damaged_log_is_refused_by_replay_and_the_plan_still_opens(
    editor: PlanEditor, tmp_path: Path, kind: str
) -> None:
    for leads in (310, 320, 330):
        editor.perform(requests.set_target(editor, "leads", leads))
    editor.document.save_as(tmp_path / "saved.revorg")
    path = tmp_path / "plan.revorg"  # a copy nobody holds open, as if sent by e-mail
    shutil.copyfile(tmp_path / "saved.revorg", path)
    connection = sqlite3.connect(path)
    connection.execute(DAMAGE[kind])
    connection.commit()
    connection.close()

    with PlanDocument.open(path) as reopened:
        with pytest.raises(ReplayError, match="the plan's history"):
            state_after(reopened.session, 1)
        assert reopened.scenario().targets.leads == 330  # the plan as saved, editable


def test_missing_or_reshaped_log_tables_are_made_anew(tmp_path: Path) -> None:
    from revorg.model.store.schema import check_schema

    with PlanDocument.from_template("demo", 2027) as document:
        editor = PlanEditor(document)
        editor.add_recorder(ChangeRecorder(editor, lambda: "Ana", Day()))
        editor.perform(requests.set_target(editor, "leads", 310))
        document.commit()
        connection = document.connection
        connection.execute("DROP TABLE history_changes")
        connection.execute("ALTER TABLE history_chain ADD COLUMN extra TEXT")
        connection.commit()

        assert rebuild_log_tables(connection) == ["history_chain", "history_changes"]
        check_schema(connection, tmp_path / "plan.revorg")  # as RevOrg makes it again
        assert rebuild_log_tables(connection) == []
        # The step is still listed, without its changes; the check says the chain's start is
        # gone, and a rewind refuses.
        assert [s.id for s in read_steps(document.session)] == [1]
        problem = verify(document.session)
        assert problem is not None and "start of the chain is missing" in str(problem)


def test_a_plan_whose_log_table_is_missing_still_opens(tmp_path: Path) -> None:
    path = tmp_path / "plan.revorg"
    with PlanDocument.from_template("demo", 2027) as document:
        document.save_as(path)
    connection = sqlite3.connect(path)
    connection.execute("DROP TABLE history_steps")
    connection.commit()
    connection.close()
    with PlanDocument.open(path) as reopened:
        assert reopened.scenario().targets.leads == 300
