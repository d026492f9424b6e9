"""A plan saved in file format 4 (before the change log) opens migrated to format 5 in memory,
with an empty log, leaves its file alone until saved, and records its edits from then on."""

import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from revorg.model.document import PlanDocument
from revorg.model.editing import PlanEditor, requests
from revorg.model.history.chain import verify
from revorg.model.history.reading import read_steps, step_count
from revorg.model.history.recording import attach_recorder
from revorg.model.store import SCHEMA_VERSION
from revorg.model.store.schema import describe
from revorg.model.summary import summarize
from tests.model.test_migration_v2 import file_state, pragma

FIXTURES = Path(__file__).parent / "fixtures"
LOG_TABLES = {"history_steps", "history_changes", "history_chain"}


@pytest.fixture
def v4_file(tmp_path: Path) -> Path:
    path = tmp_path / "format4.revorg"
    connection = sqlite3.connect(path)
    connection.executescript((FIXTURES / "plan_v4.sql").read_text(encoding="utf-8"))
    connection.close()
    return path


def test_the_fixture_is_a_format_4_plan_without_a_log(v4_file: Path) -> None:
    assert pragma(v4_file, "user_version") == 4
    connection = sqlite3.connect(f"file:{v4_file}?mode=ro", uri=True)
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    finally:
        connection.close()
    assert not tables & LOG_TABLES
    assert "targets" in tables


def test_a_format_4_plan_opens_with_an_empty_log_and_its_file_unchanged(v4_file: Path) -> None:
    before = file_state(v4_file)
    with PlanDocument.open(v4_file, for_editing=False) as document:
        assert document.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert step_count(document.session) == 0
        assert verify(document.session) is None
        stretch = summarize(document.session, document.scenario("Stretch"))
    assert file_state(v4_file) == before
    # 400 leads x 10 % x 12,000 + 600,000 x 90 % + 100,000.
    assert stretch.outcome.total == 1120000
    assert stretch.inputs.goal == 1200000


def test_saving_writes_the_current_format_with_the_schema_of_a_new_plan_and_the_edit_logged(
    v4_file: Path,
) -> None:
    with PlanDocument.open(v4_file) as document:
        editor = PlanEditor(document)
        attach_recorder(editor, "Ana")
        editor.switch_scenario(document.scenario("Stretch").id)
        editor.perform(requests.set_target(editor, "goal", Decimal(1300000)))
        document.save()
    assert pragma(v4_file, "user_version") == SCHEMA_VERSION
    with PlanDocument.open(v4_file, for_editing=False) as reopened:
        (step,) = read_steps(reopened.session)
        assert (step.who, step.text.english()) == ("Ana", "Edit goal")
        assert [(c.old, c.new) for c in step.changes] == [("1200000.00", "1300000.00")]
        assert verify(reopened.session) is None
        with PlanDocument.from_template("blank", 2027) as fresh:
            assert describe(reopened.connection) == describe(fresh.connection)
