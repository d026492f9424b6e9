"""The presence panel of a team plan: who has the plan open and which scenario they are on,
this window's row marked "you" (revorg.model.team.presence; kept current by
revorg.gui.team.live_updates)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from revorg.gui.i18n import fill
from revorg.model.team.presence import Present

NAME, SCENARIO = range(2)


class PresencePanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("presencePanel")
        self.summary = QLabel()
        self.summary.setObjectName("presenceSummary")
        self.summary.setWordWrap(True)
        self.people = QTreeWidget()
        self.people.setObjectName("presenceList")
        self.people.setRootIsDecorated(False)
        # A list to read, not to pick from: no selection, no focus frame on a row.
        self.people.setSelectionMode(QTreeWidget.SelectionMode.NoSelection)
        self.people.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.people.setColumnCount(2)
        self.people.setHeaderLabels([self.tr("Name"), self.tr("Scenario")])
        self.people.header().setSectionResizeMode(NAME, QHeaderView.ResizeMode.ResizeToContents)
        self.people.header().setStretchLastSection(True)
        self.people.setAccessibleName(self.tr("People with this plan open"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.people, 1)
        self.show_people([])

    def show_people(self, people: Sequence[Present]) -> None:
        """The list as the server has it now (this window's row among them)."""
        self.people.clear()
        others = sum(1 for person in people if not person.you)
        if others == 0:
            self.summary.setText(self.tr("Nobody else has this plan open."))
        else:
            self.summary.setText(fill(self.tr("Others with this plan open: %1"), others))
        for person in people:
            name = fill(self.tr("%1 (you)"), person.name) if person.you else person.name
            if person.login != person.name:
                tip = fill(self.tr("%1, signed in as %2"), person.name, person.login)
            else:
                tip = person.name
            scenario = person.scenario_name or self.tr("(not known)")
            item = QTreeWidgetItem([name, scenario])
            item.setToolTip(NAME, tip)
            if person.you:
                font = QFont(item.font(NAME))
                font.setBold(True)
                item.setFont(NAME, font)
            self.people.addTopLevelItem(item)

    def names(self) -> list[tuple[str, str]]:
        """The rows as shown (name, scenario): what a reader of the panel sees."""
        return [
            (item.text(NAME), item.text(SCENARIO))
            for item in (
                self.people.topLevelItem(i) for i in range(self.people.topLevelItemCount())
            )
            if item is not None
        ]
