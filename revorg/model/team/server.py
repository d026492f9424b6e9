"""Connecting to the team server, and what its errors mean to a user.

psycopg (libpq) reads PGPASSWORD and ~/.pgpass itself; when the server asks for a password that
neither gave, the system keyring is asked (service "revorg", user "USER@HOST:PORT"), imported
only then. No message made here contains the password or the driver's text around it: each
failure is told as one fixed line naming the server.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from revorg.model.errors import QT_TRANSLATE_NOOP
from revorg.model.team.address import TeamPlanAddress
from revorg.model.team.errors import TeamPlanError

if TYPE_CHECKING:
    import psycopg
    from sqlalchemy import Connection
    from sqlalchemy.engine import Engine

KEYRING_SERVICE = "revorg"
CONNECT_TIMEOUT = 10  # seconds: a firewall that drops packets is told, not waited for
# An open connection whose host starts dropping packets: without these, a query waits for the
# system's TCP retransmissions (about 15 minutes on Linux) with the window's thread held. With
# them an unanswered send fails after 10 s and a silent peer is found by keepalives within
# about 25 s; the failure is then told as a lost server (the edit waits, the retry goes on).
CONNECTION_WATCH = {
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 5,
    "keepalives_count": 3,
    "tcp_user_timeout": 10_000,  # milliseconds
}
# A lock RevOrg waits for is held for milliseconds (a teammate's step, an image written); one
# held longer is another session's (an administrator's psql left in a transaction), and the
# server refuses to wait beyond this (SQLSTATE 55P03): an edit then waits as when the server
# is away, instead of for ever. Set at the log-in (libpq's options), no round trip.
LOCK_TIMEOUT = "10s"


def wait_for_locks(connection: Connection, wait: str) -> None:
    """Wait at most `wait` (PostgreSQL's units: "1500ms") for a lock another session holds,
    in the connection's current transaction only, instead of the log-in's LOCK_TIMEOUT."""
    from sqlalchemy import text

    connection.execute(text("SELECT set_config('lock_timeout', :wait, true)"), {"wait": wait})


def keyring_name(address: TeamPlanAddress) -> str:
    """The keyring's user name for a server: `keyring set revorg ana@db.example.com:5432`."""
    return f"{address.login}@{address.host or 'localhost'}:{address.port}"


def keyring_password(address: TeamPlanAddress) -> str | None:
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:  # pragma: no cover - a dependency; a stripped install still works
        return None
    try:
        password = keyring.get_password(KEYRING_SERVICE, keyring_name(address))
    except KeyringError:
        return None  # no keyring on this machine (a server, CI): libpq's sources only
    except Exception:
        # A backend's own failure (no D-Bus, a locked store...) is no reason to stop: the
        # server's refusal that follows says what to check.
        return None
    return password or None


def connect(address: TeamPlanAddress) -> psycopg.Connection[Any]:
    """A connection to the plan's server, or a TeamPlanError saying why not."""
    import psycopg

    options: dict[str, Any] = {
        "connect_timeout": CONNECT_TIMEOUT,
        **CONNECTION_WATCH,
        **address.connection_options(),
    }
    options.setdefault("application_name", "RevOrg")
    # The user's own PGOPTIONS (which libpq reads only when no options are given) kept.
    options["options"] = f"{os.environ.get('PGOPTIONS', '')} -c lock_timeout={LOCK_TIMEOUT}".strip()
    try:
        return psycopg.connect(**options)
    except psycopg.OperationalError as error:
        if _asked_for_password(error) and "password" not in options:
            password = keyring_password(address)
            if password is not None:
                try:
                    return psycopg.connect(**options, password=password)
                except psycopg.Error as second:
                    raise explained(second, address) from None
        raise explained(error, address) from None
    except psycopg.Error as error:
        raise explained(error, address) from None


def engine_for(address: TeamPlanAddress) -> Engine:
    """An SQLAlchemy engine whose connections come from connect() (one at a time: a command
    holds one connection for its whole run)."""
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    # No hstore: RevOrg's tables have none, and looking its type up costs each new engine's
    # first connection three round trips (a savepoint, the lookup, its release).
    return create_engine(
        "postgresql+psycopg://",
        creator=lambda: connect(address),
        poolclass=NullPool,
        use_native_hstore=False,
    )


def _asked_for_password(error: BaseException) -> bool:
    return "no password supplied" in str(error)


def _kind(error: BaseException) -> str:
    """What went wrong: from the SQLSTATE, or from libpq's text when the connection itself
    failed (psycopg gives no SQLSTATE before the session starts)."""
    from psycopg import DataError, OperationalError, errors

    if isinstance(error, errors.InvalidPassword):
        return "password"
    if isinstance(error, errors.InvalidAuthorizationSpecification):
        return "refused"
    if isinstance(error, errors.InvalidCatalogName):
        return "database"
    if isinstance(error, errors.InsufficientPrivilege):
        return "permission"
    if isinstance(error, errors.LockNotAvailable):
        return "busy"
    sqlstate = getattr(error, "sqlstate", None)
    if isinstance(error, DataError) or (sqlstate or "").startswith("22"):
        return "value"  # psycopg refuses a text with a NUL character before sending it
    if sqlstate is not None or not isinstance(error, OperationalError):
        return "other"
    text = str(error).lower()
    for clue, kind in (
        ("password authentication failed", "password"),
        ("no password supplied", "password"),
        ("authentication failed", "password"),
        ('role "', "password"),  # an unknown user: told as a failed log-in, as the server does
        ("no pg_hba.conf entry", "refused"),
        ("permission denied", "permission"),  # for database "x": no CONNECT right
        ('database "', "database"),
    ):
        if clue in text and ("fatal" in text or kind == "password"):
            return kind
    return "unreachable"


def explained(error: BaseException, address: TeamPlanAddress) -> TeamPlanError:
    """A driver's error as one line a user can act on; the driver's own text, which may quote
    the connection string, is never shown."""
    server = address.server
    kind = _kind(error)
    if kind == "password":
        return TeamPlanError(
            QT_TRANSLATE_NOOP(
                "TeamPlanError",
                "authentication failed for user {user} on {server}: check the password "
                "(PGPASSWORD, ~/.pgpass or the system keyring)",
            ),
            user=address.login,
            server=server,
        )
    if kind == "refused":
        return TeamPlanError(
            QT_TRANSLATE_NOOP("TeamPlanError", "the server {server} does not let user {user} in"),
            user=address.login,
            server=server,
        )
    if kind == "database":
        return TeamPlanError(
            QT_TRANSLATE_NOOP("TeamPlanError", "no database {database} on {server}"),
            database=repr(address.database),
            server=server,
        )
    if kind == "permission":
        return permission_denied(address)
    if kind == "value":
        return TeamPlanError(
            QT_TRANSLATE_NOOP(
                "TeamPlanError",
                "the team server {server} cannot store a value of this plan (a text with a NUL "
                "character?); nothing was written",
            ),
            server=server,
        )
    if kind == "busy":
        return TeamPlanError(
            QT_TRANSLATE_NOOP(
                "TeamPlanError",
                "the team server {server} is busy: another session has held what this needs "
                "for over {seconds}; nothing was written, try again",
            ),
            server=server,
            seconds=LOCK_TIMEOUT,
        )
    if kind == "unreachable":
        return TeamPlanError(
            QT_TRANSLATE_NOOP("TeamPlanError", "cannot reach the team server {server} ({reason})"),
            server=server,
            reason=_connection_failure(str(error)),
        )
    return TeamPlanError(
        QT_TRANSLATE_NOOP(
            "TeamPlanError", "the team server {server} refused the request (SQLSTATE {code})"
        ),
        server=server,
        code=getattr(error, "sqlstate", None) or "none",
    )


def permission_denied(address: TeamPlanAddress) -> TeamPlanError:
    return TeamPlanError(
        QT_TRANSLATE_NOOP(
            "TeamPlanError", "permission denied: user {user} may not do this on plan {plan}"
        ),
        user=address.login,
        plan=repr(address.plan),
    )


def _connection_failure(text: str) -> str:
    """libpq's reason in a few fixed words (its text names hosts and may quote options)."""
    lowered = text.lower()
    for clue, reason in (
        ("connection refused", "connection refused: is it running, on this port?"),
        ("timeout expired", "no answer in time"),
        ("could not translate host name", "unknown host name"),
        ("name or service not known", "unknown host name"),
        ("no route to host", "no route to the host"),
        ("network is unreachable", "network unreachable"),
        ("server closed the connection", "the server closed the connection"),
        ("no such file or directory", "no server socket on this machine"),
    ):
        if clue in lowered:
            return reason
    return "the connection failed"


@contextlib.contextmanager
def server_errors(address: TeamPlanAddress) -> Iterator[None]:
    """Driver errors met while talking to the server, as TeamPlanErrors."""
    import psycopg
    from sqlalchemy.exc import DBAPIError

    try:
        yield
    except DBAPIError as error:
        raise explained(error.orig or error, address) from None
    except psycopg.Error as error:
        raise explained(error, address) from None
