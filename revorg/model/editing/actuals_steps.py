"""The steps of actuals: an import of deals, a rule for reading stages or types, an owner
matched by hand. Each is undoable and recorded like any edit (revorg.model.editing.steps):
an import notes its own record with every deal it added or changed, with its full row and the
row before (revorg.model.actuals.logged), so that the change log can replay it. Actuals are
the plan's, not a scenario's: like the plan's settings, their records carry the scenario the
edit was made in, and no step switches scenario."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from revorg.model.actuals import store
from revorg.model.actuals.logged import logged_import
from revorg.model.editing.change import WHOLE_RECORD, RecordKind
from revorg.model.editing.steps import EditContext, Step


class ImportDeals(Step):
    """Writes the deals an import added or changed (`rows`), with the import's record and
    each deal's new version; undo puts back the rows as they were (`before`: id -> row, absent
    for a deal the import added) and forgets the import."""

    def __init__(
        self, record: store.ImportRecord, rows: Sequence[store.Row], before: Mapping[str, store.Row]
    ) -> None:
        self.record = record
        self.rows = list(rows)  # as deal_row() makes them, with this import's id or without
        self.before = dict(before)  # as stored: with the import that had last changed each

    def apply(self, context: EditContext) -> None:
        session = context.session
        store.write_rows(session, self.rows, self.record.id)
        store.write_import(session, self.record)
        self._noted(context)

    def revert(self, context: EditContext) -> None:
        session = context.session
        added = [row["crm_id"] for row in self.rows if row["crm_id"] not in self.before]
        store.delete_rows(session, added)
        store.write_rows(session, list(self.before.values()), self.record.id)
        store.delete_import(session, self.record.id)
        self._noted(context)

    def _noted(self, context: EditContext) -> None:
        """The import's own record with every deal it wrote (with the import's id) and the
        row before of each deal it changed: what a replay of the log needs. One record, not
        one per deal (revorg.model.actuals.logged)."""
        context.actuals = True
        import_id = self.record.id
        rows = [
            row if row.get("import_id") == import_id else {**row, "import_id": import_id}
            for row in self.rows
        ]
        whole = logged_import(self.record.__dict__, rows, self.before)
        context.record(RecordKind.DEAL_IMPORT, import_id, WHOLE_RECORD, None, whole)

    def shown_before(self, undoing: bool, made_in: int) -> int | None:
        return None  # the plan's deals, not a scenario's: stay where the user is


class SetDealRule(Step):
    """How one stage or type text reads (`rule`: "stage" or "type"; `value` None: the
    default again)."""

    def __init__(self, rule: str, key: str, old: str | None, new: str | None) -> None:
        self.rule, self.key, self.old, self.new = rule, key, old, new

    def apply(self, context: EditContext) -> None:
        self._set(context, self.new)

    def revert(self, context: EditContext) -> None:
        self._set(context, self.old)

    def _set(self, context: EditContext, value: str | None) -> None:
        store.write_rule(context.session, self.rule, self.key, value)
        context.actuals = True
        context.record(RecordKind.DEAL_RULE, f"{self.rule}:{self.key}", "value", self.old, self.new)

    def shown_before(self, undoing: bool, made_in: int) -> int | None:
        return None


class MatchOwner(Step):
    """A deal owner matched by hand to a position (its lineage, so every scenario agrees), or
    the match forgotten (None)."""

    def __init__(self, owner: str, old: str | None, new: str | None) -> None:
        self.owner, self.old, self.new = owner, old, new

    def apply(self, context: EditContext) -> None:
        self._set(context, self.new)

    def revert(self, context: EditContext) -> None:
        self._set(context, self.old)

    def _set(self, context: EditContext, lineage: str | None) -> None:
        store.write_assignment(context.session, self.owner, lineage)
        context.actuals = True
        context.record(RecordKind.OWNER_MATCH, self.owner, "lineage", self.old, self.new)

    def shown_before(self, undoing: bool, made_in: int) -> int | None:
        return None
