"""Leaving a team plan's presence list as its window closes, off the window's thread.

The leave is one statement on the listening connection, then the connection's close. A server
that went away (a host that drops packets) would hold it until the connection's timeout
(`tcp_user_timeout`, 10 s): the window would hang as it closes. So it runs on a thread of its
own, which nothing waits for while the application runs. As the application quits, the leaves
still under way are given LEAVE_AT_QUIT_SECONDS together (a leave over a working connection
takes a millisecond); one that does not end by then is left: the thread is a daemon, the
process ends, and the row goes stale on the server (presence.STALE_SECONDS), as after a crash.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from revorg.model.team.errors import TeamPlanError

LEAVE_AT_QUIT_SECONDS = 1.0
_LOG = logging.getLogger(__name__)
_under_way: set[threading.Thread] = set()
_lock = threading.Lock()
_quits_watched: set[int] = set()  # the applications whose quit waits for the leaves (ids)


def leave_in_background(leave: Callable[[], None], close: Callable[[], None]) -> threading.Thread:
    """Run `leave` then `close` on a thread of their own; the thread (started)."""
    thread = threading.Thread(
        target=_leave_then_close, args=(leave, close), name="revorg-presence-leave", daemon=True
    )
    application = QCoreApplication.instance()
    if application is not None and id(application) not in _quits_watched:
        _quits_watched.add(id(application))
        application.aboutToQuit.connect(finish_leaving)
    with _lock:
        _under_way.add(thread)
    thread.start()
    return thread


def _leave_then_close(leave: Callable[[], None], close: Callable[[], None]) -> None:
    try:
        leave()
    except TeamPlanError as error:  # the window is gone: the row goes stale on the server
        _LOG.info("leaving the presence list: %s", error)
    except Exception:  # nobody to tell: the window is gone, the row goes stale as well
        _LOG.exception("leaving the presence list")
    finally:
        try:
            close()
        finally:
            with _lock:
                _under_way.discard(threading.current_thread())


def finish_leaving(seconds: float = LEAVE_AT_QUIT_SECONDS) -> None:
    """Give the leaves under way up to `seconds` in all to end (the application quits)."""
    deadline = time.monotonic() + seconds
    with _lock:
        threads = list(_under_way)
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()))
