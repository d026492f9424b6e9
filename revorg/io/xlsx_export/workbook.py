"""Writing the workbook: the sheets in order, the defined names, and an atomic save."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from openpyxl.packaging.custom import IntProperty  # type: ignore[import-untyped]

from revorg.io.xlsx_export.actuals import write_actuals
from revorg.io.xlsx_export.assumptions import write_assumptions
from revorg.io.xlsx_export.book import Book
from revorg.io.xlsx_export.cells import clean_text
from revorg.io.xlsx_export.hiring import write_hiring_plan
from revorg.io.xlsx_export.org import write_org
from revorg.io.xlsx_export.plan_data import gather
from revorg.io.xlsx_export.roles import write_lists, write_roles
from revorg.io.xlsx_export.snapshots import write_snapshots
from revorg.io.xlsx_export.summary import summary_total_row, write_summary
from revorg.io.xlsx_export.targets import write_targets
from revorg.io.xlsx_export.year import write_year_plan
from revorg.io.xlsx_layout import (
    ASSUMPTION_COLUMNS,
    ASSUMPTION_LETTERS,
    ASSUMPTIONS,
    FORMAT_VERSION,
    MARKER_PROPERTY,
    ORG,
    ORG_COLUMNS,
    ORG_LETTERS,
    ROLE_COLUMNS,
    ROLE_LETTERS,
    ROLES,
    SUMMARY,
    TARGETS,
    YEAR,
)
from revorg.model.atomic import replace_atomically
from revorg.model.document import PlanDocument
from revorg.model.entities import Scenario
from revorg.model.errors import RevOrgError


class WorkbookExportError(RevOrgError):
    """The workbook could not be written (the old file, if any, is untouched)."""


def export_workbook(
    document: PlanDocument,
    scenario: Scenario,
    path: Path,
    language: str = "en",
    snapshots: Sequence[Scenario] = (),
) -> None:
    """Write `scenario` of `document` to `path` as an .xlsx workbook, atomically; with
    `snapshots`, a Snapshots sheet shows their figures beside the scenario's."""
    path = Path(path)
    data = gather(document, scenario, snapshots)
    _save_atomically(lambda: _WorkbookBuilder(data, language).build(), path)


class _WorkbookBuilder(Book):
    def build(self) -> Any:
        summary_names = write_summary(self)
        target_rows = write_targets(self)
        write_org(self)
        write_hiring_plan(self)
        year_names = write_year_plan(self)
        write_assumptions(self)
        write_roles(self)
        write_lists(self)
        write_snapshots(self, summary_total_row(self))
        if self.data.actuals is not None:
            write_actuals(self, self.data.actuals)
        self._names(target_rows, summary_names)
        for name, ref in year_names.items():
            self.define(name, YEAR, ref)
        self.workbook.custom_doc_props.append(
            IntProperty(name=MARKER_PROPERTY, value=FORMAT_VERSION)
        )
        self.workbook.properties.creator = "RevOrg"
        self.workbook.properties.title = clean_text(self.data.plan_name)[:200]
        return self.workbook

    def _names(self, target_rows: dict[str, int], summary_names: dict[str, str]) -> None:
        self.define_columns(ORG, ORG_COLUMNS, ORG_LETTERS, self.org_range_last)
        self.define_columns(
            ASSUMPTIONS, ASSUMPTION_COLUMNS, ASSUMPTION_LETTERS, self.assumption_range_last
        )
        self.define_columns(ROLES, ROLE_COLUMNS, ROLE_LETTERS, self.role_range_last)
        for name, row in target_rows.items():
            self.define(name, TARGETS, f"$B${row}")
        for name, ref in summary_names.items():
            self.define(name, SUMMARY, ref)


# --- saving atomically -----------------------------------------------------------------------


def _save_atomically(build: Callable[[], Any], path: Path) -> None:
    """Build the workbook and write it beside `path`, then rename it over `path`: at every
    instant `path` holds the old workbook or the new one."""
    if not path.absolute().parent.is_dir():
        raise WorkbookExportError(f"could not write {path}: no such folder")
    workbook = None

    def write(temporary: Path) -> None:
        nonlocal workbook
        workbook = build()
        workbook.save(temporary)

    try:
        replace_atomically(path, write)
    except OSError as error:
        _close_sheets(workbook)
        raise WorkbookExportError(f"could not write {path}: {_reason(error)}") from None
    except BaseException:
        _close_sheets(workbook)
        raise


def _close_sheets(workbook: Any) -> None:
    """Finish the streamed sheets of a workbook that was not saved (their temporary files)."""
    for sheet in getattr(workbook, "worksheets", []):
        with contextlib.suppress(Exception):
            if not sheet.closed:
                sheet.close()


def _reason(error: OSError) -> str:
    return error.strerror or str(error)
