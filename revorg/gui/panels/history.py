"""The History panel: the plan's change log, newest first, filtered by person, scenario, card
and dates; a step's field changes in words; Revert this step.

The list is a model that reads the log a page at a time (revorg.model.history.browse): the
view asks for more as it scrolls, so a log of 100,000 steps opens as fast as a short one. The
log's chain is checked in slices between events; a damaged log is said in a line above the
list and never stops anything. The panel changes nothing itself: a revert is the controller's.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QDate,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from revorg.gui.controller import PlanController
from revorg.gui.edit_wait import after_edit_wait
from revorg.gui.history_words import (
    local_time,
    step_name,
    utc_text,
)
from revorg.gui.i18n import fill
from revorg.gui.labels import error_text
from revorg.gui.panels.history_model import (
    SCENARIO,
    STEP,
    WHEN,
    WHO,
    StepListModel,
)
from revorg.model.history.browse import ChainCheck, StepFilter, log_mark, people
from revorg.model.history.reading import LoggedStep
from revorg.model.history.revert import RevertRefusedError


class LazyCombo(QComboBox):
    """A filter whose choices are read only when it is opened (everyone who made a step of
    100,000, every card of a large plan), keeping its first choice, "any"."""

    def __init__(self, any_text: str, fill_choices: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fill_choices = fill_choices
        self.addItem(any_text, None)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(10)

    def showPopup(self) -> None:
        self.refill()
        super().showPopup()

    def refill(self) -> None:
        current = self.currentData()
        self.blockSignals(True)
        while self.count() > 1:
            self.removeItem(1)
        for text, data in self.fill_choices():
            self.addItem(text, data)
        self.setCurrentIndex(max(0, self.findData(current)))
        self.blockSignals(False)


class HistoryPanel(QWidget):
    """The History dock's content."""

    preview_requested = Signal(int)  # a step's id: show the plan as it was after it
    restore_requested = Signal(int)  # a step's id: make that state a new scenario

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyPanel")
        self.controller = controller
        self.model = StepListModel(controller, self)
        self._dirty = True  # the list is read when the panel is first shown
        self._shown_mark: tuple[object, ...] = ()
        self._refresh_pending = False
        self._message_for: int | None = None  # the step the message below the list is about
        self.check: ChainCheck | None = None
        self.check_timer = QTimer(self)
        self.check_timer.setInterval(0)
        self.check_timer.timeout.connect(self._check_slice)
        self._build()
        controller.plan_changed.connect(self._plan_changed)
        controller.document_replaced.connect(self._document_replaced)
        controller.scenarios_changed.connect(self._fill_scenarios)

    def _build(self) -> None:
        self.person_combo = LazyCombo(self.tr("Everyone"), self._people, self)
        self.scenario_combo = QComboBox(self)
        self.card_combo = LazyCombo(self.tr("Any card"), self._cards, self)
        self.since_box = QCheckBox(self.tr("From"))
        self.since_edit = QDateEdit(QDate.currentDate().addMonths(-1))
        self.until_box = QCheckBox(self.tr("To"))
        self.until_edit = QDateEdit(QDate.currentDate())
        for edit in (self.since_edit, self.until_edit):
            edit.setCalendarPopup(True)
            edit.setEnabled(False)
        self._fill_scenarios()
        self.filters = QHBoxLayout()
        for combo in (self.person_combo, self.scenario_combo, self.card_combo):
            self.filters.addWidget(combo, 1)
        self.dates = QWidget()
        dates = QHBoxLayout(self.dates)
        dates.setContentsMargins(0, 0, 0, 0)
        for widget in (self.since_box, self.since_edit, self.until_box, self.until_edit):
            dates.addWidget(widget)
        dates.addStretch(1)
        self.second_row = QHBoxLayout()
        self.second_row.addWidget(self.dates)

        self.warning = QLabel()
        self.warning.setObjectName("historyWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #9a3412;")
        self.warning.hide()

        self.view = QTableView()
        self.view.setObjectName("historySteps")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        # Column widths from the first rows only: sizing from every row read asks each of
        # them for its texts (20,000 calls for a page of 200).
        header.setResizeContentsPrecision(40)
        header.setSectionResizeMode(WHEN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(WHO, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(STEP, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SCENARIO, QHeaderView.ResizeMode.ResizeToContents)
        self.view.selectionModel().currentRowChanged.connect(self._show_details)

        self.details = QListWidget()
        self.details.setObjectName("historyChanges")
        self.details.setWordWrap(True)
        self.revert_button = QPushButton(self.tr("Revert this step"))
        self.preview_button = QPushButton(self.tr("Preview…"))
        self.restore_button = QPushButton(self.tr("Restore as new scenario…"))
        self.preview_button.hide()  # until the window can replay the log (set_replay)
        self.restore_button.hide()
        buttons = QHBoxLayout()
        for button in (self.revert_button, self.preview_button, self.restore_button):
            buttons.addWidget(button)
            button.setEnabled(False)
        buttons.addStretch(1)
        self.message = QLabel()
        self.message.setObjectName("historyMessage")
        self.message.setWordWrap(True)

        below = QWidget()
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        below_layout.addWidget(QLabel(self.tr("Changes of the selected step:")))
        below_layout.addWidget(self.details, 1)
        below_layout.addLayout(buttons)
        below_layout.addWidget(self.message)
        self.splitter = splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(below)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(self.filters)
        layout.addLayout(self.second_row)
        layout.addWidget(self.warning)
        layout.addWidget(splitter, 1)

        for combo in (self.person_combo, self.scenario_combo, self.card_combo):
            combo.currentIndexChanged.connect(self._filter_changed)
        for box in (self.since_box, self.until_box):
            box.toggled.connect(self._dates_toggled)
        for edit in (self.since_edit, self.until_edit):
            edit.dateChanged.connect(self._filter_changed)
        self.revert_button.clicked.connect(self.revert_selected)
        self.preview_button.clicked.connect(self._preview)
        self.restore_button.clicked.connect(self._restore)

    def set_wide(self, wide: bool) -> None:
        """The changes beside the list (a dock at the bottom) or under it (at a side)."""
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        self.splitter.setOrientation(orientation)
        # The dates beside the other filters when there is room, under them otherwise.
        (self.filters if wide else self.second_row).addWidget(self.dates)

    def set_replay(self, available: bool) -> None:
        """Show Preview and Restore as new scenario (the window can replay the log)."""
        self.preview_button.setVisible(available)
        self.restore_button.setVisible(available)

    # --- filters ------------------------------------------------------------------------------

    def _people(self) -> list[tuple[str, object]]:
        return [(name, name) for name in people(self.controller.editor.session)]

    def _cards(self) -> list[tuple[str, object]]:
        rows = self.controller.editor.positions().values()
        choices: list[tuple[str, object]] = []
        for row in sorted(rows, key=lambda r: (r.title.casefold(), r.id)):
            person = row.person_name or self.tr("open")
            choices.append((f"{row.title} ({person})", row.lineage or f"p{row.id}"))
        return choices

    def _fill_scenarios(self) -> None:
        current = self.scenario_combo.currentData()
        self.scenario_combo.blockSignals(True)
        self.scenario_combo.clear()
        self.scenario_combo.addItem(self.tr("All scenarios"), None)
        for scenario in self.controller.editor.scenarios():
            self.scenario_combo.addItem(scenario.name, scenario.id)
        self.scenario_combo.setCurrentIndex(max(0, self.scenario_combo.findData(current)))
        self.scenario_combo.blockSignals(False)

    def step_filter(self) -> StepFilter:
        return StepFilter(
            who=self.person_combo.currentData(),
            scenario_id=self.scenario_combo.currentData(),
            lineage=self.card_combo.currentData(),
            since=utc_text(self.since_edit.date()) if self.since_box.isChecked() else None,
            until=(
                utc_text(self.until_edit.date(), end_of_day=True)
                if self.until_box.isChecked()
                else None
            ),
        )

    def set_card(self, lineage: str | None, title: str = "") -> None:
        """Show only the steps of one card (by lineage), or of any card (None)."""
        if lineage is not None and self.card_combo.findData(lineage) < 0:
            self.card_combo.addItem(title or lineage, lineage)
        self.card_combo.setCurrentIndex(max(0, self.card_combo.findData(lineage)))

    def _dates_toggled(self) -> None:
        self.since_edit.setEnabled(self.since_box.isChecked())
        self.until_edit.setEnabled(self.until_box.isChecked())
        self._filter_changed()

    def _filter_changed(self) -> None:
        self._reload(self.step_filter())

    # --- reading ------------------------------------------------------------------------------

    def _reload(self, wanted: StepFilter | None = None) -> None:
        selected = self.selected_step()
        self.model.reload(wanted)
        self._shown_mark = log_mark(self.controller.editor.session)
        self._dirty = False
        row = None if selected is None else self.model.row_of(selected.id)
        if row is not None:
            self.view.selectRow(row)
        else:
            self._show_details()

    def _plan_changed(self, _change: object) -> None:
        # After the push: typing folded into the step before is read as one step.
        if not self._refresh_pending:
            self._refresh_pending = True
            QTimer.singleShot(0, self._refresh)

    def _refresh(self) -> None:
        if after_edit_wait(self, self._refresh):  # the log is halfway through a step
            return
        self._refresh_pending = False
        if not self.isVisible():
            self._dirty = True
            return
        if self._dirty or log_mark(self.controller.editor.session) != self._shown_mark:
            self._reload()

    def _document_replaced(self) -> None:
        for combo in (self.person_combo, self.card_combo):  # people and cards of another plan
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self._fill_scenarios()
        self.model.wanted = self.step_filter()
        self.check = None
        self.warning.hide()
        self._dirty = True
        self._refresh()
        if self.isVisible():
            self.start_check()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self._reload()
        if self.check is None:
            self.start_check()

    def start_check(self) -> None:
        """Check the log's chain in slices, after the list is on screen."""
        self.check = ChainCheck(self.controller.editor.session)
        self.check_timer.start()

    def _check_slice(self) -> None:
        if self.check is None or self.check.advance():
            self.check_timer.stop()
            self._show_check()

    def _show_check(self) -> None:
        problem = None if self.check is None else self.check.problem
        if problem is None:
            self.warning.hide()
            return
        if problem.step_id is None:
            text = self.tr(
                "The history cannot be read in full: it is shown as far as it can be. "
                "The plan itself is not affected."
            )
        else:
            text = fill(
                self.tr(
                    "The history was changed outside RevOrg at step %1: it is shown as it is "
                    "now. The plan itself is not affected."
                ),
                problem.step_id,
            )
        self.warning.setText(text)
        self.warning.show()

    # --- the selected step --------------------------------------------------------------------

    def selected_step(self) -> LoggedStep | None:
        index = self.view.currentIndex()
        if not index.isValid() or index.row() >= len(self.model.steps):
            return None
        return self.model.steps[index.row()]

    def select_step(self, step_id: int) -> bool:
        """Select a step, reading pages until it is found; whether it is in the list."""
        while self.model.row_of(step_id) is None and self.model.canFetchMore(QModelIndex()):
            self.model.fetchMore(QModelIndex())
        row = self.model.row_of(step_id)
        if row is None:
            return False
        self.view.selectRow(row)
        return True

    def _show_details(self, *_args: object) -> None:
        self.details.clear()
        step = self.selected_step()
        if step is None or step.id != self._message_for:
            self.message.clear()  # it was about another step
        for button in (self.revert_button, self.preview_button, self.restore_button):
            button.setEnabled(step is not None)
        if step is None:
            return
        lines = self.model.words.lines(step)
        self.details.addItems(lines or [self.tr("(no field changes)")])

    def revert_selected(self) -> None:
        step = self.selected_step()
        if step is None:
            return
        try:
            self.controller.revert_step(step.id)
        except RevertRefusedError as refusal:
            self._say(step.id, self.refusal_text(refusal), problem=True)
            return
        self._say(step.id, fill(self.tr("Step %1 reverted: Edit > Undo takes it back."), step.id))

    def refusal_text(self, refusal: RevertRefusedError) -> str:
        later = refusal.later
        if later is None:
            return error_text(refusal)
        return fill(
            self.tr("Changed again by %1 at %2: %3"),
            later.who,
            local_time(later.at),
            step_name(later),
        )

    def _say(self, step_id: int, text: str, problem: bool = False) -> None:
        self._message_for = step_id
        self.message.setStyleSheet("color: #b91c1c;" if problem else "")
        self.message.setText(text)

    def _preview(self) -> None:
        step = self.selected_step()
        if step is not None:
            self.preview_requested.emit(step.id)

    def _restore(self) -> None:
        step = self.selected_step()
        if step is not None:
            self.restore_requested.emit(step.id)
