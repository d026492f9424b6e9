"""The History panel's list: the steps a filter lets through, newest first, a page at a time
(revorg.model.history.browse), so that a log of 100,000 steps opens as fast as a short one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QWidget,
)

from revorg.gui.controller import PlanController
from revorg.gui.history_words import (
    ChangeWords,
    local_time,
    step_name,
)
from revorg.model.history.browse import PAGE, StepFilter, page
from revorg.model.history.reading import LoggedStep

AnyIndex = QModelIndex | QPersistentModelIndex
WHEN, WHO, STEP, SCENARIO = range(4)
STEP_ID_ROLE = Qt.ItemDataRole.UserRole


class StepListModel(QAbstractTableModel):
    """The steps that a filter lets through, newest first, read a page at a time."""

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.wanted = StepFilter()
        self.steps: list[LoggedStep] = []
        self.exhausted = True
        self.words = ChangeWords(controller.editor)
        self._shown: dict[int, tuple[str, str, str, str]] = {}  # a row's texts, made once
        self._italic = QFont()
        self._italic.setItalic(True)  # undo and redo: the same step again, told apart at a glance

    def reload(self, wanted: StepFilter | None = None) -> None:
        """Read the first page again (of a new filter, when given)."""
        self.beginResetModel()
        if wanted is not None:
            self.wanted = wanted
        self.words = ChangeWords(self.controller.editor)
        self._shown.clear()
        self.steps = page(self.controller.editor.session, self.wanted)
        self.exhausted = len(self.steps) < PAGE
        self.endResetModel()

    def row_of(self, step_id: int) -> int | None:
        return next((row for row, step in enumerate(self.steps) if step.id == step_id), None)

    # --- Qt's model ---------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self.steps)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def canFetchMore(self, parent: AnyIndex) -> bool:
        return not parent.isValid() and not self.exhausted

    def fetchMore(self, parent: AnyIndex) -> None:
        if parent.isValid() or self.exhausted or not self.steps:
            return
        more = page(self.controller.editor.session, self.wanted, before=self.steps[-1].id)
        self.exhausted = len(more) < PAGE
        if more:
            first = len(self.steps)
            self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
            self.steps.extend(more)
            self.endInsertRows()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("When"), self.tr("Who"), self.tr("Step"), self.tr("Scenario"))[section]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called some 20,000 times to show a page (sizes, paint, every role): the texts of a
        # row are made once, and roles not shown return at once.
        if not 0 <= index.row() < len(self.steps):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts(index.row())[index.column()]
        if role == Qt.ItemDataRole.FontRole:
            return self._italic if self.steps[index.row()].direction != "do" else None
        if role == STEP_ID_ROLE:
            return self.steps[index.row()].id
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(self.words.lines(self.steps[index.row()])) or None
        return None

    def _texts(self, row: int) -> tuple[str, str, str, str]:
        texts = self._shown.get(row)
        if texts is None:
            step = self.steps[row]
            texts = (
                local_time(step.at),
                step.who,
                step_name(step),
                self.words.scenario_name(step.scenario_id),
            )
            self._shown[row] = texts
        return texts
