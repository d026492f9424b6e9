"""User preferences and recent files, in QSettings (per-user, per-platform location)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QSettings

from revorg.model.history.recording import system_user

MAX_RECENT_FILES = 8


class AppSettings:
    def __init__(self) -> None:
        self._settings = QSettings()

    def recent_entries(self) -> list[str]:
        """The recent plans, newest first: file paths, and team plans' URLs (never with a
        password: the caller gives TeamPlanAddress.shown())."""
        value = self._settings.value("files/recent", [])
        # QSettings gives back one string for a list of one, and nothing for an empty list.
        items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        return [str(item) for item in items]

    def recent_files(self) -> list[Path]:
        return [Path(item) for item in self.recent_entries() if "://" not in item]

    def add_recent_file(self, path: Path) -> None:
        self._add_recent(str(path))

    def add_recent_url(self, url: str) -> None:
        self._add_recent(url)

    def _add_recent(self, entry: str) -> None:
        entries = [item for item in self.recent_entries() if item != entry]
        entries.insert(0, entry)
        self._settings.setValue("files/recent", entries[:MAX_RECENT_FILES])

    def last_existing_file(self) -> Path | None:
        return next((path for path in self.recent_files() if path.is_file()), None)

    def language(self) -> str | None:
        value = self._settings.value("ui/language")
        return str(value) if value else None

    def set_language(self, language: str | None) -> None:
        """None: follow the system's language."""
        if language:
            self._settings.setValue("ui/language", language)
        else:
            self._settings.remove("ui/language")

    def user_name(self) -> str:
        """The name the plan's change log gives to this user's edits (default: the system
        user's login name)."""
        value = str(self._settings.value("user/name", "") or "").strip()
        return value or system_user()

    def set_user_name(self, name: str) -> None:
        """An empty name goes back to the system user's."""
        if name.strip():
            self._settings.setValue("user/name", name.strip())
        else:
            self._settings.remove("user/name")

    def welcomed(self) -> bool:
        """Whether the first-run welcome has been shown (it is shown once per user)."""
        return str(self._settings.value("ui/welcomed", "false")).lower() == "true"

    def set_welcomed(self) -> None:
        self._settings.setValue("ui/welcomed", "true")

    def compact_teams(self) -> bool:
        # Compact by default: wide leaf teams stacked keep the chart readable on a projector.
        return str(self._settings.value("chart/compact", "true")).lower() == "true"

    def set_compact_teams(self, compact: bool) -> None:
        self._settings.setValue("chart/compact", "true" if compact else "false")

    def outline_shown(self) -> bool:
        """Whether View > Outline was left open (closed by default: the chart first)."""
        return str(self._settings.value("ui/outline", "false")).lower() == "true"

    def set_outline_shown(self, shown: bool) -> None:
        self._settings.setValue("ui/outline", "true" if shown else "false")

    def export_as_shown(self) -> bool:
        """File > Export > Image/PDF: the chart as shown (expansion and focus), else whole."""
        return str(self._settings.value("export/as_shown", "true")).lower() == "true"

    def set_export_as_shown(self, as_shown: bool) -> None:
        self._settings.setValue("export/as_shown", "true" if as_shown else "false")

    def column_mapping(self, headings: Sequence[str]) -> dict[str, str] | None:
        """The roster fields the user chose for these headings (field -> heading, "" for a
        field not read), or None when they never chose for this set of headings."""
        value = self._settings.value(_mapping_key(headings))
        try:
            mapping = json.loads(str(value)) if value else None
        except ValueError:  # edited by hand: as if never chosen
            return None
        if not isinstance(mapping, dict):
            return None
        return {str(key): str(heading) for key, heading in mapping.items()}

    def set_column_mapping(self, headings: Sequence[str], mapping: Mapping[str, str]) -> None:
        self._settings.setValue(_mapping_key(headings), json.dumps(dict(mapping), sort_keys=True))


def _mapping_key(headings: Sequence[str]) -> str:
    """One key per set of headings, in any order and case (a file exported again the next month
    with its columns moved is mapped the same way)."""
    words = sorted({" ".join(heading.casefold().split()) for heading in headings})
    digest = hashlib.sha256("\x1f".join(words).encode("utf-8")).hexdigest()[:20]
    return f"import/columns/{digest}"
