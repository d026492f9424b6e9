"""How each sheet prints: one place for the page setup of every sheet.

A4, landscape where the sheet is wide, one page wide and as many pages down as needed (before,
the demo's workbook printed on 36 pages, the Summary's capacity and status columns on a page
apart from their departments), the heading rows repeated on every page, the plan, the scenario
and the export date in the header and "Page 1 of 3" in the footer, in the export's language.

A4 in every language, also in English: the workbook cannot know its reader's paper. A reader
with Letter paper picks it in the print dialog; the page stays one page wide (Letter is 6 mm
wider and 18 mm shorter than A4).

The settings live in the sheet's XML before its rows (fitToPage) and after them (the page
setup), so a streamed sheet gets them when it is created, before its writer appends a row.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from openpyxl.worksheet.page import PageMargins  # type: ignore[import-untyped]
from openpyxl.worksheet.properties import PageSetupProperties  # type: ignore[import-untyped]

from revorg.io.xlsx_export.cells import clean_text
from revorg.io.xlsx_layout import (
    ASSUMPTIONS,
    HIRING,
    LISTS,
    ORG,
    ROLES,
    SUMMARY,
    TARGETS,
    YEAR,
    label,
)

A4 = 9  # the paperSize code of A4 in SpreadsheetML
# Inches, as SpreadsheetML counts them: 1.3 cm at the sides, 1.9 cm above and below with the
# header and footer 0.8 cm from the edge (Excel's "Normal" gives 1.9 cm at the sides).
MARGINS = {"left": 0.5, "right": 0.5, "top": 0.75, "bottom": 0.75, "header": 0.3, "footer": 0.3}
# Excel refuses a header or footer longer than 255 characters, codes included: the plan and
# scenario names are shortened so that even a name made of "&" (written "&&") fits.
NAME_LIMIT = 60
SCENARIO_LIMIT = 40


@dataclass(frozen=True)
class PageLayout:
    landscape: bool = True
    title_rows: str = "1:1"  # the rows printed at the top of every page


# A sheet that is not listed (a new one) prints landscape with its first row repeated.
PAGE_LAYOUTS = {
    SUMMARY: PageLayout(),
    TARGETS: PageLayout(landscape=False),
    ORG: PageLayout(),
    HIRING: PageLayout(title_rows="1:3"),  # the title, a blank row and the months
    YEAR: PageLayout(title_rows="1:3"),
    ASSUMPTIONS: PageLayout(),
    ROLES: PageLayout(),
    LISTS: PageLayout(landscape=False),
}


@dataclass(frozen=True)
class PageTexts:
    """The header's three parts and the footer's page numbers, in header-footer code (an "&"
    of the plan's own text doubled, "&P" and "&N" the page and the page count)."""

    plan: str
    scenario: str
    exported: str
    page: str

    @classmethod
    def of(
        cls, plan_name: str, scenario_name: str, exported_on: datetime.date, language: str
    ) -> PageTexts:
        scenario = _literal(_shortened(scenario_name, SCENARIO_LIMIT))
        return cls(
            plan=_literal(_shortened(plan_name, NAME_LIMIT)),
            scenario=label("print_scenario", language).format(scenario),
            exported=label("print_exported", language).format(exported_on.isoformat()),
            page=label("print_page", language),
        )


def set_up_page(sheet: Any, layout: PageLayout, texts: PageTexts) -> None:
    """Give `sheet` its page setup; call it before the sheet's first row is written."""
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    setup = sheet.page_setup
    setup.orientation = "landscape" if layout.landscape else "portrait"
    setup.paperSize = A4
    setup.fitToWidth = 1
    setup.fitToHeight = 0  # as many pages down as the rows need
    sheet.page_margins = PageMargins(**MARGINS)
    sheet.print_title_rows = layout.title_rows
    sheet.oddHeader.left.text = texts.plan
    sheet.oddHeader.center.text = texts.scenario
    sheet.oddHeader.right.text = texts.exported
    sheet.oddFooter.left.text = "&A"  # the sheet's name
    sheet.oddFooter.right.text = texts.page


def page_layout(sheet_name: str) -> PageLayout:
    return PAGE_LAYOUTS.get(sheet_name, PageLayout())


def _shortened(text: str, limit: int) -> str:
    text = " ".join(clean_text(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _literal(text: str) -> str:
    """Text as header-footer code prints it: "R&D" is written "R&&D"."""
    return text.replace("&", "&&")
