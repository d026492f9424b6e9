"""An edit whose answer from the team server is slow (a host dropping packets) does not freeze
the window: it paints, says what it waits for, and holds back what could touch the plan
halfway through the edit until the answer came (revorg.gui.team.server_wait). A real server;
the slowness is a send held back on its worker thread until the window has been looked at."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication

from revorg.gui.edit_wait import edit_waits
from revorg.gui.team import server_wait
from revorg.gui.team.background import BackgroundCall
from revorg.gui.window.main_window import MainWindow
from revorg.model.team.editing import TeamLink, open_team_editor
from revorg.model.team.live import LivePlan
from revorg.model.team.sending import Sender
from tests.conftest import CliRunner
from tests.team.conftest import TeamServer
from tests.team.window_helpers import (
    by_title,
    isolate_qt,
    server_titles,
    team_window,
    two_steps_with_a_gap,
)


@pytest.fixture(scope="module", autouse=True)
def qt_locations() -> None:
    isolate_qt()


@contextlib.contextmanager
def log_locked(team: TeamServer, schema: str) -> Iterator[None]:
    """Another session (an administrator's psql left in a transaction) holding the plan's log
    locked, until the block ends."""
    import psycopg

    with psycopg.connect(
        host="127.0.0.1", port=team.port, user="revorg", password=team.password, dbname="revorg"
    ) as holder:
        holder.execute(f'LOCK TABLE "{schema}".history_chain IN EXCLUSIVE MODE')
        try:
            yield
        finally:
            holder.rollback()


def assert_sent_by_the_retry(  # type: ignore[no-untyped-def]
    window: MainWindow, url: str, card: int, title: str, qtbot
) -> None:
    """The edit was rolled back here and kept, the banner says so; the retry sends it."""
    assert window.controller.editor.positions()[card].title != title
    qtbot.waitUntil(window.team.unreachable.isVisible)
    assert "1 change waiting" in window.team.unreachable.label.text()
    qtbot.waitUntil(lambda: server_titles(url)[card] == title, timeout=15_000)
    qtbot.waitUntil(lambda: not window.team.unreachable.isVisible())
    assert window.controller.editor.positions()[card].title == title


class _Midway(QObject):
    """Emitted by the worker thread before it talks to the server; `look` runs on the window's
    thread, inside the wait, then lets the call go on."""

    reached = Signal()


def _held_back(
    monkeypatch: pytest.MonkeyPatch, owner: type, name: str
) -> Iterator[Callable[[Callable[[], None]], None]]:
    """`hold(look)`: the next calls of `owner.name` made on a worker thread wait there until
    `look` (run on the window's thread during the wait) has returned."""
    midway = _Midway()
    released = threading.Event()
    looks: list[Callable[[], None]] = []

    def look() -> None:
        try:
            looks.pop(0)()
        finally:
            released.set()

    midway.reached.connect(look, Qt.ConnectionType.QueuedConnection)
    original = getattr(owner, name)

    def held(self: object, *args: Any, **kwargs: Any) -> Any:
        if looks and threading.current_thread() is not threading.main_thread():
            released.clear()
            midway.reached.emit()
            assert released.wait(10), "the window's thread never looked during the wait"
        return original(self, *args, **kwargs)

    monkeypatch.setattr(owner, name, held)
    yield looks.append
    assert not looks, f"{name} expected to be slow never went to a worker thread"


@pytest.fixture
def slow_send(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[Callable[[], None]], None]]:
    """`slow_send(look)`: the next send waits until `look` has looked at the window."""
    yield from _held_back(monkeypatch, Sender, "send")


@pytest.fixture
def slow_catch_up(
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Callable[[Callable[[], None]], None]]:
    """`slow_catch_up(look)`: the next read of teammates' steps waits until `look` looked."""
    yield from _held_back(monkeypatch, LivePlan, "_read_server")


@pytest.fixture
def slow_read(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[Callable[[], None]], None]]:
    """`slow_read(look)`: the next read of the plan again waits until `look` has looked."""
    yield from _held_back(monkeypatch, TeamLink, "_read_now")


def test_a_slow_answer_keeps_the_window_painting_and_holds_back_what_touches_the_plan(
    published: str,
    slow_send: Callable[[Callable[[], None]], None],
    qtbot,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    order: list[str] = []
    with team_window(published, "Ana", qtbot) as ana:
        card = by_title(ana.controller.editor, "VP Sales")
        other = by_title(ana.controller.editor, "Head of RevOps")
        # A timer (as autosave, the history's check, the chart's idle work) and a worker's
        # answer (as the heartbeat's) that come while the edit waits.
        ticks = QTimer(ana)
        ticks.setInterval(0)
        ticks.timeout.connect(lambda: order.append("timer"))
        answer_may_come = threading.Event()
        worker_call = BackgroundCall(ana, lambda _result: order.append("worker's answer"),
                                     lambda _result: None, "test-worker")  # fmt: skip
        seen: dict[str, object] = {}

        def look() -> None:
            order.append("painting while waiting")
            seen["waiting"] = edit_waits()
            seen["message"] = ana.statusBar().currentMessage()
            cursor = QApplication.overrideCursor()
            seen["cursor"] = None if cursor is None else cursor.shape()
            seen["closed"] = ana.close()  # refused until the answer came
            # A field committed meanwhile (the window lost the focus): made after the wait.
            seen["second edit"] = ana.controller.edit(other, {"title": "Head of Sales"})
            seen["second card then"] = ana.controller.editor.positions()[other].title
            ana.grab().save(str(tmp_path / "waiting.png"))
            ticks.start()
            answer_may_come.set()
            # The timer's ticks and the worker's answer arrive meanwhile, held back (qtbot.wait
            # would wait for a timer of its own: held too).
            until = time.monotonic() + 0.15
            while time.monotonic() < until:
                QApplication.processEvents()
                time.sleep(0.01)

        slow_send(look)
        worker_call.start(lambda: answer_may_come.wait(10) and "beat")
        assert ana.controller.edit(card, {"title": "Chief Sales Officer"})
        order.append("edit kept")
        qtbot.waitUntil(lambda: "worker's answer" in order and "timer" in order)
        ticks.stop()

        assert order[:2] == ["painting while waiting", "edit kept"]
        assert seen == {
            "waiting": True,
            "message": f"Waiting for the team server {ana.team.session.address.server} to answer…",
            "cursor": Qt.CursorShape.BusyCursor,
            "closed": False,
            "second edit": True,
            "second card then": "Head of RevOps",
        }
        assert ana.isVisible()
        assert not edit_waits()
        assert QApplication.overrideCursor() is None
        assert ana.statusBar().currentMessage() != seen["message"]
        assert ana.controller.editor.positions()[card].title == "Chief Sales Officer"
        assert server_titles(published)[card] == "Chief Sales Officer"
        assert (tmp_path / "waiting.png").stat().st_size > 0
        # The field committed during the wait, made after it: one more step of its own.
        qtbot.waitUntil(lambda: server_titles(published)[other] == "Head of Sales")
        assert ana.controller.editor.positions()[other].title == "Head of Sales"
        assert ana.controller.undo_stack.count() == 2


def test_a_connection_lost_during_a_slow_answer_keeps_the_edit_and_sends_it_later(
    published: str,
    team: TeamServer,
    slow_send: Callable[[Callable[[], None]], None],
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    with team_window(published, "Ana", qtbot) as ana:
        card = by_title(ana.controller.editor, "VP Sales")

        def cut(window: MainWindow = ana) -> None:
            # The server ends the edit's connection while its send waits (as a host whose
            # connection timed out): the send fails on its worker thread.
            session = window.team.session
            assert session is not None
            connection = session.link._connection
            assert connection is not None
            pid = connection.connection.driver_connection.info.backend_pid
            team.admin(f"SELECT pg_terminate_backend({pid})")

        slow_send(cut)
        ana.controller.edit(card, {"title": "Chief Sales Officer"})
        # Not applied only here: rolled back, kept, said; sent once the server answers again.
        assert_sent_by_the_retry(ana, published, card, "Chief Sales Officer", qtbot)


@pytest.mark.parametrize("who_gives_up", ["the server's lock_timeout", "the window's patience"])
def test_an_edit_behind_a_lock_another_session_holds_waits_and_is_sent_once_it_is_gone(
    published: str,
    team: TeamServer,
    qtbot,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
    who_gives_up: str,
) -> None:
    from revorg.model.team import server

    # Another session holds the plan's log locked (an administrator's psql left in a
    # transaction): the server takes the send and does not answer, and no TCP timeout finds
    # it. The server refuses after its lock_timeout (10 s; read at each log-in); the window
    # cuts the connection after its patience (20 s) whatever it waits for. Each set to 1 s.
    if who_gives_up == "the window's patience":
        monkeypatch.setattr(server_wait, "PATIENCE_SECONDS", 1.0)
    else:
        monkeypatch.setattr(server, "LOCK_TIMEOUT", "1s")
    with team_window(published, "Ana", qtbot) as ana:
        card = by_title(ana.controller.editor, "VP Sales")
        session = ana.team.session
        assert session is not None
        with log_locked(team, session.document.registered.schema):
            started = time.monotonic()
            ana.controller.edit(card, {"title": "Chief Sales Officer"})
            waited = time.monotonic() - started
            assert 1.0 <= waited < 5.0  # given up on
            qtbot.waitUntil(ana.team.unreachable.isVisible)
        # The lock gone, the retry sends the kept edit.
        assert_sent_by_the_retry(ana, published, card, "Chief Sales Officer", qtbot)


def test_a_retry_behind_a_lock_still_held_holds_the_window_briefly_and_waits_longer_next(
    published: str,
    team: TeamServer,
    qtbot,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from revorg.gui.team.resending import RETRY_INTERVAL_MS, Resending
    from revorg.model.team import server

    monkeypatch.setattr(server, "LOCK_TIMEOUT", "1s")  # the edit itself gives up quickly
    retries: list[float] = []
    send_waiting = Resending._send_waiting

    def timed(resending: Resending, session: Any) -> None:
        started = time.monotonic()
        send_waiting(resending, session)
        retries.append(time.monotonic() - started)

    monkeypatch.setattr(Resending, "_send_waiting", timed)
    with team_window(published, "Ana", qtbot) as ana:
        card = by_title(ana.controller.editor, "VP Sales")
        session = ana.team.session
        assert session is not None
        with log_locked(team, session.document.registered.schema):
            ana.controller.edit(card, {"title": "Chief Sales Officer"})
            qtbot.waitUntil(ana.team.unreachable.isVisible)
            # The retry logs in again with the usual 10 s, but waits 1.5 s for the lock.
            monkeypatch.setattr(server, "LOCK_TIMEOUT", "10s")
            ana.team.resending.retry()
            qtbot.waitUntil(lambda: bool(retries), timeout=15_000)
            assert 1.4 <= retries[0] < 5.0
            assert ana.team.unreachable.isVisible()
            assert ana.team.resending.timer.interval() == 2 * RETRY_INTERVAL_MS
        ana.team.resending.retry()  # the lock gone: "Try now"
        assert_sent_by_the_retry(ana, published, card, "Chief Sales Officer", qtbot)


def test_a_command_line_edit_behind_a_held_lock_is_one_error_line(
    published: str,
    team: TeamServer,
    run_cli: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from revorg.model.team import server
    from revorg.model.team.address import parse_plan_url
    from revorg.model.team.document import open_team_plan

    monkeypatch.setattr(server, "LOCK_TIMEOUT", "1s")
    with open_team_plan(parse_plan_url(published)) as document:
        schema = document.registered.schema
    with log_locked(team, schema):
        result = run_cli("targets", published, "--goal", "2000000", "--who", "Ana")
    assert result.code == 2
    assert result.err.count("\n") == 1 and result.err.startswith("error: ")
    assert "is busy: another session has held what this needs for over 1s" in result.err
    assert "Traceback" not in result.err


def test_the_plan_read_again_after_a_refusal_waits_off_the_windows_thread(
    published: str,
    team: TeamServer,
    slow_read: Callable[[Callable[[], None]], None],
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    with team_window(published, "Ana", qtbot) as ana, team_window(published, "Bo", qtbot) as bo:
        sales = by_title(bo.controller.editor, "VP Sales")
        marketing = by_title(bo.controller.editor, "VP Marketing")
        document = bo.controller.document
        two_steps_with_a_gap(ana, team.admin)
        seen: dict[str, object] = {}

        def look() -> None:
            seen["message"] = bo.statusBar().currentMessage()
            seen["document then"] = bo.controller.document is document
            # A field committed meanwhile: made on the plan read again, after it.
            seen["edit"] = bo.controller.edit(marketing, {"title": "CMO"})

        slow_read(look)
        bo.controller.edit(sales, {"title": "Head of Sales"})
        qtbot.waitUntil(bo.team.refused.isVisible)
        assert seen == {
            "message": f"Waiting for the team server {bo.team.session.address.server} to answer…",
            "document then": True,
            "edit": True,
        }
        assert bo.controller.document is not document  # read again whole
        assert bo.controller.editor.positions()[sales].title == "Chief Sales Officer"
        qtbot.waitUntil(lambda: server_titles(published)[marketing] == "CMO")
        assert bo.controller.editor.positions()[marketing].title == "CMO"


def test_a_teammates_step_read_slowly_keeps_the_window_painting(
    published: str,
    slow_catch_up: Callable[[Callable[[], None]], None],
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    from revorg.model.editing import requests
    from revorg.model.team.address import parse_plan_url

    with team_window(published, "Bo", qtbot) as bo:
        sales = by_title(bo.controller.editor, "VP Sales")
        marketing = by_title(bo.controller.editor, "VP Marketing")
        seen: dict[str, object] = {}

        def look() -> None:
            seen["message"] = bo.statusBar().currentMessage()
            seen["edit"] = bo.controller.edit(marketing, {"title": "CMO"})  # made after

        slow_catch_up(look)
        with open_team_editor(parse_plan_url(published), "Ana") as (_, ana):
            edit = requests.edit_fields(ana, sales, {"title": "Chief Sales Officer"})
            assert edit is not None
            ana.perform(edit)
        qtbot.waitUntil(
            lambda: bo.controller.editor.positions()[sales].title == "Chief Sales Officer"
        )
        assert seen == {
            "message": f"Waiting for the team server {bo.team.session.address.server} to answer…",
            "edit": True,
        }
        qtbot.waitUntil(lambda: server_titles(published)[marketing] == "CMO")
        assert bo.controller.editor.positions()[marketing].title == "CMO"
