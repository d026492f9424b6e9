"""One Alembic chain for a plan's tables, in a file and on the team server (issue 17).

The chain is Alembic's scripts folder `revorg/model/team/migrations` (loaded by path; the
server's registry began it there). Its revisions are of two kinds:

- **server revisions** (the registry, roles, presence, row versions): they run on the team
  server only; a file never meets them.
- **plan revisions**: they declare `file_format = N` and change the plan's tables. Written once,
  they run on the in-memory copy of a file of format N - 1 (SQLite: `op.batch_alter_table`
  where it cannot alter in place) and on every plan's schema on the server, each one found
  with `plan_schemas_to_alter()`.

A file's place in the chain is its `user_version`, as it has always been: format 8 is the
chain's base for a file (the tables a server at revision 0001 makes in each plan's schema), and
a plan revision moves it to its `file_format`. No Alembic version table is written into a file:
every RevOrg that reads format 8 would refuse a table it does not make, while a `user_version`
above its own is refused by every RevOrg since the first with "please update RevOrg".

This module is imported only when a file older than this program's format opens (and by the
team modules): a file at the current format loads no Alembic (tests/test_start_imports.py).
"""

from __future__ import annotations

import sqlite3
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.types import TypeEngine

# Read at each use (not copied at import), so that the tests can run a chain of their own.
CHAIN_FOLDER = Path(__file__).resolve().parents[1] / "team" / "migrations"
# The migration context's option that lists the schemas a plan revision alters: a callable,
# called when the revision runs (on an empty server the registry appears in the same run).
PLAN_SCHEMAS = "revorg_plan_schemas"


class FileUpgradeError(Exception):
    """A plan revision failed on a file: the format it started from, and why, in one line."""

    def __init__(self, version: int, reason: str) -> None:
        super().__init__(reason)
        self.version = version
        self.reason = reason


@dataclass(frozen=True)
class PlanRevision:
    """A revision of the chain that changes the plan's tables."""

    revision: str
    file_format: int  # the format of a file it has run on
    new_tables: frozenset[str]  # tables it makes: an older file has none (store.schema)
    upgrade: Callable[[], None]


# --- what a revision uses --------------------------------------------------------------------


def plan_schemas_to_alter() -> list[str | None]:
    """Where a plan revision makes its change: on a file its own tables (schema None), on the
    server every plan's schema that the registry lists."""
    from alembic import op

    listed = op.get_context().opts.get(PLAN_SCHEMAS)
    if not callable(listed):
        raise RuntimeError("plan revisions run from revorg (store.chain, team.schema)")
    return list(listed())


def on_server() -> bool:
    from alembic import op

    return bool(op.get_bind().dialect.name != "sqlite")


def plan_column_type(column_type: TypeEngine[Any]) -> TypeEngine[Any]:
    """A new column's type as a plan revision writes it: the entity's own on a file (the
    schema check compares them), widened on the server as every plan table is."""
    return server_column_type(column_type) if on_server() else column_type


def server_column_type(column_type: TypeEngine[Any]) -> TypeEngine[Any]:
    """A plan column's type on the server: SQLite's integers have 64 bits and its texts no
    length limit, so every integer is BIGINT (money in an INTEGER would stop at EUR 21 million)
    and every string TEXT; a stored form (cents, text) is its stored type."""
    from sqlalchemy import BigInteger, Integer, String, Text, TypeDecorator

    stored = column_type.impl_instance if isinstance(column_type, TypeDecorator) else column_type
    if isinstance(stored, Integer):
        return BigInteger()
    if isinstance(stored, String):
        return Text()
    return stored


# --- the chain ------------------------------------------------------------------------------


@cache
def _plan_revisions(folder: Path) -> tuple[PlanRevision, ...]:
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory(str(folder))
    if len(scripts.get_heads()) != 1:  # two helpers' revisions on one parent: re-chain them
        raise RuntimeError(f"the migration chain {folder} has several heads")
    found = []
    for script in reversed(list(scripts.walk_revisions())):  # from the base to the head
        file_format = getattr(script.module, "file_format", None)
        if file_format is not None:
            new_tables = frozenset(getattr(script.module, "new_tables", ()))
            found.append(
                PlanRevision(script.revision, int(file_format), new_tables, script.module.upgrade)
            )
    return tuple(found)


def plan_revisions() -> tuple[PlanRevision, ...]:
    """The chain's plan revisions, base first; their formats follow 8 one by one (tested)."""
    return _plan_revisions(CHAIN_FOLDER)


def tables_added_after(version: int) -> frozenset[str]:
    """The tables the plan revisions make after file format `version`."""
    added: frozenset[str] = frozenset()
    for revision in plan_revisions():
        if revision.file_format > version:
            added |= revision.new_tables
    return added


# --- running it on a file -------------------------------------------------------------------


def upgrade_file(connection: sqlite3.Connection, version: int) -> None:
    """Run the plan revisions after format `version` on a file's in-memory copy, marking it
    with each one's format; raises FileUpgradeError (the file itself is never touched)."""
    pending = [revision for revision in plan_revisions() if revision.file_format > version]
    connection.commit()
    # A table rebuilt by batch mode is dropped and made anew: with the foreign keys on, the
    # drop would delete the rows that refer to it (ON DELETE CASCADE). They are checked after.
    connection.execute("PRAGMA foreign_keys = OFF")
    try:
        _run(connection, pending)
        broken = connection.execute("PRAGMA foreign_key_check").fetchone()
        if broken is not None:
            raise FileUpgradeError(
                version, f"a row of table {broken[0]!r} refers to a missing row of {broken[2]!r}"
            )
    finally:
        connection.execute("PRAGMA foreign_keys = ON")


def _run(connection: sqlite3.Connection, pending: Iterable[PlanRevision]) -> None:
    from alembic.migration import MigrationContext
    from alembic.operations import Operations
    from sqlalchemy import create_engine
    from sqlalchemy.exc import SQLAlchemyError
    from sqlalchemy.pool import StaticPool

    # Not disposed: the pool would close the plan's connection, which the caller keeps.
    engine = create_engine("sqlite://", creator=lambda: connection, poolclass=StaticPool)
    bound = engine.connect()
    try:
        context = MigrationContext.configure(bound, opts={PLAN_SCHEMAS: lambda: [None]})
        for revision in pending:
            try:
                with Operations.context(context), warnings.catch_warnings():
                    # Batch mode leaves out a rebuilt table's unnamed CHECK constraints with
                    # only a warning (the schema check cannot see them): here it is refused.
                    warnings.filterwarnings("error", "Unnamed CHECK constraint", UserWarning)
                    revision.upgrade()
                bound.exec_driver_sql(f"PRAGMA user_version = {int(revision.file_format)}")
                bound.commit()
            except (SQLAlchemyError, sqlite3.Error, UserWarning) as error:
                bound.rollback()
                reason = getattr(error, "orig", None) or error
                raise FileUpgradeError(revision.file_format - 1, str(reason)) from None
    finally:
        bound.close()  # back to the pool, the plan's connection left open
