"""Staff of a manager (issue 19, item 4): marking a card as staff is one edit, logged, undone,
replayed and reverted like any other; a card at the top cannot be staff; the three staff roles
of the catalogue are staff when added under a manager; span and cost are as before."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from decimal import Decimal

import pytest
from sqlalchemy import text

from revorg.model.catalogue import role_spec, staff_role_keys
from revorg.model.document import PlanDocument
from revorg.model.editing import Change, FieldChange, PlanEditor, RecordKind, requests
from revorg.model.editing.staff import set_staff
from revorg.model.errors import PlanEditError
from revorg.model.history.reading import read_steps
from revorg.model.history.recording import ChangeRecorder
from revorg.model.history.replay import replay, state_after
from revorg.model.history.revert import revert_edit
from revorg.model.summary import summarize


def at() -> str:
    return "2027-01-05T09:30:00Z"


@pytest.fixture
def editor() -> Iterator[PlanEditor]:
    document = PlanDocument.from_template("demo", 2027)
    editor = PlanEditor(document)
    editor.add_recorder(ChangeRecorder(editor, lambda: "Ana", at))
    yield editor
    document.close()


def by_title(editor: PlanEditor, title: str) -> int:
    return next(row.id for row in editor.positions().values() if row.title == title)


def staff_column(editor: PlanEditor) -> dict[int, int]:
    editor.session.flush()
    rows = editor.session.execute(text("SELECT id, staff FROM positions ORDER BY id"))
    return {int(i): int(staff) for i, staff in rows}


def test_the_catalogue_has_three_staff_roles_outside_any_quota() -> None:
    assert staff_role_keys() == {"executive_assistant", "chief_of_staff", "deal_desk"}
    # The CRO's office for the assistant and the chief of staff; RevOps runs the deal desk.
    assert role_spec("executive_assistant").department == "executive"
    assert role_spec("chief_of_staff").department == "executive"
    assert role_spec("deal_desk").department == "revops"
    for key in staff_role_keys():
        spec = role_spec(key)
        assert spec.capacity_kind == "none" and not spec.is_leader
        assert spec.names["es"] != spec.names["en"] and spec.names["zh"] != spec.names["en"]
    assert role_spec("executive_assistant").default_annual_cost == Decimal(55000)
    assert role_spec("chief_of_staff").default_annual_cost == Decimal(120000)
    assert role_spec("deal_desk").default_annual_cost == Decimal(85000)


def test_the_demo_plan_has_no_staff_and_still_gives_the_worked_numbers(
    editor: PlanEditor,
) -> None:
    assert set(staff_column(editor).values()) == {0}
    outcome = editor.summary().outcome
    assert outcome.total == Decimal(1000000) and outcome.gap == 0
    assert outcome.new_business == Decimal(360000)


def test_an_assistant_dropped_under_the_vp_sales_is_staff_and_costs_as_any_report(
    editor: PlanEditor,
) -> None:
    vp_sales = by_title(editor, "VP Sales")
    before = editor.summary().total
    change = editor.perform(requests.add_role(editor, "executive_assistant", vp_sales))

    assistant = change.rows.added[0]
    row = editor.positions()[assistant]
    assert row.staff and row.manager_id == vp_sales and row.title == "Executive Assistant"
    # In the VP's span (its reports) and in the cost, as any other report.
    assert assistant in editor.tree().reports(vp_sales)
    after = editor.summary().total
    assert after.positions == before.positions + 1
    assert after.run_rate_cost == before.run_rate_cost + Decimal(55000)
    # The same role at the top of the chart is no one's staff.
    top = editor.perform(requests.add_role(editor, "chief_of_staff", None)).rows.added[0]
    assert not editor.positions()[top].staff


def test_marking_is_one_logged_step_that_undo_and_redo_follow(editor: PlanEditor) -> None:
    sdr = by_title(editor, "SDR Manager")
    seen: list[Change] = []
    editor.subscribe(seen.append)

    edit = set_staff(editor, [sdr], True)
    assert edit is not None and edit.text.english() == "Mark SDR Manager as staff"
    done = editor.perform(edit)

    assert done.records == (
        FieldChange(editor.scenario_id, RecordKind.POSITION, sdr, "staff", False, True),
    )
    assert done.rows.moved == (sdr,) and done.rows.reshaped  # the chart lays it out again
    assert editor.positions()[sdr].staff and staff_column(editor)[sdr] == 1
    assert set_staff(editor, [sdr], True) is None  # already staff: nothing to do
    [step] = read_steps(editor.session)
    assert step.text.english() == "Mark SDR Manager as staff"
    assert [(c.field, c.old, c.new) for c in step.changes] == [("staff", False, True)]

    undone = editor.revert(edit)
    assert undone.undone and not editor.positions()[sdr].staff and staff_column(editor)[sdr] == 0
    editor.apply(edit)
    assert editor.positions()[sdr].staff
    assert [s.direction for s in read_steps(editor.session)] == ["redo", "undo", "do"]


def test_a_card_at_the_top_cannot_be_staff(editor: PlanEditor) -> None:
    cro = by_title(editor, "Chief Revenue Officer")
    sdr = by_title(editor, "SDR Manager")
    with pytest.raises(PlanEditError) as refused:
        set_staff(editor, [sdr, cro], True)
    assert str(refused.value) == (
        "Chief Revenue Officer has no manager: only a position under a manager can be its staff"
    )
    assert not editor.positions()[sdr].staff  # refused as a whole
    assert read_steps(editor.session) == []


def test_moving_keeps_the_mark_and_a_move_to_the_top_drops_it_in_the_same_step(
    editor: PlanEditor,
) -> None:
    sdr = by_title(editor, "SDR Manager")
    vp_cs = by_title(editor, "VP Customer Success")
    editor.perform(set_staff(editor, [sdr], True))

    editor.perform(requests.move(editor, sdr, vp_cs))
    assert editor.positions()[sdr].staff and editor.positions()[sdr].manager_id == vp_cs

    to_top = requests.move(editor, sdr, None)
    assert to_top is not None
    editor.perform(to_top)
    row = editor.positions()[sdr]
    assert row.manager_id is None and not row.staff
    editor.revert(to_top)  # one undo puts it back under the VP, as staff
    row = editor.positions()[sdr]
    assert row.manager_id == vp_cs and row.staff


def test_deleting_the_top_card_keeping_its_reports_drops_the_mark_of_its_staff(
    editor: PlanEditor,
) -> None:
    """Its reports move to the top, where nobody is beside them: as a move to the top does."""
    cro = by_title(editor, "Chief Revenue Officer")
    assistant = editor.perform(requests.add_role(editor, "executive_assistant", cro)).rows.added[0]
    assert editor.positions()[assistant].staff

    deletion = requests.delete(editor, [cro], keep_reports=True)
    editor.perform(deletion)
    row = editor.positions()[assistant]
    assert row.manager_id is None and not row.staff
    assert staff_column(editor)[assistant] == 0
    editor.revert(deletion)  # one undo: back beside the CRO, as staff
    row = editor.positions()[assistant]
    assert row.manager_id == cro and row.staff


def test_several_cards_unmarked_in_one_step(editor: PlanEditor) -> None:
    vp_sales = by_title(editor, "VP Sales")
    first = editor.perform(requests.add_role(editor, "executive_assistant", vp_sales))
    second = editor.perform(requests.add_role(editor, "deal_desk", vp_sales))
    ids = [first.rows.added[0], second.rows.added[0]]
    edit = set_staff(editor, ids, False)
    assert edit is not None and edit.text.english() == "Put 2 positions in the team row"
    editor.perform(edit)
    assert not any(editor.positions()[i].staff for i in ids)


def test_duplicating_an_assistant_gives_another_assistant(editor: PlanEditor) -> None:
    vp_sales = by_title(editor, "VP Sales")
    assistant = editor.perform(requests.add_role(editor, "executive_assistant", vp_sales))
    copy = editor.perform(requests.duplicate(editor, assistant.rows.added[0])).rows.added[0]
    assert editor.positions()[copy].staff


def test_replay_state_after_and_revert_know_the_staff_mark(editor: PlanEditor) -> None:
    image = editor.document.connection.serialize()
    sdr = by_title(editor, "SDR Manager")
    vp_sales = by_title(editor, "VP Sales")
    editor.perform(set_staff(editor, [sdr], True))  # step 1
    editor.perform(requests.add_role(editor, "chief_of_staff", vp_sales))  # step 2
    marks = staff_column(editor)

    with state_after(editor.session, 1) as then:
        rows = dict(then.session.execute(text("SELECT id, staff FROM positions")).all())
        assert rows[sdr] == 1 and len(rows) == len(marks) - 1
    connection = sqlite3.connect(":memory:")
    connection.deserialize(image)
    with PlanDocument(connection) as start, replay(start.session, editor.session) as again:
        rows = dict(again.session.execute(text("SELECT id, staff FROM positions")).all())
        assert rows == marks

    editor.perform(revert_edit(editor.session, 1))  # step 3: the mark goes, the rest stays
    assert not editor.positions()[sdr].staff
    assert sum(staff_column(editor).values()) == 1  # the chief of staff


def test_a_summary_counts_staff_as_before(editor: PlanEditor) -> None:
    sdr = by_title(editor, "SDR Manager")
    before = summarize(editor.session, editor.scenario).to_json()
    editor.perform(set_staff(editor, [sdr], True))
    assert summarize(editor.session, editor.scenario).to_json() == before
