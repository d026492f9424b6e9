"""Making many objects at once: a large plan is tens of thousands of rows, cards and lines."""

from __future__ import annotations

import gc
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@contextmanager
def paused_gc() -> Iterator[None]:
    """Make many objects without Python's cycle collector scanning the whole heap again and
    again (a fifth of opening a large plan); it runs as usual afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def driver_connection(session: Session) -> sqlite3.Connection:
    """The session's own sqlite3 connection, inside the session's transaction, with pending
    changes flushed: reading or writing tens of thousands of rows through it skips the result
    rows and ORM objects that make up most of the time otherwise."""
    session.flush()
    connection = session.connection().connection.driver_connection
    assert isinstance(connection, sqlite3.Connection)
    return connection
