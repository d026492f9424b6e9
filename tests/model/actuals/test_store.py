"""Deals in the plan: an import is one undoable edit (undo puts back each deal as it was), the
user's rules re-read stored deals, and a damaged row is left out and counted."""

from __future__ import annotations

import datetime
import sqlite3
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import text

from revorg.model.actuals import logged, store
from revorg.model.actuals.deals import Deal, DealKind, DealStatus
from revorg.model.document import PlanDocument
from revorg.model.editing import PlanEditor
from revorg.model.editing.actuals_requests import import_deals, set_deal_rule
from revorg.model.history.recording import attach_recorder


def deal(crm_id: str, amount: str, stage: str = "Closed Won") -> Deal:
    status = DealStatus.WON if stage == "Closed Won" else DealStatus.OPEN
    return Deal(crm_id, "Marta Sánchez", Decimal(amount), datetime.date(2027, 2, 1), status,
                DealKind.NEW_BUSINESS, stage=stage)  # fmt: skip


def saved_and_damaged(
    document: PlanDocument, deals: Sequence[Deal], path: Path, damage: Sequence[str]
) -> Path:
    """The deals imported into `document`, saved at `path`, then its rows changed by another
    program (`damage`: SQL statements)."""
    editor = PlanEditor(document)
    planned = import_deals(editor, deals, "x.csv", "generic", "Ana", "2027-02-01T09:00:00Z")
    assert planned.edit is not None
    editor.apply(planned.edit)
    document.save_as(path)
    with sqlite3.connect(path) as connection:
        for statement in damage:
            connection.execute(statement)
    connection.close()
    return path


def amounts(document: PlanDocument) -> dict[str, Decimal]:
    return {d.crm_id: d.amount for d in store.stored_deals(document.session).deals}


def test_an_import_undoes_and_redoes_as_one_step(demo_document: PlanDocument) -> None:
    editor = PlanEditor(demo_document)
    attach_recorder(editor, "Ana")
    first = import_deals(editor, [deal("a", "100"), deal("b", "200")], "jan.csv", "generic",
                         "Ana", "2027-02-01T09:00:00Z")  # fmt: skip
    assert first.edit is not None
    editor.apply(first.edit)
    second = import_deals(editor, [deal("a", "150"), deal("b", "200"), deal("c", "300")],
                          "feb.csv", "generic", "Ana", "2027-03-01T09:00:00Z")  # fmt: skip
    assert (second.added, second.changed, second.unchanged) == (1, 1, 1)
    assert second.edit is not None
    change = editor.apply(second.edit)
    assert change.actuals
    assert amounts(demo_document) == {"a": Decimal(150), "b": Decimal(200), "c": Decimal(300)}
    editor.revert(second.edit)
    assert amounts(demo_document) == {"a": Decimal(100), "b": Decimal(200)}
    assert [record.file for record in store.imports(demo_document.session)] == ["jan.csv"]
    editor.apply(second.edit)
    assert amounts(demo_document)["a"] == Decimal(150)
    # Its versions, from the log: the first import's and the second's (the redo is no new one).
    assert [v["amount"] for _, v in logged.deal_versions(demo_document.session, "a")] == [
        "100", "150",
    ]  # fmt: skip


def test_a_rule_set_after_the_import_rereads_the_stored_deals(
    demo_document: PlanDocument,
) -> None:
    editor = PlanEditor(demo_document)
    plan = import_deals(editor, [deal("a", "100", stage="Verbal yes")], "x.csv", "generic",
                        "Ana", "2027-02-01T09:00:00Z")  # fmt: skip
    assert plan.edit is not None
    editor.apply(plan.edit)
    assert store.stored_deals(demo_document.session).deals[0].status is DealStatus.OPEN
    rule = set_deal_rule(editor, "stage", "verbal YES", "won")
    assert rule is not None
    editor.apply(rule)
    assert store.stored_deals(demo_document.session).deals[0].status is DealStatus.WON
    editor.revert(rule)
    assert store.stored_deals(demo_document.session).deals[0].status is DealStatus.OPEN


def test_a_damaged_deal_row_is_left_out_and_the_plan_opens(
    demo_document: PlanDocument, tmp_path: Path
) -> None:
    path = saved_and_damaged(
        demo_document, [deal("a", "100"), deal("b", "200")], tmp_path / "plan.revorg",
        ["UPDATE deals SET amount = 'lots' WHERE crm_id = 'b'"],
    )  # fmt: skip
    with PlanDocument.open(path, for_editing=False) as document:
        stored = store.stored_deals(document.session)
        assert [d.crm_id for d in stored.deals] == ["a"]
        assert stored.unreadable == 1
        count = document.session.execute(text("SELECT count(*) FROM deals")).scalar()
        assert count == 2


def test_the_fast_sums_give_the_figures_of_every_deal_summed(demo_document: PlanDocument) -> None:
    """With no rule of the user's, only what the figures need is summed (plan_bookings); the
    figures must be those of every deal grouped (stored_bookings without a year): won and lost
    deals of the year, open ones, one in dollars, one of the year before, unmatched owners."""
    from pathlib import Path

    from revorg.io.crm import read_deals
    from revorg.io.report import ImportReport
    from revorg.model.actuals.scenario import scenario_progress
    from revorg.model.actuals.summary import progress_json
    from revorg.model.summary import summarize

    q1 = Path(__file__).parents[2] / "io" / "crm_exports" / "salesforce_opportunities_q1.csv"
    read = read_deals(q1, ImportReport("q1"), plan_currency="EUR")
    assert read is not None
    extra = [
        Deal("usd", "Marta Sánchez", Decimal(900), datetime.date(2027, 4, 2), DealStatus.WON,
             DealKind.NEW_BUSINESS, currency="USD"),
        Deal("old", "Marta Sánchez", Decimal(700), datetime.date(2026, 12, 30), DealStatus.WON,
             DealKind.NEW_BUSINESS),
        Deal("lost-late", "Nadie", Decimal(300), datetime.date(2027, 5, 9), DealStatus.LOST,
             DealKind.EXPANSION),
        Deal("open", "Nadie", Decimal(100), datetime.date(2027, 8, 1), DealStatus.OPEN,
             DealKind.RENEWAL),
    ]  # fmt: skip
    editor = PlanEditor(demo_document)
    planned = import_deals(editor, [*read.deals, *extra], "q1.csv", "salesforce", "Ana", "now")
    assert planned.edit is not None
    editor.apply(planned.edit)
    session, scenario = demo_document.session, demo_document.scenario()
    summary = summarize(session, scenario)

    def figures(bookings: list[Any]) -> dict[str, Any]:
        return progress_json(scenario_progress(session, scenario, summary, bookings))

    fast, fast_unreadable = store.plan_bookings(session)
    every, every_unreadable = store.stored_bookings(session)
    assert figures(fast) == figures(every)
    assert fast_unreadable == every_unreadable == 0
    shown = figures(fast)
    assert shown["through"] == "2027-05"  # the late lost deal counts as closed
    assert shown["left_out"] == {"outside_year": 1, "other_currency": 1}
    assert {o["owner"]: o["deals"] for o in shown["unmatched_owners"]} == {
        "Jorge Ortega": 1, "Nadie": 2,
    }  # fmt: skip


def test_the_figures_are_whole_cents_summed_and_damaged_rows_left_out(
    demo_document: PlanDocument, tmp_path: Path
) -> None:
    """Hand-computed figures of one owner's deals, three rows of them damaged by another
    program (an amount with a comma, a day that is not a number, a kind nobody knows): each
    is left out and counted, whatever its status; the others are summed to the cent."""
    from revorg.model.actuals.scenario import scenario_progress
    from revorg.model.actuals.summary import progress_json
    from revorg.model.summary import summarize

    won, lost, open_ = DealStatus.WON, DealStatus.LOST, DealStatus.OPEN
    new, expansion = DealKind.NEW_BUSINESS, DealKind.EXPANSION

    def marta(crm_id: str, amount: str, day: datetime.date, status: DealStatus,
              kind: DealKind = new) -> Deal:  # fmt: skip
        return Deal(crm_id, "Marta Sánchez", Decimal(amount), day, status, kind)

    deals = [
        marta("w1", "1000.10", datetime.date(2027, 2, 3), won),
        marta("w2", "2000.25", datetime.date(2027, 2, 27), won),
        marta("w3", "0.05", datetime.date(2027, 3, 1), won),
        marta("x1", "500.05", datetime.date(2027, 3, 15), won, expansion),
        marta("l1", "300", datetime.date(2027, 5, 9), lost),
        marta("o1", "100", datetime.date(2027, 8, 1), open_),
        marta("bad-won", "999", datetime.date(2027, 2, 5), won),
        marta("bad-lost", "50", datetime.date(2027, 6, 5), lost),
        marta("bad-open", "60", datetime.date(2027, 6, 6), open_),
    ]
    path = saved_and_damaged(
        demo_document,
        deals,
        tmp_path / "plan.revorg",
        [
            "UPDATE deals SET amount = '9,99' WHERE crm_id = 'bad-won'",
            "UPDATE deals SET close_date = '2027-06-xx' WHERE crm_id = 'bad-lost'",
            "UPDATE deals SET kind = 'upsell' WHERE crm_id = 'bad-open'",
        ],
    )
    with PlanDocument.open(path, for_editing=False) as document:
        session, scenario = document.session, document.scenario()
        summary = summarize(session, scenario)
        fast, fast_unreadable = store.plan_bookings(session)
        every, every_unreadable = store.stored_bookings(session)
        shown = progress_json(scenario_progress(session, scenario, summary, fast))
        assert shown == progress_json(scenario_progress(session, scenario, summary, every))
    assert fast_unreadable == every_unreadable == 3
    assert shown["through"] == "2027-05"  # the lost deal of June is unreadable: not closed
    months = {m["month"]: (m["new_business"], m["expansion"]) for m in shown["by_month"]}
    assert months["2027-02"] == (3000.35, 0)
    assert months["2027-03"] == (0.05, 500.05)
    assert shown["new_business"] == 3000.40 and shown["expansion"] == 500.05
    assert [(o["owner"], o["deals"], o["won"]) for o in shown["matched_owners"]] == [
        ("Marta Sánchez", 6, 3500.45)
    ]
    assert shown["unmatched_owners"] == []
