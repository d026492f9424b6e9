"""Calls to the team server that may wait, made off the window's thread.

Connecting waits up to the connect timeout (10 s) when the server's host drops packets; on the
window's thread that froze the window each time the banner's retry ran, and at each heartbeat
of a live link that had lost its connection. Such a call (a new connection and a first query:
the driver and SQLAlchemy Core only, never the ORM or the plan's session) runs on a Python
worker thread; its result comes back to the window's thread as a queued signal, where what
uses it (the link adopting the connection, the waiting edits sent, the listener taken) runs.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from revorg.gui.edit_wait import after_edit_wait


class BackgroundCall(QObject):
    """One call at a time on a worker thread. `done(result)` runs on the window's thread
    (None: the call failed); `discard(result)` on the worker's, for a result nobody will take
    (the window closed meanwhile), to close what it opened."""

    _finished = Signal(object)  # emitted on the worker thread, queued to this object's

    def __init__(
        self,
        parent: QObject,
        done: Callable[[Any], None],
        discard: Callable[[Any], None],
        name: str,
    ) -> None:
        super().__init__(parent)
        self.running = False
        self._done = done
        self._discard = discard
        self._name = name
        self._finished.connect(self._finish, Qt.ConnectionType.QueuedConnection)

    def start(self, call: Callable[[], object]) -> bool:
        """Run `call` on a worker thread; False when the last one is still running."""
        if self.running:
            return False
        self.running = True
        threading.Thread(target=self._run, args=(call,), name=self._name, daemon=True).start()
        return True

    def _run(self, call: Callable[[], object]) -> None:
        # The call tells a failure in its result (None); anything it raises is a bug, told by
        # threading's excepthook, after the window learnt of a None (the retries go on).
        result = None
        try:
            result = call()
        finally:
            self._hand_over(result)

    def _hand_over(self, result: object) -> None:
        try:
            self._finished.emit(result)
        except RuntimeError:  # the window closed meanwhile: nobody will take the result
            if result is not None:
                self._discard(result)

    def _finish(self, result: object) -> None:
        # Its user (the heartbeat's list, a catch-up, the waiting edits sent) may touch the
        # plan: not while an edit waits for the server's answer.
        if after_edit_wait(self, lambda: self._finish(result)):
            return
        self.running = False
        self._done(result)
