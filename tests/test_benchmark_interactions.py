"""`scripts/bench --interactions` on a tiny plan: it runs end to end and reports every row
(no timing is asserted: speed is the benchmark's to print)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from benchmarks.interactions import ROWS, render

REPO_ROOT = Path(__file__).resolve().parent.parent


def test_the_interactions_benchmark_prints_every_row(tmp_path: Path) -> None:
    command = ["-m", "benchmarks.run", "--interactions", "--sizes", "200", "--repeat", "1"]
    completed = subprocess.run(
        [sys.executable, *command, "--json"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    data = json.loads(completed.stdout)
    assert data["settings"]["sizes"] == [200]
    measures = data["results"]["200"]
    assert [key for key, _label, _goal in ROWS if key not in measures] == []
    # The first view of a 200-position plan: readable names, its top levels, a few cards.
    assert measures["name_pixels"]["value"] >= 11
    assert 1 < measures["shown_cards"]["value"] < 200
    goals = {goal["measure"] for goal in data["goals"]}
    assert {"level_all", "focus_team", "search", "minimap_redraw"} <= goals
    text = render(data)
    for _key, label, _goal in ROWS:
        assert label in text
