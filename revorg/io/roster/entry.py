"""One roster row, read and checked."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from revorg.io.messages import Phrase, phrase
from revorg.model.errors import QT_TRANSLATE_NOOP
from revorg.model.photos import Photo


@dataclass
class Entry:
    """One roster row, read and checked."""

    row: int
    title: str
    id: str | None = None
    name: str | None = None
    manager: str | None = None
    department: str | None = None
    start: datetime.date | None = None
    cost: Decimal | None = None
    email: str | None = None
    photo: Photo | None = None  # read from the Photo column's file (revorg.io.roster.photos)
    # Drawn beside the manager (an assistant, a chief of staff); None: the roster does not say,
    # and a staff role of the catalogue under a manager is staff, as when dropped on the chart.
    staff: bool | None = None
    role_key: str = ""
    department_key: str = ""
    parent: int | None = None  # index of the manager's entry

    def label(self) -> Phrase:
        """ "Ana (row 3)", "open Sales Manager (row 4)": who, for a finding about someone."""
        if self.name:
            who = QT_TRANSLATE_NOOP("ImportFinding", "{name} (row {row})")
            return phrase(who, name=self.name, row=self.row)
        vacancy = QT_TRANSLATE_NOOP("ImportFinding", "open {title} (row {row})")
        return phrase(vacancy, title=self.title, row=self.row)
