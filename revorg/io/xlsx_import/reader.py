"""The workbook read sheet by sheet into the content of a plan."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from revorg.io.report import ImportReport
from revorg.io.tabular import one_line
from revorg.io.xlsx_import.build import build_plan
from revorg.io.xlsx_import.cells import Book, Content
from revorg.io.xlsx_import.deals import read_deal_sheet, store_workbook_deals
from revorg.io.xlsx_import.org import OrgReader
from revorg.io.xlsx_layout import ASSUMPTIONS, FORMAT_VERSION, MARKER_PROPERTY, ORG, ROLES, TARGETS
from revorg.model.document import PlanDocument
from revorg.model.errors import QT_TRANSLATE_NOOP


def read_plan_workbook(
    path: Path, report: ImportReport, fiscal_year: int | None = None
) -> PlanDocument | None:
    """A new, unsaved plan from RevOrg's own workbook, or None with the errors in `report`.

    `fiscal_year`, when given, replaces the workbook's fiscal year.
    """
    path = Path(path)
    try:
        book = Book(path)
    except Exception as error:  # openpyxl raises many kinds for a damaged or foreign file
        report.error(
            QT_TRANSLATE_NOOP(
                "ImportFinding", "{file} cannot be read as an Excel workbook: {reason}"
            ),
            file=path.name,
            reason=one_line(error),
        )
        return None
    try:
        content = WorkbookReader(book, report).read()
        deals = read_deal_sheet(book, report) if content is not None else None
    except Exception as error:  # openpyxl parses each sheet lazily: damage shows up here
        report.error(
            QT_TRANSLATE_NOOP(
                "ImportFinding", "{file} is damaged: a sheet cannot be read ({reason})"
            ),
            file=path.name,
            reason=one_line(error),
        )
        return None
    finally:
        book.close()
    if content is None or report.has_errors:
        return None
    if fiscal_year is not None:
        content.fiscal_year = fiscal_year
    document = build_plan(content)
    if deals is not None:
        try:
            store_workbook_deals(document, deals, path.name)
        except BaseException:
            document.close()
            raise
    return document


class WorkbookReader(OrgReader):
    """Targets, Roles, Assumptions, then Org (whose rows need the roles)."""

    def read(self) -> Content | None:
        workbook = self.book.workbook
        version = marker_version(workbook)
        if version is not None and version > FORMAT_VERSION:
            self.report.error(
                QT_TRANSLATE_NOOP(
                    "ImportFinding",
                    "this workbook was made by a newer version of RevOrg (workbook format "
                    "{version}; this version reads up to {supported}): please update RevOrg",
                ),
                version=version,
                supported=FORMAT_VERSION,
            )
            return None
        missing = [name for name in (TARGETS, ORG) if name not in workbook.sheetnames]
        if missing:
            self.report.error(
                QT_TRANSLATE_NOOP(
                    "ImportFinding",
                    "this is not a RevOrg workbook: the sheet {missing} is missing (a RevOrg "
                    "workbook has the sheets {targets}, {org}, {assumptions} and {roles})",
                ),
                missing=repr(missing[0]),
                targets=repr(TARGETS),
                org=repr(ORG),
                assumptions=repr(ASSUMPTIONS),
                roles=repr(ROLES),
            )
            return None
        self._targets()
        self._seasonality()
        self._roles()
        self._assumptions()
        self._org()
        return self.content

    # errors with their place

    # The values of a template are keywords besides `where` and `sheet`.


def marker_version(workbook: Any) -> int | None:
    for prop in getattr(workbook, "custom_doc_props", None) or []:
        if getattr(prop, "name", None) == MARKER_PROPERTY:
            try:
                return int(float(prop.value))
            except (TypeError, ValueError):
                return FORMAT_VERSION
    return None
