"""Waiting for the team server's answer to an edit without freezing the window (issue 17).

A step is sent inside its edit's savepoint (revorg.model.team.editing): the edit core keeps or
rolls back the edit on the server's answer. Most answers come in a few milliseconds; a host
that starts dropping packets keeps the send waiting up to the connection's tcp_user_timeout
(10 s), and the window's thread used to wait with it: no paint, no word of what was going on.

`WindowServerWait` makes the call on a worker thread. An answer within QUIET_SECONDS is waited
for as before (nothing else runs meanwhile). After that the window goes on painting, the
status bar says what it waits for and the cursor is busy, while nothing that could touch the
plan halfway through its edit runs:
- user input and socket notifiers (the live link's notices) are left out of the events
  processed;
- timer events are held back by an application event filter: a timer held fires again at its
  next interval, after the wait (autosave, the history's check, the outline's filter, the
  chart's idle work, the heartbeat, the server's retry);
- results of worker threads (`BackgroundCall`) are handed over once the wait is over
  (`after_server_wait`);
- closing the window is refused until the answer came.
A host that drops packets fails the send after the connection's tcp_user_timeout (10 s); a
server that takes the data and never answers (another session holding the plan's log locked)
would keep the window waiting for ever: after PATIENCE_SECONDS the connection is cut
(`give_up`), the edit is rolled back and waits, as when the server went away, and the retry
sends it once the server answers.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

from revorg.gui.i18n import fill

Answer = TypeVar("Answer")

QUIET_SECONDS = 0.2  # an answer sooner than this is waited for without painting
# After this the connection is cut and the edit waits as when the server went away: beyond
# tcp_user_timeout (10 s: a host that drops packets is found by then), what is left is a
# server that takes the data and never answers, such as a lock another session holds.
PATIENCE_SECONDS = 20.0
POLL_SECONDS = 0.03  # how often the waiting window paints
_HELD_EVENTS = (QEvent.Type.Timer, QEvent.Type.ZeroTimerEvent)
_PAINT_ONLY = (
    QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents
    | QEventLoop.ProcessEventsFlag.ExcludeSocketNotifiers
)

_waits = 0  # waits in progress (on the window's thread)
_after: list[tuple[QObject, Callable[[], None]]] = []  # what came during one, for after it


def server_wait_active() -> bool:
    """Whether the window is waiting for the team server's answer to an edit."""
    return _waits > 0


def after_server_wait(context: QObject, call: Callable[[], None]) -> bool:
    """Keep `call` for after the wait when one is in progress (True; dropped if `context` is
    deleted first); else False: make it now."""
    if not _waits:
        return False
    _after.append((context, call))
    return True


class WindowServerWait(QObject):
    """`TeamLink.wait_for_server` for a window: the call on a worker thread, the window painting
    while it waits. `server` names the server in the status bar."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.server = ""

    def __call__(self, call: Callable[[], Answer], give_up: Callable[[], None]) -> Answer:
        answers: list[Answer] = []
        failures: list[BaseException] = []

        def work() -> None:
            try:
                answers.append(call())
            except BaseException as error:  # raised again on the window's thread
                failures.append(error)

        worker = threading.Thread(target=work, name="revorg-send", daemon=True)
        worker.start()
        worker.join(QUIET_SECONDS)
        if worker.is_alive():
            self._paint_until_done(worker, give_up)
        if failures:
            raise failures[0]
        return answers[0]

    def _paint_until_done(self, worker: threading.Thread, give_up: Callable[[], None]) -> None:
        global _waits
        application = QCoreApplication.instance()
        assert application is not None
        message = fill(self.tr("Waiting for the team server %1 to answer…"), self.server)
        bar = self.window.statusBar()
        _waits += 1
        application.installEventFilter(self)
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        bar.showMessage(message)
        patience = time.monotonic() + PATIENCE_SECONDS - QUIET_SECONDS
        try:
            while worker.is_alive():
                application.processEvents(_PAINT_ONLY)
                worker.join(POLL_SECONDS)
                if time.monotonic() > patience:
                    give_up()  # the call fails at once: the edit waits for the retry
                    patience = math.inf
        finally:
            application.removeEventFilter(self)
            QApplication.restoreOverrideCursor()
            if bar.currentMessage() == message:
                bar.clearMessage()
            _waits -= 1
            if not _waits:
                _hand_over_later()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _HELD_EVENTS:
            return True  # fires again at its next interval, after the wait
        if event.type() == QEvent.Type.Close and watched is self.window:
            event.ignore()  # the edit's answer first; the user may close then
            return True
        return False


def _hand_over_later() -> None:
    """What came during the wait, once the edit that waited is kept or rolled back: queued,
    so it runs after the code that made the edit returned to the event loop."""
    calls, _after[:] = list(_after), []
    for context, call in calls:
        QTimer.singleShot(0, context, call)
