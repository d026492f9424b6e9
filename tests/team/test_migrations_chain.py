"""The chain the files share, on a team server: the test plan revisions of
tests/model/test_migrations_chain.py (a position's nickname, then required) alter every
published plan's schema, keep its rows, move the registry's file format and the viewers'
rights with them; the program without them then refuses the server."""

from __future__ import annotations

from pathlib import Path

import pytest

from revorg.model.store import chain
from revorg.model.team.address import parse_plan_url
from revorg.model.team.schema import server_revision, upgrade
from revorg.model.team.server import engine_for
from tests.conftest import CliRunner
from tests.model.test_migrations_chain import TEST_HEAD_FORMAT, chain_with_test_revisions
from tests.team.conftest import TeamServer
from tests.team.test_cli_team import assert_one_error
from tests.team.test_server_schema import fresh_database

DATABASE = "plan_revisions"
POSITIONS = "SELECT id, title, manager_id, annual_cost FROM {schema}.positions ORDER BY id"


def upgrade_server(url: str) -> str | None:
    address = parse_plan_url(url)
    engine = engine_for(address)
    try:
        with engine.begin() as connection:
            upgrade(connection, address)
            return server_revision(connection)
    finally:
        engine.dispose()


def viewer_may_read(team: TeamServer, plan_id: int, column: str) -> object:
    viewer = (
        "'revorg_d' || (SELECT oid FROM pg_database WHERE datname = current_database())::text"
        f" || '_p{plan_id}_viewer'"
    )
    query = (
        f"SELECT has_column_privilege({viewer}, 'plan_{plan_id}.positions', '{column}', 'SELECT')"
    )
    return team.admin(query, DATABASE)[0][0]


def test_a_plan_revision_alters_every_published_plan_and_the_registry_follows(
    run_cli: CliRunner,
    team: TeamServer,
    demo_file: Path,
    tmp_path: Path,
) -> None:
    fresh_database(team, DATABASE)
    for name in ("Acme", "Globex"):
        assert run_cli("push", demo_file, team.url(name, database=DATABASE)).code == 0
    before = {
        plan: team.admin(POSITIONS.format(schema=f"plan_{plan}"), DATABASE) for plan in (1, 2)
    }
    assert len(before[1]) == 19

    with pytest.MonkeyPatch.context() as program_of_format_10:
        folder = chain_with_test_revisions(tmp_path / "chain")
        program_of_format_10.setattr(chain, "CHAIN_FOLDER", folder)
        assert upgrade_server(team.url("Acme", database=DATABASE)) == "test10"

    for plan in (1, 2):
        schema = f"plan_{plan}"
        assert team.admin(POSITIONS.format(schema=schema), DATABASE) == before[plan]
        assert team.admin(
            f"SELECT count(*) FROM {schema}.positions WHERE nickname = lower(title)", DATABASE
        ) == [(19,)]
        assert team.admin(
            "SELECT is_nullable, data_type FROM information_schema.columns "
            f"WHERE table_schema = '{schema}' AND table_name = 'positions' "
            "AND column_name = 'nickname'",
            DATABASE,
        ) == [("NO", "text")]
        # The viewers read the new column, and still not the salaries.
        assert viewer_may_read(team, plan, "nickname") is True
        assert viewer_may_read(team, plan, "annual_cost") is False
    assert team.admin("SELECT file_format FROM revorg.plans ORDER BY id", DATABASE) == [
        (TEST_HEAD_FORMAT,),
        (TEST_HEAD_FORMAT,),
    ]

    # This program again, whose chain ends before the test revisions.
    result = run_cli("summary", team.url("Acme", database=DATABASE))
    assert_one_error(result, "was set up by a newer version of RevOrg (schema test10")
    assert "please update RevOrg" in result.err


def test_an_empty_server_runs_the_plan_revisions_on_no_plan(
    team: TeamServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh_database(team, "empty_chain")
    monkeypatch.setattr(chain, "CHAIN_FOLDER", chain_with_test_revisions(tmp_path / "chain"))
    assert upgrade_server(team.url("Acme", database="empty_chain")) == "test10"
    assert team.admin("SELECT count(*) FROM revorg.plans", "empty_chain") == [(0,)]
