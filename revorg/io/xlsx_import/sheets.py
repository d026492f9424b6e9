"""What every sheet reader shares: the content read so far and findings with their place."""

from __future__ import annotations

from typing import Any

from revorg.io.messages import Phrase, reason
from revorg.io.report import ImportReport, Severity
from revorg.io.xlsx_import.cells import (
    FORMULA_WITHOUT_VALUE,
    Book,
    CellError,
    Content,
    RoleRow,
    Where,
    is_blank,
)
from revorg.io.xlsx_layout import fold
from revorg.model.catalogue import department_specs
from revorg.model.errors import QT_TRANSLATE_NOOP


class SheetReader:
    """The content read so far, the roles known, and findings with their place."""

    def __init__(self, book: Book, report: ImportReport) -> None:
        self.book = book
        self.report = report
        self.content = Content()
        self.department_keys = department_lookup()
        self.roles: dict[str, RoleRow] = {}
        self.id_rows: dict[int, list[int]] = {}  # every ID typed in Org -> its rows
        self.role_names: dict[str, str] = {}  # folded name, short name or alias -> role key

    def error(
        self, template: str, where: Where | None = None, sheet: str | None = None, **values: object
    ) -> None:
        self.add(Severity.ERROR, Phrase(template, values), where, sheet)

    def warning(
        self, template: str, where: Where | None = None, sheet: str | None = None, **values: object
    ) -> None:
        self.add(Severity.WARNING, Phrase(template, values), where, sheet)

    def note(self, template: str, where: Where, **values: object) -> None:
        self.add(Severity.NOTE, Phrase(template, values), where)

    def add(
        self, severity: Severity, said: Phrase, where: Where | None, sheet: str | None = None
    ) -> None:
        if where is None:
            self.report.add(severity, said, sheet=sheet)
        else:
            self.report.add(severity, said, sheet=where.sheet, row=where.row, column=where.column)

    def parsed(self, value: Any, where: Where, parse: Any, required: bool = False) -> Any:
        """parse(value), or None after reporting why it is not usable; blank is None."""
        if value is FORMULA_WITHOUT_VALUE:
            self.error(
                QT_TRANSLATE_NOOP(
                    "ImportFinding",
                    "a formula without a computed value: type the value, or open and save the "
                    "workbook in Excel or LibreOffice first",
                ),
                where,
            )
            return None
        if isinstance(value, CellError):
            self.error(
                QT_TRANSLATE_NOOP("ImportFinding", "the cell holds the error {code}"),
                where,
                code=value.code,
            )
            return None
        if is_blank(value):
            if required:
                self.error(QT_TRANSLATE_NOOP("ImportFinding", "this cell must not be blank"), where)
            return None
        try:
            return parse(value)
        except ValueError as problem:
            self.add(Severity.ERROR, reason(problem), where)
            return None


def department_lookup() -> dict[str, str]:
    found: dict[str, str] = {}
    for spec in department_specs():
        found[fold(spec.key)] = spec.key
        for name in spec.names.values():
            found.setdefault(fold(name), spec.key)
    return found
