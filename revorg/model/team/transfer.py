"""A plan copied to the server (publish) and from it (load), rows unchanged, log included.

Loading makes the same in-memory SQLite plan a file is read into and runs the file's checks on
it: what a server sends is untrusted input, as a file is (its schema may have been altered, its
rows written by another program). Publishing makes a new plan: its registry row, its schema
and every row of the file, in one transaction, so that a failure leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Boolean,
    Connection,
    Table,
    func,
    select,
    text,
)

from revorg.model.errors import QT_TRANSLATE_NOOP, PlanFileError
from revorg.model.store import connect_memory, create_schema, stamp_schema
from revorg.model.store.checks import check_values
from revorg.model.team.address import TeamPlanAddress
from revorg.model.team.cache import USER_CACHE, PlanCache, name_hint
from revorg.model.team.cache_marks import outside_write_statements
from revorg.model.team.cache_open import CachedOpen
from revorg.model.team.copying import copy_plan
from revorg.model.team.errors import TeamPlanError
from revorg.model.team.fetching import DamagedRowsError
from revorg.model.team.opening import RegisteredPlan, read_facts
from revorg.model.team.roles import (
    make_publisher_owner,
    plan_role_statements,
    run,
)
from revorg.model.team.schema import upgrade
from revorg.model.team.server import connect, engine_for, explained, server_errors

if TYPE_CHECKING:
    import psycopg

from revorg.model.team.storage import (
    REGISTRY_SCHEMA,
    SERVER_FILE_FORMAT,
    key_index_statements,
    plan_schema,
    plan_tables,
    plans,
    row_version_statements,
    step_notice_statements,
)


class PlanExistsError(TeamPlanError):
    """Publishing under a name the server has: `push` then sends a copy's steps back."""


_LOG = logging.getLogger(__name__)


# --- publishing --------------------------------------------------------------------------------


def publish(source: sqlite3.Connection, address: TeamPlanAddress) -> RegisteredPlan:
    """Publish an open plan (its checked in-memory database) as the new team plan
    `address.plan`; refused when a plan of that name exists."""
    engine = engine_for(address)
    try:
        with server_errors(address), engine.begin() as connection:
            upgrade(connection, address)
            # One publisher at a time: two pushes of one name must not both pass the check.
            connection.execute(
                text(f'LOCK TABLE "{REGISTRY_SCHEMA}".plans IN SHARE ROW EXCLUSIVE MODE')
            )
            if _registered(connection, address.plan) is not None:
                raise PlanExistsError(
                    QT_TRANSLATE_NOOP(
                        "TeamPlanError",
                        "plan {plan} already exists on {server}: publish under another name, "
                        "or pull a copy",
                    ),
                    plan=repr(address.plan),
                    server=address.server,
                )
            plan_id = int(
                connection.execute(
                    select(
                        func.nextval(func.pg_get_serial_sequence(f"{REGISTRY_SCHEMA}.plans", "id"))
                    )
                ).scalar_one()
            )
            schema = plan_schema(plan_id)
            connection.execute(
                plans.insert().values(
                    id=plan_id,
                    name=address.plan,
                    schema_name=schema,
                    file_format=SERVER_FILE_FORMAT,
                )
            )
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
            translated = connection.execution_options(schema_translate_map={None: schema})
            for table in plan_tables():
                table.create(translated)
            for statement in key_index_statements(schema) + row_version_statements(schema):
                connection.execute(text(statement))
            for table in plan_tables():
                _copy_to_server(source, translated, table)
            _advance_sequences(connection, schema)
            # After the copy: the published steps are no news to anyone, and its rows were
            # not written outside RevOrg (cache_marks).
            for statement in step_notice_statements(plan_id) + outside_write_statements(schema):
                connection.execute(text(statement))
            # Who may do what (roles.py): the publisher becomes the plan's owner.
            run(connection, plan_role_statements(connection, plan_id, schema))
            make_publisher_owner(connection, plan_id)
            return RegisteredPlan(plan_id, address.plan, SERVER_FILE_FORMAT)
    finally:
        engine.dispose()


def _registered(connection: Connection, name: str) -> RegisteredPlan | None:
    row = connection.execute(
        select(plans.c.id, plans.c.name, plans.c.file_format).where(plans.c.name == name)
    ).first()
    return None if row is None else RegisteredPlan(int(row[0]), str(row[1]), int(row[2]))


def _converters(table: Table) -> list[Callable[[Any], Any]]:
    """SQLite keeps booleans as 0 and 1; the server wants true and false."""
    return [
        (lambda value: None if value is None else bool(value))
        if isinstance(column.type, Boolean)
        else (lambda value: value)
        for column in table.columns
    ]


def _copy_to_server(source: sqlite3.Connection, target: Connection, table: Table) -> None:
    names = [column.name for column in table.columns]
    quoted = ", ".join(f'"{name}"' for name in names)
    converters = _converters(table)
    rows = source.execute(f'SELECT {quoted} FROM "{table.name}"').fetchall()
    if rows:
        target.execute(
            table.insert(),
            [
                {
                    name: convert(value)
                    for name, convert, value in zip(names, converters, row, strict=True)
                }
                for row in rows
            ],
        )


def _advance_sequences(connection: Connection, schema: str) -> None:
    """Ids copied from the file leave the serial columns' sequences behind: the next row made
    on the server must not take an id the file already gave."""
    for table in plan_tables():
        keys = list(table.primary_key.columns)
        if len(keys) != 1:
            continue
        qualified = f'"{schema}"."{table.name}"'
        sequence = connection.execute(
            select(func.pg_get_serial_sequence(qualified, keys[0].name))
        ).scalar()
        if sequence is not None:
            connection.execute(
                text(
                    f'SELECT setval(:sequence, coalesce(max("{keys[0].name}"), 0) + 1, false) '
                    f"FROM {qualified}"
                ),
                {"sequence": sequence},
            )


# --- loading -----------------------------------------------------------------------------------


@dataclass
class LoadedPlan:
    """A team plan read into memory: the checked database and where it came from."""

    connection: sqlite3.Connection
    registered: RegisteredPlan
    # Each versioned row's version as read, (table, key) -> row_version: what an edit names
    # (revorg.model.team.editing); read in the same snapshot as the rows.
    row_versions: dict[tuple[str, int | str], int]
    # A viewer's plan: salaries read as 0 (the server refuses them) and the log's amounts null;
    # whatever shows costs says "not available" instead of a figure.
    without_salaries: bool = False


def load(
    address: TeamPlanAddress,
    *,
    row_versions: bool = False,
    connection: Connection | None = None,
    cache: PlanCache | None = USER_CACHE,
) -> LoadedPlan:
    """Read the team plan `address.plan` into a checked in-memory plan database; with
    `row_versions` (a plan read for editing), each versioned row's version too. Over
    `connection` when given (an open plan read again, or the connection its edits will be sent
    over: no new login; it is left open, outside any transaction), else over a new one. Through
    `cache` (None: none): its copy of the plan brought up to date with the log, else the plan
    read whole and kept there (revorg.model.team.cache)."""
    if connection is not None:
        if connection.in_transaction():  # the snapshot must start with this read
            connection.rollback()
        driver = connection.connection.driver_connection
        assert driver is not None
        return _load(address, driver, row_versions, cache, kept_open=True)
    # The driver's own connection: an SQLAlchemy engine's first connection would ask the
    # server four questions first (its version, schema, isolation, string quoting), 1.7 ms of
    # the 47 of a first open (docs/speed.md); reading a plan needs none of them.
    driver = connect(address)
    try:
        return _load(address, driver, row_versions, cache, kept_open=False)
    finally:
        driver.close()


def _load(
    address: TeamPlanAddress,
    driver: psycopg.Connection[Any],
    row_versions: bool,
    cache: PlanCache | None,
    *,
    kept_open: bool,
    take_image: bool = True,
) -> LoadedPlan:
    """The read, in one REPEATABLE READ snapshot on `driver`. A connection `kept_open` is left
    outside any transaction; one closed after the read keeps it (its read-only transaction
    ends with it: no round trip for a ROLLBACK, a tenth of a first open over a 10 ms link)."""
    _end_transaction(driver)  # the snapshot must start with this read
    hint = name_hint(address)
    try:
        with server_errors(address):
            # One consistent picture of the plan, even while teammates publish steps.
            # No copy of the plan kept: the server's image comes with the first question.
            first_open = cache is not None and take_image and not cache.knows_name(hint)
            facts = read_facts(driver, address, with_image=first_open)
            registered, without_salaries = facts.registered, facts.without_salaries
            if registered.file_format != SERVER_FILE_FORMAT:
                raise _damaged(address, f"file format {registered.file_format}")
            through = cached = None
            if cache is not None:
                through = CachedOpen(
                    cache, driver, address, facts, take_image=take_image, hint=hint
                )
                cached = through.take(row_versions)
            memory, versions = cached or _read_whole(
                address, driver, registered, without_salaries, row_versions
            )
    finally:
        if kept_open:
            _end_transaction(driver)
    try:
        if cached is None or (through is not None and through.values_unchecked):
            # The file's check of every value, its messages naming the team plan (a cached
            # copy's bytes are those of a plan checked so; the steps it took in, or the
            # server's image, are not).
            check_values(memory, f"team plan {address.plan!r} on {address.server}")
    except PlanFileError as refused:
        memory.close()
        if through is None or not through.from_image:
            raise
        # A value the server's image holds and its rows may not: read the rows (whose own
        # check says so if they hold it too); an editor's read then writes the image again.
        _LOG.warning("the image of team plan %r not taken: %s", address.plan, refused)
        return _load(address, driver, row_versions, cache, kept_open=kept_open, take_image=False)
    try:
        if through is not None:
            through.keep(memory, read_whole=cached is None)
    except BaseException:
        memory.close()  # a refused plan leaves nothing open
        raise
    return LoadedPlan(memory, registered, versions, without_salaries)


def _end_transaction(driver: psycopg.Connection[Any]) -> None:
    """Leave the connection outside any transaction, whatever happened in it."""
    from psycopg.pq import TransactionStatus

    if driver.info.transaction_status != TransactionStatus.IDLE:
        with contextlib.suppress(Exception):  # a broken connection: nothing to end
            driver.rollback()


def _read_whole(
    address: TeamPlanAddress,
    driver: psycopg.Connection[Any],
    registered: RegisteredPlan,
    without_salaries: bool,
    row_versions: bool,
) -> tuple[sqlite3.Connection, dict[tuple[str, int | str], int]]:
    """Every row of the plan copied into a new in-memory plan (copying.copy_plan)."""
    memory = connect_memory()
    try:
        create_schema(memory)
        stamp_schema(memory)
        try:
            versions = copy_plan(
                driver,
                memory,
                registered.schema,
                without_salaries=without_salaries,
                row_versions=row_versions,
            )
        except DamagedRowsError as damage:
            raise _damaged(address, str(damage)) from None
    except BaseException:
        memory.close()
        raise
    return memory, versions


def _damaged(address: TeamPlanAddress, reason: str) -> TeamPlanError:
    return TeamPlanError(
        QT_TRANSLATE_NOOP(
            "TeamPlanError", "the team plan {plan} on {server} cannot be read: {reason}"
        ),
        plan=repr(address.plan),
        server=address.server,
        reason=reason,
    )


__all__ = ["LoadedPlan", "PlanExistsError", "RegisteredPlan", "explained", "load", "publish"]
