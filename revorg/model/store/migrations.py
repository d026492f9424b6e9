"""The steps from older file formats to the current one, run on the in-memory copy of a plan.

Formats 1 to 7 reach format 8 by the file's own steps below (written before the chain); from 8
on, a format is a plan revision of the Alembic chain the team server shares (store.chain),
loaded only when a file older than this program's format opens."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from revorg.model.errors import QT_TRANSLATE_NOOP, PlanFileError
from revorg.model.store.database import BASE_FORMAT, SCHEMA_VERSION


def _migrate_1_to_2(connection: sqlite3.Connection) -> None:
    """Format 2 added capacity overrides and dotted-line links."""
    connection.executescript(
        """
        ALTER TABLE positions ADD COLUMN capacity_override VARCHAR;
        CREATE TABLE dotted_lines (
            id INTEGER NOT NULL,
            scenario_id INTEGER NOT NULL,
            from_position_id INTEGER NOT NULL,
            to_position_id INTEGER NOT NULL,
            PRIMARY KEY (id),
            UNIQUE (from_position_id, to_position_id),
            CHECK (from_position_id != to_position_id),
            FOREIGN KEY(scenario_id) REFERENCES scenarios (id) ON DELETE CASCADE,
            FOREIGN KEY(from_position_id) REFERENCES positions (id) ON DELETE CASCADE,
            FOREIGN KEY(to_position_id) REFERENCES positions (id) ON DELETE CASCADE
        );
        """
    )


def _migrate_2_to_3(connection: sqlite3.Connection) -> None:
    """Format 3 added plan assumptions per scenario and position lineage across scenarios."""
    # Imported here: the catalogue reads resources; storage stays the lower layer.
    from revorg.model.catalogue import default_assumptions

    connection.executescript(
        """
        ALTER TABLE positions ADD COLUMN lineage TEXT;
        UPDATE positions SET lineage = 'p' || id;
        CREATE TABLE assumptions (
            id INTEGER NOT NULL,
            scenario_id INTEGER NOT NULL,
            role_key VARCHAR(60) NOT NULL,
            metric VARCHAR(40) NOT NULL,
            value VARCHAR NOT NULL,
            source TEXT NOT NULL,
            PRIMARY KEY (id),
            UNIQUE (scenario_id, role_key, metric),
            FOREIGN KEY(scenario_id) REFERENCES scenarios (id) ON DELETE CASCADE
        );
        """
    )
    scenario_ids = [row[0] for row in connection.execute("SELECT id FROM scenarios ORDER BY id")]
    connection.executemany(
        "INSERT INTO assumptions (scenario_id, role_key, metric, value, source) VALUES (?,?,?,?,?)",
        [
            (scenario_id, item.role_key, item.metric, str(item.value), item.source)
            for scenario_id in scenario_ids
            for item in default_assumptions()
        ],
    )


def _migrate_3_to_4(connection: sqlite3.Connection) -> None:
    """Format 4 added the seasonality of bookings (flat in older plans) and the assumptions
    of the year plan: attrition and backfill per role, the gross margin. Older plans get them at
    their defaults, as a new plan would."""
    from revorg.model.catalogue import default_assumptions

    connection.execute("ALTER TABLE targets ADD COLUMN seasonality TEXT")
    new_metrics = ("annual_attrition", "backfill_months", "gross_margin")
    scenario_ids = [row[0] for row in connection.execute("SELECT id FROM scenarios ORDER BY id")]
    connection.executemany(
        "INSERT OR IGNORE INTO assumptions (scenario_id, role_key, metric, value, source) "
        "VALUES (?,?,?,?,?)",
        [
            (scenario_id, item.role_key, item.metric, str(item.value), item.source)
            for scenario_id in scenario_ids
            for item in default_assumptions()
            if item.metric in new_metrics
        ],
    )


def _migrate_4_to_5(connection: sqlite3.Connection) -> None:
    """Format 5 added the change log (revorg.model.history): empty in an older plan, whose
    earlier edits were never recorded. Written out, not made from the entities: a later format
    may change these tables, and this step must still make the format 5 ones."""
    connection.executescript(
        """
        CREATE TABLE history_chain (
            id INTEGER NOT NULL,
            anchor BLOB NOT NULL,
            head BLOB NOT NULL,
            compacted_before TEXT,
            dropped INTEGER NOT NULL,
            last_dropped_id INTEGER,
            PRIMARY KEY (id)
        );
        CREATE TABLE history_steps (
            id INTEGER NOT NULL,
            at TEXT NOT NULL,
            who TEXT NOT NULL,
            scenario_id INTEGER NOT NULL,
            text TEXT NOT NULL,
            text_values TEXT NOT NULL,
            direction VARCHAR(4) NOT NULL,
            previous_hash BLOB NOT NULL,
            hash BLOB NOT NULL,
            PRIMARY KEY (id)
        );
        CREATE TABLE history_changes (
            id INTEGER NOT NULL,
            step_id INTEGER NOT NULL,
            scenario_id INTEGER NOT NULL,
            record VARCHAR(20) NOT NULL,
            record_id TEXT NOT NULL,
            field TEXT NOT NULL,
            old TEXT NOT NULL,
            new TEXT NOT NULL,
            PRIMARY KEY (id)
        );
        CREATE INDEX ix_history_changes_record ON history_changes (record, record_id);
        CREATE INDEX ix_history_changes_step ON history_changes (step_id);
        """
    )


def _migrate_5_to_6(connection: sqlite3.Connection) -> None:
    """Format 6 added snapshots: frozen scenarios, marked by when and by whom they were taken
    and the scenario they came from (revorg.model.snapshots). An older plan has none: its
    scenarios keep the marks empty."""
    connection.executescript(
        """
        ALTER TABLE scenarios ADD COLUMN snapshot_at TEXT;
        ALTER TABLE scenarios ADD COLUMN snapshot_by TEXT;
        ALTER TABLE scenarios ADD COLUMN snapshot_of TEXT;
        """
    )


def _migrate_6_to_7(connection: sqlite3.Connection) -> None:
    """Format 7 added actuals (revorg.model.actuals): no deals in an older plan. Written
    out, not made from the entities, as every step is."""
    connection.executescript(
        """
        CREATE TABLE deals (
            crm_id TEXT NOT NULL,
            owner TEXT NOT NULL,
            owner_email TEXT NOT NULL,
            account TEXT NOT NULL,
            name TEXT NOT NULL,
            stage TEXT NOT NULL,
            deal_type TEXT NOT NULL,
            status VARCHAR(4) NOT NULL,
            kind VARCHAR(12) NOT NULL,
            amount TEXT NOT NULL,
            currency VARCHAR(3),
            close_date TEXT NOT NULL,
            import_id INTEGER NOT NULL,
            PRIMARY KEY (crm_id)
        );
        CREATE TABLE deal_imports (
            id INTEGER NOT NULL,
            at TEXT NOT NULL,
            who TEXT NOT NULL,
            file TEXT NOT NULL,
            source VARCHAR(12) NOT NULL,
            added INTEGER NOT NULL,
            changed INTEGER NOT NULL,
            unchanged INTEGER NOT NULL,
            PRIMARY KEY (id)
        );
        CREATE TABLE deal_rules (
            rule VARCHAR(5) NOT NULL,
            "key" TEXT NOT NULL,
            value VARCHAR(12) NOT NULL,
            PRIMARY KEY (rule, "key")
        );
        CREATE TABLE owner_assignments (
            owner_key TEXT NOT NULL,
            owner TEXT NOT NULL,
            lineage TEXT NOT NULL,
            PRIMARY KEY (owner_key)
        );
        """
    )


def _migrate_7_to_8(connection: sqlite3.Connection) -> None:
    """Format 8 added a person's email and the staff mark to positions, and photos. An older
    plan has no emails, no staff positions and no photos."""
    connection.executescript(
        """
        ALTER TABLE positions ADD COLUMN email TEXT;
        ALTER TABLE positions ADD COLUMN staff BOOLEAN DEFAULT 0 NOT NULL;
        CREATE TABLE photos (
            lineage TEXT NOT NULL,
            image BLOB NOT NULL,
            media_type VARCHAR(10) NOT NULL,
            PRIMARY KEY (lineage)
        );
        """
    )


# Each step takes a database of format N (the key) to N + 1, up to the chain's base (8).
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: _migrate_1_to_2,
    2: _migrate_2_to_3,
    3: _migrate_3_to_4,
    4: _migrate_4_to_5,
    5: _migrate_5_to_6,
    6: _migrate_6_to_7,
    7: _migrate_7_to_8,
}
_LOG = frozenset({"history_steps", "history_changes", "history_chain"})  # format 5
_ACTUALS = frozenset({"deals", "deal_imports", "deal_rules", "owner_assignments"})  # format 7
_PHOTOS = frozenset({"photos"})  # format 8
_TABLES_ADDED_BEFORE_THE_CHAIN: dict[int, frozenset[str]] = {
    1: frozenset({"dotted_lines", "assumptions"}) | _LOG | _ACTUALS | _PHOTOS,
    2: frozenset({"assumptions"}) | _LOG | _ACTUALS | _PHOTOS,
    3: _LOG | _ACTUALS | _PHOTOS,
    4: _LOG | _ACTUALS | _PHOTOS,
    5: _ACTUALS | _PHOTOS,
    6: _ACTUALS | _PHOTOS,
    7: _PHOTOS,
}


def tables_added_after(version: int) -> frozenset[str]:
    """The tables of the current format that a file of format `version` does not have yet."""
    added = _TABLES_ADDED_BEFORE_THE_CHAIN.get(version, frozenset())
    if version < SCHEMA_VERSION and SCHEMA_VERSION > BASE_FORMAT:
        from revorg.model.store.chain import tables_added_after as added_by_the_chain

        added |= added_by_the_chain(version)
    return added


def migrate(connection: sqlite3.Connection, path: Path) -> None:
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    while version < min(BASE_FORMAT, SCHEMA_VERSION):
        try:
            with connection:
                MIGRATIONS[version](connection)
                connection.execute(f"PRAGMA user_version = {version + 1}")
        except sqlite3.Error as error:
            raise _not_upgraded(path, version, error) from None
        version += 1
    if version < SCHEMA_VERSION:
        _run_the_chain(connection, path, version)


def _run_the_chain(connection: sqlite3.Connection, path: Path, version: int) -> None:
    """The chain's plan revisions after `version`: Alembic is loaded only here."""
    from revorg.model.store.chain import FileUpgradeError, upgrade_file

    try:
        upgrade_file(connection, version)
    except FileUpgradeError as error:
        raise _not_upgraded(path, error.version, error.reason) from None
    reached = connection.execute("PRAGMA user_version").fetchone()[0]
    if reached != SCHEMA_VERSION:  # tests/model/test_migrations_chain.py keeps them together
        raise RuntimeError(f"the migration chain ends at format {reached}, not {SCHEMA_VERSION}")


def _not_upgraded(path: Path, version: int, reason: object) -> PlanFileError:
    return PlanFileError(
        QT_TRANSLATE_NOOP(
            "PlanFileError",
            "{path} could not be upgraded from file format {version}: {reason}",
        ),
        path=path,
        version=str(version),
        reason=reason,
    )
