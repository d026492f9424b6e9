"""People's emails: kept from a roster's Email column (headings in three languages, case as
given, a bad address reported at its row and column and left out), and written to the
workbook's Org sheet and read back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from revorg.io.importers import import_plan
from revorg.io.report import ImportReport, Severity
from revorg.io.xlsx_export import export_workbook
from revorg.io.xlsx_import import read_plan_workbook
from revorg.io.xlsx_layout import ORG, ORG_LETTERS
from revorg.model.document import PlanDocument
from revorg.model.entities import Position
from tests.io.conftest import demo_plan, org_row_of
from tests.io.test_roster import by_person, write_csv, write_xlsx


@pytest.fixture
def imported() -> Iterator[Any]:
    """import_plan(...) on the demo template, its documents closed after the test."""
    documents: list[PlanDocument] = []

    def run(path: Path) -> tuple[PlanDocument, ImportReport]:
        document, report = import_plan(path, "demo", 2027)
        documents.append(document)
        return document, report

    yield run
    for document in documents:
        document.close()


@pytest.mark.parametrize("heading", ["Email", "E-mail", "Correo", "Correo electrónico",
                                     "邮箱", "电子邮件"])  # fmt: skip
def test_a_rosters_emails_are_kept_as_given(tmp_path: Path, imported: Any, heading: str) -> None:
    rows = [
        ["Name", "Title", "Manager", heading],
        ["Elena Ruiz", "Chief Revenue Officer", None, " Elena.Ruiz@RuizLabs.example "],
        ["Marta Sánchez", "Account Executive", "elena.ruiz@ruizlabs.example", None],
    ]
    document, report = imported(write_csv(tmp_path, rows))
    assert not report.errors
    people = by_person(document)
    # Trimmed, case kept; the manager reference still finds Elena whatever its case.
    assert people["Elena Ruiz"].email == "Elena.Ruiz@RuizLabs.example"
    assert people["Marta Sánchez"].email is None
    assert people["Marta Sánchez"].manager_id == people["Elena Ruiz"].id
    assert "Email" not in people["Elena Ruiz"].notes  # a field now, not a note


def test_a_bad_email_is_a_warning_at_its_row_and_the_person_is_imported(
    tmp_path: Path, imported: Any
) -> None:
    rows = [
        ["Name", "Title", "Correo"],
        ["Elena Ruiz", "Chief Revenue Officer", "elena.ruiz@ruizlabs.example"],
        ["Marta Sánchez", "Account Executive", "marta.sanchez"],
        ["Raúl Jiménez", "Account Executive", "raul@@ruizlabs.example"],
    ]
    path = write_xlsx(tmp_path, {"Plantilla": rows})
    document, report = imported(path)
    assert not report.errors
    warnings = [f for f in report.findings if "is not an email address" in f.message]
    assert [(f.severity, f.row, f.column) for f in warnings] == [
        (Severity.WARNING, 3, "Correo"),
        (Severity.WARNING, 4, "Correo"),
    ]
    assert "'marta.sanchez'" in warnings[0].message
    people = by_person(document)
    assert [people[name].email for name in ("Elena Ruiz", "Marta Sánchez", "Raúl Jiménez")] == [
        "elena.ruiz@ruizlabs.example", None, None,
    ]  # fmt: skip


def emails_of(document: PlanDocument) -> dict[str, str | None]:
    return {p.person_name or p.title: p.email for p in document.scenario().positions}


def test_the_org_sheet_has_an_email_column_that_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "demo.xlsx"
    with demo_plan() as original:
        for position in original.session.query(Position):
            if position.person_name in ("Marta Sánchez", "Raúl Jiménez"):
                first = position.person_name.split()[0].lower().replace("ú", "u")
                position.email = f"{first.title()}@RuizLabs.example"
        original.session.flush()
        export_workbook(original, original.scenario(), path, language="es")
        expected = emails_of(original)
        marta = next(p.id for p in original.scenario().positions
                     if p.person_name == "Marta Sánchez")  # fmt: skip
    book = openpyxl.load_workbook(path)
    sheet = book[ORG]
    column = ORG_LETTERS["email"]
    assert sheet[f"{column}1"].value == "Correo electrónico"
    row = org_row_of(sheet, marta)
    assert sheet[f"{column}{row}"].value == "Marta@RuizLabs.example"
    report = ImportReport(path.name)
    copy = read_plan_workbook(path, report)
    assert copy is not None and not report.errors
    with copy:
        assert emails_of(copy) == expected
        assert emails_of(copy)["Marta Sánchez"] == "Marta@RuizLabs.example"
    # A user types a bad address into the sheet: a warning at its cell, the rest imported.
    sheet[f"{column}{row}"] = "marta at ruizlabs"
    edited = tmp_path / "edited.xlsx"
    book.save(edited)
    report = ImportReport(edited.name)
    again = read_plan_workbook(edited, report)
    assert again is not None and not report.errors
    with again:
        assert emails_of(again)["Marta Sánchez"] is None
        assert emails_of(again)["Raúl Jiménez"] == "Raul@RuizLabs.example"
    found = [f for f in report.findings if "is not an email address" in f.message]
    assert [(f.severity, f.sheet, f.row, f.column) for f in found] == [
        (Severity.WARNING, ORG, row, "Correo electrónico")
    ]
