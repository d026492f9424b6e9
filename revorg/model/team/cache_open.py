"""Opening a team plan through the cache: the cached copy brought up to date, or none.

`transfer.load` asks, inside its snapshot of the server, for the cached copy of the plan
(revorg.model.team.cache) and, when there is one that fits, takes the log's steps after it
(revorg.model.team.cache_update) instead of copying every row; otherwise it reads the plan
whole and keeps the result for the next open (`keep`).
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
    server_row_versions,
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
        self.cursor: psycopg.Cursor[Any] = driver.cursor()
        self.schema = schema
        self.without_salaries = without_salaries
        # The login the server knows (PGUSER or the system user when the URL names none).
        login, created_at = self.cursor.execute(
            f'SELECT session_user, created_at::text FROM "{REGISTRY_SCHEMA}".plans WHERE id = %s',
            (plan_id,),
        ).fetchone() or ("", "")
        self.key = CacheKey(
            f"{address.host or 'localhost'}:{address.port}", address.database, plan_id, login
        )
        marks = server_marks(self.cursor, schema)
        # None: a table's trigger is missing or off, so no copy can be trusted, nor kept.
        self.state = None if marks is None else CacheState(created_at, without_salaries, marks)
        self.steps_taken = 0

    def take(self, row_versions: bool) -> tuple[sqlite3.Connection, dict[RowKey, int]] | None:
        """The cached copy brought up to the server's plan, and the rows' versions when
        `row_versions`; None when there is no copy that fits (the entry is then dropped)."""
        if self.state is None:
            self.cache.drop(self.key)
            return None
        copy = self.cache.read(self.key, self.state)
        if copy is None:
            return None
        try:
            self.steps_taken = bring_up_to_date(
                self.cursor, copy, self.schema, self.without_salaries
            )
            versions = server_row_versions(self.cursor, self.schema) if row_versions else {}
        except StaleCopyError as error:
            _LOG.info("cached team plan dropped: %s", error)
            copy.close()
            self.cache.drop(self.key)
            return None
        except BaseException:  # the server's error, for the caller: nothing left open
            copy.close()
            raise
        return copy, versions

    def keep(self, plan: sqlite3.Connection, *, read_whole: bool) -> None:
        """Keep the checked plan for the next open, when it is new: read whole, or steps
        taken in since the cached copy."""
        if self.state is not None and (read_whole or self.steps_taken):
            self.cache.write(self.key, self.state, plan)
