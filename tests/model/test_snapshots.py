"""Snapshots: a frozen, named copy of a scenario, taken and deleted as undoable edits, never
edited, never listed among the scenarios, compared and restored like one."""

from decimal import Decimal

import pytest

from revorg.model.comparison import compare_scenarios
from revorg.model.document import PlanDocument
from revorg.model.editing import PlanEditor, requests
from revorg.model.entities import Scenario
from revorg.model.errors import PlanEditError, PlanFileError
from revorg.model.history.reading import read_steps
from revorg.model.history.recording import attach_recorder
from revorg.model.snapshots import resolve_compared, snapshot_info
from revorg.model.summary import summarize

AT = "2026-12-03T10:00:00Z"
COPY_NAMES = ("{name} (copy)", "{name} (copy {number})")


@pytest.fixture
def editor(demo_document: PlanDocument) -> PlanEditor:
    return PlanEditor(demo_document)


def snapshot(editor: PlanEditor, name: str = "Board plan FY27") -> Scenario:
    editor.perform(requests.take_snapshot(editor, name, "Ana", AT))
    found = editor.document.plan.snapshot_named(name)
    assert found is not None
    return found


def test_a_snapshot_keeps_the_figures_when_the_scenario_changes(editor: PlanEditor) -> None:
    board = snapshot(editor)
    editor.perform(requests.set_target(editor, "goal", Decimal(1200000)))
    comparison = compare_scenarios(editor.session, board, editor.scenario)
    assert (comparison.targets.a.goal, comparison.targets.b.goal) == (1000000, 1200000)
    assert comparison.targets.delta.goal == 200000
    # Same cards (lineage kept), same totals: only the goal and so the gap moved.
    assert comparison.positions.added == comparison.positions.removed == ()
    assert comparison.totals.delta.headcount == 0
    assert comparison.targets.delta.gap == 200000
    info = snapshot_info(board)
    assert (info.name, info.source, info.taken_by, info.taken_at) == (
        "Board plan FY27",
        "Base",
        "Ana",
        AT,
    )


def test_snapshots_are_not_scenarios_and_the_screen_stays(editor: PlanEditor) -> None:
    board = snapshot(editor)
    plan = editor.document.plan
    assert [s.name for s in plan.scenarios] == ["Base"]
    assert [s.name for s in editor.scenarios()] == ["Base"]
    assert [s.name for s in plan.snapshots] == ["Board plan FY27"]
    assert editor.scenario.name == "Base"
    assert board.is_snapshot and not editor.scenario.is_snapshot
    # A snapshot's name is taken: no copy may use it, and the next copy counts on.
    with pytest.raises(PlanEditError, match="already has a snapshot named 'Board plan FY27'"):
        requests.copy_scenario(editor, COPY_NAMES, "Board plan FY27")
    with pytest.raises(PlanFileError, match="no scenario named 'Board plan FY27'"):
        editor.document.scenario("Board plan FY27")


def test_no_edit_is_ever_made_in_a_snapshot(editor: PlanEditor) -> None:
    board = snapshot(editor)
    goal_before = board.targets.goal
    editor.switch_scenario(board.id)  # reading is allowed (exports draw a snapshot)
    with pytest.raises(PlanEditError, match="'Board plan FY27' is a snapshot and cannot be"):
        editor.perform(requests.set_target(editor, "goal", Decimal(5)))
    cro = next(p for p in editor.positions().values() if p.role_key == "cro")
    with pytest.raises(PlanEditError, match="is a snapshot"):
        editor.perform(requests.edit_fields(editor, cro.id, {"headcount": 3}))
    editor.switch_scenario(editor.document.scenario().id)
    for refused in (
        lambda: requests.rename_scenario(editor, board.id, "Other"),
        lambda: requests.delete_scenario(editor, board.id),
    ):
        with pytest.raises(PlanEditError, match="is a snapshot"):
            refused()
    assert board.targets.goal == goal_before == 1000000
    assert summarize(editor.session, board).total.headcount == 20


def test_moving_the_fiscal_year_leaves_snapshots_as_taken(editor: PlanEditor) -> None:
    board = snapshot(editor)
    starts = sorted(str(p.start_month) for p in board.positions if p.start_month)
    assert starts  # the demo has open positions with a start month
    editor.perform(requests.plan_settings(editor, fiscal_year=2028))
    editor.session.expire_all()
    assert sorted(str(p.start_month) for p in board.positions if p.start_month) == starts
    assert all(
        str(p.start_month).startswith("2028")
        for p in editor.scenario.positions
        if p.start_month and p.is_open
    )


def test_take_and_delete_undo_and_redo_with_the_same_rows(editor: PlanEditor) -> None:
    take = requests.take_snapshot(editor, "Q1", "Ana", AT)
    editor.perform(take)
    board = editor.document.plan.snapshot_named("Q1")
    assert board is not None
    board_id, position_ids = board.id, sorted(p.id for p in board.positions)
    editor.revert(take)
    assert editor.document.plan.snapshots == []
    editor.apply(take)
    again = editor.document.plan.snapshot_named("Q1")
    assert again is not None and again.id == board_id
    assert sorted(p.id for p in again.positions) == position_ids
    delete = requests.delete_snapshot(editor, board_id)
    editor.perform(delete)
    assert editor.document.plan.snapshots == []
    assert editor.scenario.name == "Base"
    editor.revert(delete)
    back = editor.document.plan.snapshot_named("Q1")
    assert back is not None and snapshot_info(back).taken_by == "Ana"
    assert sorted(p.id for p in back.positions) == position_ids


def test_restore_makes_an_editable_scenario_with_the_snapshot_figures(
    editor: PlanEditor,
) -> None:
    board = snapshot(editor)
    editor.perform(requests.set_target(editor, "goal", Decimal(1200000)))
    restore = requests.restore_snapshot(editor, board.id, "Board again")
    editor.perform(restore)
    restored = editor.document.scenario("Board again")
    assert editor.scenario_id == restored.id  # shown, as a new copy is
    assert not restored.is_snapshot and restored.targets.goal == 1000000
    editor.perform(requests.set_target(editor, "goal", Decimal(900000)))
    assert restored.targets.goal == 900000 and board.targets.goal == 1000000
    with pytest.raises(PlanEditError, match="already has a scenario named 'Base'"):
        requests.restore_snapshot(editor, board.id, "Base")


def test_a_scenario_with_snapshots_is_still_the_plan_s_last_one(editor: PlanEditor) -> None:
    snapshot(editor)
    with pytest.raises(PlanEditError, match="at least one scenario"):
        requests.delete_scenario(editor, editor.scenario_id)


def test_taking_a_snapshot_is_one_step_of_the_change_log(editor: PlanEditor) -> None:
    attach_recorder(editor, "Ana")
    snapshot(editor, "Before the offsite")
    (step,) = read_steps(editor.session)
    assert (step.who, step.text.english()) == ("Ana", "Take snapshot Before the offsite")


def test_compare_names_a_snapshot_with_its_prefix(editor: PlanEditor) -> None:
    board = snapshot(editor)
    plan = editor.document.plan
    assert resolve_compared(plan, "snapshot:Board plan FY27") is board
    assert resolve_compared(plan, "Base") is editor.scenario
    with pytest.raises(PlanFileError, match="is a snapshot: write 'snapshot:Board plan FY27'"):
        resolve_compared(plan, "Board plan FY27")
    with pytest.raises(PlanFileError, match="no snapshot named 'Q9'; the plan has 'Board"):
        resolve_compared(plan, "snapshot:Q9")
