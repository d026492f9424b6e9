"""Teammates' edits in the open window as they are made, and the presence list.

`attach_team_live(window, document)` is the one entry: the window engineer's code calls it once
a team plan is open for editing. It keeps a `LivePlan` (revorg.model.team.live) whose listening
connection's socket a QSocketNotifier watches: a notice on the plan's log runs the catch-up at
once (no polling delay; a teammate's step is on screen well within a second), and its `Change`
goes through the controller's usual signals, so the chart, the numbers and the panels update
in place as after the user's own edit, and nothing goes on the user's undo stack. The status
bar says what changed ("Ana changed AE 3's annual cost").

The same connection carries this window's row of the presence list: announced at once and at
each switch of scenario, kept alive every HEARTBEAT_SECONDS (a timer that also reads any notice
the notifier could not see: libpq may have read it while answering one of our own queries),
removed when the window closes (on a thread of its own: revorg.gui.team.leaving). The Team
dock (View > Team) shows the list.

Undo: `LiveUpdates.undo_refusal(edit)` says why undoing one of the user's edits would overwrite
a teammate's change taken in since (None: go on); the undo command of team plans asks it first.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSocketNotifier, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu

from revorg.gui.controller import PlanController
from revorg.gui.docks import tabify
from revorg.gui.history_words import ChangeWords, step_name
from revorg.gui.i18n import fill
from revorg.gui.labels import error_text, field_label
from revorg.gui.panels.presence_panel import PresencePanel
from revorg.gui.settings import AppSettings
from revorg.gui.team.background import BackgroundCall
from revorg.gui.team.leaving import leave_in_background
from revorg.model.editing.change import WHOLE_RECORD, RecordKind
from revorg.model.editing.steps import Edit
from revorg.model.history.reading import LoggedStep, read_steps
from revorg.model.team.document import TeamPlanDocument
from revorg.model.team.errors import TeamPlanError
from revorg.model.team.live import LivePlan, PlanListener
from revorg.model.team.presence import HEARTBEAT_SECONDS, Presence, Present
from revorg.model.team.waiting import Answer, shut_down

STATUS_MS = 8000


class LiveUpdates(QObject):
    """One open team plan's live link: its listener, its presence row, its Team dock."""

    def __init__(
        self,
        window: QMainWindow,
        controller: PlanController,
        document: TeamPlanDocument,
        reload: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.controller = controller
        self.document = document
        self.reload = reload
        self.live = LivePlan(document)
        self.live.watch(controller.editor)
        name = AppSettings().user_name()
        self.presence = Presence(
            self.live.listener.connection, document.address, document.registered.id, name
        )
        self.panel = PresencePanel(window)
        self.dock = QDockWidget(self.tr("Team"), window)
        self.dock.setObjectName("presenceDock")
        self.dock.setWidget(self.panel)
        self.notifier = self._watch()
        self._broken = False  # the listening connection failed: the next beat reconnects
        # Listening again connects, which may wait up to the connect timeout: off this thread.
        self.listening_again = BackgroundCall(
            self, self._listen, _close_listener, "revorg-listen-again"
        )
        # The beat writes and reads on the listening connection, which waits for the server:
        # up to the connection's tcp_user_timeout (10 s) when its host starts dropping
        # packets. Off this thread too; the socket is the worker's until it answers.
        self.beating = BackgroundCall(self, self._beaten, _forget, "revorg-heartbeat")
        self._owed: set[str] = set()  # what waited for the beat's answer (_lent)
        self.heartbeat = QTimer(self)
        self.heartbeat.setInterval(HEARTBEAT_SECONDS * 1000)
        self.heartbeat.timeout.connect(self.beat)
        controller.scenario_switched.connect(self.announce)
        controller.scenarios_changed.connect(self.announce)
        controller.document_replaced.connect(self._document_replaced)
        window.installEventFilter(self)
        self._closed = False
        self.announce()
        self.heartbeat.start()

    def _watch(self) -> QSocketNotifier:
        notifier = QSocketNotifier(self.live.listener.fileno(), QSocketNotifier.Type.Read, self)
        notifier.activated.connect(self.take_notices)
        return notifier

    def _document_replaced(self) -> None:
        """The plan read again (the reload after a refused edit, or after teammates' steps
        that could not be taken in): follow the new copy; another plan: stop."""
        document = self.controller.document
        same = (
            isinstance(document, TeamPlanDocument)
            and document.for_editing
            and document.address.server == self.document.address.server
            and document.registered.id == self.document.registered.id
        )
        if not same:
            self.close()
            self.dock.hide()
            return
        assert isinstance(document, TeamPlanDocument)
        self.document = document
        self.live.rebind(document)
        self.catch_up()  # steps made while it was read

    def _reconnect(self) -> None:
        """After the listening connection failed: a new one made on a worker thread (`_listen`
        takes it), the beats meanwhile doing nothing more."""
        document = self.document
        self.listening_again.start(lambda: _new_listener(document))

    def _listen(self, answer: tuple[TeamPlanDocument, PlanListener | TeamPlanError] | None) -> None:
        """The server is back: listen again, announce this window again, and take in what
        teammates did meanwhile."""
        if answer is None:
            return
        document, listener = answer
        if isinstance(listener, TeamPlanError):
            self.window.statusBar().showMessage(error_text(listener), STATUS_MS)
            return
        if self._closed or document is not self.document:
            listener.close()  # the window closed, or another copy took over meanwhile
            return
        self.notifier.setEnabled(False)
        self.notifier.deleteLater()
        self.live.listener.close()  # as LivePlan.reconnect, with the listener made off-thread
        self.live.listener = listener
        self._broken = False
        self.presence.connection = self.live.listener.connection
        self.notifier = self._watch()
        self.announce()
        self.catch_up()

    # --- the presence list --------------------------------------------------------------------

    def announce(self) -> None:
        """This window's row: here, on the scenario on screen."""
        if self._closed or self._lent("announce"):  # closed: the leave has the connection
            return
        scenario = self.controller.editor.scenario
        self._guarded(
            lambda: self._on_server(lambda: self.presence.announce(scenario.id, str(scenario.name)))
        )
        self.take_notices()

    def beat(self) -> None:
        if self.beating.running:  # the last beat still waits for the server
            return
        if self._broken:
            self._reconnect()
            return
        presence = self.presence
        self.notifier.setEnabled(False)
        self.beating.start(lambda: _beat(presence))

    def _lent(self, owed: str | None = None) -> bool:
        """Whether the listening connection is the beat's now (its worker thread's): then the
        window's own statements wait, `owed` (announce, catch_up) done when the beat answers.
        One connection, two threads: a beat's UPDATE inside the catch-up's read-only
        transaction would fail it, and a wait for the lock would freeze the window."""
        if not self.beating.running:
            return False
        if owed is not None:
            self._owed.add(owed)
        return True

    def _beaten(self, answer: list[Present] | TeamPlanError | None) -> None:
        """The beat's answer, on the window's thread: who has the plan open, or why not; then
        what waited for the connection."""
        if self._closed:
            self.live.close()  # closing waited for the beat (close)
            return
        if not self._broken:
            self.notifier.setEnabled(True)
        if isinstance(answer, TeamPlanError):
            self.window.statusBar().showMessage(error_text(answer), STATUS_MS)
        elif answer is not None:
            self.panel.show_people(answer)
        owed, self._owed = self._owed, set()
        if "announce" in owed:
            self.announce()
        if "catch_up" in owed:
            self.catch_up()
        self.take_notices()

    def refresh_people(self) -> None:
        if self._closed or self._lent():  # the beat brings the list
            return
        self._guarded(lambda: self.panel.show_people(self._on_server(self.presence.present)))

    def _on_server(self, call: Callable[[], Answer]) -> Answer:
        """A call on the listening connection, made as the window waits for the server: off
        its thread once it takes long (revorg.gui.team.server_wait)."""
        return self.live.wait_for_server(call, lambda: shut_down(self.live.listener.connection))

    # --- teammates' steps ------------------------------------------------------------------

    def take_notices(self, presence: bool = False) -> None:
        """Read what the server announced; take in new steps, show the list again."""
        if self._lent():  # read when the beat answers
            return
        listener = self.live.listener
        # Our own queries below may make libpq read further notices off the socket, which then
        # stays quiet: read again until none is left (a few rounds at most).
        for _round in range(5):
            if self._closed or self._broken:
                return
            notices = self._notices()
            if not notices and not presence:
                return
            if listener.has_steps(notices):
                self.catch_up()
            if presence or listener.has_presence(notices):
                self.refresh_people()
            presence = False

    def _notices(self) -> list[tuple[str, str]]:
        try:
            return self.live.listener.notices()
        except TeamPlanError as error:
            # A socket at its end stays readable: stop watching it until the next beat.
            self._broken = True
            self.notifier.setEnabled(False)
            self.window.statusBar().showMessage(error_text(error), STATUS_MS)
            return []

    def catch_up(self) -> None:
        if self._closed or self._broken or self._lent("catch_up"):
            return
        try:
            done = self.live.catch_up(self.controller.editor)
        except TeamPlanError as error:
            self._broken = True
            self.notifier.setEnabled(False)
            self.window.statusBar().showMessage(error_text(error), STATUS_MS)
            return
        if done.reload:
            if self.reload is None:
                message = self.tr(
                    "Teammates' changes could not be taken into this window: reopen the plan"
                )
            else:
                message = self.tr(
                    "Teammates' changes could not be taken into this window: the plan is read again"
                )
            self.window.statusBar().showMessage(message, STATUS_MS)
            if self.reload is not None:
                self.reload()
            return
        if done.change is None:
            return
        self.controller.take_teammates_change(done.change)
        if done.steps:  # none: only the user's own step, whose answer was lost
            logged = read_steps(self.document.session, limit=len(done.steps))
            self.window.statusBar().showMessage(self.said(logged), STATUS_MS)

    def said(self, steps: list[LoggedStep]) -> str:
        """The status bar's words for the teammates' steps just taken in (newest first)."""
        if not steps:
            return ""
        people = list(dict.fromkeys(step.who for step in reversed(steps)))
        if len(steps) > 1:
            return fill(self.tr("%1 made %2 changes"), ", ".join(people), len(steps))
        step = steps[0]
        fields = [c for c in step.changes if c.field not in ("sort_order", WHOLE_RECORD)]
        positions = {str(c.record_id) for c in fields if c.record == RecordKind.POSITION}
        if fields and len(positions) == 1 and len(fields) == len(step.changes):
            words = ChangeWords(self.controller.editor)
            names = dict.fromkeys(field_label("manager" if c.field == "manager_id" else c.field)
                                  for c in fields)  # fmt: skip
            return fill(
                self.tr("%1 changed %2's %3"),
                step.who,
                words.position_name(fields[0].record_id),
                ", ".join(name[:1].lower() + name[1:] for name in names),
            )
        return fill(self.tr("%1: %2"), step.who, step_name(step))

    def undo_refusal(self, edit: Edit) -> str | None:
        """Why undoing (or redoing) `edit` would overwrite a teammate's change, in the
        interface language; None when it may go on."""
        refusal = self.live.undo_refusal(edit)
        return None if refusal is None else error_text(refusal)

    # --- the window's end ---------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close and event.isAccepted():
            QTimer.singleShot(0, self, self._after_close)
        return False

    def _after_close(self) -> None:
        if not self.window.isVisible():
            self.close()

    def close(self) -> None:
        """Leave the presence list and stop listening (the window closed)."""
        if self._closed:
            return
        self._closed = True
        self.heartbeat.stop()
        self.notifier.setEnabled(False)
        if self._lent():
            # The beat's connection is closed when it answers (_beaten); the row is left to
            # go stale (STALE_SECONDS) rather than wait for the server here.
            return
        # On a thread of its own: a server that went away must not hold the closing window.
        leave_in_background(self.presence.leave, self.live.close)

    def _guarded(self, call: Callable[[], object]) -> None:
        """A server that went away is said in the status bar; the window goes on (the next
        beat tries again)."""
        try:
            call()
        except TeamPlanError as error:
            self.window.statusBar().showMessage(error_text(error), STATUS_MS)


def _beat(presence: Presence) -> list[Present] | TeamPlanError:
    """Still here, and who else is (on the worker's thread)."""
    try:
        presence.beat()
        return presence.present()
    except TeamPlanError as error:
        return error


def _forget(_answer: object) -> None:
    """A beat's answer nobody takes (the window closed): nothing to close."""


def _new_listener(
    document: TeamPlanDocument,
) -> tuple[TeamPlanDocument, PlanListener | TeamPlanError]:
    """A new listening connection (on a worker thread: a connection and LISTEN, no ORM), or
    why the server did not take it."""
    try:
        return document, PlanListener(document)
    except TeamPlanError as error:
        return document, error


def _close_listener(answer: tuple[TeamPlanDocument, PlanListener | TeamPlanError]) -> None:
    if isinstance(answer[1], PlanListener):
        answer[1].close()


def attach_team_live(
    window: QMainWindow, document: TeamPlanDocument, reload: Callable[[], None] | None = None
) -> LiveUpdates:
    """Teammates' edits and the presence list in `window`, which shows `document` (a team plan
    opened for editing); `reload` reads the plan again when teammates' steps cannot be taken
    in (the window engineer's reload of a refused edit). The Team dock goes beside Targets and
    in the View menu after Outline."""
    controller = getattr(window, "controller")  # noqa: B009 - the MainWindow's, typed there
    assert isinstance(controller, PlanController)
    live = LiveUpdates(window, controller, document, reload)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, live.dock)
    targets = window.findChild(QDockWidget, "targetsDock")
    if isinstance(targets, QDockWidget):
        tabify(window, targets, live.dock)
    action = live.dock.toggleViewAction()
    action.setText(live.tr("&Team"))
    _add_to_view_menu(window, action)
    return live


def _add_to_view_menu(window: QMainWindow, action: QAction) -> None:
    outline = getattr(getattr(window, "outline", None), "action", None)
    for entry in window.menuBar().actions():
        menu = entry.menu()
        if not isinstance(menu, QMenu) or outline not in menu.actions():
            continue
        actions = menu.actions()
        after = actions.index(outline) + 1
        if after < len(actions):
            menu.insertAction(actions[after], action)
        else:
            menu.addAction(action)
        return
    window.addAction(action)
