"""HR rosters (.csv, .xlsx) made into plans: headings, roles, managers, and every bad input
reported with its sheet, row and column."""

from __future__ import annotations

import csv
import datetime
from collections.abc import Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from revorg.io.importers import import_plan
from revorg.io.report import Finding, ImportRefusedError, ImportReport, Severity
from revorg.io.roster import MAX_SAME_FINDINGS, heading_field, match_role
from revorg.io.values import parse_amount, parse_date
from revorg.model.document import PlanDocument
from revorg.model.entities import Position, RoleType
from revorg.model.months import YearMonth
from revorg.model.summary import summarize

YEAR = 2027
HEADINGS = ["Id", "Name", "Title", "Manager", "Department", "Start date", "Salary", "Email"]


# --- helpers --------------------------------------------------------------------------------


def write_csv(
    folder: Path,
    rows: Sequence[Sequence[Any]],
    *,
    name: str = "roster.csv",
    delimiter: str = ",",
    encoding: str = "utf-8",
) -> Path:
    path = folder / name
    with path.open("w", newline="", encoding=encoding) as stream:
        csv.writer(stream, delimiter=delimiter).writerows(
            ["" if cell is None else cell for cell in row] for row in rows
        )
    return path


def write_xlsx(
    folder: Path,
    sheets: dict[str, Sequence[Sequence[Any]]],
    name: str = "roster.xlsx",
) -> Path:
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
    path = folder / name
    book.save(path)
    return path


@pytest.fixture
def imported() -> Iterator[Any]:
    """import_plan(...) whose documents are closed after the test."""
    documents: list[PlanDocument] = []

    def run(path: Path, template: str = "demo") -> tuple[PlanDocument, ImportReport]:
        document, report = import_plan(path, template, YEAR)
        documents.append(document)
        return document, report

    yield run
    for document in documents:
        document.close()


def refused(path: Path, template: str = "demo") -> ImportReport:
    with pytest.raises(ImportRefusedError) as caught:
        import_plan(path, template, YEAR)
    return caught.value.report


def finding(report: ImportReport, severity: Severity, text: str) -> Finding:
    found = [f for f in report.findings if f.severity is severity and text in f.message]
    assert found, f"no {severity.value} with {text!r} in:\n" + "\n".join(report.lines())
    return found[0]


def positions(document: PlanDocument) -> list[Position]:
    return sorted(document.scenario().positions, key=lambda p: p.id)


def by_person(document: PlanDocument) -> dict[str, Position]:
    return {p.person_name: p for p in positions(document) if p.person_name}


SMALL_ROSTER = [
    HEADINGS,
    ["E1", "Elena Ruiz", "Chief Revenue Officer", None, "Executive", None, 180000, "elena@x.com"],
    ["E2", "Carmen López", "VP Sales", "E1", "Sales", None, 120000, "carmen@x.com"],
    ["E3", "Marta Sánchez", "Account Executive", "carmen@x.com", "Sales", None, 65000, None],
    ["E4", "Raúl Jiménez", "Ejecutivo de cuentas", "Carmen López", "Ventas", None, None, None],
    ["E5", None, "Account Executive", "E2", "Sales", "2027-04-01", 65000, None],
    ["E6", "Sofía Castro", "VP Customer Success", "E1", "Customer Success", None, 110000, None],
    ["E7", "Iris Wu", "客户成功经理", "E6", None, None, 60000, None],
    ["E8", "Tom Lee", "Chief of Staff", "E1", None, None, 90000, None],
]


# --- headings -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "field"),
    [
        ("Name", "name"),
        ("NOMBRE", "name"),
        ("Nombre completo", "name"),
        ("Title", "title"),
        ("Job title", "title"),
        ("Puesto", "title"),
        ("cargo", "title"),
        ("Manager", "manager"),
        ("Reports to", "manager"),
        ("Responsable", "manager"),
        ("Jefe", "manager"),
        ("Department", "department"),
        ("Departamento", "department"),
        ("Área", "department"),
        ("AREA", "department"),
        ("Start date", "start"),
        ("Fecha de inicio", "start"),
        ("FECHA DE INICIO", "start"),
        ("Start date (YYYY-MM-DD)", "start"),
        ("Cost", "cost"),
        ("Salary", "cost"),
        ("Salary (EUR)", "cost"),
        ("Salario", "cost"),
        ("Coste", "cost"),
        ("Email", "email"),
        ("E-mail", "email"),
        ("Correo", "email"),
        ("Correo electrónico", "email"),
        ("Id", "id"),
        ("Employee ID", "id"),
        ("Apellidos", "surname"),
        ("Phone", None),
    ],
)
def test_headings_in_english_and_spanish_whatever_the_case_and_accents(
    heading: str, field: str | None
) -> None:
    assert heading_field(heading) == field


def test_a_spanish_semicolon_csv_with_a_bom(tmp_path: Path, imported: Any) -> None:
    rows = [
        ["Nombre", "Apellidos", "Cargo", "Jefe", "Área", "Fecha de inicio", "Salario", "Correo"],
        ["Elena", "Ruiz", "Director de ingresos", None, "Dirección", None, "€ 180.000", "e@x.es"],
        ["Marta", "Sánchez", "Ejecutiva de cuentas", "e@x.es", "Ventas", None, "65.000", None],
        [None, None, "Ejecutivo de cuentas", "Elena Ruiz", "Ventas", "01/05/2027", None, None],
    ]
    path = write_csv(tmp_path, rows, delimiter=";", encoding="utf-8-sig")
    document, report = imported(path)
    assert not report.errors, report.lines()
    people = by_person(document)
    assert people["Elena Ruiz"].role_key == "cro"
    assert people["Elena Ruiz"].annual_cost == Decimal("180000.00")
    assert people["Marta Sánchez"].role_key == "ae"
    assert people["Marta Sánchez"].manager_id == people["Elena Ruiz"].id
    assert people["Marta Sánchez"].annual_cost == Decimal("65000.00")
    vacancy = next(p for p in positions(document) if p.is_open)
    assert vacancy.start_month == YearMonth(2027, 5)
    assert vacancy.annual_cost == Decimal("65000.00")  # the catalogue's default for an AE


def test_an_english_xlsx_roster(tmp_path: Path, imported: Any) -> None:
    path = write_xlsx(tmp_path, {"Roster": SMALL_ROSTER})
    document, report = imported(path)
    assert not report.errors, report.lines()
    assert len(positions(document)) == 8
    people = by_person(document)
    assert people["Raúl Jiménez"].manager_id == people["Carmen López"].id
    assert people["Iris Wu"].role_key == "csm"
    assert document.plan.name == "roster"
    assert document.plan.fiscal_year == YEAR


def test_a_roster_with_a_title_row_above_the_headings(tmp_path: Path, imported: Any) -> None:
    rows = [
        ["Staff list, November"],
        [],
        ["Name", "Title", "Salary"],
        ["Ana", "SDR", "lots"],
    ]
    report = refused(write_xlsx(tmp_path, {"Staff": rows}))
    error = finding(report, Severity.ERROR, "not an amount")
    assert (error.sheet, error.row, error.column) == ("Staff", 4, "Salary")


def test_the_first_sheet_with_a_roster_is_read(tmp_path: Path, imported: Any) -> None:
    notes = [["Read me"], ["This workbook lists our people"]]
    path = write_xlsx(tmp_path, {"About": notes, "People": SMALL_ROSTER})
    document, report = imported(path)
    assert len(positions(document)) == 8
    assert finding(report, Severity.NOTE, "read sheet 'People'").sheet == "People"


def test_unread_columns_are_named_in_a_note(tmp_path: Path, imported: Any) -> None:
    path = write_csv(tmp_path, [["Name", "Title", "Phone"], ["Ana", "SDR", "555"]])
    _, report = imported(path)
    assert "'Phone'" in finding(report, Severity.NOTE, "columns not read").message


# --- roles ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Account Executive", "ae"),
        ("Ejecutivo de cuentas", "ae"),
        ("Ejecutiva de cuentas", "ae"),
        ("客户经理", "ae"),
        ("Senior Account Executive", "ae"),
        ("Enterprise AE", "ae"),
        ("SDR", "sdr"),
        ("Sales Development Representative", "sdr"),
        ("销售开发代表", "sdr"),
        ("Sr. SDR, EMEA", "sdr"),
        ("SDR Manager", "sdr_manager"),
        ("SDR 经理", "sdr_manager"),
        ("Customer Success Manager", "csm"),
        ("customer-success manager", "csm"),
        ("Gerente de éxito del cliente", "csm"),
        ("Gestora de éxito del cliente", "csm"),
        ("客户成功经理", "csm"),
        ("Chief Revenue Officer", "cro"),
        ("Director de ingresos", "cro"),
        ("首席营收官", "cro"),
        ("VP, Sales", "vp_sales"),
        ("Directora de ventas", "vp_sales"),
        ("Head of Sales Iberia", "vp_sales"),
        ("Jefa de ventas", "sales_manager"),
        ("Key Account Manager", "account_manager"),
        ("Técnica de soporte", "support"),
        ("Data / BI Analyst", "data_analyst"),
        ("Chief of Staff", "chief_of_staff"),
        ("幕僚长", "chief_of_staff"),
        ("Asistente de dirección", "executive_assistant"),
        ("Deal Desk Analyst", "deal_desk"),
        ("Chief Legal Officer", None),
        ("Software Engineer", None),
        ("Office Manager", None),
    ],
)
def test_titles_match_roles_in_three_languages(title: str, role: str | None) -> None:
    assert match_role(title) == role


def test_an_inexact_title_is_reported_once_with_its_role(tmp_path: Path, imported: Any) -> None:
    rows = [
        ["Name", "Title"],
        ["Ana", "Senior Account Executive"],
        ["Bo", "Senior Account Executive"],
    ]
    path = write_csv(tmp_path, rows)
    document, report = imported(path)
    note = finding(report, Severity.NOTE, "read as the role Account Executive")
    assert (note.row, note.column) == (2, "Title")
    assert len([f for f in report.findings if "read as the role" in f.message]) == 1
    assert {p.title for p in positions(document)} == {"Senior Account Executive"}


def test_unknown_titles_become_custom_roles(tmp_path: Path, imported: Any) -> None:
    rows = [
        ["Name", "Title", "Department"],
        ["Ana", "Chief Legal Officer", None],  # "chief": executive
        ["Bo", "Brand Designer", None],  # "brand": marketing
        ["Cy", "Office Manager", None],  # no clue: outside revenue
        ["Di", "Community Lead", "Customer Success"],  # the column names a department
        ["Ed", "Chief Legal Officer", None],  # the same custom role again
    ]
    document, report = imported(write_csv(tmp_path, rows))
    custom = {r.name_en: r for r in document.session.query(RoleType).filter_by(is_custom=True)}
    assert set(custom) == {"Chief Legal Officer", "Brand Designer", "Community Lead"}
    assert {r.capacity_kind for r in custom.values()} == {"none"}
    assert custom["Chief Legal Officer"].department_key == "executive"
    assert custom["Brand Designer"].department_key == "marketing"
    assert custom["Community Lead"].department_key == "customer_success"
    assert custom["Community Lead"].is_leader
    people = by_person(document)
    assert people["Ed"].role_key == people["Ana"].role_key == custom["Chief Legal Officer"].key
    note = finding(report, Severity.NOTE, "'Chief Legal Officer' matches no role")
    assert (note.row, note.column) == (2, "Title")
    assert "2 positions" in note.message
    assert (people["Cy"].role_key, people["Cy"].department_key) == ("outside_revenue", "outside")
    assert "1 person placed in Outside revenue" in finding(report, Severity.NOTE, "Outside").message


def test_the_department_column_places_a_role_that_may_sit_in_two(
    tmp_path: Path, imported: Any
) -> None:
    rows = [
        ["Nombre", "Puesto", "Departamento"],
        ["Ana", "Gestor de cuentas", "Ventas"],  # account managers sit in CS or in sales
        ["Bo", "Customer Success Manager", "Ventas"],  # a CSM stays in customer success
    ]
    document, report = imported(write_csv(tmp_path, rows))
    people = by_person(document)
    assert (people["Ana"].role_key, people["Ana"].department_key) == ("account_manager", "sales")
    assert (people["Bo"].role_key, people["Bo"].department_key) == ("csm", "customer_success")
    placed = finding(report, Severity.NOTE, "1 Account Manager (AM) position placed in Sales")
    assert (placed.row, placed.column) == (2, "Departamento")
    kept = finding(report, Severity.NOTE, "kept in Customer Success, the role's department")
    assert (kept.row, kept.column) == (3, "Departamento")


# --- managers -------------------------------------------------------------------------------


def test_managers_by_id_email_and_name(tmp_path: Path, imported: Any) -> None:
    rows = [
        ["Id", "Name", "Title", "Manager", "Email"],
        ["7", "Boss", "CRO", None, "boss@x.com"],
        ["8", "By id", "SDR", "7", None],
        ["9", "By email", "SDR", "BOSS@x.com", None],
        ["10", "By name", "SDR", "  boss ", None],
    ]
    document, report = imported(write_csv(tmp_path, rows))
    assert not report.errors
    people = by_person(document)
    boss = people["Boss"].id
    assert [people[n].manager_id for n in ("By id", "By email", "By name")] == [boss] * 3
    assert boss == 1  # managers come before their reports
    assert [people[n].sort_order for n in ("By id", "By email", "By name")] == [0, 1, 2]


def test_numeric_ids_in_a_workbook_match_text_managers(tmp_path: Path, imported: Any) -> None:
    rows = [
        ["Id", "Name", "Title", "Manager"],
        [1001, "Boss", "CRO", None],
        [1002, "Ana", "AE", "1001"],
    ]
    document, _ = imported(write_xlsx(tmp_path, {"Roster": rows}))
    people = by_person(document)
    assert people["Ana"].manager_id == people["Boss"].id
    assert "Id: 1002" in people["Ana"].notes


def test_an_ambiguous_manager_name_is_an_error(tmp_path: Path) -> None:
    rows = [
        ["Name", "Title", "Manager"],
        ["Ana García", "CRO", None],
        ["Ana García", "VP Sales", None],
        ["Bo", "AE", "Ana Garcia"],
    ]
    error = finding(refused(write_csv(tmp_path, rows)), Severity.ERROR, "ambiguous")
    assert (error.row, error.column) == (4, "Manager")
    assert "rows 2 and 3" in error.message


def test_a_manager_not_found_is_an_error(tmp_path: Path) -> None:
    rows = [["Name", "Title", "Responsable"], ["Ana", "CRO", None], ["Bo", "AE", "Zoe"]]
    error = finding(refused(write_csv(tmp_path, rows)), Severity.ERROR, "'Zoe' not found")
    assert (error.sheet, error.row, error.column) == (None, 3, "Responsable")


def test_a_reporting_cycle_names_the_people(tmp_path: Path) -> None:
    rows = [
        ["Name", "Title", "Manager"],
        ["Root", "CRO", None],
        ["Ana", "VP Sales", "Cy"],
        ["Bo", "Sales Manager", "Ana"],
        ["Cy", "AE", "Bo"],
        ["Self", "AE", "Self"],
    ]
    report = refused(write_xlsx(tmp_path, {"Org": rows}))
    cycle = finding(report, Severity.ERROR, "reporting cycle")
    assert (cycle.sheet, cycle.row, cycle.column) == ("Org", 3, "Manager")
    for name in ("Ana (row 3)", "Bo (row 4)", "Cy (row 5)"):
        assert name in cycle.message
    assert finding(report, Severity.ERROR, "reports to themselves").row == 6


def test_several_roots_are_allowed_with_a_note(tmp_path: Path, imported: Any) -> None:
    rows = [["Name", "Title", "Manager"], ["Ana", "CRO", None], ["Bo", "VP Marketing", None]]
    document, report = imported(write_csv(tmp_path, rows))
    assert [p.manager_id for p in positions(document)] == [None, None]
    note = finding(report, Severity.NOTE, "2 rows have no manager")
    assert (note.row, note.column) == (2, "Manager")


# --- bad input, each pointing at its sheet, row and column --------------------------------


def test_a_missing_required_column_names_the_columns_found(tmp_path: Path) -> None:
    report = refused(write_xlsx(tmp_path, {"HR": [["Nombre", "Correo"], ["Ana", "a@x.com"]]}))
    error = finding(report, Severity.ERROR, "no Title")
    assert (error.sheet, error.row) == ("HR", 1)
    assert "'Nombre', 'Correo'" in error.message


def test_text_in_a_numeric_cost_cell(tmp_path: Path) -> None:
    rows = [["Name", "Title", "Salary"], ["Ana", "CRO", 150000], ["Bo", "AE", "sixty thousand"]]
    error = finding(refused(write_xlsx(tmp_path, {"Roster": rows})), Severity.ERROR, "amount")
    assert (error.sheet, error.row, error.column) == ("Roster", 3, "Salary")
    assert "'sixty thousand'" in error.message


def test_a_negative_cost(tmp_path: Path) -> None:
    rows = [["Name", "Title", "Coste"], ["Ana", "CRO", "-5000"]]
    error = finding(refused(write_csv(tmp_path, rows)), Severity.ERROR, "negative")
    assert (error.row, error.column) == (2, "Coste")


def test_duplicate_ids(tmp_path: Path) -> None:
    rows = [["ID", "Name", "Title"], ["A1", "Ana", "CRO"], ["B2", "Bo", "AE"], ["a1", "Cy", "AE"]]
    error = finding(refused(write_csv(tmp_path, rows)), Severity.ERROR, "'a1' is also on row 2")
    assert (error.row, error.column) == (4, "ID")


def test_a_bad_date(tmp_path: Path) -> None:
    rows = [["Name", "Title", "Fecha de inicio"], ["Ana", "CRO", "next spring"]]
    error = finding(refused(write_csv(tmp_path, rows)), Severity.ERROR, "not a date")
    assert (error.row, error.column) == (2, "Fecha de inicio")


def test_a_blank_title(tmp_path: Path) -> None:
    rows = [["Name", "Title"], ["Ana", "CRO"], ["Bo", None]]
    error = finding(refused(write_csv(tmp_path, rows)), Severity.ERROR, "title is blank")
    assert (error.row, error.column) == (3, "Title")


def test_many_errors_of_one_kind_are_counted_not_listed(tmp_path: Path) -> None:
    rows = [["Name", "Title", "Cost"]] + [[f"P{i}", "AE", "n/a"] for i in range(50)]
    report = refused(write_csv(tmp_path, rows))
    assert len(report.errors) == MAX_SAME_FINDINGS + 1
    assert "30 more errors like the ones above" in report.errors[-1].message
    assert report.errors[-1].row == MAX_SAME_FINDINGS + 2


def test_blank_rows_are_skipped_with_a_note(tmp_path: Path, imported: Any) -> None:
    rows = [["Name", "Title"], ["Ana", "CRO"], [None, None], ["Bo", "AE"], [], [], []]
    document, report = imported(write_xlsx(tmp_path, {"Roster": rows}))
    assert len(positions(document)) == 2
    note = finding(report, Severity.NOTE, "1 blank row skipped")
    assert (note.sheet, note.row) == ("Roster", 3)  # trailing blank rows are not counted


def test_a_windows_1252_csv_is_read_with_a_warning(tmp_path: Path, imported: Any) -> None:
    path = write_csv(tmp_path, [["Nombre", "Puesto"], ["Raúl", "Técnico de soporte"]],
                     encoding="cp1252")  # fmt: skip
    document, report = imported(path)
    assert by_person(document)["Raúl"].role_key == "support"
    assert finding(report, Severity.WARNING, "not UTF-8").row == 2


def test_excel_separator_hint_and_tabs_and_utf16(tmp_path: Path, imported: Any) -> None:
    hinted = tmp_path / "hinted.csv"
    hinted.write_text("sep=;\nName;Title;Salary\nAna;CRO;1,5k\nBo;SDR;x\n", encoding="utf-8")
    error = finding(refused(hinted), Severity.ERROR, "'x' is not an amount")
    assert error.row == 3  # Excel hides the hint line: the heading is row 1
    unicode_text = tmp_path / "roster.txt"  # Excel's "Unicode Text": UTF-16 with tabs
    unicode_text.write_bytes("Nombre\tPuesto\nLi Wei\t客户经理\n".encode("utf-16"))
    document, _ = imported(unicode_text)
    assert by_person(document)["Li Wei"].role_key == "ae"


def test_a_roster_in_dollars_makes_a_plan_in_dollars(tmp_path: Path, imported: Any) -> None:
    rows = [["Name", "Title", "Salary"], ["Ana", "CRO", "$150,000"], ["Bo", "SDR", "US$85,000"]]
    document, report = imported(write_csv(tmp_path, rows))
    assert by_person(document)["Ana"].annual_cost == Decimal("150000.00")
    assert by_person(document)["Bo"].annual_cost == Decimal("85000.00")
    assert document.plan.currency == "USD"
    assert not [f for f in report.findings if f.severity is Severity.WARNING]


@pytest.mark.parametrize(
    ("heading", "cost", "currency"),
    [
        ("Salary (USD)", "85,000", "USD"),
        ("Annual cost CNY", "300000", "CNY"),
        ("年薪(元)", "300000", "CNY"),
        ("Salary", "USD 85,000", "USD"),
        ("Salary", "85.000 €", "EUR"),
        ("Salary (all in)", "85000", "EUR"),  # no currency named: the template's
    ],
)
def test_the_cost_heading_or_cells_name_the_plans_currency(
    tmp_path: Path, imported: Any, heading: str, cost: str, currency: str
) -> None:
    rows = [["Name", "Title", heading], ["Ana", "CRO", cost]]
    document, _ = imported(write_csv(tmp_path, rows))
    assert document.plan.currency == currency


def test_mixed_currencies_keep_the_most_common_with_a_warning(
    tmp_path: Path, imported: Any
) -> None:
    rows = [
        ["Name", "Title", "Salary"],
        ["Ana", "CRO", "€150,000"],
        ["Bo", "SDR", "USD 60,000"],
        ["Cy", "SDR", "USD 62,000"],
        ["Di", "AE", "$90,000"],
    ]
    document, report = imported(write_csv(tmp_path, rows))
    assert document.plan.currency == "USD"
    assert by_person(document)["Ana"].annual_cost == Decimal("150000.00")  # not converted
    warning = finding(report, Severity.WARNING, "costs in 2 currencies (USD ×3, EUR ×1)")
    assert "the plan is in USD" in warning.message and "without conversion" in warning.message
    assert (warning.row, warning.column) == (2, "Salary")


def test_a_code_that_is_no_currency_is_not_an_amount(tmp_path: Path) -> None:
    rows = [["Name", "Title", "Salary"], ["Ana", "CRO", "85000 XYZ"]]
    finding(refused(write_csv(tmp_path, rows)), Severity.ERROR, "'85000 XYZ' is not an amount")


# --- values ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "amount"),
    [
        (65000, "65000"),
        (65000.5, "65000.5"),
        ("65000", "65000"),
        ("€ 65.000", "65000"),
        ("65,000", "65000"),
        ("65000.50", "65000.50"),
        ("65.000,50 EUR", "65000.50"),
        ("1,250,000.00", "1250000.00"),
        ("65 000 €", "65000"),
        ("65k", "65000"),
        ("0.125", "0.125"),
    ],
)
def test_amounts_with_currency_symbols_and_separators(cell: Any, amount: str) -> None:
    assert parse_amount(cell)[0] == Decimal(amount)


@pytest.mark.parametrize("cell", ["n/a", "-5", "(5,000)", "65.00.0", "1,23", True])
def test_bad_amounts(cell: Any) -> None:
    if cell == "1,23":  # a decimal comma, not an error
        assert parse_amount(cell)[0] == Decimal("1.23")
        return
    with pytest.raises(ValueError):
        parse_amount(cell)


MARCH_15 = datetime.date(2027, 3, 15)


@pytest.mark.parametrize(
    ("cell", "date"),
    [
        ("2027-03-15", MARCH_15),
        ("15/03/2027", MARCH_15),
        ("03/15/2027", MARCH_15),
        ("15.03.2027", MARCH_15),
        ("15-03-27", MARCH_15),
        ("03/2027", datetime.date(2027, 3, 1)),
        ("2027-03", datetime.date(2027, 3, 1)),
        ("Mar 2027", datetime.date(2027, 3, 1)),
        ("15 de marzo de 2027", MARCH_15),
        ("2027年3月15日", MARCH_15),
        ((MARCH_15 - datetime.date(1899, 12, 30)).days, MARCH_15),  # an Excel serial
        (str((MARCH_15 - datetime.date(1899, 12, 30)).days), MARCH_15),
        (datetime.datetime(2027, 3, 15, 9, 30), MARCH_15),
        (MARCH_15, MARCH_15),
    ],
)
def test_dates_in_several_formats(cell: Any, date: datetime.date) -> None:
    assert parse_date(cell) == date


def test_start_dates_of_open_positions_and_named_hires(tmp_path: Path, imported: Any) -> None:
    serial = (datetime.date(2027, 6, 1) - datetime.date(1899, 12, 30)).days
    rows = [
        ["Name", "Title", "Start date"],
        ["Ana", "CRO", datetime.datetime(2019, 5, 1)],  # long in the company
        [None, "AE", datetime.datetime(2027, 3, 15)],  # a vacancy from March
        [None, "SDR", "2026-10-01"],  # a vacancy open since before the year: from January
        [None, "CSM", serial],  # a serial number in a number cell
        ["Bo", "AE", "09/01/2027"],  # a named hire: English headings, so September 1
    ]
    document, report = imported(write_xlsx(tmp_path, {"Roster": rows}))
    open_starts = [p.start_month for p in positions(document) if p.is_open]
    assert open_starts == [YearMonth(2027, 3), YearMonth(2027, 1), YearMonth(2027, 6)]
    bo = by_person(document)["Bo"]
    assert bo.start_month is None
    assert "Starts 2027-09-01" in bo.notes
    assert by_person(document)["Ana"].notes == ""
    note = finding(report, Severity.NOTE, "named person starts")
    assert (note.sheet, note.row) == ("Roster", 6)
    assumed = finding(report, Severity.NOTE, "read month first (2027-09-01)")
    assert (assumed.row, assumed.column) == (6, "Start date")


# --- the resulting plan ---------------------------------------------------------------------


def test_the_plan_summary(tmp_path: Path, imported: Any) -> None:
    document, report = imported(write_csv(tmp_path, SMALL_ROSTER))
    summary = summarize(document.session, document.scenario())
    assert summary.total.positions == 8
    assert summary.total.headcount == 8
    assert summary.total.open_positions == 1
    # Targets come from the demo template; its positions are gone.
    assert summary.inputs.goal == Decimal("1000000.00")
    assert summary.inputs.leads == 300
    departments = {d.key: d.staffing for d in summary.departments}
    assert departments["sales"].positions == 4
    assert departments["customer_success"].positions == 2
    assert departments["executive"].positions == 2  # the CRO and the Chief of Staff
    # The vacancy from April costs 9 months; Raúl has no cost: the AE default (65,000).
    expected = 180000 + 120000 + 65000 + 65000 + Decimal(65000) * 9 / 12 + 110000 + 60000 + 90000
    assert summary.total.cost == expected
    assert "note" in "\n".join(report.lines())


def test_another_template_gives_its_targets(tmp_path: Path, imported: Any) -> None:
    document, _ = imported(write_csv(tmp_path, SMALL_ROSTER), template="blank")
    assert summarize(document.session, document.scenario()).inputs.goal == 0


# --- speed ----------------------------------------------------------------------------------


def big_roster(count: int) -> list[list[Any]]:
    titles = ["Account Executive", "SDR", "Customer Success Manager", "Sr. AE", "Chief of Staff"]
    rows: list[list[Any]] = [HEADINGS]
    for i in range(1, count + 1):
        manager = None if i == 1 else f"E{max(1, i // 7)}"
        start = datetime.datetime(2020, 1, 1) if i % 9 else datetime.datetime(2027, 5, 1)
        name = None if i % 13 == 0 else f"Person {i}"
        rows.append([f"E{i}", name, titles[i % 5], manager, "Sales", start, 65000.5, None])
    return rows


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_ten_thousand_rows_import(tmp_path: Path, imported: Any, kind: str) -> None:
    rows = big_roster(10_000)
    if kind == "xlsx":
        book = Workbook(write_only=True)
        sheet = book.create_sheet("Roster")
        for row in rows:
            sheet.append(row)
        path = tmp_path / "big.xlsx"
        book.save(path)
    else:
        dated = [[c.date().isoformat() if isinstance(c, datetime.datetime) else c for c in r]
                 for r in rows]  # fmt: skip
        path = write_csv(tmp_path, dated)
    document, report = imported(path)
    assert not report.errors
    assert len(positions(document)) == 10_000
