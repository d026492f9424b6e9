"""The window reads a long log left in the file at open (revorg.model.store.stored_log) once
it has settled, so that the History panel opens at once."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from revorg.gui import controller as controller_module
from revorg.gui.controller import PlanController
from revorg.model.document import PlanDocument
from revorg.model.editing import PlanEditor, requests
from revorg.model.history.recording import attach_recorder
from revorg.model.store import stored_log


def steps_in_memory(document: PlanDocument) -> int:
    return int(document.connection.execute("SELECT count(*) FROM history_steps").fetchone()[0])


def test_the_log_left_in_the_file_is_read_in_after_the_window_settles(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(stored_log, "LAZY_LOG_MIN_BYTES", 0)
    monkeypatch.setattr(stored_log, "STEP_BYTES", 1_000_000)
    monkeypatch.setattr(controller_module, "LOG_READ_DELAY_MS", 50)
    path = tmp_path / "plan.revorg"
    with PlanDocument.from_template("demo", 2027) as document:
        editor = PlanEditor(document)
        attach_recorder(editor, "Ana")
        for leads in range(301, 321):
            editor.perform(requests.set_target(editor, "leads", leads))
        editor.perform(requests.set_target(editor, "goal", Decimal(1_100_000)))
        document.save_as(path)
    document = PlanDocument.open(path)
    controller = PlanController(document)
    assert steps_in_memory(document) == 1  # opened without its log
    qtbot.waitUntil(lambda: steps_in_memory(document) == 21)
    controller.replace_document(PlanDocument.from_template("blank", 2027))  # closes it
