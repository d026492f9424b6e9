"""What a file must pass before RevOrg trusts it: a whole SQLite file, marked as a plan of a
format this version reads, undamaged, and every value readable as the model will read it."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any

from revorg.model.bulk import paused_gc
from revorg.model.errors import QT_TRANSLATE_NOOP, PlanFileError
from revorg.model.store.database import APPLICATION_ID, SCHEMA_VERSION, SQLITE_HEADER
from revorg.model.store.stored_log import LOG_TABLE_NAMES


def one_line(text: str) -> str:
    return " ".join(part.strip(" *") for part in text.splitlines() if part.strip(" *"))


def unreadable(path: Path, error: sqlite3.Error) -> PlanFileError:
    return PlanFileError(
        QT_TRANSLATE_NOOP("PlanFileError", "{path} is damaged and cannot be read ({reason})"),
        path=path,
        reason=one_line(str(error)),
    )


def check_sqlite_header(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except FileNotFoundError:
        raise PlanFileError(
            QT_TRANSLATE_NOOP("PlanFileError", "no such file: {path}"), path=path
        ) from None
    except IsADirectoryError:
        raise PlanFileError(
            QT_TRANSLATE_NOOP("PlanFileError", "{path} is a folder, not a RevOrg plan"), path=path
        ) from None
    except OSError as error:
        raise PlanFileError(
            QT_TRANSLATE_NOOP("PlanFileError", "cannot read {path}: {reason}"),
            path=path,
            reason=error.strerror,
        ) from None
    if not header.startswith(SQLITE_HEADER):
        raise PlanFileError(
            QT_TRANSLATE_NOOP(
                "PlanFileError", "{path} is not a RevOrg plan (not a SQLite database)"
            ),
            path=path,
        )
    if len(header) < 100:
        raise PlanFileError(
            QT_TRANSLATE_NOOP(
                "PlanFileError", "{path} is damaged: it is shorter than a SQLite header"
            ),
            path=path,
        )
    _check_file_length(path, header)


def _check_file_length(path: Path, header: bytes) -> None:
    """A file cut short (an interrupted copy) would be read with zeros for its missing end:
    its length must be the page size times the page count the header records."""
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    page_count = int.from_bytes(header[28:32], "big")
    count_is_valid = header[24:28] == header[92:96]  # the count is kept since SQLite 3.7.0
    if count_is_valid and page_count and path.stat().st_size != page_size * page_count:
        raise PlanFileError(
            QT_TRANSLATE_NOOP(
                "PlanFileError",
                "{path} is damaged: it is {size} bytes long where its header says {expected} "
                "(an interrupted copy?)",
            ),
            path=path,
            size=str(path.stat().st_size),
            expected=str(page_size * page_count),
        )


def check_marks_and_integrity(
    source: sqlite3.Connection, path: Path, *, whole_file: bool = True
) -> str | None:
    """The RevOrg marks, a format this version reads, and undamaged pages: every page of the
    file, or (`whole_file` False: the log stays in the file, store.stored_log) every table's
    but the log's, whose pages are checked when it is read.

    Damage only in the log's pages does not refuse the plan (a damaged log never stops it from
    opening): it is returned, and the plan is then copied without its log."""
    application_id = source.execute("PRAGMA application_id").fetchone()[0]
    if application_id != APPLICATION_ID:
        raise PlanFileError(
            QT_TRANSLATE_NOOP("PlanFileError", "{path} is a SQLite database but not a RevOrg plan"),
            path=path,
        )
    version = source.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise PlanFileError(
            QT_TRANSLATE_NOOP(
                "PlanFileError",
                "{path} was saved by a newer version of RevOrg (file format {version}; "
                "this version reads up to {newest}): please update RevOrg",
            ),
            path=path,
            version=str(version),
            newest=str(SCHEMA_VERSION),
        )
    if version < 1:
        raise PlanFileError(
            QT_TRANSLATE_NOOP("PlanFileError", "{path} is damaged: it has no file format version"),
            path=path,
        )
    problems = _integrity_problems(source, whole_file)
    if problems == ["ok"]:
        return None
    if whole_file and _integrity_problems(source, False, LOG_TABLE_NAMES) == ["ok"]:
        log_problems = _log_problems(source)
        if log_problems != ["ok"]:  # else the damage is outside every table: a free page
            return one_line(log_problems[0])
    raise PlanFileError(
        QT_TRANSLATE_NOOP("PlanFileError", "{path} is damaged: {reason}"),
        path=path,
        reason=one_line(problems[0]),
    )


def _integrity_problems(
    source: sqlite3.Connection, whole_file: bool, skipped: Collection[str] = LOG_TABLE_NAMES[1:]
) -> list[str]:
    """integrity_check, not quick_check: it also compares every index with its table. Of the
    whole file, or of every table but the `skipped` ones (by default the log's steps and
    changes; the chain's one row is copied at open, so it is checked with the plan)."""
    if whole_file:
        return _checked(source, "PRAGMA integrity_check(5)")
    names = source.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    for (name,) in names:
        if name in skipped:
            continue
        quoted = '"' + str(name).replace('"', '""') + '"'
        problems = _checked(source, f"PRAGMA integrity_check({quoted})")
        if problems != ["ok"]:
            return problems
    return ["ok"]


def _checked(source: sqlite3.Connection, pragma: str) -> list[str]:
    """The check's findings; a page too damaged to walk makes SQLite raise instead."""
    try:
        return [str(row[0]) for row in source.execute(pragma)]
    except sqlite3.DatabaseError as error:
        return [str(error)]


def _log_problems(source: sqlite3.Connection) -> list[str]:
    for name in LOG_TABLE_NAMES:
        problems = _checked(source, f'PRAGMA integrity_check("{name}")')
        if problems != ["ok"]:
            return problems
    return ["ok"]


def check_values(connection: sqlite3.Connection, path: Path | str) -> None:
    """Read every value once, as the model will: damage inside a row passes SQLite's page
    checks but must still be refused at open, not fail later in the middle of editing.
    The columns are those of the entities (the schema check has made sure). The change log is
    not read: opening a plan costs the same with 100,000 steps as with none, and a damaged log
    is reported by its own check (revorg.model.history.chain), never refuses the plan. Deals
    neither: a plan with 50,000 of them opens as fast, and a deal that cannot be read is left
    out and counted when actuals are read (revorg.model.actuals.store). `path` names the plan
    in messages: a file, or a team plan read from its server (revorg.model.team.transfer)."""
    # The entities' columns as compiled for the store (store.columns: no SQLAlchemy needed).
    from revorg.model.store.columns import STORED_FORMS, stored_columns

    described = stored_columns()
    with paused_gc():  # every row of the plan read once
        for table in described.tables:
            if table in described.log_tables or table in described.actuals_tables:
                continue  # read when asked for, each damaged row reported then
            try:
                # Decoding every text value is the check (bad UTF-8 raises here).
                connection.execute(f'SELECT * FROM "{table}"').fetchall()
                for name, form in described.stored_forms.get(table, {}).items():
                    read = STORED_FORMS[form]
                    # Each distinct stored value once: costs and months repeat across a plan.
                    query = f'SELECT DISTINCT "{name}" FROM "{table}"'
                    for (value,) in connection.execute(query):
                        if value is not None:
                            _read_stored(read, value, name)
            except (sqlite3.Error, ValueError, ArithmeticError, TypeError) as error:
                raise PlanFileError(
                    QT_TRANSLATE_NOOP(
                        "PlanFileError",
                        "{path} is damaged: a value in table {table} cannot be read ({reason})",
                    ),
                    path=path,
                    table=repr(table),
                    reason=one_line(str(error)),
                ) from None


def _read_stored(read: Callable[[Any], Any], value: object, column: str) -> None:
    """Read one stored value; what cannot be read is named by its column and value (the
    decimal module's own error says only "[<class 'decimal.ConversionSyntax'>]")."""
    try:
        read(value)
    except (ValueError, ArithmeticError, TypeError):
        shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:37] + "..."
        raise ValueError(f"{shown} in column {column!r}") from None
