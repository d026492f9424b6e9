"""Saving: a complete copy written beside the plan file, flushed, then renamed over it.

At every instant the path holds the old plan or the new one, never a mix, and a crash mid-save
loses nothing that was saved before.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from revorg.model.atomic import copy_permissions, sync_folder
from revorg.model.errors import QT_TRANSLATE_NOOP, PlanFileError
from revorg.model.store.database import harden
from revorg.model.store.stored_log import detach_stored, load_stored_log


def write_plan_file(connection: sqlite3.Connection, path: Path) -> None:
    """Replace `path` atomically with a copy of the in-memory plan database."""
    # The whole log goes into the copy: the rows left in the opened file are read first.
    load_stored_log(connection)
    detach_stored(connection)
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
        harden(destination)
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
