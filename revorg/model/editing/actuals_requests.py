"""Requests of actuals: an import of deals compared with the deals the plan has, a rule for a
stage or type, an owner matched by hand; each an `Edit` for the editor, or None when it would
change nothing (an export imported twice)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from revorg.model.actuals import store
from revorg.model.actuals.deals import Deal, DealKind, DealStatus, rule_key
from revorg.model.actuals.owners import person_key
from revorg.model.editing.actuals_steps import ImportDeals, MatchOwner, SetDealRule
from revorg.model.editing.change import StepText
from revorg.model.editing.reading import PlanReading
from revorg.model.editing.steps import Edit
from revorg.model.entities import Position
from revorg.model.errors import QT_TRANSLATE_NOOP, PlanEditError
from revorg.model.lineage import lineage_of


@dataclass(frozen=True)
class ImportPlan:
    """What importing an export would do: the edit (None when nothing changes) and counts."""

    edit: Edit | None
    added: int
    changed: int
    unchanged: int


def import_deals(
    plan: PlanReading, deals: Sequence[Deal], file: str, source: str, who: str, at: str
) -> ImportPlan:
    """Deals keyed by their CRM id: new ones are added, changed ones replaced (the version
    before is kept in the deal's history), unchanged ones left as they are."""
    session = plan.session
    stored = store.stored_rows(session)
    import_id = store.next_import_id(session)
    rows, before = [], {}
    added = changed = 0
    for deal in deals:
        row = store.deal_row(deal, import_id)
        old = stored.get(deal.crm_id)
        if old is None:
            added += 1
        elif store.deal_values(old) == store.deal_values(row):
            continue
        else:
            changed += 1
            before[deal.crm_id] = old
        rows.append(row)
    unchanged = len(deals) - added - changed
    if not rows:
        return ImportPlan(None, 0, 0, unchanged)
    record = store.ImportRecord(import_id, at, who, file, source, added, changed, unchanged)
    text = StepText(
        QT_TRANSLATE_NOOP("PlanEditor", "Import actuals %1: %2 new, %3 changed"),
        (file, str(added), str(changed)),
    )
    edit = Edit(text, plan.scenario_id, ImportDeals(record, rows, before))
    return ImportPlan(edit, added, changed, unchanged)


RULES = {"stage": DealStatus, "type": DealKind}


def set_deal_rule(plan: PlanReading, rule: str, written: str, value: str | None) -> Edit | None:
    """Read the stage or type `written` as `value` (a status or kind; None: as by default)."""
    if rule not in RULES:
        raise PlanEditError(f"no rule for {rule!r}: stage or type")
    if value is not None and value not in {str(member) for member in RULES[rule]}:
        raise PlanEditError(f"{value!r} is not a deal {'status' if rule == 'stage' else 'kind'}")
    key = rule_key(written)
    if not key:
        raise PlanEditError(
            QT_TRANSLATE_NOOP("PlanEditError", "A rule needs the stage or type it is about.")
        )
    current = store.stored_rules(plan.session)
    old_value = (current.stages if rule == "stage" else current.types).get(key)
    old = None if old_value is None else str(old_value)
    if old == value:
        return None
    text = StepText(QT_TRANSLATE_NOOP("PlanEditor", "Read %1 as %2"), (written, value or "—"))
    return Edit(text, plan.scenario_id, SetDealRule(rule, key, old, value))


def match_owner(plan: PlanReading, owner: str, position_id: int | None) -> Edit | None:
    """Count `owner`'s deals as the position's (None: forget the match)."""
    new = None
    name = "—"
    if position_id is not None:
        position = plan.session.get(Position, position_id)
        if position is None:
            raise PlanEditError(f"no position with id {position_id}")
        new = lineage_of(position.id, position.lineage)
        name = position.person_name or position.title
    stored = store.stored_assignments(plan.session)
    old = stored.get(person_key(owner), (owner, None))[1]
    if old == new:
        return None
    text = StepText(QT_TRANSLATE_NOOP("PlanEditor", "Match %1 to %2"), (owner, name))
    return Edit(text, plan.scenario_id, MatchOwner(owner, old, new))
