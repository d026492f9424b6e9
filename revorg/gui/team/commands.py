"""The window on a team plan: opening and publishing one, and what happens to an edit the
server did not take.

- File > Open team plan… and File > Publish to team server… (dialogs in revorg.gui.team.dialogs);
  a password is asked only when the server wanted one that libpq (PGPASSWORD, ~/.pgpass) and
  the keyring did not have, and is kept only in memory or, when the user asks, in the keyring.
- A refused edit (a teammate changed the same row since it was read): the teammates' steps are
  taken in from the server's log (the plan read again whole only when the log cannot do it;
  scenario, selection and zoom kept either way), a notice names who changed what and when,
  and offers the user's change again, made afresh on the plan as it is now.
- A server that cannot be reached: the edit (or undo, or redo) is not applied, it waits (with
  any later ones); a banner says so, and the edits are sent once the server answers
  (revorg.gui.team.resending; a refusal then is told as above).

The team modules (psycopg, Alembic) are imported when a team plan is first used: a window on
a file never loads them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QDialog, QMessageBox, QVBoxLayout

from revorg.gui.i18n import fill
from revorg.gui.labels import error_text
from revorg.gui.team.dialogs import OpenTeamPlanDialog, PasswordDialog, PublishDialog, plan_url
from revorg.gui.team.notices import TeamNotice
from revorg.gui.team.refusal_words import conflict_text, own_values_text
from revorg.gui.team.resending import Resending
from revorg.gui.team.server_wait import WindowServerWait
from revorg.model.errors import RevOrgError

if TYPE_CHECKING:
    from pathlib import Path

    from revorg.gui.window.main_window import MainWindow
    from revorg.model.team.address import TeamPlanAddress
    from revorg.model.team.session import (
        Refusal,
        TeamSession,
    )

AUTHENTICATION_FAILED = "authentication failed for user"  # server.explained's template
Result = TypeVar("Result")


def run_dialog(dialog: QDialog) -> int:
    return dialog.exec()


class TeamCommands(QObject):
    """The team side of one window: its File menu commands, its notices and the retries."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.controller = window.controller
        self.files = window.files
        # Replaced in tests; modal dialogs otherwise.
        self.run_dialog: Callable[[QDialog], int] = run_dialog
        self.ask_password: Callable[[TeamPlanAddress], tuple[str, bool] | None] = self._ask_password
        self.again: Any = None  # the refused edit offered again
        self.live: Any = None  # the open team plan's LiveUpdates (teammates, presence)
        self.refused = TeamNotice("teamRefused", "refused", window)
        self.refused.action_requested.connect(self.apply_again)
        self.unreachable = TeamNotice("teamUnreachable", "warning", window)
        centre = window.centralWidget()
        layout = centre.layout() if centre is not None else None
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(0, self.unreachable)
            layout.insertWidget(0, self.refused)
        self.resending = Resending(window, self.unreachable, lambda: self.session, self._bring_up)
        self.retry_timer = self.resending.timer
        # Sends wait for the server's answer off the window's thread (server_wait).
        self.server_wait = WindowServerWait(window)
        self.controller.edit_failed.connect(self.after_failure)
        self.controller.document_replaced.connect(self._after_replaced)
        self.files.url_requested.connect(self._open_recent)
        self.files.team_save = self.save
        self.files.team_save_copy = self.save_copy

    @property
    def session(self) -> TeamSession | None:
        return self.controller.team  # type: ignore[no-any-return]

    def _status(self, text: str, milliseconds: int = 8000) -> None:
        self.window.statusBar().showMessage(text, milliseconds)

    def location_text(self) -> str | None:
        """How the title names where the plan is: its server (None for a file)."""
        session = self.session
        if session is None:
            return None
        return fill(self.tr("team plan %1 on %2"), session.address.plan, session.address.server)

    # --- opening ------------------------------------------------------------------------------

    def open_dialog(self) -> None:
        """File > Open team plan…"""
        if not self.files.maybe_keep_changes():
            return
        session = self.session
        dialog = OpenTeamPlanDialog(
            self._list_plans, self.window, session.address.server_url() if session else ""
        )
        accepted = self.run_dialog(dialog) == QDialog.DialogCode.Accepted
        url = dialog.chosen_url()
        dialog.deleteLater()
        if accepted and url:
            self.open_url(url)

    def _list_plans(self, text: str) -> list[str]:
        from revorg.model.team.address import parse_plan_url
        from revorg.model.team.session import plans_on_server

        address = parse_plan_url(plan_url(text, "-"))  # the server's URL; the plan is not read
        return self._with_password(address, plans_on_server)

    def _open_recent(self, url: str) -> None:
        if self.files.maybe_keep_changes():
            self.open_url(url)

    def open_url(self, url: str) -> bool:
        """Show the team plan at `url` (asking for a password when the server wants one)."""
        from revorg.model.team.address import parse_plan_url
        from revorg.model.team.session import TeamSession

        try:
            address = parse_plan_url(url)
            session = self.session
            if session is not None and session.address.shown() == address.shown():
                self._status(self.tr("This plan is already open."), 5000)
                return True
            who = self.window.settings.user_name
            opened = self._with_password(address, lambda a: TeamSession.open(a, who))
        except RevOrgError as error:
            QMessageBox.warning(self.window, self.tr("Cannot open team plan"), error_text(error))
            return False
        self.show_session(opened)
        return True

    def show_session(self, session: TeamSession) -> None:
        """The window on a team plan that is already open (the app's start with a URL)."""
        if self.controller.document is not session.document:
            self.files.replace_document(session.document, session)
        else:
            self.controller.team = session
        self._go_live(session)
        self.window.settings.add_recent_url(session.address.shown())  # never the password
        self.window.refresh_title()

    def _with_password(
        self, address: TeamPlanAddress, action: Callable[[TeamPlanAddress], Result]
    ) -> Result:
        """Run `action`; when the server wanted a password nobody gave, ask for it once."""
        from revorg.model.team.errors import TeamPlanError

        try:
            return action(address)
        except TeamPlanError as error:
            if address.password or not str(getattr(error, "template", "")).startswith(
                AUTHENTICATION_FAILED
            ):
                raise
            answer = self.ask_password(address)
            if answer is None:
                raise
        password, keep = answer
        result = action(address.with_password(password))
        if keep:
            self._keep_password(address, password)
        return result

    def _ask_password(self, address: TeamPlanAddress) -> tuple[str, bool] | None:
        dialog = PasswordDialog(address.login, address.server, self.window)
        accepted = self.run_dialog(dialog) == QDialog.DialogCode.Accepted
        answer = (dialog.password(), dialog.keep())
        dialog.deleteLater()
        return answer if accepted and answer[0] else None

    def _keep_password(self, address: TeamPlanAddress, password: str) -> None:
        from revorg.model.team.server import KEYRING_SERVICE, keyring_name

        try:
            import keyring

            keyring.set_password(KEYRING_SERVICE, keyring_name(address), password)
        except Exception:  # no keyring on this machine, or it refused: say so, go on
            self._status(self.tr("The password could not be kept in the system keyring."))

    # --- publishing ---------------------------------------------------------------------------

    def publish_dialog(self) -> None:
        """File > Publish to team server…: the plan as it is now, then the window on it."""
        session = self.session
        dialog = PublishDialog(
            self.controller.document.plan.name,
            self.window,
            session.address.server_url() if session else "",
        )
        accepted = self.run_dialog(dialog) == QDialog.DialogCode.Accepted
        url = dialog.chosen_url()
        dialog.deleteLater()
        if accepted:
            self.publish_to(url)

    def publish_to(self, url: str) -> bool:
        from revorg.model.team.address import parse_plan_url
        from revorg.model.team.session import TeamSession
        from revorg.model.team.transfer import publish

        document = self.controller.document
        who = self.window.settings.user_name

        def publish_and_open(address: TeamPlanAddress) -> TeamSession:
            publish(document.connection, address)
            return TeamSession.open(address, who)

        try:
            address = parse_plan_url(url)
            document.commit()
            opened = self._with_password(address, publish_and_open)
        except RevOrgError as error:
            QMessageBox.warning(self.window, self.tr("Cannot publish"), error_text(error))
            return False
        self.show_session(opened)
        self._status(fill(self.tr("Published to %1"), opened.address.shown()))
        return True

    # --- saving -------------------------------------------------------------------------------

    def save(self) -> bool:
        """Save on a team plan: nothing to do, and the user is told why."""
        self._status(self.tr("Saved on the server: each change is sent as you make it."), 5000)
        return True

    def save_copy(self, path: Path) -> bool:
        """Save As on a team plan: a local file copy; the window stays on the team plan."""
        from revorg.model.store import write_plan_file

        document = self.controller.document
        try:
            document.commit()
            write_plan_file(document.connection, path)
        except RevOrgError as error:
            QMessageBox.critical(self.window, self.tr("Could not save"), error_text(error))
            return False
        self._status(
            fill(self.tr("A copy was saved to %1; this window stays on the team plan."), path)
        )
        return True

    # --- edits that did not reach the server --------------------------------------------------

    def after_failure(self, _message: str) -> None:
        # Told from inside the undo stack's push: replacing the document (which clears the
        # stack) waits until the push is over.
        if self.session is not None:
            QTimer.singleShot(0, self, self._after_failure)

    def _after_failure(self) -> None:
        session = self.session
        if session is None:
            return
        refusal = session.take_refusal()
        if refusal is not None:
            self._refused(session, refusal)
        elif session.waiting:
            self.resending.show_waiting(session)

    def _refused(self, session: TeamSession, refusal: Refusal) -> None:
        # The server's line ("... reload the plan and make it again") is done for the user.
        self.window.statusBar().clearMessage()
        try:
            fresh = self.refresh()
        except RevOrgError as error:
            self.window.show_error(error_text(error))
            fresh = None
        editor = self.controller.editor
        said = [conflict_text(editor, refusal, c) for c in refusal.error.conflicts]
        said = said or [error_text(refusal.error)]
        if refusal.undoing:
            text = fill(
                self.tr("Undo refused: %1, after your change. The plan shows their value."),
                "; ".join(said),
            )
            self.again = None
            self.refused.show_message(text)
        else:
            text = fill(
                self.tr("Your change was not sent: %1 since you read it. The plan shows it now."),
                "; ".join(said),
            )
            own = own_values_text(editor, refusal)
            if own:  # what "Apply my change again" would make
                text += " " + fill(self.tr("Yours: %1."), own)
            self.again = refusal.edit if fresh is not None else None
            action = self.tr("Apply my change again") if self.again is not None else None
            self.refused.show_message(text, action)
        if fresh is not None and fresh.waiting:
            self.resending.show_waiting(fresh)
        elif fresh is not None:  # the server answered: nothing else waits
            self.resending.stop()

    def refresh(self) -> TeamSession:
        """After a refusal: the plan brought up to the server's. The teammates' steps are taken
        in from the log over the session's connection, which has just answered, through the
        live link (its mark and its record of the teammates' fields, which guards undo, move on
        with the copy): the document, scenario, selection, zoom and undo stack stay as they
        are. The whole plan is read again (`reload`) when the log cannot do it (a gap, a step
        that does not apply, the connection lost)."""
        session = self.session
        assert session is not None
        live = self.live
        if live is not None and live.document is session.document and not session.link.lost:
            try:
                done = session.link.catch_up_live(self.controller.editor, live.live)
            except RevOrgError:
                done = None
            if done is not None and not done.reload:
                if done.change is not None:
                    self.controller.take_teammates_change(done.change)
                return session
        return self.reload()

    def reload(self) -> TeamSession:
        """The plan read again whole from the server, keeping the scenario, selection and zoom;
        the undo stack is cleared (an undo kept across it would be checked against the fresh
        row versions only)."""
        session = self.session
        assert session is not None
        window, scene, view = self.window, self.window.scene, self.window.view
        scenario_id = self.controller.editor.scenario_id
        selected = scene.selected_ids()
        transform = view.transform()
        scrolled = (view.horizontalScrollBar().value(), view.verticalScrollBar().value())
        fresh = session.reload()
        self.files.replace_document(fresh.document, fresh)
        self._go_live(fresh)  # the live link follows the new copy by itself; the guard not
        if any(s.id == scenario_id for s in self.controller.editor.scenarios()):
            self.controller.show_scenario(scenario_id)
        scene.select_only([i for i in selected if i in scene.cards])

        def restore_view() -> None:  # after the fit the replaced document queued
            view.setTransform(transform)
            view.horizontalScrollBar().setValue(scrolled[0])
            view.verticalScrollBar().setValue(scrolled[1])

        QTimer.singleShot(0, window, restore_view)
        return fresh

    def apply_again(self) -> None:
        """The refused change made again on the plan as it is now (a new step, a new undo)."""
        from revorg.model.editing.again import edit_again

        edit, self.again = self.again, None
        self.refused.hide()
        if edit is None:
            return
        try:
            again = edit_again(self.controller.editor, edit)
        except RevOrgError as error:
            self.window.show_error(error_text(error))
            return
        if again is None:
            self._status(self.tr("The plan already has your values."), 5000)
            return
        self.controller.push(again)

    def _go_live(self, session: TeamSession) -> None:
        """Teammates' edits and the presence list for the plan `session` shows, and the
        check that an undo does not overwrite a teammate's value."""
        from revorg.gui.team.live_updates import attach_team_live

        live = self.live
        if live is None or live.document is not session.document:
            if live is not None:
                live.close()
                self.window.removeDockWidget(live.dock)
                live.dock.deleteLater()
            live = self.live = attach_team_live(self.window, session.document, self._reload)
        session.undo_guard = live.live.undo_refusal
        self.server_wait.server = session.address.server
        session.link.wait_for_server = self.server_wait
        live.live.wait_for_server = self.server_wait  # teammates' steps read off this thread
        live.live.is_own_step = session.link.is_own_step  # one whose answer was lost

    def _reload(self) -> None:
        self.reload()

    def _bring_up(self) -> TeamSession | None:
        """The copy brought up to the server's plan (a step of the user's found there after
        its answer was lost), as after a refusal; None when that failed (said)."""
        try:
            return self.refresh()
        except RevOrgError as error:
            self.window.show_error(error_text(error))
            return None

    @property
    def checking(self) -> bool:
        """Whether the server is being tried on the worker thread now."""
        return self.resending.checking

    def retry(self) -> None:
        self.resending.retry()

    def _after_replaced(self) -> None:
        if self.session is None:  # a file now: nothing waits, nothing is refused
            self.resending.stop()
            self.refused.hide()
            self.again = None

    def shut_down(self) -> None:
        self.retry_timer.stop()
        if self.live is not None:
            self.live.close()
        session = self.session
        if session is not None:
            session.close_link()
