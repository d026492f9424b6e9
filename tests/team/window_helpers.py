"""Windows on team plans for the tests: a MainWindow per teammate on one URL, each with its own
name in the plan's log (two windows of one process share one Preferences)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication, QMessageBox

from revorg.gui.application import make_application
from revorg.gui.i18n import apply_language
from revorg.gui.window.main_window import MainWindow
from revorg.model.editing import PlanEditor
from revorg.model.team.address import parse_plan_url
from revorg.model.team.document import open_team_plan
from revorg.model.team.session import TeamSession


def isolate_qt() -> None:
    # Settings and autosave folders go to Qt's test locations, never the user's own.
    QStandardPaths.setTestModeEnabled(True)
    make_application()
    QApplication.setOrganizationName("RevOrgTests")
    apply_language("en")  # English's plural forms ("1 change", "2 changes")


@contextlib.contextmanager
def team_window(url: str, who: str, qtbot) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    session = TeamSession.open(parse_plan_url(url), who)
    window = MainWindow(session.document)
    window.team.show_session(session)
    window.files.ask_unsaved = lambda *_args: QMessageBox.StandardButton.Discard
    window.show()
    qtbot.waitExposed(window)
    try:
        yield window
    finally:
        window.close()
        window.deleteLater()


def by_title(editor: PlanEditor, title: str) -> int:
    return next(row.id for row in editor.positions().values() if row.title == title)


def server_titles(url: str) -> dict[int, str]:
    """Every card's title as the server has it now (a fresh read)."""
    with open_team_plan(parse_plan_url(url)) as document:
        editor = PlanEditor(document)
        return {row.id: row.title for row in editor.positions().values()}


def two_steps_with_a_gap(ana: MainWindow, admin: Callable[[str], object]) -> None:
    """Ana retitles VP Marketing then VP Sales; the first of her two steps is then compacted
    away on the server (`admin`: SQL as its administrator), so that the log cannot bring
    another window's copy up: it is read again whole."""
    editor = ana.controller.editor
    ana.controller.edit(by_title(editor, "VP Marketing"), {"title": "Chief Marketing Officer"})
    ana.controller.edit(by_title(editor, "VP Sales"), {"title": "Chief Sales Officer"})
    schema = ana.controller.document.registered.schema
    first = ana.controller.document.version - 1
    admin(f'DELETE FROM "{schema}".history_changes WHERE step_id = {first}')
    admin(f'DELETE FROM "{schema}".history_steps WHERE id = {first}')
