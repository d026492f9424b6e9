"""Opening a team plan through the cache: the cached copy brought up to date, or none.

`transfer.load` asks, inside its snapshot of the server, for the cached copy of the plan
(revorg.model.team.cache), else the server's image of the plan for the user's reading role
(revorg.model.team.images), and when one fits, takes the log's steps after it
(revorg.model.team.cache_update) instead of copying every row; otherwise it reads the plan
whole. What it read is kept for the next open (`keep`), and an editor's open that read whole
or found the server's image far behind writes the images again.
"""

from __future__ import annotations

import logging
import sqlite3
from typing import TYPE_CHECKING, Any

from revorg.model.history.version import database_version
from revorg.model.team.cache import CacheKey, CacheState, PlanCache, cached_server
from revorg.model.team.cache_marks import ServerMarks
from revorg.model.team.cache_update import (
    ServerLog,
    ServerRowVersions,
    StaleCopyError,
)
from revorg.model.team.fetching import pipelined
from revorg.model.team.images import (
    REFRESH_AFTER_STEPS,
    RefusedImageError,
    ServerImage,
    checked_image,
    read_image,
    write_images,
)

if TYPE_CHECKING:
    import psycopg

    from revorg.model.team.address import TeamPlanAddress
    from revorg.model.team.opening import PlanFacts
    from revorg.model.team.step_rows import RowKey

_LOG = logging.getLogger(__name__)


class CachedOpen:
    """One open of a plan through `cache`, inside the caller's snapshot on `driver`.

    The questions to the server (its marks, the log after the copy, the rows' versions) go
    out together in one pipeline before the copy is read from the disk or the server's image
    is checked, so that the server answers them while this side works (docs/speed.md)."""

    def __init__(
        self,
        cache: PlanCache,
        driver: psycopg.Connection[Any],
        address: TeamPlanAddress,
        facts: PlanFacts,
        *,
        take_image: bool = True,
        hint: str | None = None,
    ) -> None:
        self.cache = cache
        self.hint = hint  # written with the copy kept (PlanCache.knows_name)
        self.given_image = facts.image  # the image, when it came with the facts
        self.take_image = take_image  # False: the image was refused by this open's value check
        self.driver = driver
        self.plan_id = facts.registered.id
        self.schema = facts.registered.schema
        self.without_salaries = facts.without_salaries
        self.image_version = facts.image_version
        self.created_at = facts.created_at
        self.writes_table = facts.outside_writes
        self.label = f"the image of team plan {address.plan!r} on {address.server}"
        self.key = CacheKey(
            cached_server(address),
            address.database,
            self.plan_id,
            facts.login,
        )
        # The server's marks (cache_marks) once asked; None: no copy can be trusted, nor kept.
        self.state: CacheState | None = None
        self.marks_asked = False
        self.steps_taken = 0
        self.from_image = False  # the copy is the server's image, not this machine's

    def take(self, row_versions: bool) -> tuple[sqlite3.Connection, dict[RowKey, int]] | None:
        """The cached copy, else the server's image, brought up to the server's plan, and the
        rows' versions when `row_versions`; None when neither fits (a cached copy that does
        not is dropped)."""
        if self.writes_table and self.cache.has(self.key):
            taken = self._take_cached(row_versions)
            if taken is not None:
                return taken
        if (
            self.take_image
            and self.writes_table
            and self.image_version is not None
            and not self._untrusted
        ):
            taken = self._take_image(row_versions)
            if taken is not None:
                return taken
        if not self.marks_asked:  # for keeping what is read whole
            self._note_marks(ServerMarks(self.driver, self.schema, self.writes_table))
        if self.state is None:
            self.cache.drop(self.key)
        return None

    @property
    def _untrusted(self) -> bool:
        return self.marks_asked and self.state is None

    @property
    def values_unchecked(self) -> bool:
        """Whether the copy taken holds values RevOrg has not checked: steps from the server,
        or the server's image (a cached copy's bytes are those of a plan checked so)."""
        return self.from_image or bool(self.steps_taken)

    def keep(self, plan: sqlite3.Connection, *, read_whole: bool) -> None:
        """Keep the checked plan for the next open, when it is new (read whole, the server's
        image, or steps taken in since the cached copy); write the server's images again when
        an editor read the plan whole or found them far behind."""
        if self.state is None:
            return
        if read_whole or self.values_unchecked:
            self.cache.write(self.key, self.state, plan, self.hint)
        behind = self.image_version is None or (
            database_version(plan) - self.image_version >= REFRESH_AFTER_STEPS
        )
        if not self.without_salaries and (read_whole or behind):
            write_images(self.driver, self.plan_id, plan, self.state.marks)

    def _take_cached(
        self, row_versions: bool
    ) -> tuple[sqlite3.Connection, dict[RowKey, int]] | None:
        copy = None
        try:
            with pipelined(self.driver):
                marks = ServerMarks(self.driver, self.schema, self.writes_table)
                copy = self.cache.read(self.key)  # while the server works out its marks
                if copy is not None:
                    log = ServerLog(
                        self.driver, self.schema, database_version(copy.plan), self.without_salaries
                    )
                    versions = ServerRowVersions(self.driver, self.schema) if row_versions else None
            self._note_marks(marks)
        except BaseException:  # the server's error, for the caller: nothing left open
            if copy is not None:
                copy.plan.close()
            raise
        if copy is None:
            return None
        if self.state is None or not copy.fits(self.key, self.state):
            copy.plan.close()
            self.cache.drop(self.key)
            return None
        taken = self._brought_up(copy.plan, log, versions)
        if taken is None:
            self.cache.drop(self.key)
        return taken

    def _take_image(
        self, row_versions: bool
    ) -> tuple[sqlite3.Connection, dict[RowKey, int]] | None:
        copy = image = None
        try:
            with pipelined(self.driver):
                image = self.given_image or read_image(
                    self.driver, self.plan_id, with_salaries=not self.without_salaries
                )
                if image is not None:
                    marks = (
                        None if self.marks_asked else ServerMarks(self.driver, self.schema, True)
                    )
                    log = ServerLog(self.driver, self.schema, image.version, self.without_salaries)
                    versions = ServerRowVersions(self.driver, self.schema) if row_versions else None
                    copy = self._checked(image)  # while the server answers the rest
            if image is not None and marks is not None:
                self._note_marks(marks)
        except BaseException:
            if copy is not None:
                copy.close()
            raise
        if image is None or copy is None:
            return None
        if self.state is None or image.marks != self.state.marks:
            _LOG.info("%s not taken: the plan was changed outside RevOrg since", self.label)
            copy.close()
            return None
        self.from_image = True
        taken = self._brought_up(copy, log, versions)
        self.from_image = taken is not None
        return taken

    def _checked(self, image: ServerImage) -> sqlite3.Connection | None:
        try:
            return checked_image(image, self.label, with_salaries=not self.without_salaries)
        except RefusedImageError as error:
            _LOG.warning("%s not taken: %s", self.label, error)
            return None

    def _note_marks(self, marks: ServerMarks) -> None:
        self.marks_asked = True
        found = marks.result()
        self.state = (
            None if found is None else CacheState(self.created_at, self.without_salaries, found)
        )

    def _brought_up(
        self, copy: sqlite3.Connection, log: ServerLog, versions: ServerRowVersions | None
    ) -> tuple[sqlite3.Connection, dict[RowKey, int]] | None:
        try:
            self.steps_taken = log.take_in(copy)
            return copy, versions.result() if versions is not None else {}
        except StaleCopyError as error:
            source = self.label if self.from_image else "the cached copy"
            _LOG.info("%s not taken: %s", source, error)
            copy.close()
            return None
        except BaseException:  # the server's error, for the caller: nothing left open
            copy.close()
            raise
