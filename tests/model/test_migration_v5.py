"""A plan saved in file format 5 (before snapshots) opens migrated to format 6 in memory, with
its scenarios and change log as they were, no snapshot, its file alone until saved; once saved
it has the schema of a new plan and can take a snapshot."""

import sqlite3
from pathlib import Path

import pytest

from revorg.model.document import PlanDocument
from revorg.model.editing import PlanEditor, requests
from revorg.model.history.chain import verify
from revorg.model.history.reading import step_count
from revorg.model.store import SCHEMA_VERSION
from revorg.model.store.schema import describe
from revorg.model.summary import summarize
from tests.model.test_migration_v2 import file_state, pragma

FIXTURES = Path(__file__).parent / "fixtures"


def plan_file(tmp_path: Path, version: int) -> Path:
    path = tmp_path / f"format{version}.revorg"
    connection = sqlite3.connect(path)
    connection.executescript((FIXTURES / f"plan_v{version}.sql").read_text(encoding="utf-8"))
    connection.close()
    return path


def test_a_format_5_plan_opens_with_its_scenarios_log_and_no_snapshot(tmp_path: Path) -> None:
    v5_file = plan_file(tmp_path, 5)
    assert pragma(v5_file, "user_version") == 5
    before = file_state(v5_file)
    with PlanDocument.open(v5_file, for_editing=False) as document:
        assert document.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        plan = document.plan
        assert [s.name for s in plan.scenarios] == ["Base", "Stretch"]
        assert plan.snapshots == []
        assert step_count(document.session) == 2  # the copy and the targets, by Ana
        assert verify(document.session) is None  # the new columns do not touch the log
        stretch = summarize(document.session, document.scenario("Stretch"))
    assert file_state(v5_file) == before
    # 400 leads x 10 % x 12,000 + 600,000 x 90 % + 100,000.
    assert (stretch.inputs.goal, stretch.outcome.total) == (1200000, 1120000)


@pytest.mark.parametrize("version", [1, 2, 3, 4, 5])
def test_every_older_format_saves_as_format_6_and_takes_a_snapshot(
    tmp_path: Path, version: int
) -> None:
    path = plan_file(tmp_path, version)
    with PlanDocument.open(path) as document:
        editor = PlanEditor(document)
        editor.perform(requests.take_snapshot(editor, "Old plan", "Ana", "2026-12-03T10:00:00Z"))
        document.save()
    assert pragma(path, "user_version") == SCHEMA_VERSION == 8
    with PlanDocument.open(path, for_editing=False) as reopened:
        (snapshot,) = reopened.plan.snapshots
        assert (snapshot.name, snapshot.snapshot_by) == ("Old plan", "Ana")
        assert snapshot.snapshot_of == reopened.scenario().name
        assert all(not s.is_snapshot for s in reopened.plan.scenarios)
        with PlanDocument.from_template("blank", 2027) as fresh:
            assert describe(reopened.connection) == describe(fresh.connection)
