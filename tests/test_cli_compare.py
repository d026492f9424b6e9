"""`revorg compare FILE --scenarios A B [--json]`: two scenarios of a plan side by side."""

import json
from pathlib import Path

import pytest

from revorg.app import COMMANDS, build_open_parser
from revorg.model import edits
from revorg.model.document import PlanDocument
from revorg.model.scenarios import copy_scenario_rows, insert_scenario
from tests.conftest import CliRunner
from tests.test_cli import assert_usage_error, file_state


@pytest.fixture
def two_scenarios(demo_file: Path) -> Path:
    """The demo plan with "Plan B": a copy of "Base" with one more open CSM."""
    with PlanDocument.open(demo_file) as document:
        session = document.session
        insert_scenario(session, copy_scenario_rows(session, document.scenario().id, "Plan B"))
        session.commit()
        plan_b = document.scenario("Plan B")
        manager = next(p for p in plan_b.positions if p.role_key == "vp_customer_success")
        row = edits.new_position_row(session, plan_b, "csm", manager.id)
        edits.insert_rows(session, edits.RowsSnapshot((row,), ()))
        document.save()
    return demo_file


def test_compare_json(run_cli: CliRunner, two_scenarios: Path) -> None:
    before = file_state(two_scenarios)
    result = run_cli("compare", two_scenarios, "--scenarios", "Base", "Plan B", "--json")
    assert result.code == 0, result.err
    assert result.err == ""
    data = json.loads(result.out)
    assert data["scenarios"] == {"a": "Base", "b": "Plan B"}
    departments = {d["key"]: d for d in data["departments"]}
    cs = departments["customer_success"]
    assert (cs["a"]["headcount"], cs["b"]["headcount"], cs["delta"]["headcount"]) == (6, 7, 1)
    assert (cs["a"]["capacity"], cs["b"]["capacity"]) == (562500, 652500)
    assert (cs["a"]["coverage"], cs["b"]["coverage"]) == (0.8789, 1.0195)
    assert cs["delta"]["cost"] == 50000
    assert departments["sales"]["delta"]["headcount"] == 0
    assert data["totals"]["delta"]["headcount"] == 1
    assert data["targets"]["delta"]["total"] == 0
    positions = data["positions"]
    assert [(p["role"], p["manager"]) for p in positions["added"]] == [
        ("csm", "VP Customer Success")
    ]
    assert positions["removed"] == positions["moved"] == positions["changed"] == []
    assert file_state(two_scenarios) == before  # compare only reads


def test_compare_the_other_way_round(run_cli: CliRunner, two_scenarios: Path) -> None:
    result = run_cli("compare", two_scenarios, "--scenarios", "Plan B", "Base", "--json")
    data = json.loads(result.out)
    assert [p["role"] for p in data["positions"]["removed"]] == ["csm"]
    assert data["positions"]["added"] == []
    assert data["totals"]["delta"]["cost"] == -50000


def test_compare_text(run_cli: CliRunner, two_scenarios: Path) -> None:
    result = run_cli("compare", two_scenarios, "--scenarios", "Base", "Plan B")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == (
        "Revenue plan: EUR 1M: scenario 'Plan B' against 'Base', fiscal year 2027, EUR"
    )
    assert lines[2].split() == ["Targets", "Base", "Plan", "B", "Change"]
    cs = lines.index("    Customer Success (red -> green)")
    block = {line.split()[0]: line.split()[1:] for line in lines[cs + 1 : cs + 7]}
    assert block["Headcount"] == ["6", "7", "+1"]
    assert block["Cost"] == ["353,000.00", "403,000.00", "+50,000.00"]
    assert block["Capacity"] == ["562,500.00", "652,500.00", "+90,000.00"]
    assert block["Coverage"] == ["87.9%", "102.0%", "+14.1", "pts"]
    assert block["Gap"] == ["77,500.00", "-12,500.00", "-90,000.00"]
    close_rate = next(line for line in lines if line.strip().startswith("Close rate"))
    assert close_rate.split()[2:] == ["10%", "10%", "+0", "pts"]
    assert "  Positions: 1 added, 0 removed, 0 moved, 0 changed" in lines
    assert "    + Customer Success Manager (CSM) (open), under VP Customer Success" in lines


def test_compare_a_scenario_with_itself(run_cli: CliRunner, demo_file: Path) -> None:
    result = run_cli("compare", demo_file, "--scenarios", "Base", "Base")
    assert result.code == 0, result.err
    assert result.out.splitlines()[-1] == "  Positions: 0 added, 0 removed, 0 moved, 0 changed"


def test_unknown_scenario_is_one_error_line(run_cli: CliRunner, two_scenarios: Path) -> None:
    result = run_cli("compare", two_scenarios, "--scenarios", "Base", "Plan C")
    assert_usage_error(result)
    assert "'Plan C'" in result.err
    assert "'Base', 'Plan B'" in result.err  # says which scenarios there are


def test_missing_file(run_cli: CliRunner, tmp_path: Path) -> None:
    result = run_cli("compare", tmp_path / "nowhere.revorg", "--scenarios", "Base", "Plan B")
    assert_usage_error(result)
    assert "nowhere.revorg" in result.err


@pytest.mark.parametrize(
    "arguments",
    [["--scenarios", "Base"], [], ["--scenarios"], ["--scenarios", "A", "B", "C"]],
    ids=" ".join,
)
def test_compare_needs_two_scenario_names(
    run_cli: CliRunner, demo_file: Path, arguments: list[str]
) -> None:
    assert_usage_error(run_cli("compare", demo_file, *arguments))


def test_no_traceback_reaches_the_terminal(run_revorg: CliRunner, two_scenarios: Path) -> None:
    assert_usage_error(run_revorg("compare", two_scenarios, "--scenarios", "Base", "Nope"))
    result = run_revorg("compare", two_scenarios, "--scenarios", "Base", "Plan B", "--json")
    assert result.code == 0, result.err
    assert json.loads(result.out)["totals"]["delta"]["headcount"] == 1


def test_usage_lists_compare() -> None:
    usage = build_open_parser().format_usage()
    # The command list grows (install-desktop, ...): compare is in it, after summary.
    assert "revorg {new,templates,summary,compare,export,import," in usage
    assert "compare" in COMMANDS
