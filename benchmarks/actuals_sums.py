"""Monthly sums of the deals kept beside them (issue 18, brief `sums`): what they would cost and
save, measured on a bare SQLite connection before any of it is built.

    python -m benchmarks.actuals_sums [--repeat 5]

The deals are the benchmark's (benchmarks.actuals.write_export: 50,000 deals, 400 owners, the
same stages, types and days), written straight into the plan's `deals` table as the import
stores them. Measured, as CPU time of this process and wall time, medians of `repeat` runs:

- the import's write of the 50,000 rows (INSERT OR REPLACE, as store.write_rows), then the same
  rows again (a re-import), with no sums, with per-row triggers that keep the sums (an upsert
  into the deal's group, the old row's group lowered), and with triggers that only empty the
  sums on any change (to be filled again by the next reader);
- filling the sums from the deals in one INSERT ... SELECT, and from the rows in Python;
- the summary's two grouped queries (store.stored_bookings) against the same on the sums, with
  a check that both give the same rows.
"""

from __future__ import annotations

import argparse
import datetime
import random
import sqlite3
import statistics
import time
from collections import Counter
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from benchmarks.actuals import DEALS, STAGES, TYPES

# The stages and types of the export as the import's default rules read them.
_STATUS = {"Closed Won": "won", "Closed Lost": "lost"}
_KIND = {"New Business": "new_business", "Existing Business": "expansion", "Renewal": "renewal"}
KEY = ("status", "owner", "owner_email", "kind", "close_key", "currency", "readable")
_INSERT = "INSERT OR REPLACE INTO deals VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
# A deal the summary can sum (store._READABLE, with a day from 01: then a month compares with
# the year's window as its date does).
_READABLE = (
    "({row}.status IN ('won', 'lost', 'open') AND {row}.amount NOT GLOB '*[^0-9.-]*' "
    "AND {row}.amount GLOB '*[0-9]*' "
    "AND {row}.close_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' "
    "AND substr({row}.close_date, 9, 2) != '00' "
    "AND {row}.kind IN ('new_business', 'expansion', 'renewal'))"
)


def deal_rows(count: int = DEALS, seed: int = 11) -> list[tuple[Any, ...]]:
    rng = random.Random(seed)
    owners = [f"Person {number}" for number in range(400)]
    rows = []
    for number in range(count):
        close = datetime.date(2027, 1, 1) + datetime.timedelta(days=rng.randrange(365))
        owner, stage, deal_type = rng.choice(owners), rng.choice(STAGES), rng.choice(TYPES)
        rows.append((
            f"006{number:015d}", owner, "", f"Account {number % 7919}", f"Deal {number}", stage,
            deal_type, _STATUS.get(stage, "open"), _KIND[deal_type],
            f"{rng.randrange(1_000, 120_000) * 10}.00", "EUR", close.isoformat(), 1,
        ))  # fmt: skip
    return rows


def _group(row: str) -> list[str]:
    readable = _READABLE.format(row=row)
    month = f"CASE WHEN {readable} THEN substr({row}.close_date, 1, 7) ELSE {row}.close_date END"
    return [
        f"{row}.status", f"{row}.owner", f"{row}.owner_email", f"{row}.kind", month,
        f"coalesce({row}.currency, '')", readable,
    ]  # fmt: skip


def _cents(row: str) -> str:
    readable = _READABLE.format(row=row)
    return f"CASE WHEN {readable} THEN CAST(round({row}.amount * 100) AS INTEGER) ELSE 0 END"


def _per_row_triggers() -> list[str]:
    names, key = ", ".join((*KEY, "deals", "cents")), ", ".join(KEY)
    add = (
        f"INSERT INTO deal_sums ({names}) VALUES ({', '.join(_group('NEW'))}, 1, "
        f"{_cents('NEW')}) ON CONFLICT ({key}) DO UPDATE SET deals = deals + 1, "
        "cents = cents + excluded.cents"
    )
    where = " AND ".join(f"{k} = {v}" for k, v in zip(KEY, _group("OLD"), strict=True))
    take = (
        f"UPDATE deal_sums SET deals = deals - 1, cents = cents - {_cents('OLD')} WHERE {where}; "
        f"DELETE FROM deal_sums WHERE {where} AND deals = 0"
    )
    return [
        f"CREATE TRIGGER sums_insert AFTER INSERT ON deals BEGIN {add}; END",
        f"CREATE TRIGGER sums_delete AFTER DELETE ON deals BEGIN {take}; END",
        f"CREATE TRIGGER sums_update AFTER UPDATE ON deals BEGIN {take}; {add}; END",
    ]


def _emptying_triggers() -> list[str]:
    return [
        f"CREATE TRIGGER sums_{event.lower()} AFTER {event} ON deals "
        "WHEN EXISTS (SELECT 1 FROM deal_sums) BEGIN DELETE FROM deal_sums; END"
        for event in ("INSERT", "UPDATE", "DELETE")
    ]


_A_SUM = "INSERT INTO deal_sums VALUES ('won', 'a', '', 'new_business', '2027-01', '', 1, 1, 0)"
SUMS_OF_DEALS = (
    f"SELECT {', '.join(_group('deals'))}, count(*), sum({_cents('deals')}) FROM deals "
    f"GROUP BY {', '.join(str(n) for n in range(1, len(KEY) + 1))}"
)
FILL = f"INSERT INTO deal_sums ({', '.join((*KEY, 'deals', 'cents'))}) {SUMS_OF_DEALS}"
_IN_ORDER = " ORDER BY 1, 2, 3, 4, 5, 6, 7"


def check_triggers(connection: sqlite3.Connection) -> None:
    """The sums the per-row triggers kept equal the deals' own, after a deal changed (amount,
    month, stage) and one deleted."""
    with connection:
        connection.execute(
            "UPDATE deals SET amount = '1.50', close_date = '2027-12-31', status = 'lost' "
            "WHERE crm_id = '006000000000000001'"
        )
        connection.execute("DELETE FROM deals WHERE crm_id = '006000000000000002'")
    kept = connection.execute("SELECT * FROM deal_sums" + _IN_ORDER).fetchall()
    assert kept == connection.execute(SUMS_OF_DEALS + _IN_ORDER).fetchall(), "triggers"


def plan_database(triggers: Sequence[str] = ()) -> sqlite3.Connection:
    """The plan's tables as RevOrg makes them, the sums table beside them."""
    from revorg.model.store.database import connect_memory, create_schema

    connection = connect_memory()
    create_schema(connection)
    connection.execute("PRAGMA recursive_triggers = ON")  # a REPLACE fires the delete trigger
    connection.execute(
        "CREATE TABLE deal_sums (status TEXT NOT NULL, owner TEXT NOT NULL, owner_email TEXT "
        "NOT NULL, kind TEXT NOT NULL, close_key TEXT NOT NULL, currency TEXT NOT NULL, "
        "readable INTEGER NOT NULL, deals INTEGER NOT NULL, cents INTEGER NOT NULL, "
        f"PRIMARY KEY ({', '.join(KEY)}))"
    )
    for statement in triggers:
        connection.execute(statement)
    return connection


def timed(work: Callable[[], object]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - wall, time.process_time() - cpu


def python_fill(connection: sqlite3.Connection, rows: Sequence[tuple[Any, ...]]) -> None:
    """The sums of rows that are all readable, grouped in Python as an import could."""
    deals: Counter[tuple[Any, ...]] = Counter()
    cents: Counter[tuple[Any, ...]] = Counter()
    for row in rows:
        key = (row[7], row[1], row[2], row[8], row[11][:7], row[10] or "", 1)
        deals[key] += 1
        cents[key] += int(Decimal(row[9]).scaleb(2))
    connection.execute("DELETE FROM deal_sums")
    connection.executemany(
        "INSERT INTO deal_sums VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(*key, count, cents[key]) for key, count in deals.items()],
    )


def _queries() -> dict[str, tuple[str, str, tuple[str, ...], tuple[str, ...]]]:
    from revorg.model.actuals.store import _READABLE_VALUES

    counted = (
        "close_date >= ? AND close_date < ? AND (currency IS NULL OR currency = ?) "
        f"AND {_READABLE_VALUES}"
    )
    summed = "readable AND close_key >= ? AND close_key < ? AND currency IN ('', ?)"
    year = "CAST(substr({0}, 1, 4) AS INTEGER), CAST(substr({0}, 6, 2) AS INTEGER)"
    days, months = ("2027-01-01", "2028-01-01", "EUR"), ("2027-01", "2028-01", "EUR")
    return {
        "won": (
            f"SELECT owner, owner_email, kind, {year.format('close_date')}, count(*), "
            "sum(CAST(round(amount * 100) AS INTEGER)) FROM deals WHERE status = 'won' AND "
            f"{counted} GROUP BY owner, owner_email, kind, substr(close_date, 1, 7)",
            f"SELECT owner, owner_email, kind, {year.format('close_key')}, sum(deals), "
            f"sum(cents) FROM deal_sums WHERE status = 'won' AND {summed} "
            "GROUP BY owner, owner_email, kind, close_key",
            days,
            months,
        ),
        "lost and open": (
            "SELECT owner, owner_email, status, count(*), max(CASE WHEN status = 'lost' THEN "
            "substr(close_date, 1, 7) END) FROM deals WHERE status IN ('lost', 'open') AND "
            f"{counted} GROUP BY owner, owner_email, status",
            "SELECT owner, owner_email, status, sum(deals), max(CASE WHEN status = 'lost' THEN "
            f"close_key END) FROM deal_sums WHERE status IN ('lost', 'open') AND {summed} "
            "GROUP BY owner, owner_email, status",
            days,
            months,
        ),
    }


def measure(repeat: int, deals: int = DEALS) -> list[tuple[str, float, float]]:
    rows = deal_rows(deals)
    results: dict[str, list[tuple[float, float]]] = {}

    def note(name: str, times: tuple[float, float]) -> None:
        results.setdefault(name, []).append(times)

    for _ in range(repeat):  # the designs interleaved, each in a fresh database
        for design, triggers in (
            ("no sums", []),
            ("per-row sum triggers", _per_row_triggers()),
            ("emptying triggers", _emptying_triggers()),
        ):
            connection = plan_database(triggers)
            if design == "emptying triggers":  # sums filled before: the first row empties them
                with connection:
                    connection.execute(_A_SUM)
            with connection:
                note(
                    f"{design}: import {deals:,} deals",
                    timed(lambda c=connection: c.executemany(_INSERT, rows)),
                )
            with connection:
                note(
                    f"{design}: the same again",
                    timed(lambda c=connection: c.executemany(_INSERT, rows)),
                )
            if design == "per-row sum triggers":
                check_triggers(connection)
        connection = plan_database()
        with connection:
            connection.executemany(_INSERT, rows)
        note("fill: one INSERT ... SELECT", timed(lambda c=connection: c.execute(FILL)))
        filled = connection.execute("SELECT * FROM deal_sums" + _IN_ORDER).fetchall()
        note("fill: grouped in Python", timed(lambda c=connection: python_fill(c, rows)))
        again = connection.execute("SELECT * FROM deal_sums" + _IN_ORDER).fetchall()
        assert again == filled, "the two fills differ"
        for name, (on_deals, on_sums, days, months) in _queries().items():
            expected = sorted(connection.execute(on_deals, days).fetchall())
            assert sorted(connection.execute(on_sums, months).fetchall()) == expected, name
            note(
                f"summary, {name}: grouped deals",
                timed(lambda q=on_deals, p=days, c=connection: c.execute(q, p).fetchall()),
            )
            note(
                f"summary, {name}: read sums",
                timed(lambda q=on_sums, p=months, c=connection: c.execute(q, p).fetchall()),
            )
        print("sum rows:", len(filled), flush=True)
    return [
        (name, statistics.median(t[0] for t in times), statistics.median(t[1] for t in times))
        for name, times in results.items()
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    print(f"{'measure (median of ' + str(repeat) + ')':58} {'wall ms':>9} {'CPU ms':>9}")
    for name, wall, cpu in measure(repeat):
        print(f"{name:58} {wall * 1000:9.1f} {cpu * 1000:9.1f}")


if __name__ == "__main__":
    main()
