"""A team server whose host does not answer (it drops packets): the window's retry tries it on
a worker thread, so the window stays responsive for the whole connect timeout, and the waiting
edit is sent over the connection the check made once the server answers again."""

from __future__ import annotations

import dataclasses
import socket
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer

from tests.team.window_helpers import by_title, isolate_qt, server_titles, team_window


@pytest.fixture(scope="module", autouse=True)
def qt_locations() -> None:
    isolate_qt()


@pytest.fixture
def silent_port() -> Iterator[tuple[socket.socket, int]]:
    """A port whose connections the kernel completes but nobody ever answers: libpq waits for
    the server's first reply until its connect timeout, as behind a firewall that drops."""
    listening = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listening.bind(("127.0.0.1", 0))
    listening.listen(8)
    try:
        yield listening, listening.getsockname()[1]
    finally:
        listening.close()


def test_the_retry_tries_a_silent_server_off_the_windows_thread_and_sends_once_it_answers(
    published: str,
    silent_port: tuple[socket.socket, int],
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    listening, port = silent_port
    with team_window(published, "Ana", qtbot) as window:
        session = window.controller.team
        card = by_title(window.controller.editor, "VP Sales")
        # The server's host stops answering: the link's connection is gone and the address
        # leads nowhere (the default connect timeout, 10 s, applies).
        real = session.link.address
        session.link.address = dataclasses.replace(real, port=port)
        session.link.drop_connection()

        # The edit waits at once, without trying the server on the window's thread.
        window.controller.edit(card, {"title": "Chief Sales Officer"})
        qtbot.waitUntil(window.team.unreachable.isVisible)
        assert len(session.waiting) == 1

        ticks: list[int] = []
        clock = QTimer(window)
        clock.setInterval(10)
        clock.timeout.connect(lambda: ticks.append(1))
        clock.start()
        window.team.retry()
        assert window.team.checking  # on its worker thread, waiting for the silent server
        # The window's event loop runs meanwhile: timers fire, the window repaints.
        qtbot.waitUntil(lambda: len(ticks) >= 20)
        window.repaint()
        assert window.team.checking
        window.team.retry()  # the timer's next call while the check runs: nothing more
        clock.stop()

        listening.close()  # the waiting connection reset: the check ends, unanswered
        qtbot.waitUntil(lambda: not window.team.checking, timeout=15_000)
        assert window.team.unreachable.isVisible() and len(session.waiting) == 1
        assert server_titles(published)[card] == "VP Sales"

        session.link.address = real  # the server answers again
        window.team.retry()
        qtbot.waitUntil(lambda: not window.team.unreachable.isVisible(), timeout=15_000)
        assert not session.waiting and not session.link.lost
        assert window.controller.editor.positions()[card].title == "Chief Sales Officer"
        assert server_titles(published)[card] == "Chief Sales Officer"
        assert window.controller.undo_stack.count() == 1
