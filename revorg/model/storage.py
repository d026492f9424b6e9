"""The .revorg file: one plan in one SQLite file.

While a plan is open it lives in an in-memory SQLite database; the file on disk is only read on
open and replaced on save. A save writes a complete copy beside the file with SQLite's backup API,
flushes it to disk and renames it over the old one, so at every instant the path holds the old
plan or the new one, never a mix, and a crash mid-save loses nothing that was saved before.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import TracebackType
from urllib.parse import quote

from revorg.model.atomic import copy_permissions, sync_folder
from revorg.model.bulk import paused_gc
from revorg.model.errors import QT_TRANSLATE_NOOP, PlanFileError, PlanFileLockedError

APPLICATION_ID = 0x52564F52  # "RVOR" in the SQLite header: marks the file as a RevOrg plan.
SCHEMA_VERSION = 3
SQLITE_HEADER = b"SQLite format 3\x00"
FILE_SUFFIX = ".revorg"
REQUIRED_TABLES = frozenset(
    {
        "plan",
        "scenarios",
        "departments",
        "role_types",
        "positions",
        "targets",
        "dotted_lines",
        "assumptions",
    }
)


def connect_memory() -> sqlite3.Connection:
    """An empty in-memory database configured as every plan database is."""
    connection = sqlite3.connect(":memory:", check_same_thread=False)
    connection.execute("PRAGMA foreign_keys = ON")
    return connection


def stamp_schema(connection: sqlite3.Connection) -> None:
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    connection.commit()


# Deleting a position makes SQLite look for the positions that report to it and the dotted
# lines that end at it (their foreign keys); without these indexes each look-up reads the whole
# table, and removing a scenario of 50,000 positions took a minute and a half (2,000 cards:
# 2.5 s). Made in every plan created or opened: files saved before have none, the format is
# unchanged, and older versions read files that have them.
KEY_INDEXES = (
    "CREATE INDEX IF NOT EXISTS ix_positions_manager ON positions (manager_id)",
    "CREATE INDEX IF NOT EXISTS ix_dotted_lines_to ON dotted_lines (to_position_id)",
)


def add_key_indexes(connection: sqlite3.Connection) -> None:
    with connection:
        for statement in KEY_INDEXES:
            connection.execute(statement)


# --- reading -------------------------------------------------------------------------------


def read_plan_file(path: Path) -> sqlite3.Connection:
    """Check the file and copy it into memory, migrated to the current schema.

    The file itself is opened read-only and never modified, even when it needs a migration: the
    migrated plan reaches the disk only when the user saves.
    """
    _check_sqlite_header(path)
    try:
        source = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise PlanFileError(
            QT_TRANSLATE_NOOP("PlanFileError", "cannot open {path}: {reason}"),
            path=path,
            reason=error,
        ) from None
    try:
        _check_is_current_enough_plan(source, path)
        memory = connect_memory()
        source.backup(memory)
    except sqlite3.DatabaseError as error:
        raise _unreadable(path, error) from None
    except UnicodeDecodeError:
        # SQLite's own message about the damage is itself damaged text.
        raise PlanFileError(
            QT_TRANSLATE_NOOP("PlanFileError", "{path} is damaged and cannot be read"), path=path
        ) from None
    finally:
        source.close()
    memory.execute("PRAGMA foreign_keys = ON")
    _migrate(memory, path)
    with paused_gc():  # every row of the plan read once
        _check_values(memory, path)
    try:
        add_key_indexes(memory)
    except sqlite3.Error as error:
        raise _unreadable(path, error) from None
    return memory


def _one_line(text: str) -> str:
    return " ".join(part.strip(" *") for part in text.splitlines() if part.strip(" *"))


def _unreadable(path: Path, error: sqlite3.Error) -> PlanFileError:
    return PlanFileError(
        QT_TRANSLATE_NOOP("PlanFileError", "{path} is damaged and cannot be read ({reason})"),
        path=path,
        reason=_one_line(str(error)),
    )


def _check_values(connection: sqlite3.Connection, path: Path) -> None:
    """Read every value once, as the model will: damage inside a row passes SQLite's page
    checks but must still be refused at open, not fail later in the middle of editing."""
    # Imported here: the entities describe the columns; storage stays the lower layer.
    from sqlalchemy import TypeDecorator

    from revorg.model.entities import Base

    for table in Base.metadata.sorted_tables:
        _check_columns(connection, path, table.name, [column.name for column in table.columns])
        typed = [
            (column.name, column.type)
            for column in table.columns
            if isinstance(column.type, TypeDecorator)
        ]
        try:
            # Decoding every text value is the check (bad UTF-8 raises here).
            connection.execute(f'SELECT * FROM "{table.name}"').fetchall()
            for name, column_type in typed:
                # Each distinct stored value once: costs and months repeat across a plan.
                query = f'SELECT DISTINCT "{name}" FROM "{table.name}"'
                for (value,) in connection.execute(query):
                    column_type.process_result_value(value, None)  # type: ignore[arg-type]
        except (sqlite3.Error, ValueError, ArithmeticError, TypeError) as error:
            raise PlanFileError(
                QT_TRANSLATE_NOOP(
                    "PlanFileError",
                    "{path} is damaged: a value in table {table} cannot be read ({reason})",
                ),
                path=path,
                table=repr(table.name),
                reason=_one_line(str(error)),
            ) from None


def _check_columns(
    connection: sqlite3.Connection, path: Path, table: str, columns: list[str]
) -> None:
    """Every column the model reads is there (a damaged schema can rename one)."""
    try:
        found = {row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')}
    except (sqlite3.Error, ValueError) as error:  # the schema text itself is damaged
        raise PlanFileError(
            QT_TRANSLATE_NOOP(
                "PlanFileError",
                "{path} is damaged: the columns of table {table} cannot be read ({reason})",
            ),
            path=path,
            table=repr(table),
            reason=_one_line(str(error)),
        ) from None
    missing = [name for name in columns if name not in found]
    if missing:
        raise PlanFileError(
            QT_TRANSLATE_NOOP(
                "PlanFileError", "{path} is damaged: column {column} of table {table} is missing"
            ),
            path=path,
            column=repr(missing[0]),
            table=repr(table),
        )


def _check_sqlite_header(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except FileNotFoundError:
        raise PlanFileError(
            QT_TRANSLATE_NOOP("PlanFileError", "no such file: {path}"), path=path
        ) from None
    except IsADirectoryError:
        raise PlanFileError(
            QT_TRANSLATE_NOOP("PlanFileError", "{path} is a folder, not a RevOrg plan"), path=path
        ) from None
    except OSError as error:
        raise PlanFileError(
            QT_TRANSLATE_NOOP("PlanFileError", "cannot read {path}: {reason}"),
            path=path,
            reason=error.strerror,
        ) from None
    if not header.startswith(SQLITE_HEADER):
        raise PlanFileError(
            QT_TRANSLATE_NOOP(
                "PlanFileError", "{path} is not a RevOrg plan (not a SQLite database)"
            ),
            path=path,
        )
    if len(header) < 100:
        raise PlanFileError(
            QT_TRANSLATE_NOOP(
                "PlanFileError", "{path} is damaged: it is shorter than a SQLite header"
            ),
            path=path,
        )
    _check_file_length(path, header)


def _check_file_length(path: Path, header: bytes) -> None:
    """A file cut short (an interrupted copy) would be read with zeros for its missing end:
    its length must be the page size times the page count the header records."""
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    page_count = int.from_bytes(header[28:32], "big")
    count_is_valid = header[24:28] == header[92:96]  # the count is kept since SQLite 3.7.0
    if count_is_valid and page_count and path.stat().st_size != page_size * page_count:
        raise PlanFileError(
            QT_TRANSLATE_NOOP(
                "PlanFileError",
                "{path} is damaged: it is {size} bytes long where its header says {expected} "
                "(an interrupted copy?)",
            ),
            path=path,
            size=str(path.stat().st_size),
            expected=str(page_size * page_count),
        )


def _check_is_current_enough_plan(source: sqlite3.Connection, path: Path) -> None:
    application_id = source.execute("PRAGMA application_id").fetchone()[0]
    if application_id != APPLICATION_ID:
        raise PlanFileError(
            QT_TRANSLATE_NOOP("PlanFileError", "{path} is a SQLite database but not a RevOrg plan"),
            path=path,
        )
    version = source.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise PlanFileError(
            QT_TRANSLATE_NOOP(
                "PlanFileError",
                "{path} was saved by a newer version of RevOrg (file format {version}; "
                "this version reads up to {newest}): please update RevOrg",
            ),
            path=path,
            version=str(version),
            newest=str(SCHEMA_VERSION),
        )
    if version < 1:
        raise PlanFileError(
            QT_TRANSLATE_NOOP("PlanFileError", "{path} is damaged: it has no file format version"),
            path=path,
        )
    # integrity_check, not quick_check: it also compares every index with its table.
    problems = [row[0] for row in source.execute("PRAGMA integrity_check(5)")]
    if problems != ["ok"]:
        raise PlanFileError(
            QT_TRANSLATE_NOOP("PlanFileError", "{path} is damaged: {reason}"),
            path=path,
            reason=_one_line(problems[0]),
        )
    tables = {row[0] for row in source.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    missing = REQUIRED_TABLES - tables - _TABLES_ADDED_AFTER.get(version, frozenset())
    if missing:
        raise PlanFileError(
            QT_TRANSLATE_NOOP("PlanFileError", "{path} is damaged: table {table} is missing"),
            path=path,
            table=repr(sorted(missing)[0]),
        )


# --- migrations ----------------------------------------------------------------------------


def _migrate_1_to_2(connection: sqlite3.Connection) -> None:
    """Format 2 added capacity overrides and dotted-line links."""
    connection.executescript(
        """
        ALTER TABLE positions ADD COLUMN capacity_override VARCHAR;
        CREATE TABLE dotted_lines (
            id INTEGER NOT NULL,
            scenario_id INTEGER NOT NULL,
            from_position_id INTEGER NOT NULL,
            to_position_id INTEGER NOT NULL,
            PRIMARY KEY (id),
            UNIQUE (from_position_id, to_position_id),
            CHECK (from_position_id != to_position_id),
            FOREIGN KEY(scenario_id) REFERENCES scenarios (id) ON DELETE CASCADE,
            FOREIGN KEY(from_position_id) REFERENCES positions (id) ON DELETE CASCADE,
            FOREIGN KEY(to_position_id) REFERENCES positions (id) ON DELETE CASCADE
        );
        """
    )


def _migrate_2_to_3(connection: sqlite3.Connection) -> None:
    """Format 3 added plan assumptions per scenario and position lineage across scenarios."""
    # Imported here: the catalogue reads resources; storage stays the lower layer.
    from revorg.model.catalogue import default_assumptions

    connection.executescript(
        """
        ALTER TABLE positions ADD COLUMN lineage TEXT;
        UPDATE positions SET lineage = 'p' || id;
        CREATE TABLE assumptions (
            id INTEGER NOT NULL,
            scenario_id INTEGER NOT NULL,
            role_key VARCHAR(60) NOT NULL,
            metric VARCHAR(40) NOT NULL,
            value VARCHAR NOT NULL,
            source TEXT NOT NULL,
            PRIMARY KEY (id),
            UNIQUE (scenario_id, role_key, metric),
            FOREIGN KEY(scenario_id) REFERENCES scenarios (id) ON DELETE CASCADE
        );
        """
    )
    scenario_ids = [row[0] for row in connection.execute("SELECT id FROM scenarios ORDER BY id")]
    connection.executemany(
        "INSERT INTO assumptions (scenario_id, role_key, metric, value, source) VALUES (?,?,?,?,?)",
        [
            (scenario_id, item.role_key, item.metric, str(item.value), item.source)
            for scenario_id in scenario_ids
            for item in default_assumptions()
        ],
    )


# Each step takes a database of format N (the key) to N + 1.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: _migrate_1_to_2,
    2: _migrate_2_to_3,
}
_TABLES_ADDED_AFTER: dict[int, frozenset[str]] = {
    1: frozenset({"dotted_lines", "assumptions"}),
    2: frozenset({"assumptions"}),
}


def _migrate(connection: sqlite3.Connection, path: Path) -> None:
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    while version < SCHEMA_VERSION:
        try:
            with connection:
                MIGRATIONS[version](connection)
                connection.execute(f"PRAGMA user_version = {version + 1}")
        except sqlite3.Error as error:
            raise PlanFileError(
                QT_TRANSLATE_NOOP(
                    "PlanFileError",
                    "{path} could not be upgraded from file format {version}: {reason}",
                ),
                path=path,
                version=str(version),
                reason=error,
            ) from None
        version += 1


# --- writing -------------------------------------------------------------------------------


def write_plan_file(connection: sqlite3.Connection, path: Path) -> None:
    """Replace `path` atomically with a copy of the in-memory plan database."""
    temporary = path.with_name(f".{path.name}.saving")
    _remove_leftovers(temporary)
    try:
        _write_copy(connection, temporary)
        copy_permissions(path, temporary)
        temporary.replace(path)
        sync_folder(path.parent)
    except sqlite3.Error as error:
        _remove_leftovers(temporary)
        raise PlanFileError(
            QT_TRANSLATE_NOOP("PlanFileError", "could not save {path}: {reason}"),
            path=path,
            reason=_describe_sqlite_error(error),
        ) from None
    except OSError as error:
        _remove_leftovers(temporary)
        reason = error.strerror or str(error)
        raise PlanFileError(
            QT_TRANSLATE_NOOP("PlanFileError", "could not save {path}: {reason}"),
            path=path,
            reason=reason,
        ) from None


def _write_copy(connection: sqlite3.Connection, temporary: Path) -> None:
    destination = sqlite3.connect(temporary)
    try:
        connection.backup(destination)
        destination.execute("PRAGMA journal_mode = DELETE")
        destination.commit()
    finally:
        destination.close()
    # The rename must not reach the disk before the data does.
    with temporary.open("rb+") as handle:
        os.fsync(handle.fileno())


def _remove_leftovers(temporary: Path) -> None:
    """Remove what an interrupted save left beside the plan (never the plan itself)."""
    for leftover in (temporary, temporary.with_name(temporary.name + "-journal")):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()


def _describe_sqlite_error(error: sqlite3.Error) -> str:
    text = str(error)
    if "disk is full" in text or "disk I/O" in text:
        return "the disk is full or failing"
    return text


# --- one editor per file -------------------------------------------------------------------


class PlanFileLock:
    """An advisory lock on a sidecar file, held while a plan is open for editing.

    The operating system releases it when the process dies, so a crash never leaves a file
    locked. The lock is on a sidecar because a save replaces the plan file (a new inode).
    """

    def __init__(self, plan_path: Path) -> None:
        self.plan_path = plan_path
        self.lock_path = plan_path.with_name(f".{plan_path.name}.lock")
        self._handle: int | None = None

    def acquire(self) -> None:
        # A holder that releases unlinks the sidecar; a lock won on an unlinked sidecar is
        # worthless, so check that the path still names the locked file, and retry if not.
        for _attempt in range(10):
            try:
                descriptor = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError:
                return  # a read-only folder: nobody can save there, so nothing to guard
            if not _try_lock(descriptor):
                os.close(descriptor)
                raise PlanFileLockedError(
                    QT_TRANSLATE_NOOP(
                        "PlanFileError",
                        "{path} is already open in another RevOrg window; "
                        "close it there first, or open a copy",
                    ),
                    path=self.plan_path,
                )
            if _names_same_file(descriptor, self.lock_path):
                self._handle = descriptor
                return
            os.close(descriptor)

    def release(self) -> None:
        if self._handle is None:
            return
        with contextlib.suppress(FileNotFoundError):
            self.lock_path.unlink()
        os.close(self._handle)
        self._handle = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def __enter__(self) -> PlanFileLock:
        self.acquire()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.release()


def _names_same_file(descriptor: int, path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(descriptor), path.stat())
    except FileNotFoundError:
        return False


def _try_lock(descriptor: int) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


@contextlib.contextmanager
def open_read_only(path: Path) -> Iterator[sqlite3.Connection]:
    """A checked, migrated, in-memory copy of a plan for reading (no lock: nothing is written)."""
    connection = read_plan_file(path)
    try:
        yield connection
    finally:
        connection.close()
