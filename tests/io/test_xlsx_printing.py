"""The exported workbook prints: every sheet one page wide on A4 (the demo on 7 pages; it was 36,
the Summary's capacity and status columns on a page apart from their departments), the heading
rows on every page, the plan, scenario and export date in the header and the page numbers in
the footer, in the export's language. LibreOffice prints the workbook to PDF; pdftotext reads
the pages."""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from revorg.io.xlsx_export import export_workbook
from revorg.io.xlsx_export.printing import PAGE_LAYOUTS
from revorg.io.xlsx_layout import HIRING, LISTS, SHEETS, SUMMARY, TARGETS, YEAR
from tests.io.conftest import (
    demo_plan,
    pdf_pages,
    recalculate,
    require_libreoffice,
    require_pdftotext,
)

AMPERSAND_PLAN = "R&D & Sales"
FOOTER = {
    "en": re.compile(r"^(?P<sheet>\S.*?)\s{2,}Page (?P<page>\d+) of (?P<pages>\d+)$"),
    "zh": re.compile(r"^(?P<sheet>\S.*?)\s{2,}第 (?P<page>\d+) 页，共 (?P<pages>\d+) 页$"),
}


def footers(pages: list[str], language: str) -> list[tuple[str, int, int]]:
    """(sheet, page, pages) read from each page's footer, its last line."""
    found = []
    for text in pages:
        last = [line.strip() for line in text.splitlines() if line.strip()][-1]
        match = FOOTER[language].match(last)
        assert match, f"no footer on the page: {last!r}"
        found.append((match["sheet"], int(match["page"]), int(match["pages"])))
    return found


def pages_of(pages: list[str], sheet: str) -> list[str]:
    return [
        page for page, found in zip(pages, footers(pages, "en"), strict=True) if found[0] == sheet
    ]


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """The demo's workbook in English and, named with ampersands, in Chinese, printed to PDF
    in one soffice run: the text of each page."""
    soffice = require_libreoffice()
    pdftotext = require_pdftotext()
    folder = tmp_path_factory.mktemp("printing")
    (folder / "in").mkdir()
    sources = {"en": folder / "in" / "demo.xlsx", "zh": folder / "in" / "demo-zh.xlsx"}
    with demo_plan() as document:
        export_workbook(document, document.scenario(), sources["en"])
        document.plan.name = AMPERSAND_PLAN
        export_workbook(document, document.scenario(), sources["zh"], "zh")
    pdfs = recalculate(soffice, list(sources.values()), folder, to="pdf")
    return {language: pdf_pages(pdftotext, pdfs[path]) for language, path in sources.items()}


def test_the_demo_prints_on_eight_pages_one_page_wide(printed: dict[str, list[str]]) -> None:
    pages = printed["en"]
    found = footers(pages, "en")
    assert [(page, count) for _sheet, page, count in found] == [
        (page, len(pages)) for page in range(1, len(pages) + 1)
    ]
    sheets = [sheet for sheet, _page, _count in found]
    # One page wide and short enough for one page down, but the Year plan's 100 rows; the
    # hidden Lists sheet is not printed.
    assert {sheet: sheets.count(sheet) for sheet in sheets} == {
        "Summary": 1,
        "Targets": 1,
        "Org": 1,
        "Hiring plan": 1,
        "Year plan": 2,
        "Assumptions": 1,
        "Roles": 1,
    }
    assert len(pages) == 8  # 36 before each sheet had a page setup


def test_no_printed_number_is_too_wide_for_its_column(printed: dict[str, list[str]]) -> None:
    """A number wider than its column prints as ###: the Hiring plan's costs did when money
    got two decimals and the currency code."""
    for language, pages in printed.items():
        for number, page in enumerate(pages, 1):
            assert "###" not in page, (language, number)


def test_summary_prints_its_figures_beside_their_departments(
    printed: dict[str, list[str]],
) -> None:
    (summary,) = pages_of(printed["en"], SUMMARY)
    lines = summary.splitlines()

    def line_of(start: str) -> str:
        (line,) = [line for line in lines if re.match(rf"\s*{start}\s{{2,}}", line)]
        return line

    heading = line_of("Department")
    for column in ("Target", "Capacity", "Coverage", "Gap", "Status", "Positions", "Run-rate cost"):
        assert column in heading
    # pdftotext keeps a printed row on one line: each department with its coverage and status.
    # Leavers counted: 362,964.00, 376,562.50 and 536,302.08 of capacity.
    assert re.search(r"Marketing .* 100\.8% .* green .* 4 +4 +1 ", line_of("Marketing"))
    assert re.search(r"Sales .* 104\.6% .* green .* 7 +7 +1 ", line_of("Sales"))
    assert re.search(r"Customer Success .* 83\.8% .* red .* 5 +6 +0 ", line_of("Customer Success"))


def test_every_page_has_the_plan_scenario_and_export_date_on_top(
    printed: dict[str, list[str]],
) -> None:
    today = datetime.date.today().isoformat()
    for language, plan, scenario, exported in (
        ("en", "Revenue plan: EUR 1M", "Scenario: Base", f"Exported {today}"),
        ("zh", AMPERSAND_PLAN, "情景：Base", f"导出日期：{today}"),
    ):
        for number, page in enumerate(printed[language], 1):
            top = next(line for line in page.splitlines() if line.strip())
            assert re.match(
                rf"^{re.escape(plan)}\s+{re.escape(scenario)}\s+{re.escape(exported)}$",
                top.strip(),
            ), (language, number, top)


def test_chinese_pages_are_numbered_in_chinese(printed: dict[str, list[str]]) -> None:
    found = footers(printed["zh"], "zh")
    assert [page for _sheet, page, _count in found] == list(range(1, len(found) + 1))
    assert {count for _sheet, _page, count in found} == {len(found)}


def test_the_months_head_every_page(printed: dict[str, list[str]]) -> None:
    (hiring,) = pages_of(printed["en"], HIRING)
    heading = next(line for line in hiring.splitlines() if "Department" in line)
    assert re.search(r"Role\s+Unit\s+Jan 2027\s+Feb 2027 .* Dec 2027\s+Year", heading)
    year = pages_of(printed["en"], YEAR)
    assert len(year) == 2
    for page in year:
        heading = next(line for line in page.splitlines() if "Department" in line)
        assert re.search(r"Figure\s+Jan 2027\s+Feb 2027 .* Dec 2027\s*Year", heading)


# --- the page setup as Excel reads it ------------------------------------------------------------


def page_setup(sheet: Any) -> dict[str, Any]:
    setup = sheet.page_setup
    margins = sheet.page_margins
    return {
        "paper": setup.paperSize,
        "orientation": setup.orientation,
        "fit": (sheet.sheet_properties.pageSetUpPr.fitToPage, setup.fitToWidth, setup.fitToHeight),
        "titles": sheet.print_title_rows,
        "margins": (margins.left, margins.right, margins.top, margins.bottom),
        "header": (
            sheet.oddHeader.left.text,
            sheet.oddHeader.center.text,
            sheet.oddHeader.right.text,
        ),
        "footer": (sheet.oddFooter.left.text, sheet.oddFooter.right.text),
    }


@pytest.mark.parametrize(
    ("language", "scenario", "exported", "page"),
    [
        ("en", "Scenario: Base", "Exported {}", "Page &P of &N"),
        ("es", "Escenario: Base", "Exportado el {}", "Página &P de &N"),
        ("zh", "情景：Base", "导出日期：{}", "第 &P 页，共 &N 页"),
    ],
)
def test_every_sheet_has_its_page_setup_in_the_exports_language(
    tmp_path: Path, language: str, scenario: str, exported: str, page: str
) -> None:
    path = tmp_path / "plan.xlsx"
    with demo_plan() as document:
        document.plan.name = AMPERSAND_PLAN
        export_workbook(document, document.scenario(), path, language)
    book = openpyxl.load_workbook(path)
    today = datetime.date.today().isoformat()
    landscape = {name for name, layout in PAGE_LAYOUTS.items() if layout.landscape}
    assert landscape == set(SHEETS) - {TARGETS, LISTS}
    for name in SHEETS:
        assert page_setup(book[name]) == {
            "paper": 9,  # A4
            "orientation": "landscape" if name in landscape else "portrait",
            "fit": (True, 1, 0),  # one page wide, as many pages down as needed
            "titles": "$1:$3" if name in (HIRING, YEAR) else "$1:$1",
            "margins": (0.5, 0.5, 0.75, 0.75),
            # "&" is written "&&" in a header: else "&D" would print the date.
            "header": ("R&&D && Sales", scenario, exported.format(today)),
            "footer": ("&A", page),
        }, name
