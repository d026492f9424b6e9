"""What an import found: errors (nothing is written), warnings and notes (the import goes on),
each pointing at the sheet, row and column a user must look at.

A finding keeps its message as a template and values (revorg.io.messages) besides the English
line, and so does its place, so that the window can show both in the user's language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum

from revorg.io.messages import Phrase, phrase
from revorg.model.errors import QT_TRANSLATE_NOOP, RevOrgError


class Severity(Enum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"


# The English words are the enum's values, which the command line prints.
SEVERITY_WORDS = {
    Severity.ERROR: QT_TRANSLATE_NOOP("ImportFinding", "error"),
    Severity.WARNING: QT_TRANSLATE_NOOP("ImportFinding", "warning"),
    Severity.NOTE: QT_TRANSLATE_NOOP("ImportFinding", "note"),
}


@dataclass(frozen=True)
class Finding:
    severity: Severity
    message: str  # in English
    sheet: str | None = None
    row: int | None = None  # 1-based, as spreadsheets number rows
    column: str | None = None  # the column's heading (or letter when it has none)
    template: str = ""  # the message's template (the message itself when it has no values)
    # Left out of == and hash(): the message says the same, and a dict cannot be hashed.
    values: Mapping[str, object] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        # Either says the other: a plain message is its own template; a template and values
        # given without the message make it.
        if not self.template:
            object.__setattr__(self, "template", self.message)
        elif not self.message:
            object.__setattr__(self, "message", str(self.said()))

    def said(self) -> Phrase:
        """The message as a phrase: what str() of the finding ends with."""
        return Phrase(self.template, self.values)

    def place(self) -> Phrase | None:
        """Sheet, row and column, as far as they are known: "sheet 'Org', row 3"."""
        parts = []
        if self.sheet:
            sheet = repr(self.sheet)
            parts.append(phrase(QT_TRANSLATE_NOOP("ImportFinding", "sheet {sheet}"), sheet=sheet))
        if self.row is not None:
            parts.append(phrase(QT_TRANSLATE_NOOP("ImportFinding", "row {row}"), row=self.row))
        if self.column:
            column = repr(self.column)
            parts.append(
                phrase(QT_TRANSLATE_NOOP("ImportFinding", "column {column}"), column=column)
            )
        if not parts:
            return None
        place = parts[-1]
        for part in reversed(parts[:-1]):
            place = phrase(
                QT_TRANSLATE_NOOP("ImportFinding", "{place}, {more}"), place=part, more=place
            )
        return place

    def where(self) -> str:
        place = self.place()
        return "" if place is None else str(place)

    def line(self) -> Phrase:
        """Severity, place and message: "error: sheet 'Org', row 3: ..."."""
        severity = phrase(SEVERITY_WORDS[self.severity])
        place = self.place()
        if place is None:
            return phrase(
                QT_TRANSLATE_NOOP("ImportFinding", "{severity}: {message}"),
                severity=severity,
                message=self.said(),
            )
        return phrase(
            QT_TRANSLATE_NOOP("ImportFinding", "{severity}: {place}: {message}"),
            severity=severity,
            place=place,
            message=self.said(),
        )

    def __str__(self) -> str:
        return str(self.line())


@dataclass
class ImportReport:
    source: str
    findings: list[Finding] = field(default_factory=list)

    # The values of a template are keywords besides sheet, row and column (which say where),
    # so a template names other rows {first_row}, never {row}.

    def error(
        self,
        template: str,
        /,
        *,
        sheet: str | None = None,
        row: int | None = None,
        column: str | None = None,
        **values: object,
    ) -> None:
        self.add(Severity.ERROR, Phrase(template, values), sheet=sheet, row=row, column=column)

    def warning(
        self,
        template: str,
        /,
        *,
        sheet: str | None = None,
        row: int | None = None,
        column: str | None = None,
        **values: object,
    ) -> None:
        self.add(Severity.WARNING, Phrase(template, values), sheet=sheet, row=row, column=column)

    def note(
        self,
        template: str,
        /,
        *,
        sheet: str | None = None,
        row: int | None = None,
        column: str | None = None,
        **values: object,
    ) -> None:
        self.add(Severity.NOTE, Phrase(template, values), sheet=sheet, row=row, column=column)

    def add(
        self,
        severity: Severity,
        said: Phrase,
        /,
        *,
        sheet: str | None = None,
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        """A finding whose message is a phrase made elsewhere (a parser's reason)."""
        self.findings.append(
            Finding(severity, str(said), sheet, row, column, said.template, dict(said.values))
        )

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
