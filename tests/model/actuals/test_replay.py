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


def test_an_import_is_one_record_in_the_log_and_a_log_of_one_record_per_deal_still_replays() -> (
    None
):
    """An import keeps its deals in its own record (one change, not one per deal); a log
    written before that, with one record per deal, replays to the same deals."""
    from revorg.model.actuals import logged
    from revorg.model.editing.change import WHOLE_RECORD, Change, FieldChange, RecordKind, StepText
    from revorg.model.editing.steps import Edit, Macro
    from revorg.model.history.chain import stored_steps
    from revorg.model.history.recording import record_step

    with PlanDocument.from_template("demo", 2027) as document:
        editor = PlanEditor(document)
        attach_recorder(editor, "Ana")
        for deals, file in (
            ([deal("a", "100"), deal("b", "200", "Verbal")], "jan.csv"),
            ([deal("a", "150"), deal("c", "300")], "feb.csv"),
        ):
            planned = import_deals(editor, deals, file, "generic", "Ana", "now")
            assert planned.edit is not None
            editor.perform(planned.edit)
        assert [len(step.changes) for step in stored_steps(document.session)] == [1, 1]
        assert [v["amount"] for _, v in logged.deal_versions(document.session, "a")] == [
            "100",
            "150",
        ]
        expected = actuals_tables(document)

    # The same two imports as a log of the earlier form writes them.
    rows = {
        "a1": ("a", "100", 1), "b1": ("b", "200", 1), "a2": ("a", "150", 2), "c2": ("c", "300", 2),
    }  # fmt: skip
    whole = {
        key: {
            "crm_id": crm_id, "owner": "Jorge Ortega", "owner_email": "", "account": "",
            "name": "", "stage": "Verbal" if key == "b1" else "Closed Won", "deal_type": "",
            "status": "won", "kind": "new_business", "amount": amount, "currency": None,
            "close_date": "2027-02-01", "import_id": import_id,
        }
        for key, (crm_id, amount, import_id) in rows.items()
    }  # fmt: skip
    with PlanDocument.from_template("demo", 2027) as older:
        scenario_id = older.scenario().id
        imports = [
            ("jan.csv", 2, 0, ["a1", "b1"], {}),
            ("feb.csv", 1, 1, ["a2", "c2"], {"a2": "a1"}),
        ]
        for number, (file, added, changed, keys, before) in enumerate(imports, 1):
            record = {"id": number, "at": "now", "who": "Ana", "file": file, "source": "generic",
                      "added": added, "changed": changed, "unchanged": 0}  # fmt: skip
            changes = [
                FieldChange(scenario_id, RecordKind.DEAL_IMPORT, number, WHOLE_RECORD, None, record)
            ]
            changes += [
                FieldChange(scenario_id, RecordKind.DEAL, whole[key]["crm_id"], WHOLE_RECORD,
                            whole[before[key]] if key in before else None, whole[key])
                for key in keys
            ]  # fmt: skip
            edit = Edit(StepText("Import actuals %1", (file,)), scenario_id, Macro([]))
            change = Change(text=edit.text, scenario_id=scenario_id, records=tuple(changes))
            record_step(older.session, edit, change, "Ana", "now")
        with (
            PlanDocument.from_template("demo", 2027) as start,
            replay(start.session, older.session) as replayed,
        ):
            assert actuals_tables(replayed)["deals"] == expected["deals"]
            versions = logged.deal_versions(older.session, "a")
            assert [v["amount"] for _, v in versions] == ["100", "150"]


def test_the_history_reads_an_imports_record_as_its_deals_one_by_one() -> None:
    """What the History panel and `revorg history` show of an import, its undo and a re-import:
    the import's row and each deal whole (the row before, the row written), as when the log
    kept one record per deal."""
    with PlanDocument.from_template("demo", 2027) as document:
        editor = PlanEditor(document)
        attach_recorder(editor, "Ana")
        first = import_deals(editor, [deal("a", "100"), deal("b", "200")], "jan.csv", "generic",
                             "Ana", "t1")  # fmt: skip
        assert first.edit is not None
        editor.perform(first.edit)
        second = import_deals(editor, [deal("a", "150"), deal("c", "300")], "feb.csv", "generic",
                              "Ana", "t2")  # fmt: skip
        assert second.edit is not None
        editor.perform(second.edit)
        editor.revert(second.edit)
        undone, feb, jan = read_steps(document.session)

    def shown(step: Any) -> list[tuple[Any, ...]]:
        return [(c.record, c.record_id, c.field, c.shown_old, c.shown_new) for c in step.changes]

    assert shown(jan) == [
        ("deal_import", 1, "*", None, "jan.csv"),
        ("deal", "a", "*", None, "a (won 100)"),
        ("deal", "b", "*", None, "b (won 200)"),
    ]
    assert shown(feb) == [
        ("deal_import", 2, "*", None, "feb.csv"),
        ("deal", "a", "*", "a (won 100)", "a (won 150)"),
        ("deal", "c", "*", None, "c (won 300)"),
    ]
    assert (undone.direction, shown(undone)) == ("undo", [
        ("deal_import", 2, "*", "feb.csv", None),
        ("deal", "a", "*", "a (won 150)", "a (won 100)"),
        ("deal", "c", "*", "c (won 300)", None),
    ])  # fmt: skip
    # The deal's whole rows, with the import that wrote each; the import's row without them.
    assert feb.changes[1].old["import_id"] == 1 and feb.changes[1].new["import_id"] == 2
    assert "deals" not in feb.changes[0].new and feb.to_json()["changes"][0]["row"]["file"] == (
        "feb.csv"
    )
