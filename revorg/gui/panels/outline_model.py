"""The org as a tree table (manager -> reports) for the outline panel, sorted and filtered.

Built once from the editor's rows and tree (linear in the plan: no query per row); a row's
texts are made when Qt asks for them, so only the rows on screen cost anything. Rows are
indexed by position id (an index's internal id is the position's id; its row is looked up in
`_row`), so Qt reaches any row without a walk and children need no fetching. Edits come back
as RowsChange: the edited rows are redrawn, and only the report lists of the managers whose
reports changed are made again, with the view's expansion and selection kept.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from revorg.gui.controller import PlanController
from revorg.gui.i18n import translate
from revorg.gui.labels import error_text
from revorg.gui.numbers import parse_number
from revorg.gui.panels.outline_search import OutlineSearch
from revorg.gui.panels.outline_texts import Column, OutlineTexts
from revorg.model.editing.change import Change
from revorg.model.money import to_money
from revorg.model.months import YearMonth
from revorg.model.rows import PositionRow
from revorg.model.scenario_rows import RowsChange

TOP = 0  # the parent key of the positions at the top: position ids start at 1, and an
# invalid index (Qt's top) has internal id 0, so Qt's parent is looked up without a test
AnyIndex = QModelIndex | QPersistentModelIndex
NO_INDEX = QModelIndex()  # Qt's default parent: the top
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


# The columns edited in place, and the position field each one sets (as the inspector does).
EDITED_FIELDS = {
    Column.TITLE: "title",
    Column.PERSON: "person_name",
    Column.HEADCOUNT: "headcount",
    Column.START: "start_month",
    Column.COST: "annual_cost",
}
READ_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
EDITABLE_FLAGS = READ_FLAGS | Qt.ItemFlag.ItemIsEditable  # made once: Qt asks for every row
# Qt asks index(), rowCount() and flags() of every row a filter shows (13,000 at 50,000
# positions): each answer kept to a few lookups (len(Column) was a tenth of the filter).
COLUMNS = len(Column)
EDITED_COLUMNS = frozenset(int(column) for column in EDITED_FIELDS)
NUMERIC = frozenset({Column.HEADCOUNT, Column.COST, Column.CAPACITY})


class OutlineModel(QAbstractItemModel):
    """The current scenario's positions by manager; sorted within each manager's reports."""

    edit_requested = Signal(int, dict)  # position id, {field: new value}
    error = Signal(str)  # a value typed that cannot be read (the plan is unchanged)

    def __init__(self, controller: PlanController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.sort_column: Column | None = None  # None: the chart's order
        self.descending = False
        self.needle = ""  # the filter, folded
        self._shown: set[int] | None = None  # with a filter: matches and their managers
        self._children: dict[int, list[int]] = {}
        self._parent: dict[int, int] = {}
        self._row: dict[int, int] = {}
        self.texts = OutlineTexts(controller)
        self.search = OutlineSearch(controller, self.texts)
        self.active = False  # built when first shown: a window that never shows it pays nothing
        controller.rows_changed.connect(self._rows_changed)
        controller.structure_changed.connect(self.reset)
        controller.scenario_switched.connect(self.reset)
        controller.document_replaced.connect(self.reset)
        controller.plan_changed.connect(self._plan_changed)

    # --- the index ----------------------------------------------------------------------------

    def _positions(self) -> dict[int, PositionRow]:
        return self.controller.editor.positions()

    def _build(self, parents: Iterable[int] | None = None) -> None:
        """The report lists, sorted and filtered: every one, or those of `parents`."""
        tree = self.controller.editor.tree()
        order = self._sort_key()
        if parents is None:
            self._shown = self._matches() if self.needle else None
            self._children = self._all_lists(order)
            self._row = {}
            wanted: Iterable[int] = self._children
        else:
            wanted = parents
            shown = self._shown
            for key in parents:
                ids = tree.children.get(key if key != TOP else None, [])
                if shown is not None:
                    ids = [i for i in ids if i in shown]
                if order is not None:
                    ids = sorted(ids, key=order, reverse=self.descending)
                if ids:
                    self._children[key] = list(ids)
                else:
                    self._children.pop(key, None)
        row = self._row
        for key in wanted:
            reports = self._children.get(key)
            if reports:
                row.update(zip(reports, range(len(reports)), strict=True))

    def _all_lists(self, order: Callable[[int], Any] | None) -> dict[int, list[int]]:
        """Every manager's shown reports, sorted: each position's sort key made once, then
        each team sorted by a plain lookup (ties keep the chart's order)."""
        tree = self.controller.editor.tree()
        shown = self._shown
        if shown is None:
            lists = {key or TOP: list(ids) for key, ids in tree.children.items() if ids}
        else:  # the teams of the managers shown alone (a third of them for "sdr" at 50,000)
            teams = tree.children
            lists = {
                key or TOP: [i for i in ids if i in shown]
                for key in (None, *shown)
                if (ids := teams.get(key))
            }
            lists = {key: ids for key, ids in lists.items() if ids}
        if order is None:
            return lists
        keys = {i: order(i) for i in (tree.parent if shown is None else shown)}
        lookup, descending = keys.__getitem__, self.descending
        return {
            key: sorted(ids, key=lookup, reverse=descending) if len(ids) > 1 else ids
            for key, ids in lists.items()
        }

    def _forget(self, position_ids: Iterable[int]) -> None:
        for position_id in position_ids:
            self._parent.pop(position_id, None)
            self._row.pop(position_id, None)
            self._children.pop(position_id, None)

    def index_of(self, position_id: int, column: int = 0) -> QModelIndex:
        row = self._row.get(position_id)
        if row is None:
            return QModelIndex()
        return self.createIndex(row, column, position_id)

    def chain_of(self, position_id: int) -> list[int]:
        """The managers above a position shown here, the top first."""
        chain = []
        parent = self._parent.get(position_id, TOP)
        while parent != TOP:
            chain.append(parent)
            parent = self._parent.get(parent, TOP)
        return chain[::-1]

    def shown_ids(self, parent: int = TOP) -> Sequence[int]:
        """The reports of a manager (TOP: the top positions) in the order shown."""
        return self._children.get(parent, [])

    def position_id(self, index: AnyIndex) -> int | None:
        return index.internalId() if index.isValid() else None

    def activate(self) -> None:
        """Build the outline (the first time it is shown); it stays up to date from then on."""
        if not self.active:
            self.active = True
            self.reset()

    def prepare_filter(self) -> None:
        """Make what the filter reads ahead of it (the outline asks when idle)."""
        if self.active:
            self.search.prepare()

    def reset(self) -> None:
        if not self.active:
            return
        self.beginResetModel()
        self._clear_texts()
        self._parent = {
            i: manager or TOP for i, manager in self.controller.editor.tree().parent.items()
        }
        self._build()
        self.endResetModel()

    def _clear_texts(self) -> None:
        self.texts.clear()
        self.search.clear()

    def _relayout(self, parents: Iterable[int] | None = None, gone: Iterable[int] = ()) -> None:
        """Make report lists again with the view's expansion and selection kept (they follow
        the positions, wherever the rows go)."""
        if not self.active:
            return
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        kept = [(index.internalId(), index.column()) for index in before]
        self._forget(gone)
        self._build(parents)
        after = [self.index_of(position_id, column) for position_id, column in kept]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    # --- Qt's model ---------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = NO_INDEX) -> QModelIndex:
        ids = self._children.get(parent.internalId())  # an invalid index's id is 0: TOP
        if ids is None or not 0 <= row < len(ids) or not 0 <= column < COLUMNS:
            return QModelIndex()
        return self.createIndex(row, column, ids[row])

    def parent(self, index: AnyIndex = NO_INDEX) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        key = self._parent.get(index.internalId(), TOP)
        return QModelIndex() if key == TOP else self.index_of(key)

    def rowCount(self, parent: AnyIndex = NO_INDEX) -> int:
        if parent.column() > 0:  # an invalid index (the top) has column -1 and id 0
            return 0
        return len(self._children.get(parent.internalId(), ()))

    def hasChildren(self, parent: AnyIndex = NO_INDEX) -> bool:
        return parent.column() <= 0 and bool(self._children.get(parent.internalId()))

    def columnCount(self, parent: AnyIndex = NO_INDEX) -> int:
        return COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.texts.titles[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == Column.COST:
            return translate("OutlineModel", "Annual cost per head")
        if role == Qt.ItemDataRole.ToolTipRole and section == Column.CAPACITY:
            return translate(
                "OutlineModel", "What the position delivers in the fiscal year, all heads counted"
            )
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        column = index.column()  # -1: an invalid index
        if column < 0:
            return Qt.ItemFlag.NoItemFlags
        return EDITABLE_FLAGS if column in EDITED_COLUMNS else READ_FLAGS

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._positions().get(index.internalId())
        if row is None:
            return None
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self.texts.text(row, column)
        if role == Qt.ItemDataRole.EditRole:
            return self.texts.edit_text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMERIC:
            return int(RIGHT.value)
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.TITLE:
            return self.texts.row_text(row)
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """A value typed in a cell, read as the inspector reads it and sent on as one edit; a
        value that cannot be read is reported and nothing changes."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        name = EDITED_FIELDS.get(Column(index.column()))
        if name is None:
            return False
        try:
            new = _read_value(name, value)
        except ValueError as error:
            self.error.emit(error_text(error))
            return False
        self.edit_requested.emit(index.internalId(), {name: new})
        return True  # the cell shows the plan's value once the edit comes back

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort each manager's reports by a column (-1: the chart's order)."""
        sort_column = Column(column) if 0 <= column < len(Column) else None
        descending = order == Qt.SortOrder.DescendingOrder and sort_column is not None
        if (sort_column, descending) == (self.sort_column, self.descending):
            return  # the view asks twice: once itself, once for its header's indicator
        self.sort_column, self.descending = sort_column, descending
        self._relayout()

    def set_filter(self, text: str) -> None:
        """Show the positions whose texts contain `text` in any column, with their managers."""
        needle = text.strip().casefold()
        if needle != self.needle:
            self.needle = needle
            self._relayout()

    def _matches(self) -> set[int]:
        """The positions whose texts contain the filter, and every manager above them."""
        parent_of = self.controller.editor.tree().parent
        shown: set[int] = set()
        for position_id in self.search.matches(self.needle):
            walker: int | None = position_id
            while walker is not None and walker not in shown:
                shown.add(walker)
                walker = parent_of.get(walker)
        return shown

    def _sort_key(self) -> Callable[[int], Any] | None:
        column = self.sort_column
        if column is None:
            return None
        positions = self._positions()
        if column == Column.HEADCOUNT:
            return lambda i: positions[i].headcount
        if column == Column.COST:
            return lambda i: positions[i].annual_cost
        if column == Column.START:
            return lambda i: m.ordinal if (m := positions[i].start_month) else -1
        if column == Column.CAPACITY:

            def capacity(i: int) -> tuple[str, Decimal]:
                found = self.texts.capacity_of(positions[i])
                return found if found is not None else ("", Decimal(-1))

            return capacity
        if column == Column.PERSON:  # open positions after the people
            return lambda i: (not (p := positions[i].person_name), (p or "").casefold())
        if column == Column.TITLE:
            return lambda i: positions[i].title.casefold()
        if column == Column.MANAGER:
            return lambda i: (
                positions[m].title.casefold() if (m := positions[i].manager_id) in positions else ""
            )
        # Role and department: each name folded once, not once per row.
        folded: dict[str, str] = {}
        some = next(iter(positions.values()), None)
        if some is None:
            return None
        field = "role_key" if column == Column.ROLE else "department_key"
        for row in positions.values():
            key = getattr(row, field)
            if key not in folded:
                folded[key] = self.texts.text(row, column).casefold()
        if column == Column.ROLE:
            return lambda i: folded[positions[i].role_key]
        return lambda i: folded[positions[i].department_key]

    # --- the plan's changes -------------------------------------------------------------------

    def _rows_changed(self, change: RowsChange) -> None:
        if not self.active:
            return
        tree = self.controller.editor.tree()
        self.search.rows_changed(change)
        # The managers whose reports changed: before the change (as shown) and after it.
        parents = {self._parent.get(i, TOP) for i in (*change.removed, *change.moved)}
        placed = {i: tree.parent.get(i) or TOP for i in (*change.added, *change.moved)}
        self._parent.update(placed)
        parents |= set(placed.values())
        if self.needle:
            # A match can come or go with any change: the filter is applied again.
            self._relayout(None, change.removed)
            return
        if self.sort_column is not None:
            parents |= {self._parent.get(i, TOP) for i in change.edited}
        if change.reshaped or self.sort_column is not None:
            self._relayout(parents, change.removed)
        last = len(Column) - 1
        for position_id in change.edited:
            index = self.index_of(position_id)
            if index.isValid():
                self.dataChanged.emit(index, self.index_of(position_id, last))
            reports = self._children.get(position_id)
            if reports:  # their Manager column names this position
                self.dataChanged.emit(
                    self.index_of(reports[0], Column.MANAGER),
                    self.index_of(reports[-1], Column.MANAGER),
                )

    def _plan_changed(self, change: Change | None) -> None:
        """Assumptions, the fiscal year or the currency change the capacity and cost texts."""
        if not self.active:
            return
        if change is None or change.assumptions or change.plan or change.anew:
            self._clear_texts()
            if self.rowCount() and not (change is not None and change.switched):
                first = self.index(0, Column.COST)
                # A range of rows redraws the whole view, the rows below the top too.
                self.dataChanged.emit(first, self.index(self.rowCount() - 1, Column.CAPACITY))


def _read_value(name: str, value: Any) -> Any:
    """What a cell's text means for a field; ValueError with a user's message when it cannot
    be read (the model checks the rest: a negative cost, a headcount under 1)."""
    text = "" if value is None else str(value).strip()
    if name == "title":
        return text
    if name == "person_name":
        return text or None
    if name == "start_month":
        return YearMonth.parse(text) if text else None
    number = parse_number(text)
    if name == "headcount":
        return int(number) if number == number.to_integral_value() else number
    return to_money(number)
