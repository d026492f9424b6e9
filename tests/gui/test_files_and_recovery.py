"""Files in the window: open errors, recovery after a crash, and the README screenshot."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from revorg.gui.application import first_document, recover_document
from revorg.gui.settings import AppSettings
from revorg.gui.window.main_window import MainWindow
from revorg.gui.window.recovery import Autosaver, orphaned_recovery_files
from revorg.model.catalogue import role_spec
from revorg.model.document import PlanDocument

REPOSITORY = Path(__file__).resolve().parents[2]
SDR = 8


def dead_pid() -> int:
    """The pid of a process that has ended."""
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)  # fmt: skip
    return int(child.stdout)


def test_autosave_is_offered_back_after_a_crash(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "plan.revorg"
    window.files.save_as(path)
    window.controller.edit(SDR, {"title": "Autosaved title"})
    window.files.autosaver = Autosaver(tmp_path)
    window.files.autosave()
    note = window.files.autosaver.plan_copy.with_suffix(".json")
    assert note.is_file()
    # The window's process "crashes": its note now names a process that no longer runs.
    data = json.loads(note.read_text(encoding="utf-8"))
    data["pid"] = dead_pid()
    note.write_text(json.dumps(data), encoding="utf-8")
    window.controller.undo_stack.setClean()
    window.controller.document.close()  # releases the plan file as a crash would

    found = orphaned_recovery_files(tmp_path)
    assert [f.original for f in found] == [path]
    recovered = recover_document(found[0])
    try:
        assert recovered.session.get(type(window.controller.editor.position(SDR)), SDR).title == (
            "Autosaved title"
        )
        assert recovered.path == path  # Save writes back to the plan's own file
    finally:
        recovered.close()
    window.controller.editor.document = PlanDocument.from_template("blank", 2027)


def test_autosave_does_nothing_without_changes(window: MainWindow, tmp_path: Path) -> None:
    window.controller.undo_stack.setClean()
    window.files.autosaver = Autosaver(tmp_path)
    window.files.autosave()
    assert not list(tmp_path.iterdir())


def test_opening_a_bad_file_shows_the_message_and_keeps_the_plan(
    window: MainWindow, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.revorg"
    bad.write_text("not a plan", encoding="utf-8")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    assert not window.files.open_path(bad)
    assert shown and "not a RevOrg plan" in shown[0]
    assert len(window.controller.editor.positions()) == 19  # the plan on screen is untouched
    window.controller.edit(SDR, {"title": "still editable"})


def test_a_plan_with_a_foreign_trigger_is_refused_in_a_dialog(
    window: MainWindow, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Issue 14: the trigger would have emptied the positions at the next save."""
    plan = tmp_path / "shared.revorg"
    with PlanDocument.from_template("demo", 2027) as document:
        document.save_as(plan)
    connection = sqlite3.connect(plan)
    connection.execute(
        "CREATE TRIGGER t AFTER UPDATE ON scenarios BEGIN DELETE FROM positions; END"
    )
    connection.commit()
    connection.close()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    assert not window.files.open_path(plan)
    assert shown and "it has a trigger 't'" in shown[0]
    assert window.controller.document.path != plan
    assert len(window.controller.editor.positions()) == 19


def palette_names(window: MainWindow) -> list[str]:
    tree = window.role_palette.tree
    return [
        tree.topLevelItem(group).child(row).text(0)
        for group in range(tree.topLevelItemCount())
        for row in range(tree.topLevelItem(group).childCount())
    ]


def test_the_palette_of_an_older_plan_offers_roles_new_to_the_catalogue(
    window: MainWindow, tmp_path: Path
) -> None:
    plan = tmp_path / "older.revorg"
    with PlanDocument.from_template("demo", 2027) as document:
        document.save_as(plan)
    connection = sqlite3.connect(plan)
    connection.execute("DELETE FROM assumptions WHERE role_key = 'bdr'")
    connection.execute("DELETE FROM role_types WHERE key = 'bdr'")
    connection.commit()
    connection.close()
    assert window.files.open_path(plan)
    assert role_spec("bdr").names["en"] in palette_names(window)
    assert window.controller.undo_stack.isClean()  # nothing the user did: no unsaved changes


def test_start_opens_the_last_plan_else_the_demo(tmp_path: Path) -> None:
    settings = AppSettings()
    settings._settings.remove("files/recent")
    demo = first_document(None, settings)
    try:
        assert demo.plan.name == "Revenue plan: EUR 1M"
        demo.save_as(tmp_path / "last.revorg")
        demo.plan.name = "Last one"
        demo.save()
    finally:
        demo.close()
    settings.add_recent_file(tmp_path / "last.revorg")
    last = first_document(None, settings)
    try:
        assert last.plan.name == "Last one"
    finally:
        last.close()
        settings._settings.remove("files/recent")


def test_screenshot_of_the_demo_plan(window: MainWindow, tmp_path: Path) -> None:
    """The README's screenshots are written by `scripts/screenshots` (not by the tests, which
    would change docs/ at every run); this checks the window draws at that size."""
    window.resize(1600, 960)
    window.scene.select_only([6])
    window.view.fit()
    image = window.grab()
    assert image.width() == 1600
    assert image.save(str(tmp_path / "screenshot.png"))
