"""How a call that waits for the team server is made: here, or as the window wants it.

A call to the server may wait for its answer: up to the connection's tcp_user_timeout when its
host drops packets, the server's lock_timeout behind another session's lock, longer for a
server that never answers. A command's run just waits (`wait_here`); the window makes the call
on a worker thread and goes on painting (revorg.gui.team.server_wait). The call touches only
the server's connection (and reads, never writes, the plan's memory with the driver); `give_up`
makes it fail at once, as if the server went away (`shut_down`).
"""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

if TYPE_CHECKING:
    import psycopg

Answer = TypeVar("Answer")


class ServerWait(Protocol):
    """How a call that waits for the server's answer is made; `give_up()` makes the call fail
    at once as if the server went away."""

    def __call__(self, call: Callable[[], Answer], give_up: Callable[[], None]) -> Answer: ...


def wait_here(call: Callable[[], Answer], give_up: Callable[[], None]) -> Answer:
    """The call made on the caller's thread, as a command's run does (the connection's
    tcp_user_timeout and the server's lock_timeout bound it: revorg.model.team.server)."""
    return call()


def shut_down(driver: psycopg.Connection[Any] | None) -> None:
    """Make a call waiting on `driver` fail now, from another thread: its socket shut down, as a
    host gone away would have it; the driver then tells the connection lost. A server that took
    the data but never answers is found by no TCP timeout; this is the window's way out."""
    if driver is None:
        return
    with contextlib.suppress(Exception):  # already closed: the call fails by itself
        if driver.closed:
            return
        # The driver's own socket shut down, not closed: the descriptor stays the driver's
        # (a Windows SOCKET handle is no C runtime descriptor that os.dup could copy).
        handle = socket.socket(fileno=driver.pgconn.socket)
        try:
            handle.shutdown(socket.SHUT_RDWR)
        finally:
            handle.detach()
