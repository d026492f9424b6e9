"""A team plan's checked copy kept in the user's cache folder between opens (issue 17).

Reading a 10,000-position plan from its server copies every row (revorg.model.team.copying);
opening its file only reads a SQLite image. So each open leaves the plan's image here, and the
next open reads it back (its bytes checked against the hash kept when it was written: they are
those of a plan RevOrg checked) and takes in only the log's steps the server has after it
(revorg.model.team.cache_update), which are checked as any read of the server is.

A cached copy is one entry: a small description (`<key>.json`) naming its image
(`<key>-<random>.revorg`). An image is never overwritten: a new one gets a new name and the
description is replaced in one rename, so two RevOrg processes writing at once can never pair
one's description with the other's image. The key is the server, database, plan id and login
(a viewer's copy holds no salaries; an editor's holds what `revorg pull` would write). The
description also holds what must not have changed since: the program and file format that
wrote it, the plan's registry row (a plan published again under the same id), whether its
salaries were readable (an editor made viewer has the copy dropped, salaries and all), and the
server's marks of changes made outside RevOrg (revorg.model.team.cache_marks). Anything else,
or an image that fails a check, drops the entry: the plan is then read whole.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import secrets
import sqlite3
import sys
import threading
from dataclasses import asdict, dataclass
from pathlib import Path

from revorg import __version__
from revorg.model.store.database import APPLICATION_ID, SCHEMA_VERSION, connect_memory
from revorg.model.team.address import TeamPlanAddress

# The layout of an entry; another one (an older or newer RevOrg) is dropped, never read.
CACHE_FORMAT = 1
_LOG = logging.getLogger(__name__)


def cache_folder() -> Path:
    """The platform's folder for RevOrg's cached team plans: $XDG_CACHE_HOME/revorg (else
    ~/.cache/revorg), ~/Library/Caches/RevOrg on macOS, %LOCALAPPDATA%\\RevOrg\\Cache on
    Windows (where Qt's QStandardPaths would put them; the model knows no Qt)."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "RevOrg" / "Cache" / "team-plans"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "RevOrg" / "team-plans"
    base = os.environ.get("XDG_CACHE_HOME", "")
    root = Path(base) if Path(base).is_absolute() else Path.home() / ".cache"
    return root / "revorg" / "team-plans"


@dataclass(frozen=True)
class CacheKey:
    """Whose copy of which plan: one entry per server, database, plan id and login."""

    server: str
    database: str
    plan_id: int
    login: str

    def file_stem(self) -> str:
        # Hashed: a login or database name may hold any character a file name cannot.
        text = "\0".join((self.server, self.database, str(self.plan_id), self.login))
        return hashlib.sha256(text.encode()).hexdigest()[:32]


def cached_server(address: TeamPlanAddress) -> str:
    """The server as the cache's entries name it."""
    return f"{address.host or 'localhost'}:{address.port}"


def name_hint(address: TeamPlanAddress) -> str:
    """The file name saying a copy of the plan at `address` was kept (PlanCache.knows_name)."""
    text = "\0".join(("named", cached_server(address), address.database, address.plan))
    return hashlib.sha256(text.encode()).hexdigest()[:32] + ".named"


@dataclass(frozen=True)
class CacheState:
    """What the server must still say for a cached copy to be brought up to date."""

    created_at: str  # the registry row's: the same id given to a plan published again
    without_salaries: bool
    marks: str  # cache_marks.ServerMarks: nothing written outside RevOrg, tables unchanged


@dataclass
class CachedCopy:
    """A cached plan read into memory, and the description's entry it was kept under."""

    plan: sqlite3.Connection
    entry: object

    def fits(self, key: CacheKey, state: CacheState) -> bool:
        """Whether the copy is of this program, file format, plan, role and server marks
        (anything else: another format, program, plan, role, or written outside RevOrg)."""
        return self.entry == _entry(key, state)


class PlanCache:
    """The cached copies of team plans in one folder (made 0700; each file 0600); without a
    folder, the user's cache folder as it is when used (cache_folder)."""

    def __init__(self, folder: Path | None = None) -> None:
        self._folder = folder
        # The entry being written by a thread of its own (`write`), and who may look at it.
        self._writing: threading.Thread | None = None
        self._lock = threading.Lock()

    @property
    def folder(self) -> Path:
        return self._folder if self._folder is not None else cache_folder()

    def _description(self, key: CacheKey) -> Path:
        return _description_in(self.folder, key)

    def settle(self) -> None:
        """Wait until the entry being written, if any, is on the disk (done before the folder
        is read, or by whoever removes it)."""
        with self._lock:
            if self._writing is not None:
                self._writing.join()
                self._writing = None

    def knows_name(self, hint: str) -> bool:
        """Whether a copy of the plan `hint` names (name_hint) was kept here, whoever its user
        and whatever its id then: asked before the server says which plan the name is now, so
        that a first open asks for the server's image with its first question. A hint is never
        trusted further: no hint and a copy kept costs one read of the image; a hint and no
        copy, the round trip it would have saved."""
        try:
            return (self.folder / hint).exists()
        except OSError:  # a folder that cannot be searched: as if none
            return False

    def has(self, key: CacheKey) -> bool:
        self.settle()
        return self._description(key).exists()

    def read(self, key: CacheKey) -> CachedCopy | None:
        """The cached plan in memory and what its description says (to be compared with the
        server's state: `CachedCopy.fits`); None (the entry dropped) when there is none, or
        its image is not the one written."""
        self.settle()
        try:
            described = json.loads(self._description(key).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            self.drop(key)
            return None
        if not isinstance(described, dict):
            self.drop(key)
            return None
        image = self.folder / str(described.get("image", ""))
        if image.parent != self.folder or not image.name.startswith(key.file_stem()):
            self.drop(key)
            return None
        try:
            data = image.read_bytes()
        except OSError:
            self.drop(key)
            return None
        # The image is the bytes of a plan RevOrg checked and wrote (the description holds
        # their hash): any change (a damaged disk, another program) drops it. Bytes known to
        # be a checked plan need not be checked again as a stranger's file is (read_plan_file:
        # its integrity and every value, 55 ms of the 60 ms of reading a 10,000-position copy).
        if hashlib.sha256(data).hexdigest() != described.get("sha256"):
            _LOG.info("cached team plan dropped: %s is not the image described", image)
            self.drop(key)
            return None
        plan = connect_memory()
        try:
            plan.deserialize(data)
            application = plan.execute("PRAGMA application_id").fetchone()[0]
            marks = (application, plan.execute("PRAGMA user_version").fetchone()[0])
        except sqlite3.Error:
            marks = None
        if marks != (APPLICATION_ID, SCHEMA_VERSION):
            plan.close()
            self.drop(key)
            return None
        return CachedCopy(plan, described.get("entry"))

    def write(
        self, key: CacheKey, state: CacheState, plan: sqlite3.Connection, hint: str | None = None
    ) -> None:
        """Keep `plan` (a checked plan database) as the entry of `key`. Its bytes are taken
        now; hashing and writing them (1.7 ms for 10,000 positions) is done by a thread of its
        own, so that an open does not wait for the disk: the next read of this cache waits for
        it, and so does the program's exit (not a daemon thread). A cache that cannot be
        written (a full disk, a read-only home) only costs the next open its speed."""
        try:
            data = plan.serialize()
        except sqlite3.Error as error:
            _LOG.warning("team plan not cached: %s", error)
            return
        with self._lock:
            if self._writing is not None:
                self._writing.join()
            self._writing = threading.Thread(
                target=_write_entry,
                args=(self.folder, key, state, data, hint),  # the folder as it is now
                name="revorg-plan-cache",
            )
            self._writing.start()

    def drop(self, key: CacheKey) -> None:
        self.settle()
        with contextlib.suppress(OSError):
            self._description(key).unlink()
        self._remove_images(key, keep=None)

    def _remove_images(self, key: CacheKey, keep: str | None) -> None:
        _remove_images(self.folder, key, keep)


def _description_in(folder: Path, key: CacheKey) -> Path:
    return folder / f"{key.file_stem()}.json"


def _write_entry(
    folder: Path, key: CacheKey, state: CacheState, data: bytes, hint: str | None
) -> None:
    """PlanCache.write's work on the disk (its own thread)."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        image = folder / f"{key.file_stem()}-{secrets.token_hex(8)}.revorg"
        _write_private(image, data)
        description = json.dumps(
            {
                "entry": _entry(key, state),
                "image": image.name,
                "sha256": hashlib.sha256(data).hexdigest(),
            }
        )
        temporary = image.with_suffix(".json.writing")
        _write_private(temporary, description.encode())
        temporary.replace(_description_in(folder, key))
    except OSError as error:
        _LOG.warning("team plan not cached: %s", error)
        return
    _remove_images(folder, key, keep=image.name)
    if hint is not None:
        with contextlib.suppress(OSError):  # without it the next first open asks once more
            (folder / hint).touch(mode=0o600)


def _remove_images(folder: Path, key: CacheKey, keep: str | None) -> None:
    """Every image of `key` but `keep` (one another process may be writing right now
    loses its entry: its next open reads the plan whole)."""
    with contextlib.suppress(OSError):
        for image in folder.glob(f"{key.file_stem()}-*"):
            if image.name != keep:
                with contextlib.suppress(OSError):
                    image.unlink()


def _entry(key: CacheKey, state: CacheState) -> dict[str, object]:
    return {
        "format": CACHE_FORMAT,
        "program": __version__,
        "file_format": SCHEMA_VERSION,
        **asdict(key),
        **asdict(state),
    }


def _write_private(path: Path, data: bytes) -> None:
    """A new file only its owner may read (it may hold salaries)."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)


# The user's cache: what opening a team plan uses unless told otherwise.
USER_CACHE = PlanCache()
