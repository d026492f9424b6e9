"""Edits a team plan's window keeps while its server cannot be reached, and sending them later.

An edit (or undo, or redo) the server could not take is not applied: it waits, in order, with
any later ones (revorg.model.team.session). A banner says so; the server is tried every few
seconds, on a worker thread once the connection was lost (revorg.gui.team.background: a host
that drops packets must not freeze the window); once it answers, the waiting edits are made
again in order (a new edit on the plan as it is then, an undo or redo as the stack would have
made it) and sent; first, one whose send lost its answer is looked for on the server
(revorg.model.team.in_doubt) and not sent again if it is there. A try that fails again doubles
the interval, up to LONGEST_RETRY_MS.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from revorg.gui.labels import error_text
from revorg.gui.team.background import BackgroundCall
from revorg.gui.team.notices import TeamNotice
from revorg.model.errors import RevOrgError

if TYPE_CHECKING:
    from revorg.gui.window.main_window import MainWindow
    from revorg.model.team.session import (
        CheckedConnection,
        SessionLink,
        TeamSession,
        WaitingEdit,
    )

RETRY_INTERVAL_MS = 4000  # how often a server that went away is tried again
# A server that answers the check but still cannot take the waiting edit (a lock held past its
# lock_timeout, a send given up on) is tried less and less often: each try may hold the
# window's input while the edit waits for the answer.
LONGEST_RETRY_MS = 60_000
STATUS_MS = 8000


class Resending(QObject):
    """The waiting edits of the plan `session()` gives (None: a file), the banner that says
    so, and the retries."""

    def __init__(
        self,
        window: MainWindow,
        banner: TeamNotice,
        session: Callable[[], TeamSession | None],
        bring_up: Callable[[], TeamSession | None],
    ) -> None:
        super().__init__(window)
        # The copy brought up to the server's plan now; the session it is then in.
        self._bring_up = bring_up
        self._window = window
        self._controller = window.controller
        self._session = session
        self.banner = banner
        banner.action_requested.connect(self.retry)
        self.timer = QTimer(self)
        self.timer.setInterval(RETRY_INTERVAL_MS)
        self.timer.timeout.connect(self.retry)
        self.server_check = BackgroundCall(
            self, self._server_checked, lambda checked: checked.close(), "revorg-server-check"
        )
        self._checked_link: SessionLink | None = None  # the link whose server is tried

    def show_waiting(self, session: TeamSession) -> None:
        count = len(session.waiting)
        self.banner.show_message(
            self.tr(
                "The team server cannot be reached; %n change(s) waiting. RevOrg tries again "
                "every few seconds and sends them when it answers.",
                "",
                count,
            ),
            self.tr("Try now"),
            closable=False,
        )
        if not self.timer.isActive():
            self.timer.start()

    def stop(self) -> None:
        """Nothing waits any more: no retry, no banner, the next loss tried at the usual pace."""
        self.timer.stop()
        self.timer.setInterval(RETRY_INTERVAL_MS)
        self.banner.hide()

    @property
    def checking(self) -> bool:
        """Whether the server is being tried on the worker thread now."""
        return self.server_check.running

    def retry(self) -> None:
        """Send what waits, in order, once the server answers again. After the connection was
        lost the server is tried on a worker thread (`_server_checked` goes on)."""
        session = self._session()
        if session is None or not session.waiting:
            self.stop()
            return
        if session.link.lost:
            from revorg.model.team.session import check_server

            address = session.link.address
            if self.server_check.start(lambda: check_server(address)):
                self._checked_link = session.link
            return
        self._send_waiting(session)

    def _server_checked(self, checked: CheckedConnection | None) -> None:
        link, self._checked_link = self._checked_link, None
        if checked is None:  # still away: the timer tries again
            return
        session = self._session()
        if session is None or link is None or session.link is not link or not link.lost:
            checked.close()  # another plan now, or the link has a connection again
            return
        link.adopt(checked)
        self._send_waiting(session)

    def _send_waiting(self, session: TeamSession) -> None:
        sent = self._settle_doubt(session)
        if sent is None:  # gone again: the timer tries later
            return
        if sent:
            # The copy takes the landed step in from the log before anything else that waits
            # is made on it (over the link's connection, which has just answered).
            fresh = self._bring_up()
            if fresh is None or fresh is not self._session():
                return
            session = fresh
        while session.waiting and self._session() is session:
            waiting = session.waiting.pop(0)
            index = self._controller.undo_stack.index()
            with session.resending():
                if not self._push_waiting(waiting):
                    continue
            if session.failed is not None:  # gone again: it waits at the front
                session.waiting.insert(0, waiting)
                interval = min(self.timer.interval() * 2, LONGEST_RETRY_MS)
                self.timer.setInterval(interval)
                return
            if session.refusal is not None:  # told (and the plan brought up) in a moment
                return
            sent += self._controller.undo_stack.index() > index
        current = self._session()
        if current is None or not current.waiting:
            self.stop()
        if sent:
            self._window.statusBar().showMessage(
                self.tr("Back on the team server: %n change(s) sent.", "", sent), STATUS_MS
            )

    def _settle_doubt(self, session: TeamSession) -> int | None:
        """1 when the edit whose answer was lost is on the server after all (it no longer
        waits), else 0; None when the server cannot be reached (nothing changed)."""
        from revorg.model.team.errors import TeamPlanError
        from revorg.model.team.session import ServerUnreachableError

        try:  # never sent twice (revorg.model.team.in_doubt)
            return int(session.resolve_doubt())
        except ServerUnreachableError:
            return None
        except TeamPlanError as error:  # the server refused the question: said, sent again
            self._window.statusBar().showMessage(error_text(error), STATUS_MS)
            return 0

    def _push_waiting(self, waiting: WaitingEdit) -> bool:
        """A waiting edit made now: a new edit again on the plan as it is (the user's values,
        the old ones read afresh), an undo or redo exactly as the stack would have made it (the
        undo guard and the row versions refuse it if a teammate changed its fields since).
        False when there was nothing to push."""
        from revorg.model.editing.again import edit_again
        from revorg.model.editing.change import Direction

        if waiting.direction is not Direction.DO:
            self._controller.push_waited(waiting.edit, waiting.direction is Direction.UNDO)
            return True
        try:
            again = edit_again(self._controller.editor, waiting.edit)
        except RevOrgError as error:
            self._window.show_error(error_text(error))
            return False
        return self._controller.push(again)
