"""`revorg snapshot`, `snapshots`, `restore --snapshot`, `compare ... snapshot:NAME` and
`export --snapshot`: the command line of snapshots, on the demo plan."""

import json
from pathlib import Path

import openpyxl

from revorg.model.document import PlanDocument
from tests.conftest import CliRunner
from tests.test_cli import assert_usage_error, file_state


def test_a_snapshot_taken_before_a_new_goal_compares_with_the_scenario(
    run_cli: CliRunner, demo_file: Path
) -> None:
    taken = run_cli("snapshot", demo_file, "--name", "Board plan FY27", "--who", "Ana")
    assert taken.code == 0, taken.err
    assert taken.out == f"took snapshot 'Board plan FY27' of 'Base' in {demo_file}\n"
    assert run_cli("targets", demo_file, "--goal", "1200000").code == 0
    result = run_cli(
        "compare", demo_file, "--scenarios", "snapshot:Board plan FY27", "Base", "--json"
    )
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["scenarios"] == {"a": "Board plan FY27", "b": "Base"}
    assert data["kinds"] == {"a": "snapshot", "b": "scenario"}
    goal = data["targets"]
    assert (goal["a"]["goal"], goal["b"]["goal"], goal["delta"]["goal"]) == (
        1000000,
        1200000,
        200000,
    )
    assert (goal["a"]["gap"], goal["b"]["gap"]) == (0, 200000)
    assert data["totals"]["delta"]["headcount"] == 0
    text = run_cli("compare", demo_file, "--scenarios", "snapshot:Board plan FY27", "Base")
    goal_line = next(line for line in text.out.splitlines() if line.strip().startswith("Goal"))
    assert goal_line.split() == ["Goal", "1,000,000.00", "1,200,000.00", "+200,000.00"]


def test_two_snapshots_compare_and_list(run_cli: CliRunner, demo_file: Path) -> None:
    run_cli("snapshot", demo_file, "--name", "Before", "--who", "Ana")
    run_cli("targets", demo_file, "--set", "leads=400")
    run_cli("snapshot", demo_file, "--name", "After", "--who", "Luis")
    result = run_cli("compare", demo_file, "--scenarios", "snapshot:Before", "snapshot:After")
    assert result.code == 0, result.err
    new_business = next(line for line in result.out.splitlines() if "New business" in line)
    # 100 more leads x 10 % x 12,000.
    assert new_business.split()[-1] == "+120,000.00"
    listed = json.loads(run_cli("snapshots", demo_file, "--json").out)
    rows = listed["snapshots"]
    assert [(s["name"], s["scenario"], s["taken_by"]) for s in rows] == [
        ("Before", "Base", "Ana"),
        ("After", "Base", "Luis"),
    ]
    assert [(s["goal"], s["total"], s["headcount"]) for s in rows] == [
        (1000000, 1000000, 20),
        (1000000, 1120000, 20),  # 400 x 10 % x 12,000 + 640,000
    ]
    assert rows[0]["taken_at"].endswith("Z")
    text = run_cli("snapshots", demo_file).out.splitlines()
    assert text[0].startswith("Before  (of Base, ") and text[0].endswith(", by Ana)")
    assert text[1].split()[:2] == ["goal", "1,000,000"]


def test_restore_makes_a_scenario_and_the_summary_shows_it(
    run_cli: CliRunner, demo_file: Path
) -> None:
    run_cli("snapshot", demo_file, "--name", "Board", "--who", "Ana")
    run_cli("targets", demo_file, "--goal", "1200000")
    result = run_cli("restore", demo_file, "--snapshot", "Board", "--as", "Board again")
    assert result.code == 0, result.err
    assert result.out == f"restored snapshot 'Board' as scenario 'Board again' in {demo_file}\n"
    summary = json.loads(run_cli("summary", demo_file, "--scenario", "Board again", "--json").out)
    assert summary["goal"] == 1000000
    with PlanDocument.open(demo_file, for_editing=False) as document:
        assert [s.name for s in document.plan.scenarios] == ["Base", "Board again"]
        assert [s.name for s in document.plan.snapshots] == ["Board"]


def test_refusals_leave_the_file_unchanged(run_cli: CliRunner, demo_file: Path) -> None:
    run_cli("snapshot", demo_file, "--name", "Board")
    before = file_state(demo_file)
    for arguments, message in (
        (("snapshot", demo_file, "--name", "Board"), "already has a snapshot named 'Board'"),
        (("snapshot", demo_file, "--name", "Base"), "already has a scenario named 'Base'"),
        (("snapshot", demo_file, "--name", "  "), "a scenario needs a name"),
        (("snapshot", demo_file, "--name", "X", "--scenario", "Nope"), "no scenario named"),
        (("snapshot", demo_file, "--name", "X", "--scenario", "Board"), "no scenario named"),
        (("restore", demo_file, "--snapshot", "Nope", "--as", "X"), "no snapshot named 'Nope'"),
        (("restore", demo_file, "--snapshot", "Board", "--as", "Base"), "named 'Base'"),
        (("restore", demo_file, "--as", "X"), "--snapshot"),
        (("compare", demo_file, "--scenarios", "Base", "Board"), "write 'snapshot:Board'"),
        (("targets", demo_file, "--scenario", "Board", "--goal", "5"), "no scenario named"),
        (("export", demo_file, "--png", "x.png", "--snapshot", "Board"), "give --xlsx too"),
    ):
        result = run_cli(*arguments)
        assert_usage_error(result)
        assert message in result.err, result.err
    assert file_state(demo_file) == before


def test_export_adds_the_snapshot_sheet(
    run_cli: CliRunner, demo_file: Path, tmp_path: Path
) -> None:
    run_cli("snapshot", demo_file, "--name", "Board")
    out = tmp_path / "plan.xlsx"
    missing = run_cli("export", demo_file, "--xlsx", out, "--snapshot", "Nope")
    assert_usage_error(missing)
    assert not out.exists()
    result = run_cli("export", demo_file, "--xlsx", out, "--snapshot", "Board")
    assert result.code == 0, result.err
    sheet = openpyxl.load_workbook(out)["Snapshots"]
    assert [c.value for c in sheet[3]][:3] == ["Figure", "Base", "Board"]


def test_restore_a_step_of_the_history_as_a_scenario(run_cli: CliRunner, demo_file: Path) -> None:
    """revorg restore --step: the scenario as it was right after that step, as a new one."""
    assert run_cli("targets", demo_file, "--goal", "1200000").code == 0
    assert run_cli("targets", demo_file, "--goal", "1500000").code == 0
    steps = json.loads(run_cli("history", demo_file, "--json").out)["steps"]
    first = min(step["id"] for step in steps)
    result = run_cli("restore", demo_file, "--step", str(first), "--as", "After the first raise")
    assert result.code == 0, result.err
    compared = json.loads(
        run_cli("compare", demo_file, "--scenarios", "Base", "After the first raise", "--json").out
    )
    goals = [compared["targets"][side]["goal"] for side in ("a", "b")]
    assert goals == [1500000, 1200000]
    before = demo_file.read_bytes()
    for bad in (["--step", "999"], ["--step", "x"], ["--step", str(first)]):
        name = "After the first raise"  # taken by now, for the last case
        refused = run_cli("restore", demo_file, *bad, "--as", name if bad[1] == str(first) else "X")
        assert refused.code == 2 and refused.err.startswith("error: "), (bad, refused.err)
        assert len(refused.err.strip().splitlines()) == 1
    assert demo_file.read_bytes() == before
