"""A team plan open in the window: an editing session that outlives any one call.

`open_team_editor` (revorg.model.team.editing) is a context manager for a command's run; the
window keeps a plan open for hours, replaces its document when a refused edit makes it reload,
and must survive the server going away. `TeamSession` holds the pieces (the document read for
editing, its `TeamLink`, a `TeamRecorder` over the window's own `PlanEditor`) and says what
happened to the last edit that did not reach the server:

- refused (`TeamConflictError`: a teammate changed the same row since it was read): `refusal`
  keeps the edit, so that the window can reload and offer it again (`edit_again`);
- not sent because the server cannot be reached: the edit (or undo, or redo) is rolled back in
  memory (never applied only locally) and kept in `waiting`, in order; while something waits,
  or once the connection was lost, later edits wait behind it without trying the server, so
  the order of the log is the user's order. The server is tried again by `check_server` (no
  ORM: the window runs it on a worker thread, so a host that drops packets cannot freeze it)
  and its new connection handed to the link (`SessionLink.adopt`).
- refused, the copy is brought up to the server's plan from the log (`SessionLink.catch_up_live`,
  revorg.model.team.refreshing), and read again whole only when the log cannot do it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from revorg.model.editing.change import Change, Direction, FieldChange
from revorg.model.editing.editor import PlanEditor
from revorg.model.editing.steps import Edit
from revorg.model.errors import QT_TRANSLATE_NOOP
from revorg.model.history.chain import StoredStep
from revorg.model.history.recording import utc_now
from revorg.model.team.address import TeamPlanAddress
from revorg.model.team.conflicts import TeamConflictError
from revorg.model.team.document import TeamPlanDocument
from revorg.model.team.editing import TeamLink, TeamRecorder
from revorg.model.team.errors import TeamPlanError
from revorg.model.team.in_doubt import InDoubt, landed_step
from revorg.model.team.server import engine_for, server_errors, wait_for_locks
from revorg.model.team.step_rows import StepToSend

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlalchemy.engine import Engine

    from revorg.model.team.live import CatchUp, LivePlan


class ServerUnreachableError(TeamPlanError):
    """The team server cannot be reached now: the edit was not sent and waits."""


def unreachable(address: TeamPlanAddress, undoing: bool = False) -> ServerUnreachableError:
    if undoing:
        return ServerUnreachableError(
            QT_TRANSLATE_NOOP(
                "TeamPlanError",
                "the team server {server} cannot be reached: your undo was not sent and waits",
            ),
            server=address.server,
        )
    return ServerUnreachableError(
        QT_TRANSLATE_NOOP(
            "TeamPlanError",
            "the team server {server} cannot be reached: your change was not sent and waits",
        ),
        server=address.server,
    )


# SQLSTATE classes of a connection that went away: 08 (connection exception) and 57P (the
# server shut down or restarting); and 55P03, a lock another session held past the server's
# lock_timeout (server.LOCK_TIMEOUT): the edit cannot be taken now, and waits as well.
_LOST_STATES = ("08", "57P", "55P03")
# A retry of a waiting edit waits this long for such a lock, not the log-in's 10 s: the window's
# input is held while a send waits (revorg.gui.team.server_wait), and a lock that was held
# when the edit was first made is likely to be held still.
RETRY_LOCK_TIMEOUT = "1500ms"


def lock_refused(error: BaseException) -> bool:
    """Whether a TeamPlanError came from a lock another session held past lock_timeout."""
    seen: BaseException | None = error.__context__
    while seen is not None:
        if str(getattr(getattr(seen, "orig", seen), "sqlstate", "") or "") == "55P03":
            return True
        seen = seen.__context__
    return False


def lost_connection(error: BaseException) -> bool:
    """Whether a TeamPlanError came from the connection going away (server.explained tells it
    as one line; the driver's error it was made from is the exception's context)."""
    from sqlalchemy.exc import DBAPIError

    if str(getattr(error, "template", "")).startswith("cannot reach the team server"):
        return True
    seen: BaseException | None = error.__context__
    while seen is not None:
        if isinstance(seen, DBAPIError) and seen.connection_invalidated:
            return True
        state = str(getattr(getattr(seen, "orig", seen), "sqlstate", "") or "")
        if state.startswith(_LOST_STATES):
            return True
        if type(seen).__name__ == "OperationalError" and not state:
            text = str(seen).lower()
            return "authentication" not in text and "password" not in text
        seen = seen.__context__
    return False


class SessionLink(TeamLink):
    """A TeamLink that tells a lost connection apart (ServerUnreachableError) and, once it was
    lost, takes a new one only from `adopt` (made by `check_server`, off the window's
    thread)."""

    lost = False  # the connection went away; nothing is sent until `adopt`
    # The step being sent when the connection went: the server may have committed it all the
    # same (revorg.model.team.in_doubt). Kept here: a reload keeps the link, not the document.
    in_doubt: InDoubt | None = None

    def send(self, step: StepToSend, expected_version: int | None = None) -> int:
        after = self.document.version
        try:
            return super().send(step, expected_version)
        except TeamConflictError:
            raise
        except TeamPlanError as error:
            if lost_connection(error):
                if not lock_refused(error):  # refused for a lock: it surely rolled back
                    self.in_doubt = InDoubt(step, after)
                self.drop_connection()
                raise unreachable(self.address) from None
            raise

    def is_own_step(self, logged: StoredStep) -> bool:
        """Whether a step read from the server's log is the user's step in doubt (live updates
        take it in as the user's own, not a teammate's)."""
        return self.in_doubt is not None and self.in_doubt.is_logged_as(logged)

    def settle_doubt(self) -> int | None:
        """The server's id of the step in doubt, if any, when it is on the server (then it must
        not be sent again); the doubt is settled either way. Raises ServerUnreachableError when
        the server cannot answer (the doubt kept), TeamPlanError when it refuses the question
        (the caller settles)."""
        doubt = self.in_doubt
        if doubt is None:
            return None
        schema = self.document.registered.schema

        def ask() -> int | None:
            with server_errors(self.address):
                connection = self._server()
                try:
                    with connection.begin():
                        wait_for_locks(connection, RETRY_LOCK_TIMEOUT)
                        return landed_step(connection, schema, doubt)
                except BaseException:
                    if connection.in_transaction():
                        connection.rollback()
                    raise

        try:
            landed = self.wait_for_server(ask, self._cut_connection)
        except TeamPlanError as error:
            if lost_connection(error):
                self.drop_connection()
                raise unreachable(self.address) from None
            raise
        self.in_doubt = None
        return landed

    def drop_connection(self) -> None:
        self.lost = True
        connection, self._connection = self._connection, None
        if connection is not None:
            with contextlib.suppress(Exception):  # already broken: nothing left to close
                connection.invalidate()
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    def adopt(self, checked: CheckedConnection) -> None:
        """The new connection `check_server` made: the link sends over it from now on."""
        self.drop_connection()
        self._engine, self._connection = checked.engine, checked.connection
        self.lost = False

    def _server(self) -> Connection:
        connection = super()._server()
        self.lost = False  # read again over a new connection (reload)
        return connection

    def catch_up_live(self, editor: PlanEditor, live: LivePlan) -> CatchUp:
        """After a refusal: the teammates' steps taken in from the log over this link's
        connection (it has just answered), by the window's own `LivePlan`, so that its mark
        and its record of the teammates' fields (which guards undo) move on with the copy.
        `reload` in the result: the log could not do it, the plan is to be read again."""
        from revorg.model.team.refreshing import catch_up_live

        with server_errors(self.address):
            connection = self._server()
        return catch_up_live(self, connection, editor, live)


@dataclass(frozen=True)
class CheckedConnection:
    """A new connection to a server that answered `SELECT 1`, and its engine."""

    engine: Engine
    connection: Connection

    def close(self) -> None:
        with contextlib.suppress(Exception):  # never used: nothing to keep
            self.connection.close()
        self.engine.dispose()


def check_server(address: TeamPlanAddress) -> CheckedConnection | None:
    """A new connection to the server, checked; None when it does not answer. Only Core and
    the driver, no ORM and no session: the window runs it on a worker thread, as it may wait
    up to the connect timeout (a host that drops packets), and hands the result to the link
    on its own thread (`SessionLink.adopt`)."""
    from sqlalchemy import text

    engine = engine_for(address)
    try:
        with server_errors(address):
            connection = engine.connect()
            try:
                connection.execute(text("SELECT 1")).close()
                connection.rollback()
            except BaseException:
                connection.invalidate()
                raise
    except TeamPlanError:
        engine.dispose()
        return None
    return CheckedConnection(engine, connection)


@dataclass(frozen=True)
class WaitingEdit:
    """An edit kept while the server could not be reached: a new edit (`DO`: made again on the
    plan as it is then), or an undo or redo of one (made exactly, as the undo stack would)."""

    edit: Edit
    direction: Direction


@dataclass(frozen=True)
class Refusal:
    """An edit (or undo) the server refused: the edit, the field changes it made, and why."""

    edit: Edit
    undoing: bool
    records: tuple[FieldChange, ...]
    error: TeamConflictError


class TeamSession:
    """One team plan open for editing by `who`: its document, link and the edits that did not
    reach the server. `record` is the editor's recorder (the window's controller calls it)."""

    def __init__(
        self,
        document: TeamPlanDocument,
        who: Callable[[], str],
        link: SessionLink | None = None,
    ) -> None:
        self.document = document
        self.address = document.address
        self.who = who
        self.link = link if link is not None else SessionLink(document)
        self._handed_over = False  # the link went on to the session a reload made
        self.waiting: list[WaitingEdit] = []
        self.refusal: Refusal | None = None
        self.failed: ServerUnreachableError | None = None
        self._resending = False
        self._recorders: dict[int, TeamRecorder] = {}
        # Set by the window's live updates (revorg.model.team.live.LivePlan.undo_refusal):
        # once teammates' steps are taken in, the row versions are fresh, so only the log
        # tells that an undo or redo would overwrite a teammate's value.
        self.undo_guard: Callable[[Edit], TeamConflictError | None] | None = None

    @classmethod
    def open(cls, address: TeamPlanAddress, who: str | Callable[[], str]) -> TeamSession:
        """The plan read for editing (its rows and their versions in one snapshot), over the
        connection its edits are then sent over (one login)."""
        name = who if callable(who) else (lambda: str(who))
        link = SessionLink.open(address)
        return cls(link.document, name, link)

    def reload(self) -> TeamSession:
        """The plan as the server has it now, in a new session that takes over what waits and
        this session's link: read over the same connection (no new login), or over a new one
        when that one was lost. The caller replaces the document."""
        try:
            document = self.link.read_again()
        except TeamPlanError as error:
            if not lost_connection(error):
                raise
            self.link.drop_connection()
            document = self.link.read_again()
        fresh = TeamSession(document, self.who, self.link)
        fresh.waiting = list(self.waiting)
        self._handed_over = True
        return fresh

    # --- the recorder --------------------------------------------------------------------------

    def record(self, editor: PlanEditor, edit: Edit, change: Change) -> None:
        """Send an edit's step to the server inside the edit's savepoint; what cannot be sent
        raises, so the edit core rolls it back in memory."""
        if editor.document is not self.document:
            return
        if (self.waiting or self.link.lost) and not self._resending:
            self._wait(edit, change)
            raise unreachable(self.address, change.undone)
        overwrite = self.undo_guard(edit) if self.undo_guard is not None else None
        if overwrite is not None:
            self.refusal = Refusal(edit, change.undone, change.records, overwrite)
            raise overwrite
        recorder = self._recorders.get(id(editor))
        if recorder is None:
            recorder = TeamRecorder(editor, self.link, self.who, utc_now)
            self._recorders[id(editor)] = recorder
        try:
            recorder(edit, change)
        except TeamConflictError as error:
            self.refusal = Refusal(edit, change.undone, change.records, error)
            raise
        except ServerUnreachableError as error:
            self._wait(edit, change)
            self.failed = error
            if change.undone:
                raise unreachable(self.address, undoing=True) from None
            raise

    def _wait(self, edit: Edit, change: Change) -> None:
        if self._resending:  # the caller puts it back at the front
            return
        self.waiting.append(WaitingEdit(edit, change.direction))

    def resolve_doubt(self) -> bool:
        """Before what waits is sent again: whether the first waiting edit, whose send lost its
        answer, is on the server after all; then it no longer waits, and the copy is to take it
        in from the log (as the user's own step: `document.landed_steps`). Raises
        ServerUnreachableError (nothing changed); a refusal of the question (a role revoked
        meanwhile) settles the doubt and raises: the edit is then sent again, and the rows'
        versions refuse it if it had landed."""
        try:
            landed = self.link.settle_doubt()
        except ServerUnreachableError:
            raise
        except TeamPlanError:
            self.link.in_doubt = None
            raise
        if landed is None:
            return False
        self.document.landed_steps.add(landed)
        if self.waiting:
            self.waiting.pop(0)
        return True

    def take_refusal(self) -> Refusal | None:
        refusal, self.refusal = self.refusal, None
        return refusal

    @contextlib.contextmanager
    def resending(self) -> Iterator[None]:
        """Around sending the first waiting edit again: it may try the server, and waits less
        for a lock another session holds (RETRY_LOCK_TIMEOUT)."""
        self._resending = True
        self.failed = None
        self.link.lock_timeout = RETRY_LOCK_TIMEOUT
        try:
            yield
        finally:
            self._resending = False
            self.link.lock_timeout = None

    def close_link(self) -> None:
        if not self._handed_over:
            self.link.close()

    def close(self) -> None:
        self.close_link()
        self.document.close()


def plans_on_server(address: TeamPlanAddress) -> list[str]:
    """The names of the plans on the address's server that its user may read, in order (the
    registry's row-level security hides the others); none on a server without RevOrg's
    tables."""
    from sqlalchemy import text

    engine = engine_for(address)
    try:
        with server_errors(address), engine.connect() as connection:
            exists = connection.execute(text("SELECT to_regclass('revorg.plans')")).scalar()
            if exists is None:
                return []
            rows = connection.execute(text("SELECT name FROM revorg.plans ORDER BY name"))
            return [str(row[0]) for row in rows]
    finally:
        engine.dispose()
