"""A plan file from someone else is untrusted input: a schema another program changed (a trigger,
a view, a generated column, a table, a virtual table, an index) is refused when the file is
opened, before any of it can run, and the file is left as it was."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from revorg.model.document import PlanDocument
from revorg.model.errors import PlanFileError
from revorg.model.store import SCHEMA_VERSION
from tests.conftest import CliRunner

FIXTURES = Path(__file__).parent / "fixtures"


def file_state(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def run_sql(path: Path, *statements: str, writable_schema: bool = False) -> None:
    """Change the file as another program would (sqlite3 in Python, the sqlite3 shell...)."""
    connection = sqlite3.connect(path)
    try:
        if writable_schema:
            connection.execute("PRAGMA writable_schema = ON")
        for statement in statements:
            connection.execute(statement)
        connection.commit()
    finally:
        connection.close()


def with_sql(*statements: str, writable_schema: bool = False) -> Callable[[Path], None]:
    return lambda path: run_sql(path, *statements, writable_schema=writable_schema)


def format_2_plan_with_a_trigger(path: Path) -> None:
    """A plan of format 2 whose trigger would fire in the migration (it updates positions)."""
    path.unlink()
    connection = sqlite3.connect(path)
    connection.executescript((FIXTURES / "plan_v2.sql").read_text(encoding="utf-8"))
    connection.execute(
        "CREATE TRIGGER spy AFTER UPDATE ON positions BEGIN SELECT raise(FAIL, 'trigger ran'); END"
    )
    connection.commit()
    connection.close()


# The case: (what another program did to the demo plan, what the message says).
CHANGED_PLANS: dict[str, tuple[Callable[[Path], None], str]] = {
    "a trigger": (
        with_sql("CREATE TRIGGER t AFTER UPDATE ON scenarios BEGIN DELETE FROM positions; END"),
        "it has a trigger 't'",
    ),
    "a view shadowing a table": (
        with_sql(
            "ALTER TABLE targets RENAME TO targets_data",
            "CREATE VIEW targets AS SELECT * FROM targets_data",
        ),
        "it has a view 'targets'",
    ),
    "a generated column": (
        with_sql("ALTER TABLE positions ADD COLUMN shown TEXT GENERATED ALWAYS AS (upper(title))"),
        "column 'shown' of table 'positions' is computed by a formula",
    ),
    "an extra table": (
        with_sql("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)"),
        "it has a table 'notes'",
    ),
    "a virtual table": (
        with_sql("CREATE VIRTUAL TABLE search USING fts5(title)"),
        "it has a virtual table 'search'",
    ),
    "an extra index": (
        with_sql("CREATE INDEX ix_titles ON positions (title)"),
        "it has an index 'ix_titles'",
    ),
    "an extra column": (
        with_sql("ALTER TABLE positions ADD COLUMN secret TEXT"),
        "it has a column 'secret' in table 'positions'",
    ),
    "a column of another type": (
        with_sql(
            "UPDATE sqlite_master SET sql = replace(sql, 'notes TEXT NOT NULL', 'notes TEXT') "
            "WHERE name = 'positions'",
            writable_schema=True,
        ),
        "column 'notes' of table 'positions' is not as RevOrg makes it",
    ),
    "a table without rowids": (
        with_sql(
            "CREATE TABLE plan_new (id INTEGER NOT NULL, name TEXT NOT NULL, currency VARCHAR(3) "
            "NOT NULL, fiscal_year INTEGER NOT NULL, fiscal_start_month INTEGER NOT NULL, "
            "PRIMARY KEY (id), CHECK (fiscal_start_month BETWEEN 1 AND 12)) WITHOUT ROWID",
            "INSERT INTO plan_new SELECT * FROM plan",
            "DROP TABLE plan",
            "ALTER TABLE plan_new RENAME TO plan",
        ),
        "table 'plan' is not stored as RevOrg stores it",
    ),
    "a link that deletes": (
        with_sql(
            "UPDATE sqlite_master SET sql = replace(sql, 'REFERENCES role_types (\"key\")', "
            "'REFERENCES role_types (\"key\") ON DELETE CASCADE') WHERE name = 'positions'",
            writable_schema=True,
        ),
        "the links of table 'positions' to other tables are not as RevOrg makes them",
    ),
    "a key index on other columns": (
        with_sql(
            "DROP INDEX ix_positions_manager",
            "CREATE INDEX ix_positions_manager ON positions (title)",
        ),
        "index 'ix_positions_manager' is missing or not as RevOrg makes it",
    ),
    "a trigger in a plan of an older format": (
        format_2_plan_with_a_trigger,
        "it has a trigger 'spy'",
    ),
}


@pytest.mark.parametrize("for_editing", [True, False], ids=["edit", "read"])
@pytest.mark.parametrize("case", list(CHANGED_PLANS))
def test_a_plan_changed_by_another_program_is_refused_and_left_alone(
    demo_file: Path, case: str, for_editing: bool
) -> None:
    change, expected = CHANGED_PLANS[case]
    change(demo_file)
    before = file_state(demo_file)
    listing = sorted(p.name for p in demo_file.parent.iterdir())

    with pytest.raises(PlanFileError) as refused:
        PlanDocument.open(demo_file, for_editing=for_editing)

    message = str(refused.value)
    assert message.startswith(f"{demo_file} was changed by another program and is not opened")
    assert expected in message
    assert "\n" not in message
    assert "trigger ran" not in message  # the format-2 plan's trigger did not fire
    assert file_state(demo_file) == before
    assert sorted(p.name for p in demo_file.parent.iterdir()) == listing  # no lock left


def test_the_trigger_of_issue_14_is_one_error_line(run_cli: CliRunner, demo_file: Path) -> None:
    CHANGED_PLANS["a trigger"][0](demo_file)
    before = file_state(demo_file)
    for command in (("summary",), ("export", "--xlsx", demo_file.with_suffix(".xlsx"))):
        result = run_cli(command[0], demo_file, *command[1:])
        assert result.code == 2
        assert result.out == ""
        assert len(result.error_lines) == 1, result.err
        assert result.error_lines[0].startswith("error: ")
        assert "it has a trigger 't', which RevOrg never makes" in result.err
    assert not demo_file.with_suffix(".xlsx").exists()
    assert file_state(demo_file) == before


def test_a_missing_table_is_still_damage(demo_file: Path) -> None:
    run_sql(demo_file, "DROP TABLE assumptions")
    with pytest.raises(PlanFileError, match="is damaged: table 'assumptions' is missing"):
        PlanDocument.open(demo_file)


def test_statistics_another_tool_added_are_not_foreign(demo_file: Path) -> None:
    """ANALYZE (run by a database browser, say) adds SQLite's own statistics table."""
    run_sql(demo_file, "ANALYZE")
    with PlanDocument.open(demo_file) as document:
        assert len(document.scenario().positions) == 19


def test_the_plans_revorg_makes_pass_the_check(demo_file: Path, tmp_path: Path) -> None:
    with PlanDocument.open(demo_file) as document:
        document.scenario().name = "Renamed"
        document.save_as(tmp_path / "again.revorg")
    with PlanDocument.open(tmp_path / "again.revorg") as again:
        assert again.scenario().name == "Renamed"
        assert len(again.scenario().positions) == 19
        assert again.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_plan_connections_distrust_the_schema(demo_file: Path) -> None:
    """Functions with side effects cannot be called from a plan's schema; on Python 3.12 and
    later SQL cannot corrupt the database on purpose (defensive mode)."""
    with PlanDocument.open(demo_file) as opened, PlanDocument.from_template("blank") as new:
        for connection in (opened.connection, new.connection):
            assert connection.execute("PRAGMA trusted_schema").fetchone()[0] == 0
            if sys.version_info >= (3, 12):
                assert connection.getconfig(sqlite3.SQLITE_DBCONFIG_DEFENSIVE)
