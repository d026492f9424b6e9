"""A team plan's URL: `postgresql://user@host:5432/revorg?plan=Acme%20FY27`, read in one place.

The password is never part of what RevOrg shows or keeps: it comes from PGPASSWORD or
~/.pgpass (libpq reads both) or from the system keyring (revorg.model.team.server), and a URL
that carries one anyway is shown, logged and remembered without it (`shown()`).
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass, field
from urllib.parse import parse_qs, quote, unquote, urlsplit

from revorg.model.errors import QT_TRANSLATE_NOOP
from revorg.model.team.errors import TeamPlanError

SCHEMES = ("postgresql", "postgres")
DEFAULT_PORT = 5432
DEFAULT_DATABASE = "revorg"
# libpq's connection options a URL may add (TLS, a time limit); anything else is refused so
# that a typing mistake is not silently ignored.
CONNECTION_OPTIONS = frozenset(
    {"sslmode", "sslrootcert", "sslcert", "sslkey", "connect_timeout", "application_name"}
)
PLAN_NAME_LIMIT = 200


def is_team_url(text: str) -> bool:
    """Whether a command's FILE argument names a team plan rather than a file."""
    return text.split("://", 1)[0].lower() in SCHEMES and "://" in text


@dataclass(frozen=True)
class TeamPlanAddress:
    """Where a team plan lives and who asks for it; the password, if the URL had one, is kept
    out of repr() and of every text made from the address."""

    host: str | None  # None: libpq's default (the local socket)
    port: int
    database: str
    user: str | None  # None: libpq's default (the system user)
    plan: str
    options: tuple[tuple[str, str], ...] = ()
    password: str | None = field(default=None, repr=False, compare=False)

    @property
    def login(self) -> str:
        """The user name the server sees (for messages and the keyring)."""
        if self.user:
            return self.user
        try:
            return getpass.getuser()
        except (OSError, KeyError):  # no name for this user id (a bare container)
            return "?"

    @property
    def server(self) -> str:
        """host:port/database, as messages name the server."""
        return f"{self.host or 'localhost'}:{self.port}/{self.database}"

    def shown(self) -> str:
        """The URL without its password: what is printed, logged and remembered."""
        user = f"{quote(self.user, safe='')}@" if self.user else ""
        host = self.host or ""
        if host.startswith("/"):
            host = quote(host, safe="")  # a socket folder: /var/run/postgresql
        elif ":" in host:
            host = f"[{host}]"  # an IPv6 address
        query = "&".join(f"{name}={quote(value, safe='')}" for name, value in self.options)
        query = f"plan={quote(self.plan, safe='')}" + (f"&{query}" if query else "")
        return f"postgresql://{user}{host}:{self.port}/{quote(self.database, safe='')}?{query}"

    def server_url(self) -> str:
        """The server's URL without the plan and without the password."""
        return self.shown().split("?", 1)[0]

    def connection_options(self) -> dict[str, str | int]:
        """libpq's keywords (psycopg.connect); the password only when the URL gave one."""
        options: dict[str, str | int] = {"port": self.port, "dbname": self.database}
        if self.host:
            options["host"] = self.host
        if self.user:
            options["user"] = self.user
        if self.password:
            options["password"] = self.password
        options.update(dict(self.options))
        return options

    def with_password(self, password: str) -> TeamPlanAddress:
        return TeamPlanAddress(
            self.host, self.port, self.database, self.user, self.plan, self.options, password
        )


def _bad_url(reason: str, **values: object) -> TeamPlanError:
    return TeamPlanError(reason, **values)


def parse_plan_url(text: str) -> TeamPlanAddress:
    """Read a team plan's URL; refuse, in one line without the password, what is not one."""
    if not is_team_url(text):
        raise _bad_url(
            QT_TRANSLATE_NOOP(
                "TeamPlanError",
                "not a team plan URL (postgresql://user@host:5432/revorg?plan=NAME)",
            )
        )
    parts = urlsplit(text)
    if parts.fragment:
        raise _bad_url(QT_TRANSLATE_NOOP("TeamPlanError", "a team plan URL has no #fragment"))
    # The network location by hand: urlsplit's errors would quote the URL, password included.
    credentials, _, location = parts.netloc.rpartition("@")
    user_text, has_password, password_text = credentials.partition(":")
    user = unquote(user_text) or None
    password = unquote(password_text) if has_password and password_text else None
    host, port = _host_and_port(location)
    database = unquote(parts.path.lstrip("/")) or DEFAULT_DATABASE
    if "/" in database:
        raise _bad_url(
            QT_TRANSLATE_NOOP("TeamPlanError", "the URL names no database after the host")
        )
    plan, options = _query(parts.query)
    return TeamPlanAddress(host, port, database, user, plan, options, password)


def _host_and_port(location: str) -> tuple[str | None, int]:
    if location.startswith("["):  # [::1]:5432
        host, _, rest = location[1:].partition("]")
        port_text = rest[1:] if rest.startswith(":") else ""
    else:
        host, _, port_text = location.partition(":")
    if not port_text:
        return (unquote(host) or None), DEFAULT_PORT
    if not port_text.isdigit() or not 1 <= int(port_text) <= 65535:
        raise _bad_url(
            QT_TRANSLATE_NOOP("TeamPlanError", "the URL's port is not a number from 1 to 65535")
        )
    return (unquote(host) or None), int(port_text)


def _query(query: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    try:
        values = parse_qs(query, keep_blank_values=True, strict_parsing=bool(query))
    except ValueError:
        raise _bad_url(
            QT_TRANSLATE_NOOP("TeamPlanError", "the URL's options after ? cannot be read")
        ) from None
    plans = values.pop("plan", [])
    if len(plans) != 1 or not plans[0].strip():
        raise _bad_url(
            QT_TRANSLATE_NOOP(
                "TeamPlanError", "the URL names no plan: add ?plan=NAME (spaces as %20)"
            )
        )
    plan = plans[0]
    if len(plan) > PLAN_NAME_LIMIT or any(ord(character) < 32 for character in plan):
        raise _bad_url(
            QT_TRANSLATE_NOOP(
                "TeamPlanError",
                "a plan name has at most {limit} characters and no control characters",
            ),
            limit=PLAN_NAME_LIMIT,
        )
    unknown = sorted(set(values) - CONNECTION_OPTIONS)
    if unknown:
        raise _bad_url(
            QT_TRANSLATE_NOOP("TeamPlanError", "unknown option in the URL: {option}"),
            option=unknown[0],
        )
    options = tuple(sorted((name, given[-1]) for name, given in values.items()))
    return plan, options
