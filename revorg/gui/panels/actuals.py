"""Actuals: what the CRM booked against the plan (revorg.model.actuals), in the Plan dock.

A line says how far the year has got and the forecast; a table gives each month's bookings by
kind against the monthly targets; another the attainment to date of each team (a manager above
quota carriers: their sums), and another that of the departments and of each quota carrier,
with the red, amber and green marks of the capacity panel; owners that
match nobody on the chart are listed with their totals and a position to count them for. The
cumulative chart of plan against actual is built the first time the tab is shown.

The figures are the controller's (actuals_progress: made once per change, shared with the
chart's cards); the deals are summed by SQLite again only when the actuals change.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QFont, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from revorg.gui.controller import PlanController
from revorg.gui.i18n import fill, month_label
from revorg.gui.numbers import format_money, format_percent
from revorg.gui.panels.capacity import STATUS_COLOURS
from revorg.gui.panels.tables import make_table
from revorg.gui.theme import readable
from revorg.model.actuals.deals import DealKind
from revorg.model.actuals.progress import Attainment, Progress
from revorg.model.capacity import status_of
from revorg.model.editing.change import Change, needs

if TYPE_CHECKING:
    from revorg.gui.panels.actuals_chart import ActualsChart

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
KINDS = (DealKind.NEW_BUSINESS, DealKind.EXPANSION, DealKind.RENEWAL)
DEPARTMENT_KINDS = {
    "sales": (DealKind.NEW_BUSINESS,),
    "customer_success": (DealKind.EXPANSION, DealKind.RENEWAL),
}


class ActualsPanel(QWidget):
    import_requested = Signal()  # File > Import actuals…, from the panel's own button
    rules_requested = Signal()  # the stage and type rules dialog (the window opens it)

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actuals")
        self.controller = controller
        self.progress: Progress | None = None
        self.headline = QLabel()
        self.headline.setObjectName("actualsHeadline")
        self.headline.setWordWrap(True)
        self.ramps = QLabel()
        self.ramps.setObjectName("actualsRamps")
        self.ramps.setWordWrap(True)
        self.import_button = QPushButton(self.tr("Import actuals…"))
        self.import_button.setObjectName("importActuals")
        self.import_button.clicked.connect(self.import_requested)
        self.rules_button = QPushButton(self.tr("Stage and type rules…"))
        self.rules_button.setObjectName("dealRulesButton")
        self.rules_button.clicked.connect(self.rules_requested)
        self.months = make_table("actualsMonths", [])
        self.attainment = make_table("actualsAttainment", [])
        self.teams = make_table("actualsTeams", [])
        self.unmatched = make_table("unmatchedOwners", [])
        self.months.setAccessibleName(self.tr("Bookings by month against the plan"))
        self.attainment.setAccessibleName(self.tr("Attainment by person"))
        self.unmatched.setAccessibleName(self.tr("Deal owners not matched to a position"))
        self.chart: ActualsChart | None = None
        self.chart_holder = QWidget()
        self.chart_holder.setObjectName("actualsChartHolder")
        self.chart_holder.setMinimumWidth(300)
        QVBoxLayout(self.chart_holder).setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.headline, 1)
        top.addWidget(self.rules_button)
        top.addWidget(self.import_button)
        who = QSplitter(Qt.Orientation.Vertical)  # teams above the departments and people
        who.addWidget(self.teams)
        who.addWidget(self.attainment)
        who.setStretchFactor(0, 1)
        who.setStretchFactor(1, 2)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(who)
        lower.addWidget(self.unmatched)
        lower.addWidget(self.chart_holder)
        for index, stretch in enumerate((5, 4, 3)):  # the people's names need the most room
            lower.setStretchFactor(index, stretch)
        self.months.horizontalHeader().setStretchLastSection(False)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.months)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 0)  # six rows: the room goes to people and the chart
        splitter.setStretchFactor(1, 1)
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.ramps)
        layout.addWidget(splitter, 1)
        self._stale = True
        controller.plan_changed.connect(self._plan_changed)
        controller.document_replaced.connect(self._document_replaced)

    # --- staying current --------------------------------------------------------------------

    def _plan_changed(self, change: Change | None) -> None:
        if needs(change, positions=True, targets=True, assumptions=True) or (
            change is not None and (change.actuals or change.plan)
        ):
            self._stale = True
            if self.isVisible():
                self.refresh()

    def _document_replaced(self) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.chart is None:
            from revorg.gui.panels.actuals_chart import ActualsChart

            self.chart = ActualsChart(self.chart_holder)
            layout = self.chart_holder.layout()
            assert layout is not None
            layout.addWidget(self.chart)
            self._stale = True
        if self._stale:
            self.refresh()

    def compute(self) -> Progress | None:
        progress: Progress | None = self.controller.actuals_progress()
        return progress

    # --- showing ----------------------------------------------------------------------------

    def refresh(self) -> None:
        self._stale = False
        self.progress = self.compute()
        currency = self.controller.editor.summary().plan.currency
        for table in (self.months, self.attainment, self.unmatched):
            table.setVisible(self.progress is not None)
        self.teams.setVisible(self.progress is not None and bool(self.progress.teams))
        self.chart_holder.setVisible(self.progress is not None)
        self.ramps.setVisible(False)
        self.rules_button.setEnabled(self.progress is not None)
        if self.progress is None:
            self.headline.setText(
                self.tr(
                    "No actuals yet. Import a Salesforce opportunity report or a HubSpot deal "
                    "export (CSV or Excel) to see the plan against what was booked."
                )
            )
            return
        self.headline.setText(self.headline_text(self.progress, currency))
        self._fill_months(self.progress, currency)
        rows_height = sum(self.months.rowHeight(r) for r in range(self.months.rowCount()))
        self.months.setMaximumHeight(rows_height + self.months.horizontalHeader().height() + 24)
        self._fill_attainment(self.progress, currency)
        self._fill_teams(self.progress, currency)
        self._fill_unmatched(self.progress, currency)
        self._show_ramps(self.progress)
        if self.chart is not None:
            self.chart.show_progress(self.progress, currency)

    def headline_text(self, progress: Progress, currency: str) -> str:
        through = progress.through_month
        if through is None:
            return self.tr("No deal closed in the fiscal year yet.")
        booked, target = progress.booked_to_date(), progress.target_to_date()
        return fill(
            self.tr(
                "Through %1: %2 booked of %3 planned (%4). Forecast for the year %5; at "
                "the run rate so far %6."
            ),
            month_label(through),
            format_money(booked, currency),
            format_money(target, currency),
            format_percent(Attainment(booked, target).ratio),
            format_money(progress.forecast(), currency),
            format_money(progress.run_rate(), currency),
        )

    def _show_ramps(self, progress: Progress) -> None:
        """Is the ramp real? The hires' months in seat against their role's ramp."""
        from revorg.model.actuals.scenario import scenario_ramp_checks

        editor = self.controller.editor
        rows = list(editor.positions().values())
        checks = scenario_ramp_checks(editor.session, editor.scenario, progress, rows)
        roles = editor.roles_by_key()
        lines = []
        for check in checks:
            role = roles.get(check.role_key)
            name = role.name(self.controller.language) if role else check.role_key
            observed = ", ".join(format_percent(p.observed) for p in check.points)
            assumed = ", ".join(format_percent(p.assumed) for p in check.points)
            line = fill(
                self.tr(
                    "%1 hired this year: %2 of a full month in their first months in seat; "
                    "the plan assumes %3 (a %4-month ramp)."
                ),
                name,
                observed,
                assumed,
                check.ramp_months,
            )
            if check.suggested is not None:
                line += " " + fill(self.tr("A %1-month ramp fits better."), check.suggested)
            lines.append(line)
        self.ramps.setText("\n".join(lines))
        self.ramps.setVisible(bool(lines))

    def kind_name(self, kind: DealKind) -> str:
        return {
            DealKind.NEW_BUSINESS: self.tr("New business"),
            DealKind.EXPANSION: self.tr("Expansion"),
            DealKind.RENEWAL: self.tr("Renewals"),
        }[kind]

    def _fill_months(self, progress: Progress, currency: str) -> None:
        table = self.months
        table.setColumnCount(2 + len(progress.months) + 1)
        table.setHorizontalHeaderLabels(
            ["", ""] + [month_label(m.month) for m in progress.months] + [self.tr("Year")]
        )
        measures = ((self.tr("Booked"), True), (self.tr("Target"), False))
        table.setRowCount(len(KINDS) * len(measures))
        elapsed = 0 if progress.through is None else progress.through + 1
        for index, kind in enumerate(KINDS):
            for offset, (measure, booked) in enumerate(measures):
                row = index * len(measures) + offset
                values = [(m.booked if booked else m.target)[kind] for m in progress.months]
                cells = [self.kind_name(kind) if offset == 0 else "", measure]
                cells += [
                    format_money(value, currency) if (not booked or month < elapsed) else ""
                    for month, value in enumerate(values)
                ]
                cells.append(format_money(sum(values, Decimal(0)), currency))
                for column, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    if column >= 2:
                        item.setTextAlignment(RIGHT)
                    table.setItem(row, column, item)

    def _fill_attainment(self, progress: Progress, currency: str) -> None:
        table = self.attainment
        headers = [self.tr("Who"), self.tr("Booked"), self.tr("Target to date"),
                   self.tr("Attainment")]  # fmt: skip
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        editor = self.controller.editor
        departments = editor.departments_by_key()
        rows: list[tuple[str, Attainment, bool]] = [
            (
                departments[key].name(self.controller.language) if key in departments else key,
                attainment,
                True,
            )
            for key, attainment in progress.departments.items()
        ]
        positions = editor.positions()
        for position_id, attainment in progress.people.items():
            position = positions.get(position_id)
            if position is not None:
                name = position.person_name or self.tr("Open position")
                rows.append((fill(self.tr("%1 (%2)"), name, position.title), attainment, False))
        self._fill_marked(table, rows, currency)

    def _fill_teams(self, progress: Progress, currency: str) -> None:
        """Each manager above quota carriers, in chart order: the carriers' sums below them."""
        table = self.teams
        headers = [self.tr("Team of"), self.tr("Booked"), self.tr("Target to date"),
                   self.tr("Attainment")]  # fmt: skip
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        editor = self.controller.editor
        positions = editor.positions()
        rows: list[tuple[str, Attainment, bool]] = []
        for position_id in editor.tree().managers_first():
            attainment = progress.teams.get(position_id)
            position = positions.get(position_id)
            if attainment is not None and position is not None:
                name = position.person_name or self.tr("Open position")
                rows.append((fill(self.tr("%1 (%2)"), name, position.title), attainment, False))
        self._fill_marked(table, rows, currency)

    def _fill_marked(
        self, table: QTableWidget, rows: list[tuple[str, Attainment, bool]], currency: str
    ) -> None:
        """Who, booked, target to date and attainment with its red, amber or green mark."""
        table.setRowCount(len(rows))
        for row, (name, attainment, bold) in enumerate(rows):
            mark = status_of(attainment.ratio)
            cells = [name, format_money(attainment.booked, currency),
                     format_money(attainment.target, currency),
                     "● " + format_percent(attainment.ratio)]  # fmt: skip
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(RIGHT)
                if bold:
                    font = QFont(table.font())
                    font.setBold(True)
                    item.setFont(font)
                if column == 3:
                    item.setForeground(QBrush(readable(STATUS_COLOURS[mark])))
                table.setItem(row, column, item)

    def _fill_unmatched(self, progress: Progress, currency: str) -> None:
        table = self.unmatched
        headers = [self.tr("Owner not on the chart"), self.tr("Deals"), self.tr("Won"),
                   self.tr("Count for")]  # fmt: skip
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(progress.unmatched))
        choices = self._position_choices()
        for row, owner in enumerate(progress.unmatched):
            table.setItem(row, 0, QTableWidgetItem(owner.owner))
            for column, text in ((1, str(owner.deals)), (2, format_money(owner.won, currency))):
                item = QTableWidgetItem(text)
                item.setTextAlignment(RIGHT)
                table.setItem(row, column, item)
            combo = QComboBox()
            combo.setObjectName("matchOwner")
            combo.addItem(self.tr("Choose a position…"), None)
            for label, position_id in choices:
                combo.addItem(label, position_id)
            combo.activated.connect(
                lambda _index, name=owner.owner, box=combo: self._match(name, box.currentData())
            )
            table.setCellWidget(row, 3, combo)

    def _position_choices(self) -> list[tuple[str, int]]:
        """Quota carriers first (whose deals an owner's are likely to be), then the others."""
        progress = self.progress
        carriers = set(progress.people) if progress is not None else set()
        rows = self.controller.editor.positions().values()
        ordered = sorted(rows, key=lambda p: (p.id not in carriers, p.person_name or "", p.title))
        return [
            (fill(self.tr("%1 (%2)"), p.person_name or self.tr("Open position"), p.title), p.id)
            for p in ordered
        ]

    def _match(self, owner: str, position_id: int | None) -> None:
        if position_id is not None:
            self.controller.match_owner(owner, int(position_id))
