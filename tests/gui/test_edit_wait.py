"""What comes while an edit waits for its team server (revorg.gui.edit_wait): another edit is
made after the wait, on the plan as it is then; one the plan no longer allows is told as a
failed edit. No server: the wait is entered by hand, as the window's wait does."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from revorg.gui.controller import PlanController
from revorg.gui.edit_wait import edit_waiting, edit_waits
from revorg.model.document import PlanDocument
from revorg.model.editing import requests


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _by_title(controller: PlanController, title: str) -> int:
    return next(r.id for r in controller.editor.positions().values() if r.title == title)


def test_an_edit_asked_for_during_a_wait_is_made_after_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    controller = PlanController(PlanDocument.from_template("demo", 2027))
    card = _by_title(controller, "VP Sales")
    with edit_waiting() as outermost:
        assert outermost and edit_waits()
        assert controller.edit(card, {"title": "Chief Sales Officer"})
        assert controller.editor.positions()[card].title == "VP Sales"  # not yet
        assert controller.undo_stack.count() == 0
    assert not edit_waits()
    _settle()
    assert controller.editor.positions()[card].title == "Chief Sales Officer"
    assert controller.undo_stack.count() == 1


def test_an_edit_the_plan_no_longer_allows_after_the_wait_is_a_failed_edit(qtbot) -> None:  # type: ignore[no-untyped-def]
    controller = PlanController(PlanDocument.from_template("demo", 2027))
    failures: list[str] = []
    controller.edit_failed.connect(failures.append)
    sales, marketing = _by_title(controller, "VP Sales"), _by_title(controller, "VP Marketing")
    move = requests.move(controller.editor, sales, marketing)  # asked for during the wait
    with edit_waiting():
        assert controller.push(move)
        # Meanwhile the edit that waited made the move a cycle: VP Marketing under VP Sales.
    controller.editor.perform(requests.move(controller.editor, marketing, sales))
    _settle()
    assert len(failures) == 1 and failures[0]  # said, not raised from the event loop
    assert controller.editor.positions()[sales].manager_id != marketing
