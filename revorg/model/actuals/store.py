"""Deals, their imports and versions, the user's stage and type rules and owners matched by hand,
as the plan file keeps them (tables in revorg.model.entities, format 7). SQL on the session's
connection: 50,000 deals are read and written without building an ORM object each.

A stored value that cannot be read (a file changed by another program) is left out of the
deals and counted, never stops the plan: actuals are not read when a plan opens.
"""

from __future__ import annotations

import datetime
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from operator import itemgetter
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from revorg.model.actuals.deals import Deal, DealKind, DealRules, DealStatus, rule_key
from revorg.model.actuals.owners import person_key
from revorg.model.actuals.progress import Booking
from revorg.model.bulk import driver_connection, paused_gc
from revorg.model.lineage import lineage_of
from revorg.model.months import FiscalYear

DEAL_COLUMNS = (
    "crm_id", "owner", "owner_email", "account", "name", "stage", "deal_type", "status", "kind",
    "amount", "currency", "close_date",
)  # fmt: skip
Row = dict[str, Any]


def deal_row(deal: Deal, import_id: int | None = None) -> Row:
    """A deal as its table stores it (text for money and dates), with the import that wrote
    it when given."""
    row: Row = {
        "crm_id": deal.crm_id,
        "owner": deal.owner,
        "owner_email": deal.owner_email,
        "account": deal.account,
        "name": deal.name,
        "stage": deal.stage,
        "deal_type": deal.deal_type,
        "status": str(deal.status),
        "kind": str(deal.kind),
        "amount": str(deal.amount),
        "currency": deal.currency,
        "close_date": deal.close_date.isoformat(),
    }
    if import_id is not None:
        row["import_id"] = import_id
    return row


deal_values = itemgetter(*DEAL_COLUMNS)  # a row's values without its import, to compare


def deal_of(row: Sequence[Any]) -> Deal:
    """A stored row (DEAL_COLUMNS in order) as a deal; raises ValueError for a value that
    cannot be read."""
    crm_id, owner, email, account, name, stage, deal_type, status, kind, amount, currency, day = row
    try:
        number = Decimal(amount)
    except (InvalidOperation, TypeError):
        raise ValueError(f"amount {amount!r}") from None
    return Deal(
        str(crm_id), str(owner), number, datetime.date.fromisoformat(day), _STATUSES[status],
        _KINDS[kind], stage or "", deal_type or "", account or "", name or "", email or "",
        currency,
    )  # fmt: skip


# Enum look-ups by value, without the Enum call's cost on each of 50,000 rows.
_STATUSES = {str(status): status for status in DealStatus}
_KINDS = {str(kind): kind for kind in DealKind}


@dataclass(frozen=True)
class StoredDeals:
    deals: list[Deal]
    unreadable: int  # rows left out because a value could not be read


def has_deals(session: Session) -> bool:
    return session.execute(text("SELECT 1 FROM deals LIMIT 1")).first() is not None


def stored_deals(session: Session) -> StoredDeals:
    """The plan's deals, read with the rules as they are now: a rule the user set after an
    import changes the status or kind of the deals whose stage or type it names. Read from
    the driver's connection: SQLAlchemy's rows cost more than the deals made of them."""
    rules = stored_rules(session)
    cursor = driver_connection(session).execute(
        f"SELECT {', '.join(DEAL_COLUMNS)} FROM deals ORDER BY rowid"
    )
    deals, unreadable = [], 0
    for row in cursor.fetchall():
        try:
            deals.append(rules.reread(deal_of(row)))
        except (ValueError, KeyError, TypeError):
            unreadable += 1
    return StoredDeals(deals, unreadable)


# A stored deal that can be summed: amounts of digits and a point, ISO dates, known words. A
# row changed by another program that fails this is left out of the figures and counted.
_READABLE_VALUES = (
    "amount NOT GLOB '*[^0-9.-]*' AND amount GLOB '*[0-9]*' "
    "AND close_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' "
    "AND kind IN ('new_business', 'expansion', 'renewal')"
)
_READABLE = f"status IN ('won', 'lost', 'open') AND {_READABLE_VALUES}"


def stored_bookings(
    session: Session, fiscal: FiscalYear | None = None, currency: str | None = None
) -> tuple[list[Booking], int]:
    """The plan's deals summed for the figures (revorg.model.actuals.progress), with the user's
    rules applied; and how many rows could not be read. Summed by SQLite in whole cents
    (amounts are stored to the cent, so amount x 100 is exact), never as floats.

    Given the fiscal year and the plan's currency, and with no rule of the user's to apply to
    stages and types, only what the figures need is grouped: won deals of the year by owner,
    kind and month; the others by owner (their count, and the last day a deal was lost);
    deals outside the year or in another currency counted. Otherwise every deal is
    grouped by owner, status, kind, currency and month."""
    rules = stored_rules(session)
    if fiscal is None or currency is None or rules.stages or rules.types:
        return _all_grouped(session, rules)
    connection = driver_connection(session)
    # The year as dates that compare as text: from its first day to the day after it.
    window = (f"{fiscal.first}-01", f"{fiscal.last.plus_months(1)}-01")
    in_year = "close_date >= ? AND close_date < ?"
    # The cheap comparisons first: a row outside the year is not checked further.
    counted = f"{in_year} AND (currency IS NULL OR currency = ?) AND {_READABLE_VALUES}"
    bookings = _won_bookings(connection, counted, (*window, currency))
    # Of lost and open deals the figures read only how many each owner has and the last month
    # a deal was lost: one booking per owner holds them, lost at that month when one was.
    bookings += [
        Booking(
            owner,
            email,
            DealStatus.OPEN if last_lost is None else DealStatus.LOST,
            DealKind.NEW_BUSINESS,
            None,
            *_year_month(last_lost or window[0]),
            deals,
            0,
        )
        for owner, email, deals, last_lost in connection.execute(
            "SELECT owner, owner_email, count(*), max(CASE WHEN status = 'lost' THEN close_date "
            f"END) FROM deals WHERE status IN ('lost', 'open') AND {counted} "
            "GROUP BY owner, owner_email",
            (*window, currency),
        ).fetchall()
    ]
    # The rest, counted in one pass without reading the amounts: those outside the year, those
    # of the year in another currency (a row that cannot be read is among these when it is
    # outside the year or in another currency, else among the unreadable). Only when some
    # rows were not summed: counting all rows is a look at the table's pages, the pass a read
    # of every row (14 ms of the summary at 50,000 deals).
    (total,) = connection.execute("SELECT count(*) FROM deals").fetchone()
    summed = sum(booking.deals for booking in bookings)
    if summed == total:
        return bookings, 0
    outside, foreign, foreign_code = connection.execute(
        f"SELECT coalesce(sum(NOT ({in_year})), 0), "
        f"coalesce(sum({in_year} AND currency != ?), 0), "
        f"max(CASE WHEN {in_year} AND currency != ? THEN currency END) FROM deals",
        (*window, *window, currency, *window, currency),
    ).fetchone()
    if outside:  # one booking that progress counts as outside the year
        before = fiscal.first.plus_months(-1)
        bookings.append(
            Booking(
                "",
                "",
                DealStatus.OPEN,
                DealKind.NEW_BUSINESS,
                None,
                before.year,
                before.month,
                outside,
                0,
            )
        )
    if foreign:  # and one it counts as in another currency
        first = fiscal.first
        bookings.append(
            Booking(
                "",
                "",
                DealStatus.OPEN,
                DealKind.NEW_BUSINESS,
                foreign_code,
                first.year,
                first.month,
                foreign,
                0,
            )
        )
    return bookings, total - sum(booking.deals for booking in bookings)


def _won_bookings(
    connection: sqlite3.Connection, counted: str, parameters: tuple[str, ...]
) -> list[Booking]:
    """Won deals of the year by owner, kind and month. SQLite groups them by owner and kind
    and lists each deal's month and cents ("2027-02 123456 2027-03 99"), summed here by month:
    1,200 groups instead of 10,400 at 50,000 deals, 12 ms less of SQLite's sort and rows for
    about 4 ms more of Python."""
    bookings = []
    year_months: dict[str, tuple[int, int]] = {}  # "2027-02" -> (2027, 2): a year has twelve
    for owner, email, kind, listed in connection.execute(
        "SELECT owner, owner_email, kind, group_concat(substr(close_date, 1, 7) || ' ' || "
        f"CAST(round(amount * 100) AS INTEGER), ' ') FROM deals WHERE status = 'won' AND "
        f"{counted} GROUP BY owner, owner_email, kind",
        parameters,
    ).fetchall():
        months: dict[str, list[int]] = {}  # month -> deals, cents
        values = listed.split(" ")
        for month, cents in zip(values[::2], map(int, values[1::2]), strict=True):
            sums = months.get(month)
            if sums is None:
                months[month] = [1, cents]
            else:
                sums[0] += 1
                sums[1] += cents
        kind_read = _KINDS[kind]
        for month, (deals, cents) in months.items():
            year_month = year_months.get(month)
            if year_month is None:
                year_month = year_months[month] = _year_month(month)
            bookings.append(
                Booking(owner, email, DealStatus.WON, kind_read, None, *year_month, deals, cents)
            )
    return bookings


def plan_bookings(session: Session) -> tuple[list[Booking], int]:
    """stored_bookings for the plan's fiscal year and currency: what every view asks."""
    from revorg.model.entities import Plan

    plan = session.query(Plan).one()
    fiscal = FiscalYear.of(plan.fiscal_year, plan.fiscal_start_month)
    with paused_gc():  # some 11,000 bookings made: the collector would walk the plan each time
        return stored_bookings(session, fiscal, plan.currency)


def _year_month(text: str) -> tuple[int, int]:
    return int(text[:4]), int(text[5:7])


def _all_grouped(session: Session, rules: DealRules) -> tuple[list[Booking], int]:
    by_rule = ", stage, deal_type" if rules.stages or rules.types else ", '', ''"
    connection = driver_connection(session)
    rows = connection.execute(
        "SELECT owner, owner_email, status, kind, currency, CAST(substr(close_date, 1, 4) AS "
        "INTEGER), CAST(substr(close_date, 6, 2) AS INTEGER)" + by_rule + ", count(*), "
        "sum(CAST(round(amount * 100) AS INTEGER)) FROM deals WHERE " + _READABLE + " GROUP BY "
        "owner, owner_email, status, kind, currency, substr(close_date, 1, 7)" + by_rule
    ).fetchall()
    (total,) = connection.execute("SELECT count(*) FROM deals").fetchone()
    bookings = []
    for owner, email, status, kind, currency, year, month, stage, deal_type, deals, cents in rows:
        status, kind = _STATUSES[status], _KINDS[kind]
        if by_rule != ", '', ''":
            status = rules.stages.get(rule_key(stage), status)
            kind = rules.types.get(rule_key(deal_type), kind)
        bookings.append(Booking(owner, email, status, kind, currency, year, month, deals, cents))
    return bookings, total - sum(booking.deals for booking in bookings)


def stored_rows(session: Session, crm_ids: Iterable[str] | None = None) -> dict[str, Row]:
    """Stored deals as rows by id, with the import that last changed each (all of them, or
    those of `crm_ids`)."""
    names = (*DEAL_COLUMNS, "import_id")
    cursor = driver_connection(session).execute(f"SELECT {', '.join(names)} FROM deals")
    rows = {str(r[0]): dict(zip(names, r, strict=True)) for r in cursor.fetchall()}
    if crm_ids is None:
        return rows
    return {crm_id: rows[crm_id] for crm_id in crm_ids if crm_id in rows}


def write_rows(session: Session, rows: Sequence[Row], import_id: int) -> None:
    """Insert or replace deals, each marked with the import that last changed it (a row put
    back by an undo keeps its own)."""
    if not rows:
        return
    names = (*DEAL_COLUMNS, "import_id")
    values = itemgetter(*DEAL_COLUMNS)  # one call a row, not a generator
    session.flush()
    driver_connection(session).executemany(
        f"INSERT OR REPLACE INTO deals ({', '.join(names)}) "
        f"VALUES ({', '.join('?' for _ in names)})",
        [(*values(row), row.get("import_id", import_id)) for row in rows],
    )


def delete_rows(session: Session, crm_ids: Sequence[str]) -> None:
    if crm_ids:
        session.flush()
        driver_connection(session).executemany(
            "DELETE FROM deals WHERE crm_id = ?", [(crm_id,) for crm_id in crm_ids]
        )


# --- imports and versions ------------------------------------------------------------------


@dataclass(frozen=True)
class ImportRecord:
    id: int
    at: str
    who: str
    file: str
    source: str
    added: int
    changed: int
    unchanged: int


def next_import_id(session: Session) -> int:
    last = session.execute(text("SELECT max(id) FROM deal_imports")).scalar()
    return int(last or 0) + 1


def write_import(session: Session, record: ImportRecord) -> None:
    session.execute(
        text(
            "INSERT INTO deal_imports (id, at, who, file, source, added, changed, unchanged) "
            "VALUES (:id, :at, :who, :file, :source, :added, :changed, :unchanged)"
        ),
        record.__dict__,
    )


def delete_import(session: Session, import_id: int) -> None:
    session.execute(text("DELETE FROM deal_imports WHERE id = :i"), {"i": import_id})


def imports(session: Session) -> list[ImportRecord]:
    result = session.execute(
        text(
            "SELECT id, at, who, file, source, added, changed, unchanged FROM deal_imports "
            "ORDER BY id"
        )
    )
    return [ImportRecord(**row) for row in result.mappings()]


# --- rules and owners matched by hand ----------------------------------------------------


def written_texts(session: Session, column: str) -> list[tuple[str, int]]:
    """Each stage (or type) the plan's deals are written with, and how many deals have it,
    most first: what a rule can be set for."""
    if column not in ("stage", "deal_type"):
        raise ValueError(column)
    cursor = driver_connection(session).execute(
        f"SELECT {column}, count(*) FROM deals GROUP BY {column} ORDER BY count(*) DESC, {column}"
    )
    return [(str(text), int(count)) for text, count in cursor.fetchall()]


def stored_rules(session: Session) -> DealRules:
    stages: dict[str, DealStatus] = {}
    types: dict[str, DealKind] = {}
    for rule, key, value in session.execute(text("SELECT rule, key, value FROM deal_rules")):
        try:
            if rule == "stage":
                stages[str(key)] = DealStatus(value)
            elif rule == "type":
                types[str(key)] = DealKind(value)
        except ValueError:
            continue  # a value written by another program: the default reads that text
    return DealRules(stages, types)


def write_rule(session: Session, rule: str, key: str, value: str | None) -> None:
    """Set (or, with None, remove) one rule."""
    session.execute(
        text("DELETE FROM deal_rules WHERE rule = :r AND key = :k"), {"r": rule, "k": key}
    )
    if value is not None:
        session.execute(
            text("INSERT INTO deal_rules (rule, key, value) VALUES (:r, :k, :v)"),
            {"r": rule, "k": key, "v": value},
        )


def stored_assignments(session: Session) -> dict[str, tuple[str, str]]:
    """owner_key -> (owner as written, position lineage)."""
    result = session.execute(text("SELECT owner_key, owner, lineage FROM owner_assignments"))
    return {str(key): (str(owner), str(lineage)) for key, owner, lineage in result}


def write_assignment(session: Session, owner: str, lineage: str | None) -> None:
    """Match `owner` to the position of `lineage` (None: forget the match)."""
    key = person_key(owner)
    session.execute(text("DELETE FROM owner_assignments WHERE owner_key = :k"), {"k": key})
    if lineage is not None:
        session.execute(
            text("INSERT INTO owner_assignments (owner_key, owner, lineage) VALUES (:k, :o, :l)"),
            {"k": key, "o": owner, "l": lineage},
        )


def assignments_in(session: Session, scenario_id: int) -> dict[str, int]:
    """Owners matched by hand, as position ids of one scenario (a position the scenario does
    not have is left out: that owner is unmatched there)."""
    stored = stored_assignments(session)
    if not stored:
        return {}
    result = session.execute(
        text("SELECT id, lineage FROM positions WHERE scenario_id = :s"), {"s": scenario_id}
    )
    by_lineage = {lineage_of(pid, lineage): int(pid) for pid, lineage in result}
    return {
        owner: by_lineage[lineage] for owner, lineage in stored.values() if lineage in by_lineage
    }
