"""The outline: the org as a tree table beside the chart, sortable, filtered by a text, edited
in place (each cell one undoable edit, as the inspector makes them), its selection kept in
step with the chart's by the window. The way through a large org by keyboard, and the view a
screen reader reads."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSignalBlocker,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from revorg.gui.controller import PlanController
from revorg.gui.i18n import fill, month_label
from revorg.gui.panels.outline_model import OutlineModel
from revorg.gui.panels.outline_texts import Column
from revorg.model.months import FiscalYear, YearMonth

AnyIndex = QModelIndex | QPersistentModelIndex
FILTER_AT_ONCE_BELOW = 2_000  # positions: filtered at each keystroke (under 50 ms)
FILTER_PAUSE_MS = 250
# What the filter reads (each position's values, every distinct text: 40 to 80 ms at 50,000
# positions) is made once the outline has shown or changed and then been left alone this long,
# so that the first filter finds it made.
PREPARE_AFTER_MS = 500
NAME_WIDTHS = {Column.TITLE: 190, Column.PERSON: 120, Column.ROLE: 130, Column.DEPARTMENT: 110,
               Column.COST: 90, Column.CAPACITY: 105}  # fmt: skip
SELECT_ROW = (
    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
)


class StartMonthDelegate(QStyledItemDelegate):
    """The start month chosen from the months around the fiscal year, as in the inspector."""

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName("outlineStartMonth")
        plan = self.controller.editor.scenario.plan
        fiscal = FiscalYear.of(plan.fiscal_year, plan.fiscal_start_month)
        combo.addItem(self.tr("Already in seat / at year start"), "")
        current = str(index.data(Qt.ItemDataRole.EditRole) or "")
        months = [fiscal.first.plus_months(offset) for offset in range(-12, 24)]
        if current and YearMonth.parse(current) not in months:
            months.append(YearMonth.parse(current))
        for month in sorted(months):
            combo.addItem(month_label(month), str(month))
        return combo

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(str(index.data(Qt.ItemDataRole.EditRole)))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class OutlinePanel(QWidget):
    position_selected = Signal(int)  # the user chose a row
    edit_requested = Signal(int, dict)  # position id, {field: new value}
    error = Signal(str)

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outlinePanel")
        self.controller = controller
        self.model = OutlineModel(controller, self)
        self.filter_box = QLineEdit()
        self.filter_box.setObjectName("outlineFilter")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.setPlaceholderText(self.tr("Filter: any column"))
        self.filter_box.setAccessibleName(self.tr("Filter the outline"))
        self.filter_box.setAccessibleDescription(
            self.tr("Shows the positions whose texts contain these words, with their managers")
        )
        self.tree = QTreeView()
        self.tree.setObjectName("outlineTree")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)  # 50,000 rows: no height asked of each
        self.tree.setAlternatingRowColors(True)
        self.tree.setSortingEnabled(True)
        self.tree.header().setSortIndicatorClearable(True)  # a third click: the chart's order
        self.tree.header().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.tree.header().setStretchLastSection(True)
        # Widths set once (sized to their contents, 50,000 rows would be measured): the
        # headings whole, the names given room.
        header = self.tree.header()
        metrics = header.fontMetrics()
        for column in Column:
            heading = self.model.headerData(column, Qt.Orientation.Horizontal)
            width = max(NAME_WIDTHS.get(column, 80), metrics.horizontalAdvance(heading) + 28)
            self.tree.setColumnWidth(column, width)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.tree.setItemDelegateForColumn(Column.START, StartMonthDelegate(controller, self))
        self.tree.setAccessibleName(self.tr("Organisation outline"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.tree, 1)
        # In a large plan each filtering takes a moment: applied once typing pauses.
        self.filter_timer = QTimer(self)
        self.filter_timer.setSingleShot(True)
        self.filter_timer.setInterval(FILTER_PAUSE_MS)
        self.filter_timer.timeout.connect(lambda: self.set_filter(self.filter_box.text()))
        self.filter_box.textChanged.connect(self._filter_typed)
        self.prepare_timer = QTimer(self)
        self.prepare_timer.setSingleShot(True)
        self.prepare_timer.setInterval(PREPARE_AFTER_MS)
        self.prepare_timer.timeout.connect(self.model.prepare_filter)
        self.model.layoutChanged.connect(lambda *_args: self.prepare_timer.start())
        self.tree.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.edit_requested.connect(self.edit_requested)
        self.model.error.connect(self.error)
        self.model.modelReset.connect(self._opened)
        self.model.layoutChanged.connect(self._describe)
        self.model.dataChanged.connect(self._describe)
        self._opened()

    def showEvent(self, event: QShowEvent) -> None:
        self.model.activate()
        self.prepare_timer.start()
        super().showEvent(event)

    def _opened(self) -> None:
        """A plan or scenario shown anew: its top two levels open."""
        self.tree.expandToDepth(0)
        self.prepare_timer.start()
        self._describe()

    def _filter_typed(self, text: str) -> None:
        if len(self.controller.editor.positions()) < FILTER_AT_ONCE_BELOW:
            self.set_filter(text)
        else:
            self.filter_timer.start()

    def set_filter(self, text: str) -> None:
        self.filter_timer.stop()
        filtered = bool(self.model.needle)
        if filtered and text.strip().casefold() != self.model.needle:
            # The rows a filter opened are closed before the model changes: the view keeps
            # each open row as a persistent index, which the model must move to its new row
            # (13,000 after a broad filter at 50,000 positions: half of clearing it).
            self.tree.collapseAll()
        self.model.set_filter(text)
        if self.model.needle:
            self._expand_matches()
        elif filtered:
            # Back to the top two levels and the chosen row (the matches' managers opened for
            # the filter would show most of a large org).
            chosen = self.selected_id()
            self.tree.collapseAll()
            self.tree.expandToDepth(0)
            if chosen is not None:
                self._reveal(chosen)
        self._describe()

    def _reveal(self, position_id: int) -> None:
        for manager in self.model.chain_of(position_id):
            self.tree.expand(self.model.index_of(manager))
        self.tree.scrollTo(self.model.index_of(position_id))

    def _expand_matches(self) -> None:
        """Open every manager shown, so that each match shows under its chain of managers
        (the filtered tree holds only the matches and the managers above them)."""
        self.tree.expandAll()

    def selected_id(self) -> int | None:
        return self.model.position_id(self.tree.currentIndex())

    def select_position(self, position_id: int | None) -> None:
        """Show the chart's selection: the row selected, its managers opened, scrolled to."""
        if position_id == self.selected_id():
            return
        with QSignalBlocker(self.tree.selectionModel()):
            index = self.model.index_of(position_id) if position_id is not None else QModelIndex()
            if not index.isValid():
                self.tree.selectionModel().clear()
            else:
                self.tree.selectionModel().setCurrentIndex(index, SELECT_ROW)
                self._reveal(index.internalId())
        self.tree.viewport().update()
        self._describe()

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.tree.selectionModel().selectedRows()
        self._describe()
        if len(rows) == 1:
            position_id = self.model.position_id(rows[0])
            if position_id is not None:
                self.position_selected.emit(position_id)

    def _describe(self) -> None:
        """What a screen reader says of the outline: how many rows show, and the row chosen."""
        count = len(self.controller.editor.positions())
        shown = self.tr("%Ln positions", "", count)
        if self.model.needle:
            shown = fill(self.tr("filtered by “%1”"), self.filter_box.text().strip())
        position_id = self.selected_id()
        row = self.controller.editor.positions().get(position_id) if position_id else None
        if row is not None:
            shown = fill(self.tr("%1. Selected: %2"), shown, self.model.texts.row_text(row))
        self.tree.setAccessibleDescription(shown)
