"""One editor per file: an advisory lock held while a plan is open for editing."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from types import TracebackType

from revorg.model.errors import QT_TRANSLATE_NOOP, PlanFileLockedError


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
