"""Waiting for the team server's answer to an edit without freezing the window (issue 17).

A step is sent inside its edit's savepoint (revorg.model.team.editing): the edit core keeps or
rolls back the edit on the server's answer. Most answers come in a few milliseconds; a host
that starts dropping packets keeps the send waiting up to the connection's tcp_user_timeout
(10 s), and the window's thread used to wait with it: no paint, no word of what was going on.

`WindowServerWait` makes the call on a worker thread. An answer within QUIET_SECONDS is waited
for as before (nothing else runs meanwhile). After that the window goes on painting, the
status bar says what it waits for and the cursor is busy, while nothing that could touch the
plan halfway through its edit runs (revorg.gui.edit_wait says an edit waits):
- user input and socket notifiers (the live link's notices) are left out of the events
  processed;
- timer events are held back by an application event filter: a timer held fires again at its
  next interval, after the wait (autosave, the history's check, the outline's filter, the
  chart's idle work, the heartbeat, the server's retry);
- what still comes, is kept for after the wait (`after_edit_wait`): another edit (a field
  committed as the window loses focus: `PlanController.push`), the results of worker threads
  (`BackgroundCall`: the heartbeat's list, the server check), the History panel's refresh; the
  chart makes no card as it comes on screen (its rows are halfway);
- closing the window is refused until the answer came.
A host that drops packets fails the send after the connection's tcp_user_timeout (10 s); a
server that takes the data and never answers would keep the window waiting for ever: after
PATIENCE_SECONDS the connection is cut (`give_up`, again every CUT_AGAIN_SECONDS while the
call goes on), the edit is rolled back and waits, as when the server went away, and the retry
sends it once the server answers. (A lock on the plan's log held by another session is
refused by the server itself sooner: revorg.model.team.server, LOCK_TIMEOUT.)
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt
from PySide6.QtWidgets import QApplication, QMainWindow

from revorg.gui.edit_wait import edit_waiting
from revorg.gui.i18n import fill

Answer = TypeVar("Answer")

QUIET_SECONDS = 0.2  # an answer sooner than this is waited for without painting
# After this the connection is cut and the edit waits as when the server went away: beyond
# tcp_user_timeout (10 s: a host that drops packets is found by then), what is left is a
# server that takes the data and never answers, such as a lock another session holds.
PATIENCE_SECONDS = 20.0
CUT_AGAIN_SECONDS = 2.0  # a cut that found no connection (one was being made) is made again
POLL_SECONDS = 0.03  # how often the waiting window paints
_HELD_EVENTS = (QEvent.Type.Timer, QEvent.Type.ZeroTimerEvent)
_PAINT_ONLY = (
    QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents
    | QEventLoop.ProcessEventsFlag.ExcludeSocketNotifiers
)


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
        application = QCoreApplication.instance()
        assert application is not None
        message = fill(self.tr("Waiting for the team server %1 to answer…"), self.server)
        bar = self.window.statusBar()
        with edit_waiting() as outermost:
            if outermost:  # a filter is installed once, however many times asked
                application.installEventFilter(self)
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
            bar.showMessage(message)
            cut_at = time.monotonic() + PATIENCE_SECONDS - QUIET_SECONDS
            try:
                while worker.is_alive():
                    application.processEvents(_PAINT_ONLY)
                    worker.join(POLL_SECONDS)
                    if worker.is_alive() and time.monotonic() > cut_at:
                        give_up()  # the call fails at once: the edit waits for the retry
                        cut_at = time.monotonic() + CUT_AGAIN_SECONDS  # a connection made since
            finally:
                if outermost:
                    application.removeEventFilter(self)
                QApplication.restoreOverrideCursor()
                if bar.currentMessage() == message:
                    bar.clearMessage()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _HELD_EVENTS:
            return True  # fires again at its next interval, after the wait
        if event.type() == QEvent.Type.Close and watched is self.window:
            event.ignore()  # the edit's answer first; the user may close then
            return True
        return False
