"""Findings of a roster, at most MAX_SAME_FINDINGS of a kind."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from revorg.io.messages import Phrase, phrase
from revorg.io.report import ImportReport, Severity
from revorg.model.errors import QT_TRANSLATE_NOOP

MAX_SAME_FINDINGS = 20  # beyond this many findings of one kind, one line counts the rest
MAX_LISTED = 10  # rows or names listed in one message


@dataclass
class _Counted:
    """Findings of one kind beyond MAX_SAME_FINDINGS: how many, and the first one left off."""

    severity: Severity
    column: str | None
    count: int = 0
    first_row: int | None = None


# "1 more error like the ones above", "2 more errors...", by severity (one, several).
MORE_LIKE_THESE = {
    Severity.ERROR: (
        QT_TRANSLATE_NOOP(
            "ImportFinding", "{count} more error like the ones above, from row {first_row} on"
        ),
        QT_TRANSLATE_NOOP(
            "ImportFinding", "{count} more errors like the ones above, from row {first_row} on"
        ),
    ),
    Severity.WARNING: (
        QT_TRANSLATE_NOOP(
            "ImportFinding", "{count} more warning like the ones above, from row {first_row} on"
        ),
        QT_TRANSLATE_NOOP(
            "ImportFinding", "{count} more warnings like the ones above, from row {first_row} on"
        ),
    ),
    Severity.NOTE: (
        QT_TRANSLATE_NOOP(
            "ImportFinding", "{count} more note like the ones above, from row {first_row} on"
        ),
        QT_TRANSLATE_NOOP(
            "ImportFinding", "{count} more notes like the ones above, from row {first_row} on"
        ),
    ),
}


class RosterFindings:
    """Adds a roster's findings to its report, counting those beyond MAX_SAME_FINDINGS of a
    kind in one line; errors, then warnings, then notes, each in row order."""

    def __init__(self, report: ImportReport) -> None:
        self.report = report
        self.sheet: str | None = None
        self._kinds: Counter[str] = Counter()
        self._counted: dict[str, _Counted] = {}
        self._summaries: set[int] = set()  # ids of the "N more rows" findings

    def add(
        self,
        severity: Severity,
        kind: str,
        said: Phrase,
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        self._kinds[kind] += 1
        if self._kinds[kind] <= MAX_SAME_FINDINGS:
            self.report.add(severity, said, sheet=self.sheet, row=row, column=column)
            return
        counted = self._counted.setdefault(kind, _Counted(severity, column))
        counted.count += 1
        if counted.first_row is None:
            counted.first_row = row

    def error(
        self, kind: str, template: str, row: int | None, col: str | None, /, **values: object
    ) -> None:
        self.add(Severity.ERROR, kind, Phrase(template, values), row, col)

    def finish(self, start: int) -> None:
        """Count what was left off and order the findings added since `start`."""
        self._flush_counted()
        self._sort_findings(start)

    def _sort_findings(self, start: int) -> None:
        """Errors, warnings, then notes, each in row order; the "N more rows" lines last."""
        rank = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.NOTE: 2}
        findings = self.report.findings[start:]
        findings.sort(key=lambda f: (rank[f.severity], id(f) in self._summaries, f.row or 0))
        self.report.findings[start:] = findings

    def _flush_counted(self) -> None:
        for counted in self._counted.values():
            templates = MORE_LIKE_THESE[counted.severity]
            self.add(
                counted.severity,
                "counted",
                phrase(
                    templates[0] if counted.count == 1 else templates[1],
                    count=counted.count,
                    first_row=counted.first_row,
                ),
                row=counted.first_row,
                column=counted.column,
            )
            self._summaries.add(id(self.report.findings[-1]))
        self._counted.clear()


def listed_rows(rows: list[int]) -> str:
    """ "3, 5, 8" (at most MAX_LISTED, then "...")."""
    more = "..." if len(rows) > MAX_LISTED else ""
    return ", ".join(str(row) for row in rows[:MAX_LISTED]) + more
