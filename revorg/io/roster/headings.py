"""Roster headings: which field a column is, and the heading row."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from revorg.io.messages import Listed, phrase
from revorg.io.tabular import CellValue, Row, cell_text, column_letter
from revorg.io.values.text import normalize
from revorg.model.errors import QT_TRANSLATE_NOOP

HEADER_SCAN_ROWS = 10  # the heading row is the first of these with known headings

FIELDS = (
    "id", "name", "surname", "title", "manager", "department", "start", "cost", "email", "photo",
    "staff",
)  # fmt: skip
REQUIRED_FIELDS = ("name", "title")
# What a finding calls a field: its English heading and others a roster may use instead.
FIELD_LABELS = {
    "id": QT_TRANSLATE_NOOP("ImportFinding", "Id"),
    "name": QT_TRANSLATE_NOOP("ImportFinding", "Name (Nombre)"),
    "surname": QT_TRANSLATE_NOOP("ImportFinding", "Last name (Apellidos)"),
    "title": QT_TRANSLATE_NOOP("ImportFinding", "Title (Puesto, Cargo)"),
    "manager": QT_TRANSLATE_NOOP("ImportFinding", "Manager (Responsable, Jefe)"),
    "department": QT_TRANSLATE_NOOP("ImportFinding", "Department (Departamento, Área)"),
    "start": QT_TRANSLATE_NOOP("ImportFinding", "Start date (Fecha de inicio)"),
    "cost": QT_TRANSLATE_NOOP("ImportFinding", "Cost (Salary, Salario, Coste)"),
    "email": QT_TRANSLATE_NOOP("ImportFinding", "Email (Correo)"),
    "photo": QT_TRANSLATE_NOOP("ImportFinding", "Photo (Foto)"),
    "staff": QT_TRANSLATE_NOOP("ImportFinding", "Staff (Assistant, Asistente)"),
}
LANGUAGES = ("en", "es", "zh")


@cache
def header_synonyms() -> dict[str, dict[str, tuple[str, ...]]]:
    """Headings by field and language (resources/vocabulary/headings.json), compared after
    normalize(); a heading may also add words after one of these ("Salary (EUR)")."""
    data = json.loads(resources.files("revorg").joinpath(*RESOURCE).read_text(encoding="utf-8"))
    return {key: {language: tuple(data[key][language]) for language in LANGUAGES} for key in FIELDS}


RESOURCE = ("resources", "vocabulary", "headings.json")


@cache
def _heading_index() -> dict[str, str]:
    return {
        normalize(synonym): key
        for key, languages in header_synonyms().items()
        for synonyms in languages.values()
        for synonym in synonyms
    }


@cache
def _heading_languages() -> dict[str, frozenset[str]]:
    """Each heading (normalized) -> the languages that write it ("email": en and es)."""
    found: dict[str, set[str]] = {}
    for languages in header_synonyms().values():
        for language, synonyms in languages.items():
            for synonym in synonyms:
                found.setdefault(normalize(synonym), set()).add(language)
    return {text: frozenset(languages) for text, languages in found.items()}


def heading_language(headings: Iterable[str]) -> str:
    """The language most headings are written in (only headings of one language count);
    English when none tells."""
    counts: Counter[str] = Counter()
    languages = _heading_languages()
    for heading in headings:
        text = normalize(heading)
        found = languages.get(text)
        if found is None:  # "salary eur": the longest known heading it starts with
            starts = [known for known in languages if text.startswith(known + " ")]
            found = languages[max(starts, key=len)] if starts else frozenset()
        if len(found) == 1:
            counts[next(iter(found))] += 1
    best = max(LANGUAGES, key=lambda language: counts[language])
    return best if counts[best] else "en"


def guessed_columns(headings: Sequence[str]) -> dict[str, str]:
    """Field -> heading, as the import reads a heading row when nobody says otherwise."""
    columns = Columns.from_row(list(headings))
    return {key: columns.heading(key) for key in FIELDS if key in columns.index}


def heading_field(heading: str) -> str | None:
    """The roster field a column heading names, or None."""
    text = normalize(heading)
    index = _heading_index()
    if text in index:
        return index[text]
    best: tuple[int, str] | None = None
    for synonym, key in index.items():  # "salary eur" starts with "salary"
        if text.startswith(synonym + " ") and (best is None or len(synonym) > best[0]):
            best = (len(synonym), key)
    return None if best is None else best[1]


@dataclass
class Columns:
    """Where each field is, and what the file calls each column."""

    index: dict[str, int]
    headings: list[str]
    unread: list[str] = field(default_factory=list)
    repeated: list[tuple[str, str]] = field(default_factory=list)  # (heading, field)
    unmatched: list[str] = field(default_factory=list)  # mapped headings not in the row

    def heading(self, key: str) -> str:
        return self.headings[self.index[key]]

    @classmethod
    def from_row(cls, row: Row, mapping: Mapping[str, str] | None = None) -> Columns:
        """The fields of a heading row. `mapping` (field -> heading, "" for a field not to
        read) comes first; the other columns are known by their headings."""
        mapping = mapping or {}
        texts = [_heading_text(cell) for cell in row]
        headings = [text or column_letter(number) for number, text in enumerate(texts)]
        columns = cls({}, headings)
        by_text: dict[str, int] = {}
        for number, text in reversed(list(enumerate(texts))):
            if text:
                by_text[normalize(text)] = number
        chosen: set[int] = set()
        for mapped, heading in mapping.items():
            place = by_text.get(normalize(heading)) if heading else None
            if place is not None:
                columns.index[mapped] = place
                chosen.add(place)
            elif heading:
                columns.unmatched.append(heading)
        for number, text in enumerate(texts):
            if not text or number in chosen:
                continue
            key = heading_field(text)
            if key is None or key in mapping:
                columns.unread.append(text)
            elif key in columns.index:
                columns.repeated.append((text, key))
            else:
                columns.index[key] = number
        return columns

    def language(self) -> str:
        """The language of the headings (revorg.io.values: how ambiguous dates are read)."""
        return heading_language(self.headings[number] for number in self.index.values())

    @property
    def missing(self) -> list[str]:
        return [key for key in REQUIRED_FIELDS if key not in self.index]

    def found(self) -> object:
        texts = [text for text in self.headings if text]
        if not texts:
            return phrase(QT_TRANSLATE_NOOP("ImportFinding", "none"))
        return Listed(tuple(repr(text) for text in texts))


def _heading_text(cell: CellValue | None) -> str:
    return cell_text(cell) or ""


def find_header(rows: Sequence[Row], mapping: Mapping[str, str] | None = None) -> int | None:
    """The index of the heading row: the first of the first rows that has both required
    headings (known or mapped), else the first with two known headings, else the first
    non-blank row. A row without every mapped heading comes last."""
    scanned = list(enumerate(rows[:HEADER_SCAN_ROWS]))
    known = [(i, Columns.from_row(row, mapping)) for i, row in scanned if not is_blank(row)]
    for i, columns in known:
        if not columns.missing and not columns.unmatched:
            return i
    for i, columns in known:
        if len(columns.index) >= 2 and not columns.unmatched:
            return i
    return known[0][0] if known else None


def has_known_headings(text: str) -> bool:
    """One of the first lines of a text file holds two known headings: the encoding that
    reads them is the file's (a Chinese roster read as Big5 has none)."""
    for line in text.splitlines()[:HEADER_SCAN_ROWS]:
        cells = (cell.strip().strip('"') for cell in _DELIMITED.split(line))
        if sum(heading_field(cell) is not None for cell in cells if cell) >= 2:
            return True
    return False


_DELIMITED = re.compile(r"[,;\t]")


def is_blank(row: Row) -> bool:
    return all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in row)
