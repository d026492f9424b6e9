"""The command line as a user types it: templates, new, summary, and bad input."""

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from revorg.model.document import PlanDocument
from revorg.model.entities import Position
from tests.conftest import REPO_ROOT, CliResult, CliRunner

TEMPLATE_KEYS = ["demo", "sdr-ae", "inside-sales", "revops", "blank"]


def assert_usage_error(result: CliResult) -> None:
    """Exit code 2 and exactly one `error:` line, nothing on stdout, no traceback anywhere."""
    assert result.code == 2
    assert len(result.error_lines) == 1, result.err
    assert result.error_lines[0].startswith("error: ")
    assert "Traceback" not in result.out + result.err
    assert result.out == ""


def file_state(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


# --- templates ------------------------------------------------------------------------------


def test_templates_lists_the_five_keys(run_cli: CliRunner) -> None:
    result = run_cli("templates")
    assert result.code == 0
    assert result.err == ""
    lines = result.out.splitlines()
    assert [line.split()[0] for line in lines] == TEMPLATE_KEYS
    assert "Demo: EUR 1M revenue plan" in lines[0]


def test_templates_as_json(run_cli: CliRunner) -> None:
    result = run_cli("templates", "--json")
    assert result.code == 0
    rows = json.loads(result.out)
    assert [row["key"] for row in rows] == TEMPLATE_KEYS
    assert all(row["name"] and row["description"] for row in rows)


# --- new and summary ------------------------------------------------------------------------


def test_new_then_summary_json_reproduces_the_worked_plan(
    run_cli: CliRunner, tmp_path: Path
) -> None:
    path = tmp_path / "plan.revorg"
    created = run_cli("new", "--template", "demo", "-o", path, "--year", "2027")
    assert created.code == 0
    assert str(path) in created.out
    assert created.err == ""

    result = run_cli("summary", path, "--json")
    assert result.code == 0
    assert result.err == ""
    summary = json.loads(result.out)
    assert summary["plan"] == "Revenue plan: EUR 1M"
    assert summary["scenario"] == "Base"
    assert summary["currency"] == "EUR"
    assert summary["fiscal_year"] == 2027
    assert summary["goal"] == 1000000
    assert summary["positions"] == 19
    assert summary["headcount"] == 20
    assert summary["open_positions"] == 3
    assert summary["targets"] == {
        "leads": 300,
        "close_rate": 0.1,
        "average_deal": 12000,
        "new_customers": 30,
        "new_business": 360000,
        "base_revenue": 600000,
        "retention": 0.9,
        "expansion": 100000,
        "retained": 640000,
        "total": 1000000,
        "gap": 0,
    }
    assert isinstance(summary["targets"]["new_customers"], int)  # 30 customers, not 30.0
    departments = {d["key"]: d for d in summary["departments"]}
    assert [d["key"] for d in summary["departments"]] == [
        "executive",
        "marketing",
        "sales",
        "customer_success",
        "revops",
    ]
    assert [d["name"] for d in summary["departments"]] == [
        "Executive",
        "Marketing",
        "Sales",
        "Customer Success",
        "Revenue Operations",
    ]
    assert {key: (d["headcount"], d["open_positions"]) for key, d in departments.items()} == {
        "executive": (1, 0),
        "marketing": (4, 1),
        "sales": (7, 1),
        "customer_success": (6, 0),
        "revops": (2, 1),
    }
    assert departments["executive"]["cost"] == 170000  # the CRO, all year
    assert departments["revops"]["cost"] == 134000  # 95,000 + 52,000 x 9/12 (from April)
    assert departments["sales"]["cost"] == 452583.33  # an AE from February: 11/12 of 65,000
    assert sum(d["cost"] for d in summary["departments"]) == pytest.approx(summary["cost"])
    assert summary["span_warnings"] == []


def test_text_summary_reads_like_a_report(run_cli: CliRunner, demo_file: Path) -> None:
    result = run_cli("summary", demo_file)
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0] == "Revenue plan: EUR 1M: scenario 'Base', fiscal year 2027"
    goal = next(line for line in lines if line.strip().startswith("Goal"))
    assert "1,000,000.00 EUR" in goal
    gap = next(line for line in lines if line.strip().startswith("Gap to goal"))
    assert gap.split()[-2:] == ["0.00", "EUR"]
    total = next(line for line in lines if line.strip().startswith("Total revenue"))
    assert "1,000,000.00" in total
    assert any(line.split()[:1] == ["Executive"] for line in lines)


def test_summary_warns_about_too_wide_spans(run_cli: CliRunner, demo_file: Path) -> None:
    with PlanDocument.open(demo_file) as document:
        sdr_team = next(
            p for p in document.scenario().positions if p.role_key == "sdr" and p.person_name
        )
        sdr_team.headcount = 8  # with the other SDR: 9 reports for an SDR manager (limit 8)
        document.save()
    result = run_cli("summary", demo_file)
    assert "warning: SDR Manager has 9 direct reports (over 8)" in result.out
    data = json.loads(run_cli("summary", demo_file, "--json").out)
    assert data["span_warnings"][0]["title"] == "SDR Manager"
    assert (data["span_warnings"][0]["reports"], data["span_warnings"][0]["limit"]) == (9, 8)


def test_new_with_name_and_year(run_cli: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "startup.revorg"
    result = run_cli("new", "--template", "sdr-ae", "-o", path, "--year", "2030", "--name", "Q")
    assert result.code == 0
    summary = json.loads(run_cli("summary", path, "--json").out)
    assert (summary["plan"], summary["fiscal_year"]) == ("Q", 2030)
    assert summary["targets"]["gap"] == 0


def test_summary_of_a_named_scenario(run_cli: CliRunner, demo_file: Path) -> None:
    result = run_cli("summary", demo_file, "--scenario", "Base", "--json")
    assert json.loads(result.out)["scenario"] == "Base"


def test_summary_of_an_unknown_scenario_is_an_error(run_cli: CliRunner, demo_file: Path) -> None:
    result = run_cli("summary", demo_file, "--scenario", "Nope")
    assert_usage_error(result)
    assert "Nope" in result.err
    assert "Base" in result.err  # says which scenarios there are


def test_force_overwrites(run_cli: CliRunner, demo_file: Path) -> None:
    result = run_cli("new", "--template", "blank", "-o", demo_file, "--force")
    assert result.code == 0
    summary = json.loads(run_cli("summary", demo_file, "--json").out)
    assert summary["positions"] == 0
    assert summary["plan"] == "Untitled plan"


# --- bad input ------------------------------------------------------------------------------


def test_existing_output_without_force_is_left_alone(run_cli: CliRunner, demo_file: Path) -> None:
    before = file_state(demo_file)
    result = run_cli("new", "--template", "blank", "-o", demo_file)
    assert_usage_error(result)
    assert "--force" in result.err
    assert file_state(demo_file) == before


def test_existing_non_plan_output_without_force_is_left_alone(
    run_cli: CliRunner, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.revorg"
    notes.write_text("my notes", encoding="utf-8")
    assert_usage_error(run_cli("new", "-o", notes))
    assert notes.read_text(encoding="utf-8") == "my notes"


def test_output_folder_missing(run_cli: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "plan.revorg"
    result = run_cli("new", "-o", target)
    assert_usage_error(result)
    assert "folder" in result.err
    assert not target.parent.exists()


def test_output_is_a_folder(run_cli: CliRunner, tmp_path: Path) -> None:
    assert_usage_error(run_cli("new", "-o", tmp_path, "--force"))
    assert list(tmp_path.iterdir()) == []


def test_unknown_template(run_cli: CliRunner, tmp_path: Path) -> None:
    result = run_cli("new", "--template", "unicorn", "-o", tmp_path / "plan.revorg")
    assert_usage_error(result)
    assert "unicorn" in result.err
    assert "demo" in result.err
    assert list(tmp_path.iterdir()) == []


def test_missing_file(run_cli: CliRunner, tmp_path: Path) -> None:
    result = run_cli("summary", tmp_path / "nowhere.revorg")
    assert_usage_error(result)
    assert "nowhere.revorg" in result.err


def test_not_a_plan(run_cli: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "roster.revorg"
    path.write_text("Name,Role\nAna,SDR\n", encoding="utf-8")
    before = file_state(path)
    result = run_cli("summary", path)
    assert_usage_error(result)
    assert "not a RevOrg plan" in result.err
    assert file_state(path) == before


def test_plan_from_a_newer_version(run_cli: CliRunner, demo_file: Path) -> None:
    connection = sqlite3.connect(demo_file)
    connection.execute("PRAGMA user_version = 99")
    connection.commit()
    connection.close()
    result = run_cli("summary", demo_file)
    assert_usage_error(result)
    assert "newer version" in result.err


def test_opening_a_bad_file_in_the_app_is_refused_before_any_window(
    run_cli: CliRunner, tmp_path: Path
) -> None:
    assert_usage_error(run_cli(tmp_path / "nowhere.revorg"))


@pytest.mark.parametrize(
    "arguments",
    [
        ["summary", "--bogus", "x.revorg"],
        ["new", "--output"],
        ["new"],  # -o is required
        ["new", "-o", "x.revorg", "--year", "next"],
        ["summary"],
        ["templates", "--yaml"],
        ["--lang", "fr"],
    ],
    ids=" ".join,
)
def test_bad_options(run_cli: CliRunner, arguments: list[str]) -> None:
    assert_usage_error(run_cli(*arguments))


@pytest.mark.parametrize("year", ["0", "-5", "99999"])
def test_impossible_fiscal_year_is_an_error(run_cli: CliRunner, tmp_path: Path, year: str) -> None:
    result = run_cli("new", "-o", tmp_path / "plan.revorg", "--year", year)
    assert_usage_error(result)
    assert list(tmp_path.iterdir()) == []


def plan_with_many_positions(path: Path, notes: str = "") -> bytearray:
    """The demo plan and 400 more SDRs: a file of many pages. Returns its bytes."""
    with PlanDocument.from_template("demo", 2027) as document:
        scenario_id = document.scenario().id
        document.session.add_all(
            Position(
                id=100 + index,
                scenario_id=scenario_id,
                title=f"SDR {index:04d}",
                role_key="sdr",
                department_key="sales",
                manager_id=1,
                notes=notes,
            )
            for index in range(400)
        )
        document.save_as(path)
    return bytearray(path.read_bytes())


def damaged_plan(path: Path) -> Path:
    """A plan with 200 bytes of 0xFF in the middle of one of its pages of positions."""
    data = plan_with_many_positions(path)
    page_size = int.from_bytes(data[16:18], "big")
    middle = data.index(b"SDR 0200") // page_size * page_size + page_size // 2
    data[middle - 100 : middle + 100] = b"\xff" * 200
    path.write_bytes(bytes(data))
    return path


def plan_with_damaged_text(path: Path) -> Path:
    """A plan whose structure is sound but one note holds bytes that are not UTF-8."""
    note = "Quarterly business review with the top accounts. " * 4
    data = plan_with_many_positions(path, notes=note)
    start = data.index(note.encode(), len(data) // 2) + 60
    data[start : start + 40] = b"\xff" * 40
    path.write_bytes(bytes(data))
    return path


def test_damaged_plan_is_one_error_line(run_cli: CliRunner, tmp_path: Path) -> None:
    path = damaged_plan(tmp_path / "damaged.revorg")
    before = file_state(path)
    result = run_cli("summary", path)
    assert_usage_error(result)
    assert "damaged" in result.err
    assert file_state(path) == before


def test_plan_with_damaged_text_is_one_error_line(run_revorg: CliRunner, tmp_path: Path) -> None:
    path = plan_with_damaged_text(tmp_path / "damaged.revorg")
    before = file_state(path)
    result = run_revorg("summary", path)
    assert_usage_error(result)
    assert file_state(path) == before


# --- through a real terminal process --------------------------------------------------------


@pytest.mark.parametrize(
    "case", ["missing file", "not a plan", "unknown option", "unknown template"]
)
def test_no_traceback_reaches_the_terminal(
    run_revorg: CliRunner, tmp_path: Path, case: str
) -> None:
    not_a_plan = tmp_path / "notes.revorg"
    not_a_plan.write_text("hello", encoding="utf-8")
    arguments = {
        "missing file": ["summary", tmp_path / "nowhere.revorg"],
        "not a plan": ["summary", not_a_plan],
        "unknown option": ["summary", not_a_plan, "--colour"],
        "unknown template": ["new", "--template", "unicorn", "-o", tmp_path / "x.revorg"],
    }[case]
    assert_usage_error(run_revorg(*arguments))


def test_the_real_program_writes_and_summarises(run_revorg: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "plan.revorg"
    assert run_revorg("new", "--template", "demo", "-o", path, "--year", "2027").code == 0
    result = run_revorg("summary", path, "--json")
    assert result.code == 0, result.err
    assert json.loads(result.out)["targets"]["total"] == 1000000


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path: Path) -> None:
    """`revorg summary plan.revorg | head -1`: the pipe closes before the report is written."""
    plan = tmp_path / "plan.revorg"
    PlanDocument.from_template("demo", 2027).save_as(plan)
    command = [sys.executable, str(REPO_ROOT / "main.py"), "summary", str(plan)]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert child.stdout is not None and child.stderr is not None
    child.stdout.close()  # the reader is gone before the first line
    with child.stderr:
        errors = child.stderr.read().decode()
    assert child.wait(timeout=120) == 0
    assert errors == ""
