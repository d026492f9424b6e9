"""What an import found: errors (nothing is written), warnings and notes (the import goes on),
each pointing at the sheet, row and column a user must look at."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from revorg.model.errors import RevOrgError


class Severity(Enum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"


@dataclass(frozen=True)
class Finding:
    severity: Severity
    message: str
    sheet: str | None = None
    row: int | None = None  # 1-based, as spreadsheets number rows
    column: str | None = None  # the column's heading (or letter when it has none)

    def where(self) -> str:
        parts = []
        if self.sheet:
            parts.append(f"sheet {self.sheet!r}")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column {self.column!r}")
        return ", ".join(parts)

    def __str__(self) -> str:
        where = self.where()
        return (
            f"{self.severity.value}: {where}: {self.message}"
            if where
            else (f"{self.severity.value}: {self.message}")
        )


@dataclass
class ImportReport:
    source: str
    findings: list[Finding] = field(default_factory=list)

    def error(self, message: str, **where: object) -> None:
        self.findings.append(Finding(Severity.ERROR, message, **where))  # type: ignore[arg-type]

    def warning(self, message: str, **where: object) -> None:
        self.findings.append(Finding(Severity.WARNING, message, **where))  # type: ignore[arg-type]

    def note(self, message: str, **where: object) -> None:
        self.findings.append(Finding(Severity.NOTE, message, **where))  # type: ignore[arg-type]

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.WARNING]

    @property
    def has_errors(self) -> bool:
        return any(f.severity is Severity.ERROR for f in self.findings)

    def lines(self) -> list[str]:
        return [str(finding) for finding in self.findings]


class ImportRefusedError(RevOrgError):
    """An import with errors: nothing was written; the report says what to fix."""

    def __init__(self, report: ImportReport) -> None:
        first = report.errors[0] if report.errors else None
        count = len(report.errors)
        summary = f"{report.source}: {count} error{'s' if count != 1 else ''}"
        if first is not None:
            summary += f" (first: {first.where() + ': ' if first.where() else ''}{first.message})"
        super().__init__(summary)
        self.report = report
