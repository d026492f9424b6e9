"""File > Import actuals…: a CRM export read, what was read shown with every finding, and the
deals stored as one undoable step when the user agrees. An export with nothing usable is
explained in the same dialog and changes nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from revorg.gui.controller import PlanController
from revorg.gui.dialogs.import_preview import SEVERITY_COLOURS
from revorg.gui.i18n import fill
from revorg.gui.labels import finding_text
from revorg.gui.theme import readable
from revorg.io.crm import DealsRead, read_deals
from revorg.io.report import ImportReport
from revorg.model.actuals.deals import DealStatus


class ActualsImportDialog(QDialog):
    def __init__(
        self, controller: PlanController, path: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        from revorg.model.actuals import store

        self.setObjectName("actualsImport")
        self.setWindowTitle(self.tr("Import actuals"))
        self.controller = controller
        self.path = path
        self.report = ImportReport(path.name)
        editor = controller.editor
        rules = store.stored_rules(editor.session)
        currency = editor.summary().plan.currency
        self.read: DealsRead | None = read_deals(path, self.report, rules, currency)
        self.headline = QLabel(self.headline_text())
        self.headline.setObjectName("actualsImportHeadline")
        self.headline.setWordWrap(True)
        self.findings = QListWidget()
        self.findings.setObjectName("actualsImportFindings")
        for finding in self.report.findings:
            item = QListWidgetItem(finding_text(finding, controller.language))
            item.setForeground(QBrush(readable(SEVERITY_COLOURS[finding.severity])))
            self.findings.addItem(item)
        if not self.report.findings:
            self.findings.addItem(self.tr("No problems found."))
        buttons = QDialogButtonBox()
        if self.read is not None:
            buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
            buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        else:
            buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.findings, 1)
        layout.addWidget(buttons)
        self.resize(640, 360)

    def headline_text(self) -> str:
        read = self.read
        if read is None:
            template = self.tr("No deals can be read from %1; the plan is unchanged.")
            return fill(template, self.path.name)
        template = self.tr(
            "%1 deals from %2 (%3): %4 won, %5 lost, %6 open. Rows left out: %7; report lines "
            "skipped: %8. Import them into the plan?"
        )
        crm = {"salesforce": "Salesforce", "hubspot": "HubSpot"}.get(str(read.source))
        return fill(
            template,
            len(read.deals),
            self.path.name,
            crm or self.tr("a table"),
            read.count(DealStatus.WON),
            read.count(DealStatus.LOST),
            read.count(DealStatus.OPEN),
            read.skipped_rows,
            read.footer_lines,
        )

    def accept(self) -> None:
        if self.read is not None:
            self.controller.import_actuals(self.read.deals, self.path.name, str(self.read.source))
        super().accept()


def import_actuals(controller: PlanController, parent: QWidget | None = None) -> bool:
    """Ask for an export and import it; whether the plan changed."""
    name, _filter = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("ActualsImportDialog", "Import actuals"),
        "",
        QCoreApplication.translate(
            "ActualsImportDialog", "CRM exports (*.csv *.xlsx);;All files (*)"
        ),
    )
    if not name:
        return False
    dialog = ActualsImportDialog(controller, Path(name), parent)
    return dialog.exec() == QDialog.DialogCode.Accepted and dialog.read is not None
