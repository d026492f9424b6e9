"""Actuals in the change log: the plan as it was after any step has the deals, imports, rules
and matches it had then, and the log replayed from the start gives them back exactly."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from revorg.model.actuals.deals import Deal, DealKind, DealStatus
from revorg.model.document import PlanDocument
from revorg.model.editing import PlanEditor, requests
from revorg.model.editing.actuals_requests import import_deals, match_owner, set_deal_rule
from revorg.model.entities import Position
from revorg.model.history.reading import read_steps
from revorg.model.history.recording import attach_recorder
from revorg.model.history.replay import replay, state_after

TABLES = ("deals", "deal_imports", "deal_rules", "owner_assignments")


def deal(crm_id: str, amount: str, stage: str = "Closed Won") -> Deal:
    return Deal(crm_id, "Jorge Ortega", Decimal(amount), datetime.date(2027, 2, 1),
                DealStatus.WON, DealKind.NEW_BUSINESS, stage=stage)  # fmt: skip


def actuals_tables(document: PlanDocument) -> dict[str, list[Any]]:
    connection = document.session.connection()
    return {
        table: list(connection.exec_driver_sql(f'SELECT * FROM "{table}" ORDER BY 1, 2'))
        for table in TABLES
    }


def test_every_step_of_actuals_rewinds_and_replays() -> None:
    with PlanDocument.from_template("demo", 2027) as document:
        editor = PlanEditor(document)
        attach_recorder(editor, "Ana")
        raul = next(p.id for p in document.session.query(Position)
                    if p.person_name == "Raúl Jiménez")  # fmt: skip
        states: list[dict[str, list[Any]]] = []

        def perform(edit: Any) -> None:
            assert edit is not None
            editor.perform(edit)
            states.append(actuals_tables(document))

        perform(requests.set_target(editor, "goal", Decimal(1100000)))
        first = import_deals(editor, [deal("a", "100"), deal("b", "200", "Verbal")], "jan.csv",
                             "generic", "Ana", "2027-02-01T09:00:00Z")  # fmt: skip
        perform(first.edit)
        perform(set_deal_rule(editor, "stage", "Verbal", "won"))
        perform(match_owner(editor, "Jorge Ortega", raul))
        second = import_deals(editor, [deal("a", "150"), deal("c", "300")], "feb.csv",
                              "generic", "Ana", "2027-03-01T09:00:00Z")  # fmt: skip
        perform(second.edit)
        editor.revert(second.edit)  # an undo is a step too
        states.append(actuals_tables(document))
        steps = sorted(step.id for step in read_steps(document.session))
        assert len(steps) == len(states) == 6
        for step_id, expected in zip(steps, states, strict=True):
            with state_after(document.session, step_id) as then:
                assert actuals_tables(then) == expected, step_id
        with (
            PlanDocument.from_template("demo", 2027) as start,
            replay(start.session, document.session) as replayed,
        ):
            assert actuals_tables(replayed) == states[-1]
        assert states[0] == {table: [] for table in TABLES}
        assert [row[0] for row in states[4]["deals"]] == ["a", "b", "c"]


def test_a_rule_step_reverts_and_an_import_says_why_it_does_not() -> None:
    import pytest

    from revorg.model.actuals import store
    from revorg.model.history.revert import RevertRefusedError, revert_edit

    with PlanDocument.from_template("demo", 2027) as document:
        editor = PlanEditor(document)
        attach_recorder(editor, "Ana")
        planned = import_deals(editor, [deal("a", "100", "Verbal")], "jan.csv", "generic",
                               "Ana", "2027-02-01T09:00:00Z")  # fmt: skip
        assert planned.edit is not None
        editor.perform(planned.edit)
        rule = set_deal_rule(editor, "stage", "Verbal", "won")
        assert rule is not None
        editor.perform(rule)
        imported, ruled = sorted(step.id for step in read_steps(document.session))
        editor.perform(revert_edit(document.session, ruled))
        assert store.stored_rules(document.session).stages == {}
        with pytest.raises(RevertRefusedError, match="an import of deals is not reverted"):
            revert_edit(document.session, imported)
