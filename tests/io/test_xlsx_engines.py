"""The workbook's formulas are portable: Gnumeric recalculates the demo export to the same value
as LibreOffice in every formula cell, and to the app's numbers."""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass
from typing import Any

import openpyxl
import pytest
from openpyxl.cell.cell import ERROR_CODES

from revorg.io.xlsx_layout import SUMMARY
from tests.io.conftest import (
    Recalculated,
    demo_plan,
    recalculate_with_gnumeric,
    require_gnumeric,
)
from tests.io.test_xlsx_roundtrip import assert_workbook_matches_app, rows_by_key
from tests.io.test_xlsx_year import assert_year_matches_app


@dataclass
class Engines:
    formulas: list[tuple[str, str, str]]  # sheet, cell, formula of every formula cell
    libreoffice: Any
    gnumeric: Any


@pytest.fixture(scope="module")
def engines(recalculated: Recalculated, tmp_path_factory: pytest.TempPathFactory) -> Engines:
    """The demo export (the one LibreOffice recalculated) recalculated by Gnumeric too."""
    ssconvert = require_gnumeric()
    source = recalculated.sources["demo"]
    result = recalculate_with_gnumeric(ssconvert, source, tmp_path_factory.mktemp("gnumeric"))
    book = openpyxl.load_workbook(source)
    formulas = [
        (sheet.title, cell.coordinate, cell.value)
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]
    with warnings.catch_warnings():
        # Gnumeric writes no "Normal" cell style; openpyxl warns and adds its own.
        warnings.filterwarnings("ignore", "Workbook contains no default style", UserWarning)
        gnumeric = openpyxl.load_workbook(result, data_only=True)
    return Engines(formulas=formulas, libreoffice=recalculated.values("demo"), gnumeric=gnumeric)


def same(first: Any, second: Any) -> bool:
    if first in (None, "") and second in (None, ""):
        return True  # a blank result: Gnumeric writes "", LibreOffice nothing
    numbers = (int, float)
    if isinstance(first, numbers) and isinstance(second, numbers):
        if isinstance(first, bool) or isinstance(second, bool):
            return first is second
        return math.isclose(first, second, rel_tol=1e-9, abs_tol=1e-6)
    return bool(first == second)


def test_every_formula_cell_agrees_in_gnumeric_and_libreoffice(engines: Engines) -> None:
    assert len(engines.formulas) > 1200  # every sheet's formulas, not a few
    disagreements, errors = [], []
    for sheet, cell, formula in engines.formulas:
        ours = engines.libreoffice[sheet][cell].value
        theirs = engines.gnumeric[sheet][cell].value
        if ours in ERROR_CODES or theirs in ERROR_CODES:
            errors.append(f"{sheet}!{cell} {formula}: LibreOffice {ours!r}, Gnumeric {theirs!r}")
        elif not same(ours, theirs):
            disagreements.append(
                f"{sheet}!{cell} {formula}: LibreOffice {ours!r}, Gnumeric {theirs!r}"
            )
    print(f"\n{len(engines.formulas) - len(disagreements) - len(errors)} of "
          f"{len(engines.formulas)} formula cells agree in Gnumeric and LibreOffice")  # fmt: skip
    assert not errors, "\n".join(errors)
    assert not disagreements, "\n".join(disagreements)


def test_gnumeric_gives_the_apps_numbers(engines: Engines) -> None:
    with demo_plan() as document:
        assert_workbook_matches_app(engines.gnumeric, document)


def test_gnumeric_gives_the_apps_year_plan(engines: Engines) -> None:
    with demo_plan() as document:
        assert_year_matches_app(engines.gnumeric, document)


def test_department_statuses_are_the_worst_of_their_lines_in_gnumeric(engines: Engines) -> None:
    """The two roll-ups that gave #REF! in Gnumeric (INDEX over an inline array): sales is
    green (new business 114.6 %, meetings 240 %), customer success red (current revenue 83.3 %,
    below the amber line of 90 %; expansion 112.5 %)."""
    rows = rows_by_key(engines.gnumeric[SUMMARY])
    assert [rows[key][6] for key in ("new_business", "meetings", "sales")] == [
        "green",
        "green",
        "green",
    ]
    assert [rows[key][6] for key in ("base_revenue", "expansion", "customer_success")] == [
        "red",
        "green",
        "red",
    ]
