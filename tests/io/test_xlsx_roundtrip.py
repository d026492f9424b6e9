"""The workbook recalculated by LibreOffice gives the app's numbers; a workbook read back gives
the plan it came from; edits made in a spreadsheet program arrive; problems are reported with
their sheet, row and column."""

from __future__ import annotations

import datetime
import math
import time
import zipfile
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import select

from revorg.io.importers import import_plan
from revorg.io.report import ImportRefusedError, ImportReport, Severity
from revorg.io.values import DateColumn, DateOrder, date_column, parse_month
from revorg.io.xlsx_export import export_workbook
from revorg.io.xlsx_import import is_revorg_workbook, read_plan_workbook
from revorg.io.xlsx_layout import (
    ASSUMPTIONS,
    HIRING,
    ORG,
    ORG_LETTERS,
    ROLES,
    SUMMARY,
    TARGETS,
    label,
)
from revorg.model.document import PlanDocument
from revorg.model.entities import Department, RoleType
from revorg.model.generator import generate_plan
from revorg.model.months import FiscalYear, YearMonth
from revorg.model.summary import scenario_assumptions, scenario_positions, summarize
from revorg.model.timeline import hiring_timeline
from tests.io.conftest import (
    PLANS,
    RISKY_TEXTS,
    Recalculated,
    append_org_row,
    demo_plan,
    named_cell,
    org_row_of,
    recalculate,
    require_libreoffice,
    varied_plan,
)

CENT = 0.01
COLUMN = {key: index for index, key in enumerate(ORG_LETTERS, 1)}


# --- reading a workbook ---------------------------------------------------------------------------


def read(path: Path, fiscal_year: int | None = None) -> tuple[PlanDocument | None, ImportReport]:
    report = ImportReport(path.name)
    return read_plan_workbook(path, report, fiscal_year), report


def read_ok(path: Path) -> PlanDocument:
    document, report = read(path)
    assert document is not None, report.lines()
    assert not report.errors, report.lines()
    return document


def summary_json(document: PlanDocument) -> dict[str, Any]:
    return summarize(document.session, document.scenario()).to_json()


def sheet_content(path: Path, sheets: tuple[str, ...]) -> dict[str, list[tuple[Any, ...]]]:
    workbook = openpyxl.load_workbook(path)
    return {
        name: [tuple(cell.value for cell in row) for row in workbook[name].iter_rows()]
        for name in sheets
    }


# --- comparing LibreOffice's numbers with the app's -----------------------------------------------


def close(actual: Any, expected: Decimal | int | None, tolerance: float = 1e-6) -> bool:
    if expected is None:
        return actual in (None, "")
    if not isinstance(actual, int | float):
        return False
    return math.isclose(float(actual), float(expected), rel_tol=1e-9, abs_tol=tolerance)


def rows_by_key(sheet: Any, key_column: int = 2) -> dict[str, tuple[Any, ...]]:
    return {
        row[key_column - 1]: row
        for row in sheet.iter_rows(values_only=True)
        if isinstance(row[key_column - 1], str)
    }


HIRING_BLOCKS = (
    "block_heads",
    "block_cost",
    "block_starts",
    "block_role_heads",
    "block_role_cost",
    "block_role_capacity",
)


def hiring_blocks(sheet: Any, language: str) -> dict[str, dict[tuple[str, str | None], list[Any]]]:
    """Block label key -> {(department key, role key or None): twelve months and the year}."""
    titles = {label(key, language): key for key in HIRING_BLOCKS}
    blocks: dict[str, dict[tuple[str, str | None], list[Any]]] = {}
    current: dict[tuple[str, str | None], list[Any]] | None = None
    for row in sheet.iter_rows(min_row=4, values_only=True):
        if row[0] in titles:
            current = blocks[titles[row[0]]] = {}
        elif current is not None and isinstance(row[1], str):
            current[row[1], row[3]] = list(row[5:18])
    return blocks


def assert_workbook_matches_app(values: Any, document: PlanDocument, language: str = "en") -> None:
    """Every number LibreOffice computed equals the app's for the same plan."""
    session, scenario = document.session, document.scenario()
    summary = summarize(session, scenario)
    problems: list[str] = []

    def check(what: str, actual: Any, expected: Any, tolerance: float = 1e-6) -> None:
        # No figure (None) is a blank cell, which Gnumeric writes as "" and LibreOffice as none.
        if isinstance(expected, str) or (isinstance(actual, str) and expected is not None):
            if actual != expected:
                problems.append(f"{what}: workbook {actual!r}, app {expected!r}")
        elif not close(actual, expected, tolerance):
            problems.append(f"{what}: workbook {actual!r}, app {expected!r}")

    outcome, inputs = summary.outcome, summary.inputs
    for name, expected in (
        ("NewCustomers", outcome.new_customers),
        ("NewBusiness", outcome.new_business),
        ("Retained", outcome.retained),
        ("TotalRevenue", outcome.total),
        ("Gap", outcome.gap),
        ("Goal", inputs.goal),
        ("Leads", inputs.leads),
    ):
        check(name, named_cell(values, name).value, expected)

    rows = rows_by_key(values[SUMMARY])
    staffing = {department.key: department.staffing for department in summary.departments}
    for key, capacity in summary.capacity.departments.items():
        row = rows[key]
        check(f"{key} target", row[2], capacity.target)
        check(f"{key} capacity", row[3], capacity.capacity)
        check(f"{key} coverage", row[4], capacity.coverage)
        check(f"{key} gap", row[5], capacity.gap)
        check(f"{key} status", row[6], capacity.status)
        check(f"{key} positions", row[7], staffing[key].positions)
        check(f"{key} headcount", row[8], staffing[key].headcount)
        check(f"{key} open", row[9], staffing[key].open_positions)
        check(f"{key} cost", row[10], staffing[key].cost)
        check(f"{key} run-rate cost", row[11], staffing[key].run_rate_cost)
    lines = {line.key: line for line in summary.capacity.lines}
    for key in ("leads", "new_business", "meetings", "base_revenue", "expansion"):
        row, line = rows[key], lines.get(key)
        check(f"line {key} target", row[2], None if line is None else line.target)
        check(f"line {key} capacity", row[3], None if line is None else line.capacity)
        check(f"line {key} coverage", row[4], None if line is None else line.coverage)
        check(f"line {key} status", row[6], "none" if line is None else line.status)
    by_label = rows_by_key(values[SUMMARY], key_column=1)
    cost = summary.cost
    for key, expected in (
        ("total_cost", cost.total),
        ("cost_share", cost.share_of_target),
        ("cac", cost.cac),
        ("cro_cost", cost.cro_cost),
        ("cro_uplift_rate", cost.cro_uplift_rate),
        ("cro_uplift_revenue", cost.cro_uplift_revenue),
        ("cro_net_benefit", cost.cro_net_benefit),
        ("aes_per_sdr", summary.capacity.aes_per_sdr),
    ):
        check(key, by_label[label(key, language)][2], expected)

    # the hiring plan, month by month
    roles = {role.key: role for role in session.scalars(select_roles())}
    departments = [d.key for d in session.scalars(select_departments())]
    plan = scenario.plan
    positions = scenario_positions(session, scenario)
    timeline = hiring_timeline(
        positions,
        {key: role.capacity_kind for key, role in roles.items()},
        {key: role.sort_order for key, role in roles.items()},
        {key: index for index, key in enumerate(departments)},
        scenario_assumptions(scenario),
        FiscalYear.of(plan.fiscal_year, plan.fiscal_start_month),
    )
    blocks = hiring_blocks(values[HIRING], language)
    # Per role, every cell is the app's cell (exact sums rounded once), and so is the year.
    for row in timeline:
        pair = (row.department_key, row.role_key)
        for month in range(12):
            where = f"{pair} month {month + 1}"
            check(f"heads {where}", blocks["block_role_heads"][pair][month], row.headcount[month])
            check(f"cost {where}", blocks["block_role_cost"][pair][month], row.cost[month], CENT)
        check(f"cost {pair} year", blocks["block_role_cost"][pair][12], row.year_cost, CENT)
        if row.kind == "none":
            assert pair not in blocks["block_role_capacity"]
            continue
        capacity = blocks["block_role_capacity"][pair]
        for month in range(12):
            check(f"capacity {pair} month {month + 1}", capacity[month], row.capacity[month], CENT)
        check(f"capacity {pair} year", capacity[12], row.year_capacity, CENT)
    # Per department: heads and starts exactly; the cost of a month is rounded once for the
    # department, so it is within half a cent per role of the app's rows added up.
    roles_in = defaultdict(int)
    for row in timeline:
        roles_in[row.department_key] += 1
    for block, measure in (
        ("block_heads", "headcount"),
        ("block_cost", "cost"),
        ("block_starts", "open_starts"),
    ):
        expected: dict[str, list[Decimal]] = {key: [Decimal(0)] * 12 for key in departments}
        for row in timeline:
            for month, value in enumerate(getattr(row, measure)):
                expected[row.department_key][month] += value
        for key, months in expected.items():
            tolerance = CENT / 2 * (roles_in[key] + 1)
            for month, value in enumerate(months):
                actual = blocks[block][key, None][month]
                check(f"{block} {key} month {month + 1}", actual, value, tolerance)
    for key, staffing_of in staffing.items():
        check(f"cost {key} year", blocks["block_cost"][key, None][12], staffing_of.cost)
    assert not problems, "\n".join(problems)


def select_roles() -> Any:
    return select(RoleType).order_by(RoleType.sort_order)


def select_departments() -> Any:
    return select(Department).order_by(Department.sort_order)


# --- LibreOffice recalculation --------------------------------------------------------------------


def test_recalculated_demo_gives_the_worked_plan(recalculated: Recalculated) -> None:
    values = recalculated.values("demo")
    assert named_cell(values, "NewCustomers").value == 30
    assert named_cell(values, "NewBusiness").value == 360000
    assert named_cell(values, "Retained").value == 640000
    assert named_cell(values, "TotalRevenue").value == 1000000
    assert named_cell(values, "Gap").value == 0
    rows = rows_by_key(values[SUMMARY])
    # Leavers counted (revorg.model.capacity.rule): 302.4666... leads at 10 % of EUR 12,000;
    # the AEs' 376,562.50 of quota; the CSMs' book kept at 90 % plus expansion.
    assert [rows[key][3] for key in ("marketing", "sales", "customer_success")] == [
        362964,
        376562.5,
        536302.08,
    ]
    assert [rows[key][6] for key in ("marketing", "sales", "customer_success")] == [
        "green",
        "green",
        "red",
    ]
    with demo_plan() as document:
        assert_workbook_matches_app(values, document)


@pytest.mark.parametrize("name", [name for name in PLANS if name != "demo"])
def test_recalculated_plans_equal_the_app(recalculated: Recalculated, name: str) -> None:
    with PLANS[name]() as document:
        assert_workbook_matches_app(recalculated.values(name), document)


def test_recalculated_spanish_workbook_equals_the_app(recalculated: Recalculated) -> None:
    values = recalculated.values("demo-es")
    assert values[ORG]["H5"].value == "Vacante"  # the SEO specialist's open seat
    with demo_plan() as document:
        assert_workbook_matches_app(values, document, "es")


def test_edited_workbook_recalculates_and_imports_to_the_same_numbers(
    recalculated: Recalculated,
) -> None:
    values = recalculated.values("edited")
    # Leads 400 at 12 %: 48 customers of EUR 12,000
    assert named_cell(values, "NewCustomers").value == pytest.approx(48)
    assert named_cell(values, "NewBusiness").value == pytest.approx(576000)
    assert named_cell(values, "TotalRevenue").value == pytest.approx(1216000)
    assert named_cell(values, "Gap").value == pytest.approx(-216000)
    # The app reads the workbook LibreOffice saved, and computes what LibreOffice computed.
    with read_ok(recalculated.results["edited"]) as document:
        assert_workbook_matches_app(values, document)
        positions = {p.id: p for p in document.scenario().positions}
        assert positions[12].start_month == YearMonth(2027, 6)
        assert positions[12].annual_cost == Decimal(72000)
        assert positions[11].manager_id == 7
        assert positions[20].headcount == 2 and positions[20].is_open
        assert positions[20].start_month == YearMonth(2027, 4)
        assumptions = {(a.role_key, a.metric): a.value for a in document.scenario().assumptions}
        assert assumptions["ae", "annual_quota"] == Decimal(220000)
        json = summary_json(document)
    # ...and the workbook before LibreOffice touched it gives the same plan.
    with read_ok(recalculated.sources["edited"]) as document:
        assert summary_json(document) == json


def test_risky_text_stays_text_after_recalculation(recalculated: Recalculated) -> None:
    org = recalculated.values("risky")[ORG]
    texts = {cell.value for row in org.iter_rows(min_row=2, max_row=4) for cell in row}
    assert set(RISKY_TEXTS.values()) <= texts
    assert recalculated.values("risky")[TARGETS]["B4"].value == "=1+1 plan"


def test_workbooks_saved_by_libreoffice_import_losslessly(recalculated: Recalculated) -> None:
    for name, build in PLANS.items():
        with build() as original, read_ok(recalculated.results[name]) as copy:
            assert summary_json(copy) == summary_json(original), name
        assert is_revorg_workbook(recalculated.results[name])


def test_libreoffice_recalculation_time_is_reported(recalculated: Recalculated) -> None:
    """Printed, not asserted: speed is the benchmark's to measure."""
    count, seconds = len(recalculated.sources), recalculated.seconds
    print(f"soffice recalculated {count} workbooks in {seconds:.1f} s")


@pytest.mark.slow
def test_ten_thousand_positions_recalculate_to_the_apps_numbers(tmp_path: Path) -> None:
    soffice = require_libreoffice()
    source = tmp_path / "in" / "large.xlsx"
    source.parent.mkdir()
    with generate_plan(10_000) as document:
        export_workbook(document, document.scenario(), source)
        started = time.perf_counter()
        result = recalculate(soffice, [source], tmp_path)[source]
        seconds = time.perf_counter() - started
        assert_workbook_matches_app(openpyxl.load_workbook(result, data_only=True), document)
    print(f"\nsoffice recalculated 10,000 positions in {seconds:.1f} s")


# --- round trip -----------------------------------------------------------------------------------


CONTENT_SHEETS = (TARGETS, ORG, ASSUMPTIONS, ROLES)


@pytest.mark.parametrize("name", list(PLANS))
def test_export_import_export_loses_nothing(tmp_path: Path, name: str) -> None:
    first, second = tmp_path / "first.xlsx", tmp_path / "second.xlsx"
    with PLANS[name]() as original:
        export_workbook(original, original.scenario(), first)
        expected = summary_json(original)
    with read_ok(first) as copy:
        assert summary_json(copy) == expected
        export_workbook(copy, copy.scenario(), second)
    assert sheet_content(second, CONTENT_SHEETS) == sheet_content(first, CONTENT_SHEETS)


def test_round_trip_keeps_what_the_summary_does_not_show(tmp_path: Path) -> None:
    path = tmp_path / "varied.xlsx"
    with varied_plan() as original:
        export_workbook(original, original.scenario(), path)
        before = {p.id: p for p in original.scenario().positions}
        lines = {(d.from_position_id, d.to_position_id) for d in original.scenario().dotted_lines}
        custom = original.session.get(RoleType, "webinar_host")
        assert custom is not None
        custom_values = (custom.capacity_kind, custom.is_custom, custom.name_en)
    with read_ok(path) as copy:
        after = {p.id: p for p in copy.scenario().positions}
        assert after.keys() == before.keys()
        for key, position in before.items():
            other = after[key]
            for attribute in (
                "title",
                "role_key",
                "department_key",
                "manager_id",
                "headcount",
                "start_month",
                "annual_cost",
                "capacity_override",
                "notes",
                "lineage",
            ):
                assert getattr(other, attribute) == getattr(position, attribute), attribute
            assert other.is_open == position.is_open
        assert {
            (d.from_position_id, d.to_position_id) for d in copy.scenario().dotted_lines
        } == lines
        role = copy.session.get(RoleType, "webinar_host")
        assert role is not None
        assert (role.capacity_kind, role.is_custom, role.name_en) == custom_values
        assert copy.plan.fiscal_start_month == 4 and copy.plan.currency == "USD"


def test_a_given_fiscal_year_replaces_the_workbooks(tmp_path: Path) -> None:
    path = tmp_path / "demo.xlsx"
    with demo_plan() as original:
        export_workbook(original, original.scenario(), path)
    document, report = read(path, fiscal_year=2030)
    assert document is not None, report.lines()
    with document:
        assert document.plan.fiscal_year == 2030
        assert document.path is None  # a new, unsaved plan


# --- edits made in a spreadsheet program ----------------------------------------------------------


def test_added_rows_and_changed_managers_arrive(tmp_path: Path) -> None:
    path = tmp_path / "demo.xlsx"
    with demo_plan() as original:
        export_workbook(original, original.scenario(), path)
    workbook = openpyxl.load_workbook(path)
    org = workbook[ORG]
    org.cell(org_row_of(org, 8), COLUMN["manager_id"]).value = 6  # an SDR now reports to VP Sales
    org.cell(org_row_of(org, 19), COLUMN["start_month"]).value = "2027-09"  # text month
    org.cell(org_row_of(org, 15), COLUMN["headcount"]).value = 3
    append_org_row(  # no ID: one after the highest
        org,
        {
            "title": "CSM (new)",
            "role_key": "csm",
            "manager_id": 13,
            "start_month": "07/2027",
            "annual_cost": "52,000.00",
        },
    )
    append_org_row(  # a role typed by its name, no department: the role's
        org,
        {"id": 40, "title": "BDR", "role": "Business Development Representative", "manager_id": 7},
    )
    named_cell(workbook, "Retention").value = "95%"
    workbook.save(path)
    document, report = read(path)
    assert document is not None, report.lines()
    with document:
        positions = {p.id: p for p in document.scenario().positions}
        assert positions[8].manager_id == 6
        assert positions[19].start_month == YearMonth(2027, 9)
        assert positions[15].headcount == 3
        new = positions[41]  # after the highest ID in the sheet (40)
        assert (new.title, new.role_key, new.department_key) == (
            "CSM (new)",
            "csm",
            "customer_success",
        )
        assert new.is_open and new.start_month == YearMonth(2027, 7)
        assert new.annual_cost == Decimal(52000)
        bdr = positions[40]
        assert (bdr.role_key, bdr.department_key, bdr.annual_cost) == (
            "bdr",
            "sales",
            Decimal(42000),
        )
        assert document.scenario().targets.retention == Decimal("0.95")
        # siblings keep their row order
        reports = sorted(
            (p for p in positions.values() if p.manager_id == 13), key=lambda p: p.sort_order
        )
        assert [p.id for p in reports] == [14, 15, 16, 17, 41]
    notes = [f for f in report.findings if f.severity is Severity.NOTE]
    assert any(f.row == org.max_row and f.column == "Annual cost per head" for f in notes)


def test_unknown_role_becomes_a_custom_role_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "demo.xlsx"
    with demo_plan() as original:
        export_workbook(original, original.scenario(), path)
    workbook = openpyxl.load_workbook(path)
    org = workbook[ORG]
    row = append_org_row(
        org,
        {
            "id": 30,
            "title": "Partner manager",
            "role_key": "Partner Manager",
            "department": "Sales",
        },
    )
    workbook.save(path)
    document, report = read(path)
    assert document is not None, report.lines()
    with document:
        position = next(p for p in document.scenario().positions if p.id == 30)
        role = document.session.get(RoleType, position.role_key)
        assert role is not None and role.is_custom and role.capacity_kind == "none"
        assert (role.key, role.name_en, role.department_key) == (
            "custom_partner_manager",
            "Partner Manager",
            "sales",
        )
    (warning,) = report.warnings
    assert (warning.sheet, warning.row, warning.column) == (ORG, row, "Role key")
    assert "custom role" in warning.message


def write_broken_workbook(path: Path) -> dict[str, int]:
    """The demo with one problem per row; returns the row of each problem."""
    with demo_plan() as original:
        export_workbook(original, original.scenario(), path)
    workbook = openpyxl.load_workbook(path)
    org = workbook[ORG]
    rows = {
        "text cost": org_row_of(org, 3),
        "negative cost": org_row_of(org, 5),
        "unknown manager": org_row_of(org, 8),
        "bad month": org_row_of(org, 4),
        "cycle": org_row_of(org, 6),
        "bad headcount": org_row_of(org, 15),
        "unknown department": org_row_of(org, 17),
    }
    org.cell(rows["text cost"], COLUMN["annual_cost"]).value = "forty thousand"
    org.cell(rows["negative cost"], COLUMN["annual_cost"]).value = -48000
    org.cell(rows["unknown manager"], COLUMN["manager_id"]).value = 99
    org.cell(rows["bad month"], COLUMN["start_month"]).value = "sometime"
    org.cell(rows["bad headcount"], COLUMN["headcount"]).value = 1.5
    org.cell(rows["unknown department"], COLUMN["department"]).value = "legal"
    org.cell(rows["cycle"], COLUMN["manager_id"]).value = 10  # VP Sales under an AE of VP Sales
    rows["duplicate id"] = append_org_row(
        org, {"id": 3, "title": "Copy", "role_key": "sdr", "manager_id": 7, "annual_cost": 1}
    )
    named_cell(workbook, "Leads").value = "lots"
    named_cell(workbook, "CloseRate").value = 10  # meant 10 %
    assumptions = workbook[ASSUMPTIONS]
    assumptions.cell(2, 4).value = "n/a"
    workbook.save(path)
    return rows


def test_every_problem_is_reported_with_sheet_row_and_column(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    rows = write_broken_workbook(path)
    document, report = read(path)
    assert document is None
    found = {(f.sheet, f.row, f.column): f.message for f in report.errors}

    def expect(row: str, column: str, text: str) -> None:
        message = found.get((ORG, rows[row], column))
        assert message is not None and text in message, (row, column, report.lines())

    expect("text cost", "Annual cost per head", "not a number: 'forty thousand'")
    expect("negative cost", "Annual cost per head", "must not be negative")
    expect("unknown manager", "Manager ID", "manager ID 99")
    expect("bad month", "Start month", "not a month: 'sometime'")
    expect("bad headcount", "Headcount", "not a whole number")
    expect("unknown department", "Department", "unknown department 'legal'")
    expect("duplicate id", "ID", f"also used on row {rows['text cost']}")  # position 3
    cycle = [m for m in found.values() if "reporting cycle" in m]
    assert cycle and "6" in cycle[0] and "10" in cycle[0]
    assert any(key[0] == TARGETS and "Leads" in (key[2] or "") for key in found)
    assert any("between 0 % and 100 %" in message for message in found.values())
    assert any(key[0] == ASSUMPTIONS and key[1] == 2 for key in found)
    for finding in report.errors:
        assert finding.sheet, finding


@pytest.mark.parametrize(
    "value",
    [
        "2027-03",
        "2027-3",
        "2027-03-01",
        "2027/03/01",
        "2027-03-01 00:00:00",
        "03/2027",
        "3/2027",
        "03/01/2027",  # month first without other evidence (English, revorg.io.values)
        "15/03/2027",
        "03/15/2027",
        "Mar 2027",
        "march 2027",
        "marzo 2027",
        "2027年3月",
        datetime.datetime(2027, 3, 1),
        datetime.date(2027, 3, 18),
        46447,  # Excel's serial for 2027-03-01
        46447.0,
        "46447",
    ],
)
def test_months_in_many_formats(value: object) -> None:
    assert parse_month(value) == YearMonth(2027, 3)


def test_a_day_first_column_reads_01_03_2027_as_march() -> None:
    assert parse_month("01/03/2027", DateColumn(DateOrder.DAY_FIRST)) == YearMonth(2027, 3)
    mixed = date_column(["13/01/2027", "01/13/2027", "04/05/2027"])
    with pytest.raises(ValueError, match="ambiguous date: '04/05/2027'"):
        parse_month("04/05/2027", mixed)


@pytest.mark.parametrize(
    "value",
    ["2027-13", "soon", 2027, True, "", "13/2027", 12.5],
)
def test_months_that_are_not_months(value: object) -> None:
    with pytest.raises(ValueError):
        parse_month(value)


def test_month_cells_in_many_formats_import(tmp_path: Path) -> None:
    path = tmp_path / "demo.xlsx"
    with demo_plan() as original:
        export_workbook(original, original.scenario(), path)
    workbook = openpyxl.load_workbook(path)
    org = workbook[ORG]
    cells = {4: "2027-05", 12: 46508, 19: "5/1/2027"}  # May 2027 three ways (English: May 1)
    for position_id, value in cells.items():
        org.cell(org_row_of(org, position_id), COLUMN["start_month"]).value = value
    workbook.save(path)
    with read_ok(path) as document:
        starts = {p.id: p.start_month for p in document.scenario().positions}
    assert {starts[i] for i in cells} == {YearMonth(2027, 5)}


def test_what_is_not_a_revorg_workbook(tmp_path: Path) -> None:
    text = tmp_path / "notes.xlsx"
    text.write_text("not a workbook")
    other = tmp_path / "other.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "hello"
    workbook.save(other)
    assert not is_revorg_workbook(text)
    assert not is_revorg_workbook(other)
    assert not is_revorg_workbook(tmp_path / "missing.xlsx")
    document, report = read(text)
    assert document is None and "cannot be read as an Excel workbook" in report.errors[0].message
    document, report = read(other)
    assert document is None and "not a RevOrg workbook" in report.errors[0].message


def test_a_workbook_without_its_marker_is_known_by_its_sheets_and_names(tmp_path: Path) -> None:
    path = tmp_path / "demo.xlsx"
    with demo_plan() as original:
        export_workbook(original, original.scenario(), path)
    workbook = openpyxl.load_workbook(path)
    workbook.custom_doc_props.props.clear()  # as a program that drops custom properties
    workbook.save(path)
    assert is_revorg_workbook(path)
    del workbook.defined_names["Goal"]
    workbook.save(path)
    assert not is_revorg_workbook(path)


def test_a_missing_column_is_named(tmp_path: Path) -> None:
    path = tmp_path / "demo.xlsx"
    with demo_plan() as original:
        export_workbook(original, original.scenario(), path)
    workbook = openpyxl.load_workbook(path)
    workbook[ORG].cell(1, COLUMN["headcount"]).value = "Heads"
    del workbook.defined_names["ScenarioName"]
    workbook.save(path)
    document, report = read(path)
    assert document is None
    assert [(f.sheet, f.message) for f in report.errors] == [
        (ORG, "the column 'Headcount' is missing (row 1 holds the headings)")
    ]
    assert [f.message for f in report.warnings] == [
        "the defined name ScenarioName is missing: a default is used"
    ]


def test_columns_may_be_moved(tmp_path: Path) -> None:
    path = tmp_path / "demo.xlsx"
    with demo_plan() as original:
        export_workbook(original, original.scenario(), path)
        expected = summary_json(original)
    workbook = openpyxl.load_workbook(path)
    org = workbook[ORG]
    org.move_range(f"A1:A{org.max_row}", cols=30)  # the ID column to the far right
    workbook.save(path)
    with read_ok(path) as copy:
        assert summary_json(copy) == expected


def test_a_newer_workbook_format_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "demo.xlsx"
    with demo_plan() as original:
        export_workbook(original, original.scenario(), path)
    workbook = openpyxl.load_workbook(path)
    for prop in workbook.custom_doc_props.props:
        prop.value = 99
    workbook.save(path)
    document, report = read(path)
    assert document is None and "newer version of RevOrg" in report.errors[0].message


def test_a_formula_typed_into_a_value_cell_is_read_after_recalculation_only(tmp_path: Path) -> None:
    path = tmp_path / "demo.xlsx"
    with demo_plan() as original:
        export_workbook(original, original.scenario(), path)
    workbook = openpyxl.load_workbook(path)
    named_cell(workbook, "Leads").value = "=300+50"  # openpyxl saves no computed value
    workbook.save(path)
    document, report = read(path)
    assert document is None
    assert "formula without a computed value" in report.errors[0].message


def test_a_workbook_openpyxl_refuses_leaves_no_file_open(tmp_path: Path) -> None:
    """openpyxl keeps the file it opened when it refuses a damaged workbook: RevOrg opens and
    closes the file itself, so a refused import leaves no handle behind (the fuzzing found
    one per refused workbook)."""
    good = tmp_path / "plan.xlsx"
    export_workbook(demo_plan(), demo_plan().scenario(), good)
    damaged = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(damaged, "w") as target:
        for member in source.infolist():
            data = source.read(member)
            if member.filename == "xl/workbook.xml":
                data = data.replace(b"<sheets>", b"<sheets><broken", 1)
            target.writestr(member, data)
    folder = Path("/proc/self/fd")
    before = {entry.name for entry in folder.iterdir()}

    with pytest.raises(ImportRefusedError):
        import_plan(damaged)

    assert [entry.resolve() for entry in folder.iterdir() if entry.name not in before] == []


def test_the_seasonality_comes_back_from_the_workbook(tmp_path: Path) -> None:
    path = tmp_path / "season.xlsx"
    with PlanDocument.from_template("demo", 2027) as document:
        document.scenario().targets.seasonality = "5,7.5,12.5,5,7.5,12.5,5,7.5,12.5,5,7.5,12.5"
        document.session.commit()
        export_workbook(document, document.scenario(), path)
    imported = read_ok(path)
    with imported:
        assert imported.scenario().targets.seasonality == (
            "5,7.5,12.5,5,7.5,12.5,5,7.5,12.5,5,7.5,12.5"
        )
    # Typed into the workbook: weights that do not make a year give a flat plan, and say why.
    book = openpyxl.load_workbook(path)
    destination = next(iter(book.defined_names["SeasonalityWeights"].destinations))
    sheet = book[destination[0]]
    first = destination[1].replace("$", "").split(":")[0]
    sheet[first] = 0.2  # 20 % in the first month: 115 % in all
    book.save(path)
    document, report = read(path)
    assert document is not None
    with document:
        assert document.scenario().targets.seasonality is None
    assert any(
        "add up to 115 %, not 100 %: the seasonality is flat" in line for line in report.lines()
    )
