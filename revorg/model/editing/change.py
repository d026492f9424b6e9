"""What one edit did: the description every observer of the edit core receives.

A `Change` says which positions were added, removed, moved or edited, whether targets,
assumptions, dotted lines or the list of scenarios changed, which scenario is current after it,
and, field by field, each value before and after (`FieldChange`). The last is what a change log
stores: every edit passes through `PlanEditor`, so every edit can be recorded in the same
transaction as the edit itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from revorg.model.scenario_rows import RowsChange


class RecordKind(StrEnum):
    """The kinds of record an edit changes (stored as text in a change log)."""

    POSITION = "position"
    TARGET = "target"
    ASSUMPTION = "assumption"
    SCENARIO = "scenario"
    DOTTED_LINE = "dotted_line"
    PLAN = "plan"  # the plan's settings: name, currency, fiscal year
    DEAL = "deal"  # a CRM deal (actuals), added or changed as a whole by an import
    DEAL_IMPORT = "deal_import"  # the record of one import of deals: when, who, which file
    DEAL_RULE = "deal_rule"  # how a stage or type reads: record id "stage:closed won"
    OWNER_MATCH = "owner_match"  # a deal owner matched by hand to a position (its lineage)
    PHOTO = "photo"  # a person's photo, by lineage: its value is a data URL (model.photos)


class Direction(StrEnum):
    """Which way an edit ran (stored as text in a change log)."""

    DO = "do"
    UNDO = "undo"
    REDO = "redo"


_PLACEHOLDER = re.compile(r"%(\d+)")
# The field of a record that was added or removed as a whole; its value is the whole record (a
# position's or dotted line's row, a scenario's rows or what it is a copy of: editing.steps).
WHOLE_RECORD = "*"


@dataclass(frozen=True)
class FieldChange:
    """One value of one record before and after an edit (None where the record did not exist).

    Values are plain: text, int, Decimal, or a YearMonth."""

    scenario_id: int
    record: RecordKind
    record_id: int | str
    field: str
    old: object
    new: object

    def reversed(self) -> FieldChange:
        return FieldChange(
            self.scenario_id, self.record, self.record_id, self.field, self.new, self.old
        )


@dataclass(frozen=True)
class StepText:
    """The name of a step as the user sees it ("Move SDR"): a template marked for translation
    in `context` with %1, %2 placeholders, and its values. A value that is a `KeyLabel` is a key
    of the model (a target or a metric) that the window shows in its language."""

    template: str
    values: tuple[str | KeyLabel | QuotedStep, ...] = ()
    context: str = "PlanEditor"

    def english(self) -> str:
        """The name in English (a change log, the command line), placeholders filled in one
        pass so that a title containing "%2" stays as it is."""
        shown = [_english_value(v) for v in self.values]

        def value(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            return shown[index] if 0 <= index < len(shown) else match.group(0)

        return _PLACEHOLDER.sub(value, self.template)


@dataclass(frozen=True)
class KeyLabel:
    """A key of the model inside a step's name: `kind` is "target" or "metric"."""

    kind: str
    key: str


@dataclass(frozen=True)
class QuotedStep:
    """Another step's name inside this one ("Revert “Move SDR”"), shown in the reader's
    language as its own name is."""

    text: StepText


def _english_value(value: str | KeyLabel | QuotedStep) -> str:
    if isinstance(value, KeyLabel):
        return value.key.replace("_", " ")
    if isinstance(value, QuotedStep):
        return value.text.english()
    return value


@dataclass(frozen=True)
class Change:
    """What one applied (or reverted) edit did, for the views and for a change log."""

    text: StepText | None
    scenario_id: int  # the scenario current after the edit
    undone: bool = False
    redone: bool = False  # applied again after an undo (a change log tells it from a first do)
    rows: RowsChange = field(default_factory=RowsChange)
    dotted_lines: bool = False
    targets: tuple[str, ...] = ()
    assumptions: tuple[int, ...] = ()
    scenarios: bool = False  # a scenario was added, removed or renamed
    switched: bool = False  # another scenario is current: every view shows it anew
    reloaded: bool = False  # the cached rows were dropped: match every card again
    plan: bool = False  # the plan's name, currency or fiscal year changed (every view redraws)
    actuals: bool = False  # deals, their rules or owners matched by hand changed
    records: tuple[FieldChange, ...] = field(default=())

    @property
    def direction(self) -> Direction:
        if self.undone:
            return Direction.UNDO
        return Direction.REDO if self.redone else Direction.DO

    @property
    def anew(self) -> bool:
        """Whether views must read everything again (another scenario, or rows reloaded)."""
        return self.switched or self.reloaded

    @property
    def positions(self) -> bool:
        """Whether positions changed (so their cost, capacity and hiring plan)."""
        rows = self.rows
        return self.anew or bool(rows.added or rows.removed or rows.moved or rows.edited)


def needs(change: Change | None, *, positions: bool = False, targets: bool = False,
          assumptions: bool = False, actuals: bool = False) -> bool:  # fmt: skip
    """Whether a view that shows the named parts must refresh after `change` (None: after a
    switch, a new document or a failed edit, when everything is read again)."""
    if change is None or change.anew:
        return True
    return (
        (positions and change.positions)
        or (targets and bool(change.targets))
        or (assumptions and bool(change.assumptions))
        or (actuals and change.actuals)
    )
