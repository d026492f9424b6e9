"""`revorg history` and the log written by the command line's edits (`settings --who`)."""

import json
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import CliResult, CliRunner


def assert_usage_error(result: CliResult, words: str) -> None:
    assert result.code == 2, result.err
    assert result.error_lines == [result.error_lines[0]] and "Traceback" not in result.err
    assert result.error_lines[0].startswith("error: ") and words in result.error_lines[0]


def history(run_cli: CliRunner, path: Path, *options: str) -> dict:  # type: ignore[type-arg]
    result = run_cli("history", path, "--json", *options)
    assert result.code == 0, result.err
    data: dict = json.loads(result.out)  # type: ignore[type-arg]
    return data


def test_settings_name_is_one_step_with_old_and_new(run_cli: CliRunner, demo_file: Path) -> None:
    assert run_cli("settings", demo_file, "--name", "X", "--who", "Ana").code == 0

    data = history(run_cli, demo_file)
    assert data["verified"] is True and data["first_bad_step"] is None
    (step,) = data["steps"]
    assert step["id"] == 1 and step["who"] == "Ana" and step["direction"] == "do"
    assert step["scenario"] == 1 and step["text"] == "Plan settings"
    assert step["at"].endswith("Z") and len(step["at"]) == 20
    assert step["changes"] == [
        {"record": "plan", "id": 1, "field": "name", "old": "Revenue plan: EUR 1M", "new": "X"}
    ]


def test_without_who_the_system_user_is_recorded(
    run_cli: CliRunner, demo_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LOGNAME", "rosa")
    monkeypatch.setenv("USER", "rosa")
    run_cli("settings", demo_file, "--fiscal-start", "4")
    (step,) = history(run_cli, demo_file)["steps"]
    assert step["who"] == "rosa"
    # The plan's first month and the three open positions' start months, in one step.
    fields = [(c["record"], c["field"]) for c in step["changes"]]
    assert fields == [("plan", "fiscal_start_month")] + [("position", "start_month")] * 3
    seo_start = next(c for c in step["changes"] if c["old"] == "2027-03")
    assert seo_start["new"] == "2027-06"


def test_newest_first_limit_since_and_the_text_listing(run_cli: CliRunner, demo_file: Path) -> None:
    for name in ("A", "B", "C"):
        assert run_cli("settings", demo_file, "--name", name, "--who", "Ana").code == 0

    data = history(run_cli, demo_file, "--limit", "2")
    assert [(s["id"], s["changes"][0]["new"]) for s in data["steps"]] == [(3, "C"), (2, "B")]
    assert history(run_cli, demo_file, "--since", "2999-01-01")["steps"] == []
    assert len(history(run_cli, demo_file, "--since", "2000-01-01")["steps"]) == 3
    assert len(history(run_cli, demo_file, "--scenario", "Base")["steps"]) == 3

    text = run_cli("history", demo_file, "--limit", "1")
    assert text.code == 0
    lines = text.out.splitlines()
    assert lines[0].startswith("#3  ") and "  Ana  do  Plan settings  (Base)" in lines[0]
    assert lines[1:] == ["    plan 1 name: B -> C", "log verified: as RevOrg recorded it"]


def test_a_log_edited_outside_revorg_is_reported(run_cli: CliRunner, demo_file: Path) -> None:
    for name in ("A", "B"):
        run_cli("settings", demo_file, "--name", name)
    connection = sqlite3.connect(demo_file)
    connection.execute("UPDATE history_changes SET new = '\"Z\"' WHERE step_id = 1")
    connection.commit()
    connection.close()

    data = history(run_cli, demo_file)
    assert data["verified"] is False and data["first_bad_step"] == 1
    assert data["steps"][1]["changes"][0]["new"] == "Z"  # shown as it is now
    text = run_cli("history", demo_file).out.splitlines()
    assert text[-1] == (
        "log NOT verified, changed outside RevOrg or damaged: "
        "step 1: it was changed after it was recorded"
    )
    assert run_cli("summary", demo_file).code == 0  # the plan itself opens as ever


def test_compaction_is_refused_when_the_log_was_changed(
    run_cli: CliRunner, demo_file: Path
) -> None:
    for name in ("A", "B"):
        run_cli("settings", demo_file, "--name", name)
    connection = sqlite3.connect(demo_file)  # the first step, a year ago (its hash follows)
    connection.execute("UPDATE history_steps SET at = '2025-06-01T10:00:00Z' WHERE id = 1")
    connection.commit()
    connection.close()
    assert history(run_cli, demo_file)["verified"] is False
    refused = run_cli("history", demo_file, "--compact-before", "2026-01-01")
    assert_usage_error(refused, "not compacted")


def test_compact_before(run_cli: CliRunner, demo_file: Path) -> None:
    for name in ("A", "B"):
        run_cli("settings", demo_file, "--name", name)
    result = run_cli("history", demo_file, "--compact-before", "2999-01-01")
    assert result.code == 0, result.err
    assert result.out == f"{demo_file}: 2 steps before 2999-01-01 dropped, 0 kept\n"
    run_cli("settings", demo_file, "--name", "C")
    data = history(run_cli, demo_file)
    assert [s["id"] for s in data["steps"]] == [3] and data["verified"] is True


@pytest.mark.parametrize(
    ("options", "words"),
    [
        (("--since", "2027-13-01"), "not a date (YYYY-MM-DD)"),
        (("--limit", "0"), "not a whole number of 1 or more"),
        (("--scenario", "Nope"), "no scenario named 'Nope'"),
        (("--compact-before", "2027-01-01", "--limit", "3"), "takes no other option"),
    ],
)
def test_bad_input_is_one_error_line(
    run_cli: CliRunner, demo_file: Path, options: tuple[str, ...], words: str
) -> None:
    before = demo_file.read_bytes()
    assert_usage_error(run_cli("history", demo_file, *options), words)
    assert demo_file.read_bytes() == before


def test_a_refused_settings_edit_records_nothing(run_cli: CliRunner, demo_file: Path) -> None:
    assert run_cli("settings", demo_file, "--currency", "XXQ", "--who", "Ana").code == 2
    assert history(run_cli, demo_file)["steps"] == []


ROSTER = (
    "Name,Title,Manager,Salary\n"
    "Elena Ruiz,Chief Revenue Officer,,180000\n"
    "Marta Sánchez,Account Executive,Elena Ruiz,65000\n"
    ",Account Executive,Elena Ruiz,\n"
)


def test_import_is_the_first_step_of_the_new_plans_log(run_cli: CliRunner, tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    output = tmp_path / "plan.revorg"
    assert run_cli("import", roster, "-o", output, "--year", "2027", "--who", "Ana").code == 0

    data = history(run_cli, output)
    assert data["verified"] is True
    (step,) = data["steps"]
    assert (step["who"], step["text"]) == ("Ana", "Import roster.csv: 3 positions")
    changes = step["changes"]
    assert [(c["record"], c["field"], c["old"], c["new"]) for c in changes] == [
        ("position", "*", None, "Chief Revenue Officer"),
        ("position", "*", None, "Account Executive"),
        ("position", "*", None, "Account Executive"),
    ]
    # The whole row is kept (money as exact text), so the log can put the card back.
    elena = changes[0]["row"]
    assert (elena["person_name"], elena["annual_cost"], elena["manager_id"]) == (
        "Elena Ruiz", "180000.00", None
    )  # fmt: skip
    assert changes[1]["row"]["manager_id"] == elena["id"]
    text = run_cli("history", output).out.splitlines()
    assert text[1] == f"    position {elena['id']} added: Chief Revenue Officer"


def test_import_without_who_records_the_system_user(
    run_cli: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LOGNAME", "rosa")
    monkeypatch.setenv("USER", "rosa")
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    assert run_cli("import", roster, "-o", tmp_path / "plan.revorg").code == 0
    assert history(run_cli, tmp_path / "plan.revorg")["steps"][0]["who"] == "rosa"


def test_a_deleted_card_is_listed_by_its_title(run_cli: CliRunner, demo_file: Path) -> None:
    from revorg.cli.editing import open_for_editing
    from revorg.model.editing import requests

    with open_for_editing(demo_file, "Ana") as (document, editor):
        support = next(r.id for r in editor.positions().values() if r.title == "Support Engineer")
        editor.perform(requests.delete(editor, [support], keep_reports=False))
        document.save()

    (step,) = history(run_cli, demo_file)["steps"]
    (change,) = step["changes"]
    assert (change["old"], change["new"], change["row"]["title"]) == (
        "Support Engineer", None, "Support Engineer"
    )  # fmt: skip
    assert change["row"]["annual_cost"] == "40000.00"
    lines = run_cli("history", demo_file).out.splitlines()
    assert lines[1] == f"    position {support} removed: Support Engineer"
