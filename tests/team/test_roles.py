"""Owner, editor, viewer on a real PostgreSQL server, with real login roles made by the test:
the server refuses what a role may not do, through RevOrg (exit 2, one line) and through plain
SQL as that user (psycopg: permission denied), and user names are data."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from tests.conftest import CliRunner
from tests.team.conftest import TeamServer
from tests.team.logins import as_user, psql_as, url_as
from tests.team.test_cli_team import assert_one_error


def schema_of(team: TeamServer, plan: str) -> str:
    rows = team.admin(
        sql.SQL("SELECT schema_name FROM revorg.plans WHERE name = {}")
        .format(sql.Literal(plan))
        .as_string(None)
    )
    return str(rows[0][0])


def test_a_viewer_reads_the_plan_without_salaries_and_is_refused_the_rest(
    run_cli: CliRunner, team: TeamServer, plan_name: str, published: str,
    make_user: Callable[[str], str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:  # fmt: skip
    vera = make_user("vera")
    granted = run_cli("team", "grant", published, "--user", vera, "--role", "viewer")
    assert granted.code == 0, granted.err
    assert granted.out.strip() == f"{vera} is now viewer of {published}"
    as_vera = url_as(team, vera, plan_name)

    # summary works: the plan's figures, its costs "not available" (null), not 0.
    owner_report = json.loads(run_cli("summary", published, "--json").out)
    result = as_user(run_cli, monkeypatch, "summary", as_vera, "--json")
    assert result.code == 0, result.err
    report = json.loads(result.out)
    assert owner_report["cost"] > 0 and report["cost"] is None
    assert report["salaries"] == "not available" and report["cac"] is None
    assert report["cro"]["cost"] is None
    assert all(department["cost"] is None for department in report["departments"])
    assert report["targets"] == owner_report["targets"]  # 1,000,000: nothing else is hidden
    assert report["headcount"] == owner_report["headcount"]
    text = as_user(run_cli, monkeypatch, "summary", as_vera).out
    assert "Costs: not available (no access to salaries)" in text and "CAC: n/a" in text
    assert "1,700,000.00" not in text  # no cost column figure (the CRO's 170,000 x ...)

    # Through RevOrg: a copy with salaries, and changing roles, are refused in one line.
    copy = tmp_path / "copy.revorg"
    refused = as_user(run_cli, monkeypatch, "pull", as_vera, "-o", copy)
    assert_one_error(refused, "may not read the salaries")
    assert "--without-salaries" in refused.err and not copy.exists()
    book = tmp_path / "plan.xlsx"
    refused = as_user(run_cli, monkeypatch, "export", as_vera, "--xlsx", book)
    assert_one_error(refused, "may not read the salaries")
    assert not book.exists()
    refused = as_user(run_cli, monkeypatch, "team", "grant", as_vera, "--user", vera,
                      "--role", "owner")  # fmt: skip
    assert_one_error(refused, f"only an owner of plan {plan_name!r} may change its roles")

    # Through plain SQL as vera: the same refusals, from the server itself.
    schema = schema_of(team, plan_name)
    with psql_as(team, vera) as connection:
        titles = connection.execute(f'SELECT count(title) FROM "{schema}".positions').fetchone()
        assert titles == (19,)
        for query in (
            f'SELECT annual_cost FROM "{schema}".positions',
            f'SELECT * FROM "{schema}".positions',
            f'SELECT default_annual_cost FROM "{schema}".role_types',
            f'SELECT old FROM "{schema}".history_changes',
            f"UPDATE \"{schema}\".positions SET title = 'x'",
            f'DELETE FROM "{schema}".targets',
            f'INSERT INTO "{schema}".history_steps (id) VALUES (99)',
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                connection.execute(query)
        listed = connection.execute("SELECT name FROM revorg.plans").fetchall()
        assert listed == [(plan_name,)]  # only the plans vera has a role on

    # Her copy without salaries: allowed, and says so.
    pulled = as_user(run_cli, monkeypatch, "pull", as_vera, "-o", copy, "--without-salaries")
    assert pulled.code == 0, pulled.err
    assert pulled.out.strip().endswith(", without salaries)")


def test_an_editor_writes_rows_but_cannot_grant(
    run_cli: CliRunner, team: TeamServer, plan_name: str, published: str,
    make_user: Callable[[str], str], monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    eda, other = make_user("eda"), make_user("other")
    assert run_cli("team", "grant", published, "--user", eda, "--role", "editor").code == 0
    schema = schema_of(team, plan_name)
    with psql_as(team, eda) as connection:
        changed = connection.execute(
            f"UPDATE \"{schema}\".positions SET title = 'Chief Revenue Lead', "
            "annual_cost = 18000000 WHERE title = 'Chief Revenue Officer'"
        )
        assert changed.rowcount == 1
        assert connection.execute(
            f"SELECT annual_cost FROM \"{schema}\".positions WHERE title = 'Chief Revenue Lead'"
        ).fetchone() == (18000000,)  # fmt: skip
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute(
                sql.SQL("GRANT {} TO {}").format(
                    sql.Identifier(_role_name(team, plan_name, "editor")), sql.Identifier(other)
                )
            )
    as_eda = url_as(team, eda, plan_name)
    refused = as_user(run_cli, monkeypatch, "team", "grant", as_eda, "--user", other,
                      "--role", "viewer")  # fmt: skip
    assert_one_error(refused, "only an owner")
    report = json.loads(as_user(run_cli, monkeypatch, "summary", as_eda, "--json").out)
    assert "salaries" not in report
    # 170,000 -> 180,000 for the CRO: the cost an editor reads moved by 10,000.
    assert Decimal(str(report["cro"]["cost"])) == Decimal(180000)
    members = json.loads(run_cli("team", "members", published, "--json").out)
    assert {"user": eda, "role": "editor"} in members
    assert {"user": other, "role": "viewer"} not in members


def _role_name(team: TeamServer, plan: str, role: str) -> str:
    oid = team.admin("SELECT oid FROM pg_database WHERE datname = 'revorg'")[0][0]
    plan_id = schema_of(team, plan).removeprefix("plan_")
    return f"revorg_d{oid}_p{plan_id}_{role}"


def test_an_owner_names_owners_and_the_last_owner_stays(
    run_cli: CliRunner, team: TeamServer, plan_name: str, published: str,
    make_user: Callable[[str], str], monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    olga, bo = make_user("olga"), make_user("bo")
    assert run_cli("team", "grant", published, "--user", olga, "--role", "owner").code == 0
    as_olga = url_as(team, olga, plan_name)
    # olga, an owner, gives bo a role, changes it, and takes it away.
    for role in ("viewer", "editor"):
        result = as_user(run_cli, monkeypatch, "team", "grant", as_olga, "--user", bo,
                         "--role", role)  # fmt: skip
        assert result.code == 0, result.err
    members = json.loads(run_cli("team", "members", published, "--json").out)
    assert {"user": bo, "role": "editor"} in members and {"user": olga, "role": "owner"} in members
    assert sum(1 for member in members if member["user"] == bo) == 1  # one role at a time
    assert as_user(run_cli, monkeypatch, "team", "revoke", as_olga, "--user", bo).code == 0
    members = json.loads(run_cli("team", "members", published, "--json").out)
    assert all(member["user"] != bo for member in members)
    # bo, with no role, does not even see the plan.
    result = as_user(run_cli, monkeypatch, "summary", url_as(team, bo, plan_name))
    assert_one_error(result, f"no plan {plan_name!r}")
    # The administrator who published is an owner too; olga alone may not be removed by
    # herself once she is the only one.
    assert run_cli("team", "revoke", published, "--user", "revorg").code == 0
    result = as_user(run_cli, monkeypatch, "team", "revoke", as_olga, "--user", olga)
    assert_one_error(result, "only owner")


@pytest.mark.parametrize(
    "base",
    [
        'ana"; DROP ROLE revorg; --',
        "O'Brien'); DELETE FROM revorg.plans; --",
        'x" WITH SUPERUSER; --',
        "Zoë 计划",
    ],
)
def test_user_names_with_quotes_semicolons_and_sql_are_data(
    run_cli: CliRunner, team: TeamServer, published: str, make_user: Callable[[str], str],
    base: str,
) -> None:  # fmt: skip
    name = make_user(base)
    result = run_cli("team", "grant", published, "--user", name, "--role", "editor")
    assert result.code == 0, result.err
    members = json.loads(run_cli("team", "members", published, "--json").out)
    assert {"user": name, "role": "editor"} in members
    superuser = team.admin(
        sql.SQL("SELECT rolsuper FROM pg_roles WHERE rolname = {}")
        .format(sql.Literal(name))
        .as_string(None)
    )
    assert superuser == [(False,)]
    assert team.admin("SELECT count(*) FROM pg_roles WHERE rolname = 'revorg'") == [(1,)]
    assert len(team.admin("SELECT * FROM revorg.plans")) >= 1
    assert run_cli("team", "revoke", published, "--user", name).code == 0
    unknown = run_cli("team", "grant", published, "--user", base + "-nobody", "--role", "viewer")
    assert_one_error(unknown, f"no user {base + '-nobody'!r} on the server")


def test_a_column_added_by_a_later_revision_is_granted_to_viewers_but_salaries_stay_hidden(
    run_cli: CliRunner, team: TeamServer, plan_name: str, published: str,
    make_user: Callable[[str], str],
) -> None:  # fmt: skip
    from revorg.model.team.address import parse_plan_url
    from revorg.model.team.roles import regrant_all
    from revorg.model.team.server import engine_for

    vera = make_user("vera")
    assert run_cli("team", "grant", published, "--user", vera, "--role", "viewer").code == 0
    schema = schema_of(team, plan_name)
    # What a revision adding a column does in each plan's schema.
    team.admin(f'ALTER TABLE "{schema}".positions ADD COLUMN added_later BIGINT DEFAULT 0')
    with psql_as(team, vera) as connection, pytest.raises(psycopg.errors.InsufficientPrivilege):
        connection.execute(f'SELECT added_later FROM "{schema}".positions')
    engine = engine_for(parse_plan_url(published))
    try:
        with engine.begin() as connection:
            regrant_all(connection)
    finally:
        engine.dispose()
    with psql_as(team, vera) as connection:
        versions = connection.execute(f'SELECT sum(added_later) FROM "{schema}".positions')
        assert versions.fetchone() == (0,)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute(f'SELECT annual_cost FROM "{schema}".positions')


def test_revision_0003_gives_plans_published_before_it_their_roles(
    run_cli: CliRunner, team: TeamServer, make_user: Callable[[str], str], demo_file: Path,
) -> None:  # fmt: skip
    from alembic import command
    from sqlalchemy import text

    from revorg.model.team.address import parse_plan_url
    from revorg.model.team.schema import _config, upgrade
    from revorg.model.team.server import engine_for
    from revorg.model.team.storage import plan_tables

    team.admin("DROP DATABASE IF EXISTS before_roles", database="postgres")
    team.admin("CREATE DATABASE before_roles", database="postgres")
    publisher, vera = make_user("pia"), make_user("vera")
    url = team.url("Old plan", database="before_roles")
    engine = engine_for(parse_plan_url(url))
    try:
        with engine.begin() as connection:  # a plan as the first slice (revision 0001) left it
            command.upgrade(_config(connection), "0001")  # type: ignore[arg-type]
            connection.execute(
                text(
                    "INSERT INTO revorg.plans (id, name, schema_name, file_format, created_by) "
                    "VALUES (1, 'Old plan', 'plan_1', 8, :publisher)"
                ),
                {"publisher": publisher},
            )
            connection.execute(text('CREATE SCHEMA "plan_1"'))
            translated = connection.execution_options(schema_translate_map={None: "plan_1"})
            for table in plan_tables():
                table.create(translated)
        with engine.begin() as connection:
            upgrade(connection, parse_plan_url(url))
    finally:
        engine.dispose()
    members = json.loads(run_cli("team", "members", url, "--json").out)
    assert members == [{"user": publisher, "role": "owner"}]
    as_pia = url_as(team, publisher, "Old plan").replace("/revorg?", "/before_roles?")
    with pytest.MonkeyPatch.context() as patched:
        granted = as_user(run_cli, patched, "team", "grant", as_pia, "--user", vera,
                          "--role", "viewer")  # fmt: skip
    assert granted.code == 0, granted.err


def grants_by_giver(team: TeamServer) -> bool:
    """PostgreSQL 16 and later: only a membership's giver (or a role with its rights, or a
    superuser) takes it away."""
    return int(str(team.admin("SHOW server_version_num")[0][0])) >= 160000


def test_any_owner_takes_away_a_role_another_owner_gave_and_the_publisher_too(
    run_cli: CliRunner, team: TeamServer, plan_name: str, published: str,
    make_user: Callable[[str], str], monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    olga, cy, bo = make_user("olga"), make_user("cy"), make_user("bo")
    for user, role in ((olga, "owner"), (cy, "editor")):  # given by the publisher
        assert run_cli("team", "grant", published, "--user", user, "--role", role).code == 0
    as_olga = url_as(team, olga, plan_name)
    given = as_user(
        run_cli, monkeypatch, "team", "grant", as_olga, "--user", bo, "--role", "viewer"
    )
    assert given.code == 0, given.err
    # On PostgreSQL 16 a plain REVOKE of another giver's grant only warned: both stayed.
    taken = as_user(run_cli, monkeypatch, "team", "revoke", as_olga, "--user", cy)
    assert taken.code == 0, taken.err
    assert run_cli("team", "revoke", published, "--user", bo).code == 0
    members = json.loads(run_cli("team", "members", published, "--json").out)
    assert {member["user"] for member in members} == {"revorg", olga}
    with psql_as(team, cy) as connection, pytest.raises(psycopg.errors.InsufficientPrivilege):
        connection.execute(f'SELECT * FROM "{schema_of(team, plan_name)}".positions')


def test_an_owner_role_another_owner_gave_is_taken_away_by_its_giver_on_postgresql_16(
    run_cli: CliRunner, team: TeamServer, plan_name: str, published: str,
    make_user: Callable[[str], str], monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    olga, pat, dan = make_user("olga"), make_user("pat"), make_user("dan")
    for owner in (olga, pat):
        assert run_cli("team", "grant", published, "--user", owner, "--role", "owner").code == 0
    as_olga, as_pat = url_as(team, olga, plan_name), url_as(team, pat, plan_name)
    given = as_user(
        run_cli, monkeypatch, "team", "grant", as_olga, "--user", dan, "--role", "owner"
    )
    assert given.code == 0, given.err
    by_pat = as_user(run_cli, monkeypatch, "team", "revoke", as_pat, "--user", dan)
    leaving = as_user(run_cli, monkeypatch, "team", "revoke", as_pat, "--user", olga)
    owners = {m["user"] for m in json.loads(run_cli("team", "members", published, "--json").out)}
    if grants_by_giver(team):
        assert_one_error(by_pat, f"{dan!r} was given the role by {olga!r}")
        assert_one_error(leaving, f"{olga!r} made other owners of the plan")
        assert owners == {"revorg", olga, pat, dan}  # nothing half done
        for given_by_revorg in (dan, olga):  # an administrator may, olga's grant gone first
            assert run_cli("team", "revoke", published, "--user", given_by_revorg).code == 0
    else:  # before 16, any holder of ADMIN OPTION took any membership away
        assert (by_pat.code, leaving.code) == (0, 0), by_pat.err + leaving.err
        assert owners == {"revorg", pat}
    owners = {m["user"] for m in json.loads(run_cli("team", "members", published, "--json").out)}
    assert owners == {"revorg", pat}


def test_a_createrole_user_not_a_superuser_publishes_and_gives_roles(
    run_cli: CliRunner, team: TeamServer, plan_name: str, demo_file: Path,
    make_user: Callable[[str], str], monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    # On PostgreSQL 16 such a user holds ADMIN OPTION on the roles it creates: granting it to
    # itself again was refused ("ADMIN option cannot be granted back to your own grantor").
    pub, bo = make_user("pub"), make_user("bo")
    database = f"db_{pub}"  # its own: it sets up RevOrg's tables there as their owner
    team.admin(f'ALTER ROLE "{pub}" CREATEROLE')
    team.admin(f'CREATE DATABASE "{database}" OWNER "{pub}"')
    as_pub, as_bo = (
        team.url(plan_name, database).replace("revorg@", f"{user}@", 1) for user in (pub, bo)
    )
    try:
        pushed = as_user(run_cli, monkeypatch, "push", demo_file, as_pub)
        assert pushed.code == 0, pushed.err
        given = as_user(run_cli, monkeypatch, "team", "grant", as_pub, "--user", bo,
                        "--role", "editor")  # fmt: skip
        assert given.code == 0, given.err
        listed = as_user(run_cli, monkeypatch, "team", "members", as_pub, "--json").out
        assert json.loads(listed) == [
            {"user": bo, "role": "editor"},
            {"user": pub, "role": "owner"},
        ]
        assert as_user(run_cli, monkeypatch, "summary", as_bo).code == 0
        assert as_user(run_cli, monkeypatch, "team", "revoke", as_pub, "--user", bo).code == 0
        assert as_user(run_cli, monkeypatch, "summary", as_bo).code == 2
    finally:
        team.admin(f'DROP DATABASE "{database}" WITH (FORCE)')
