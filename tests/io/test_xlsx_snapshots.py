"""`export --snapshot NAME`: a Snapshots sheet with each snapshot's own figures beside the
scenario's, live formulas that LibreOffice recalculates to the model's numbers."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from revorg.io.xlsx_export import export_workbook
from revorg.model.document import PlanDocument
from revorg.model.editing import PlanEditor, requests
from revorg.model.summary import summarize
from tests.io.conftest import recalculate, require_libreoffice

AT = "2026-12-03T10:00:00Z"


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The demo plan's "Board" snapshot, then the scenario's goal raised to 1,200,000 and one
    CSM added; exported in English and Spanish and recalculated by LibreOffice."""
    soffice = require_libreoffice()
    folder = tmp_path_factory.mktemp("snapshots")
    sources = []
    with PlanDocument.from_template("demo", fiscal_year=2027) as document:
        editor = PlanEditor(document)
        editor.perform(requests.take_snapshot(editor, "Board", "Ana", AT))
        editor.perform(requests.set_target(editor, "goal", Decimal(1200000)))
        manager = next(
            p for p in editor.positions().values() if p.role_key == "vp_customer_success"
        )
        editor.perform(requests.add_role(editor, "csm", manager.id))
        board = document.plan.snapshot_named("Board")
        assert board is not None
        costs = (
            summarize(document.session, editor.scenario).total.cost,
            summarize(document.session, board).total.cost,
        )
        for language in ("en", "es"):
            path = folder / f"snapshots-{language}.xlsx"
            export_workbook(document, editor.scenario, path, language, [board])
            sources.append(path)
    results = recalculate(soffice, sources, folder)
    return {
        "formulas": openpyxl.load_workbook(sources[0])["Snapshots"],
        "en": openpyxl.load_workbook(results[sources[0]], data_only=True)["Snapshots"],
        "es": openpyxl.load_workbook(results[sources[1]], data_only=True)["Snapshots"],
        "costs": costs,
    }


def figures(sheet: Any) -> dict[str, tuple[Any, ...]]:
    return {
        row[0]: tuple(row[1:4])
        for row in sheet.iter_rows(min_row=4, values_only=True)
        if row[0] is not None and row[1] is not None
    }


def test_the_snapshot_column_recalculates_to_its_figures(workbooks: dict[str, Any]) -> None:
    rows = figures(workbooks["en"])
    # Scenario, snapshot, change: the goal moved, the forecast did not (same drivers).
    assert rows["Revenue goal"] == (1200000, 1000000, 200000)
    assert rows["New customers"] == (30, 30, 0)  # 300 leads x 10 %
    assert rows["New business"] == (360000, 360000, 0)  # 30 x 12,000
    assert rows["Retained revenue"] == (640000, 640000, 0)  # 600,000 x 90 % + 100,000
    assert rows["Total revenue"] == (1000000, 1000000, 0)
    assert rows["Gap to goal"] == (200000, 0, 200000)
    assert rows["Headcount"] == (21, 20, 1)  # the CSM added after the snapshot
    scenario_cost, snapshot_cost = workbooks["costs"]
    cost = rows["Cost this fiscal year"]
    assert cost[0] == pytest.approx(float(scenario_cost), abs=0.005)
    assert cost[1] == pytest.approx(float(snapshot_cost), abs=0.005)
    assert cost[2] == pytest.approx(float(scenario_cost - snapshot_cost), abs=0.005)
    assert cost[2] > 0


def test_the_heading_names_both_and_the_marks_are_there(workbooks: dict[str, Any]) -> None:
    sheet = workbooks["en"]
    assert [c.value for c in sheet[3]][:4] == ["Figure", "Base", "Board", "Change to this scenario"]
    marks = {row[0]: row[2] for row in sheet.iter_rows(min_row=4, max_row=6, values_only=True)}
    assert marks == {"Taken (UTC)": "2026-12-03 10:00:00", "Taken by": "Ana", "Of scenario": "Base"}
    assert workbooks["es"]["A9"].value == "Objetivo de ingresos"
    assert workbooks["es"]["D3"].value == "Cambio hasta este escenario"


def test_the_figures_are_formulas_linked_to_the_scenario(workbooks: dict[str, Any]) -> None:
    sheet = workbooks["formulas"]
    assert (sheet["B9"].value, sheet["C9"].value, sheet["D9"].value) == (
        "=Goal",
        1000000,
        "=$B9-C9",
    )
    assert sheet["C21"].value == "=C19+C20"
    assert sheet["B25"].value.startswith("=Summary!$I$")


def test_without_snapshots_there_is_no_sheet(tmp_path: Path) -> None:
    path = tmp_path / "plain.xlsx"
    with PlanDocument.from_template("demo", fiscal_year=2027) as document:
        export_workbook(document, document.scenario(), path)
    assert "Snapshots" not in openpyxl.load_workbook(path).sheetnames
