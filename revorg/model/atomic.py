"""Files replaced atomically: written beside their target, flushed to disk, renamed over it.

At every instant the target holds the old content or the new, never a mix; a failed write
leaves nothing behind. Used for plans (model/store), workbooks (io) and chart images (gui).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import sys
from collections.abc import Callable
from pathlib import Path


def replace_atomically(path: Path, write_to: Callable[[Path], None]) -> None:
    """Call `write_to` with a fresh temporary path beside `path`, then put that file in its place.

    Raises OSError (with the target's folder or disk problem) and whatever `write_to` raises;
    the temporary file is removed in every case.
    """
    path = Path(path)
    temporary = _unused_name_beside(path)
    try:
        write_to(temporary)
        with temporary.open("rb+") as handle:
            os.fsync(handle.fileno())  # the rename must not reach the disk before the data
        copy_permissions(path, temporary)
        temporary.replace(path)
        sync_folder(path.absolute().parent)
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()


def _unused_name_beside(path: Path) -> Path:
    for _attempt in range(100):
        candidate = path.with_name(f".{path.name}.{secrets.token_hex(4)}.writing")
        if not candidate.exists():
            return candidate
    raise FileExistsError(f"no free temporary name beside {path}")


def copy_permissions(original: Path, temporary: Path) -> None:
    """An overwritten file keeps its permissions."""
    with contextlib.suppress(FileNotFoundError):
        temporary.chmod(original.stat().st_mode & 0o7777)


def sync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX); Windows has no directory handles to sync."""
    if sys.platform == "win32":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
