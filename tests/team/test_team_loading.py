"""Reading a team plan (revorg.model.team.copying): the server's rows are untrusted input; the
keys SQLite checks once for the whole plan after the copy refuse a damaged plan in one line, as
the constraints checked row by row did, and nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import CliRunner
from tests.team.conftest import TeamServer
from tests.team.test_cli_team import assert_one_error
from tests.team.test_roles import schema_of


def test_a_card_whose_manager_is_missing_on_the_server_refuses_the_plan(
    run_cli: CliRunner, team: TeamServer, plan_name: str, demo_file: Path, tmp_path: Path
) -> None:
    url = team.url(plan_name)
    assert run_cli("push", demo_file, url).code == 0
    schema = schema_of(team, plan_name)
    # As a program that bypasses the server's own keys would leave it (replica mode skips them).
    team.admin(
        "SET session_replication_role = replica; "
        f'UPDATE "{schema}".positions SET manager_id = 9999 '
        f'WHERE id = (SELECT max(id) FROM "{schema}".positions)'
    )
    copy = tmp_path / "copy.revorg"
    result = run_cli("pull", url, "-o", copy)
    assert_one_error(result, "cannot be read: row ")
    assert "of table 'positions' refers to a missing 'positions' row" in result.err
    assert not copy.exists()


def test_a_card_of_a_missing_scenario_refuses_the_plan_too(
    run_cli: CliRunner, team: TeamServer, plan_name: str, demo_file: Path
) -> None:
    url = team.url(plan_name)
    assert run_cli("push", demo_file, url).code == 0
    schema = schema_of(team, plan_name)
    team.admin(
        "SET session_replication_role = replica; "
        f'UPDATE "{schema}".positions SET scenario_id = 77 '
        f'WHERE id = (SELECT min(id) FROM "{schema}".positions)'
    )
    result = run_cli("summary", url)
    assert_one_error(result, "refers to a missing 'scenarios' row")


@pytest.mark.parametrize(
    ("change", "words"),
    [
        # A column turned into a type RevOrg never makes: its values come as Decimal.
        (
            "ALTER TABLE {schema}.positions ALTER COLUMN headcount TYPE numeric",
            "a value in table 'positions' is not one RevOrg makes (Decimal)",
        ),
        # The last table asked for in the one round trip gone: named, not the first.
        (
            "ALTER TABLE {schema}.dotted_lines RENAME TO dotted_lines_old",
            "table 'dotted_lines' is not as RevOrg makes it",
        ),
        # The first one's column gone: the tables asked after it are not named.
        (
            "ALTER TABLE {schema}.deal_imports DROP COLUMN source",
            "table 'deal_imports' is not as RevOrg makes it",
        ),
    ],
)
def test_a_table_the_server_changed_refuses_the_first_open_in_one_line(
    run_cli: CliRunner,
    team: TeamServer,
    plan_name: str,
    demo_file: Path,
    tmp_path: Path,
    change: str,
    words: str,
) -> None:
    url = team.url(plan_name)
    assert run_cli("push", demo_file, url).code == 0
    team.admin(change.format(schema=f'"{schema_of(team, plan_name)}"'))
    copy = tmp_path / "copy.revorg"
    result = run_cli("pull", url, "-o", copy)
    assert_one_error(result, f"cannot be read: {words}")
    assert not copy.exists()


def test_a_connection_watches_a_silent_host_instead_of_waiting_for_tcp(team: TeamServer) -> None:
    """An open connection whose host stops answering fails within seconds (the window says the
    server is away) rather than after the system's TCP retransmissions (about 15 minutes)."""
    from revorg.model.team.address import parse_plan_url
    from revorg.model.team.server import connect

    connection = connect(parse_plan_url(team.url("any")))
    try:
        settings = dict(item.split("=", 1) for item in connection.info.dsn.split())
    finally:
        connection.close()
    assert settings["keepalives"] == "1"
    assert settings["keepalives_idle"] == "10"
    assert settings["tcp_user_timeout"] == "10000"
    assert settings["connect_timeout"] == "10"


def _every_row(address: object, *, pipelined: bool, monkeypatch: pytest.MonkeyPatch) -> dict:
    import psycopg

    from revorg.model.team.storage import plan_tables
    from revorg.model.team.transfer import load

    supported = psycopg.Pipeline.is_supported
    monkeypatch.setattr(
        psycopg.Pipeline, "is_supported", classmethod(lambda cls: pipelined and supported())
    )
    loaded = load(address, row_versions=True, cache=None)  # type: ignore[arg-type]
    try:
        rows = {
            table.name: sorted(loaded.connection.execute(f'SELECT * FROM "{table.name}"'))
            for table in plan_tables()
        }
    finally:
        loaded.connection.close()
    return {"rows": rows, "versions": loaded.row_versions}


def test_a_client_library_without_pipeline_mode_reads_the_same_plan(
    run_cli: CliRunner,
    team: TeamServer,
    plan_name: str,
    demo_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """libpq before 14 has no pipeline mode: the tables are then asked one after the other,
    and the plan read is the same, row by row and version by version."""
    from revorg.model.team.address import parse_plan_url

    url = team.url(plan_name)
    assert run_cli("push", demo_file, url).code == 0
    address = parse_plan_url(url)
    piped = _every_row(address, pipelined=True, monkeypatch=monkeypatch)
    in_turn = _every_row(address, pipelined=False, monkeypatch=monkeypatch)
    assert piped == in_turn
    assert len(piped["rows"]["positions"]) > 10 and piped["versions"]
    # A changed table is named the same way without the pipeline.
    team.admin(f'ALTER TABLE "{schema_of(team, plan_name)}".targets DROP COLUMN goal')
    result = run_cli("summary", url)
    assert_one_error(result, "cannot be read: table 'targets' is not as RevOrg makes it")
