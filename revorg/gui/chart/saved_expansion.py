"""The teams a user left collapsed, kept per plan file and scenario in the user's settings
(the plan file has no view state, and its format is not this feature's to change)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QSettings


def _key(path: Path) -> str:
    digest = hashlib.sha256(str(path.resolve()).encode("utf-8")).hexdigest()[:24]
    return f"chart/expansion/{digest}"


class SavedExpansion:
    def __init__(self) -> None:
        self._settings = QSettings()

    def _read(self, path: Path) -> dict[str, list[int]]:
        value = self._settings.value(_key(path))
        try:
            stored = json.loads(str(value)) if value else {}
        except ValueError:  # edited by hand: as if never saved
            return {}
        if not isinstance(stored, dict):
            return {}
        return {
            str(scenario): [i for i in ids if isinstance(i, int)]
            for scenario, ids in stored.items()
            if isinstance(ids, list)
        }

    def collapsed(self, path: Path | None, scenario_id: int) -> list[int] | None:
        """The collapsed teams saved for this plan's scenario; None when never saved."""
        if path is None:
            return None
        return self._read(path).get(str(scenario_id))

    def save(self, path: Path | None, scenario_id: int, collapsed: Iterable[int]) -> None:
        if path is None:
            return  # a plan not saved yet: nothing to key it by
        stored = self._read(path)
        stored[str(scenario_id)] = sorted(collapsed)
        self._settings.setValue(_key(path), json.dumps(stored))
