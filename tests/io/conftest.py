"""Fixtures for the workbook tests: plans that exercise every capacity rule, and LibreOffice
recalculation of many workbooks in one soffice run (it takes a second or two to start);
Gnumeric's recalculation (ssconvert) and LibreOffice's PDF of a workbook, read with pdftotext.

The tests that need these programs are skipped only when one is missing locally;
scripts/system-packages installs them and .ci/run sets REVORG_REQUIRE_LIBREOFFICE=1, so that
in CI a missing soffice, ssconvert or pdftotext fails instead.
"""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.formula.translate import Translator
from sqlalchemy import func, select

from revorg.io.xlsx_export import export_workbook
from revorg.io.xlsx_layout import ORG, ORG_COLUMNS, ORG_LETTERS
from revorg.model.document import PlanDocument
from revorg.model.entities import Assumption, DottedLine, Position, RoleType
from revorg.model.lineage import new_lineage
from revorg.model.months import YearMonth
from revorg.model.seasonality import Seasonality

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
REQUIRE_LIBREOFFICE = os.environ.get("REVORG_REQUIRE_LIBREOFFICE") == "1"
SSCONVERT = shutil.which("ssconvert")
PDFTOTEXT = shutil.which("pdftotext")
NO_LIBREOFFICE = (
    "LibreOffice (soffice) is not installed: the recalculation tests need it "
    "(.ci/run installs libreoffice-calc-nogui, so CI always runs them)"
)
NO_GNUMERIC = (
    "Gnumeric (ssconvert) is not installed: the second engine's recalculation test needs it "
    "(.ci/run installs gnumeric, so CI always runs it)"
)
NO_PDFTOTEXT = (
    "pdftotext is not installed: the printing test reads the PDF with it "
    "(.ci/run installs poppler-utils, so CI always runs it)"
)

# Risky text a user may type: each must stay text in the workbook, never become a formula.
RISKY_TEXTS = {
    "title": '=HYPERLINK("http://example.com","click")',
    "person": "+1 555 0100",
    "notes": "@SUM(A1:A9)",
    "second_notes": "-2+3",
    "second_title": "#N/A",
}


# --- plans -------------------------------------------------------------------------------------


def demo_plan() -> PlanDocument:
    return PlanDocument.from_template("demo", 2027)


def template_plan(key: str) -> Callable[[], PlanDocument]:
    def build() -> PlanDocument:
        return PlanDocument.from_template(key, 2027)

    return build


def add_position(document: PlanDocument, **values: Any) -> Position:
    session = document.session
    scenario = document.scenario()
    next_id = (session.scalar(select(func.max(Position.id))) or 0) + 1
    role = session.get(RoleType, values["role_key"])
    assert role is not None
    defaults: dict[str, Any] = {
        "id": next_id,
        "scenario_id": scenario.id,
        "title": role.name_en,
        "department_key": role.department_key,
        "annual_cost": role.default_annual_cost,
        "lineage": new_lineage(),
        "sort_order": 50 + next_id,
    }
    position = Position(**(defaults | values))
    session.add(position)
    session.flush()
    return position


def varied_plan() -> PlanDocument:
    """The inside-sales template stretched over every rule: a fiscal year from April, capacity
    overrides, starts before, inside and after the year, an open seat without a start month, a
    custom role, missing and changed assumptions, a dotted line."""
    document = PlanDocument.from_template("inside-sales", 2027)
    session = document.session
    plan = document.plan
    plan.fiscal_start_month = 4  # April 2027 to March 2028
    plan.currency = "USD"
    scenario = document.scenario()
    targets = scenario.targets
    targets.leads, targets.close_rate = 450, Decimal("0.08")
    session.add(
        RoleType(
            key="webinar_host",
            department_key="marketing",
            capacity_kind="leads",
            is_custom=True,
            name_en="Webinar host",
            default_annual_cost=Decimal("51000"),
            sort_order=100,
        )
    )
    session.flush()
    by_metric = {(a.role_key, a.metric): a for a in scenario.assumptions}
    scenario.assumptions.remove(by_metric["ae", "attainment"])  # the 75 % default applies
    scenario.assumptions.remove(by_metric["cro", "revenue_uplift"])  # the 10 % default applies
    by_metric["inside_sales", "ramp_months"].value = Decimal(0)  # no ramp
    by_metric["*", "meeting_to_win_rate"].value = Decimal("0.2")
    scenario.assumptions.append(
        Assumption(role_key="webinar_host", metric="leads_per_month", value=Decimal("6.5"))
    )
    scenario.assumptions.append(
        Assumption(role_key="webinar_host", metric="ramp_months", value=Decimal("4"))
    )
    session.flush()
    top = session.scalar(select(func.min(Position.id)).where(Position.manager_id.is_(None)))
    ae_open = add_position(
        document, role_key="ae", manager_id=top, start_month=YearMonth(2027, 6), headcount=2
    )
    add_position(document, role_key="ae", manager_id=top, start_month=YearMonth(2028, 6))
    add_position(document, role_key="ae", manager_id=top, start_month=YearMonth(2026, 11))
    add_position(
        document,
        role_key="ae",
        manager_id=top,
        person_name="Ana Filled",
        start_month=YearMonth(2027, 9),  # ignored: a filled seat is in seat all year
        annual_cost=Decimal("70123.45"),
    )
    add_position(document, role_key="sdr", manager_id=top, headcount=3)  # open, no month
    add_position(
        document,
        role_key="csm",
        manager_id=top,
        start_month=YearMonth(2027, 7),
        capacity_override=Decimal("300000"),
    )
    add_position(
        document,
        role_key="account_manager",
        manager_id=top,
        person_name="Override Person",
        capacity_override=Decimal("99999.99"),
        headcount=2,
    )
    add_position(document, role_key="webinar_host", manager_id=top, start_month=YearMonth(2027, 5))
    add_position(document, role_key="webinar_host", manager_id=top, person_name="Wen Host")
    session.add(
        DottedLine(scenario_id=scenario.id, from_position_id=ae_open.id, to_position_id=top)
    )
    session.commit()
    return document


def risky_plan() -> PlanDocument:
    """The demo with text that looks like formulas, signs and error codes."""
    document = demo_plan()
    positions = sorted(document.scenario().positions, key=lambda p: p.id)
    positions[1].title = RISKY_TEXTS["title"]
    positions[1].person_name = RISKY_TEXTS["person"]
    positions[1].notes = RISKY_TEXTS["notes"]
    positions[2].notes = RISKY_TEXTS["second_notes"]
    positions[2].title = RISKY_TEXTS["second_title"]
    document.plan.name = "=1+1 plan"
    document.session.commit()
    return document


def outside_plan() -> PlanDocument:
    """The demo with two engineers outside the revenue organisation: listed in the workbook,
    left out of its totals, its cost and its CAC, as in the app."""
    document = PlanDocument.from_template("demo", 2027)
    for title, cost in (("Backend Engineer", Decimal(80000)), ("Office Manager", Decimal(45000))):
        add_position(document, role_key="outside_revenue", title=title, annual_cost=cost,
                     person_name=title, manager_id=None)  # fmt: skip
    return document


PLANS: dict[str, Callable[[], PlanDocument]] = {
    "demo": demo_plan,
    "sdr-ae": template_plan("sdr-ae"),
    "inside-sales": template_plan("inside-sales"),
    "revops": template_plan("revops"),
    "varied": varied_plan,
    "risky": risky_plan,
    "outside": outside_plan,
}


# --- editing a workbook as a user would ----------------------------------------------------------


def named_cell(workbook: Any, name: str) -> Any:
    ((sheet, reference),) = list(workbook.defined_names[name].destinations)
    return workbook[sheet][reference.replace("$", "")]


def org_row_of(sheet: Any, position_id: int) -> int:
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row, 1).value == position_id:
            return row
    raise AssertionError(f"no Org row with ID {position_id}")


def append_org_row(sheet: Any, values: dict[str, Any]) -> int:
    """A new Org row under the table: the given inputs and the formulas of the row above."""
    last = sheet.max_row
    row = last + 1
    for index, column in enumerate(ORG_COLUMNS, 1):
        letter = ORG_LETTERS[column.key]
        if column.key in values:
            sheet.cell(row, index).value = values[column.key]
            continue
        above = sheet.cell(last, index).value
        if isinstance(above, str) and above.startswith("="):
            translated = Translator(above, origin=f"{letter}{last}").translate_formula(
                f"{letter}{row}"
            )
            sheet.cell(row, index).value = translated
    return row


def edit_like_a_user(path: Path) -> None:
    """Drivers, an assumption, a start month, a cost, a manager and a new row, with openpyxl."""
    workbook = openpyxl.load_workbook(path)
    named_cell(workbook, "Leads").value = 400
    named_cell(workbook, "CloseRate").value = 0.12
    assumptions = workbook["Assumptions"]
    for row in range(2, assumptions.max_row + 1):
        key = (assumptions.cell(row, 1).value, assumptions.cell(row, 3).value)
        if key == ("ae", "annual_quota"):
            assumptions.cell(row, 4).value = 220000
    org = workbook[ORG]
    column = {key: index for index, key in enumerate(ORG_LETTERS, 1)}
    open_ae = org_row_of(org, 12)  # the demo's open AE, starting in February
    org.cell(open_ae, column["start_month"]).value = datetime.datetime(2027, 6, 1)
    org.cell(open_ae, column["annual_cost"]).value = 72000
    org.cell(org_row_of(org, 11), column["manager_id"]).value = 7  # an AE moves to the SDR manager
    append_org_row(
        org,
        {
            "id": 20,
            "title": "Account Executive (EMEA)",
            "role_key": "ae",
            "department": "sales",
            "manager_id": 6,
            "person": "Open",
            "headcount": 2,
            "start_month": datetime.datetime(2027, 4, 1),
            "annual_cost": 66000,
        },
    )
    workbook.save(path)


def seasonal_plan() -> PlanDocument:
    """The demo with bookings back-loaded in each quarter (5, 7.5, 12.5 %)."""
    document = demo_plan()
    document.scenario().targets.seasonality = Seasonality.parse("back_loaded_quarters").to_text()
    document.session.commit()
    return document


def edited_year_plan() -> PlanDocument:
    """What edit_year_like_a_user does to the demo, done in the app."""
    document = seasonal_plan()
    for assumption in document.scenario().assumptions:
        if (assumption.role_key, assumption.metric) == ("ae", "annual_attrition"):
            assumption.value = Decimal("0.5")
        if (assumption.role_key, assumption.metric) == ("csm", "backfill_months"):
            assumption.value = Decimal(4)
    document.session.commit()
    return document


# Plans whose year plan the workbook must mirror; not in PLANS: the importer does not read the
# seasonality back (yet).
YEAR_PLANS: dict[str, Callable[[], PlanDocument]] = {"seasonal": seasonal_plan}


def edit_year_like_a_user(path: Path) -> None:
    """The seasonality weights, an attrition rate and a backfill, typed into the workbook."""
    workbook = openpyxl.load_workbook(path)
    weights = named_cell_range(workbook, "SeasonalityWeights")
    shape = Seasonality.parse("back_loaded_quarters").percents()
    for cell, weight in zip(weights, shape, strict=True):
        cell.value = float(weight) / 100
    assumptions = workbook["Assumptions"]
    for row in range(2, assumptions.max_row + 1):
        key = (assumptions.cell(row, 1).value, assumptions.cell(row, 3).value)
        if key == ("ae", "annual_attrition"):
            assumptions.cell(row, 4).value = 0.5
        if key == ("csm", "backfill_months"):
            assumptions.cell(row, 4).value = 4
    workbook.save(path)


def named_cell_range(workbook: Any, name: str) -> list[Any]:
    ((sheet, reference),) = list(workbook.defined_names[name].destinations)
    return [cell for row in workbook[sheet][reference.replace("$", "")] for cell in row]


EDITS: dict[str, tuple[str, Callable[[Path], None]]] = {
    # name: (plan to export, edit applied with openpyxl before recalculation)
    "edited": ("demo", edit_like_a_user),
    "year-edited": ("demo", edit_year_like_a_user),
}


# --- LibreOffice -------------------------------------------------------------------------------


def require_program(path: str | None, name: str, why: str) -> str:
    """The program's path; without it the test is skipped, or fails in CI."""
    if path is None:
        if REQUIRE_LIBREOFFICE:
            pytest.fail(f"REVORG_REQUIRE_LIBREOFFICE=1 but {name} is not installed")
        pytest.skip(why)
    return path


def require_libreoffice() -> str:
    return require_program(SOFFICE, "soffice", NO_LIBREOFFICE)


def require_gnumeric() -> str:
    return require_program(SSCONVERT, "ssconvert", NO_GNUMERIC)


def require_pdftotext() -> str:
    return require_program(PDFTOTEXT, "pdftotext", NO_PDFTOTEXT)


# Recalculate every formula on load, whatever the file says (0: always).
RECALCULATE_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
 <prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def recalculate(
    soffice: str, sources: list[Path], folder: Path, to: str = "xlsx"
) -> dict[Path, Path]:
    """Recalculated copies of `sources` (distinct file names) in one soffice run; with
    to="pdf", their printed pages."""
    profile = folder / "profile"
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text(RECALCULATE_ALWAYS)
    out = folder / "out"
    command = [
        soffice,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--calc",
        "--convert-to",
        to,
        "--outdir",
        str(out),
        *map(str, sources),
    ]
    environment = os.environ | {"HOME": str(folder)}
    completed = subprocess.run(
        command, capture_output=True, text=True, timeout=300, env=environment, check=False
    )
    results = {source: out / f"{source.stem}.{to}" for source in sources}
    missing = [str(path) for path in results.values() if not path.exists()]
    assert not missing, f"soffice wrote no {missing}: {completed.stdout}\n{completed.stderr}"
    return results


def recalculate_with_gnumeric(ssconvert: str, source: Path, folder: Path) -> Path:
    """A copy of `source` recalculated by Gnumeric (its own settings kept in `folder`)."""
    result = folder / f"gnumeric-{source.name}"
    completed = subprocess.run(
        [ssconvert, "--recalc", str(source), str(result)],
        capture_output=True,
        text=True,
        timeout=300,
        env=os.environ | {"HOME": str(folder)},
        check=False,
    )
    assert completed.returncode == 0 and result.exists(), (
        f"ssconvert wrote no {result}: {completed.stdout}\n{completed.stderr}"
    )
    return result


def pdf_pages(pdftotext: str, pdf: Path) -> list[str]:
    """The text of each page of `pdf`, in reading order."""
    completed = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    pages = completed.stdout.split("\f")  # pdftotext ends every page with a form feed
    return pages[:-1] if pages and not pages[-1].strip() else pages


@dataclass
class Recalculated:
    """Workbooks exported (and edited) by the tests, and their copies recalculated by
    LibreOffice; values are read with openpyxl (data_only)."""

    sources: dict[str, Path]
    results: dict[str, Path]
    seconds: float
    _values: dict[str, Any] = field(default_factory=dict)

    def values(self, name: str) -> Any:
        if name not in self._values:
            self._values[name] = openpyxl.load_workbook(self.results[name], data_only=True)
        return self._values[name]


@pytest.fixture(scope="session")
def recalculated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Recalculated]:
    soffice = require_libreoffice()
    folder = tmp_path_factory.mktemp("recalculation")
    (folder / "in").mkdir()
    sources: dict[str, Path] = {}
    for name, build in PLANS.items():
        with build() as document:
            path = folder / "in" / f"{name}.xlsx"
            export_workbook(document, document.scenario(), path)
            sources[name] = path
    with demo_plan() as document:
        path = folder / "in" / "demo-es.xlsx"
        export_workbook(document, document.scenario(), path, "es")
        sources["demo-es"] = path
    for name, build in YEAR_PLANS.items():
        with build() as document:
            path = folder / "in" / f"{name}.xlsx"
            export_workbook(document, document.scenario(), path)
            sources[name] = path
    for name, (plan, edit) in EDITS.items():
        path = folder / "in" / f"{name}.xlsx"
        with PLANS[plan]() as document:
            export_workbook(document, document.scenario(), path)
        edit(path)
        sources[name] = path
    started = time.perf_counter()
    converted = recalculate(soffice, list(sources.values()), folder)
    seconds = time.perf_counter() - started
    yield Recalculated(
        sources=sources,
        results={name: converted[path] for name, path in sources.items()},
        seconds=seconds,
    )
