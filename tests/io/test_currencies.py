"""A plan's currency in and out of workbooks: number formats with its ISO code and minor units,
and a RevOrg workbook that states its currency gives a plan in it."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from revorg.io.report import ImportReport, Severity
from revorg.io.xlsx_export import export_workbook
from revorg.io.xlsx_import import read_plan_workbook
from revorg.model.document import PlanDocument
from tests.io.conftest import named_cell


def exported(tmp_path: Path, currency: str) -> Path:
    path = tmp_path / f"{currency}.xlsx"
    with PlanDocument.from_template("demo", 2027, currency=currency) as document:
        export_workbook(document, document.scenario(), path)
    return path


@pytest.mark.parametrize(
    ("currency", "money_format"),
    [
        ("USD", '#,##0.00 "USD"'),
        ("CNY", '#,##0.00 "CNY"'),
        ("JPY", '#,##0 "JPY"'),  # the yen has no minor unit
        ("KWD", '#,##0.000 "KWD"'),  # the Kuwaiti dinar has three
    ],
)
def test_money_cells_carry_the_plans_currency(
    tmp_path: Path, currency: str, money_format: str
) -> None:
    book = openpyxl.load_workbook(exported(tmp_path, currency))
    assert named_cell(book, "Goal").number_format == money_format
    assert named_cell(book, "TotalRevenue").number_format == money_format
    assert named_cell(book, "Currency").value == currency


def test_a_workbook_keeps_the_currency_it_states(tmp_path: Path) -> None:
    report = ImportReport("CNY.xlsx")
    document = read_plan_workbook(exported(tmp_path, "CNY"), report)
    assert document is not None, report.lines()
    with document:
        assert document.plan.currency == "CNY"


def test_a_workbook_currency_that_is_no_iso_code_falls_back_to_eur(tmp_path: Path) -> None:
    path = exported(tmp_path, "USD")
    book = openpyxl.load_workbook(path)
    named_cell(book, "Currency").value = "Dollars"
    book.save(path)
    report = ImportReport(path.name)
    document = read_plan_workbook(path, report)
    assert document is not None, report.lines()
    with document:
        assert document.plan.currency == "EUR"
    (warning,) = [f for f in report.findings if f.severity is Severity.WARNING]
    assert "the currency 'DOLLARS' is not an ISO 4217 code: EUR is used" in warning.message
