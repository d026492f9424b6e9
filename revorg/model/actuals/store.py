"""Deals, their imports and versions, the user's stage and type rules and owners matched by hand,
as the plan file keeps them (tables in revorg.model.entities, format 7). SQL on the session's
connection: 50,000 deals are read and written without building an ORM object each.

A stored value that cannot be read (a file changed by another program) is left out of the
deals and counted, never stops the plan: actuals are not read when a plan opens.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from revorg.model.actuals.deals import Deal, DealKind, DealRules, DealStatus
from revorg.model.actuals.owners import person_key
from revorg.model.lineage import lineage_of

DEAL_COLUMNS = (
    "crm_id", "owner", "owner_email", "account", "name", "stage", "deal_type", "status", "kind",
    "amount", "currency", "close_date",
)  # fmt: skip
Row = dict[str, Any]


def deal_row(deal: Deal) -> Row:
    """A deal as its table stores it (text for money and dates)."""
    return {
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


def deal_of(row: Mapping[str, Any]) -> Deal:
    """A stored row as a deal; raises ValueError for a value that cannot be read."""
    try:
        amount = Decimal(str(row["amount"]))
    except InvalidOperation:
        raise ValueError(f"amount {row['amount']!r}") from None
    return Deal(
        crm_id=str(row["crm_id"]),
        owner=str(row["owner"]),
        amount=amount,
        close_date=datetime.date.fromisoformat(str(row["close_date"])),
        status=DealStatus(row["status"]),
        kind=DealKind(row["kind"]),
        stage=str(row["stage"] or ""),
        deal_type=str(row["deal_type"] or ""),
        account=str(row["account"] or ""),
        name=str(row["name"] or ""),
        owner_email=str(row["owner_email"] or ""),
        currency=row["currency"],
    )


@dataclass(frozen=True)
class StoredDeals:
    deals: list[Deal]
    unreadable: int  # rows left out because a value could not be read


def has_deals(session: Session) -> bool:
    return session.execute(text("SELECT 1 FROM deals LIMIT 1")).first() is not None


def stored_deals(session: Session) -> StoredDeals:
    """The plan's deals, read with the rules as they are now: a rule the user set after an
    import changes the status or kind of the deals whose stage or type it names."""
    rules = stored_rules(session)
    result = session.execute(text(f"SELECT {', '.join(DEAL_COLUMNS)} FROM deals ORDER BY rowid"))
    deals, unreadable = [], 0
    for row in result.mappings():
        try:
            deals.append(rules.reread(deal_of(dict(row))))
        except (ValueError, KeyError, TypeError):
            unreadable += 1
    return StoredDeals(deals, unreadable)


def stored_rows(session: Session, crm_ids: Iterable[str] | None = None) -> dict[str, Row]:
    """Stored deals as rows by id, with the import that last changed each (all of them, or
    those of `crm_ids`)."""
    query = f"SELECT {', '.join(DEAL_COLUMNS)}, import_id FROM deals"
    rows = {str(r["crm_id"]): dict(r) for r in session.execute(text(query)).mappings()}
    if crm_ids is None:
        return rows
    return {crm_id: rows[crm_id] for crm_id in crm_ids if crm_id in rows}


def write_rows(session: Session, rows: Sequence[Row], import_id: int) -> None:
    """Insert or replace deals, each marked with the import that last changed it."""
    if not rows:
        return
    names = (*DEAL_COLUMNS, "import_id")
    statement = text(
        f"INSERT OR REPLACE INTO deals ({', '.join(names)}) "
        f"VALUES ({', '.join(':' + name for name in names)})"
    )
    # A row put back by an undo keeps the import that had last changed it.
    session.execute(
        statement, [{**row, "import_id": row.get("import_id", import_id)} for row in rows]
    )


def delete_rows(session: Session, crm_ids: Sequence[str]) -> None:
    if crm_ids:
        session.execute(text("DELETE FROM deals WHERE crm_id = :id"), [{"id": i} for i in crm_ids])


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


def write_import(session: Session, record: ImportRecord, versions: Sequence[Row]) -> None:
    session.execute(
        text(
            "INSERT INTO deal_imports (id, at, who, file, source, added, changed, unchanged) "
            "VALUES (:id, :at, :who, :file, :source, :added, :changed, :unchanged)"
        ),
        record.__dict__,
    )
    if versions:
        session.execute(
            text("INSERT INTO deal_versions (import_id, crm_id, row) VALUES (:i, :c, :r)"),
            [{"i": record.id, "c": row["crm_id"], "r": _json(row)} for row in versions],
        )


def delete_import(session: Session, import_id: int) -> None:
    session.execute(text("DELETE FROM deal_versions WHERE import_id = :i"), {"i": import_id})
    session.execute(text("DELETE FROM deal_imports WHERE id = :i"), {"i": import_id})


def imports(session: Session) -> list[ImportRecord]:
    result = session.execute(
        text(
            "SELECT id, at, who, file, source, added, changed, unchanged FROM deal_imports "
            "ORDER BY id"
        )
    )
    return [ImportRecord(**row) for row in result.mappings()]


def deal_versions(session: Session, crm_id: str) -> list[tuple[int, Row]]:
    """A deal as each import that added or changed it found it, oldest first."""
    result = session.execute(
        text("SELECT import_id, row FROM deal_versions WHERE crm_id = :c ORDER BY id"),
        {"c": crm_id},
    )
    versions = []
    for import_id, row in result:
        try:
            versions.append((int(import_id), json.loads(row)))
        except (TypeError, ValueError):
            continue
    return versions


# --- rules and owners matched by hand ----------------------------------------------------


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


def _json(row: Row) -> str:
    """A stored row (text and numbers only) as compact JSON with sorted keys."""
    return json.dumps(row, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
