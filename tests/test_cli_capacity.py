"""`summary` reports capacity against target, the hires that close the gaps, cost and CAC; after
the suggested hires are on the chart, the gaps are closed."""

from __future__ import annotations

import json
from pathlib import Path

from revorg.model import edits
from revorg.model.document import PlanDocument
from revorg.model.hires import suggested_hire_rows
from revorg.model.months import YearMonth
from revorg.model.summary import summarize
from tests.conftest import CliRunner


def departments(summary: dict[str, object]) -> dict[str, dict[str, object]]:
    return {d["key"]: d for d in summary["departments"]}  # type: ignore[attr-defined,index]


def test_summary_json_gives_capacity_hires_cost_and_cac(
    run_cli: CliRunner, demo_file: Path
) -> None:
    summary = json.loads(run_cli("summary", demo_file, "--json").out)
    by_key = departments(summary)
    cs = by_key["customer_success"]
    # 600,000 x 90 % + 100,000 = 640,000 to deliver; two CSMs hold 500,000 of book less what
    # leavers cost (20 % a year, 2 months to backfill, 3 to ramp: 12 - 49/90 months), so
    # 477,314.81 x 90 % + one AM's 106,718.75 of expansion (tests/model/test_capacity.py).
    assert (cs["target"], cs["capacity"], cs["gap"]) == (640000, 536302.08, 103697.92)
    assert cs["coverage"] == 0.838
    assert (cs["status"], cs["hires_needed"]) == ("red", {"csm": 1})
    sales = by_key["sales"]
    # Two AEs all year and one from February with a 5-month ramp, 30 % of AEs leaving:
    # 12,500 x (2 x 10.975 + 8.175) months.
    assert (sales["target"], sales["capacity"], sales["hires_needed"]) == (360000, 376562.5, {})
    assert by_key["executive"]["coverage"] is None
    assert summary["hires_needed"] == {"csm": 1}
    # Leavers on the chart, rounded: AEs 0.3 x (24 + 11)/12 = 0.875, SDRs 0.35 x 2 = 0.7; the
    # CSMs' 0.2 x 2 = 0.4 and marketing's 0.15 per role round to none.
    assert summary["suggested_hires"] == [
        {"role": "csm", "count": 1, "reason": "growth"},
        {"role": "ae", "count": 1, "reason": "backfill"},
        {"role": "sdr", "count": 1, "reason": "backfill"},
    ]
    assert summary["cost"] == 1350083.33
    # (sales 452,583.33 + marketing 240,500) / 30 new customers
    assert summary["cac"] == 23102.78


def test_after_the_suggested_hires_the_summary_shows_the_gap_closed(
    run_cli: CliRunner, demo_file: Path, tmp_path: Path
) -> None:
    after = tmp_path / "after.revorg"
    with PlanDocument.open(demo_file, for_editing=False) as document:
        scenario = document.scenario()
        hires = summarize(document.session, scenario).capacity.hires_needed
        rows = suggested_hire_rows(document.session, scenario, hires, YearMonth(2027, 1))
        edits.insert_rows(document.session, edits.RowsSnapshot(tuple(rows), ()))
        document.save_as(after)
    summary = json.loads(run_cli("summary", after, "--json").out)
    cs = departments(summary)["customer_success"]
    assert (cs["capacity"], cs["status"], cs["hires_needed"]) == (646718.75, "green", {})
    assert summary["hires_needed"] == {}
    assert summary["headcount"] == 21
    text = run_cli("summary", after).out
    assert "Hires needed: none" in text
    assert "Customer Success" in text and "101.0%  green" in text
