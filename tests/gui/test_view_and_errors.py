"""Zoom, rename and the crash guard."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from revorg.gui import crash_guard
from revorg.gui.window.main_window import MainWindow
from revorg.model.editing import Edit, StepText
from revorg.model.editing.steps import EditContext, Step

SDR = 8


def wheel(window: MainWindow, modifiers: Qt.KeyboardModifier, delta: int) -> None:
    centre = QPointF(window.view.viewport().rect().center())
    event = QWheelEvent(
        centre, window.view.mapToGlobal(centre), QPoint(), QPoint(0, delta),
        Qt.MouseButton.NoButton, modifiers, Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(window.view.viewport(), event)


def test_ctrl_wheel_zooms_and_ctrl_0_fits(window: MainWindow) -> None:
    fitted = window.view.zoom()
    wheel(window, Qt.KeyboardModifier.ControlModifier, 240)
    assert window.view.zoom() > fitted * 1.2
    window.view.fit()
    # Scroll bars may come and go, so the fitted zoom is the same within a few percent.
    assert abs(window.view.zoom() - fitted) < fitted * 0.05


def test_f2_starts_renaming_the_selected_card(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.scene.select_only([SDR])
    window.menus.rename_action.trigger()
    assert window.inspector.title_edit.hasFocus() or window.inspector.title_edit.selectedText()
    qtbot.keyClicks(window.inspector.title_edit, "Team lead")
    window.inspector.title_edit.editingFinished.emit()
    assert window.controller.editor.position(SDR).title == "Team lead"


def test_an_unexpected_error_is_logged_and_reported_and_the_plan_stays_editable(
    window: MainWindow, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(crash_guard, "log_file_path", lambda: tmp_path / "revorg.log")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    previous = sys.excepthook
    try:
        log = crash_guard.install_crash_guard()
        try:
            raise RuntimeError("boom")
        except RuntimeError as error:
            sys.excepthook(type(error), error, error.__traceback__)
    finally:
        sys.excepthook = previous
        for handler in list(crash_guard.logger.handlers):
            crash_guard.logger.removeHandler(handler)
            handler.close()
    assert shown and "boom" in shown[0] and str(log) in shown[0]
    assert "RuntimeError: boom" in log.read_text(encoding="utf-8")
    window.controller.edit(SDR, {"title": "still editable"})
    assert window.controller.editor.position(SDR).title == "still editable"


def test_a_failing_edit_rolls_back_alone(window: MainWindow) -> None:
    window.controller.edit(SDR, {"title": "kept"})
    editor = window.controller.editor
    half_done = Edit(StepText("Break"), editor.scenario_id, _BreakThenFail(window))
    with contextlib.suppress(RuntimeError):
        editor.apply(half_done)
    assert editor.position(SDR).title == "kept"
    assert editor.position(SDR).headcount == 1


class _BreakThenFail(Step):
    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def apply(self, context: EditContext) -> None:
        self.window.controller.editor.position(SDR).headcount = 99
        context.session.flush()
        raise RuntimeError("edit failed half-way")
