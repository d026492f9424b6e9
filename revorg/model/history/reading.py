"""The log as the command line and the views read it: steps newest first, with their field
changes, values decoded from their JSON text."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from revorg.model.actuals.logged import DamagedImportError, holds_deals, import_fields, logged_deals
from revorg.model.editing.change import WHOLE_RECORD, KeyLabel, QuotedStep, RecordKind, StepText
from revorg.model.history.chain import StoredChange, StoredStep, stored_steps
from revorg.model.history.values import decoded, whole_label


@dataclass(frozen=True)
class LoggedChange:
    scenario_id: int
    record: str  # a RecordKind's value: position, target, assumption, scenario...
    record_id: Any
    field: str  # "*": the record added (old None) or removed (new None) as a whole
    old: Any  # as JSON holds it: Decimal and YearMonth as their exact text
    new: Any

    @property
    def whole(self) -> Any:
        """The record added or removed as a whole, as stored (a dict; in a format-5 log only its
        name), or None for a field change."""
        if self.field != WHOLE_RECORD:
            return None
        return self.new if self.old is None else self.old

    @property
    def shown_old(self) -> Any:
        """The old value for a reader: a whole record by its name (title, scenario name)."""
        return whole_label(self.old) if self.field == WHOLE_RECORD else self.old

    @property
    def shown_new(self) -> Any:
        return whole_label(self.new) if self.field == WHOLE_RECORD else self.new

    def to_json(self) -> dict[str, Any]:
        """For a whole record, `old` and `new` name it (a title, a scenario's name) and `row`
        holds the record (a scenario's rows left out: thousands of them)."""
        shown = {"record": self.record, "id": self.record_id, "field": self.field}
        shown.update(old=self.shown_old, new=self.shown_new)
        whole = self.whole
        if isinstance(whole, dict):
            shown["row"] = {key: value for key, value in whole.items() if key != "rows"}
        return shown


@dataclass(frozen=True)
class LoggedStep:
    id: int
    at: str  # UTC, ISO 8601
    who: str
    scenario_id: int
    text: StepText
    direction: str  # do, undo, redo
    changes: tuple[LoggedChange, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "at": self.at,
            "who": self.who,
            "scenario": self.scenario_id,
            "text": self.text.english(),
            "direction": self.direction,
            "changes": [change.to_json() for change in self.changes],
        }


def read_steps(
    session: Session,
    scenario_id: int | None = None,
    since: datetime.date | None = None,
    limit: int | None = None,
) -> list[LoggedStep]:
    """The steps, newest first: of one scenario (the steps made in it, those that changed one
    of its records, and those that added, renamed or removed it), from a day on, at most
    `limit` of them."""
    conditions = []
    values: dict[str, Any] = {}
    if scenario_id is not None:
        conditions.append(
            "(s.scenario_id = :scenario OR EXISTS (SELECT 1 FROM history_changes c "
            "WHERE c.step_id = s.id AND (c.scenario_id = :scenario "
            "OR (c.record = 'scenario' AND c.record_id = :scenario_json))))"
        )
        values["scenario"] = scenario_id
        values["scenario_json"] = str(scenario_id)
    if since is not None:
        conditions.append("s.at >= :since")
        values["since"] = since.isoformat()
    where = " AND ".join(conditions)
    steps = stored_steps(session, where, newest_first=True, limit=limit, **values)
    return [_logged(step) for step in steps]


def step_count(session: Session) -> int:
    from sqlalchemy import text

    return int(session.execute(text("SELECT count(*) FROM history_steps")).scalar() or 0)


def _logged(step: StoredStep) -> LoggedStep:
    return LoggedStep(
        step.id,
        step.at,
        step.who,
        step.scenario_id,
        _step_text(step.text, step.text_values),
        step.direction,
        tuple(logged for change in step.changes for logged in _read(change)),
    )


def _read(change: StoredChange) -> list[LoggedChange]:
    """A stored change as readers see it: an import's record, which holds its deals
    (revorg.model.actuals.logged), as the import's own row and then each deal whole, as a log
    of the earlier form kept them; a damaged import's record as it is."""
    old, new = decoded(change.old), decoded(change.new)
    record_id = decoded(change.record_id)
    as_stored = LoggedChange(change.scenario_id, change.record, record_id, change.field, old, new)
    if change.record != RecordKind.DEAL_IMPORT or not holds_deals(new if old is None else old):
        return [as_stored]
    try:
        deals = logged_deals(old, new)
    except DamagedImportError:
        return [as_stored]
    scenario_id = change.scenario_id
    fields = [
        old if old is None else import_fields(old),
        new if new is None else import_fields(new),
    ]
    return [
        LoggedChange(scenario_id, change.record, record_id, change.field, *fields),
        *(
            LoggedChange(
                scenario_id, RecordKind.DEAL, deal.crm_id, WHOLE_RECORD, deal.old, deal.new
            )
            for deal in deals
        ),
    ]


def _step_text(template: str, values_text: str) -> StepText:
    return _text_of(template, decoded(values_text))


def _text_of(template: str, values: Any) -> StepText:
    shown: list[str | KeyLabel | QuotedStep] = []
    for value in values if isinstance(values, list) else []:
        if isinstance(value, dict) and {"kind", "key"} <= value.keys():
            shown.append(KeyLabel(str(value["kind"]), str(value["key"])))
        elif isinstance(value, dict) and "template" in value:  # a step named in this one
            shown.append(QuotedStep(_text_of(str(value["template"]), value.get("values"))))
        else:
            shown.append(str(value))
    return StepText(template, tuple(shown))
