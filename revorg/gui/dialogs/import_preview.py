"""Import preview: what a workbook or roster becomes (people, departments, targets) and every
finding of the import, before it replaces the plan on screen. With errors nothing is opened.

The findings are listed in the interface language (labels.finding_text); the command line says
the same findings in English."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from revorg.gui.i18n import fill
from revorg.gui.labels import finding_text
from revorg.gui.theme import readable
from revorg.io.report import ImportRefusedError, ImportReport, Severity
from revorg.model.document import PlanDocument
from revorg.model.errors import RevOrgError
from revorg.model.summary import summarize
from revorg.model.templates import template_infos

SEVERITY_COLOURS = {
    Severity.ERROR: "#C62828",
    Severity.WARNING: "#B26A00",
    Severity.NOTE: "#455A64",
}


class ImportPreviewDialog(QDialog):
    """Reads the file at once; Open takes the imported plan, Cancel throws it away."""

    def __init__(self, path: Path, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importPreview")
        self.setWindowTitle(fill(self.tr("Import %1"), path.name))
        self.path = path
        self.language = language
        self.document: PlanDocument | None = None
        self.template_combo = QComboBox()
        for info in template_infos():
            self.template_combo.addItem(info.name(language), info.key)
        self.headline = QLabel()
        self.headline.setWordWrap(True)
        self.findings = QListWidget()
        self.findings.setObjectName("importFindings")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        template_row = QHBoxLayout()
        template_row.addWidget(QLabel(self.tr("Targets and assumptions of a roster from")))
        template_row.addWidget(self.template_combo, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(template_row)
        layout.addWidget(self.headline)
        layout.addWidget(self.findings, 1)
        layout.addWidget(self.buttons)
        self.template_combo.currentIndexChanged.connect(lambda _index: self.read())
        self.resize(640, 460)
        self.read()

    def read(self) -> None:
        """(Re)read the file with the chosen template."""
        # Imported here: the readers load openpyxl, which the window does not need at start.
        from revorg.io.importers import import_plan

        self._discard()
        template = str(self.template_combo.currentData())
        try:
            self.document, report = import_plan(self.path, template)
        except ImportRefusedError as refused:
            self._show(refused.report, None)
            return
        except RevOrgError as error:
            report = ImportReport(self.path.name)
            report.error("{problem}", problem=error)  # said in the window's language
            self._show(report, None)
            return
        self._show(report, self.document)

    def _show(self, report: ImportReport, document: PlanDocument | None) -> None:
        open_button = self.buttons.button(QDialogButtonBox.StandardButton.Open)
        open_button.setEnabled(document is not None)
        if document is None:
            self.headline.setText(
                self.tr("Nothing can be imported until these errors are fixed in the file.")
            )
        else:
            summary = summarize(document.session, document.scenario(), self.language)
            departments = ", ".join(
                f"{d.name} {d.staffing.headcount}"
                for d in summary.departments
                if d.staffing.headcount
            )
            self.headline.setText(
                fill(
                    self.tr("%1 positions, %2 people (%3). Open it as a new, unsaved plan?"),
                    str(summary.total.positions),
                    str(summary.total.headcount),
                    departments,
                )
            )
        self.findings.clear()
        for finding in report.findings:
            item = QListWidgetItem(finding_text(finding, self.language))
            item.setForeground(QBrush(readable(SEVERITY_COLOURS[finding.severity])))
            self.findings.addItem(item)
        if not report.findings:
            self.findings.addItem(self.tr("No problems found."))

    def take_document(self) -> PlanDocument | None:
        """The imported plan, now the caller's to close."""
        document, self.document = self.document, None
        return document

    def _discard(self) -> None:
        if self.document is not None:
            self.document.close()
            self.document = None

    def done(self, result: int) -> None:
        if result != QDialog.DialogCode.Accepted:
            self._discard()
        super().done(result)
