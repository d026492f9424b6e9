"""A step of the change log in words, in the interface language: its name, when (local time),
and each field change with its values as the window shows them ("Goal: 1.000.000 € →
1.200.000 €", "Manager: VP Sales → CRO").

Shared by the History panel and a position's history (a panel and a dialog, which do not
import each other). Names of records are read from the plan as it is now; a record that is
gone is named by what the log says of it, or by its number.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime, QTimeZone

from revorg.gui.i18n import fill, month_label, translate
from revorg.gui.labels import field_label, metric_label, step_text, target_label
from revorg.gui.numbers import format_count, format_exact, format_money, format_percent
from revorg.model.editing import PlanEditor
from revorg.model.editing.change import WHOLE_RECORD, RecordKind
from revorg.model.entities import Assumption, Position, Scenario
from revorg.model.history.browse import lineage_position_ids
from revorg.model.history.reading import LoggedChange, LoggedStep
from revorg.model.history.values import whole_label
from revorg.model.months import YearMonth
from revorg.model.vocabulary import RATE_METRICS, WHOLE_METRICS

ARROW = "\u2192"
NOTHING = "\u2013"  # an empty value: no start month, no override
_MONEY_TARGETS = frozenset({"goal", "average_deal", "base_revenue", "expansion"})
_RATE_TARGETS = frozenset({"close_rate", "retention"})


def local_time(at: str, locale: QLocale | None = None) -> str:
    """A UTC time of the log ("2027-01-12T09:30:00Z") in local time, as the locale writes it."""
    moment = QDateTime.fromString(at, Qt.DateFormat.ISODate)
    if not moment.isValid():
        return at
    return (locale or QLocale()).toString(moment.toLocalTime(), QLocale.FormatType.ShortFormat)


def utc_text(day: QDate, end_of_day: bool = False) -> str:
    """The UTC time at which a local day starts (or, `end_of_day`, the next one starts)."""
    start = QDateTime(day.addDays(1) if end_of_day else day, QTime(0, 0))
    return start.toTimeZone(QTimeZone.utc()).toString(Qt.DateFormat.ISODate)


# A card's place among its manager's reports: the log keeps it for a replay, a reader sees the
# move itself (its manager).
HIDDEN_FIELDS = frozenset({"sort_order"})


def shown_changes(step: LoggedStep) -> list[LoggedChange]:
    """The changes of a step a reader is shown."""
    return [change for change in step.changes if change.field not in HIDDEN_FIELDS]


def step_name(step: LoggedStep) -> str:
    """The step's name in the interface language, marked when it was an undo or a redo."""
    name = step_text(step.text)
    if step.direction == "undo":
        return fill(translate("HistoryWords", "Undo: %1"), name)
    if step.direction == "redo":
        return fill(translate("HistoryWords", "Redo: %1"), name)
    return name


class ChangeWords:
    """Field changes in words for one open plan (its currency, roles and record names)."""

    def __init__(self, editor: PlanEditor) -> None:
        self.editor = editor
        self.currency = editor.scenario.plan.currency
        self.language = editor.language
        self._scenario_names: dict[int, str] = {}  # read once: a page names a few, 200 times
        self._gone: dict[str, str] = {}  # titles of positions removed, as their steps keep them

    def lines(self, step: LoggedStep, with_record: bool = True) -> list[str]:
        """The step's changes a reader is shown, in words."""
        self.learn(step)
        return [self.line(change, with_record) for change in shown_changes(step)]

    def learn(self, step: LoggedStep) -> None:
        """Remember the titles of the positions the step added or removed whole: a dotted line
        removed with one of them is named by it, not by a number."""
        for change in step.changes:
            if change.record == RecordKind.POSITION and change.field == WHOLE_RECORD:
                title = whole_label(change.whole)
                if title is not None:
                    self._gone[str(change.record_id)] = str(title)

    def scenario_name(self, scenario_id: int) -> str:
        name = self._scenario_names.get(scenario_id)
        if name is None:
            scenario: Scenario | None = self.editor.session.get(Scenario, scenario_id)
            if scenario is not None:
                name = str(scenario.name)
            else:
                name = fill(translate("HistoryWords", "scenario %1 (deleted)"), scenario_id)
            self._scenario_names[scenario_id] = name
        return name

    def position_name(self, position_id: Any) -> str:
        position: Position | None
        try:
            position = self.editor.session.get(Position, int(position_id))
        except (TypeError, ValueError):
            position = None
        if position is not None:
            return str(position.title)
        gone = self._gone.get(str(position_id))
        if gone is not None:
            return gone
        return fill(translate("HistoryWords", "position %1"), position_id)

    def line(self, change: LoggedChange, with_record: bool = True) -> str:
        """One change: "SDR Manager · Headcount: 1 → 2"; without its record's name when the
        reader knows which record it is (a card's own history)."""
        record = change.record
        if change.field == WHOLE_RECORD:
            return self._whole(change)
        if record == RecordKind.POSITION:
            words = self._pair(field_label(_position_field(change.field)), change)
            if with_record:
                return f"{self.position_name(change.record_id)} \u00b7 {words}"
            return words
        if record == RecordKind.TARGET:
            return self._pair(target_label(change.field), change)
        if record == RecordKind.ASSUMPTION:
            return self._pair(self._assumption_label(change.record_id), change)
        if record == RecordKind.SCENARIO:
            return self._pair(translate("HistoryWords", "Scenario name"), change)
        if record == RecordKind.PLAN:
            return self._pair(_plan_label(change.field), change)
        if record == RecordKind.PHOTO:
            return self._photo(change)
        return f"{record} {change.record_id} {change.field}: {change.old} {ARROW} {change.new}"

    def _photo(self, change: LoggedChange) -> str:
        """A person's photo added, replaced or removed: named by the position, not its bytes."""
        ids = lineage_position_ids(self.editor.session, str(change.record_id))
        name = self.position_name(ids[0]) if ids else str(change.record_id)
        if change.old is None:
            return fill(translate("HistoryWords", "Photo added: %1"), name)
        if change.new is None:
            return fill(translate("HistoryWords", "Photo removed: %1"), name)
        return fill(translate("HistoryWords", "Photo replaced: %1"), name)

    def _pair(self, label: str, change: LoggedChange) -> str:
        old = self.value(change.record, change.field, change.old, change.record_id)
        new = self.value(change.record, change.field, change.new, change.record_id)
        return fill(translate("HistoryWords", "%1: %2 → %3"), label, old, new)

    def _whole(self, change: LoggedChange) -> str:
        added = change.old is None
        name = str(whole_label(change.new if added else change.old))
        if not added and change.new is not None:  # replaced whole: a deal a re-import changed
            return f"{name} {ARROW} {whole_label(change.new)}"
        if change.record == RecordKind.DOTTED_LINE:
            ends = name.split(">")
            if len(ends) == 2:
                name = f"{self.position_name(ends[0])} {ARROW} {self.position_name(ends[1])}"
        templates: dict[tuple[str, bool], str] = {
            (RecordKind.POSITION, True): translate("HistoryWords", "Position added: %1"),
            (RecordKind.POSITION, False): translate("HistoryWords", "Position removed: %1"),
            (RecordKind.SCENARIO, True): translate("HistoryWords", "Scenario added: %1"),
            (RecordKind.SCENARIO, False): translate("HistoryWords", "Scenario removed: %1"),
            (RecordKind.DOTTED_LINE, True): translate("HistoryWords", "Dotted line added: %1"),
            (RecordKind.DOTTED_LINE, False): translate("HistoryWords", "Dotted line removed: %1"),
        }
        template = templates.get((str(change.record), added), "%1")
        return fill(template, name)

    def _assumption_label(self, assumption_id: Any) -> str:
        assumption = self._assumption(assumption_id)
        if assumption is None:
            return fill(translate("HistoryWords", "assumption %1"), assumption_id)
        role = self.editor.roles_by_key().get(assumption.role_key)
        if role is None:  # "*": every role
            return metric_label(assumption.metric)
        return fill(
            translate("HistoryWords", "%1 of %2"),
            metric_label(assumption.metric),
            role.short(self.language),
        )

    def _assumption(self, assumption_id: Any) -> Assumption | None:
        try:
            found: Assumption | None = self.editor.session.get(Assumption, int(assumption_id))
        except (TypeError, ValueError):
            return None
        return found

    def value(self, record: str, field: str, value: Any, record_id: Any = None) -> str:
        """A value of the log (JSON: amounts and months as exact text) as the window shows it."""
        if value is None:
            if record == RecordKind.POSITION and field == "manager_id":
                return translate("HistoryWords", "(none: top)")
            return NOTHING
        if record == RecordKind.POSITION:
            return self._position_value(field, value)
        if record == RecordKind.TARGET:
            if field in _MONEY_TARGETS:
                return self._money(value)
            if field in _RATE_TARGETS:
                return _percent(value)
            if field == "leads":
                return _count(value)
            return str(value)
        if record == RecordKind.ASSUMPTION:
            assumption = self._assumption(record_id)
            metric = assumption.metric if assumption is not None else ""
            if metric in RATE_METRICS:
                return _percent(value)
            if metric in WHOLE_METRICS or metric.endswith("_per_month"):
                return _exact(value)
            return self._money(value)
        if record == RecordKind.PLAN and field == "fiscal_start_month":
            return QLocale().standaloneMonthName(int(value), QLocale.FormatType.LongFormat)
        return str(value)

    def _position_value(self, field: str, value: Any) -> str:
        if field == "manager_id":
            return self.position_name(value)
        if field == "annual_cost":
            return self._money(value)
        if field == "capacity_override":
            return _exact(value)
        if field == "headcount":
            return _count(value)
        if field == "start_month":
            try:
                return month_label(YearMonth.parse(str(value)))
            except ValueError:
                return str(value)
        if field == "role_key":
            role = self.editor.roles_by_key().get(str(value))
            return role.name(self.language) if role is not None else str(value)
        if field == "department_key":
            department = self.editor.departments_by_key().get(str(value))
            return department.name(self.language) if department is not None else str(value)
        return str(value)

    def _money(self, value: Any) -> str:
        number = _decimal(value)
        return str(value) if number is None else format_money(number, self.currency)


def _position_field(field: str) -> str:
    return "manager" if field == "manager_id" else field


def _plan_label(field: str) -> str:
    labels = {
        "name": translate("HistoryWords", "Plan name"),
        "currency": translate("HistoryWords", "Currency"),
        "fiscal_year": translate("HistoryWords", "Fiscal year"),
        "fiscal_start_month": translate("HistoryWords", "First month of the fiscal year"),
    }
    return labels.get(field, field.replace("_", " "))


def _decimal(value: Any) -> Decimal | None:
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def _percent(value: Any) -> str:
    number = _decimal(value)
    return str(value) if number is None else format_percent(number, 1 if number * 100 % 1 else 0)


def _count(value: Any) -> str:
    number = _decimal(value)
    return str(value) if number is None else format_count(number)


def _exact(value: Any) -> str:
    number = _decimal(value)
    return str(value) if number is None else format_exact(number, 4)
