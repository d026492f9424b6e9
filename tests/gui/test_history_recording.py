"""The window records every edit, undo and redo in the plan's change log, under the name of
Preferences ("Your name", the system user's by default)."""

from __future__ import annotations

import getpass
from decimal import Decimal

from PySide6.QtWidgets import QDialog

from revorg.gui.dialogs.preferences import PreferencesDialog
from revorg.gui.settings import AppSettings
from revorg.gui.window.main_window import MainWindow
from revorg.model.history.chain import verify
from revorg.model.history.reading import read_steps


def card(window: MainWindow, title: str) -> int:
    rows = window.controller.editor.positions().values()
    return next(row.id for row in rows if row.title == title)


def test_edit_undo_redo_in_the_window_are_three_steps(window: MainWindow) -> None:
    AppSettings().set_user_name("Ana")
    csm = card(window, "Customer Success Managers")
    window.edits.apply_inspector_edit(csm, {"headcount": 3})
    window.menus.undo_action.trigger()
    window.menus.redo_action.trigger()

    editor = window.controller.editor
    steps = read_steps(editor.session)
    assert [(s.direction, s.who, s.text.english()) for s in steps] == [
        ("redo", "Ana", "Edit Customer Success Managers"),
        ("undo", "Ana", "Edit Customer Success Managers"),
        ("do", "Ana", "Edit Customer Success Managers"),
    ]
    assert [(c.field, c.old, c.new) for s in steps for c in s.changes] == [
        ("headcount", 2, 3), ("headcount", 3, 2), ("headcount", 2, 3)
    ]  # fmt: skip
    assert verify(editor.session) is None
    assert editor.position(csm).headcount == 3


def test_the_name_of_preferences_counts_from_the_next_edit(window: MainWindow) -> None:
    AppSettings().set_user_name("")
    assert AppSettings().user_name() == getpass.getuser()  # the system user by default

    def name_lucia(dialog: QDialog) -> int:
        assert isinstance(dialog, PreferencesDialog)
        assert dialog.name_edit.text() == getpass.getuser()
        dialog.name_edit.setText("  Lucía  ")
        return QDialog.DialogCode.Accepted

    window.controller.set_target("leads", 310)
    window.run_dialog = name_lucia
    window.show_preferences()
    window.controller.end_typing_session()
    window.controller.set_target("leads", 320)

    steps = read_steps(window.controller.editor.session)
    assert [s.who for s in steps] == ["Lucía", getpass.getuser()]
    assert AppSettings().user_name() == "Lucía"
    AppSettings().set_user_name("")


def test_keystrokes_typed_into_one_field_are_one_step_as_in_the_undo_stack(
    window: MainWindow,
) -> None:
    controller = window.controller
    for typed in ("1", "12", "120", "1200000"):
        controller.set_target("goal", Decimal(typed))
    controller.end_typing_session()
    controller.set_target("goal", Decimal(1300000))  # another visit to the field: a new step

    steps = read_steps(controller.editor.session)
    assert controller.undo_stack.count() == 2
    assert [(s.id, s.direction) for s in steps] == [(5, "do"), (1, "do")]
    assert [(c.old, c.new) for s in steps for c in s.changes] == [
        ("1200000.00", "1300000.00"),
        ("1000000.00", "1200000.00"),
    ]
    assert verify(controller.editor.session) is None
    window.menus.undo_action.trigger()
    window.menus.undo_action.trigger()
    undo = read_steps(controller.editor.session, limit=1)[0]
    assert (undo.id, undo.direction, undo.changes[0].new) == (7, "undo", "1000000.00")
    assert verify(controller.editor.session) is None
