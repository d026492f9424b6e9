"""Workshop mode (F11), Preferences, Help > Keyboard shortcuts, About and the first-run welcome."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDockWidget, QLabel, QPushButton, QToolBar

from revorg.gui.dialogs.help import WelcomeChoice, WelcomeDialog, about_text
from revorg.gui.dialogs.preferences import PreferencesDialog
from revorg.gui.mime import POSITION_MIME_TYPE, ROLE_MIME_TYPE
from revorg.gui.settings import AppSettings
from revorg.gui.window.main_window import MainWindow
from revorg.gui.window.workshop import STRIP_POINT_SIZE, WORKSHOP_MIN_ZOOM
from revorg.model.document import PlanDocument
from revorg.model.templates import template_infos
from tests.gui.conftest import card_point, drop, mime_with

VP_SALES, SDR_MANAGER, SDR = 6, 7, 8


def visible_panels(window: MainWindow) -> list[str]:
    widgets = window.findChildren(QDockWidget) + window.findChildren(QToolBar)
    return sorted(w.objectName() for w in widgets if w.isVisible())


def strip_text(window: MainWindow) -> str:
    strip = window.workshop_strip
    labels = [strip.findChild(QLabel, n) for n in ("workshopTotal", "workshopDepartments")]
    text = " | ".join(label.text() for label in labels if label is not None)
    return text.replace("&nbsp;", " ")


def test_f11_hides_the_panels_and_shows_the_live_strip(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    before = visible_panels(window)
    zoom_with_panels = window.view.zoom()
    assert before and not window.workshop_strip.isVisible()
    qtbot.keyClick(window.view, Qt.Key.Key_F11)
    assert window.workshop.active
    assert visible_panels(window) == []
    assert not window.menuBar().isVisible() and not window.statusBar().isVisible()
    assert window.workshop_strip.isVisible()
    # Marketing's leads carry 362,964 of new business, customer success 536,302.08, leavers
    # counted (tests/model/test_capacity.py): 899,266.
    text = strip_text(window)
    assert "€899,266 of €1,000,000 goal (90%)" in text
    assert "Marketing 101%" in text and "Customer Success 84%" in text
    # Cards are larger than in the window with its panels, and never tiny.
    assert window.view.zoom() > zoom_with_panels
    assert window.view.zoom() >= WORKSHOP_MIN_ZOOM


def test_the_strip_follows_edits_made_in_the_workshop(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.workshop.enter()
    # Drop a role from the palette (shown from the strip's Roles button) onto a card.
    window.workshop_strip.roles_button.click()
    assert window.findChild(QDockWidget, "rolesDock").isVisible()
    drop(window, mime_with(ROLE_MIME_TYPE, "csm"), card_point(window, 13))
    assert "Customer Success 101%" in strip_text(window)
    # Drag a card to another manager, then undo with the standard key.
    drop(window, mime_with(POSITION_MIME_TYPE, str(SDR)), card_point(window, VP_SALES))
    assert window.controller.editor.position(SDR).manager_id == VP_SALES
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.controller.editor.position(SDR).manager_id == SDR_MANAGER
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Customer Success 84%" in strip_text(window)


def test_escape_leaves_and_puts_every_panel_back(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    before = visible_panels(window)
    assert not window.menus.leave_workshop_action.isEnabled()  # Esc is free outside workshops
    window.workshop.enter()
    assert window.menus.workshop_action.isChecked()
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert not window.workshop.active
    assert visible_panels(window) == before
    assert window.menuBar().isVisible() and window.statusBar().isVisible()
    assert not window.workshop_strip.isVisible()
    assert not window.menus.workshop_action.isChecked()


def test_preferences_keep_the_language_and_apply_compact_at_once(
    window: MainWindow, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    chosen: list[PreferencesDialog] = []

    def choose_spanish(dialog: QDialog) -> int:
        assert isinstance(dialog, PreferencesDialog)
        dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("es"))
        dialog.compact_box.setChecked(not window.scene.compact)
        chosen.append(dialog)
        return QDialog.DialogCode.Accepted

    compact_before = window.scene.compact
    window.run_dialog = choose_spanish
    window.show_preferences()
    assert chosen and chosen[0].restart_note.text()  # says when the language applies
    assert AppSettings().language() == "es"
    assert window.scene.compact is not compact_before
    assert AppSettings().compact_teams() is not compact_before
    assert "starts again" in window.statusBar().currentMessage()
    # Back to the system's language: the setting is removed, not stored as "".
    window.run_dialog = lambda dialog: (
        dialog.language_combo.setCurrentIndex(0),  # type: ignore[attr-defined]
        QDialog.DialogCode.Accepted,
    )[1]
    window.show_preferences()
    assert AppSettings().language() is None


def test_the_shortcuts_list_is_read_from_the_actions(window: MainWindow) -> None:
    dialog = window.show_shortcuts()
    table = dialog.table
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    save = QKeySequence(QKeySequence.StandardKey.Save).toString(
        QKeySequence.SequenceFormat.NativeText
    )
    assert rows["Save"] == save
    assert rows["Workshop mode"].startswith("F11")
    assert rows["Rename"] == "F2"
    assert "Move a card to another manager" in rows
    dialog.close()


def test_about_names_the_version_and_says_nothing_leaves_the_computer() -> None:
    text = about_text()
    assert "RevOrg 0." in text and "offline" in text and "PySide" in text


def test_the_welcome_is_offered_once_and_can_start_from_a_template(window: MainWindow) -> None:
    shown: list[WelcomeDialog] = []

    def pick_sdr_ae(dialog: QDialog) -> int:
        assert isinstance(dialog, WelcomeDialog)
        shown.append(dialog)
        items = dialog.templates
        row = next(r for r in range(items.count()) if items.item(r).data(256) == "sdr-ae")
        items.setCurrentRow(row)
        dialog.choice = WelcomeChoice.TEMPLATE
        return QDialog.DialogCode.Accepted

    window.run_dialog = pick_sdr_ae
    window.offer_welcome()
    assert len(shown) == 1
    assert window.controller.document.plan.name == PlanDocument.from_template("sdr-ae").plan.name
    window.offer_welcome()  # the second start: no welcome
    assert len(shown) == 1


def test_leaving_puts_back_the_users_zoom_and_keeps_find_open(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.view.resetTransform()
    window.view.scale(1.3, 1.3)
    window.view.centerOn(*card_centre(window, SDR))
    zoom, centre = window.view.zoom(), view_centre(window)
    window.workshop.enter()
    assert window.view.zoom() != zoom
    window.find_bar.open()  # Ctrl+F in the workshop: the presenter looks for a card
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    qtbot.wait(10)  # the old window size arrives with later events
    assert abs(window.view.zoom() - zoom) < 1e-9
    assert abs(view_centre(window)[0] - centre[0]) < 2
    assert abs(view_centre(window)[1] - centre[1]) < 2
    assert window.find_bar.isVisible()


def test_f2_in_the_workshop_renames_in_a_box_then_delete_deletes_the_card(
    window: MainWindow, qtbot
) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []

    def answer(_parent: object, current: str) -> str:
        asked.append(current)
        return "SDR (Spanish market)"

    window.edits.ask_title = answer
    window.workshop.enter()
    window.scene.select_only([SDR])
    qtbot.keyClick(window.view, Qt.Key.Key_F2)
    assert asked == ["SDR"]
    assert window.controller.editor.position(SDR).title == "SDR (Spanish market)"
    assert window.view.hasFocus() or not window.inspector.title_edit.hasFocus()
    window.menus.delete_action.trigger()
    assert SDR not in window.controller.editor.positions()


def test_a_refused_edit_is_said_on_the_strip_in_the_workshop(window: MainWindow) -> None:
    window.workshop.enter()
    window.edits.move_card(VP_SALES, SDR)  # under its own report: refused
    message = window.workshop_strip.findChild(QLabel, "workshopMessage")
    assert message.isVisible() and "cannot report to" in message.text()
    assert window.controller.editor.position(VP_SALES).manager_id != SDR


def test_the_welcome_buttons_say_what_the_user_chose(qtbot) -> None:  # type: ignore[no-untyped-def]
    for button, choice in (
        ("welcomeStart", WelcomeChoice.TEMPLATE),
        ("welcomeOpen", WelcomeChoice.OPEN),
        ("welcomeDemo", WelcomeChoice.DEMO),
    ):
        dialog = WelcomeDialog(template_infos(), "en")
        qtbot.addWidget(dialog)
        dialog.choice = WelcomeChoice.DEMO if choice != WelcomeChoice.DEMO else WelcomeChoice.OPEN
        dialog.findChild(QPushButton, button).click()
        assert dialog.choice == choice
        assert dialog.result() == QDialog.DialogCode.Accepted


def test_preferences_opened_with_lang_say_so_and_promise_no_restart(qtbot) -> None:  # type: ignore[no-untyped-def]
    settings = AppSettings()
    settings.set_language("en")
    dialog = PreferencesDialog(settings, "es")  # started with --lang es
    qtbot.addWidget(dialog)
    assert dialog.language_combo.currentData() == "en"  # what later starts use
    assert dialog.session_note.text() and not dialog.restart_note.text()
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("es"))
    assert not dialog.language_changes()  # Spanish is what this window shows already
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("zh"))
    assert dialog.restart_note.text()
    settings.set_language(None)


def test_undo_names_the_step_and_the_shortcut_list_does_not(window: MainWindow) -> None:
    window.edits.move_card(SDR, VP_SALES)
    assert window.menus.undo_action.text() == "&Undo Move SDR"
    assert window.menus.undo_action.isEnabled() and not window.menus.redo_action.isEnabled()
    window.menus.undo_action.trigger()
    assert window.menus.redo_action.text() == "&Redo Move SDR"
    assert window.menus.undo_action.text() == "&Undo" and not window.menus.undo_action.isEnabled()
    dialog = window.show_shortcuts()
    names = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert "Undo" in names and "Redo" in names
    dialog.close()


def card_centre(window: MainWindow, position_id: int) -> tuple[float, float]:
    centre = window.scene.cards[position_id].sceneBoundingRect().center()
    return centre.x(), centre.y()


def view_centre(window: MainWindow) -> tuple[float, float]:
    point = window.view.mapToScene(window.view.viewport().rect().center())
    return point.x(), point.y()


def test_the_strip_keeps_its_large_type_in_a_second_workshop(window: MainWindow) -> None:
    total = window.workshop_strip.findChild(QLabel, "workshopTotal")
    for _ in range(2):
        window.workshop.enter()
        assert total.fontInfo().pointSize() == STRIP_POINT_SIZE
        window.workshop.leave()
