"""Editing a team plan: each edit of the in-memory copy sent to the server as it is made.

`open_team_editor(address, who)` reads the plan (its rows and their versions, in one snapshot)
and gives a `PlanEditor` with two recorders: the local change log (as on a file) and a
`TeamRecorder`, which sends the step to the server (revorg.model.team.sending) inside the
edit's savepoint. A refusal (a teammate changed the row, the plan moved past
`--expect-version`) raises `TeamConflictError` there, so the edit core rolls the edit back: the
plan in memory is as it was and nothing reached the server.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Self

from revorg.model.editing.change import Change
from revorg.model.editing.editor import PlanEditor
from revorg.model.editing.steps import Edit
from revorg.model.history.recording import attach_recorder, system_user, utc_now
from revorg.model.team.address import TeamPlanAddress
from revorg.model.team.document import TeamPlanDocument
from revorg.model.team.sending import Sender
from revorg.model.team.server import engine_for, server_errors, wait_for_locks
from revorg.model.team.step_rows import StepToSend
from revorg.model.team.waiting import ServerWait, shut_down, wait_here

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlalchemy.engine import Engine


class TeamLink:
    """The open plan's connection to its server (one, kept while the plan is open: the plan is
    read over it, its edits are sent over it, and it is read again over it after a refusal)
    and the row versions its copy was read at."""

    def __init__(
        self,
        document: TeamPlanDocument,
        engine: Engine | None = None,
        connection: Connection | None = None,
    ) -> None:
        self.address: TeamPlanAddress = document.address
        self._engine: Engine | None = engine
        self._connection: Connection | None = connection
        # A send waits for the server: up to the connection's tcp_user_timeout when its host
        # drops packets. The window makes it on a worker thread and goes on painting
        # (revorg.gui.team.server_wait); the call touches the server's connection and reads
        # the plan's memory, never the ORM.
        self.wait_for_server: ServerWait = wait_here
        # How long a send waits for a lock another session holds (None: the log-in's
        # server.LOCK_TIMEOUT). A retry waits less (revorg.model.team.session.RETRY_LOCK_TIMEOUT).
        self.lock_timeout: str | None = None
        self._bind(document)

    @classmethod
    def open(cls, address: TeamPlanAddress) -> Self:
        """The plan read for editing over a new connection, which its edits are then sent over:
        one login for both."""
        engine = engine_for(address)
        try:
            with server_errors(address):
                connection = engine.connect()
            try:
                document = TeamPlanDocument(address, for_editing=True, connection=connection)
            except BaseException:
                connection.close()
                raise
        except BaseException:
            engine.dispose()
            raise
        return cls(document, engine, connection)

    def _bind(self, document: TeamPlanDocument) -> None:
        self.document = document
        self.sender = Sender(
            document.registered.schema,
            document.connection,
            document.row_versions,
            document.version,
        )
        # The server's newest step this copy has taken in (its own sent steps are skipped).
        self.seen = document.version

    def _server(self) -> Connection:
        if self._connection is None or self._connection.invalidated or self._connection.closed:
            if self._engine is None:
                self._engine = engine_for(self.address)
            self._connection = self._engine.connect()
        return self._connection

    def read_again(self) -> TeamPlanDocument:
        """The plan read again for editing over this link's connection (no new login, or a new
        one when it was lost: connecting may wait too); the link sends the new copy's edits
        from now on. The caller closes the old document."""
        document = self.wait_for_server(self._read_now, self._cut_connection)
        self._bind(document)
        return document

    def _read_now(self) -> TeamPlanDocument:
        # A new document, touched by nobody else until it is returned (a worker thread's, in
        # the window): its in-memory database allows it (connect_memory).
        with server_errors(self.address):
            connection = self._server()
        return TeamPlanDocument(self.address, for_editing=True, connection=connection)

    def catch_up(self, editor: PlanEditor) -> bool:
        """Bring the copy up to the server's plan after a refusal without reading it again:
        the teammates' steps after `seen` played with the log's replay, and every row's
        version, in one snapshot over this link's connection (revorg.model.team.refreshing).
        False (nothing changed) when the copy cannot take them: then `read_again`."""
        from revorg.model.team.refreshing import catch_up

        with server_errors(self.address):
            connection = self._server()
        return catch_up(self, connection, editor)

    def send(self, step: StepToSend, expected_version: int | None = None) -> int:
        """Send one step in one transaction; the plan's version after it."""
        step_id = self.wait_for_server(
            lambda: self._send_now(step, expected_version), self._cut_connection
        )
        self.sender.sent()
        self.document.version = step_id
        self.document.sent_steps.add(step_id)
        return step_id

    def _send_now(self, step: StepToSend, expected_version: int | None) -> int:
        with server_errors(self.address):
            connection = self._server()
            try:
                with connection.begin():
                    if self.lock_timeout is not None:
                        wait_for_locks(connection, self.lock_timeout)
                    return self.sender.send(connection, step, expected_version)
            except BaseException:
                if connection.in_transaction():
                    connection.rollback()
                raise

    def _cut_connection(self) -> None:
        """Make a call waiting on this link's connection fail now (the window gave up)."""
        connection = self._connection
        if connection is not None:
            shut_down(connection.connection.driver_connection)

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
        if self._engine is not None:
            self._engine.dispose()


def stored_step(edit: Edit, change: Change, who: str, at: str) -> StepToSend:
    """An edit's step as the log stores it (revorg.model.history.recording.record_step)."""
    from revorg.model.history.recording import stored_changes, stored_text_values

    changes = stored_changes(change)
    return StepToSend(
        at,
        who,
        edit.scenario_id,
        edit.text.template,
        stored_text_values(edit),
        str(change.direction),
        changes,
    )


class TeamRecorder:
    """Sends each edit of an editor to the server, inside the edit's savepoint; what the
    server refuses rolls the edit back. With `expected_version`, the first step is refused
    unless the plan is at that version (HTTP's If-Match); each step sent moves it on."""

    def __init__(
        self,
        editor: PlanEditor,
        link: TeamLink,
        who: Callable[[], str],
        clock: Callable[[], str] = utc_now,
        expected_version: int | None = None,
    ) -> None:
        self.editor = editor
        self.link = link
        self.who = who
        self.clock = clock
        self.expected_version = expected_version

    def __call__(self, edit: Edit, change: Change) -> None:
        self.editor.session.flush()  # the rows as the edit left them, for the server
        step = stored_step(edit, change, self.who(), self.clock())
        step_id = self.link.send(step, self.expected_version)
        if self.expected_version is not None:
            self.expected_version = step_id


class TeamEditing:
    """A team plan open for editing by `who` over one connection, that outlives refusals: after
    a `TeamConflictError`, `refresh()` brings the copy up to the server's plan (the teammates'
    steps from the log, else the plan read again), as a user would reload, without logging in
    again. `document` and `editor` may be new objects after a refresh."""

    def __init__(
        self, address: TeamPlanAddress, who: str | None = None, expected_version: int | None = None
    ) -> None:
        self.who = (who or "").strip() or system_user()
        self.link = TeamLink.open(address)
        self.document = self.link.document
        self.editor = self._editor(expected_version)
        self.caught_up = self.read_again = 0  # how the refreshes went

    def _editor(self, expected_version: int | None) -> PlanEditor:
        editor = PlanEditor(self.document)
        attach_recorder(editor, self.who)
        self._recorder = TeamRecorder(
            editor, self.link, lambda: self.who, utc_now, expected_version
        )
        editor.add_recorder(self._recorder)
        return editor

    def refresh(self) -> None:
        """The copy brought up to the server's plan (after a refusal)."""
        if self.link.catch_up(self.editor):
            self.caught_up += 1
            return
        old = self.document
        self.document = self.link.read_again()
        old.close()
        self.editor = self._editor(self._recorder.expected_version)
        self.read_again += 1

    def close(self) -> None:
        try:
            self.link.close()
        finally:
            self.document.close()


@contextlib.contextmanager
def open_team_editor(
    address: TeamPlanAddress, who: str | None = None, expected_version: int | None = None
) -> Iterator[tuple[TeamPlanDocument, PlanEditor]]:
    """The team plan read for editing, and an editor whose every edit (`perform`) is one step
    on the server, by `who` (default: the system user). The plan is read over the connection
    its edits are sent over (one login)."""
    editing = TeamEditing(address, who, expected_version)
    try:
        yield editing.document, editing.editor
    finally:
        editing.close()
