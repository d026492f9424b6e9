"""A team plan open as a PlanDocument: read from the server into memory, then used as a file's
plan is (summary, compare, export, history). Read for editing (`for_editing=True`), each edit is
sent to the server as it is made (revorg.model.team.editing): saving only commits the copy in
memory; `revorg pull` writes it to a file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from revorg.model.document import PlanDocument
from revorg.model.errors import QT_TRANSLATE_NOOP
from revorg.model.history.version import database_version
from revorg.model.team.address import TeamPlanAddress
from revorg.model.team.cache import USER_CACHE, PlanCache
from revorg.model.team.errors import TeamPlanError
from revorg.model.team.salaries import strip_salaries
from revorg.model.team.transfer import load

if TYPE_CHECKING:
    from sqlalchemy import Connection


class TeamPlanDocument(PlanDocument):
    """A plan read from a team server: its address (without password, when shown) and the
    version it was read at."""

    def __init__(
        self,
        address: TeamPlanAddress,
        *,
        for_editing: bool = False,
        connection: Connection | None = None,
        cache: PlanCache | None = USER_CACHE,
    ) -> None:
        # Over `connection` when given (no new login: revorg.model.team.editing.TeamLink);
        # through the user's cache of team plans unless told otherwise (None).
        loaded = load(address, row_versions=for_editing, connection=connection, cache=cache)
        super().__init__(loaded.connection, None)
        self.address = address
        self.registered = loaded.registered
        self.row_versions = loaded.row_versions
        self.for_editing = for_editing
        self.without_salaries = loaded.without_salaries
        if self.without_salaries:
            # The server gave 0 for the salaries and null for the log's amounts; the log's chain
            # is sealed again over what the viewer has (the server's own chain is unchanged).
            strip_salaries(self.session)
        # On the database, not the session: a session's first statement opens its transaction
        # (a millisecond of a 10,000-position first open), which whatever reads the plan
        # next pays anyway, as after opening a file.
        self.version = database_version(self.connection)
        # The server's ids of the steps this copy sent (already applied here): live updates
        # (revorg.model.team.live) skip them when they read the steps after their version.
        self.sent_steps: set[int] = set()
        # The user's own steps found on the server after their answer was lost: taken in from
        # the log, as the user's (revorg.model.team.in_doubt).
        self.landed_steps: set[int] = set()

    def save(self) -> None:
        if self.for_editing:  # every edit reached the server as it was made
            self.commit()
            return
        raise TeamPlanError(
            QT_TRANSLATE_NOOP(
                "TeamPlanError",
                "this team plan was opened for reading: pull a copy to a file",
            )
        )

    def save_as(self, path: Path) -> None:
        """A local copy: the file becomes the document's, as Save As does for a file."""
        super().save_as(path)


def open_team_plan(address: TeamPlanAddress) -> TeamPlanDocument:
    return TeamPlanDocument(address)
