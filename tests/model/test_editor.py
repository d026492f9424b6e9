"""The edit core without Qt: every edit goes through PlanEditor, which says what it changed."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from sqlalchemy import text

from revorg.model.document import PlanDocument
from revorg.model.editing import Change, Edit, FieldChange, PlanEditor, RecordKind, requests
from revorg.model.editing.change import WHOLE_RECORD
from revorg.model.errors import PlanEditError
from revorg.model.summary import summarize

COPY_NAMES = ("{name} (copy)", "{name} (copy {number})")


@pytest.fixture
def editor() -> Iterator[PlanEditor]:
    document = PlanDocument.from_template("demo", 2027)
    yield PlanEditor(document)
    document.close()


@pytest.fixture
def changes(editor: PlanEditor) -> list[Change]:
    seen: list[Change] = []
    editor.subscribe(seen.append)
    return seen


def by_title(editor: PlanEditor, title: str) -> int:
    return next(row.id for row in editor.positions().values() if row.title == title)


def table_dump(editor: PlanEditor) -> list[tuple[object, ...]]:
    session = editor.session
    session.flush()
    rows = []
    for table in ("positions", "dotted_lines", "scenarios", "targets", "assumptions"):
        rows += [(table, *row) for row in session.execute(text(f"SELECT * FROM {table}"))]
    return sorted(rows, key=repr)


def test_a_headcount_edit_says_which_card_and_which_value_changed(
    editor: PlanEditor, changes: list[Change]
) -> None:
    csm = by_title(editor, "Customer Success Managers")
    edit = requests.edit_fields(editor, csm, {"headcount": 3})
    assert edit is not None
    assert edit.text.english() == "Edit Customer Success Managers"

    change = editor.perform(edit)

    assert changes == [change]
    assert change.rows.edited == (csm,) and not change.rows.reshaped
    assert change.records == (
        FieldChange(editor.scenario_id, RecordKind.POSITION, csm, "headcount", 2, 3),
    )
    assert editor.positions()[csm].headcount == 3
    # The cached sums follow the edit exactly, as a fresh computation gives them.
    fresh = summarize(editor.session, editor.scenario)
    assert editor.summary().total.headcount == fresh.total.headcount == 21  # 18 + 3


def test_revert_puts_every_row_back_and_reports_the_values_the_other_way(
    editor: PlanEditor, changes: list[Change]
) -> None:
    before = table_dump(editor)
    vp_sales = by_title(editor, "VP Sales")
    edit = requests.delete(editor, [vp_sales], keep_reports=False)

    done = editor.apply(edit)
    undone = editor.revert(edit)

    assert len(done.rows.removed) == 7  # the VP, the SDR manager, 2 SDRs and 3 AEs
    assert sorted(undone.rows.added) == sorted(done.rows.removed)
    assert undone.undone and undone.records == tuple(r.reversed() for r in done.records)
    assert {r.field for r in done.records} == {WHOLE_RECORD}
    assert table_dump(editor) == before


def test_a_refused_request_changes_nothing_and_tells_nobody(
    editor: PlanEditor, changes: list[Change]
) -> None:
    before = table_dump(editor)
    cro, ana = by_title(editor, "Chief Revenue Officer"), by_title(editor, "VP Sales")

    with pytest.raises(PlanEditError, match="headcount must be a whole number"):
        requests.edit_fields(editor, ana, {"headcount": 0})
    with pytest.raises(PlanEditError, match="cannot report to VP Sales: VP Sales already"):
        requests.move(editor, cro, ana)

    assert changes == []
    assert table_dump(editor) == before


def test_a_step_that_fails_rolls_back_and_the_error_reaches_the_caller(
    editor: PlanEditor, changes: list[Change]
) -> None:
    before = table_dump(editor)
    ae = by_title(editor, "Support Engineer")
    edit = requests.edit_fields(editor, ae, {"title": "Support lead"})
    assert edit is not None
    editor.apply(edit)
    editor.revert(edit)
    # Someone else removed the position meanwhile: applying the edit again must fail whole.
    editor.perform(requests.delete(editor, [ae], keep_reports=False))
    changes.clear()

    with pytest.raises(PlanEditError, match="no position"):
        editor.apply(edit)

    assert changes == []
    assert ae not in editor.positions()
    assert len(table_dump(editor)) == len(before) - 1


def test_recorders_run_inside_the_edit_and_can_refuse_it(editor: PlanEditor) -> None:
    before = table_dump(editor)
    recorded: list[Change] = []

    def refuse(_edit: Edit, change: Change) -> None:
        recorded.append(change)
        raise PlanEditError("the log is full")

    editor.add_recorder(refuse)
    edit = requests.set_target(editor, "goal", Decimal(1500000))
    assert edit is not None

    with pytest.raises(PlanEditError, match="log is full"):
        editor.apply(edit)

    assert [c.records for c in recorded] == [
        (FieldChange(editor.scenario_id, RecordKind.TARGET, editor.scenario_id, "goal",
                     Decimal(1000000), Decimal(1500000)),)
    ]  # fmt: skip
    assert table_dump(editor) == before
    assert editor.summary().outcome.gap == 0


def test_target_edits_typed_in_one_field_merge_into_one_step(editor: PlanEditor) -> None:
    first = requests.set_target(editor, "goal", Decimal(1200000), typing=7)
    assert first is not None
    editor.apply(first)
    second = requests.set_target(editor, "goal", Decimal(1500000), typing=7)
    other_field = requests.set_target(editor, "leads", 400, typing=7)
    assert second is not None and other_field is not None
    editor.apply(second)

    assert first.merge(second)
    assert not first.merge(other_field)
    assert editor.summary().outcome.gap == Decimal(500000)  # 1,500,000 - 1,000,000 short
    change = editor.revert(first)  # undoing the merged step restores the value before typing
    assert change.targets == ("goal",)
    assert editor.scenario.targets.goal == Decimal(1000000)


def test_copying_a_scenario_switches_to_the_copy_and_undo_comes_back(
    editor: PlanEditor, changes: list[Change]
) -> None:
    base = editor.scenario_id
    edit = requests.copy_scenario(editor, COPY_NAMES)

    made = editor.apply(edit)
    assert made.switched and made.scenarios and editor.scenario_id != base
    assert [s.name for s in editor.scenarios()] == ["Base", "Base (copy)"]
    assert len(editor.positions()) == 19

    back = editor.revert(edit)
    assert back.switched and editor.scenario_id == base
    assert [s.name for s in editor.scenarios()] == ["Base"]


def test_the_last_scenario_cannot_be_deleted(editor: PlanEditor) -> None:
    with pytest.raises(PlanEditError, match="at least one scenario"):
        requests.delete_scenario(editor, editor.scenario_id)


def test_suggested_hires_close_the_gap_after_the_goal_rises(editor: PlanEditor) -> None:
    editor.perform(requests.set_target(editor, "leads", 600))  # type: ignore[arg-type]
    hires = requests.apply_suggested_hires(editor)
    assert hires is not None

    change = editor.perform(hires)

    assert change.rows.added and hires.text.template == "Add %1 suggested hires"
    assert not editor.summary().capacity.hires_needed


def test_step_names_fill_placeholders_once() -> None:
    from revorg.model.editing import KeyLabel, StepText

    assert StepText("Move %1", ("50%2 AE",)).english() == "Move 50%2 AE"
    assert StepText("Edit %1", (KeyLabel("target", "close_rate"),)).english() == "Edit close rate"


def test_a_failed_undo_in_another_scenario_still_says_which_scenario_is_current(
    editor: PlanEditor, changes: list[Change]
) -> None:
    """The views follow the editor to the scenario the edit was made in, even when the edit
    then fails there (nothing else changed)."""
    base = editor.scenario_id
    copy = requests.copy_scenario(editor, COPY_NAMES)
    editor.apply(copy)
    in_copy = requests.edit_fields(editor, by_title(editor, "Support Engineer"), {"headcount": 2})
    assert in_copy is not None
    editor.apply(in_copy)
    editor.switch_scenario(base)
    editor.session.execute(text("DELETE FROM positions WHERE scenario_id != :base"), {"base": base})
    changes.clear()

    with pytest.raises(PlanEditError):
        editor.revert(in_copy)

    assert editor.scenario_id == copy.step.snapshot.scenario_id  # type: ignore[attr-defined]
    assert [(c.switched, c.records) for c in changes] == [(True, ())]
