"""The team server stopped and started again while a window edits its plan: the window says so,
keeps the user's edits (not applied only locally), and sends them once the server is back. A
cluster of its own (scripts/team-server in another folder): stopping the session's cluster would
break the other tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from revorg.gui.window.main_window import MainWindow
from revorg.model.editing import requests
from revorg.model.editing.change import Direction
from revorg.model.team.address import parse_plan_url
from revorg.model.team.editing import open_team_editor
from tests.conftest import CliRunner
from tests.team.conftest import SCRIPT, TeamServer
from tests.team.window_helpers import by_title, isolate_qt, server_titles, team_window


@pytest.fixture(scope="module", autouse=True)
def qt_locations() -> None:
    isolate_qt()


class Cluster:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.environment = {**os.environ, "TEAM_SERVER_DIR": str(folder)}

    def run(self, command: str) -> None:
        done = subprocess.run(
            [str(SCRIPT), command],
            env=self.environment,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr

    @property
    def port(self) -> int:
        return int((self.folder / "port").read_text())


@pytest.fixture
def own_cluster(team_server: TeamServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[Cluster]:
    # team_server first: it skips (or fails in CI) without PostgreSQL, with the reason.
    folder = Path(tempfile.mkdtemp(prefix="revorg-restart-server-"))
    folder.chmod(0o755)
    cluster = Cluster(folder)
    try:
        cluster.run("start")
        monkeypatch.setenv("PGPASSFILE", str(folder / "pgpass"))
        monkeypatch.delenv("PGPASSWORD", raising=False)
        monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
        yield cluster
    finally:
        subprocess.run(
            [str(SCRIPT), "stop"], env=cluster.environment, capture_output=True, check=False
        )
        shutil.rmtree(folder, ignore_errors=True)


def retried(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The banner's retry, its check of the server (on a worker thread) answered."""
    window.team.retry()
    qtbot.waitUntil(lambda: not window.team.checking, timeout=15_000)


def test_server_stopped_mid_session_edits_wait_with_a_banner_and_are_sent_after_restart(
    own_cluster: Cluster,
    run_cli: CliRunner,
    demo_file: Path,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    url = f"postgresql://revorg@127.0.0.1:{own_cluster.port}/revorg?plan=Restart%20FY27"
    assert run_cli("push", demo_file, url).code == 0
    with team_window(url, "Ana", qtbot) as window:
        editor = window.controller.editor
        sales = by_title(editor, "VP Sales")
        marketing = by_title(editor, "VP Marketing")
        port = own_cluster.port
        own_cluster.run("stop")

        window.controller.edit(sales, {"title": "Chief Sales Officer"})
        banner = window.team.unreachable
        qtbot.waitUntil(banner.isVisible)
        assert banner.label.text().startswith("The team server cannot be reached; 1 change waiting")
        # Kept, not applied only here: the card shows what the server has, nothing to undo.
        assert editor.positions()[sales].title == "VP Sales"
        assert window.controller.undo_stack.count() == 0
        assert window.team.retry_timer.isActive()

        # A second edit waits behind the first, without trying the server again.
        window.controller.edit(marketing, {"title": "Chief Marketing Officer"})
        qtbot.waitUntil(lambda: "2 changes waiting" in banner.label.text())
        retried(window, qtbot)  # the timer's call: still away, still waiting
        assert banner.isVisible() and len(window.controller.team.waiting) == 2

        own_cluster.run("start")
        assert own_cluster.port == port  # the same URL as before
        retried(window, qtbot)
        assert not banner.isVisible()
        assert not window.team.retry_timer.isActive()
        assert editor.positions()[sales].title == "Chief Sales Officer"
        assert window.controller.undo_stack.count() == 2  # each one the user's own step
        titles = server_titles(url)
        assert titles[sales] == "Chief Sales Officer"
        assert titles[marketing] == "Chief Marketing Officer"


def test_a_waiting_edit_that_a_teammate_overtook_is_reported_as_refused_after_the_restart(
    own_cluster: Cluster,
    run_cli: CliRunner,
    demo_file: Path,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    url = f"postgresql://revorg@127.0.0.1:{own_cluster.port}/revorg?plan=Overtaken%20FY27"
    assert run_cli("push", demo_file, url).code == 0
    with team_window(url, "Ana", qtbot) as window:
        sales = by_title(window.controller.editor, "VP Sales")
        own_cluster.run("stop")
        window.controller.edit(sales, {"title": "Chief Sales Officer"})
        qtbot.waitUntil(window.team.unreachable.isVisible)

        own_cluster.run("start")
        with open_team_editor(parse_plan_url(url), "Bo") as (_, bo):  # Bo is quicker
            bo.perform(requests.edit_fields(bo, sales, {"title": "Head of Sales"}))
        retried(window, qtbot)
        qtbot.waitUntil(window.team.refused.isVisible)
        assert not window.team.unreachable.isVisible()
        assert "Bo changed Head of Sales’s title at " in window.team.refused.label.text()
        assert window.controller.editor.positions()[sales].title == "Head of Sales"
        # Ana's value is still offered, not lost.
        window.team.refused.action_button.click()
        assert server_titles(url)[sales] == "Chief Sales Officer"


def test_an_undo_made_while_the_server_is_away_waits_and_is_sent_after_the_restart(
    own_cluster: Cluster,
    run_cli: CliRunner,
    demo_file: Path,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    url = f"postgresql://revorg@127.0.0.1:{own_cluster.port}/revorg?plan=Undo%20away%20FY27"
    assert run_cli("push", demo_file, url).code == 0
    with team_window(url, "Ana", qtbot) as window:
        editor, stack = window.controller.editor, window.controller.undo_stack
        sales = by_title(editor, "VP Sales")
        marketing = by_title(editor, "VP Marketing")
        window.controller.edit(sales, {"title": "Chief Sales Officer"})
        own_cluster.run("stop")

        stack.undo()
        banner = window.team.unreachable
        qtbot.waitUntil(banner.isVisible)
        assert banner.label.text().startswith("The team server cannot be reached; 1 change waiting")
        (waiting,) = window.controller.team.waiting
        assert waiting.direction == Direction.UNDO
        # Not undone only here: the card keeps what the server has.
        assert editor.positions()[sales].title == "Chief Sales Officer"
        # An edit made after it waits behind it.
        window.controller.edit(marketing, {"title": "Chief Marketing Officer"})
        qtbot.waitUntil(lambda: "2 changes waiting" in banner.label.text())

        own_cluster.run("start")
        retried(window, qtbot)
        assert not banner.isVisible()
        assert editor.positions()[sales].title == "VP Sales"
        titles = server_titles(url)
        assert titles[sales] == "VP Sales"  # the undo reached the server, in order
        assert titles[marketing] == "Chief Marketing Officer"
        # The undo is a step of its own: undoing it applies the edit again, on the server too.
        assert stack.count() == 2 and stack.text(0) == "Undone: Edit VP Sales"
        stack.undo()
        stack.undo()
        qtbot.wait(0)
        assert not window.team.refused.isVisible()
        assert server_titles(url)[sales] == "Chief Sales Officer"


def test_an_undo_that_waited_is_refused_with_the_teammates_name_if_they_changed_the_field(
    own_cluster: Cluster,
    run_cli: CliRunner,
    demo_file: Path,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    url = f"postgresql://revorg@127.0.0.1:{own_cluster.port}/revorg?plan=Undo%20overtaken"
    assert run_cli("push", demo_file, url).code == 0
    with team_window(url, "Ana", qtbot) as window:
        sales = by_title(window.controller.editor, "VP Sales")
        window.controller.edit(sales, {"title": "Chief Sales Officer"})
        own_cluster.run("stop")
        window.controller.undo_stack.undo()
        qtbot.waitUntil(window.team.unreachable.isVisible)

        own_cluster.run("start")
        with open_team_editor(parse_plan_url(url), "Bo") as (_, bo):  # Bo is quicker
            bo.perform(requests.edit_fields(bo, sales, {"title": "Head of Sales"}))
        retried(window, qtbot)
        qtbot.waitUntil(window.team.refused.isVisible)
        text = window.team.refused.label.text()
        assert text.startswith("Undo refused: Bo changed Head of Sales’s title at ")
        assert not window.team.unreachable.isVisible()
        # Bo's value stands, on the server and on screen.
        assert server_titles(url)[sales] == "Head of Sales"
        assert window.controller.editor.positions()[sales].title == "Head of Sales"


def test_a_redo_made_while_the_server_is_away_waits_and_is_sent_after_the_restart(
    own_cluster: Cluster,
    run_cli: CliRunner,
    demo_file: Path,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    url = f"postgresql://revorg@127.0.0.1:{own_cluster.port}/revorg?plan=Redo%20away%20FY27"
    assert run_cli("push", demo_file, url).code == 0
    with team_window(url, "Ana", qtbot) as window:
        editor, stack = window.controller.editor, window.controller.undo_stack
        sales = by_title(editor, "VP Sales")
        window.controller.edit(sales, {"title": "Chief Sales Officer"})
        stack.undo()
        assert server_titles(url)[sales] == "VP Sales"
        own_cluster.run("stop")

        stack.redo()
        qtbot.waitUntil(window.team.unreachable.isVisible)
        (waiting,) = window.controller.team.waiting
        assert waiting.direction == Direction.REDO
        assert editor.positions()[sales].title == "VP Sales"  # not redone only here

        own_cluster.run("start")
        retried(window, qtbot)
        assert not window.team.unreachable.isVisible()
        assert editor.positions()[sales].title == "Chief Sales Officer"
        assert server_titles(url)[sales] == "Chief Sales Officer"
        assert stack.text(stack.count() - 1) == "Edit VP Sales" and stack.canUndo()
