"""Team plans on a real PostgreSQL server, as a user meets them on the command line: `push`,
`pull`, and the read commands on a plan's URL; the refusals as one `error:` line."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from revorg.model.entities import Base
from tests.conftest import CliResult, CliRunner
from tests.team.conftest import TeamServer


def assert_one_error(result: CliResult, words: str) -> None:
    assert result.code == 2, result.err
    assert len(result.error_lines) == 1 and "Traceback" not in result.err, result.err
    assert result.error_lines[0].startswith("error: ") and words in result.error_lines[0]
    assert result.out == ""


def table_rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table of a plan file, its rows sorted: what 'equal table by table' compares."""
    with sqlite3.connect(path) as connection:
        return {
            table.name: sorted(
                connection.execute(f'SELECT * FROM "{table.name}"').fetchall(), key=repr
            )
            for table in Base.metadata.sorted_tables
        }


@pytest.fixture
def edited_demo(run_cli: CliRunner, demo_file: Path) -> Path:
    """The demo plan with two logged steps: a goal above INTEGER's EUR 21 million and a name."""
    assert run_cli("targets", demo_file, "--goal", "50000000", "--who", "Ana").code == 0
    assert run_cli("settings", demo_file, "--name", "Acme FY27", "--who", "Bo").code == 0
    return demo_file


def test_push_then_pull_gives_the_same_plan_table_by_table(
    run_cli: CliRunner, team: TeamServer, plan_name: str, edited_demo: Path, tmp_path: Path
) -> None:
    url = team.url(plan_name)
    pushed = run_cli("push", edited_demo, url)
    assert pushed.code == 0, pushed.err
    assert pushed.out.strip() == f"published {edited_demo} as {url}"

    copy = tmp_path / "copy.revorg"
    pulled = run_cli("pull", url, "-o", copy)
    assert pulled.code == 0, pulled.err
    assert pulled.out.strip() == f"wrote {copy} (version 2 of {url})"

    original, back = table_rows(edited_demo), table_rows(copy)
    assert back == original
    assert len(back["positions"]) == 19 and len(back["history_steps"]) == 2
    goal_cents = back["targets"][0][1]
    assert goal_cents == 5_000_000_000  # EUR 50,000,000.00 in cents: past a 32-bit integer
    # The copy is an ordinary plan file: its log still verifies.
    history = json.loads(run_cli("history", copy, "--json").out)
    assert history["verified"] is True and [s["who"] for s in history["steps"]] == ["Bo", "Ana"]


def test_summary_compare_export_and_history_on_a_url_give_the_files_numbers(
    run_cli: CliRunner, team: TeamServer, plan_name: str, demo_file: Path, tmp_path: Path
) -> None:
    url = team.url(plan_name)
    assert run_cli("push", demo_file, url).code == 0

    on_file = json.loads(run_cli("summary", demo_file, "--json").out)
    result = run_cli("summary", url, "--json")
    assert result.code == 0, result.err
    on_server = json.loads(result.out)
    assert on_server.pop("url") == url  # no password: the pgpass file gave it
    assert on_server == on_file
    # The worked plan (seed 002): 360,000 new + 640,000 retained = the 1,000,000 goal.
    targets = on_server["targets"]
    assert targets["new_business"] == 360000 and targets["retained"] == 640000
    assert targets["total"] == 1000000 and targets["gap"] == 0
    assert on_server["version"] == 0  # published before any change
    assert run_cli("summary", url).out == run_cli("summary", demo_file).out

    compared = run_cli("compare", url, "--scenarios", "Base", "Base", "--json")
    assert compared.code == 0, compared.err
    assert (
        compared.out == run_cli("compare", demo_file, "--scenarios", "Base", "Base", "--json").out
    )

    assert run_cli("history", url, "--json").out == run_cli("history", demo_file, "--json").out
    assert run_cli("snapshots", url, "--json").out == run_cli("snapshots", demo_file, "--json").out

    from_server, from_file = tmp_path / "server.xlsx", tmp_path / "file.xlsx"
    exported = run_cli("export", url, "--xlsx", from_server)
    assert exported.code == 0, exported.err
    assert run_cli("export", demo_file, "--xlsx", from_file).code == 0
    assert workbook_values(from_server) == workbook_values(from_file)


def workbook_values(path: Path) -> dict[str, list[tuple[object, ...]]]:
    import openpyxl

    book = openpyxl.load_workbook(path)
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets}


def test_summary_json_of_a_file_has_its_version(run_cli: CliRunner, edited_demo: Path) -> None:
    report = json.loads(run_cli("summary", edited_demo, "--json").out)
    assert report["version"] == 2 and "url" not in report


@pytest.mark.parametrize(
    "name",
    [
        'Acme "FY27"; DROP SCHEMA revorg CASCADE; --',
        "O'Brien's plan'); DELETE FROM revorg.plans; --",
        "plan_1",  # the name of a plan's schema, as data
        "Año fiscal 2027 · 计划 & 100%",
    ],
)
def test_plan_names_with_quotes_semicolons_and_sql_are_data(
    run_cli: CliRunner, team: TeamServer, demo_file: Path, name: str
) -> None:
    url = team.url(name)
    assert run_cli("push", demo_file, url).code == 0
    result = run_cli("summary", url, "--json")
    assert result.code == 0, result.err
    assert json.loads(result.out)["targets"]["total"] == 1000000
    registered = team.admin(f"SELECT name FROM revorg.plans WHERE name = {_literal(name)}")
    assert registered == [(name,)]
    assert team.admin("SELECT count(*) FROM revorg.plans")[0][0] >= 1  # the registry is intact


def _literal(text: str) -> str:
    """A SQL string literal, for the test's own administrator query."""
    return "'" + text.replace("'", "''") + "'"


def test_pushing_to_an_existing_plan_is_refused_and_changes_nothing(
    run_cli: CliRunner, team: TeamServer, plan_name: str, edited_demo: Path, tmp_path: Path
) -> None:
    url = team.url(plan_name)
    assert run_cli("push", edited_demo, url).code == 0
    other = tmp_path / "other.revorg"
    assert run_cli("new", "--template", "demo", "--year", "2027", "-o", other).code == 0
    again = run_cli("push", other, url)
    assert_one_error(again, "already exists and this file is not a copy of it (no step in")
    report = json.loads(run_cli("summary", url, "--json").out)
    assert report["version"] == 2 and report["goal"] == 50000000  # still the first push


def test_a_wrong_password_is_exit_2_in_one_line_without_the_password(
    run_cli: CliRunner, team: TeamServer, plan_name: str, demo_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    url = team.url(plan_name)
    assert run_cli("push", demo_file, url).code == 0
    monkeypatch.setenv("PGPASSWORD", "Wr0ng-Secret-Pw")
    monkeypatch.setenv("PGPASSFILE", "/nonexistent")
    result = run_cli("summary", url)
    assert_one_error(result, "authentication failed for user revorg")
    assert "Wr0ng-Secret-Pw" not in result.err

    in_url = url.replace("revorg@", "revorg:Wr0ng-In-Url@")
    result = run_cli("summary", in_url, "--json")
    assert_one_error(result, "authentication failed")
    assert "Wr0ng-In-Url" not in result.err


def test_a_closed_port_is_exit_2_in_one_line_without_the_password(
    run_cli: CliRunner, team: TeamServer, tmp_path: Path
) -> None:
    import socket

    with socket.socket() as unused:  # a port nothing listens on
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    url = f"postgresql://revorg:Hidden-Pw@127.0.0.1:{port}/revorg?plan=Acme"
    result = run_cli("pull", url, "-o", tmp_path / "copy.revorg")
    assert_one_error(result, f"cannot reach the team server 127.0.0.1:{port}/revorg")
    assert "Hidden-Pw" not in result.err
    assert not (tmp_path / "copy.revorg").exists()


def test_an_unknown_plan_is_exit_2_in_one_line(
    run_cli: CliRunner, team: TeamServer, demo_file: Path, plan_name: str, tmp_path: Path
) -> None:
    assert run_cli("push", demo_file, team.url(plan_name)).code == 0  # the server has plans
    result = run_cli("pull", team.url("No such plan"), "-o", tmp_path / "copy.revorg")
    assert_one_error(result, f"no plan 'No such plan' on 127.0.0.1:{team.port}/revorg")
    assert not (tmp_path / "copy.revorg").exists()


def test_a_server_without_team_plans_says_so(run_cli: CliRunner, team: TeamServer) -> None:
    team.admin("DROP DATABASE IF EXISTS untouched", database="postgres")
    team.admin("CREATE DATABASE untouched", database="postgres")
    result = run_cli("summary", team.url("Acme", database="untouched"))
    assert_one_error(result, "the server has no team plans yet")
    # Reading never creates anything on the server.
    assert team.admin("SELECT 1 FROM pg_namespace WHERE nspname = 'revorg'", "untouched") == []


def test_a_value_the_plan_cannot_hold_is_refused_as_a_files_would_be(
    run_cli: CliRunner, team: TeamServer, plan_name: str, demo_file: Path, tmp_path: Path
) -> None:
    url = team.url(plan_name)
    assert run_cli("push", demo_file, url).code == 0
    schema = team.admin(f"SELECT schema_name FROM revorg.plans WHERE name = {_literal(plan_name)}")
    team.admin(f"UPDATE {schema[0][0]}.targets SET close_rate = 'ten percent'")
    result = run_cli("pull", url, "-o", tmp_path / "copy.revorg")
    assert_one_error(result, "a value in table 'targets' cannot be read")
    assert not (tmp_path / "copy.revorg").exists()


def test_a_url_without_a_plan_is_a_usage_error(run_cli: CliRunner) -> None:
    result = run_cli("summary", "postgresql://ana:Pw-In-Url@db.example.com/revorg")
    assert_one_error(result, "the URL names no plan: add ?plan=NAME")
    assert "Pw-In-Url" not in result.err


def test_a_plan_whose_tables_were_changed_on_the_server_is_refused(
    run_cli: CliRunner, team: TeamServer, plan_name: str, demo_file: Path
) -> None:
    url = team.url(plan_name)
    assert run_cli("push", demo_file, url).code == 0
    schema = team.admin(f"SELECT schema_name FROM revorg.plans WHERE name = {_literal(plan_name)}")
    team.admin(f"ALTER TABLE {schema[0][0]}.positions DROP COLUMN notes")
    result = run_cli("summary", url)
    assert_one_error(result, "cannot be read: table 'positions' is not as RevOrg makes it")


def test_a_user_without_rights_on_the_plans_is_refused(
    run_cli: CliRunner, team: TeamServer, plan_name: str, demo_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    assert run_cli("push", demo_file, team.url(plan_name)).code == 0
    team.admin("DROP ROLE IF EXISTS outsider")
    team.admin("CREATE ROLE outsider LOGIN PASSWORD 'Outsider-Pw-1'")
    monkeypatch.setenv("PGPASSWORD", "Outsider-Pw-1")
    url = team.url(plan_name).replace("//revorg@", "//outsider@")
    result = run_cli("summary", url)
    # The registry lists a user's plans only (docs/team-plans.md, "Owner, editor, viewer").
    assert_one_error(
        result, f"no plan '{plan_name}' on 127.0.0.1:{team.port}/revorg for user outsider"
    )
    assert "Outsider-Pw-1" not in result.err
    import psycopg

    schema = team.admin(f"SELECT schema_name FROM revorg.plans WHERE name = '{plan_name}'")[0][0]
    with (
        psycopg.connect(
            host="127.0.0.1", port=team.port, user="outsider", password="Outsider-Pw-1",
            dbname="revorg", autocommit=True,
        ) as connection,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):  # fmt: skip
        connection.execute(f'SELECT title FROM "{schema}".positions')


def test_a_user_without_the_right_to_connect_is_refused(
    run_cli: CliRunner, team: TeamServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    team.admin("DROP DATABASE IF EXISTS closed", database="postgres")
    team.admin("CREATE DATABASE closed", database="postgres")
    team.admin("REVOKE CONNECT ON DATABASE closed FROM PUBLIC", database="postgres")
    team.admin("DROP ROLE IF EXISTS stranger")
    team.admin("CREATE ROLE stranger LOGIN PASSWORD 'Stranger-Pw-1'")
    monkeypatch.setenv("PGPASSWORD", "Stranger-Pw-1")
    result = run_cli("summary", f"postgresql://stranger@127.0.0.1:{team.port}/closed?plan=A")
    assert_one_error(result, "permission denied: user stranger may not do this on plan 'A'")


def test_a_value_the_server_cannot_store_refuses_the_push_and_writes_nothing(
    run_cli: CliRunner, team: TeamServer, plan_name: str, demo_file: Path
) -> None:
    with sqlite3.connect(demo_file) as plan:  # SQLite keeps a NUL in a text; PostgreSQL cannot
        plan.execute("UPDATE positions SET notes = 'a' || char(0) || 'b' WHERE id = 1")
    result = run_cli("push", demo_file, team.url(plan_name))
    assert_one_error(result, "cannot store a value of this plan")
    # One transaction: no registry row, no schema left behind.
    assert team.admin(f"SELECT 1 FROM revorg.plans WHERE name = {_literal(plan_name)}") == []
    assert_one_error(run_cli("summary", team.url(plan_name)), f"no plan '{plan_name}'")


def test_targets_and_settings_on_a_url_are_one_step_each_and_move_the_version(
    run_cli: CliRunner, team: TeamServer, plan_name: str, edited_demo: Path
) -> None:
    url = team.url(plan_name)
    assert run_cli("push", edited_demo, url).code == 0
    assert json.loads(run_cli("summary", url, "--json").out)["version"] == 2

    goal = run_cli("targets", url, "--goal", "1500000", "--expect-version", "2", "--who", "Ana")
    assert goal.code == 0, goal.err
    assert "goal          50,000,000.00 -> 1,500,000.00" in goal.out
    named = run_cli("settings", url, "--name", "Acme FY27 (team)", "--who", "Bo")
    assert named.code == 0, named.err
    assert named.out.splitlines()[:2] == [f"{url}: saved", "name: Acme FY27 (team)"]

    summary = json.loads(run_cli("summary", url, "--json").out)
    assert summary["version"] == 4
    assert summary["goal"] == 1500000
    history = run_cli("history", url)
    assert history.code == 0 and "Ana" in history.out and "Bo" in history.out


def test_snapshot_and_restore_on_a_url_are_steps_and_the_snapshot_stays_one(
    run_cli: CliRunner, team: TeamServer, plan_name: str, edited_demo: Path
) -> None:
    url = team.url(plan_name)
    assert run_cli("push", edited_demo, url).code == 0
    assert run_cli("summary", url).code == 0  # a copy kept: the next opens take in the log
    taken = run_cli("snapshot", url, "--name", "Board plan FY27", "--who", "Ana")
    assert taken.code == 0, taken.err
    assert taken.out == f"took snapshot 'Board plan FY27' of 'Base' in {url}\n"
    # Read through the cached copy and the log's step: still a snapshot, not a scenario.
    listed = json.loads(run_cli("snapshots", url, "--json").out)["snapshots"]
    assert [(s["name"], s["taken_by"]) for s in listed] == [("Board plan FY27", "Ana")]
    assert json.loads(run_cli("summary", url, "--json").out)["version"] == 3
    restored = run_cli("restore", url, "--snapshot", "Board plan FY27", "--as", "Board again")
    assert restored.code == 0, restored.err
    compared = run_cli("compare", url, "--scenarios", "Base", "Board again")
    assert compared.code == 0, compared.err
    missing = run_cli("restore", url, "--snapshot", "No such", "--as", "X")
    assert missing.code == 2 and missing.err.count("\n") == 1
    assert missing.err.startswith("error: no snapshot named 'No such'")


def test_expect_version_refuses_a_stale_change_naming_who_changed_the_plan(
    run_cli: CliRunner, team: TeamServer, plan_name: str, edited_demo: Path
) -> None:
    url = team.url(plan_name)
    assert run_cli("push", edited_demo, url).code == 0
    assert run_cli("targets", url, "--goal", "1500000", "--who", "Ana").code == 0  # version 3

    stale = run_cli("targets", url, "--goal", "2000000", "--expect-version", "2", "--who", "Bo")
    assert_one_error(stale, "the plan is at version 3, not 2: changed since by Ana (last at 20")
    stale_settings = run_cli("settings", url, "--name", "X", "--expect-version", "1")
    assert_one_error(stale_settings, "changed since by Bo, Ana")
    summary = json.loads(run_cli("summary", url, "--json").out)
    assert (summary["version"], summary["goal"]) == (3, 1500000)
    # The same on a file: its own log says who.
    refused = run_cli("targets", edited_demo, "--goal", "1", "--expect-version", "1")
    assert_one_error(refused, "the plan is at version 2, not 1: changed since by Bo (last at")


def test_who_and_names_with_quotes_and_semicolons_are_data_when_editing(
    run_cli: CliRunner, team: TeamServer, plan_name: str, demo_file: Path
) -> None:
    url = team.url(plan_name)
    assert run_cli("push", demo_file, url).code == 0
    name = "O'Brien's plan'); DELETE FROM plan; --"
    who = 'Ana "the CRO"; DROP TABLE history_steps; --'
    result = run_cli("settings", url, "--name", name, "--who", who)
    assert result.code == 0, result.err
    shown = run_cli("settings", url)
    assert shown.out.splitlines()[0] == f"name: {name}"
    assert who in run_cli("history", url).out


def test_push_of_a_pulled_copy_sends_its_steps_and_keeps_a_conflict_in_a_scenario(
    run_cli: CliRunner, team: TeamServer, plan_name: str, edited_demo: Path, tmp_path: Path
) -> None:
    url = team.url(plan_name)
    assert run_cli("push", edited_demo, url).code == 0
    copy = tmp_path / "workshop.revorg"
    assert run_cli("pull", url, "-o", copy).code == 0  # version 2
    # Offline, Ana changes the goal and the plan's name; meanwhile Bo changes the goal.
    assert run_cli("targets", copy, "--goal", "1200000", "--who", "Ana").code == 0
    assert run_cli("settings", copy, "--name", "Acme workshop", "--who", "Ana").code == 0
    assert run_cli("targets", url, "--goal", "1500000", "--who", "Bo").code == 0

    pushed = run_cli("push", copy, url, "--who", "Ana")
    assert pushed.code == 0, pushed.err
    lines = pushed.out.splitlines()
    assert lines[0] == (
        f"sent 1 of 2 offline steps of {copy} to {url} (pulled at version 2; now version 5)"
    )
    day = lines[1].split("Offline edits of Ana, ")[1][:10]
    assert lines[1] == (
        f"conflicts, kept in 'Offline edits of Ana, {day}' "
        "(pull a fresh copy before working offline again):"
    )
    assert lines[2].startswith("  step 3 by Ana at ")
    assert lines[3].startswith("    target 1 goal: server '1500000.00' (changed by Bo at 20")
    assert lines[3].endswith(", yours '1200000.00'")

    summary = json.loads(run_cli("summary", url, "--json").out)
    assert (summary["plan"], summary["goal"], summary["version"]) == ("Acme workshop", 1500000, 5)
    kept = json.loads(
        run_cli("summary", url, "--json", "--scenario", f"Offline edits of Ana, {day}").out
    )
    assert kept["goal"] == 1200000  # Ana's goal, not lost
    # Pushed again by mistake: the step that landed is not sent twice.
    again = run_cli("push", copy, url, "--who", "Ana")
    assert again.out.startswith(f"sent 0 of 1 offline steps of {copy}")
    assert json.loads(run_cli("summary", url, "--json").out)["plan"] == "Acme workshop"


def test_push_of_a_copy_pulled_before_any_change_finds_where_it_was_pulled(
    run_cli: CliRunner, team: TeamServer, plan_name: str, demo_file: Path, tmp_path: Path
) -> None:
    url = team.url(plan_name)
    assert run_cli("push", demo_file, url).code == 0  # a log without steps: version 0
    copy = tmp_path / "workshop.revorg"
    assert run_cli("pull", url, "-o", copy).code == 0
    assert run_cli("targets", copy, "--goal", "1200000", "--who", "Ana").code == 0
    assert run_cli("settings", url, "--name", "Acme FY27", "--who", "Bo").code == 0
    pushed = run_cli("push", copy, url)
    assert pushed.code == 0, pushed.err
    assert pushed.out.splitlines() == [
        f"sent 1 of 1 offline steps of {copy} to {url} (pulled at version 0; now version 2)"
    ]
    summary = json.loads(run_cli("summary", url, "--json").out)
    assert (summary["plan"], summary["goal"]) == ("Acme FY27", 1200000)


def test_import_of_a_roster_into_a_url_publishes_a_plan_whose_log_is_the_import(
    run_cli: CliRunner, team: TeamServer, plan_name: str, tmp_path: Path
) -> None:
    from tests.test_cli_history import ROSTER

    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    url = team.url(plan_name)
    result = run_cli("import", roster, "-o", url, "--year", "2027", "--who", "Ana")
    assert result.code == 0, result.err
    assert result.out.strip() == f"wrote {url} (3 positions from roster.csv)"
    summary = json.loads(run_cli("summary", url, "--json").out)
    assert (summary["positions"], summary["version"]) == (3, 1)
    assert "Import roster.csv: 3 positions" in run_cli("history", url).out
    again = run_cli("import", roster, "-o", url)  # its notes, then the refusal
    assert again.code == 2 and again.out == ""
    assert again.error_lines[-1].startswith(f"error: plan {plan_name!r} already exists on")
