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
    # 12,000 x 75 % / 10 % churn; 360,000 of new business needs 3,600,000 of pipeline at 10 %.
    assert (data["year"]["a"]["clv"], data["year"]["b"]["pipeline_needed"]) == (90000, 3600000)
    assert data["year"]["delta"]["quota_coverage"] == 0
    departments = {d["key"]: d for d in data["departments"]}
    cs = departments["customer_success"]
    assert (cs["a"]["headcount"], cs["b"]["headcount"], cs["delta"]["headcount"]) == (6, 7, 1)
    assert (cs["a"]["capacity"], cs["b"]["capacity"]) == (536302.08, 646718.75)
    assert (cs["a"]["coverage"], cs["b"]["coverage"]) == (0.838, 1.0105)
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
    assert block["Capacity"] == ["536,302.08", "646,718.75", "+110,416.67"]
    assert block["Coverage"] == ["83.8%", "101.0%", "+17.3", "pts"]
    assert block["Gap"] == ["103,697.92", "-6,718.75", "-110,416.67"]
    close_rate = next(line for line in lines if line.strip().startswith("Close rate"))
    assert close_rate.split()[2:] == ["10%", "10%", "+0", "pts"]
    assert "  Positions: 1 added, 0 removed, 0 moved, 0 changed" in lines
    year = lines.index(next(line for line in lines if line.strip().startswith("Year plan")))
    block = {line[:30].strip(): line[30:].split() for line in lines[year + 1 : year + 9]}
    # The same quota and targets; Plan B's new CSM may leave too: a fifth of a leaver more.
    assert block["Quota coverage"] == ["139.5%", "139.5%", "+0.0", "pts"]
    assert block["ARR at year end"] == ["1,000,000.00", "1,000,000.00", "+0.00"]
    assert block["Expected leavers"] == ["2.60", "2.80", "+0.20"]
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
    listed = usage.split("revorg {", 1)[1].split("}", 1)[0].split(",")
    assert listed[:6] == ["new", "templates", "summary", "compare", "export", "import"]
    assert "compare" in COMMANDS
