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
from typing import TYPE_CHECKING

from revorg.model.editing.change import Change
from revorg.model.editing.editor import PlanEditor
from revorg.model.editing.steps import Edit
from revorg.model.history.recording import attach_recorder, system_user, utc_now
from revorg.model.team.address import TeamPlanAddress
from revorg.model.team.document import TeamPlanDocument
from revorg.model.team.sending import Sender, StepToSend
from revorg.model.team.server import engine_for, server_errors

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlalchemy.engine import Engine


class TeamLink:
    """The open plan's connection to its server (one, kept while the plan is open) and the
    row versions its copy was read at."""

    def __init__(self, document: TeamPlanDocument) -> None:
        self.document = document
        self.address: TeamPlanAddress = document.address
        self.sender = Sender(
            document.registered.schema,
            document.connection,
            document.row_versions,
            document.version,
        )
        self._engine: Engine | None = None
        self._connection: Connection | None = None

    def _server(self) -> Connection:
        if self._connection is None or self._connection.invalidated or self._connection.closed:
            if self._engine is None:
                self._engine = engine_for(self.address)
            self._connection = self._engine.connect()
        return self._connection

    def send(self, step: StepToSend, expected_version: int | None = None) -> int:
        """Send one step in one transaction; the plan's version after it."""
        with server_errors(self.address):
            connection = self._server()
            try:
                with connection.begin():
                    step_id = self.sender.send(connection, step, expected_version)
            except BaseException:
                if connection.in_transaction():
                    connection.rollback()
                raise
        self.sender.sent()
        self.document.version = step_id
        self.document.sent_steps.add(step_id)
        return step_id

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


@contextlib.contextmanager
def open_team_editor(
    address: TeamPlanAddress, who: str | None = None, expected_version: int | None = None
) -> Iterator[tuple[TeamPlanDocument, PlanEditor]]:
    """The team plan read for editing, and an editor whose every edit (`perform`) is one step
    on the server, by `who` (default: the system user)."""
    name = (who or "").strip() or system_user()
    document = TeamPlanDocument(address, for_editing=True)
    link = TeamLink(document)
    try:
        editor = PlanEditor(document)
        attach_recorder(editor, name)
        editor.add_recorder(TeamRecorder(editor, link, lambda: name, utc_now, expected_version))
        yield document, editor
    finally:
        link.close()
        document.close()
