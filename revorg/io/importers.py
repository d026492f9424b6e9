"""`revorg import`: a plan from a file, whatever its kind.

The file is checked first (revorg.io.safety: existence, what it really is, zip and XML bombs,
size), then one importer per kind reads it: a workbook is RevOrg's own export
(revorg.io.xlsx_import) or an HR roster (revorg.io.roster); delimited text is a roster. The kind
comes from the content: a name only has to agree with it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from revorg.io.report import ImportRefusedError, ImportReport
from revorg.io.roster import RosterOptions, read_roster_csv, read_roster_workbook
from revorg.io.roster.reader import roster_headings
from revorg.io.safety import CheckedFile, FileKind, check_file
from revorg.io.xlsx_import import is_revorg_workbook, read_plan_workbook
from revorg.model.document import PlanDocument
from revorg.model.errors import QT_TRANSLATE_NOOP

DEFAULT_TEMPLATE = "demo"

Importer = Callable[
    [CheckedFile, ImportReport, str, int | None, RosterOptions], PlanDocument | None
]


def import_workbook(
    checked: CheckedFile,
    report: ImportReport,
    template: str,
    fiscal_year: int | None,
    options: RosterOptions,
) -> PlanDocument | None:
    """An .xlsx: RevOrg's own workbook when it is one, else an HR roster."""
    if is_revorg_workbook(checked.path):
        if template != DEFAULT_TEMPLATE:
            report.note(
                QT_TRANSLATE_NOOP(
                    "ImportFinding",
                    "a RevOrg workbook carries its own targets: --template {template} is not used",
                ),
                template=template,
            )
        return read_plan_workbook(checked.path, report, fiscal_year)
    return read_roster_workbook(checked.path, report, template, fiscal_year, options)


def import_text(
    checked: CheckedFile,
    report: ImportReport,
    template: str,
    fiscal_year: int | None,
    options: RosterOptions,
) -> PlanDocument | None:
    """Delimited text (CSV with commas or semicolons, or tabs): an HR roster."""
    return read_roster_csv(checked, report, template, fiscal_year, options)


IMPORTERS: dict[FileKind, Importer] = {
    FileKind.WORKBOOK: import_workbook,
    FileKind.TEXT: import_text,
}


def import_plan(
    path: Path,
    template: str = DEFAULT_TEMPLATE,
    fiscal_year: int | None = None,
    options: RosterOptions | None = None,
) -> tuple[PlanDocument, ImportReport]:
    """A new, unsaved plan read from `path`, and what the import found. `options`: a roster's
    column mapping and branch (a RevOrg workbook ignores them).

    Raises ImportRefusedError (with the report) when the report has errors: then no document
    is returned and none is left open. An unknown template raises TemplateError; options that
    do not fit the file raise RosterOptionError.
    """
    path = Path(path)
    report = ImportReport(source=path.name)
    checked = check_file(path, report)
    document: PlanDocument | None = None
    if checked is not None:
        document = IMPORTERS[checked.kind](
            checked, report, template, fiscal_year, options or RosterOptions()
        )
    if report.has_errors or document is None:
        if document is not None:
            document.close()
        if not report.has_errors:
            report.error(QT_TRANSLATE_NOOP("ImportFinding", "nothing could be read from this file"))
        raise ImportRefusedError(report)
    return document, report


def file_headings(path: Path) -> list[str]:
    """A roster's headings, for the window to map them to fields; [] for a RevOrg workbook
    (its columns are its own) and for a file the import would refuse before reading rows."""
    checked = check_file(Path(path), ImportReport(source=Path(path).name))
    if checked is None:
        return []
    if checked.kind is FileKind.WORKBOOK and is_revorg_workbook(checked.path):
        return []
    return roster_headings(checked)
