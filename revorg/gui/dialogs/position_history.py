"""A position's history: every change of its title, manager, start month, cost, headcount...
newest first, in every scenario that has a copy of it (by lineage), with who and when."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from revorg.gui.history_words import ChangeWords, local_time, shown_changes, step_name
from revorg.gui.i18n import fill
from revorg.model.editing import PlanEditor
from revorg.model.history.browse import PAGE, card_steps
from revorg.model.lineage import lineage_of

WHEN, WHO, SCENARIO, CHANGE = range(4)


class PositionHistoryDialog(QDialog):
    def __init__(self, editor: PlanEditor, position_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("positionHistory")
        self.editor = editor
        position = editor.position(position_id)
        self.lineage = lineage_of(position.id, position.lineage)
        self.words = ChangeWords(editor)
        self.oldest: int | None = None
        self.setWindowTitle(fill(self.tr("History of %1"), position.title))
        heading = QLabel(
            fill(
                self.tr("Changes of <b>%1</b> in every scenario, newest first."),
                position.title,
            )
        )
        heading.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("positionChanges")
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.tree.setHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("Scenario"), self.tr("Change")]
        )
        header = self.tree.header()
        for column in (WHEN, WHO, SCENARIO):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CHANGE, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(self.tr("No recorded change of this position yet."))
        self.more_button = QPushButton(self.tr("Show older changes"))
        self.more_button.clicked.connect(self.read_more)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.more_button)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty)
        layout.addLayout(bottom)
        self.read_more()
        self.resize(760, 420)

    def read_more(self) -> None:
        steps = card_steps(self.editor.session, self.lineage, before=self.oldest)
        for step in steps:
            self.words.learn(step)
            for change in shown_changes(step):
                item = QTreeWidgetItem(
                    [
                        local_time(step.at),
                        step.who,
                        self.words.scenario_name(change.scenario_id),
                        self.words.line(change, with_record=False),
                    ]
                )
                item.setToolTip(CHANGE, step_name(step))
                if step.direction != "do":  # an undo or a redo: the same change again
                    font = item.font(CHANGE)
                    font.setItalic(True)
                    for column in range(4):
                        item.setFont(column, font)
                self.tree.addTopLevelItem(item)
        if steps:
            self.oldest = steps[-1].id
        self.more_button.setVisible(len(steps) == PAGE)
        self.empty.setVisible(self.tree.topLevelItemCount() == 0)

    def rows(self) -> list[list[str]]:
        """The rows as shown (for tests and a screen reader's summary)."""
        items = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        return [[item.text(c) for c in range(4)] for item in items if item is not None]
