"""Autosave to a recovery file, and recovery after a crash.

Every minute with unsaved changes the plan is copied (atomically, like a save) to the recovery
folder, with a small JSON note naming the plan's own file and the process. A recovery file whose
process is gone was left by a crash, and is offered at the next start.
"""

from __future__ import annotations

import contextlib
import json
import os
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from revorg.model.document import PlanDocument
from revorg.model.store import write_plan_file

AUTOSAVE_INTERVAL_MS = 60_000


def recovery_folder() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    folder = Path(base) / "recovery"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@dataclass(frozen=True)
class RecoveryFile:
    plan_copy: Path
    original: Path | None
    saved_at: str
    plan_name: str

    @property
    def note(self) -> Path:
        return self.plan_copy.with_suffix(".json")

    def discard(self) -> None:
        for path in (self.plan_copy, self.note):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()


class Autosaver:
    """Writes this window's recovery copy; one file per window, replaced each time."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or recovery_folder()
        self.plan_copy = self.folder / f"{os.getpid()}-{uuid.uuid4().hex[:8]}.revorg"

    def write(self, document: PlanDocument) -> None:
        document.session.commit()
        write_plan_file(document.connection, self.plan_copy)
        note = {
            "pid": os.getpid(),
            "original": str(document.path) if document.path else None,
            "saved_at": datetime.now().isoformat(timespec="seconds"),
            "plan_name": document.plan.name,
        }
        temporary = self.plan_copy.with_suffix(".json.tmp")
        temporary.write_text(json.dumps(note), encoding="utf-8")
        temporary.replace(self.plan_copy.with_suffix(".json"))

    def discard(self) -> None:
        RecoveryFile(self.plan_copy, None, "", "").discard()


def orphaned_recovery_files(folder: Path | None = None) -> list[RecoveryFile]:
    """Recovery copies whose RevOrg process no longer runs (it crashed or was killed)."""
    found = []
    for note_path in sorted((folder or recovery_folder()).glob("*.json")):
        try:
            note = json.loads(note_path.read_text(encoding="utf-8"))
            pid = int(note["pid"])
        except (OSError, ValueError, KeyError, TypeError):
            continue
        plan_copy = note_path.with_suffix(".revorg")
        if _process_alive(pid) or not plan_copy.is_file():
            continue
        original = Path(note["original"]) if note.get("original") else None
        found.append(
            RecoveryFile(plan_copy, original, str(note.get("saved_at")), str(note.get("plan_name")))
        )
    return found


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
