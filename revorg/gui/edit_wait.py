"""Whether an edit is waiting for an answer from outside (a team plan's server), and what must
wait with it.

While a team plan's edit waits for its server (revorg.gui.team.server_wait) the window goes on
painting, but the edit is halfway: applied in the plan's savepoint, not yet kept or rolled back.
Whatever would change the plan then (another edit, a field committed as the window loses focus,
a teammate's step) or make something of its rows that outlives the wait (the chart's cards
made as they come on screen, the History panel's rows) asks `edit_waits()` and keeps itself
for after the wait with `after_edit_wait`. Here, not in the team package, so that the chart
and the panels need not know about team plans.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

from PySide6.QtCore import QObject, QTimer

_waits = 0  # edits waiting (one at a time: nested waits only count)
_after: list[tuple[QObject, Callable[[], None]]] = []  # what came during one, for after it


def edit_waits() -> bool:
    """Whether the window's edit is waiting for an answer."""
    return _waits > 0


def after_edit_wait(context: QObject, call: Callable[[], None]) -> bool:
    """Keep `call` for after the wait when an edit waits (True; dropped if `context` is
    deleted first); else False: make it now."""
    if not _waits:
        return False
    _after.append((context, call))
    return True


@contextlib.contextmanager
def edit_waiting() -> Iterator[bool]:
    """Around a wait; yields whether it is the outermost one. When the outermost ends, what
    came during it is queued, so that it runs after the code that made the edit returned to
    the event loop (the edit kept or rolled back by then)."""
    global _waits
    _waits += 1
    try:
        yield _waits == 1
    finally:
        _waits -= 1
        if not _waits:
            calls, _after[:] = list(_after), []
            for context, call in calls:
                QTimer.singleShot(0, context, call)
