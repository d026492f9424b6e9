"""The Deals sheet keeps each deal's owner email (issue 18, part 2): a report whose owners are
written otherwise than the roster ("M. Sanchez", "Raul J.") is matched by email, and after an
export and an import of the workbook the same deals count for the same people, still by email,
with no owner matched by hand."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl

from revorg.cli.editing import open_for_editing
from revorg.io.crm import read_deals
from revorg.io.report import ImportReport
from revorg.io.xlsx_export import export_workbook
from revorg.model.actuals import store
from revorg.model.actuals.summary import progress_json, scenario_actuals
from revorg.model.document import PlanDocument
from revorg.model.editing.actuals_requests import import_deals
from revorg.model.summary import summarize
from tests.test_cli_actuals_emails import EXPORT, with_emails


def figures(document: PlanDocument) -> dict[str, Any]:
    scenario = document.scenario()
    progress = scenario_actuals(document.session, scenario, summarize(document.session, scenario))
    assert progress is not None
    return progress_json(progress)


def test_the_deals_sheet_has_the_owners_email_and_brings_it_back(tmp_path: Path) -> None:
    path = tmp_path / "demo.revorg"
    with PlanDocument.from_template("demo", 2027) as document:
        document.save_as(path)
    people = with_emails(path)
    with open_for_editing(path, "test") as (document, editor):
        read = read_deals(EXPORT, ImportReport("emails"), plan_currency="EUR")
        assert read is not None
        planned = import_deals(editor, read.deals, EXPORT.name, "salesforce", "test", "now")
        assert planned.edit is not None
        editor.perform(planned.edit)
        document.save()
    workbook = tmp_path / "plan.xlsx"
    with PlanDocument.open(path, for_editing=False) as document:
        before = figures(document)
        export_workbook(document, document.scenario(), workbook)

    sheet = openpyxl.load_workbook(workbook)["Deals"]
    headings = [cell.value for cell in sheet[1]]
    assert headings[:4] == ["CRM id", "Owner", "Owner email", "Position"]
    rows = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    # As the report wrote the owner, the email in lower case, the position it counts for.
    assert rows["0065g00000EmA01AAF"][1:4] == (
        "M. Sanchez",
        "marta.sanchez@ruizlabs.example",
        people["Marta Sánchez"],
    )
    assert rows["0065g00000EmA03AAF"][1:4] == (
        "Raul J.",
        "raul.jimenez@ruizlabs.example",
        people["Raúl Jiménez"],
    )

    from revorg.io.importers import import_plan

    imported, report = import_plan(workbook)
    with imported:
        emails = {d.crm_id: d.owner_email for d in store.stored_deals(imported.session).deals}
        after = figures(imported)
        by_hand = store.stored_assignments(imported.session)
    assert emails["0065g00000EmA01AAF"] == "marta.sanchez@ruizlabs.example"
    assert emails["0065g00000EmA03AAF"] == "raul.jimenez@ruizlabs.example"
    assert by_hand == {}, by_hand  # matched by email again, not by hand
    assert after == before, report.lines()
    # Marta's two won deals by hand: 24,000 + 14,400.
    assert before["positions"][str(people["Marta Sánchez"])]["booked"] == 38400
