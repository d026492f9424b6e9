"""Which positions the outline's filter matches: each distinct text compared once.

A large plan has few distinct texts in most columns (the generated 50,000 positions: 13
titles, a dozen roles and departments, a few dozen months and costs, 316 capacities), so the
filter reads each column's values by column (one C-level pass per field), folds and compares
each distinct value's text once, and picks the rows that hold a matched value. Making and
folding the texts of every row, as before, took 350 ms at 50,000 positions, all of it at the
first filter after opening. Only the people's names are nearly all different: they are folded
once and kept until a row changes.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from itertools import compress, repeat
from operator import attrgetter
from typing import Any

from revorg.gui.controller import PlanController
from revorg.gui.panels.outline_texts import CAPACITY_FIELDS, Column, OutlineTexts
from revorg.model.bulk import paused_gc
from revorg.model.rows import PositionRow
from revorg.model.scenario_rows import RowsChange

# The columns whose text depends on one field of the position, and that field.
ONE_FIELD = {
    Column.TITLE: "title",
    Column.ROLE: "role_key",
    Column.DEPARTMENT: "department_key",
    Column.HEADCOUNT: "headcount",
    Column.START: "start_month",
    Column.COST: "annual_cost",
}
# Every field the filter reads, each read for all rows in one pass.
READ_FIELDS = tuple(
    dict.fromkeys((*ONE_FIELD.values(), *CAPACITY_FIELDS, "person_name", "manager_id"))
)


@dataclass
class _Snapshot:
    """The positions' values by column, aligned with `ids`: read once, kept until rows change."""

    ids: list[int]
    rows: list[PositionRow]
    values: dict[Column, list[Any]]  # one field's values, and the capacity keys
    distinct: dict[Column, set[Any]]
    persons: list[str]  # the Person column's texts, folded
    managers: list[int | None]
    representatives: dict[Hashable, PositionRow] = field(default_factory=dict)  # by capacity key
    where: dict[int, int] = field(default_factory=dict)  # a position's place in the lists


class OutlineSearch:
    """The filter's matches for one controller's plan (see the module's docstring)."""

    def __init__(self, controller: PlanController, texts: OutlineTexts) -> None:
        self.controller = controller
        self.texts = texts
        self._snapshot: _Snapshot | None = None
        self._folded: dict[Column, dict[Any, str]] = {}  # a value's text, folded

    def clear(self) -> None:
        """The texts changed (assumptions, fiscal year, currency, language, scenario)."""
        self._snapshot = None
        self._folded = {}

    def rows_changed(self, change: RowsChange) -> None:
        """The snapshot follows the edit: removed rows dropped, added ones appended, edited or
        moved ones read again in place. Reading all 50,000 rows again took 60 ms after an
        edit, and a filter on while cards were added or removed paid the whole preparation
        again (about 100 ms more than a filter)."""
        snapshot = self._snapshot
        if snapshot is None or not (
            change.added or change.removed or change.moved or change.edited
        ):
            return
        positions = self.controller.editor.positions()
        if change.removed:
            _drop(snapshot, set(change.removed))
        if not snapshot.where:
            snapshot.where = dict(zip(snapshot.ids, range(len(snapshot.ids)), strict=True))
        where = snapshot.where
        touched = tuple(dict.fromkeys((*change.added, *change.moved, *change.edited)))
        if any(i not in positions for i in touched):
            self._snapshot = None  # the edit and the plan disagree: read it all again
            return
        new = [i for i in touched if i not in where]
        for i in new:
            where[i] = len(snapshot.ids)
            snapshot.ids.append(i)
        rows = [positions[i] for i in touched]
        values, persons, managers = self._columns(rows)
        if new:
            _extend(snapshot, len(new))
        for k, at in enumerate(where[i] for i in touched):
            snapshot.rows[at] = rows[k]
            for column, column_values in values.items():
                snapshot.values[column][at] = column_values[k]
                snapshot.distinct[column].add(column_values[k])  # an old one matches no row
            snapshot.persons[at] = persons[k]
            snapshot.managers[at] = managers[k]
        snapshot.representatives = {}  # made again if a new capacity needs its text

    def matches(self, needle: str) -> set[int]:
        """The positions with `needle` (folded, not empty) in the text of any column."""
        snapshot = self._snapshot or self._read()
        ids = snapshot.ids
        # Rows picked by compress and map: C-level passes, no Python call per row.
        found: set[int] = set()
        for column, values in snapshot.values.items():
            hits = self._matched_values(snapshot, column, needle)
            if hits:
                found.update(compress(ids, map(hits.__contains__, values)))
        found.update(compress(ids, map(str.__contains__, snapshot.persons, repeat(needle))))
        # The Manager column shows the manager's title.
        titles = self._matched_values(snapshot, Column.TITLE, needle)
        if titles:
            titled = map(titles.__contains__, snapshot.values[Column.TITLE])
            managers = set(compress(ids, titled))
            found.update(compress(ids, map(managers.__contains__, snapshot.managers)))
        return found

    @property
    def prepared(self) -> bool:
        """Whether the positions are read (their distinct texts made with them by prepare)."""
        return self._snapshot is not None

    def prepare(self) -> None:
        """Read the positions and make every distinct text, so that the first filter finds
        them made (the outline asks for this once it has been idle a moment)."""
        snapshot = self._snapshot or self._read()
        for column in snapshot.values:
            self._matched_values(snapshot, column, "\x00")

    def _read(self) -> _Snapshot:
        positions = self.controller.editor.positions()
        rows = list(positions.values())
        values, persons, managers = self._columns(rows)
        self._snapshot = _Snapshot(
            ids=list(positions),
            rows=rows,
            values=values,
            distinct={column: set(column_values) for column, column_values in values.items()},
            persons=persons,
            managers=managers,
        )
        return self._snapshot

    def _columns(
        self, rows: Sequence[PositionRow]
    ) -> tuple[dict[Column, list[Any]], list[str], list[int | None]]:
        """The rows' values of each column, their Person texts folded, and their managers."""
        fields = {name: list(map(attrgetter(name), rows)) for name in READ_FIELDS}
        values = {column: fields[name] for column, name in ONE_FIELD.items()}
        # 50,000 new tuples: without the pause, the collector scanned the heap as they came.
        with paused_gc():
            values[Column.CAPACITY] = list(
                zip(*(fields[name] for name in CAPACITY_FIELDS), strict=True)
            )
        open_word = self.texts.open_word()
        people = "\x00".join([name or open_word for name in fields["person_name"]])
        # Folded in one call: a call per name was a fifth of the time.
        persons = people.casefold().split("\x00") if rows else []
        return values, persons, fields["manager_id"]

    def _matched_values(self, snapshot: _Snapshot, column: Column, needle: str) -> set[Any]:
        folded = self._folded.setdefault(column, {})
        missing = [value for value in snapshot.distinct[column] if value not in folded]
        if missing:
            text_of = self._text_maker(snapshot, column)
            words = "\x00".join(text_of(value) for value in missing).casefold().split("\x00")
            folded.update(zip(missing, words, strict=True))
        return {value for value in snapshot.distinct[column] if needle in folded[value]}

    def _text_maker(self, snapshot: _Snapshot, column: Column) -> Callable[[Any], str]:
        if column != Column.CAPACITY:
            return lambda value: self.texts.field_text(column, value)
        # A capacity's text is made from a position that has it (any: the key is all it reads).
        if not snapshot.representatives:
            keys: Sequence[Hashable] = snapshot.values[Column.CAPACITY]
            snapshot.representatives = dict(zip(keys, snapshot.rows, strict=True))
        return lambda key: self.texts.capacity_text(snapshot.representatives[key])


def _drop(snapshot: _Snapshot, removed: set[int]) -> None:
    """Take the removed positions out of every list of the snapshot (C-level passes)."""
    keep = [i not in removed for i in snapshot.ids]
    snapshot.ids = list(compress(snapshot.ids, keep))
    snapshot.rows = list(compress(snapshot.rows, keep))
    for column, values in snapshot.values.items():
        snapshot.values[column] = list(compress(values, keep))
    snapshot.persons = list(compress(snapshot.persons, keep))
    snapshot.managers = list(compress(snapshot.managers, keep))
    snapshot.where = {}


def _extend(snapshot: _Snapshot, count: int) -> None:
    """Room at the end of every list for `count` rows, filled in by the caller."""
    padding: list[Any] = [None] * count
    snapshot.rows.extend(padding)
    for values in snapshot.values.values():
        values.extend(padding)
    snapshot.persons.extend([""] * count)
    snapshot.managers.extend(padding)
