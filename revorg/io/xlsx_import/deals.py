"""The Deals sheet of RevOrg's own workbook read back (revorg.io.xlsx_export.actuals), so that
actuals survive an export and an import: each deal as it was exported, its status and kind as
the plan read them (the rules that made them are the plan's, not the workbook's), the owner's
email (owners are matched by email first; a workbook written before the column was added has
none, and its owners are matched by name), and the owners the user matched by hand, from the
position each deal counted for.

A row that cannot be read is left out with a warning at its row and column, as a CRM export's
are; a workbook without a Deals sheet has no actuals.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from revorg.io.report import ImportReport
from revorg.io.tabular import column_letter
from revorg.io.values import read_amount
from revorg.io.values.amounts import NotANumberError
from revorg.io.values.text import normalize
from revorg.io.xlsx_export.actuals import DEALS, LABELS
from revorg.io.xlsx_import.cells import Book
from revorg.model.actuals.deals import Deal, DealKind, DealStatus
from revorg.model.errors import QT_TRANSLATE_NOOP
from revorg.model.money import to_money

FIELDS = (
    "crm_id", "owner", "owner_email", "position", "account", "deal_name", "stage", "deal_type",
    "status", "kind", "amount", "currency", "close_date",
)  # fmt: skip
STATUSES = {str(status): status for status in DealStatus}
KINDS = {str(kind): kind for kind in DealKind}


@dataclass
class WorkbookDeals:
    deals: list[Deal] = field(default_factory=list)
    positions: dict[str, int] = field(default_factory=dict)  # crm_id -> the position it counted for


def read_deal_sheet(book: Book, report: ImportReport) -> WorkbookDeals | None:
    """The Deals sheet's deals; None when the workbook has no Deals sheet."""
    if DEALS not in book.workbook.sheetnames:
        return None
    rows = book.sheet(DEALS)
    if not rows:
        return WorkbookDeals()
    headings = {normalize(str(value)): index for index, (value, _type) in enumerate(rows[0])
                if value is not None}  # fmt: skip
    columns: dict[str, int] = {}
    for key in FIELDS:
        for text in LABELS[key]:
            if normalize(text) in headings:
                columns[key] = headings[normalize(text)]
                break
    result = WorkbookDeals()
    for number, cells in enumerate(rows[1:], 2):
        values = [value for value, _type in cells]
        if all(value is None for value in values):
            continue
        deal = _deal(values, columns, number, report)
        if deal is None:
            continue
        result.deals.append(deal)
        position = _cell(values, columns, "position")
        if isinstance(position, int | float) and float(position).is_integer():
            result.positions[deal.crm_id] = int(position)
    return result


def _cell(values: list[Any], columns: dict[str, int], key: str) -> Any:
    index = columns.get(key)
    return values[index] if index is not None and index < len(values) else None


def _text(values: list[Any], columns: dict[str, int], key: str) -> str:
    value = _cell(values, columns, key)
    return "" if value is None else str(value).strip()


def _deal(
    values: list[Any], columns: dict[str, int], row: int, report: ImportReport
) -> Deal | None:
    def refused(key: str, value: Any) -> None:
        index = columns.get(key, 0)
        report.warning(
            QT_TRANSLATE_NOOP("ImportFinding", "{value} cannot be read: deal left out"),
            sheet=DEALS,
            row=row,
            column=column_letter(index),
            value=repr(value),
        )

    crm_id, status, kind = (_text(values, columns, k) for k in ("crm_id", "status", "kind"))
    amount_cell, close = _cell(values, columns, "amount"), _cell(values, columns, "close_date")
    if not crm_id:
        refused("crm_id", crm_id)
        return None
    if status not in STATUSES:
        refused("status", status)
        return None
    if kind not in KINDS:
        refused("kind", kind)
        return None
    try:
        amount = to_money(read_amount(amount_cell).number)
    except NotANumberError:
        refused("amount", amount_cell)
        return None
    if isinstance(close, datetime.datetime):
        close = close.date()
    if not isinstance(close, datetime.date) or amount < Decimal(0):
        refused("close_date" if not isinstance(close, datetime.date) else "amount", close)
        return None
    return Deal(
        crm_id, _text(values, columns, "owner"), amount, close, STATUSES[status], KINDS[kind],
        _text(values, columns, "stage"), _text(values, columns, "deal_type"),
        _text(values, columns, "account"), _text(values, columns, "deal_name"),
        _text(values, columns, "owner_email").lower(),
        _text(values, columns, "currency") or None,
    )  # fmt: skip


def store_workbook_deals(document: Any, read: WorkbookDeals, file: str) -> None:
    """Put the workbook's deals into the new plan as its first import, and match by hand the
    owners whose deals counted for a position their name does not lead to."""
    from revorg.model.actuals import store
    from revorg.model.actuals.scenario import scenario_matcher
    from revorg.model.history.recording import system_user, utc_now
    from revorg.model.lineage import lineage_of
    from revorg.model.rows import position_rows

    if not read.deals:
        return
    session = document.session
    count = len(read.deals)
    record = store.ImportRecord(1, utc_now(), system_user(), file, "workbook", count, 0, 0)
    store.write_rows(session, [store.deal_row(deal) for deal in read.deals], record.id)
    store.write_import(session, record)
    rows = {row.id: row for row in position_rows(session, document.scenario().id)}
    matcher = scenario_matcher(rows.values(), None)
    for deal in read.deals:
        position = read.positions.get(deal.crm_id)
        if position in rows and matcher.position_of(deal.owner, deal.owner_email) != position:
            store.write_assignment(
                session, deal.owner, lineage_of(position, rows[position].lineage)
            )
