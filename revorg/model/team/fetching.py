"""A plan's tables fetched from the server in one round trip (issue 17: the first open).

Reading a plan whole asks for each of its 16 tables. Sent one after the other, each query waits
for the one before: 16 round trips, a few ms on the local test server but a third of a second
over a 20 ms link. Here the queries go out together in psycopg's pipeline mode and the answers
come back in one stream; a client library without pipeline mode (libpq before 14) asks them in
turn, as before. Rows come in PostgreSQL's binary format: the same Python values (BIGINT as int,
TEXT as str, BOOLEAN as bool, BYTEA as bytes) for less parsing than the text format.

What the server returns is untrusted: a table or column it does not have as RevOrg makes it
refuses the plan in one line naming the table (DamagedRowsError), never a traceback.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager, nullcontext
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import psycopg


class DamagedRowsError(Exception):
    """The server's rows are not what RevOrg makes: the reason, for one line."""


def pipelined(driver: psycopg.Connection[Any]) -> AbstractContextManager[object]:
    """psycopg's pipeline mode on `driver` (queries sent without waiting, their answers read
    as asked for), or nothing with a client library that lacks it (libpq before 14)."""
    import psycopg

    return driver.pipeline() if psycopg.Pipeline.is_supported() else nullcontext()


def fetch_tables(
    driver: psycopg.Connection[Any], queries: Sequence[tuple[str, bytes]]
) -> list[list[tuple[Any, ...]]]:
    """The rows of each (table name, query), in order, inside the caller's transaction (a
    refused query leaves it aborted: the caller rolls it back)."""
    import psycopg
    from psycopg import errors

    cursors = [driver.cursor(binary=True) for _ in queries]
    try:
        if psycopg.Pipeline.is_supported():
            with driver.pipeline():
                for cursor, (_, query) in zip(cursors, queries, strict=True):
                    cursor.execute(query)
        else:
            for cursor, (_, query) in zip(cursors, queries, strict=True):
                cursor.execute(query)
    except (errors.UndefinedTable, errors.UndefinedColumn):
        # Someone changed the plan's tables on the server: refused as a changed file is. The
        # refused query is the first without an answer (those after it were not run).
        refused = next(
            (
                name
                for cursor, (name, _) in zip(cursors, queries, strict=True)
                if cursor.pgresult is None
            ),
            "?",
        )
        raise DamagedRowsError(f"table {refused!r} is not as RevOrg makes it") from None
    try:
        return [cursor.fetchall() for cursor in cursors]
    finally:
        for cursor in cursors:
            cursor.close()
