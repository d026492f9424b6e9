"""Staff of a manager in files (issue 19, item 4): a roster's Staff / Asistente / 幕僚 column
with yes and no in three languages, the workbook's Org sheet column that round-trips, and the
command line's import that carries it."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from revorg.io.importers import import_plan
from revorg.io.report import ImportReport, Severity
from revorg.io.roster import heading_field
from revorg.io.values.flags import parse_flag
from revorg.io.xlsx_export import export_workbook
from revorg.io.xlsx_import import read_plan_workbook
from revorg.io.xlsx_layout import ORG, label
from revorg.model.document import PlanDocument
from revorg.model.editing import PlanEditor, requests
from revorg.model.entities import Position
from tests.conftest import CliRunner
from tests.io.test_roster import write_csv, write_xlsx

YEAR = 2027


@pytest.mark.parametrize(
    ("heading", "field"),
    [
        ("Staff", "staff"),
        ("Assistant", "staff"),
        ("Asistente", "staff"),
        ("幕僚", "staff"),
        ("助理", "staff"),
        ("Staff ID", "id"),  # still the person's number
    ],
)
def test_staff_headings_in_three_languages(heading: str, field: str) -> None:
    assert heading_field(heading) == field


@pytest.mark.parametrize(
    ("value", "flag"),
    [
        ("Yes", True), ("y", True), ("x", True), ("TRUE", True), (1, True), (True, True),
        ("Sí", True), ("si", True), ("是", True), ("✓", True),
        ("No", False), ("n", False), ("false", False), (0, False), ("Falso", False),
        ("否", False), ("不是", False), ("无", False),
        ("", None), (None, None), ("  ", None),
    ],
)  # fmt: skip
def test_yes_and_no_in_three_languages(value: object, flag: bool | None) -> None:
    assert parse_flag(value) is flag


def test_an_unknown_answer_is_refused_not_guessed() -> None:
    with pytest.raises(ValueError, match="'maybe' is not yes or no"):
        parse_flag("maybe")


def staff_by_person(document: PlanDocument) -> dict[str, bool]:
    return {p.person_name or p.title: p.staff for p in document.scenario().positions}


def test_a_spanish_roster_marks_the_assistant_and_the_chief_of_staff(tmp_path: Path) -> None:
    rows = [
        ["Nombre", "Puesto", "Responsable", "Asistente"],
        ["Elena Ruiz", "Directora de ingresos", None, "no"],
        ["Marta Gil", "Asistente de dirección", "Elena Ruiz", "Sí"],
        ["Carmen López", "VP Sales", "Elena Ruiz", None],
        ["Ana Gil", "Jefe de gabinete", "Carmen López", "sí"],
        ["Luis Romero", "Ejecutivo de cuentas", "Carmen López", "quizá"],
    ]
    document, report = import_plan(write_csv(tmp_path, rows), "demo", YEAR)
    with document:
        assert staff_by_person(document) == {
            "Elena Ruiz": False,
            "Marta Gil": True,
            "Carmen López": False,
            "Ana Gil": True,
            "Luis Romero": False,  # 'quizá' is no answer: in the team row, with a warning
        }
        [warning] = [f for f in report.findings if f.severity is Severity.WARNING]
        assert (warning.row, warning.column) == (6, "Asistente")
        assert "'quizá' is not yes or no" in warning.message


def test_a_chinese_roster_in_a_workbook_and_a_top_card_that_cannot_be_staff(
    tmp_path: Path,
) -> None:
    rows = [
        ["姓名", "职位", "上级", "助理"],
        ["王芳", "首席营收官", None, "是"],  # at the top: nobody to sit beside
        ["李娜", "行政助理", "王芳", "是"],
        ["张伟", "销售副总裁", "王芳", "否"],
    ]
    document, _report = import_plan(write_xlsx(tmp_path, {"Sheet1": rows}), "demo", YEAR)
    with document:
        assert staff_by_person(document) == {"王芳": False, "李娜": True, "张伟": False}


def demo_with_an_assistant() -> tuple[PlanDocument, int]:
    document = PlanDocument.from_template("demo", YEAR)
    editor = PlanEditor(document)
    vp_sales = next(r.id for r in editor.positions().values() if r.title == "VP Sales")
    change = editor.perform(requests.add_role(editor, "executive_assistant", vp_sales))
    return document, change.rows.added[0]


@pytest.mark.parametrize("language", ["en", "es", "zh"])
def test_the_org_sheet_says_staff_and_reads_it_back(tmp_path: Path, language: str) -> None:
    document, assistant = demo_with_an_assistant()
    path = tmp_path / "plan.xlsx"
    with document:
        export_workbook(document, document.scenario(), path, language=language)
        before = {p.id: p.staff for p in document.scenario().positions}

    sheet = openpyxl.load_workbook(path)[ORG]
    headings = [cell.value for cell in sheet[1]]
    column = headings.index(label("staff", language)) + 1
    values = {row[0].value: row[column - 1].value for row in sheet.iter_rows(min_row=2)}
    assert values[assistant] == {"en": "Yes", "es": "Sí", "zh": "是"}[language]
    assert [i for i, value in values.items() if value] == [assistant]

    report = ImportReport(path.name)
    again = read_plan_workbook(path, report, None)
    assert again is not None and not report.errors, report.lines()
    with again:
        assert {p.id: p.staff for p in again.scenario().positions} == before


def test_a_yes_typed_in_the_org_sheet_arrives_and_a_bad_one_is_an_error(tmp_path: Path) -> None:
    document, assistant = demo_with_an_assistant()
    path = tmp_path / "plan.xlsx"
    with document:
        export_workbook(document, document.scenario(), path)
    book = openpyxl.load_workbook(path)
    sheet = book[ORG]
    column = [cell.value for cell in sheet[1]].index(label("staff")) + 1
    rows = {row[0].value: row[0].row for row in sheet.iter_rows(min_row=2)}
    sdr_manager = next(
        row[0].value for row in sheet.iter_rows(min_row=2) if row[1].value == "SDR Manager"
    )
    sheet.cell(rows[sdr_manager], column, "x")
    sheet.cell(rows[assistant], column).value = None  # cell(..., None) leaves it
    book.save(path)
    report = ImportReport(path.name)
    again = read_plan_workbook(path, report, None)
    assert again is not None and not report.errors, report.lines()
    with again:
        marked = {p.title for p in again.scenario().positions if p.staff}
        assert marked == {"SDR Manager"}

    sheet.cell(rows[sdr_manager], column, "perhaps")
    book.save(path)
    report = ImportReport(path.name)
    assert read_plan_workbook(path, report, None) is None
    [error] = report.errors
    assert "'perhaps' is not yes or no" in error.message and error.row == rows[sdr_manager]


def test_revorg_import_carries_the_staff_column(run_cli: CliRunner, tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "Name,Title,Manager,Assistant\n"
        "Elena Ruiz,Chief Revenue Officer,,\n"
        "Tom Lee,Executive Assistant,Elena Ruiz,yes\n"
        "Marta Sánchez,Account Executive,Elena Ruiz,no\n",
        encoding="utf-8",
    )
    output = tmp_path / "plan.revorg"
    result = run_cli("import", roster, "-o", output, "--year", "2027")
    assert result.code == 0, result.err
    with PlanDocument.open(output, for_editing=False) as document:
        marked = [p.person_name for p in document.scenario().positions if p.staff]
        assert marked == ["Tom Lee"]
        assert all(isinstance(p, Position) for p in document.scenario().positions)


def test_without_an_answer_a_staff_role_under_a_manager_is_staff(tmp_path: Path) -> None:
    rows = [
        ["Name", "Title", "Manager", "Staff"],
        ["Elena Ruiz", "Chief Revenue Officer", None, None],
        ["Tom Lee", "Executive Assistant", "Elena Ruiz", None],  # blank: as its role is
        ["Ann Roe", "Chief of Staff", "Elena Ruiz", "no"],  # said: in the team row
        ["Bo Diaz", "Deal Desk Analyst", None, None],  # at the top: nobody to sit beside
    ]
    document, _report = import_plan(write_csv(tmp_path, rows), "demo", YEAR)
    with document:
        assert staff_by_person(document) == {
            "Elena Ruiz": False,
            "Tom Lee": True,
            "Ann Roe": False,
            "Bo Diaz": False,
        }
    without_column = write_csv(tmp_path, [row[:3] for row in rows], name="plain.csv")
    document, _report = import_plan(without_column, "demo", YEAR)
    with document:
        marked = {name for name, staff in staff_by_person(document).items() if staff}
        assert marked == {"Tom Lee", "Ann Roe"}
