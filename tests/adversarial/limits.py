"""A guard that turns a hang into a test failure."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager


class HangError(Exception):
    """A step took longer than its time budget (raised from SIGALRM)."""


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    """Fail with HangError when the block runs longer than `seconds` (POSIX; elsewhere a no-op)."""
    if sys.platform == "win32" or not hasattr(signal, "setitimer"):
        yield
        return

    def expired(_signal: int, _frame: object) -> None:
        raise HangError(f"still running after {seconds} s (pid {os.getpid()})")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
