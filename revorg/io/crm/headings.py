"""Deal export headings: which field a column is, where the heading row is, and which CRM
wrote the export."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from importlib import resources

from revorg.io.tabular import CellValue, Row, cell_text, column_letter
from revorg.io.values import heading_currency
from revorg.io.values.text import normalize
from revorg.model.errors import QT_TRANSLATE_NOOP

FIELDS = (
    "crm_id", "owner", "owner_email", "account", "name", "stage", "amount", "amount_company",
    "currency", "close_date", "type", "won", "closed", "pipeline",
)  # fmt: skip
LANGUAGES = ("en", "es", "zh")
RESOURCE = ("resources", "vocabulary", "crm_headings.json")
HEADER_SCAN_ROWS = 15  # Salesforce's printable views put a title and filters above the table
# What a finding calls a field.
FIELD_LABELS = {
    "owner": QT_TRANSLATE_NOOP("ImportFinding", "Owner (Opportunity Owner, Deal owner)"),
    "amount": QT_TRANSLATE_NOOP("ImportFinding", "Amount (Importe, 金额)"),
    "close_date": QT_TRANSLATE_NOOP("ImportFinding", "Close Date (Fecha de cierre, 结束日期)"),
    "stage": QT_TRANSLATE_NOOP("ImportFinding", "Stage or Won (Etapa, 阶段)"),
}
REQUIRED_FIELDS = ("owner", "amount", "close_date")


class CrmSource(StrEnum):
    SALESFORCE = "salesforce"
    HUBSPOT = "hubspot"
    GENERIC = "generic"


# Headings (normalized) that only one CRM writes: they tell which exported the file.
_SALESFORCE_MARKS = frozenset(
    normalize(text)
    for text in ("Opportunity Owner", "Opportunity Name", "Opportunity ID", "Account Name",
                 "Propietario de la oportunidad", "Nombre de la oportunidad", "业务机会所有人",
                 "业务机会名称", "Id. de oportunidad")
)  # fmt: skip
_HUBSPOT_MARKS = frozenset(
    normalize(text)
    for text in ("Record ID", "Deal Name", "Deal Stage", "Deal owner", "Is Closed Won",
                 "Deal Type", "Pipeline", "Nombre del negocio", "Etapa del negocio",
                 "交易名称", "交易阶段", "交易所有者", "ID de registro", "记录 ID")
)  # fmt: skip


@cache
def _synonyms() -> dict[str, tuple[str, frozenset[str]]]:
    """Each heading (normalized) -> its field and the languages that write it."""
    data = json.loads(resources.files("revorg").joinpath(*RESOURCE).read_text(encoding="utf-8"))
    found: dict[str, tuple[str, set[str]]] = {}
    for key in FIELDS:
        for language in LANGUAGES:
            for synonym in data[key][language]:
                entry = found.setdefault(normalize(synonym), (key, set()))
                entry[1].add(language)
    return {heading: (key, frozenset(languages)) for heading, (key, languages) in found.items()}


def heading_field(heading: str) -> str | None:
    """The field a heading names: exactly, or followed by a currency ("Amount (USD)")."""
    text = normalize(heading)
    known = _synonyms().get(text)
    if known is not None:
        return known[0]
    if heading_currency(heading) is not None:
        words = text.rsplit(" ", 1)[0]
        known = _synonyms().get(words)
        if known is not None and known[0] in ("amount", "amount_company"):
            return known[0]
    return None


def _heading_text(cell: CellValue | None) -> str:
    return cell_text(cell) or ""


def known_count(row: Row) -> int:
    return sum(1 for cell in row if heading_field(_heading_text(cell)) is not None)


def find_header(rows: Sequence[Row]) -> int | None:
    """The first of the first rows with at least three known headings, one of them Amount."""
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        fields = [heading_field(_heading_text(cell)) for cell in row]
        if fields.count(None) <= len(fields) - 3 and (
            "amount" in fields or "amount_company" in fields
        ):
            return index
    return None


@dataclass
class Columns:
    """The column index of each field found in a heading row, and what else it showed."""

    index: dict[str, int] = field(default_factory=dict)
    headings: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, list[int]]] = field(default_factory=list)  # field, columns
    source: CrmSource = CrmSource.GENERIC
    language: str = "en"
    currency: str | None = None  # a currency the amount's heading names

    @classmethod
    def from_row(cls, row: Row) -> Columns:
        columns = cls(headings=[_heading_text(cell) for cell in row])
        seen: dict[str, list[int]] = {}
        for position, heading in enumerate(columns.headings):
            key = heading_field(heading)
            if key is not None:
                seen.setdefault(key, []).append(position)
        for key, positions in seen.items():
            columns.index[key] = positions[0]
            if len(positions) > 1:
                columns.duplicates.append((key, positions))
        if "amount_company" in columns.index:  # one currency for every deal: the company's
            columns.index["amount"] = columns.index.pop("amount_company")
        normalized = {normalize(heading) for heading in columns.headings}
        if normalized & _SALESFORCE_MARKS:
            columns.source = CrmSource.SALESFORCE
        elif normalized & _HUBSPOT_MARKS:
            columns.source = CrmSource.HUBSPOT
        columns.language = _language(columns.headings)
        if "amount" in columns.index:
            columns.currency = heading_currency(columns.headings[columns.index["amount"]])
        return columns

    def letter(self, key: str) -> str:
        return column_letter(self.index[key])

    def heading(self, key: str) -> str:
        return self.headings[self.index[key]]

    @property
    def missing(self) -> list[str]:
        absent = [key for key in REQUIRED_FIELDS if key not in self.index]
        if "stage" not in self.index and "won" not in self.index:
            absent.append("stage")
        return absent


def _language(headings: Sequence[str]) -> str:
    """The language most headings are in (English when they tie): it decides how ambiguous
    dates read (04/03/2027 is April 3 in an English export, 4 March in a Spanish one)."""
    votes = dict.fromkeys(LANGUAGES, 0)
    for heading in headings:
        known = _synonyms().get(normalize(heading))
        if known is not None and len(known[1]) == 1:
            votes[next(iter(known[1]))] += 1
    best = max(LANGUAGES, key=lambda language: votes[language])
    return best if votes[best] > votes["en"] else "en"
