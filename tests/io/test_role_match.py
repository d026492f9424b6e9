"""One role matcher and one custom-role key scheme for rosters and workbooks."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from revorg.io.report import ImportReport
from revorg.io.role_match import custom_role_key, match_role
from revorg.io.roster import read_roster_workbook
from revorg.io.xlsx_export import export_workbook
from revorg.io.xlsx_import import read_plan_workbook
from revorg.io.xlsx_layout import ORG
from tests.io.conftest import append_org_row, demo_plan


def test_custom_role_keys() -> None:
    assert custom_role_key("Chief of Staff", set()) == "custom_chief_of_staff"
    assert custom_role_key("Chief of Staff", {"custom_chief_of_staff"}) == (
        "custom_chief_of_staff_2"
    )
    assert custom_role_key("首席幕僚", set()) == "custom_role"
    assert custom_role_key("Área de Datos", set()) == "custom_area_de_datos"


def test_a_title_in_the_roster_s_words_is_the_same_role_in_a_workbook(tmp_path: Path) -> None:
    assert match_role("Ejecutiva de cuentas") == "ae"
    path = tmp_path / "plan.xlsx"
    with demo_plan() as original:
        export_workbook(original, original.scenario(), path)
    workbook = openpyxl.load_workbook(path)
    org = workbook[ORG]
    append_org_row(org, {"id": 40, "title": "Ana", "role_key": "Ejecutiva de cuentas"})
    append_org_row(
        org, {"id": 41, "title": "Bo", "role_key": "Partner Manager", "department": "Sales"}
    )
    workbook.save(path)
    report = ImportReport(path.name)
    document = read_plan_workbook(path, report)
    assert document is not None, report.lines()
    with document:
        keys = {p.id: p.role_key for p in document.scenario().positions}
    assert (keys[40], keys[41]) == ("ae", "custom_partner_manager")

    roster = tmp_path / "roster.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["Name", "Title", "Department"])
    book.active.append(["Ana", "Ejecutiva de cuentas", None])
    book.active.append(["Bo", "Partner Manager", "Sales"])
    book.save(roster)
    report = ImportReport(roster.name)
    document = read_roster_workbook(roster, report, "demo", 2027)
    assert document is not None, report.lines()
    with document:
        keys_by_name = {p.person_name: p.role_key for p in document.scenario().positions}
    assert keys_by_name == {"Ana": "ae", "Bo": "custom_partner_manager"}
