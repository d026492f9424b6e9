"""The exported workbook: defined names on the right cells, live formulas instead of numbers,
formats, the Org table with its drop-down lists, the chart, text that never turns into a
formula, atomic writing, and speed on a 10,000-position plan."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.chart import BarChart

from revorg.io import xlsx_export
from revorg.io.report import ImportReport
from revorg.io.xlsx_export import WorkbookExportError, chart_order, export_workbook
from revorg.io.xlsx_import import is_revorg_workbook, read_plan_workbook
from revorg.io.xlsx_layout import (
    DRIVER_NAMES,
    HIRING,
    LISTS,
    MARKER_PROPERTY,
    ORG,
    ORG_COLUMNS,
    ORG_LETTERS,
    ORG_TABLE,
    RESULT_NAMES,
    ROLES,
    SHEETS,
    SUMMARY,
    TARGETS,
    heading_keys,
    label,
)
from revorg.model.document import PlanDocument
from revorg.model.generator import generate_plan
from revorg.model.summary import summarize
from tests.conftest import CliRunner
from tests.io.conftest import RISKY_TEXTS, demo_plan, named_cell, risky_plan

DRIVERS = {
    "Goal": 1000000,
    "Leads": 300,
    "CloseRate": 0.1,
    "AverageDeal": 12000,
    "BaseRevenue": 600000,
    "Retention": 0.9,
    "Expansion": 100000,
}
RESULTS = {
    "NewCustomers": "=Leads*CloseRate",
    "NewBusiness": "=ROUND(NewCustomers*AverageDeal,2)",
    "Retained": "=ROUND(BaseRevenue*Retention+Expansion,2)",
    "TotalRevenue": "=NewBusiness+Retained",
    "Gap": "=ROUND(Goal,2)-TotalRevenue",
}


@pytest.fixture(scope="module")
def demo_workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "demo.xlsx"
    with demo_plan() as document:
        export_workbook(document, document.scenario(), path)
    return path


@pytest.fixture(scope="module")
def book(demo_workbook: Path) -> Any:
    return openpyxl.load_workbook(demo_workbook)


def org_column(book: Any, key: str) -> list[Any]:
    letter = ORG_LETTERS[key]
    sheet = book[ORG]
    return [sheet[f"{letter}{row}"] for row in range(2, sheet.max_row + 1)]


# --- structure ---------------------------------------------------------------------------------


def test_sheets_marker_and_hidden_lists(book: Any, demo_workbook: Path) -> None:
    assert book.sheetnames == list(SHEETS)
    assert book[LISTS].sheet_state == "hidden"
    assert [(p.name, p.value) for p in book.custom_doc_props.props] == [(MARKER_PROPERTY, 1)]
    assert is_revorg_workbook(demo_workbook)


def test_defined_names_refer_to_the_driver_and_result_cells(book: Any) -> None:
    for name, label_key in DRIVER_NAMES + RESULT_NAMES:
        ((sheet, reference),) = list(book.defined_names[name].destinations)
        assert sheet == TARGETS
        row = int(reference.split("$")[-1])
        assert reference == f"$B${row}"
        assert book[TARGETS][f"A{row}"].value == label(label_key)
    for name, value in DRIVERS.items():
        cell = named_cell(book, name)
        assert cell.value == value and cell.data_type == "n", name
    for name, formula in RESULTS.items():
        cell = named_cell(book, name)
        assert (cell.value, cell.data_type) == (formula, "f"), name


def test_column_names_cover_the_org_rows(book: Any) -> None:
    rows = book[ORG].max_row
    assert book.defined_names["OrgCostYear"].attr_text == f"Org!$L$2:$L${rows + 1000}"
    assert book.defined_names["RoleKey"].attr_text.startswith("Roles!$A$2:$A$")


def test_derived_numbers_are_formulas(book: Any) -> None:
    for key in ("role", "manager", "cost_year", "capacity", "kind", "offset", "ramp"):
        cells = org_column(book, key)
        assert cells and all(cell.data_type == "f" for cell in cells), key
    assert org_column(book, "capacity")[3].value == (
        '=IF(N5="none",0,IF(O5<>"",IF(S5>=12,0,ROUND(O5*I5,2)),ROUND(V5*W5*I5/12,2)))'
    )
    summary = book[SUMMARY]
    derived = [
        cell
        for row in summary.iter_rows(min_row=1, max_col=12)
        for cell in row
        if isinstance(cell.value, int | float)
    ]
    assert derived == []  # not one number typed into the summary: all are formulas
    hiring = book[HIRING]
    months = [cell for row in hiring.iter_rows(min_row=4, min_col=6, max_col=18) for cell in row]
    assert months and all(cell.value is None or cell.data_type == "f" for cell in months)
    assert any("SUMPRODUCT" in str(cell.value) for cell in months)


def test_number_formats(book: Any) -> None:
    assert named_cell(book, "Goal").number_format == '#,##0.00 "EUR"'
    assert named_cell(book, "CloseRate").number_format == "0.0%"
    assert named_cell(book, "Retention").number_format == "0.0%"
    assert named_cell(book, "TotalRevenue").number_format == '#,##0.00 "EUR"'
    starts = [cell for cell in org_column(book, "start_month") if cell.value is not None]
    assert len(starts) == 3 and {cell.number_format for cell in starts} == {"yyyy-mm"}
    assert {cell.number_format for cell in org_column(book, "annual_cost")} == {'#,##0.00 "EUR"'}
    assert book[SUMMARY]["E11"].number_format == "0.0%"  # coverage


def test_org_table_frozen_widths_and_validations(book: Any) -> None:
    org = book[ORG]
    table = org.tables[ORG_TABLE]
    # 35 columns: the hidden lineage, the email and the staff mark (format 8)
    assert table.ref == f"A1:AI{org.max_row}"
    assert table.tableStyleInfo.name == "TableStyleMedium2"
    assert [column.name for column in table.tableColumns] == [
        label(column.key) for column in ORG_COLUMNS
    ]
    assert org.freeze_panes == "C2"
    assert org.column_dimensions["B"].width == 30
    assert org.column_dimensions["AG"].hidden  # lineage
    validations = {str(v.sqref).split(":")[0]: v for v in org.data_validations.dataValidation}
    role, department, manager = validations["C2"], validations["E2"], validations["F2"]
    assert (role.type, role.formula1) == ("list", "Roles!$A$2:$A$130")
    # The five revenue departments and Outside revenue (catalogue data since roster import).
    assert (department.type, department.formula1) == ("list", "Lists!$A$2:$A$7")
    assert department.errorStyle == "stop"
    assert manager.type == "list" and manager.formula1.startswith("$A$2:$A$")
    assert validations["I2"].type == "whole" and validations["K2"].type == "decimal"
    for name in (TARGETS, SUMMARY, HIRING):
        assert book[name].column_dimensions["A"].width >= 24
    assert book[HIRING].freeze_panes == "F4"
    assert book[ROLES].freeze_panes == "B2"


def test_summary_has_a_bar_chart_of_target_against_capacity(book: Any) -> None:
    (chart,) = book[SUMMARY]._charts
    assert isinstance(chart, BarChart)
    references = [series.val.numRef.f for series in chart.series]
    assert references == ["'Summary'!$C$10:$C$15", "'Summary'!$D$10:$D$15"]
    categories = chart.series[0].cat
    assert (categories.numRef or categories.strRef).f == "'Summary'!$A$10:$A$15"
    assert [book[SUMMARY][f"B{row}"].value for row in range(10, 16)] == [
        "executive",
        "marketing",
        "sales",
        "customer_success",
        "revops",
        "outside",
    ]


def test_org_rows_follow_the_chart(book: Any) -> None:
    ids = [cell.value for cell in org_column(book, "id")]
    managers = dict(zip(ids, (cell.value for cell in org_column(book, "manager_id")), strict=True))
    seen: set[int] = set()
    for position_id in ids:
        assert managers[position_id] is None or managers[position_id] in seen
        seen.add(position_id)
    with demo_plan() as document:
        assert [p.id for p in chart_order(document.scenario().positions)] == ids


def test_headings_are_unambiguous_in_every_language() -> None:
    known = heading_keys(ORG_COLUMNS)
    for column in ORG_COLUMNS:
        for language in ("en", "es", "zh"):
            assert known[label(column.key, language).casefold()] == column.key


# --- text a user typed ---------------------------------------------------------------------------


def test_text_that_looks_like_a_formula_is_written_as_text(tmp_path: Path) -> None:
    path = tmp_path / "risky.xlsx"
    with risky_plan() as document:
        document.scenario().positions[0].notes = "bell\x07 and tab\tok"
        document.session.commit()
        export_workbook(document, document.scenario(), path)
        expected = summarize(document.session, document.scenario()).to_json()
    book = openpyxl.load_workbook(path)
    cells = {cell.value: cell for row in book[ORG].iter_rows() for cell in row}
    for text in RISKY_TEXTS.values():
        cell = cells[text]
        assert cell.data_type == "s", text
        assert cell.quotePrefix, text
    assert "bell and tab\tok" in cells  # a control character cannot be stored: dropped
    plan_name = named_cell(book, "PlanName")
    assert (plan_name.value, plan_name.data_type) == ("=1+1 plan", "s")
    # ...and it comes back as the same text
    report = ImportReport(path.name)
    document = read_plan_workbook(path, report)
    assert document is not None, report.lines()
    with document:
        titles = {p.title for p in document.scenario().positions}
        assert {RISKY_TEXTS["title"], RISKY_TEXTS["second_title"]} <= titles
        assert summarize(document.session, document.scenario()).to_json() == expected


# --- languages ----------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["es", "zh"])
def test_language_changes_headings_not_names(tmp_path: Path, language: str) -> None:
    path = tmp_path / f"demo-{language}.xlsx"
    with demo_plan() as document:
        export_workbook(document, document.scenario(), path, language)
        expected = summarize(document.session, document.scenario()).to_json()
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == list(SHEETS)
    assert set(DRIVERS) | set(RESULTS) <= set(book.defined_names.keys())
    assert book[ORG]["B1"].value == label("title", language) != label("title")
    report = ImportReport(path.name)
    copy = read_plan_workbook(path, report)
    assert copy is not None, report.lines()
    with copy:
        assert summarize(copy.session, copy.scenario()).to_json() == expected


# --- writing -------------------------------------------------------------------------------------


def test_a_failed_export_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"the old workbook")
    path.chmod(0o640)

    class Exploding:
        def save(self, target: Path) -> None:
            Path(target).write_bytes(b"half a workbook")
            raise OSError(28, "No space left on device")

    with demo_plan() as document:
        real_builder = xlsx_export._WorkbookBuilder.build
        monkeypatch.setattr(xlsx_export._WorkbookBuilder, "build", lambda self: Exploding())
        with pytest.raises(WorkbookExportError, match="No space left on device"):
            export_workbook(document, document.scenario(), path)
        assert path.read_bytes() == b"the old workbook"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.xlsx"]
        monkeypatch.setattr(xlsx_export._WorkbookBuilder, "build", real_builder)
        export_workbook(document, document.scenario(), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640  # an overwritten file keeps its mode
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.xlsx"]
    assert is_revorg_workbook(path)


def test_a_missing_folder_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    with demo_plan() as document, pytest.raises(WorkbookExportError, match="could not write"):
        export_workbook(document, document.scenario(), tmp_path / "nowhere" / "plan.xlsx")


def test_new_files_get_the_usual_permissions(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    with demo_plan() as document:
        export_workbook(document, document.scenario(), path)
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask


def test_the_command_line_exports_a_workbook(
    run_cli: CliRunner, demo_file: Path, tmp_path: Path
) -> None:
    path = tmp_path / "plan.xlsx"
    result = run_cli("export", demo_file, "--xlsx", path, "--lang", "es")
    assert result.code == 0, result.err
    assert result.out.strip() == f"wrote {path}"
    assert openpyxl.load_workbook(path)[ORG]["A1"].value == label("id", "es")


def test_an_empty_plan_exports(tmp_path: Path) -> None:
    path = tmp_path / "blank.xlsx"
    with PlanDocument.from_template("blank", 2027) as document:
        export_workbook(document, document.scenario(), path)
    book = openpyxl.load_workbook(path)
    assert book[ORG].tables[ORG_TABLE].ref == "A1:AI2"
    report = ImportReport(path.name)
    copy = read_plan_workbook(path, report)
    assert copy is not None and report.lines() == []
    with copy:
        assert copy.scenario().positions == []


# --- speed ---------------------------------------------------------------------------------------


@pytest.mark.slow
def test_ten_thousand_positions_export_and_import_back(tmp_path: Path) -> None:
    """10,000 positions go out and come back with the same summary. The times against openpyxl's
    write-only mode writing the same cells are printed, not asserted (the benchmark measures)."""
    path = tmp_path / "large.xlsx"
    with generate_plan(10_000) as document:
        exported = timed(lambda: export_workbook(document, document.scenario(), path))
        expected = summarize(document.session, document.scenario()).to_json()
    source = openpyxl.load_workbook(path, read_only=True)
    sheets = {
        sheet.title: [[cell.value for cell in row] for row in sheet.iter_rows()]
        for sheet in source.worksheets
    }
    source.close()

    def bare() -> None:
        workbook = openpyxl.Workbook(write_only=True)
        for title, rows in sheets.items():
            sheet = workbook.create_sheet(title)
            for row in rows:
                sheet.append(row)
        workbook.save(tmp_path / "bare.xlsx")

    baseline = timed(bare)
    cells = sum(1 for rows in sheets.values() for row in rows for value in row if value is not None)
    started = time.perf_counter()
    report = ImportReport(path.name)
    copy = read_plan_workbook(path, report)
    imported = time.perf_counter() - started
    assert copy is not None, report.lines()
    with copy:
        assert summarize(copy.session, copy.scenario()).to_json() == expected
    print(
        f"\n10,000 positions, {cells:,} cells: export {exported:.2f} s, bare write-only "
        f"{baseline:.2f} s ({exported / baseline:.2f}x); import {imported:.2f} s"
    )


def timed(action: Any) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started
