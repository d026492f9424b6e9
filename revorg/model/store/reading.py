"""Opening: a plan file checked, copied into memory and migrated; the file is never changed."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

from revorg.model.errors import QT_TRANSLATE_NOOP, PlanFileError
from revorg.model.store.checks import (
    check_marks_and_integrity,
    check_sqlite_header,
    check_values,
    unreadable,
)
from revorg.model.store.database import SCHEMA_VERSION, add_key_indexes, connect_memory, harden
from revorg.model.store.log_repair import rebuild_log_tables
from revorg.model.store.migrations import migrate
from revorg.model.store.schema import check_objects, check_schema
from revorg.model.store.stored_log import (
    copy_without_log,
    forget_stored_log,
    log_is_most_of_the_file,
)


def read_plan_file(path: Path, *, whole: bool = False) -> sqlite3.Connection:
    """Check the file and copy it into memory, migrated to the current schema.

    The file itself is opened read-only and never modified, even when it needs a migration: the
    migrated plan reaches the disk only when the user saves. Its schema is checked before the
    copy (nothing of it may run) and again after the migrations (exactly what RevOrg makes).
    A long change log is left in the file until it is read (store.stored_log), unless `whole`:
    a file that will not be there later (a recovery copy) is read whole.
    """
    check_sqlite_header(path)
    try:
        source = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise PlanFileError(
            QT_TRANSLATE_NOOP("PlanFileError", "cannot open {path}: {reason}"),
            path=path,
            reason=error,
        ) from None
    try:
        harden(source)
        lazy_log = leaves_log_in_file(source, path, whole)
        log_damage = check_marks_and_integrity(source, path, whole_file=not lazy_log)
        check_objects(source, path)  # before anything of the file can run
        memory = connect_memory()
        if lazy_log or log_damage is not None:
            copy_without_log(memory, path, log_damage)
        else:
            source.backup(memory)
    except sqlite3.DatabaseError as error:
        raise unreadable(path, error) from None
    except UnicodeDecodeError:
        # SQLite's own message about the damage is itself damaged text.
        raise PlanFileError(
            QT_TRANSLATE_NOOP("PlanFileError", "{path} is damaged and cannot be read"), path=path
        ) from None
    finally:
        source.close()
    try:
        memory.execute("PRAGMA foreign_keys = ON")
        migrate(memory, path)
        if rebuild_log_tables(memory):  # a damaged log never stops the plan from opening
            forget_stored_log(memory)
        check_schema(memory, path)
        try:
            add_key_indexes(memory)
        except sqlite3.Error as error:
            raise unreadable(path, error) from None
        check_values(memory, path)
    except sqlite3.DatabaseError as error:
        # Damage the checks before the copy let through and the copy's own reading meets (a
        # damaged index definition naming no column): refused as damage, in one line.
        memory.close()
        raise unreadable(path, error) from None
    except BaseException:
        memory.close()  # a refused plan leaves nothing open
        raise
    return memory


def leaves_log_in_file(source: sqlite3.Connection, path: Path, whole: bool = False) -> bool:
    """Whether to leave the file's log where it is: a plan of the current format (an older one
    is migrated on its whole copy) whose log is most of the file."""
    version = source.execute("PRAGMA user_version").fetchone()[0]
    if whole or version != SCHEMA_VERSION:
        return False
    return log_is_most_of_the_file(source, path.stat().st_size)


@contextlib.contextmanager
def open_read_only(path: Path) -> Iterator[sqlite3.Connection]:
    """A checked, migrated, in-memory copy of a plan for reading (no lock: nothing is written)."""
    connection = read_plan_file(path)
    try:
        yield connection
    finally:
        connection.close()
