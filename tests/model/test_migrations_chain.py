"""One Alembic chain for files and the team server (store.chain): a plan revision written once
runs on an older file's in-memory copy, the server's revisions are skipped there, and the
format marks stay what older RevOrg versions read.

No real plan revision exists yet, so the tests run the real chain with two test revisions
after its head (`chain_with_test_revisions`): format 9 adds a position's nickname in place,
format 10 makes it required, which SQLite cannot do in place (batch mode rebuilds the table).
The same chain runs on a team server in tests/team/test_migrations_chain.py."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from revorg.model.document import PlanDocument
from revorg.model.errors import PlanFileError
from revorg.model.store import SCHEMA_VERSION, chain, connect_memory, create_schema, migrations
from revorg.model.store import schema as store_schema
from revorg.model.store.database import BASE_FORMAT
from revorg.model.store.schema import Schema, describe
from tests.conftest import CliRunner
from tests.model.test_migration_v2 import file_state, pragma
from tests.model.test_migration_v5 import plan_file

TEST_HEAD_FORMAT = 10

NICKNAME_ADDED = '''"""Test revision: a position's nickname, its title in lower case (format 9).

Revision ID: test9
"""

import sqlalchemy as sa
from alembic import op

from revorg.model.store.chain import plan_column_type, plan_schemas_to_alter

revision = "test9"
down_revision = {head!r}
branch_labels = None
depends_on = None
file_format = 9


def upgrade() -> None:
    for schema in plan_schemas_to_alter():
        with op.batch_alter_table("positions", schema=schema) as batch:
            batch.add_column(sa.Column("nickname", plan_column_type(sa.Text())))
        positions = sa.table("positions", sa.column("title"), sa.column("nickname"), schema=schema)
        op.execute(positions.update().values(nickname=sa.func.lower(positions.c.title)))
'''

NICKNAME_REQUIRED = '''"""Test revision: the nickname required (format 10), positions rebuilt.

Revision ID: test10
"""

import sqlalchemy as sa
from alembic import op

from revorg.model.store.chain import plan_schemas_to_alter

revision = "test10"
down_revision = "test9"
branch_labels = None
depends_on = None
file_format = 10

# A rebuilt table keeps its unnamed CHECK constraints only when they are given again.
POSITION_CHECKS = {checks}


def upgrade() -> None:
    for schema in plan_schemas_to_alter():
        with op.batch_alter_table(
            "positions",
            schema=schema,
            table_args=[sa.CheckConstraint(check) for check in POSITION_CHECKS],
        ) as batch:
            batch.alter_column("nickname", existing_type=sa.Text(), nullable=False)
'''

POSITION_CHECKS = ["headcount >= 1", "manager_id IS NULL OR manager_id != id"]


def real_head() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory(str(chain.CHAIN_FOLDER)).get_current_head()
    assert head is not None
    return head


def chain_with_test_revisions(folder: Path, checks: list[str] = POSITION_CHECKS) -> Path:
    """A copy of the real chain with the two test revisions after its head."""
    shutil.copytree(
        chain.CHAIN_FOLDER, folder, ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
    )
    versions = folder / "versions"
    (versions / "test9_nickname.py").write_text(NICKNAME_ADDED.format(head=real_head()))
    (versions / "test10_nickname_required.py").write_text(
        NICKNAME_REQUIRED.format(checks=repr(checks))
    )
    return folder


def schema_with_nickname() -> Schema:
    """What a program of format 10 makes: today's tables, a required nickname on positions."""
    connection = connect_memory()
    try:
        create_schema(connection)
        table_and_indexes = [
            sql
            for (sql,) in connection.execute(
                "SELECT sql FROM sqlite_master WHERE tbl_name = 'positions' AND sql IS NOT NULL "
                "ORDER BY type = 'index'"
            )
        ]
        connection.execute("PRAGMA foreign_keys = OFF")
        connection.execute("DROP TABLE positions")
        required = "staff BOOLEAN DEFAULT 0 NOT NULL, nickname TEXT NOT NULL,"
        table_and_indexes[0] = table_and_indexes[0].replace(
            "staff BOOLEAN DEFAULT 0 NOT NULL,", required
        )
        for sql in table_and_indexes:
            connection.execute(sql)
        return describe(connection)
    finally:
        connection.close()


def become_program_of_format_10(patch: pytest.MonkeyPatch, folder: Path) -> None:
    """This program as it would be with the test revisions in `folder`: the chain, the format
    it writes, the schema it checks a file against."""
    patch.setattr(chain, "CHAIN_FOLDER", folder)
    patch.setattr(migrations, "SCHEMA_VERSION", TEST_HEAD_FORMAT)
    patch.setattr(store_schema, "expected_schema", schema_with_nickname)


@pytest.fixture
def program_of_format_10(tmp_path: Path) -> Iterator[pytest.MonkeyPatch]:
    """The program of format 10 until the test calls `undo()` on what this gives."""
    with pytest.MonkeyPatch.context() as patch:
        become_program_of_format_10(patch, chain_with_test_revisions(tmp_path / "chain"))
        yield patch


def rows(connection: sqlite3.Connection) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table but the nickname, ordered: what a migration must keep."""
    tables = [
        name
        for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        )
    ]
    kept = {}
    for table in tables:
        columns = [
            row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')
            if row[1] != "nickname"
        ]  # fmt: skip
        quoted = ", ".join(f'"{column}"' for column in columns)
        kept[table] = sorted(connection.execute(f'SELECT {quoted} FROM "{table}"').fetchall())
    return kept


def with_a_dotted_line(path: Path) -> Path:
    """A dotted line: its rows would go with the positions' table if the rebuild cascaded."""
    connection = sqlite3.connect(path)
    with connection:
        connection.execute(
            "INSERT INTO dotted_lines (scenario_id, from_position_id, to_position_id) "
            "SELECT scenario_id, max(id), min(id) FROM positions GROUP BY scenario_id"
        )
    connection.close()
    return path


def test_the_chains_plan_revisions_make_the_file_format_this_program_writes() -> None:
    # A new file format is a plan revision declaring it, one after the other from the chain's
    # base: this fails when SCHEMA_VERSION moves without one, or one comes without it.
    formats = [revision.file_format for revision in chain.plan_revisions()]
    assert formats == list(range(BASE_FORMAT + 1, SCHEMA_VERSION + 1))


def test_the_server_revisions_are_not_run_on_a_file(
    program_of_format_10: pytest.MonkeyPatch,
) -> None:
    # The real chain's five revisions (registry, row versions, roles, presence) are the
    # server's: a file meets only the two plan revisions, in order.
    revisions = chain.plan_revisions()
    assert [(r.revision, r.file_format) for r in revisions] == [("test9", 9), ("test10", 10)]


def test_a_format_8_file_opens_upgraded_by_the_chain_its_values_kept(
    program_of_format_10: pytest.MonkeyPatch, demo_file: Path
) -> None:
    path = with_a_dotted_line(demo_file)
    assert pragma(path, "user_version") == 8
    before = file_state(path)
    source = sqlite3.connect(path)
    old_rows = rows(source)
    source.close()
    with PlanDocument.open(path, for_editing=False) as document:
        connection = document.connection
        assert connection.execute("PRAGMA user_version").fetchone()[0] == 10
        assert rows(connection) == old_rows  # the dotted line included: nothing cascaded
        nicknames = connection.execute("SELECT title, nickname FROM positions").fetchall()
        assert ("Chief Revenue Officer", "chief revenue officer") in nicknames
        assert len(nicknames) == 19 and all(nick == title.lower() for title, nick in nicknames)
        # Rebuilt by batch mode, the table still refuses what it refused: its CHECK
        # constraints were given again, its foreign keys are on.
        with pytest.raises(sqlite3.IntegrityError, match="CHECK constraint failed"):
            connection.execute("UPDATE positions SET headcount = 0")
        with pytest.raises(sqlite3.IntegrityError, match="NOT NULL"):
            connection.execute("UPDATE positions SET nickname = NULL")
        with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
            connection.execute("UPDATE positions SET scenario_id = 999")
        assert connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert file_state(path) == before  # the file is changed only by a save


def test_a_format_7_file_takes_its_own_steps_to_8_then_the_chain(
    program_of_format_10: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = plan_file(tmp_path, 7)
    with PlanDocument.open(path, for_editing=False) as document:
        connection = document.connection
        assert connection.execute("PRAGMA user_version").fetchone()[0] == 10
        emails = connection.execute("SELECT DISTINCT email, staff FROM positions").fetchall()
        assert emails == [(None, 0)]  # format 8's step
        lowered = "SELECT count(*) FROM positions WHERE nickname = lower(title)"
        assert connection.execute(lowered).fetchone()[0] == 19
        assert connection.execute("SELECT count(*) FROM deals").fetchone()[0] > 0


def test_a_file_saved_at_the_chains_format_is_refused_by_an_older_program(
    program_of_format_10: pytest.MonkeyPatch, demo_file: Path, run_cli: CliRunner
) -> None:
    with PlanDocument.open(demo_file) as document:
        document.save()
    assert pragma(demo_file, "user_version") == 10
    # No Alembic table in the file: older versions would call it another program's.
    tables = sqlite3.connect(demo_file).execute("SELECT name FROM sqlite_master").fetchall()
    assert ("alembic_version",) not in tables
    program_of_format_10.undo()  # this program again, which writes format 8
    with pytest.raises(PlanFileError) as refused:
        PlanDocument.open(demo_file, for_editing=False)
    assert str(refused.value).endswith(
        "was saved by a newer version of RevOrg (file format 10; this version reads up to "
        "8): please update RevOrg"
    )
    result = run_cli("summary", demo_file)
    assert (result.code, result.out) == (2, "")
    assert result.err.startswith("error: ") and result.err.count("\n") == 1


def test_a_rebuild_that_would_drop_a_check_constraint_refuses_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, demo_file: Path
) -> None:
    # Format 10 without its table_args: batch mode would rebuild positions without the CHECK
    # constraints, which the schema check cannot see.
    folder = chain_with_test_revisions(tmp_path / "chain", checks=[])
    become_program_of_format_10(monkeypatch, folder)
    before = file_state(demo_file)
    with pytest.raises(PlanFileError) as refused:
        PlanDocument.open(demo_file, for_editing=False)
    assert "could not be upgraded from file format 9: Unnamed CHECK constraint" in str(
        refused.value
    )
    assert file_state(demo_file) == before


TABLE_ADDED = '''"""Test revision: a table of nicknames (format 9).

Revision ID: test9
"""

import sqlalchemy as sa
from alembic import op

from revorg.model.store.chain import plan_schemas_to_alter

revision = "test9"
down_revision = {head!r}
branch_labels = None
depends_on = None
file_format = 9
{declared}


def upgrade() -> None:
    for schema in plan_schemas_to_alter():
        op.create_table(
            "nicknames",
            sa.Column("lineage", sa.Text(), primary_key=True),
            sa.Column("nickname", sa.Text(), nullable=False),
            schema=schema,
        )
'''


def schema_with_nicknames_table() -> Schema:
    connection = connect_memory()
    try:
        create_schema(connection)
        connection.execute(
            "CREATE TABLE nicknames (lineage TEXT NOT NULL, nickname TEXT NOT NULL, "
            "PRIMARY KEY (lineage))"
        )
        return describe(connection)
    finally:
        connection.close()


@pytest.mark.parametrize("declared", [True, False])
def test_a_table_made_by_a_plan_revision_is_declared_so_that_an_older_file_may_lack_it(
    declared: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, demo_file: Path
) -> None:
    folder = tmp_path / "chain"
    shutil.copytree(
        chain.CHAIN_FOLDER, folder, ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
    )
    (folder / "versions" / "test9_nicknames.py").write_text(
        TABLE_ADDED.format(
            head=real_head(), declared='new_tables = ("nicknames",)' if declared else ""
        )
    )
    monkeypatch.setattr(chain, "CHAIN_FOLDER", folder)
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 9)
    monkeypatch.setattr(store_schema, "expected_schema", schema_with_nicknames_table)
    if not declared:  # the check before the copy would call the file damaged
        with pytest.raises(PlanFileError, match="is damaged: table 'nicknames' is missing"):
            PlanDocument.open(demo_file, for_editing=False)
        return
    with PlanDocument.open(demo_file, for_editing=False) as document:
        connection = document.connection
        assert connection.execute("PRAGMA user_version").fetchone()[0] == 9
        assert connection.execute("SELECT count(*) FROM nicknames").fetchone()[0] == 0
