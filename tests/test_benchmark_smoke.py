"""scripts/bench on a tiny plan: it runs end to end and reports every measure, peer, ratio and
goal in the table and the JSON (no timing is asserted: speed is the benchmark's to print)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from benchmarks.report import GOALS, RATIOS, ROWS
from benchmarks.run import render_text

REPO_ROOT = Path(__file__).resolve().parent.parent


def run_benchmark(*arguments: str) -> dict[str, Any]:
    """`python -m benchmarks.run ARGUMENTS --json` from the repository: its JSON."""
    completed = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", *arguments, "--json"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    data: dict[str, Any] = json.loads(completed.stdout)
    return data


def test_benchmark_prints_every_measure_for_a_tiny_plan(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    data = run_benchmark("--sizes", "200", "--repeat", "1", "--out", str(out))
    assert json.loads(out.read_text(encoding="utf-8")) == data

    assert {"cpu", "cores", "memory_gib", "os", "python", "pyside6"} <= set(data["machine"])
    assert data["settings"]["sizes"] == [200]
    measures = data["results"]["200"]["measures"]
    has_dot = shutil.which("dot") is not None
    for row in ROWS:
        if row.key in ("dot", "layout_vs_dot") and not has_dot:
            continue
        assert row.key in measures, row.key
        assert measures[row.key]["value"] > 0, row.key
    for ratio in RATIOS:
        if ratio.key in measures:
            expected = measures[ratio.ours]["value"] / measures[ratio.peer]["value"]
            assert abs(measures[ratio.key]["value"] - expected) < 1e-9
    edits = ("edit_field", "add_role", "delete_member", "delete_undo", "set_target")
    edits += ("apply_hires", "copy_scenario")
    for key in ("open", "layout", "move", "undo", "save", "export", "import_xlsx", "summary"):
        assert measures[key]["unit"] == "s"
        assert len(measures[key]["runs"]) == 1
    for key in edits:
        assert measures[key]["unit"] == "s" and len(measures[key]["runs"]) == 1, key
    assert measures["hires_added"]["unit"] == "positions"  # and more than none (above)
    # Every interaction of a session has the goal at 50,000 (the copy is a command).
    goal_keys = {goal.key for goal in GOALS if goal.size == 50_000}
    assert set(edits) - goal_keys == {"copy_scenario"}
    if not has_dot:
        assert any("dot is not installed" in n for n in data["results"]["200"]["notes"])

    # The goals are at 10,000 and 50,000 positions: listed, not judged, on a plan of 200.
    assert len(data["goals"]) == len(GOALS)
    assert all(goal["met"] is None and goal["value"] is None for goal in data["goals"])
    assert data["not_met"] == []

    # Cold starts: whole processes, each beside the floors; the window's goal is at 10,000.
    cold = data["cold_start"]
    assert list(cold) == [
        "python",
        "sqlalchemy",
        "sqlalchemy_orm",
        "version",
        "summary",
        "window",
        "pyside",
    ]
    assert [cold[key]["goal"] for key in ("version", "summary", "window")] == [0.1, 0.35, None]
    assert all(len(entry["runs"]) == 3 and entry["value"] > 0 for entry in cold.values())
    assert cold["sqlalchemy"]["value"] > cold["python"]["value"]

    text = render_text(data)
    lines = text.splitlines()
    header = next(line for line in lines if line.startswith("measure"))
    assert header.split()[:2] == ["measure", "200"]
    assert "goal at 10,000" in header and "goal at 50,000" in header
    for row in ROWS:
        assert any(line.startswith(row.label) for line in lines), row.label
    assert lines[0].startswith("machine: ")
    assert any(line.startswith("revorg FILE, 200 positions: first paint") for line in lines)


def test_the_history_benchmark_prints_its_measures() -> None:
    data = run_benchmark("--history", "--repeat", "1", "--history-steps", "2000")
    assert data["verified"] is True and data["steps"] == 2000
    for key in ("record_edit_ms", "growth_per_1k_kb", "growth_100k_mb", "open_100k_ms"):
        assert data[key] > 0, key
    from benchmarks.history import render

    assert "file growth per 1,000 edits, KB" in render(data)


def test_the_sums_experiment_checks_its_sums_against_the_deals() -> None:
    # benchmarks.actuals_sums asserts that the sums kept by its triggers (after a re-import, a
    # deal changed in amount, month and stage, and one deleted), its two fills and the
    # summary's queries on the sums equal the deals' own grouping: run it on a few deals.
    from benchmarks.actuals_sums import measure

    names = [name for name, _wall, _cpu in measure(1, deals=600)]
    assert "per-row sum triggers: import 600 deals" in names
    assert "summary, won: read sums" in names


def test_the_interactions_benchmark_prints_every_row() -> None:
    """The chart's interactions (issue 19) on a small plan: after the window's idle work,
    which the table reports, and the first Expand all without it, in windows of its own."""
    data = run_benchmark("--interactions", "--sizes", "300", "--repeat", "1")
    from benchmarks.interactions import ROWS as INTERACTION_ROWS
    from benchmarks.interactions import render

    measures = data["results"]["300"]
    for key, _label, goal in INTERACTION_ROWS:
        assert key in measures, key
        if goal == "interaction":
            assert measures[key]["cpu"] > 0, key
    assert measures["idle_work"]["cpu"] > 0
    table = render(data)
    assert "the first, without the idle work, ms" in table
    assert "idle work after the first paint" in table
