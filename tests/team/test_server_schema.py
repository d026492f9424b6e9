"""The server's schema: Alembic brings an empty database to this program's head, and a server
set up by a newer RevOrg is refused rather than misread."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import inspect

from revorg.model.store.chain import plan_revisions
from revorg.model.store.database import BASE_FORMAT, SCHEMA_VERSION
from revorg.model.team.address import parse_plan_url
from revorg.model.team.schema import head_revision, server_revision, upgrade
from revorg.model.team.server import engine_for
from revorg.model.team.storage import SERVER_FILE_FORMAT
from tests.conftest import CliRunner
from tests.team.conftest import TeamServer
from tests.team.test_cli_team import assert_one_error


def fresh_database(team: TeamServer, name: str) -> None:
    team.admin(f"DROP DATABASE IF EXISTS {name}", database="postgres")
    team.admin(f"CREATE DATABASE {name}", database="postgres")


def test_the_server_migrations_make_the_file_format_this_program_writes() -> None:
    # One chain for both (store.chain): a new file format is a plan revision, which the server
    # runs too; this fails until the chain and the format move together.
    assert BASE_FORMAT + len(plan_revisions()) == SERVER_FILE_FORMAT == SCHEMA_VERSION


def test_alembic_upgrades_an_empty_database_to_the_head(team: TeamServer) -> None:
    fresh_database(team, "empty_upgrade")
    address = parse_plan_url(team.url("Acme", database="empty_upgrade"))
    engine = engine_for(address)
    try:
        with engine.begin() as connection:
            assert server_revision(connection) is None
            upgrade(connection, address)
            assert server_revision(connection) == head_revision() == "0007"
            registry = inspect(connection)
            assert registry.get_table_names(schema="revorg") == [
                "alembic_version",
                "plans",
                "presence",
                "plan_images",
            ]
        with engine.begin() as connection:  # a second upgrade finds nothing to do
            upgrade(connection, address)
            assert server_revision(connection) == "0007"
    finally:
        engine.dispose()


def test_revision_0002_gives_every_published_plans_rows_a_version(
    run_cli: CliRunner, team: TeamServer, demo_file: Path
) -> None:
    fresh_database(team, "before_versions")
    url = team.url("Acme", database="before_versions")
    assert run_cli("push", demo_file, url).code == 0
    # The plan as revision 0001 published it: no row versions.
    for table in ("plan", "scenarios", "targets", "positions", "assumptions", "dotted_lines"):
        team.admin(f"ALTER TABLE plan_1.{table} DROP COLUMN row_version", "before_versions")
    # ... and without what revision 0003 added after it (the registry's row-level security).
    for statement in (
        "DROP POLICY plans_of_members ON revorg.plans",
        "DROP POLICY plans_published ON revorg.plans",
        "ALTER TABLE revorg.plans DISABLE ROW LEVEL SECURITY",
        # ... and revision 0004's presence list.
        "DROP TABLE revorg.presence",
        "DROP FUNCTION revorg.announce_presence()",
        # ... and revision 0007's plan images.
        "DROP TABLE revorg.plan_images",
    ):
        team.admin(statement, "before_versions")
    team.admin("UPDATE revorg.alembic_version SET version_num = '0001'", "before_versions")
    assert "older schema (0001" in run_cli("summary", url).err

    address = parse_plan_url(url)
    engine = engine_for(address)
    try:
        with engine.begin() as connection:
            upgrade(connection, address)
    finally:
        engine.dispose()
    versions = team.admin(
        "SELECT count(*), sum(row_version) FROM plan_1.positions", "before_versions"
    )
    assert versions == [(19, 0)]
    edited = run_cli("targets", url, "--goal", "1200000", "--who", "Ana")
    assert edited.code == 0, edited.err
    # The row's version: the id of the step that wrote it, the plan's version after the edit.
    after = json.loads(run_cli("summary", url, "--json").out)["version"]
    assert team.admin("SELECT row_version FROM plan_1.targets", "before_versions") == [(after,)]


def test_a_server_schema_newer_than_the_program_is_refused(
    run_cli: CliRunner, team: TeamServer, demo_file: Path, tmp_path: Path
) -> None:
    fresh_database(team, "from_the_future")
    url = team.url("Acme", database="from_the_future")
    assert run_cli("push", demo_file, url).code == 0
    team.admin("UPDATE revorg.alembic_version SET version_num = '0042'", "from_the_future")

    result = run_cli("summary", url)
    assert_one_error(result, "was set up by a newer version of RevOrg (schema 0042")
    pushed = run_cli("push", demo_file, team.url("Other", database="from_the_future"))
    assert_one_error(pushed, "please update RevOrg")
    # Nothing was written: neither a plan on the server nor a file here.
    assert team.admin("SELECT name FROM revorg.plans", "from_the_future") == [("Acme",)]
    result = run_cli("pull", url, "-o", tmp_path / "copy.revorg")
    assert_one_error(result, "newer version of RevOrg")
    assert not (tmp_path / "copy.revorg").exists()


def test_a_password_from_the_system_keyring(
    run_cli: CliRunner, team: TeamServer, demo_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import keyring
    from keyring.backend import KeyringBackend

    asked: list[tuple[str, str]] = []
    password = team.password

    class OneSecret(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def get_password(self, service: str, username: str) -> str | None:
            asked.append((service, username))
            return password

        def set_password(self, service: str, username: str, password: str) -> None:
            raise NotImplementedError

        def delete_password(self, service: str, username: str) -> None:
            raise NotImplementedError

    previous = keyring.get_keyring()
    keyring.set_keyring(OneSecret())
    try:
        monkeypatch.setenv("PGPASSFILE", "/nonexistent")  # neither libpq source has it
        result = run_cli("push", demo_file, team.url("From the keyring"))
        assert result.code == 0, result.err
        assert asked == [("revorg", f"revorg@127.0.0.1:{team.port}")]
    finally:
        keyring.set_keyring(previous)


def test_team_server_status_names_the_running_servers_url(team: TeamServer) -> None:
    import os
    import subprocess

    from tests.team.conftest import SCRIPT

    status = subprocess.run(
        [str(SCRIPT), "status"],
        env={**os.environ, "TEAM_SERVER_DIR": str(team.folder)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert status.returncode == 0, status.stderr
    lines = status.stdout.splitlines()
    assert lines[0].startswith("running (PostgreSQL ")
    assert lines[1] == f"URL: postgresql://revorg@127.0.0.1:{team.port}/revorg?plan=NAME"
    assert lines[2] == f"password: export PGPASSFILE={team.pgpass}"
    assert team.password not in status.stdout


def test_team_server_status_of_a_folder_without_a_server(tmp_path: Path) -> None:
    import os
    import subprocess

    from tests.team.conftest import SCRIPT

    status = subprocess.run(
        [str(SCRIPT), "status"],
        env={**os.environ, "TEAM_SERVER_DIR": str(tmp_path)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert (status.returncode, status.stdout) == (3, "stopped\n")


def test_each_new_step_of_a_plans_log_is_announced_on_its_channel(
    run_cli: CliRunner, team: TeamServer, demo_file: Path
) -> None:
    import psycopg

    assert run_cli("targets", demo_file, "--goal", "1200000", "--who", "Ana").code == 0
    assert run_cli("push", demo_file, team.url("Announced")).code == 0
    (plan_id,) = team.admin("SELECT id FROM revorg.plans WHERE name = 'Announced'")[0]
    with psycopg.connect(
        host="127.0.0.1", port=team.port, user="revorg", password=team.password,
        dbname="revorg", autocommit=True,
    ) as listener:  # fmt: skip
        listener.execute(f"LISTEN revorg_plan_{plan_id}")
        # A teammate's step: it takes id 2 after the published step 1 (the sequence moved past
        # the copied ids), and the id is the notice's payload.
        team.admin(
            f"INSERT INTO plan_{plan_id}.history_steps "
            "(at, who, scenario_id, text, text_values, direction, previous_hash, hash) "
            "VALUES ('2027-01-12T09:30:00Z', 'Bo', 1, 'Edit', '[]', 'do', '', '')"
        )
        notices = [(n.channel, n.payload) for n in listener.notifies(timeout=30, stop_after=1)]
    assert notices == [(f"revorg_plan_{plan_id}", "2")]
