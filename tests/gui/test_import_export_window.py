"""Import with a preview, and workbook export, from the window's File menu."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from revorg.gui.dialogs.import_preview import ImportPreviewDialog
from revorg.gui.window.main_window import MainWindow


def roster(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "roster.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_roster_is_previewed_then_opened_as_a_new_unsaved_plan(
    window: MainWindow, tmp_path: Path
) -> None:
    path = roster(tmp_path, "Name,Title,Manager\nAna,CRO,\n,,\nLuis,Account Executive,Ana\n")
    seen: list[ImportPreviewDialog] = []

    def accept(dialog: QDialog) -> int:
        assert isinstance(dialog, ImportPreviewDialog)
        seen.append(dialog)
        return int(QDialog.DialogCode.Accepted)

    window.files.run_import_preview = accept  # type: ignore[method-assign]
    assert window.files.import_path(path)
    preview = seen[0]
    assert "2 positions" in preview.headline.text()
    findings = [preview.findings.item(i).text() for i in range(preview.findings.count())]
    assert any("blank row" in line for line in findings)
    positions = window.controller.editor.positions()
    assert sorted(p.role_key for p in positions.values()) == ["ae", "cro"]
    assert len(window.scene.cards) == 2
    assert window.isWindowModified()  # new and unsaved: closing asks
    assert window.controller.document.path is None
    # The new plan's history starts with the import, by the name of Preferences.
    from revorg.model.history.reading import read_steps

    (step,) = read_steps(window.controller.editor.session)
    assert step.text.english() == "Import roster.csv: 2 positions"
    assert step.who == window.settings.user_name()


def test_a_roster_with_errors_cannot_be_opened(window: MainWindow, tmp_path: Path) -> None:
    path = roster(tmp_path, "Name,Title,Manager,Cost\nAna,CRO,,-5\nLuis,AE,Nobody,65000\n")
    before = dict(window.controller.editor.positions())
    dialog = ImportPreviewDialog(path, "en", window)
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Open).isEnabled()
    findings = [dialog.findings.item(i).text() for i in range(dialog.findings.count())]
    assert any("row 2, column 'Cost'" in line for line in findings)
    assert any("Nobody" in line for line in findings)
    assert dialog.take_document() is None
    dialog.reject()
    assert window.controller.editor.positions().keys() == before.keys()  # the plan on screen stays


def test_the_workbook_export_has_live_formulas(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    assert window.files.export_workbook_to(path)
    book = load_workbook(path)
    assert {"Targets", "Org", "Summary"} <= set(book.sheetnames)
    assert "NewBusiness" in book.defined_names
    destination = next(iter(book.defined_names["NewBusiness"].destinations))
    sheet, cell = destination
    assert str(book[sheet][cell.replace("$", "")].value).startswith("=")
