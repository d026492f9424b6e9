"""Import preview: what a workbook or roster becomes (people, departments, targets) and every
finding of the import, before it replaces the plan on screen. With errors nothing is opened.

The findings are listed in the interface language (labels.finding_text); the command line says
the same findings in English.

A roster's headings are shown against RevOrg's fields, each with the column the import reads
for it; the user may choose another, and the file is read again. The choice is remembered for
the next file with the same headings (AppSettings.column_mapping).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from revorg.gui.i18n import fill
from revorg.gui.labels import finding_text, phrase_text
from revorg.gui.settings import AppSettings
from revorg.gui.theme import readable
from revorg.io.messages import phrase
from revorg.io.report import ImportRefusedError, ImportReport, Severity
from revorg.io.roster.headings import FIELD_LABELS, FIELDS, guessed_columns
from revorg.io.roster.options import RosterOptions
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

    def __init__(
        self,
        path: Path,
        language: str = "en",
        parent: QWidget | None = None,
        settings: AppSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importPreview")
        self.setWindowTitle(fill(self.tr("Import %1"), path.name))
        self.path = path
        self.language = language
        self.settings = settings
        self.document: PlanDocument | None = None
        # Imported here: the readers load openpyxl, which the window does not need at start.
        from revorg.io.importers import file_headings

        self.headings = file_headings(path)  # [] for a RevOrg workbook
        remembered = None if settings is None else settings.column_mapping(self.headings)
        # What the user chose (or chose before for these headings); {}: the import's guesses.
        self.mapping: dict[str, str] = dict(remembered or {})
        self.column_combos: dict[str, QComboBox] = {}
        self.columns_box = self._columns_box(remembered or guessed_columns(self.headings))
        self.root_edit = QLineEdit()
        self.root_edit.setObjectName("importRoot")
        self.root_edit.setPlaceholderText(self.tr("everybody"))
        self.root_edit.setToolTip(
            self.tr("Import only this person (id, email or name) and everyone under them")
        )
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
        if self.headings:
            layout.addWidget(self.columns_box)
            root_row = QHBoxLayout()
            root_row.addWidget(QLabel(self.tr("Only the organisation of")))
            root_row.addWidget(self.root_edit, 1)
            layout.addLayout(root_row)
        else:
            self.columns_box.hide()
        layout.addWidget(self.headline)
        layout.addWidget(self.findings, 1)
        layout.addWidget(self.buttons)
        self.template_combo.currentIndexChanged.connect(lambda _index: self.read())
        self.root_edit.editingFinished.connect(self._root_changed)
        self._root = ""
        self.resize(640, 560 if self.headings else 460)
        self.read()

    def _columns_box(self, shown: dict[str, str]) -> QGroupBox:
        """A combo box per field: "not read" or one of the file's headings."""
        box = QGroupBox(self.tr("Columns"))
        box.setObjectName("importColumns")
        form = QFormLayout(box)
        for key in FIELDS:
            combo = QComboBox()
            combo.setObjectName(f"column_{key}")
            combo.addItem(self.tr("(not read)"), "")
            for heading in self.headings:
                combo.addItem(heading, heading)
            index = combo.findData(shown.get(key, ""))
            combo.setCurrentIndex(max(index, 0))
            combo.currentIndexChanged.connect(lambda _index: self._columns_changed())
            self.column_combos[key] = combo
            form.addRow(phrase_text(phrase(FIELD_LABELS[key]), self.language), combo)
        return box

    def chosen_columns(self) -> dict[str, str]:
        """Field -> heading as the combo boxes show them ("" for a field not read)."""
        return {key: str(combo.currentData()) for key, combo in self.column_combos.items()}

    def _columns_changed(self) -> None:
        self.mapping = self.chosen_columns()
        self.read()

    def _root_changed(self) -> None:
        if self.root_edit.text().strip() != self._root:
            self._root = self.root_edit.text().strip()
            self.read()

    def read(self) -> None:
        """(Re)read the file with the chosen template, columns and branch."""
        from revorg.io.importers import import_plan
        from revorg.io.roster.options import RosterOptionError

        self._discard()
        template = str(self.template_combo.currentData())
        options = RosterOptions(self.mapping, self._root or None)
        try:
            self.document, report = import_plan(self.path, template, options=options)
        except RosterOptionError as error:
            report = ImportReport(self.path.name)
            report.add(Severity.ERROR, error.phrase)
            self._show(report, None)
            return
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
            # Everybody the file brings, outside revenue too (summary.total is revenue only).
            departments = ", ".join(
                f"{d.name} {d.staffing.headcount}"
                for d in summary.departments
                if d.staffing.headcount
            )
            positions = sum(d.staffing.positions for d in summary.departments)
            people = sum(d.staffing.headcount for d in summary.departments)
            self.headline.setText(
                fill(
                    self.tr("%1, %2 (%3). Open it as a new, unsaved plan?"),
                    self.tr("%Ln positions", "", positions),
                    self.tr("%Ln people", "", people),
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
        elif self.settings is not None and self.headings and self.mapping:
            self.settings.set_column_mapping(self.headings, self.mapping)
        super().done(result)
