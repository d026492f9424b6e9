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

from revorg.model.team.cache import CacheKey, CacheState, PlanCache
from revorg.model.team.cache_marks import server_marks
from revorg.model.team.cache_update import (
    StaleCopyError,
    bring_up_to_date,
    copy_version,
    server_row_versions,
)
from revorg.model.team.images import (
    REFRESH_AFTER_STEPS,
    RefusedImageError,
    checked_image,
    image_version_sql,
    read_image,
    write_images,
)
from revorg.model.team.storage import REGISTRY_SCHEMA

if TYPE_CHECKING:
    import psycopg
    from sqlalchemy import Connection

    from revorg.model.team.address import TeamPlanAddress
    from revorg.model.team.step_rows import RowKey

_LOG = logging.getLogger(__name__)


class CachedOpen:
    """One open of a plan through `cache`, inside the caller's snapshot on `connection`."""

    def __init__(
        self,
        cache: PlanCache,
        connection: Connection,
        address: TeamPlanAddress,
        plan_id: int,
        schema: str,
        without_salaries: bool,
    ) -> None:
        self.cache = cache
        driver = connection.connection.driver_connection
        assert driver is not None
        self.driver: psycopg.Connection[Any] = driver
        self.cursor: psycopg.Cursor[Any] = driver.cursor()
        self.plan_id = plan_id
        self.schema = schema
        self.without_salaries = without_salaries
        self.label = f"the image of team plan {address.plan!r} on {address.server}"
        # The login the server knows (PGUSER or the system user when the URL names none), and
        # the version of the server's image for the user's reading role (None: no image).
        login, created_at, image_version = self.cursor.execute(
            f"SELECT session_user, created_at::text, {image_version_sql()} "
            f'FROM "{REGISTRY_SCHEMA}".plans WHERE id = %s',
            (plan_id, not without_salaries, plan_id),
        ).fetchone() or ("", "", None)
        self.image_version: int | None = image_version
        self.key = CacheKey(
            f"{address.host or 'localhost'}:{address.port}", address.database, plan_id, login
        )
        marks = server_marks(self.cursor, schema)
        # None: a table's trigger is missing or off, so no copy can be trusted, nor kept.
        self.state = None if marks is None else CacheState(created_at, without_salaries, marks)
        self.steps_taken = 0
        self.from_image = False  # the copy is the server's image, not this machine's

    def take(self, row_versions: bool) -> tuple[sqlite3.Connection, dict[RowKey, int]] | None:
        """The cached copy, else the server's image, brought up to the server's plan, and the
        rows' versions when `row_versions`; None when neither fits (a cached copy that does
        not is dropped)."""
        if self.state is None:
            self.cache.drop(self.key)
            return None
        cached = self.cache.read(self.key, self.state)
        if cached is not None:
            taken = self._brought_up(cached, row_versions)
            if taken is not None:
                return taken
            self.cache.drop(self.key)
        image = self._server_image(self.state)
        if image is None:
            return None
        self.from_image = True
        taken = self._brought_up(image, row_versions)
        self.from_image = taken is not None
        return taken

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
            self.cache.write(self.key, self.state, plan)
        behind = self.image_version is None or (
            copy_version(plan) - int(self.image_version) >= REFRESH_AFTER_STEPS
        )
        if not self.without_salaries and (read_whole or behind):
            write_images(self.driver, self.plan_id, plan, self.state.marks)

    def _brought_up(
        self, copy: sqlite3.Connection, row_versions: bool
    ) -> tuple[sqlite3.Connection, dict[RowKey, int]] | None:
        try:
            self.steps_taken = bring_up_to_date(
                self.cursor, copy, self.schema, self.without_salaries
            )
            versions = server_row_versions(self.cursor, self.schema) if row_versions else {}
        except StaleCopyError as error:
            _LOG.info("copy of the team plan not taken (%s): %s", self._source(), error)
            copy.close()
            return None
        except BaseException:  # the server's error, for the caller: nothing left open
            copy.close()
            raise
        return copy, versions

    def _server_image(self, state: CacheState) -> sqlite3.Connection | None:
        """The server's image for the user's reading role, checked; None when there is none,
        it is not of the server's plan as it is now, or it fails a check."""
        if self.image_version is None:
            return None
        image = read_image(self.driver, self.plan_id, with_salaries=not self.without_salaries)
        if image is None:
            return None
        if image.marks != state.marks:  # written before a change made outside RevOrg
            _LOG.info("%s not taken: the plan was changed outside RevOrg since", self.label)
            return None
        try:
            return checked_image(image, self.label, with_salaries=not self.without_salaries)
        except RefusedImageError as error:
            _LOG.warning("%s not taken: %s", self.label, error)
            return None

    def _source(self) -> str:
        return self.label if self.from_image else "the cached copy"
