"""The File menu's work: new, open, recent, save, save as, import, export, print, and autosave.

Also what "unsaved" means for the window: the undo stack is not clean, or the plan came from a
crash recovery or an import and has no file of its own yet.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QInputDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
    QWidget,
)

from revorg.gui.chart.scene import ChartScene
from revorg.gui.controller import PlanController
from revorg.gui.dialogs.prompts import TemplateDialog, ask_save_changes
from revorg.gui.i18n import fill
from revorg.gui.labels import error_text
from revorg.gui.settings import AppSettings
from revorg.gui.window.recovery import AUTOSAVE_INTERVAL_MS, Autosaver
from revorg.model.document import PlanDocument
from revorg.model.errors import RevOrgError
from revorg.model.history.recording import record_import
from revorg.model.photos import carry_photos
from revorg.model.store import FILE_SUFFIX
from revorg.model.templates import template_infos


class FileCommands(QObject):
    """Owns the file side of the window; the window shows what `saved_state_changed` says."""

    saved_state_changed = Signal()  # the file name or the unsaved mark may have changed
    url_requested = Signal(str)  # a team plan chosen in the recent list (revorg.gui.team)

    def __init__(
        self,
        window: QMainWindow,
        controller: PlanController,
        scene: ChartScene,
        settings: AppSettings,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.controller = controller
        self.scene = scene
        self.settings = settings
        self.autosaver = Autosaver()
        self.recovered_unsaved = False
        # Replaced in tests; the real question otherwise.
        self.ask_unsaved: Callable[[QWidget, str], QMessageBox.StandardButton] = ask_save_changes
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_INTERVAL_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()
        # Save and Save As on a team plan (revorg.gui.team.commands sets them).
        self.team_save: Callable[[], bool] = lambda: True
        self.team_save_copy: Callable[[Path], bool] = lambda _path: False

    def _status(self, text: str, milliseconds: int) -> None:
        self.window.statusBar().showMessage(text, milliseconds)

    def file_filter(self) -> str:
        return self.tr("RevOrg plans (*.revorg);;All files (*)")

    def is_modified(self) -> bool:
        if self.controller.team is not None:  # a team plan: every edit is on the server
            return False
        return self.recovered_unsaved or not self.controller.undo_stack.isClean()

    def maybe_keep_changes(self) -> bool:
        """Ask what to do with unsaved changes; False means the user cancelled."""
        if not self.is_modified():
            return True
        answer = self.ask_unsaved(self.window, self.controller.document.plan.name)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    # --- new, open, save --------------------------------------------------------------------

    def new_from_template(self) -> None:
        if not self.maybe_keep_changes():
            return
        dialog = TemplateDialog(template_infos(), self.controller.language, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.chosen_key():
            return
        key = str(dialog.chosen_key())
        self.replace_document(PlanDocument.from_template(key, language=self.controller.language))

    def open_dialog(self) -> None:
        if not self.maybe_keep_changes():
            return
        name, _filter = QFileDialog.getOpenFileName(
            self.window, self.tr("Open plan"), "", self.file_filter()
        )
        if name:
            self.open_path(Path(name))

    def open_path(self, path: Path) -> bool:
        if self.controller.document.path == Path(path).resolve():
            self._status(self.tr("This plan is already open."), 5000)
            return True
        try:
            document = PlanDocument.open(path)
        except RevOrgError as error:
            QMessageBox.warning(self.window, self.tr("Cannot open plan"), error_text(error))
            return False
        self.replace_document(document)
        self.settings.add_recent_file(document.path or path)
        return True

    def fill_recent_menu(self, menu: QMenu) -> None:
        menu.clear()
        for entry in self.settings.recent_entries():
            action = menu.addAction(entry)
            if "://" in entry:  # a team plan's URL, without password
                action.triggered.connect(
                    lambda _checked=False, url=entry: self.url_requested.emit(url)
                )
                continue
            action.triggered.connect(
                lambda _checked=False, p=Path(entry): (
                    self.maybe_keep_changes() and self.open_path(p)
                )
            )
        menu.setEnabled(bool(self.settings.recent_entries()))

    def replace_document(self, document: PlanDocument, team: object = None) -> None:
        """Show another plan (`team`: its TeamSession, for a team plan)."""
        self.autosaver.discard()
        self.recovered_unsaved = False
        self.controller.replace_document(document, team)

    def save(self) -> bool:
        if self.controller.team is not None:
            return self.team_save()
        document = self.controller.document
        if document.path is None:
            return self.save_as_dialog()
        return self._write(document.save)

    def save_as_dialog(self) -> bool:
        name, _filter = QFileDialog.getSaveFileName(
            self.window, self.tr("Save plan as"), "", self.file_filter()
        )
        if not name:
            return False
        path = Path(name)
        if not path.suffix:
            path = path.with_suffix(FILE_SUFFIX)
        return self.save_as(path)

    def save_as(self, path: Path) -> bool:
        if self.controller.team is not None:
            return self.team_save_copy(path)
        return self._write(lambda: self.controller.document.save_as(path))

    def _write(self, write: Callable[[], None]) -> bool:
        try:
            write()
        except RevOrgError as error:
            QMessageBox.critical(self.window, self.tr("Could not save"), error_text(error))
            return False
        self.controller.undo_stack.setClean()
        self.recovered_unsaved = False
        self.autosaver.discard()
        if self.controller.document.path:
            self.settings.add_recent_file(self.controller.document.path)
        self.saved_state_changed.emit()
        self._status(self.tr("Saved"), 3000)
        return True

    def autosave(self) -> None:
        if not self.is_modified():
            return
        try:
            self.autosaver.write(self.controller.document)
        except RevOrgError as error:
            self._status(fill(self.tr("Autosave failed: %1"), error_text(error)), 8000)

    def shut_down(self) -> None:
        """No more autosaves, and no recovery file left behind by a normal close."""
        self.autosave_timer.stop()
        self.autosaver.discard()

    # --- the plan's settings -----------------------------------------------------------------

    def plan_settings_dialog(self) -> None:
        """Name, currency and fiscal year; OK applies them as one undo step."""
        from revorg.gui.dialogs.plan_settings import PlanSettingsDialog

        dialog = PlanSettingsDialog(self.controller, self.window)
        self.run_plan_settings(dialog)
        dialog.deleteLater()

    def run_plan_settings(self, dialog: QDialog) -> int:
        """Replaced in tests; the modal dialog otherwise."""
        return dialog.exec()

    # --- import -----------------------------------------------------------------------------

    def import_dialog(self) -> None:
        if not self.maybe_keep_changes():
            return
        name, _filter = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Import workbook or roster"),
            "",
            self.tr("Workbooks and rosters (*.xlsx *.csv);;All files (*)"),
        )
        if name:
            self.import_path(Path(name))

    def import_actuals_dialog(self) -> None:
        """File > Import actuals…: a CRM export into this plan, as one undoable step."""
        from revorg.gui.dialogs.actuals_import import import_actuals

        import_actuals(self.controller, self.window)

    def deal_rules_dialog(self) -> None:
        """The Actuals tab's Stage and type rules…: how the deals' stages and types read."""
        from revorg.gui.dialogs.deal_rules import DealRulesDialog

        self.run_deal_rules(DealRulesDialog(self.controller, self.window))

    def run_deal_rules(self, dialog: QDialog) -> int:
        """Replaced in tests; the modal dialog otherwise."""
        return dialog.exec()

    def import_path(self, path: Path) -> bool:
        """Preview the import; open the result as a new unsaved plan if the user agrees."""
        # Imported when used, as the other dialogs and exports here: the roster readers behind
        # the import dialog were 25 ms of the window's start (docs/speed.md, "Cold start").
        from revorg.gui.dialogs.import_preview import ImportPreviewDialog

        dialog = ImportPreviewDialog(path, self.controller.language, self.window, self.settings)
        if self.run_import_preview(dialog) != QDialog.DialogCode.Accepted:
            return False
        document = dialog.take_document()
        if document is None:
            return False
        # A workbook exported from this plan keeps its people's lineages, not their photos:
        # the photos of those still there come along (a roster's new positions match none).
        carry_photos(self.controller.document.session, document.session)
        # The new plan's log starts with the import, one step ("Import roster.csv: 40
        # positions"), by the name of Preferences.
        record_import(document.session, path.name, self.settings.user_name())
        self.replace_document(document)
        self.recovered_unsaved = True  # a new plan with no file: saving asks where
        self.saved_state_changed.emit()
        return True

    def run_import_preview(self, dialog: QDialog) -> int:
        """Replaced in tests; the modal preview otherwise."""
        return dialog.exec()

    # --- export and print -------------------------------------------------------------------

    def _output_path(self, title: str, filter_text: str, suffix: str) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(self.window, title, "", filter_text)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(suffix)

    def export_workbook_dialog(self) -> None:
        path = self._output_path(
            self.tr("Export Excel workbook"), self.tr("Excel workbooks (*.xlsx)"), ".xlsx"
        )
        if path is not None:
            self.export_workbook_to(path)

    def export_workbook_to(self, path: Path) -> bool:
        from revorg.io.xlsx_export import export_workbook

        controller = self.controller
        return self._exported(
            path,
            lambda: export_workbook(
                controller.document, controller.editor.scenario, path, controller.language
            ),
        )

    def export_chart_dialog(self, kind: str) -> None:
        filters = {
            "png": self.tr("PNG images (*.png)"),
            "svg": self.tr("SVG drawings (*.svg)"),
            "pdf": self.tr("PDF documents (*.pdf)"),
        }
        path = self._output_path(self.tr("Export chart"), filters[kind], f".{kind}")
        if path is None:
            return
        as_shown = self.ask_as_shown()
        if as_shown is None:
            return
        dpi, pages = 150, "fit"
        if kind == "png":
            dpi, accepted = QInputDialog.getInt(
                self.window, self.tr("PNG resolution"), self.tr("Dots per inch:"), 150, 30, 1200, 10
            )
            if not accepted:
                return
        if kind == "pdf":
            choices = [self.tr("Fit on one page"), self.tr("Split over pages at a readable size")]
            choice, accepted = QInputDialog.getItem(
                self.window, self.tr("PDF pages"), self.tr("Pages:"), choices, 0, False
            )
            if not accepted:
                return
            pages = "fit" if choice == choices[0] else "split"
        self.export_chart_to(kind, path, dpi=dpi, pages=pages, as_shown=as_shown)

    def ask_as_shown(self) -> bool | None:
        """The chart as shown or whole (asked only when they differ; the answer is the next
        question's default); None when the user cancelled."""
        if not self.scene.collapsed and self.scene.focus is None:
            return True
        choices = [self.tr("As shown (current expansion and focus)"), self.tr("The whole chart")]
        remembered = 0 if self.settings.export_as_shown() else 1
        choice, accepted = self.choose(
            self.tr("Export chart"), self.tr("Draw:"), choices, remembered
        )
        if not accepted:
            return None
        as_shown = choice == choices[0]
        self.settings.set_export_as_shown(as_shown)
        return as_shown

    def choose(self, title: str, label: str, choices: list[str], current: int) -> tuple[str, bool]:
        """Replaced in tests; Qt's item dialog otherwise."""
        return QInputDialog.getItem(self.window, title, label, choices, current, False)

    def export_chart_to(
        self, kind: str, path: Path, dpi: int = 150, pages: str = "fit", as_shown: bool = True
    ) -> bool:
        """The chart as on screen (`as_shown`), or the whole chart drawn in a scene of its own
        (the window's expansion and focus stay as they are)."""
        from revorg.gui.chart.export import expanded_scene, write_pdf, write_png, write_svg

        title = f"{self.controller.document.plan.name}: {self.controller.editor.scenario.name}"
        scene = self.scene
        if not as_shown:
            scene = expanded_scene(self.controller.editor, compact=self.scene.compact)
        writers: dict[str, Callable[[], Path]] = {
            "png": lambda: write_png(scene, path, dpi),
            "svg": lambda: write_svg(scene, path, title),
            "pdf": lambda: write_pdf(scene, path, pages, title),
        }
        return self._exported(path, writers[kind])

    def export_slides_dialog(self) -> None:
        path = self._output_path(
            self.tr("Export slides"), self.tr("PowerPoint presentations (*.pptx)"), ".pptx"
        )
        if path is not None:
            self.export_slides_to(path)

    def export_slides_to(self, path: Path) -> bool:
        # Imported here: python-pptx and lxml load when slides are first written, not at start.
        from revorg.gui.slides import write_slides

        def write() -> Path:
            # A large plan takes a while: python-pptx builds each card (3 s per 1,000 cards).
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                return write_slides(self.controller.editor, path)
            finally:
                QApplication.restoreOverrideCursor()

        return self._exported(path, write)

    def _exported(self, path: Path, write: Callable[[], object]) -> bool:
        try:
            write()
        except RevOrgError as error:
            QMessageBox.warning(self.window, self.tr("Export failed"), error_text(error))
            return False
        self._status(fill(self.tr("Exported %1"), str(path)), 5000)
        return True

    def print_dialog(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        preview = QPrintPreviewDialog(printer, self.window)
        preview.paintRequested.connect(self._paint_preview)
        preview.exec()

    def _paint_preview(self, printer: QPrinter) -> None:
        from revorg.gui.chart.export import paint_pages

        paint_pages(self.scene, printer, "fit")
