"""Findings keep their English line (the command line and the reports print it) and, besides
it, the template and values that the window translates (revorg.gui.labels.finding_text)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from revorg.io.importers import import_plan
from revorg.io.messages import (
    BadValueError,
    Count,
    Listed,
    Localized,
    Phrase,
    joined_with_and,
    phrase,
)
from revorg.io.report import Finding, ImportRefusedError, ImportReport, Severity
from revorg.io.safety import check_file
from revorg.io.values import NegativeAmountError, parse_amount, parse_month
from tests.roster_samples import ROSTER


def refused(path: Path) -> ImportRefusedError:
    with pytest.raises(ImportRefusedError) as caught:
        import_plan(path)
    return caught.value


def test_a_roster_with_problems_is_told_in_the_same_english(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text(ROSTER, encoding="utf-8")
    error = refused(path)
    assert error.report.lines() == [
        "error: row 3, column 'Title': the title is blank: every row needs one",
        "error: row 4, column 'Cost': negative amount '-5000': a cost cannot be below zero",
        "error: row 4, column 'Manager': manager 'Nobody' not found: no row has this id, email "
        "or name",
        "error: row 5, column 'Manager': reporting cycle: Juan Ruiz (row 5) -> Eva Sanz (row 6) "
        "-> Juan Ruiz (row 5); someone in it must report to a person outside it",
        "note: row 1: columns not read: 'Color'",
    ]
    assert str(error) == (
        "roster.csv: 4 errors (first: row 3, column 'Title': the title is blank: every row "
        "needs one)"
    )


def test_a_finding_keeps_its_template_and_values(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text(ROSTER, encoding="utf-8")
    findings = refused(path).report.findings
    manager = findings[2]
    assert manager.template == "manager {manager} not found: no row has this id, email or name"
    assert manager.values == {"manager": "'Nobody'"}
    assert manager.message == str(manager.said())
    negative = findings[1]
    assert negative.template == "{problem}: a cost cannot be below zero"
    problem = negative.values["problem"]
    assert isinstance(problem, Phrase) and problem.template == "negative amount {amount}"
    cycle = findings[3].values["people"]
    assert isinstance(cycle, Listed) and cycle.separator == " -> "
    first = cycle.items[0]
    assert isinstance(first, Phrase) and first.values == {"name": "Juan Ruiz", "row": 5}


def test_the_place_of_a_finding_is_a_phrase_too() -> None:
    finding = Finding(Severity.WARNING, "x", sheet="Org", row=4, column="Cost")
    assert finding.where() == "sheet 'Org', row 4, column 'Cost'"
    assert str(finding) == "warning: sheet 'Org', row 4, column 'Cost': x"
    place = finding.place()
    assert place is not None and place.template == "{place}, {more}"
    assert Finding(Severity.NOTE, "y").place() is None
    assert str(Finding(Severity.NOTE, "y")) == "note: y"
    assert Finding(Severity.NOTE, "y").template == "y"  # a plain message is its own template


def test_values_are_written_as_the_english_lines_always_were() -> None:
    report = ImportReport("a.csv")
    report.error(
        "{count} rows, {limit} at most, row {other}, {cost}, {role}, {rows}",
        sheet="S",
        row=2,
        count=Count(100_001),
        limit=Count(Decimal(1_000_000_000)),
        other=12345,  # rows and years are never grouped
        cost=Decimal("-5000.50"),
        role=Localized({"en": "Account Executive (AE)", "es": "Ejecutivo de cuentas (AE)"}),
        rows=joined_with_and([5, 9, 12]),
    )
    (finding,) = report.findings
    assert finding.message == (
        "100,001 rows, 1,000,000,000 at most, row 12345, -5000.50, Account Executive (AE), "
        "5 and 9 and 12"
    )
    assert (finding.sheet, finding.row, finding.column) == ("S", 2, None)
    assert finding.values["other"] == 12345


def test_braces_in_a_value_or_a_plain_message_stay_as_they_are() -> None:
    assert str(phrase("manager {manager} not found", manager="'{x}'")) == (
        "manager '{x}' not found"
    )
    report = ImportReport("a.csv")
    report.error("{problem}", problem=ValueError("a {brace}"))
    assert report.findings[0].message == "a {brace}"
    assert str(Phrase("no values: {kept}")) == "no values: {kept}"


def test_parsers_raise_a_value_error_with_its_phrase() -> None:
    with pytest.raises(BadValueError) as month:
        parse_month("someday")
    assert str(month.value) == "not a month: 'someday' (write it as 2027-03)"
    assert month.value.phrase.values == {"value": "'someday'"}
    assert isinstance(month.value, ValueError)
    with pytest.raises(NegativeAmountError) as amount:
        parse_amount("-5,000")
    assert str(amount.value) == "negative amount '-5,000'"
    with pytest.raises(BadValueError, match=r"^'abc' is not an amount$"):
        parse_amount("abc")


def test_a_file_check_finding_is_the_same_english(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    report = ImportReport("empty.csv")
    assert check_file(empty, report) is None
    (finding,) = report.findings
    assert finding.message == "empty.csv is empty (0 bytes)"
    assert finding.template == "{file} is empty (0 bytes)"
    assert finding.values == {"file": "empty.csv"}
    pdf = tmp_path / "roster.csv"
    pdf.write_bytes(b"%PDF-1.7\n" + b"x" * 100)
    report = ImportReport("roster.csv")
    assert check_file(pdf, report) is None
    assert (
        report.findings[0].message == "roster.csv is a PDF document, not a workbook or a CSV roster"
    )
    description = report.findings[0].values["description"]
    assert isinstance(description, Phrase) and description.template == "a PDF document"
