"""The server's schema: brought up to date by Alembic (migrations/), refused when newer.

Run programmatically on a connection RevOrg opened, never from an alembic.ini: publishing a
plan upgrades the server first (it may create the registry on an empty database); reading a
plan needs the server at exactly this program's revision and says which side to update when it
is not.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection

from revorg.model.errors import QT_TRANSLATE_NOOP
from revorg.model.store import chain
from revorg.model.team.address import TeamPlanAddress
from revorg.model.team.errors import TeamPlanError
from revorg.model.team.storage import REGISTRY_SCHEMA, VERSION_TABLE

if TYPE_CHECKING:
    import psycopg


def _config(connection: Connection | None = None) -> object:
    from alembic.config import Config

    config = Config()
    # The chain the files share (store.chain): its plan revisions alter every plan's schema.
    config.set_main_option("script_location", str(chain.CHAIN_FOLDER))
    config.set_main_option("path_separator", "os")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def _revisions() -> tuple[str, frozenset[str]]:
    """This program's head revision and every revision it knows."""
    return _revisions_of(chain.CHAIN_FOLDER)


@cache
def _revisions_of(folder: Path) -> tuple[str, frozenset[str]]:
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory(str(folder))
    head = scripts.get_current_head()
    assert head is not None
    return head, frozenset(script.revision for script in scripts.walk_revisions())


def head_revision() -> str:
    return _revisions()[0]


def server_revision(connection: Connection) -> str | None:
    """The revision the server's registry is at; None on a database without team plans."""
    driver = connection.connection.driver_connection
    assert driver is not None
    return server_revision_of(driver)


def server_revision_of(driver: psycopg.Connection[Any]) -> str | None:
    """server_revision on the driver's connection, in its transaction.

    Read with one query rather than through Alembic's MigrationContext, whose reflection of
    the version table took 15-60 ms of every open (a tenth of opening a small team plan)."""
    table = f'"{REGISTRY_SCHEMA}"."{VERSION_TABLE}"'
    found = driver.execute("SELECT to_regclass(%s)::text", (table,)).fetchone()
    if found is None or found[0] is None:
        return None
    # One row per head; RevOrg's chain has one, so several are a revision it does not know.
    heads = sorted(str(row[0]) for row in driver.execute(f"SELECT version_num FROM {table}"))
    return ",".join(heads) or None


def check_server_revision(
    connection: Connection, address: TeamPlanAddress, *, empty_ok: bool = False
) -> str | None:
    """Refuse a server whose schema this program does not know (a newer RevOrg made it) and,
    unless `empty_ok`, one without team plans or at an older revision."""
    return check_revision(server_revision(connection), address, empty_ok=empty_ok)


def check_revision(
    current: str | None, address: TeamPlanAddress, *, empty_ok: bool = False
) -> str | None:
    """check_server_revision for the server's revision `current` (None: no registry)."""
    head, known = _revisions()
    if current is not None and current not in known:
        raise TeamPlanError(
            QT_TRANSLATE_NOOP(
                "TeamPlanError",
                "the team server {server} was set up by a newer version of RevOrg (schema "
                "{revision}; this version knows up to {head}): please update RevOrg",
            ),
            server=address.server,
            revision=current,
            head=head,
        )
    if current is None and not empty_ok:
        raise TeamPlanError(
            QT_TRANSLATE_NOOP(
                "TeamPlanError",
                "no plan {plan} on {server}: the server has no team plans yet "
                "(`revorg push FILE URL` publishes one)",
            ),
            plan=repr(address.plan),
            server=address.server,
        )
    if current is not None and current != head and not empty_ok:
        raise TeamPlanError(
            QT_TRANSLATE_NOOP(
                "TeamPlanError",
                "the team server {server} has an older schema ({revision}; this version needs "
                "{head}): publishing a plan with this version upgrades it",
            ),
            server=address.server,
            revision=current,
            head=head,
        )
    return current


def upgrade(connection: Connection, address: TeamPlanAddress) -> None:
    """Bring the server's schema to this program's head, inside the caller's transaction."""
    from alembic import command
    from alembic.config import Config

    check_server_revision(connection, address, empty_ok=True)
    config = _config(connection)
    assert isinstance(config, Config)
    command.upgrade(config, "head")
