"""Making many objects at once: a large plan is tens of thousands of rows, cards and lines."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Make many objects without Python's cycle collector scanning the whole heap again and
    again (a fifth of opening a large plan); it runs as usual afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
