"""The import dialog's columns: the file's headings against RevOrg's fields, the user's choice
read at once and remembered for the next file with the same headings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox

from revorg.gui.dialogs.import_preview import ImportPreviewDialog
from revorg.gui.settings import AppSettings
from revorg.gui.window.main_window import MainWindow
from tests.roster_samples import ORG_CHART_PEOPLE, org_chart_sample

OWN_HEADINGS = ("name", "jobLabel", "id", "bossRef", "area", "office")


def write(path: Path, headings: tuple[str, ...] = OWN_HEADINGS) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(org_chart_sample(headings), encoding="utf-8")
    return path


def can_open(dialog: ImportPreviewDialog) -> bool:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Open).isEnabled()


def choose(dialog: ImportPreviewDialog, field: str, heading: str) -> None:
    combo = dialog.column_combos[field]
    combo.setCurrentIndex(combo.findData(heading))


def test_the_chosen_columns_are_read_and_remembered(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    QSettings().remove("import/columns")  # no choice left by an earlier run
    settings = AppSettings()
    first = ImportPreviewDialog(write(tmp_path / "march" / "org.csv"), "en", None, settings)
    qtbot.addWidget(first)
    # The guesses: name, id and area are known headings; jobLabel and bossRef are not.
    assert first.chosen_columns()["name"] == "name"
    assert first.chosen_columns()["department"] == "area"
    assert first.chosen_columns()["title"] == ""
    assert not can_open(first)
    choose(first, "title", "jobLabel")
    choose(first, "manager", "bossRef")
    assert can_open(first)
    assert f"{ORG_CHART_PEOPLE} positions" in first.headline.text()
    first.accept()
    document = first.take_document()
    assert document is not None
    document.close()

    # Next month's file, same headings: mapped the same way without asking.
    second = ImportPreviewDialog(write(tmp_path / "april" / "org.csv"), "en", None, settings)
    qtbot.addWidget(second)
    assert second.chosen_columns()["title"] == "jobLabel"
    assert second.chosen_columns()["manager"] == "bossRef"
    assert can_open(second)
    second.reject()

    # Other headings: the guesses again.
    other = ImportPreviewDialog(
        write(tmp_path / "other.csv", ("name", "jobLabel", "id", "bossRef", "area", "desk")),
        "en",
        None,
        settings,
    )
    qtbot.addWidget(other)
    assert other.chosen_columns()["title"] == ""
    other.reject()


def test_only_one_branch_from_the_dialog(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = ImportPreviewDialog(write(tmp_path / "org.csv"), "en")
    qtbot.addWidget(dialog)
    choose(dialog, "title", "jobLabel")
    choose(dialog, "manager", "bossRef")
    dialog.root_edit.setText("Rosa Quinn")
    dialog.root_edit.editingFinished.emit()
    assert "10 positions" in dialog.headline.text()
    dialog.root_edit.setText("Nobody")
    dialog.root_edit.editingFinished.emit()
    assert not can_open(dialog)
    findings = [dialog.findings.item(i).text() for i in range(dialog.findings.count())]
    assert any("'Nobody'" in line for line in findings)
    dialog.reject()


def test_the_window_passes_its_settings(window: MainWindow, tmp_path: Path) -> None:
    QSettings().remove("import/columns")
    path = write(tmp_path / "org.csv")
    AppSettings().set_column_mapping(OWN_HEADINGS, {"title": "jobLabel", "manager": "bossRef"})
    seen: list[ImportPreviewDialog] = []

    def accept(dialog: ImportPreviewDialog) -> int:
        seen.append(dialog)
        return int(ImportPreviewDialog.DialogCode.Accepted)

    window.files.run_import_preview = accept  # type: ignore[method-assign,assignment]
    assert window.files.import_path(path)
    assert len(window.controller.editor.positions()) == ORG_CHART_PEOPLE
    departments = {p.department_key for p in window.controller.editor.positions().values()}
    assert "outside" in departments
    window.grab().save("/tmp/roster9_outside.png")
