"""The Deals and Actuals sheets: the demo with a Salesforce report of its first quarter, exported
and recalculated by LibreOffice, gives the app's bookings, attainment and forecast."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from revorg.cli.editing import open_for_editing
from revorg.io.crm import read_deals
from revorg.io.report import ImportReport
from revorg.io.xlsx_export import export_workbook
from revorg.model.actuals import store
from revorg.model.actuals.deals import DealKind
from revorg.model.actuals.summary import scenario_actuals
from revorg.model.document import PlanDocument
from revorg.model.editing.actuals_requests import import_deals
from revorg.model.summary import summarize
from tests.io.conftest import recalculate, require_libreoffice

Q1 = Path(__file__).parent / "crm_exports" / "salesforce_opportunities_q1.csv"
KINDS = (DealKind.NEW_BUSINESS, DealKind.EXPANSION, DealKind.RENEWAL)


def rows_by_key(sheet: Any, column: int) -> dict[str, tuple[Any, ...]]:
    return {
        row[column]: row
        for row in sheet.iter_rows(values_only=True)
        if len(row) > column and isinstance(row[column], str)
    }


@pytest.fixture(scope="module")
def plan_with_actuals(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("actuals")
    path = folder / "demo.revorg"
    with PlanDocument.from_template("demo", 2027) as document:
        document.save_as(path)
    with open_for_editing(path, "test") as (document, editor):
        read = read_deals(Q1, ImportReport("q1"), plan_currency="EUR")
        assert read is not None
        planned = import_deals(editor, read.deals, Q1.name, "salesforce", "test", "now")
        assert planned.edit is not None
        editor.perform(planned.edit)
        document.save()
    yield path


@pytest.fixture(scope="module")
def recalculated(plan_with_actuals: Path, tmp_path_factory: pytest.TempPathFactory) -> Any:
    soffice = require_libreoffice()
    folder = tmp_path_factory.mktemp("actuals-recalc")
    (folder / "in").mkdir()
    workbook = folder / "in" / "actuals.xlsx"
    with PlanDocument.open(plan_with_actuals, for_editing=False) as document:
        export_workbook(document, document.scenario(), workbook)
    (result,) = recalculate(soffice, [workbook], folder).values()
    return openpyxl.load_workbook(result, data_only=True)


def test_the_actuals_sheet_recalculates_to_the_apps_numbers(
    recalculated: Any, plan_with_actuals: Path
) -> None:
    with PlanDocument.open(plan_with_actuals, for_editing=False) as document:
        scenario = document.scenario()
        progress = scenario_actuals(
            document.session, scenario, summarize(document.session, scenario)
        )
        deals = store.stored_deals(document.session).deals
    assert progress is not None
    sheet = recalculated["Actuals"]
    months = rows_by_key(sheet, 1)
    for kind in KINDS:
        booked = months[f"booked:{kind}"][3:15]
        assert booked == pytest.approx([float(m.booked[kind]) for m in progress.months]), kind
    # By hand: January 24,000 + 12,000; February 18,000 (+6,000 expansion); March 30,000 +
    # 14,400 (+20,000 renewal); a year of 1,000,000 of targets.
    assert months["booked:total"][3:6] == pytest.approx([36000, 24000, 64400])
    assert months["target:total"][15] == pytest.approx(1000000)
    assert months["forecast"][2] == pytest.approx(float(progress.forecast()))
    assert months["forecast"][4] == pytest.approx(float(progress.run_rate()))
    departments = rows_by_key(sheet, 4)
    sales = departments["department:sales"]
    assert sales[1:4] == pytest.approx([98400, 90000, float(progress.departments["sales"].ratio)])
    success = departments["department:customer_success"]
    assert success[1:3] == pytest.approx([26000, 160000])
    people = rows_by_key(sheet, 5)
    for position_id, attainment in progress.people.items():
        row = people[f"position:{position_id}"]
        assert row[2] == pytest.approx(float(attainment.booked)), row
        assert row[3] == pytest.approx(float(attainment.target)), row
        ratio = attainment.ratio
        assert row[4] == ("" if ratio is None else pytest.approx(float(ratio))), row
    deals_sheet = recalculated["Deals"]
    assert deals_sheet.max_row == len(deals) + 1
    assert [c.value for c in deals_sheet[1]][:4] == ["CRM id", "Owner", "Owner email", "Position"]


def test_actuals_survive_an_export_and_an_import(plan_with_actuals: Path, tmp_path: Path) -> None:
    """Deals, their status as the plan read them (a rule made Negotiation/Review won) and an
    owner matched by hand come back from the workbook; the figures are the same."""
    from revorg.io.importers import import_plan
    from revorg.model.actuals.summary import progress_json
    from revorg.model.editing.actuals_requests import match_owner, set_deal_rule
    from revorg.model.entities import Position

    copy = tmp_path / "plan.revorg"
    copy.write_bytes(plan_with_actuals.read_bytes())
    with open_for_editing(copy, "test") as (document, editor):
        raul = next(
            p.id for p in document.session.query(Position) if p.person_name == "Raúl Jiménez"
        )
        for edit in (
            set_deal_rule(editor, "stage", "Negotiation/Review", "won"),
            match_owner(editor, "Jorge Ortega", raul),
        ):
            assert edit is not None
            editor.perform(edit)
        document.save()

    def figures(document: PlanDocument) -> dict[str, Any]:
        scenario = document.scenario()
        summary = summarize(document.session, scenario)
        progress = scenario_actuals(document.session, scenario, summary)
        assert progress is not None
        return progress_json(progress)

    workbook = tmp_path / "plan.xlsx"
    with PlanDocument.open(copy, for_editing=False) as document:
        before = figures(document)
        export_workbook(document, document.scenario(), workbook)
    imported, report = import_plan(workbook)
    with imported:
        after = figures(imported)
        assert len(store.stored_deals(imported.session).deals) == 9
    assert after == before, report.lines()
    assert before["unmatched_owners"] == []  # Jorge's deal counts for Raúl in both
    assert before["new_business"] == 98400 + 15000  # Costa Foods read as won


def test_the_import_step_of_a_workbook_holds_its_deals(
    plan_with_actuals: Path, tmp_path: Path
) -> None:
    """revorg import of a workbook with deals: the new plan's first step records them, so that
    the log replayed from its start has the deals."""
    from revorg.io.importers import import_plan
    from revorg.model.history.reading import read_steps
    from revorg.model.history.recording import record_import

    workbook = tmp_path / "plan.xlsx"
    with PlanDocument.open(plan_with_actuals, for_editing=False) as document:
        export_workbook(document, document.scenario(), workbook)
    imported, _report = import_plan(workbook)
    with imported:
        record_import(imported.session, workbook.name, "Ana")
        (step,) = read_steps(imported.session)
        kinds = [change.record for change in step.changes]
    assert kinds.count("deal") == 9 and kinds.count("deal_import") == 1
