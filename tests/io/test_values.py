"""One reader of values (revorg.io.values) for rosters and workbooks: dates, amounts, rates and
text encodings, each case computed by hand; and the same ambiguous cells give the same values
through a roster and through an edited RevOrg workbook."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from revorg.io.importers import import_plan
from revorg.io.report import Finding, ImportReport, Severity
from revorg.io.values import (
    DateColumn,
    DateOrder,
    DecimalMark,
    NegativeAmountError,
    date_column,
    decimal_mark,
    decode,
    parse_amount,
    parse_date,
    parse_month,
    parse_number,
    parse_rate_value,
    read_amount,
    read_date,
)
from revorg.io.xlsx_export import export_workbook
from revorg.io.xlsx_layout import ORG, ORG_LETTERS
from revorg.model.document import PlanDocument
from revorg.model.entities import Position
from revorg.model.months import YearMonth
from tests.io.conftest import demo_plan, org_row_of

YEAR = 2027
COLUMN = {key: index for index, key in enumerate(ORG_LETTERS, 1)}


@pytest.fixture
def imported() -> Iterator[Any]:
    """import_plan(...) whose documents are closed after the test."""
    documents: list[PlanDocument] = []

    def run(path: Path) -> tuple[PlanDocument, ImportReport]:
        document, report = import_plan(path, "demo", YEAR)
        documents.append(document)
        return document, report

    yield run
    for document in documents:
        document.close()


def finding(report: ImportReport, severity: Severity, text: str) -> Finding:
    found = [f for f in report.findings if f.severity is severity and text in f.message]
    assert found, f"no {severity.value} with {text!r} in:\n" + "\n".join(report.lines())
    return found[0]


def people(document: PlanDocument) -> dict[str, Position]:
    return {p.person_name: p for p in document.scenario().positions if p.person_name}


# --- amounts --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "number", "currency"),
    [
        ("USD 485,000.00", "485000.00", "USD"),
        ("485.000,00 €", "485000.00", "EUR"),
        ("¥300,000", "300000", "CNY"),
        ("€1,000", "1000", "EUR"),
        ("65k", "65000", None),
        ("1,5k", "1500", None),
        ("GBP 1 234,56", "1234.56", "GBP"),
        ("RMB 8.000", "8000", "CNY"),
        ("0,250", "0.250", None),  # a thousands group never starts with 0: a decimal comma
        ("1,250", "1250", None),  # alone, three digits after one separator: thousands
        ("12,5", "12.5", None),
        ("(5,000)", "-5000", None),
        (65000.5, "65000.5", None),
    ],
)
def test_amounts(cell: object, number: str, currency: str | None) -> None:
    amount = read_amount(cell)
    assert amount.number == Decimal(number)
    assert amount.currency == currency


@pytest.mark.parametrize(
    ("column", "mark"),
    [
        (["65k", "1.234,56", "1,250"], DecimalMark.COMMA),
        (["€1,000", "USD 485,000.00"], DecimalMark.POINT),
        (["12,5"], DecimalMark.COMMA),
        (["0.125"], DecimalMark.POINT),
        (["1,250", "65.000", 70000, None], None),
    ],
)
def test_the_decimal_mark_of_a_column(column: list[object], mark: DecimalMark | None) -> None:
    assert decimal_mark(column) is mark


def test_a_column_with_a_decimal_comma_reads_1_250_as_one_and_a_quarter() -> None:
    assert read_amount("1,250", DecimalMark.COMMA).number == Decimal("1.250")
    assert read_amount("1.250", DecimalMark.COMMA).number == Decimal("1250")
    assert read_amount("1,250", DecimalMark.POINT).number == Decimal("1250")
    assert read_amount("1.250", DecimalMark.POINT).number == Decimal("1.250")
    # A cell that shows its own mark is read by it, whatever the column says.
    assert read_amount("1,234.5", DecimalMark.COMMA).number == Decimal("1234.5")


@pytest.mark.parametrize("mark", [None, DecimalMark.POINT, DecimalMark.COMMA])
@pytest.mark.parametrize(
    ("cell", "number", "currency"),
    [
        # The form of most CRM exports ("EUR 24,000.00"), read at once: a point before one or
        # two digits is a decimal point whatever the column's mark.
        ("EUR 24,000.00", "24000.00", "EUR"),
        ("USD485,000.5", "485000.5", "USD"),
        ("RMB 1,000.00", "1000.00", "CNY"),
        ("1,234,567.89", "1234567.89", None),
        ("12.5", "12.5", None),
        ("0.05", "0.05", None),
    ],
)
def test_amounts_in_a_crms_form(
    cell: str, number: str, currency: str | None, mark: DecimalMark | None
) -> None:
    amount = read_amount(cell, mark)
    assert (amount.number, amount.currency) == (Decimal(number), currency)
    assert str(amount.number) == number  # its places kept: "24000.00"


@pytest.mark.parametrize("cell", ["ABC 1,000.00", "EUR 1,00.00", "EUR 12,3456.00"])
def test_amounts_nearly_in_a_crms_form_are_refused(cell: str) -> None:
    with pytest.raises(ValueError, match="is not an amount"):
        parse_amount(cell)


def test_amounts_stay_decimal_and_each_importer_words_its_refusal() -> None:
    assert parse_number("0.1") + parse_number("0.2") == Decimal("0.3")
    assert parse_amount("65k") == (Decimal("65000"), None)
    with pytest.raises(NegativeAmountError, match=r"^negative amount '-5,000'$"):
        parse_amount("-5,000")
    with pytest.raises(ValueError, match=r"^'forty' is not an amount$"):
        parse_amount("forty")
    with pytest.raises(ValueError, match=r"^not a number: 'forty'$"):
        parse_number("forty")
    with pytest.raises(ValueError, match="a date where a number belongs"):
        parse_number(datetime.date(2027, 1, 1))


@pytest.mark.parametrize(
    ("cell", "rate"),
    [("10 %", "0.1"), ("10%", "0.1"), ("10,5%", "0.105"), ("0.1", "0.1"), ("0,1", "0.1"),
     (0.25, "0.25"), (10, "10")],
)  # fmt: skip
def test_rates(cell: object, rate: str) -> None:
    assert parse_rate_value(cell) == Decimal(rate)


# --- dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("column", "language", "order", "assumed"),
    [
        (["13/01/2027", "04/01/2027"], "en", DateOrder.DAY_FIRST, False),
        (["01/13/2027", "04/01/2027"], "es", DateOrder.MONTH_FIRST, False),
        (["04/01/2027", "2027-02-01"], "en", DateOrder.MONTH_FIRST, True),
        (["04/01/2027"], "es", DateOrder.DAY_FIRST, True),
        (["04/01/2027"], "zh", DateOrder.DAY_FIRST, True),
        (["03/03/2027", "2027-02-01", None, 46447], "en", DateOrder.MONTH_FIRST, False),
    ],
)
def test_the_date_order_of_a_column(
    column: list[object], language: str, order: DateOrder, assumed: bool
) -> None:
    found = date_column(column, language)
    assert found.order is order
    assert (found.note() is not None) is assumed


@pytest.mark.parametrize(
    ("cell", "order", "date"),
    [
        ("04/01/2027", DateOrder.DAY_FIRST, datetime.date(2027, 1, 4)),
        ("04/01/2027", DateOrder.MONTH_FIRST, datetime.date(2027, 4, 1)),
        ("13/01/2027", DateOrder.MONTH_FIRST, datetime.date(2027, 1, 13)),  # only one reading
        ("01/13/2027", DateOrder.DAY_FIRST, datetime.date(2027, 1, 13)),
        ("04.01.27", DateOrder.DAY_FIRST, datetime.date(2027, 1, 4)),
        ("2027-01-04", DateOrder.DAY_FIRST, datetime.date(2027, 1, 4)),
        ("2027/1/4", DateOrder.MONTH_FIRST, datetime.date(2027, 1, 4)),
        ("2027年1月4日", DateOrder.MONTH_FIRST, datetime.date(2027, 1, 4)),
        ("4 de enero de 2027", DateOrder.MONTH_FIRST, datetime.date(2027, 1, 4)),
        ("January 4, 2027", DateOrder.DAY_FIRST, datetime.date(2027, 1, 4)),
        # Excel serials through openpyxl: 46391 is 2027-01-04 (46447 - 56 days).
        (46391, DateOrder.DAY_FIRST, datetime.date(2027, 1, 4)),
        ("46391", DateOrder.DAY_FIRST, datetime.date(2027, 1, 4)),
        (46391.75, DateOrder.DAY_FIRST, datetime.date(2027, 1, 4)),
    ],
)
def test_dates(cell: object, order: DateOrder, date: datetime.date) -> None:
    assert read_date(cell, DateColumn(order)) == date


def test_a_1904_workbook_serial_is_four_years_and_a_day_later() -> None:
    # The Mac 1904 date system counts from 1904-01-01: serial 44929 is 2027-01-04
    # (1462 days fewer than the 1900 system's 46391).
    epoch = datetime.datetime(1904, 1, 1)
    assert read_date(44929, epoch=epoch) == datetime.date(2027, 1, 4)


def test_the_note_says_which_order_was_assumed() -> None:
    note = date_column(["04/01/2027"], "es").note()
    assert str(note) == (
        "dates such as '04/01/2027' could be day/month or month/day: read day first "
        "(2027-01-04), as usual with headings in Spanish; write 2027-03-15 to be sure"
    )


def test_a_column_with_both_orders_refuses_its_ambiguous_dates() -> None:
    mixed = date_column(["13/01/2027", "01/13/2027", "04/01/2027"], "en")
    assert mixed.note() is None
    assert read_date("13/01/2027", mixed) == datetime.date(2027, 1, 13)
    with pytest.raises(ValueError, match="ambiguous date: '04/01/2027'"):
        parse_date("04/01/2027", mixed)


def test_serials_outside_plausible_years_and_other_non_dates() -> None:
    with pytest.raises(ValueError, match=r"as an Excel date it is 1905-07-19"):
        parse_month(2027)
    with pytest.raises(ValueError, match=r"is not a date"):
        parse_date("2027")
    with pytest.raises(ValueError, match=r"^not a month: 'someday' \(write it as 2027-03\)$"):
        parse_month("someday")
    with pytest.raises(ValueError):
        parse_date("31/02/2027")
    assert parse_month("Mar 2027") == YearMonth(2027, 3)


# --- encodings ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "encoding", "named"),
    [
        ("姓名,职位\n王伟,销售总监\n李娜,客户经理\n", "gb18030", "gb18030"),
        ("姓名,職位\n陳美玲,客戶經理\n王偉,銷售總監\n", "big5", "big5"),
        ("氏名,役職\n佐藤花子,アカウントエグゼクティブ\n", "shift_jis", "cp932"),
        ("Nombre;Puesto\nRaúl Pérez;Técnico de soporte\n", "cp1252", "cp1252"),
        ("Nombre\tPuesto\nMaría Núñez\t客户经理\n", "utf-16", "utf-16"),
        ("Nombre,Puesto\nÍñigo,CRO\n", "utf-8-sig", "utf-8"),
        ("Nombre,Puesto\nÍñigo,CRO\n", "utf-8", "utf-8"),
    ],
)
def test_encodings(text: str, encoding: str, named: str) -> None:
    decoded = decode(text.encode(encoding))
    assert (decoded.text, decoded.encoding) == (text, named)


def test_a_damaged_byte_late_in_a_gb18030_file_does_not_make_it_windows_1252() -> None:
    data = "姓名,职位\n王伟,销售总监\n".encode("gb18030") + b"\xff,AE\n"
    decoded = decode(data, lambda text: text.startswith("姓名"))
    assert decoded.encoding == "gb18030"
    assert decoded.text.splitlines()[:2] == ["姓名,职位", "王伟,销售总监"]


def test_a_chinese_roster_in_gb18030_imports_with_its_names(tmp_path: Path, imported: Any) -> None:
    text = (
        "姓名,职位,部门,入职日期,年薪\n"
        '王伟,销售总监,销售,2026-05-01,"¥300,000"\n'
        "李娜,客户经理,销售,2025-03-15,250000\n"
        "张敏,客户成功经理,客户成功,,180000\n"
    )
    path = tmp_path / "花名册.csv"
    path.write_bytes(text.encode("gb18030"))
    document, report = imported(path)
    found = people(document)
    assert set(found) == {"王伟", "李娜", "张敏"}
    assert found["李娜"].annual_cost == Decimal("250000.00")
    assert found["王伟"].annual_cost == Decimal("300000.00")
    warning = finding(report, Severity.WARNING, "read as GB18030 (Simplified Chinese)")
    assert warning.row == 1  # the headings are the first line that is not UTF-8


def test_a_big5_roster_with_traditional_headings_imports_with_its_names(
    tmp_path: Path, imported: Any
) -> None:
    path = tmp_path / "roster.csv"
    path.write_bytes("姓名,職位,部門\n陳美玲,客戶經理,銷售\n王偉,銷售總監,銷售\n".encode("big5"))
    document, report = imported(path)
    assert set(people(document)) == {"陳美玲", "王偉"}
    assert finding(report, Severity.WARNING, "read as Big5 (Traditional Chinese)").row == 1


def test_repeated_chinese_rows_that_look_like_big5_are_read_by_their_headings(
    tmp_path: Path, imported: Any
) -> None:
    # charset-normalizer takes these bytes for Big5; the headings decide GB18030.
    text = "姓名,职位,部门\n" + "王伟,销售总监,销售\n" * 300
    path = tmp_path / "roster.csv"
    path.write_bytes(text.encode("gb18030"))
    document, _ = imported(path)
    assert {p.person_name for p in document.scenario().positions} == {"王伟"}
    assert len(document.scenario().positions) == 300


def test_a_utf16_unicode_text_roster_imports(tmp_path: Path, imported: Any) -> None:
    text = (
        "Nombre\tPuesto\tFecha de inicio\tSalario\n"
        "María Núñez\tEjecutiva de cuentas\t\t45.000,50 €\n"
        "李娜\t客户经理\t\t50.000 €\n"
    )
    path = tmp_path / "roster.txt"  # Excel's "Unicode text": UTF-16 with a BOM, tabs
    path.write_bytes(text.encode("utf-16"))
    document, report = imported(path)
    found = people(document)
    assert found["María Núñez"].annual_cost == Decimal("45000.50")
    assert found["李娜"].annual_cost == Decimal("50000.00")
    assert not [f for f in report.findings if "UTF-8" in f.message]  # Unicode: no finding


def test_a_windows_1252_spanish_roster_imports_with_its_accents(
    tmp_path: Path, imported: Any
) -> None:
    text = (
        "Nombre;Puesto;Salario\r\n"
        "Raúl Pérez;Técnico de soporte;38.500 €\r\n"
        "María José Núñez;Directora de ventas;95.000 €\r\n"
        "Íñigo Ibáñez;Ejecutivo de cuentas;52.000 €\r\n"
    )
    path = tmp_path / "plantilla.csv"
    path.write_bytes(text.encode("cp1252"))
    document, report = imported(path)
    found = people(document)
    assert set(found) == {"Raúl Pérez", "María José Núñez", "Íñigo Ibáñez"}
    assert found["Raúl Pérez"].annual_cost == Decimal("38500.00")
    assert finding(report, Severity.WARNING, "read as Windows-1252").row == 2


# --- the same cells through a roster and through a workbook ---------------------------------

# Open positions (a roster keeps the start month of a vacancy) with a start and a cost each.
# Costs: "0,250" shows a decimal comma, so the column reads "1,250" as 1.25 and "1.234,56" as
# 1234.56; "65k" is 65000. Each list is one column, top to bottom.
COSTS = ["65k", "0,250", "1,250", "1.234,56"]
EXPECTED_COSTS = [Decimal("65000.00"), Decimal("0.25"), Decimal("1.25"), Decimal("1234.56")]
# Starts: nothing in the column tells the order, so the headings' language decides.
STARTS = ["04/01/2027", "2027-06-15", "04/01/2027", 46447]  # 46447: 2027-03-01
EXPECTED_STARTS = {
    "en": [YearMonth(2027, 4), YearMonth(2027, 6), YearMonth(2027, 4), YearMonth(2027, 3)],
    "es": [YearMonth(2027, 1), YearMonth(2027, 6), YearMonth(2027, 1), YearMonth(2027, 3)],
}
ROSTER_HEADINGS = {
    "en": ["Name", "Title", "Start date", "Salary"],
    "es": ["Nombre", "Puesto", "Fecha de inicio", "Salario"],
}


def roster_values(path: Path, imported: Any) -> tuple[list[Any], ImportReport]:
    document, report = imported(path)
    rows = sorted(document.scenario().positions, key=lambda p: p.id)
    return [(p.start_month, p.annual_cost) for p in rows], report


def write_roster(folder: Path, language: str, starts: list[object]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(ROSTER_HEADINGS[language])
    for start, cost in zip(starts, COSTS, strict=True):
        sheet.append([None, "Account Executive", start, cost])
    path = folder / f"roster-{language}.xlsx"
    book.save(path)
    return path


def workbook_values(
    folder: Path, language: str, starts: list[object], imported: Any
) -> tuple[list[Any], ImportReport]:
    """The demo plan exported in `language`, four Org rows edited as a user types."""
    path = folder / f"plan-{language}.xlsx"
    with demo_plan() as original:
        export_workbook(original, original.scenario(), path, language)
        ids = sorted(p.id for p in original.scenario().positions)[:4]
    workbook = openpyxl.load_workbook(path)
    org = workbook[ORG]
    for position_id, start, cost in zip(ids, starts, COSTS, strict=True):
        row = org_row_of(org, position_id)
        org.cell(row, COLUMN["start_month"]).value = start
        org.cell(row, COLUMN["annual_cost"]).value = cost
    workbook.save(path)
    document, report = imported(path)
    by_id = {p.id: p for p in document.scenario().positions}
    return [(by_id[i].start_month, by_id[i].annual_cost) for i in ids], report


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_roster_and_a_workbook_read_the_same_cells_alike(
    tmp_path: Path, imported: Any, language: str
) -> None:
    expected = list(zip(EXPECTED_STARTS[language], EXPECTED_COSTS, strict=True))
    from_roster, roster_report = roster_values(write_roster(tmp_path, language, STARTS), imported)
    from_workbook, book_report = workbook_values(tmp_path, language, STARTS, imported)
    assert from_roster == expected
    assert from_workbook == expected
    order = "month first" if language == "en" else "day first"
    for report in (roster_report, book_report):
        note = finding(report, Severity.NOTE, f"could be day/month or month/day: read {order}")
        assert "'04/01/2027'" in note.message


def test_a_column_with_13_01_2027_is_day_first_in_both(tmp_path: Path, imported: Any) -> None:
    starts: list[object] = ["04/01/2027", "13/02/2027", "04/01/2027", "2027-06-01"]
    expected = [YearMonth(2027, 1), YearMonth(2027, 2), YearMonth(2027, 1), YearMonth(2027, 6)]
    from_roster, roster_report = roster_values(write_roster(tmp_path, "en", starts), imported)
    from_workbook, book_report = workbook_values(tmp_path, "en", starts, imported)
    assert [start for start, _ in from_roster] == expected
    assert [start for start, _ in from_workbook] == expected
    for report in (roster_report, book_report):
        assert not [f for f in report.findings if "day/month" in f.message]
