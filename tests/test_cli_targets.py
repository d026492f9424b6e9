"""`revorg targets`: set driver inputs and balance them to the goal from the command line, with
the rules of the Targets panel; bad input is one `error:` line and leaves the file as it was."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from revorg.app import build_open_parser
from revorg.model.document import PlanDocument
from revorg.model.scenarios import copy_scenario_rows, insert_scenario
from tests.conftest import CliRunner


def summary(run_cli: CliRunner, path: Path) -> dict[str, object]:
    result = run_cli("summary", path, "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)  # type: ignore[no-any-return]


def test_raising_the_goal_and_balancing_through_leads_needs_hires(
    run_cli: CliRunner, demo_file: Path
) -> None:
    result = run_cli("targets", demo_file, "--goal", "1500000", "--balance", "leads")

    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        "Changes:",
        "  goal          1,000,000.00 -> 1,500,000.00",
        "  leads         300 -> 717",
        "  total         1,500,400.00",
        "  gap           -400.00 (above the goal)",
    ]
    after = summary(run_cli, demo_file)
    assert after["targets"]["leads"] == 717  # type: ignore[index]
    # 717 leads at 10 % and 12,000: 860,400 of new business for marketing and sales, which
    # the people on the chart no longer cover. Sales is 483,837.50 short of its 376,562.50; a
    # January AE ramps over 5 months and may leave: 12,500 x (10 - 37/40) = 113,437.50 each,
    # so 5 AEs, and their meetings need one more SDR.
    by_key = {d["key"]: d for d in after["departments"]}  # type: ignore[attr-defined]
    assert by_key["sales"]["target"] == 860400
    assert by_key["sales"]["hires_needed"] == {"ae": 5, "sdr": 1}
    # Leads: 414.53 short; a demand-gen specialist brings about 134 in the year.
    assert by_key["marketing"]["hires_needed"] == {"acquisition_specialist": 4}


def test_json_gives_changes_targets_and_gap(run_cli: CliRunner, demo_file: Path) -> None:
    result = run_cli(
        "targets", demo_file, "--goal", "1500000", "--balance", "proportional", "--json"
    )
    report = json.loads(result.out)
    assert report["changes"] == {
        "goal": {"old": 1000000, "new": 1500000},
        "leads": {"old": 300, "new": 627},
        "expansion": {"old": 100000, "new": 207600},
    }
    assert report["targets"]["leads"] == 627 and report["targets"]["close_rate"] == 0.1
    assert (report["total"], report["gap"], report["saved"]) == (1500000, 0, True)


def test_set_takes_rates_as_percent_or_fraction_then_balance_runs_after(
    run_cli: CliRunner, demo_file: Path
) -> None:
    # 720 leads at 12 % and 12,000 = 1,036,800 of new business: 676,800 more than the goal
    # needs. Balancing down through the average deal: 360,000 / 86.4 customers = 4,166.67.
    result = run_cli(
        "targets",
        demo_file,
        "--set",
        "leads=720",
        "close_rate=12%",
        "--balance",
        "average_deal",
        "--json",
    )
    assert result.code == 0, result.err
    targets = json.loads(result.out)["targets"]
    assert (targets["leads"], targets["close_rate"]) == (720, 0.12)
    assert targets["average_deal"] == 4166.67
    assert summary(run_cli, demo_file)["targets"]["close_rate"] == 0.12  # type: ignore[index]
    again = run_cli("targets", demo_file, "--set", "close_rate=0.12", "--json")
    assert json.loads(again.out)["changes"] == {}


def test_dry_run_prints_the_changes_and_leaves_the_file_byte_identical(
    run_cli: CliRunner, demo_file: Path
) -> None:
    before = demo_file.read_bytes()
    result = run_cli(
        "targets", demo_file, "--goal", "1500000", "--balance", "close_rate", "--dry-run"
    )
    assert result.code == 0, result.err
    assert "  close rate    10% -> 23.9%" in result.out.splitlines()
    assert result.out.splitlines()[-1] == "Dry run: the file was not changed."
    assert demo_file.read_bytes() == before


def test_a_balanced_plan_says_no_change(run_cli: CliRunner, demo_file: Path) -> None:
    before = demo_file.read_bytes()
    result = run_cli("targets", demo_file, "--balance", "retention")
    assert result.out.splitlines() == [
        "No change.",
        "  total         1,000,000.00",
        "  gap           0.00 (on goal)",
    ]
    assert demo_file.read_bytes() == before


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ("--goal", "1500000", "--balance", "retention"),
            "error: retention would have to be 173.4 %, above 100 %",
        ),
        (("--balance", "headcount"), "error: argument --balance: invalid choice"),
        (("--set", "quota=5"), "error: unknown target field 'quota'"),
        (("--set", "leads"), "error: --set takes FIELD=VALUE, not 'leads'"),
        (("--goal", "-5"), "error: goal must be a number, 0 or more"),
        (("--set", "retention=1.2"), "error: retention must be between 0 % and 100 %"),
        (("--set", "close_rate=120%"), "error: close rate must be between 0 % and 100 %"),
        (("--goal", "a lot"), "error: goal: not a number: 'a lot'"),
        (("--set", "leads=7.5"), "error: leads must be a whole number, not 7.5"),
        (("--scenario", "Nope", "--goal", "5"), "error: no scenario named 'Nope'"),
        (
            ("--seasonality", ",".join(["10"] * 12)),
            "error: the monthly weights add up to 120 %, not 100 %",
        ),
        (("--seasonality", "1,2,3"), "error: seasonality needs twelve monthly weights, not 3"),
        (("--seasonality", "spring"), "error: seasonality must be a shape"),
    ],
)
def test_bad_input_is_one_error_line_and_the_file_stays(
    run_cli: CliRunner, demo_file: Path, arguments: tuple[str, ...], message: str
) -> None:
    before = demo_file.read_bytes()
    result = run_cli("targets", demo_file, *arguments)
    assert result.code == 2
    assert len(result.error_lines) == 1 and result.error_lines[0].startswith(message)
    assert "Traceback" not in result.err
    assert demo_file.read_bytes() == before


def test_usage_lists_targets() -> None:
    usage = build_open_parser().format_usage()
    assert "targets" in usage.split("revorg {", 1)[1].split("}", 1)[0].split(",")


def test_scenario_picks_which_scenario_changes(run_cli: CliRunner, demo_file: Path) -> None:
    with PlanDocument.open(demo_file) as document:
        session = document.session
        insert_scenario(session, copy_scenario_rows(session, document.scenario().id, "Plan B"))
        document.save()
    result = run_cli(
        "targets", demo_file, "--scenario", "Plan B", "--goal", "1500000", "--balance", "expansion"
    )
    assert result.code == 0, result.err
    plan_b = json.loads(run_cli("summary", demo_file, "--scenario", "Plan B", "--json").out)
    base = json.loads(run_cli("summary", demo_file, "--json").out)
    # Plan B: 1,500,000 - 360,000 - 540,000 = 600,000 of expansion; Base as it was.
    assert (plan_b["targets"]["expansion"], plan_b["targets"]["gap"]) == (600000, 0)
    assert (base["targets"]["expansion"], base["targets"]["gap"]) == (100000, 0)


def test_seasonality_by_shape_or_weights(run_cli: CliRunner, demo_file: Path) -> None:
    result = run_cli("targets", demo_file, "--seasonality", "back_loaded_quarters")
    assert result.code == 0, result.err
    assert "  seasonality   flat -> back_loaded_quarters" in result.out.splitlines()
    data = summary(run_cli, demo_file)
    assert data["seasonality"] == {  # 20, 30 and 50 % of each quarter's 25 %
        "shape": "back_loaded_quarters",
        "weights": [5, 7.5, 12.5] * 4,
    }
    quarters = data["quarters"]
    assert isinstance(quarters, list)
    # 360,000 of new business, 5 % of it in the first month: a quarter is still 90,000.
    assert quarters[0]["sales"]["target"] == 90000
    weights = "10,10,10,10,10,10,10,10,5,5,5,5"
    result = run_cli("targets", demo_file, "--seasonality", weights, "--json")
    assert json.loads(result.out)["changes"]["seasonality"] == {
        "old": "back_loaded_quarters",
        "new": weights,
    }
    data = summary(run_cli, demo_file)
    assert [q["sales"]["target"] for q in data["quarters"]] == [108000, 108000, 90000, 54000]


def test_each_change_is_a_step_of_the_change_log(run_cli: CliRunner, demo_file: Path) -> None:
    result = run_cli("targets", demo_file, "--goal", "1200000", "--who", "Ana")
    assert result.code == 0, result.err
    run_cli("targets", demo_file, "--goal", "1300000", "--dry-run")  # a dry run records nothing
    history = json.loads(run_cli("history", demo_file, "--json").out)
    assert history["verified"] is True
    (step,) = history["steps"]
    assert (step["who"], step["text"], step["direction"]) == ("Ana", "Edit goal", "do")
    assert step["changes"] == [
        {"record": "target", "id": 1, "field": "goal", "old": "1000000.00", "new": "1200000.00"}
    ]
