"""Edit > Find (Ctrl+F): a bar over the chart that highlights the cards matching a text, and
opens the teams around the match it shows."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QToolBar, QWidget

from revorg.gui.chart.card_texts import search_text
from revorg.gui.chart.scene import ChartScene
from revorg.gui.chart.view import ChartView
from revorg.gui.controller import PlanController


class FindBar(QToolBar):
    """Matches in chart order; Enter walks through them, selecting each in turn."""

    message = Signal(str, int)  # a line for the status bar, and how long to show it (ms)

    def __init__(
        self, controller: PlanController, scene: ChartScene, view: ChartView, parent: QWidget
    ) -> None:
        super().__init__(self.tr("Find"), parent)
        self.setObjectName("findBar")
        self.controller = controller
        self.scene = scene
        self.view = view
        self.box = QLineEdit()
        self.box.setObjectName("findBox")
        self.box.setPlaceholderText(self.tr("Find by title, person or role"))
        self.box.setAccessibleName(self.tr("Find a card by title, person or role"))
        self.addWidget(self.box)
        self.matches: list[int] = []
        # Each position's words, made at the first search after a change (a keystroke each).
        self._texts: dict[int, str] | None = None
        for signal in (
            controller.plan_changed,  # every edit ends with it
            controller.structure_changed,
            controller.scenario_switched,
            controller.document_replaced,
        ):
            signal.connect(self._forget_texts)
        self.box.textChanged.connect(self.search)
        self.box.returnPressed.connect(self.next_match)

    def open(self) -> None:
        self.show()
        self.box.setFocus()
        self.box.selectAll()

    def search(self, text: str) -> list[int]:
        """Highlight every card whose title, person or role contains the text; centre the first."""
        needle = text.strip().casefold()
        self.matches = (
            [i for i, words in self._search_texts().items() if needle in words] if needle else []
        )
        self.scene.set_found(self.matches)  # a card made later, in a team opened, shows it too
        if len(self.matches) > 1:
            preorder = self.controller.editor.tree().preorder()
            rank = {position_id: i for i, position_id in enumerate(preorder)}
            self.matches.sort(key=rank.__getitem__)
        if self.matches:
            self.view.show_card(self.matches[0])  # its collapsed managers opened
            self.message.emit(self.tr("%Ln matches", "", len(self.matches)), 4000)
        elif needle:
            self.message.emit(self.tr("No match"), 4000)
        return self.matches

    def _forget_texts(self, *_change: object) -> None:
        self._texts = None

    def _search_texts(self) -> dict[int, str]:
        """Each position's words from its row, as its card says them. Not from the cards: the
        first search made the texts of every card (0.2 ms a card at 1,000 positions)."""
        if self._texts is None:
            editor = self.controller.editor
            names = {
                key: role.short(editor.language) for key, role in editor.roles_by_key().items()
            }
            self._texts = {
                position_id: search_text(
                    row.title, row.person_name, names.get(row.role_key, row.role_key)
                )
                for position_id, row in editor.positions().items()
            }
        return self._texts

    def next_match(self) -> None:
        if not self.matches:
            return
        self.matches.append(self.matches.pop(0))
        self.view.show_card(self.matches[-1])
        self.scene.select_only([self.matches[-1]])
