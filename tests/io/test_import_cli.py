"""`revorg import` as a user types it: a roster becomes a plan file; a bad one writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from revorg.io.importers import import_plan
from revorg.io.xlsx_export import export_workbook
from revorg.model.document import PlanDocument
from revorg.model.summary import summarize
from tests.conftest import CliRunner

ROSTER = (
    "Name,Title,Manager,Salary\n"
    "Elena Ruiz,Chief Revenue Officer,,180000\n"
    "Marta Sánchez,Account Executive,Elena Ruiz,65000\n"
    ",Account Executive,Elena Ruiz,\n"
    "Tom Lee,Chief Legal Officer,Elena Ruiz,90000\n"
    "Zoe Park,Brand Designer,,\n"
)
BAD_ROSTER = (
    "Name,Title,Manager,Salary\n"
    "Elena Ruiz,Chief Revenue Officer,,180000\n"
    "Marta Sánchez,Account Executive,Nobody,65000\n"
    "Raúl Jiménez,Account Executive,Elena Ruiz,-1\n"
)


@pytest.fixture
def roster(tmp_path: Path) -> Path:
    path = tmp_path / "roster.csv"
    path.write_text(ROSTER, encoding="utf-8")
    return path


def test_import_writes_a_plan_and_reports_on_stderr(
    run_cli: CliRunner, roster: Path, tmp_path: Path
) -> None:
    output = tmp_path / "plan.revorg"
    result = run_cli("import", roster, "-o", output, "--year", "2027")
    assert result.code == 0, result.err
    assert result.out.strip() == f"wrote {output} (5 positions from roster.csv)"
    lines = result.error_lines
    assert any(line.startswith("  note: row 5, column 'Title': title 'Chief Legal Officer'")
               for line in lines), lines  # fmt: skip
    assert any("2 rows have no manager" in line for line in lines)
    assert "Traceback" not in result.err
    with PlanDocument.open(output, for_editing=False) as document:
        summary = summarize(document.session, document.scenario())
        assert summary.total.positions == 5
        assert summary.total.open_positions == 1
        assert document.plan.fiscal_year == 2027
        assert summary.inputs.goal == 1_000_000  # the demo template's targets


def test_import_prints_warnings(run_cli: CliRunner, tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text("Name,Title,Salary\nAna,CRO,$150000\nBo,SDR,€60000\n", encoding="utf-8")
    result = run_cli("import", roster, "-o", tmp_path / "plan.revorg")
    assert result.code == 0
    assert "  warning: row 3, column 'Salary': costs in 2 currencies (USD ×1, EUR ×1)" in result.err


def test_import_with_errors_writes_nothing(run_cli: CliRunner, tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(BAD_ROSTER, encoding="utf-8")
    output = tmp_path / "plan.revorg"
    result = run_cli("import", roster, "-o", output)
    assert result.code == 2
    lines = result.error_lines
    assert lines[0].startswith("error: roster.csv: 2 errors (first: row 3, column 'Manager'")
    assert lines[1:] == [
        "  error: row 3, column 'Manager': manager 'Nobody' not found: no row has this id, "
        "email or name",
        "  error: row 4, column 'Salary': negative amount '-1': a cost cannot be below zero",
    ]
    assert "Traceback" not in result.out + result.err
    assert result.out == ""
    assert not output.exists()


def test_an_unreadable_input_is_one_error(run_cli: CliRunner, tmp_path: Path) -> None:
    fake = tmp_path / "roster.xlsx"
    fake.write_text("Name,Title\n", encoding="utf-8")
    output = tmp_path / "plan.revorg"
    result = run_cli("import", fake, "-o", output)
    assert result.code == 2
    assert result.error_lines[0].startswith("error: roster.xlsx: 1 error (first: roster.xlsx ")
    assert result.error_lines[1].startswith("  error: roster.xlsx is named .xlsx but is a text")
    assert not output.exists()


def test_an_existing_output_needs_force(run_cli: CliRunner, roster: Path, tmp_path: Path) -> None:
    output = tmp_path / "plan.revorg"
    output.write_bytes(b"keep me")
    result = run_cli("import", roster, "-o", output)
    assert result.code == 2
    assert result.error_lines == [f"error: {output} already exists; add --force to overwrite it"]
    assert output.read_bytes() == b"keep me"
    forced = run_cli("import", roster, "-o", output, "--force")
    assert forced.code == 0, forced.err
    with PlanDocument.open(output, for_editing=False) as document:
        assert len(document.scenario().positions) == 5


def test_an_unknown_template(run_cli: CliRunner, roster: Path, tmp_path: Path) -> None:
    output = tmp_path / "plan.revorg"
    result = run_cli("import", roster, "-o", output, "--template", "nope")
    assert result.code == 2
    assert result.error_lines[0].startswith("error: unknown template 'nope'")
    assert not output.exists()


def test_in_a_real_process(run_revorg: CliRunner, roster: Path, tmp_path: Path) -> None:
    output = tmp_path / "plan.revorg"
    result = run_revorg("import", roster, "-o", output, "--template", "sdr-ae")
    assert result.code == 0, result.err
    assert output.exists()
    bad = tmp_path / "bad.csv"
    bad.write_text(BAD_ROSTER, encoding="utf-8")
    failed = run_revorg("import", bad, "-o", tmp_path / "bad.revorg")
    assert failed.code == 2
    assert failed.error_lines[0].startswith("error: ")
    assert "Traceback" not in failed.err
    assert not (tmp_path / "bad.revorg").exists()


# --- RevOrg's own workbook ------------------------------------------------------------------


def test_a_revorg_workbook_goes_to_its_own_reader(demo_file: Path, tmp_path: Path) -> None:
    """Dispatch by content: an exported plan is read back as a plan, not as a roster."""
    workbook = tmp_path / "plan.xlsx"
    with PlanDocument.open(demo_file, for_editing=False) as original:
        export_workbook(original, original.scenario(), workbook)
        expected = summarize(original.session, original.scenario()).to_json()
    document, report = import_plan(workbook, "sdr-ae", 2027)
    with document:
        assert any("--template sdr-ae is not used" in line for line in report.lines())
        back = summarize(document.session, document.scenario()).to_json()
        assert back["departments"] == expected["departments"]
        assert back["targets"] == expected["targets"]


def test_another_workbook_is_a_roster(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Name", "Title"])
    book.active.append(["Ana", "SDR"])
    book.save(tmp_path / "roster.xlsx")
    document, _ = import_plan(tmp_path / "roster.xlsx", "demo", 2027)
    with document:
        assert [p.role_key for p in document.scenario().positions] == ["sdr"]


def test_an_exported_workbook_imports_back(
    run_cli: CliRunner, demo_file: Path, tmp_path: Path
) -> None:
    workbook = tmp_path / "plan.xlsx"
    assert run_cli("export", demo_file, "--xlsx", workbook).code == 0
    output = tmp_path / "back.revorg"
    result = run_cli("import", workbook, "-o", output)
    assert result.code == 0, result.err
    with (
        PlanDocument.open(demo_file, for_editing=False) as original,
        PlanDocument.open(output, for_editing=False) as back,
    ):
        assert len(back.scenario().positions) == len(original.scenario().positions)
