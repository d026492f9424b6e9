"""What the refused bar says of a teammate's change that came first: "Ana changed VP Sales’s
annual cost at 23:08", the card named as the plan now on screen has it, the time in local time
(the date too when it is not today); and the user's own values, which "Apply my change again"
would make: "title Head of Sales". The texts keep the TeamCommands context they were
translated in."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDateTime, QLocale, Qt

from revorg.gui.history_words import ChangeWords
from revorg.gui.i18n import fill, translate
from revorg.gui.labels import field_or_key_label
from revorg.model.editing.editor import PlanEditor

if TYPE_CHECKING:
    from revorg.model.team.session import Refusal


def in_sentence(label: str) -> str:
    """A field's label inside a sentence: "Annual cost" as "annual cost" (not "CS: ..." or
    "AE", whose capitals are part of the name)."""
    if len(label) > 1 and label[0].isupper() and label[1].islower():
        return label[0].lower() + label[1:]
    return label


def conflict_text(editor: PlanEditor, refusal: Refusal, conflict: Any) -> str:
    """One teammate's change that made the server refuse the user's edit."""
    fields = [
        in_sentence(field_or_key_label(change.field))
        for change in refusal.records
        if str(change.record) == conflict.kind
        and change.record_id == conflict.record_id
        and change.field != "*"
    ]
    record = record_name(editor, conflict.kind, conflict.record_id)
    who = conflict.who or translate("TeamCommands", "a teammate")
    when = time_text(conflict.at)
    if fields:
        return fill(
            translate("TeamCommands", "%1 changed %2’s %3 at %4"),
            who,
            record,
            ", ".join(fields),
            when,
        )
    return fill(translate("TeamCommands", "%1 changed %2 at %3"), who, record, when)


# The values named at most: an edit of many fields is said in part ("…"), as the bar is one line.
OWN_VALUES_SHOWN = 3


def own_values_text(editor: PlanEditor, refusal: Refusal) -> str:
    """The values the refused edit set, as the window shows values: "title Head of Sales,
    annual cost €140,000"; empty for an edit of whole records (a card added or removed)."""
    words = ChangeWords(editor)
    shown = [
        f"{in_sentence(field_or_key_label(change.field))} "
        f"{words.value(str(change.record), change.field, change.new, change.record_id)}"
        for change in refusal.records
        if change.field != "*"
    ]
    text = ", ".join(shown[:OWN_VALUES_SHOWN])
    return text + "…" if len(shown) > OWN_VALUES_SHOWN else text


def record_name(editor: PlanEditor, kind: str, record_id: int) -> str:
    if kind == "position":
        row = editor.positions().get(record_id)
        return (
            row.title if row is not None else fill(translate("TeamCommands", "card %1"), record_id)
        )
    names = {
        "target": translate("TeamCommands", "the targets"),
        "assumption": translate("TeamCommands", "an assumption"),
        "plan": translate("TeamCommands", "the plan settings"),
        "scenario": translate("TeamCommands", "a scenario"),
        "dotted_line": translate("TeamCommands", "a dotted line"),
    }
    return names.get(kind, kind)


def time_text(at: str | None) -> str:
    if not at:
        return "?"
    moment = QDateTime.fromString(at, Qt.DateFormat.ISODate).toLocalTime()
    if not moment.isValid():
        return at
    if moment.date() == QDateTime.currentDateTime().date():
        return moment.toString("HH:mm")
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)
