"""Actuals > Stage and type rules…: how each stage and each deal type of the plan's deals is
read. Every text the deals are written with is listed with its count and a choice; "as by
default" is RevOrg's reading (revorg.model.actuals.deals). Each choice is one undoable step,
kept in the plan for the next import."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from enum import StrEnum

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from revorg.gui.controller import PlanController
from revorg.gui.i18n import fill
from revorg.model.actuals.deals import DealKind, DealRules, DealStatus, rule_key


class DealRulesDialog(QDialog):
    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from revorg.model.actuals import store

        self.setObjectName("dealRules")
        self.setWindowTitle(self.tr("Stage and type rules"))
        self.controller = controller
        session = controller.editor.session
        rules = store.stored_rules(session)
        default = DealRules()
        statuses: list[tuple[str, StrEnum]] = [
            (self.tr("Won"), DealStatus.WON),
            (self.tr("Lost"), DealStatus.LOST),
            (self.tr("Open"), DealStatus.OPEN),
        ]
        kinds: list[tuple[str, StrEnum]] = [
            (self.tr("New business"), DealKind.NEW_BUSINESS),
            (self.tr("Expansion"), DealKind.EXPANSION),
            (self.tr("Renewal"), DealKind.RENEWAL),
        ]
        names = {value: label for label, value in statuses + kinds}
        self.stages = self._table(
            "stageRules", self.tr("Stage"), store.written_texts(session, "stage"), "stage",
            statuses, rules.stages, lambda text: names[default.status(text)],
        )  # fmt: skip
        self.types = self._table(
            "typeRules", self.tr("Type"), store.written_texts(session, "deal_type"), "type",
            kinds, rules.types, lambda text: names[default.kind(text)],
        )  # fmt: skip
        hint = QLabel(
            self.tr(
                "How RevOrg reads each stage and type of your CRM's deals; kept in the plan "
                "for the next import."
            )
        )
        hint.setWordWrap(True)
        tables = QHBoxLayout()
        tables.addWidget(self.stages)
        tables.addWidget(self.types)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(tables, 1)
        layout.addWidget(buttons)
        self.resize(820, 420)

    def _table(
        self,
        name: str,
        heading: str,
        texts: list[tuple[str, int]],
        rule: str,
        choices: Sequence[tuple[str, StrEnum]],
        chosen: Mapping[str, StrEnum],
        by_default: Callable[[str], str],
    ) -> QTableWidget:
        table = QTableWidget(0, 3)
        table.setObjectName(name)
        table.setHorizontalHeaderLabels([heading, self.tr("Deals"), self.tr("Read as")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.setRowCount(len(texts))
        for row, (text, count) in enumerate(texts):
            table.setItem(row, 0, QTableWidgetItem(text or "—"))
            table.setItem(row, 1, QTableWidgetItem(str(count)))
            combo = QComboBox()
            combo.addItem(fill(self.tr("As by default (%1)"), by_default(text)), None)
            for label, value in choices:
                combo.addItem(label, str(value))
            current = chosen.get(rule_key(text))
            if current is not None:
                combo.setCurrentIndex(combo.findData(str(current)))
            combo.activated.connect(
                lambda _index, written=text, box=combo, kind=rule: self.controller.set_deal_rule(
                    kind, written, box.currentData()
                )
            )
            table.setCellWidget(row, 2, combo)
        return table
