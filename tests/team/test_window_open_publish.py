"""File > Open team plan… and File > Publish to team server… driven in the window (the dialogs
answered by the test, never modal), the password asked when the server wants one, the recent
list holding the URL without the password, Save and Save As on a team plan, `revorg URL`."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from revorg.gui.settings import AppSettings
from revorg.gui.team.dialogs import OpenTeamPlanDialog, PublishDialog
from revorg.gui.window.main_window import MainWindow
from revorg.model.document import PlanDocument
from revorg.model.team.address import TeamPlanAddress, parse_plan_url
from revorg.model.team.session import plans_on_server
from tests.conftest import CliRunner
from tests.team.conftest import TeamServer
from tests.team.window_helpers import by_title, isolate_qt, server_titles


@pytest.fixture(scope="module", autouse=True)
def qt_locations() -> None:
    isolate_qt()


@pytest.fixture
def file_window(qtbot) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    window = MainWindow(PlanDocument.from_template("demo", 2027))
    window.files.ask_unsaved = lambda *_args: QMessageBox.StandardButton.Discard
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
    window.deleteLater()


def answering(answer: Callable[[QDialog], None]) -> Callable[[QDialog], int]:
    """A run_dialog that fills the dialog as a user would and presses OK."""

    def run(dialog: QDialog) -> int:
        answer(dialog)
        return int(QDialog.DialogCode.Accepted)

    return run


def test_open_team_plan_lists_the_servers_plans_and_opens_the_chosen_one(
    file_window: MainWindow, run_cli: CliRunner, team: TeamServer, plan_name: str, demo_file: Path
) -> None:
    url = team.url(plan_name)
    assert run_cli("push", demo_file, url).code == 0
    listed: list[str] = []

    def choose(dialog: QDialog) -> None:
        assert isinstance(dialog, OpenTeamPlanDialog)
        dialog.url_edit.setText(team.server_url())
        listed.extend(dialog.list_plans())
        row = listed.index(plan_name)
        dialog.plans.setCurrentRow(row)

    file_window.team.run_dialog = answering(choose)
    file_window.team.open_dialog()

    assert plan_name in listed
    assert file_window.controller.team is not None
    assert file_window.controller.team.address.plan == plan_name
    assert f"team plan {plan_name} on 127.0.0.1:{team.port}/revorg" in file_window.windowTitle()
    # Editing it sends the edit; Save says there is nothing to save.
    card = by_title(file_window.controller.editor, "VP Sales")
    file_window.controller.edit(card, {"title": "Chief Sales Officer"})
    assert server_titles(url)[card] == "Chief Sales Officer"
    assert not file_window.files.is_modified()
    assert file_window.files.save()
    assert file_window.statusBar().currentMessage() == (
        "Saved on the server: each change is sent as you make it."
    )


def test_a_password_is_asked_when_the_server_wants_one_and_the_recent_list_has_no_password(
    file_window: MainWindow,
    run_cli: CliRunner,
    team: TeamServer,
    plan_name: str,
    demo_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    caplog.set_level(logging.DEBUG)  # every logger, the drivers' too, as verbose as they go
    url = team.url(plan_name)
    assert run_cli("push", demo_file, url).code == 0
    monkeypatch.delenv("PGPASSFILE")  # libpq has no password now, nor the keyring
    monkeypatch.setenv("PGPASSFILE", "/nonexistent/pgpass")
    asked: list[TeamPlanAddress] = []

    def ask(address: TeamPlanAddress) -> tuple[str, bool]:
        asked.append(address)
        return team.password, False

    file_window.team.ask_password = ask
    assert file_window.team.open_url(url)
    assert [address.plan for address in asked] == [plan_name]
    recent = AppSettings().recent_entries()
    assert recent[0] == parse_plan_url(url).shown()
    assert all(team.password not in entry for entry in recent)

    # A URL written with its password is opened, and remembered without it.
    with_password = url.replace("revorg@", f"revorg:{team.password}@")
    file_window.files.replace_document(PlanDocument.from_template("demo", 2027))
    assert file_window.team.open_url(with_password)
    recent = AppSettings().recent_entries()
    assert recent[0] == url
    assert all(team.password not in entry for entry in recent)
    # Edited, its connection then lost and the edit kept: nothing logged names the password.
    card = by_title(file_window.controller.editor, "VP Sales")
    file_window.controller.edit(card, {"title": "Chief Sales Officer"})
    session = file_window.team.session
    assert session is not None and session.link._connection is not None
    pid = session.link._connection.connection.driver_connection.info.backend_pid
    team.admin(f"SELECT pg_terminate_backend({pid})")
    file_window.controller.edit(card, {"title": "Head of Sales"})
    qtbot.waitUntil(file_window.team.unreachable.isVisible)
    assert caplog.records  # the drivers and RevOrg did log
    assert team.password not in caplog.text


def test_a_refused_password_leaves_the_window_on_its_plan_with_one_message(
    file_window: MainWindow,
    team: TeamServer,
    plan_name: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PGPASSFILE", "/nonexistent/pgpass")
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    file_window.team.ask_password = lambda _address: ("wrong", False)
    before = file_window.controller.document
    assert not file_window.team.open_url(team.url(plan_name))
    assert file_window.controller.document is before and file_window.controller.team is None
    assert warnings == [
        f"authentication failed for user revorg on 127.0.0.1:{team.port}/revorg: check the "
        "password (PGPASSWORD, ~/.pgpass or the system keyring)"
    ]


def test_publish_puts_the_open_plan_on_the_server_and_the_window_on_it(
    file_window: MainWindow, team: TeamServer, plan_name: str, tmp_path: Path
) -> None:
    editor = file_window.controller.editor
    card = by_title(editor, "VP Sales")
    file_window.controller.edit(card, {"title": "Head of Revenue"})  # unsaved: published too

    def where(dialog: QDialog) -> None:
        assert isinstance(dialog, PublishDialog)
        assert dialog.name_edit.text() == editor.document.plan.name  # offered by default
        dialog.server_edit.setText(team.server_url())
        dialog.name_edit.setText(plan_name)

    file_window.team.run_dialog = answering(where)
    file_window.team.publish_dialog()

    url = team.url(plan_name)
    assert plan_name in plans_on_server(parse_plan_url(url))
    assert server_titles(url)[card] == "Head of Revenue"
    assert file_window.controller.team is not None
    assert file_window.controller.team.address.shown() == url
    assert AppSettings().recent_entries()[0] == url
    # The window edits the team plan now.
    file_window.controller.edit(card, {"title": "Chief Revenue Officer"})
    assert server_titles(url)[card] == "Chief Revenue Officer"
    # Save As writes a local copy; the window stays on the team plan.
    copy = tmp_path / "copy.revorg"
    assert file_window.files.save_as(copy)
    assert file_window.controller.team is not None
    with PlanDocument.open(copy, for_editing=False) as document:
        titles = {p.title for p in document.scenario().positions}
    assert "Chief Revenue Officer" in titles


def test_the_command_line_takes_a_team_plans_url() -> None:
    from revorg.app import build_open_parser

    options = build_open_parser().parse_args(
        ["postgresql://ana@db.example.com:5433/revorg?plan=Acme%20FY27"]
    )
    assert options.file == parse_plan_url(
        "postgresql://ana@db.example.com:5433/revorg?plan=Acme%20FY27"
    )
    assert options.file.plan == "Acme FY27"


def test_the_app_started_with_a_url_shows_that_team_plan(
    run_cli: CliRunner,
    team: TeamServer,
    plan_name: str,
    demo_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QApplication

    from revorg.gui import application

    url = team.url(plan_name)
    assert run_cli("push", demo_file, url).code == 0
    monkeypatch.setattr(QApplication, "exec", lambda *_args: 0)  # no event loop: look at once
    monkeypatch.setattr(application, "install_crash_guard", lambda: None)  # pytest-qt's hook
    before = set(QApplication.topLevelWidgets())
    assert application.run_application(None, "en", team_address=parse_plan_url(url)) == 0
    shown = [
        widget
        for widget in QApplication.topLevelWidgets()
        if isinstance(widget, MainWindow) and widget not in before and widget.isVisible()
    ]
    assert len(shown) == 1
    window = shown[0]
    try:
        assert window.controller.team is not None
        assert window.controller.team.address.plan == plan_name
        assert f"team plan {plan_name} on 127.0.0.1:{team.port}/revorg" in window.windowTitle()
    finally:
        window.close()
        window.deleteLater()
