"""An open plan: its in-memory database, the ORM session on it, and the file it belongs to."""

from __future__ import annotations

import datetime
import sqlite3
from pathlib import Path

from sqlalchemy import Connection, create_engine, event, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from revorg.model.catalogue_update import add_missing_catalogue_roles
from revorg.model.entities import Plan, Scenario
from revorg.model.errors import QT_TRANSLATE_NOOP, PlanFileError
from revorg.model.plan_reader import no_scenario_named
from revorg.model.store import (
    PlanFileLock,
    connect_memory,
    create_schema,
    read_plan_file,
    stamp_schema,
    write_plan_file,
)
from revorg.model.store.stored_log import load_stored_log
from revorg.model.templates import populate_from_template


def next_fiscal_year(today: datetime.date | None = None) -> int:
    """Plans are made for the coming year."""
    return (today or datetime.date.today()).year + 1


def _use_explicit_transactions(engine: Engine) -> None:
    """Let SQLAlchemy emit BEGIN itself, so that savepoints work with the sqlite3 driver.

    Each edit runs in a savepoint: an edit that fails is undone alone, never the unsaved work
    before it (the recipe of SQLAlchemy's SQLite dialect documentation).
    """

    @event.listens_for(engine, "connect")
    def _autocommit_driver(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN")


def _read_stored_log_when_asked(engine: Engine) -> None:
    """The log's rows left in the file at open (store.stored_log) are read in before the first
    statement that reads or changes the log: every reader of the history goes through the
    session, and none needs to know. The recorder writes with the driver's own connection from
    the rows kept at open, so an edit never waits for the log."""

    @event.listens_for(engine, "before_cursor_execute")
    def _load(connection: Connection, _cursor: object, statement: str, *_args: object) -> None:
        if "history_" in statement:
            driver = connection.connection.driver_connection
            if isinstance(driver, sqlite3.Connection):
                load_stored_log(driver)


class PlanDocument:
    """One plan being read or edited.

    The session lives as long as the document (a desktop editor keeps its objects); saving
    commits it and copies the whole database to the file atomically.
    """

    # A plan whose salaries its reader may not see (a team plan's viewer: they are read as 0):
    # whatever shows a cost says it is not available instead.
    without_salaries = False

    def __init__(self, connection: sqlite3.Connection, path: Path | None = None) -> None:
        self.connection = connection
        self.path = path
        self._lock: PlanFileLock | None = None
        self.engine = create_engine(
            "sqlite://", creator=lambda: connection, poolclass=StaticPool, future=True
        )
        _use_explicit_transactions(self.engine)
        _read_stored_log_when_asked(self.engine)
        self.session = Session(self.engine, expire_on_commit=False)

    # --- creating and opening ---------------------------------------------------------------

    @classmethod
    def from_template(
        cls,
        key: str,
        fiscal_year: int | None = None,
        language: str = "en",
        *,
        currency: str | None = None,
        fiscal_start_month: int | None = None,
    ) -> PlanDocument:
        """A new, unsaved plan built from a template, its names in `language` (currency and
        first month already checked: revorg.model.editing.requests.checked_plan_settings)."""
        connection = connect_memory()
        document = cls(connection)
        create_schema(connection)
        stamp_schema(connection)
        year = next_fiscal_year() if fiscal_year is None else fiscal_year
        populate_from_template(document.session, key, year, language, currency, fiscal_start_month)
        document.session.commit()
        return document

    @classmethod
    def open(cls, path: Path, *, for_editing: bool = True) -> PlanDocument:
        """Open a plan file; for editing, it is locked against a second editor."""
        path = Path(path).resolve()  # a symbolic link saves and locks its target
        lock = PlanFileLock(path) if for_editing else None
        if lock is not None:
            lock.acquire()
        try:
            document = cls(read_plan_file(path), path)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        document._lock = lock
        if for_editing:
            # The palette offers what the catalogue offers now; reading changes nothing.
            try:
                add_missing_catalogue_roles(document.session)
                document.session.commit()
            except BaseException:
                document.close()
                raise
        return document

    # --- reading ----------------------------------------------------------------------------

    @property
    def plan(self) -> Plan:
        return self.session.scalars(select(Plan)).one()

    def scenario(self, name: str | None = None) -> Scenario:
        """The named scenario, or the first one."""
        scenarios = self.plan.scenarios
        if name is None:
            return scenarios[0]
        found = self.plan.scenario_named(name)
        if found is None:
            raise no_scenario_named(name, [s.name for s in scenarios])
        return found

    # --- saving -----------------------------------------------------------------------------

    def save(self) -> None:
        if self.path is None:
            raise PlanFileError(
                QT_TRANSLATE_NOOP("PlanFileError", "this plan has no file yet: use Save As")
            )
        self.commit()
        write_plan_file(self.connection, self.path)

    def commit(self) -> None:
        """Commit the edits, refusing first (with the plan still editable) what the deferred
        foreign keys would refuse at COMMIT: a failed commit would roll every unsaved edit back."""
        self.session.flush()
        broken = self.connection.execute("PRAGMA foreign_key_check").fetchone()
        if broken is not None:
            table, row, parent, _index = broken
            raise PlanFileError(
                QT_TRANSLATE_NOOP(
                    "PlanFileError",
                    "the plan cannot be saved: row {row} of {table} refers to a missing "
                    "{parent} row",
                ),
                row=str(row),
                table=table,
                parent=parent,
            )
        self.session.commit()

    def save_as(self, path: Path) -> None:
        """Write to a new file and keep editing that one (the lock moves with it)."""
        path = Path(path).resolve()  # a symbolic link saves and locks its target
        if path == self.path:
            self.save()
            return
        new_lock = PlanFileLock(path)
        new_lock.acquire()
        try:
            self.commit()
            write_plan_file(self.connection, path)
        except BaseException:
            new_lock.release()
            raise
        if self._lock is not None:
            self._lock.release()
        self._lock = new_lock
        self.path = path

    def attach_to(self, path: Path) -> None:
        """Make `path` this document's file (locked) without writing it yet: used when
        recovering an autosaved copy of that file."""
        path = Path(path).resolve()  # a symbolic link saves and locks its target
        lock = PlanFileLock(path)
        lock.acquire()
        if self._lock is not None:
            self._lock.release()
        self._lock = lock
        self.path = path

    def close(self) -> None:
        self.session.close()
        self.engine.dispose()
        self.connection.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> PlanDocument:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
