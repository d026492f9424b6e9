"""A long change log left in the plan file until something asks for it (issue 16: opening a
plan does not read the log, and 100,000 recorded steps add nothing to the time to open).

A plan is edited in an in-memory copy of its file. Copying the file page by page (SQLite's
backup) costs time in proportion to the file, and a long log is most of a file: 100,000 steps
are 23 MB, 30 ms or more to copy and 100 ms to check, against 2 ms for the demo plan alone.
So when the log is most of the file, opening copies the plan's tables row by row and only the
log's last rows (what the recorder needs to go on: the chain's head, the last step, the highest
ids), and marks the connection with the file it came from. The rest of the log is read into
the copy the first time anything reads the log (the history panel, `revorg history`, a replay,
a revert, a deal's versions) or writes the plan out (save, save as, the recovery copy):
`load_stored_log`. Reading it checks that the file is still the one that was opened; when it
is not, or its log's pages cannot be read, the plan goes on with the steps recorded since it
was opened, and the log's check says what was lost (`log_lost`).
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

LOG_TABLE_NAMES = ("history_chain", "history_steps", "history_changes")

# Below this the whole file is copied, log included: a small copy costs less than choosing.
LAZY_LOG_MIN_BYTES = 1 << 20
# Rough sizes of a step and of a field change in the file, to weigh the log against the plan
# without reading it (measured: 100,000 steps of benchmarks/history.py take 23 MB).
STEP_BYTES = 120
CHANGE_BYTES = 80


@dataclass(frozen=True)
class FileIdentity:
    """What tells that a file is still the one that was read: SQLite's own change counter
    (bytes 24-27 of the header, raised by every write) with the size and the time of change."""

    size: int
    modified_ns: int
    change_counter: bytes

    @classmethod
    def of(cls, path: Path) -> FileIdentity:
        with path.open("rb") as handle:
            header = handle.read(100)
            stat = path.stat()
        return cls(stat.st_size, stat.st_mtime_ns, header[24:28])


@dataclass(frozen=True)
class StoredLog:
    """The log rows left in the plan file at `path`, as it was when opened."""

    path: Path
    identity: FileIdentity


class PlanConnection(sqlite3.Connection):
    """The in-memory database of an open plan, with what it knows of its file's log."""

    stored_log: StoredLog | None = None  # rows still in the file, read on first use
    log_lost: str | None = None  # why the file's log could not be read, if it could not
    reading_tail: bool = False  # reading only steps recorded since the plan was opened


@contextlib.contextmanager
def tail_only(connection: sqlite3.Connection) -> Iterator[None]:
    """Read the newest steps without reading the file's older ones in: for a reader that
    needs only steps recorded since the plan was opened (folding keystrokes into one step),
    which are all in memory."""
    if not isinstance(connection, PlanConnection):
        yield
        return
    connection.reading_tail = True
    try:
        yield
    finally:
        connection.reading_tail = False


def attach_uri(path: Path) -> str:
    return f"file:{quote(str(path))}?mode=ro"


def log_is_most_of_the_file(source: sqlite3.Connection, file_size: int) -> bool:
    """Whether the log is worth leaving in the file: more than half of it, and over 1 MB.
    Two look-ups of the highest ids, not a count: nothing of the log is read."""
    if file_size < LAZY_LOG_MIN_BYTES:
        return False
    try:
        steps, changes = source.execute(
            "SELECT (SELECT max(id) FROM history_steps), (SELECT max(id) FROM history_changes)"
        ).fetchone()
    except sqlite3.Error:  # no log tables, or reshaped ones: the whole-file path handles it
        return False
    if not isinstance(steps, int) or not isinstance(changes, int):
        return False
    return steps * STEP_BYTES + changes * CHANGE_BYTES > file_size // 2


def copy_without_log(memory: PlanConnection, path: Path, log_damage: str | None = None) -> None:
    """Copy every table of the file at `path` into `memory` (empty), the log's tables with their
    last rows only; mark `memory` with the rest to read later. The file's schema was checked
    (only RevOrg's tables and indexes) and is checked again on the copy.

    `log_damage`: the log's pages are damaged (store.checks); nothing of it is copied, and the
    log's check will say it was lost."""
    identity = FileIdentity.of(path)
    memory.execute("ATTACH DATABASE ? AS stored", (attach_uri(path),))
    try:
        with memory:
            _copy_schema_and_rows(memory, with_log=log_damage is None)
    finally:
        memory.execute("DETACH DATABASE stored")
    if log_damage is None:
        memory.stored_log = StoredLog(path, identity)
    else:
        memory.log_lost = f"its pages are damaged ({log_damage})"


def _copy_schema_and_rows(memory: sqlite3.Connection, with_log: bool) -> None:
    entries = memory.execute(
        "SELECT type, name, sql FROM stored.sqlite_master WHERE sql IS NOT NULL "
        "AND name NOT LIKE 'sqlite_%' ORDER BY type = 'index', rowid"
    ).fetchall()
    for kind, name, sql in entries:
        memory.execute(sql)
        if kind == "table" and name not in LOG_TABLE_NAMES:
            quoted = '"' + name.replace('"', '""') + '"'
            memory.execute(f"INSERT INTO main.{quoted} SELECT * FROM stored.{quoted}")
    for pragma in ("application_id", "user_version"):
        (value,) = memory.execute(f"PRAGMA stored.{pragma}").fetchone()
        memory.execute(f"PRAGMA main.{pragma} = {int(value)}")
    if with_log:
        _copy_log_tail(memory)


def _copy_log_tail(memory: sqlite3.Connection) -> None:
    """The chain's row, the last step and its changes, and the changes with the highest id and
    step number: what the recorder reads to give the next step its number and its link."""
    memory.execute("INSERT INTO main.history_chain SELECT * FROM stored.history_chain")
    memory.execute(
        "INSERT INTO main.history_steps SELECT * FROM stored.history_steps "
        "WHERE id = (SELECT max(id) FROM stored.history_steps)"
    )
    memory.execute(
        "INSERT OR IGNORE INTO main.history_changes SELECT * FROM stored.history_changes "
        "WHERE step_id = (SELECT max(id) FROM stored.history_steps) "
        "OR id = (SELECT max(id) FROM stored.history_changes) "
        "OR step_id = (SELECT max(step_id) FROM stored.history_changes)"
    )


def load_stored_log(connection: sqlite3.Connection) -> None:
    """Read the rest of the file's log into the plan's copy, once; nothing when it is all
    there. Never raises for the log: what cannot be read is recorded in `log_lost`."""
    if not isinstance(connection, PlanConnection) or connection.stored_log is None:
        return
    if connection.reading_tail:
        return
    stored, connection.stored_log = connection.stored_log, None
    try:
        if FileIdentity.of(stored.path) != stored.identity:
            connection.log_lost = "the file was changed by another program after it was opened"
            return
    except OSError as error:
        connection.log_lost = f"the file cannot be read ({error.strerror or error})"
        return
    problem = _damaged_log_pages(stored.path)
    if problem is not None:
        connection.log_lost = f"its pages are damaged ({problem})"
        return
    try:
        connection.execute("ATTACH DATABASE ? AS stored", (attach_uri(stored.path),))
    except sqlite3.Error as error:
        connection.log_lost = f"the file cannot be read ({error})"
        return
    try:
        # One savepoint: the rows come all or none.
        connection.execute("SAVEPOINT load_stored_log")
        try:
            for name in ("history_steps", "history_changes"):
                connection.execute(f"INSERT OR IGNORE INTO main.{name} SELECT * FROM stored.{name}")
        except sqlite3.Error:
            connection.execute("ROLLBACK TO load_stored_log")
            raise
        finally:
            connection.execute("RELEASE load_stored_log")
    except sqlite3.Error as error:
        connection.log_lost = f"its pages are damaged ({' '.join(str(error).split())})"
    detach_stored(connection)


def _damaged_log_pages(path: Path) -> str | None:
    """SQLite's check of the log's tables in the file, on a connection of its own: a damaged
    page met while the plan's own connection reads it would leave that connection's open
    transaction failing every later edit (seen with a page of noise). A changed row that
    passes this check fails the log's hash chain instead (history.chain.verify)."""
    try:
        with contextlib.closing(sqlite3.connect(attach_uri(path), uri=True)) as source:
            for name in ("history_steps", "history_changes"):
                query = f'PRAGMA quick_check("{name}")'
                problems = [str(row[0]) for row in source.execute(query)]
                if problems != ["ok"]:
                    return " ".join(problems[0].split())
    except sqlite3.Error as error:
        return " ".join(str(error).split())
    return None


def detach_stored(connection: sqlite3.Connection) -> None:
    """Let go of the file the log was read from. SQLite refuses while the edit transaction that
    read it is open: then it is let go before the plan is written out (store.writing), the next
    moment no transaction is open, so that the file can be replaced (Windows keeps an open file
    from being renamed over)."""
    attached = {row[1] for row in connection.execute("PRAGMA database_list")}
    if "stored" in attached:
        with contextlib.suppress(sqlite3.OperationalError):
            connection.execute("DETACH DATABASE stored")


def forget_stored_log(connection: sqlite3.Connection) -> None:
    """The file's log tables were not RevOrg's and were made anew: there is nothing to read."""
    if isinstance(connection, PlanConnection):
        connection.stored_log = None
