"""The team server tried again off the window's thread.

Connecting may wait up to the connect timeout (10 s) when the server's host drops packets; on
the window's thread that froze the window each time the banner's retry ran. The check
(revorg.model.team.session.check_server: a new connection and `SELECT 1`, no ORM) runs on a
Python worker thread; its answer comes back to the window's thread as a queued signal, where
the link adopts the new connection and the waiting edits are sent (all session work stays on
the window's thread).
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal

if TYPE_CHECKING:
    from revorg.model.team.session import CheckedConnection, SessionLink


class ServerCheck(QObject):
    """One check at a time of a link's server. `answered(link, checked)` comes on the window's
    thread: `checked` is a CheckedConnection the receiver adopts or closes, or None when the
    server did not answer."""

    answered = Signal(object, object)
    _done = Signal(object, object)  # emitted on the worker thread, queued to this object's

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.running = False
        self._done.connect(self._finish, Qt.ConnectionType.QueuedConnection)

    def start(self, link: SessionLink) -> bool:
        """Try the link's server on a worker thread; False when a check is still running."""
        if self.running:
            return False
        self.running = True
        worker = threading.Thread(
            target=self._check, args=(link,), name="revorg-server-check", daemon=True
        )
        worker.start()
        return True

    def _check(self, link: SessionLink) -> None:
        from revorg.model.team.session import check_server

        try:
            checked = check_server(link.address)
        except Exception:  # a bug here must not stop the retries for good
            checked = None  # (a TeamPlanError is already None: the server did not answer)
        try:
            self._done.emit(link, checked)
        except RuntimeError:  # the window closed meanwhile: nobody will take the connection
            if checked is not None:
                checked.close()

    def _finish(self, link: SessionLink, checked: CheckedConnection | None) -> None:
        self.running = False
        self.answered.emit(link, checked)
