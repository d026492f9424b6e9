"""Revert one step of the history now: its inverse as a new edit (recorded, undoable), only when
no later step changed the same values; otherwise the refusal names that later step."""

from __future__ import annotations

from decimal import Decimal

import pytest

from revorg.model.editing import PlanEditor, requests
from revorg.model.errors import PlanEditError
from revorg.model.history.browse import StepFilter, page
from revorg.model.history.chain import verify
from revorg.model.history.revert import RevertRefusedError, restore_edit, revert_edit
from revorg.model.months import YearMonth
from revorg.model.scenarios import copy_scenario_rows
from tests.model.history.conftest import Who, by_title


def test_reverting_a_goal_puts_it_back_as_a_new_step_that_can_be_undone(
    editor: PlanEditor,
) -> None:
    editor.perform(requests.set_target(editor, "goal", Decimal(1_200_000)))
    editor.perform(requests.set_target(editor, "leads", 320))

    edit = revert_edit(editor.session, 1)
    editor.apply(edit)
    assert editor.scenario.targets.goal == Decimal(1_000_000)
    assert editor.scenario.targets.leads == 320  # step 2 stays
    newest = page(editor.session, StepFilter(), limit=1)[0]
    assert newest.text.english() == "Revert “Edit goal”"
    assert [(c.field, c.old, c.new) for c in newest.changes] == [
        ("goal", "1200000.00", "1000000.00")
    ]
    editor.revert(edit)
    assert editor.scenario.targets.goal == Decimal(1_200_000)
    assert verify(editor.session) is None


def test_a_later_change_of_the_same_field_is_named_in_the_refusal(
    editor: PlanEditor, who: Who
) -> None:
    sdr = by_title(editor, "SDR Manager")
    editor.perform(requests.edit_fields(editor, sdr, {"headcount": 2}))
    editor.perform(requests.edit_fields(editor, sdr, {"title": "SDR Lead"}))  # another field
    who.name = "Luis"
    editor.perform(requests.move(editor, sdr, by_title(editor, "Chief Revenue Officer")))
    editor.perform(requests.edit_fields(editor, sdr, {"headcount": 3}))

    with pytest.raises(RevertRefusedError) as refused:
        revert_edit(editor.session, 1)
    assert refused.value.later is not None and refused.value.later.id == 4
    assert str(refused.value) == ("changed again by Luis at 2027-01-04T09:30:00Z: Edit SDR Lead")
    # The title's step is free: only the title goes back.
    editor.perform(revert_edit(editor.session, 2))
    assert editor.position(sdr).title == "SDR Manager"
    assert editor.position(sdr).headcount == 3


def test_reverting_a_move_gives_the_card_its_manager_back(editor: PlanEditor) -> None:
    sdr = by_title(editor, "SDR Manager")
    vp_sales, cro = by_title(editor, "VP Sales"), by_title(editor, "Chief Revenue Officer")
    editor.perform(requests.move(editor, sdr, cro))
    editor.perform(revert_edit(editor.session, 1))
    assert editor.position(sdr).manager_id == vp_sales
    assert editor.tree().reports(vp_sales).count(sdr) == 1


def test_reverting_an_added_card_removes_it(editor: PlanEditor) -> None:
    vp_sales = by_title(editor, "VP Sales")
    before = len(editor.positions())
    editor.perform(requests.add_role(editor, "sdr", vp_sales))
    assert len(editor.positions()) == before + 1
    editor.perform(revert_edit(editor.session, 1))
    assert len(editor.positions()) == before


def test_a_deleted_team_comes_back_with_its_ids_and_dotted_lines(editor: PlanEditor) -> None:
    vp_cs = by_title(editor, "VP Customer Success")
    team = sorted(editor.tree().subtree(vp_cs))
    account_manager = by_title(editor, "Account Manager")
    ae = next(p.id for p in editor.positions().values() if p.title == "Account Executive")
    editor.perform(requests.set_dotted_line(editor, ae, account_manager, True))
    editor.perform(requests.delete(editor, [vp_cs], keep_reports=False))
    assert vp_cs not in editor.positions()
    assert editor.scenario.dotted_lines == []

    editor.perform(revert_edit(editor.session, 2))
    assert sorted(editor.tree().subtree(vp_cs)) == team
    assert editor.position(account_manager).manager_id == vp_cs
    assert [(d.from_position_id, d.to_position_id) for d in editor.scenario.dotted_lines] == [
        (ae, account_manager)
    ]
    assert verify(editor.session) is None


def test_a_card_deleted_keeping_its_reports_gets_them_back(editor: PlanEditor) -> None:
    sdr_manager, vp_sales = by_title(editor, "SDR Manager"), by_title(editor, "VP Sales")
    sdrs = editor.tree().reports(sdr_manager)
    editor.perform(requests.delete(editor, [sdr_manager], keep_reports=True))
    assert all(editor.position(sdr).manager_id == vp_sales for sdr in sdrs)
    editor.perform(revert_edit(editor.session, 1))
    assert editor.position(sdr_manager).manager_id == vp_sales
    assert editor.tree().reports(sdr_manager) == sdrs


def test_a_deleted_scenario_is_pointed_to_restore(editor: PlanEditor) -> None:
    names = ("{name} (copy)", "{name} (copy {number})")
    editor.perform(requests.copy_scenario(editor, names, "Lean"))
    editor.perform(requests.delete_scenario(editor, editor.scenario_id))
    with pytest.raises(RevertRefusedError, match="restore the step before it as a new"):
        revert_edit(editor.session, 2)


def test_an_undone_step_cannot_be_reverted_again(editor: PlanEditor) -> None:
    edit = requests.set_target(editor, "goal", Decimal(1_200_000))
    assert edit is not None
    editor.apply(edit)
    editor.revert(edit)  # step 2: the undo
    with pytest.raises(RevertRefusedError) as refused:
        revert_edit(editor.session, 1)
    assert refused.value.later is not None and refused.value.later.direction == "undo"


def test_reverting_plan_settings_moves_start_months_back(editor: PlanEditor) -> None:
    seo = by_title(editor, "SEO Specialist")
    assert editor.position(seo).start_month == YearMonth(2027, 3)
    editor.perform(requests.plan_settings(editor, name="Board plan", fiscal_year=2028))
    assert editor.position(seo).start_month == YearMonth(2028, 3)
    editor.perform(revert_edit(editor.session, 1))
    assert editor.position(seo).start_month == YearMonth(2027, 3)
    plan = editor.scenario.plan
    assert plan.name != "Board plan"
    assert plan.fiscal_year == 2027


def test_a_step_in_another_scenario_is_reverted_there(editor: PlanEditor) -> None:
    base = editor.scenario_id
    editor.perform(requests.set_target(editor, "goal", Decimal(1_200_000)))
    editor.perform(requests.copy_scenario(editor, ("{name} (copy)", "{name} (copy {number})")))
    copy = editor.scenario_id
    assert copy != base
    editor.perform(revert_edit(editor.session, 1))
    assert editor.scenario_id == base  # shown where it happens
    assert editor.scenario.targets.goal == Decimal(1_000_000)
    editor.switch_scenario(copy)
    assert editor.scenario.targets.goal == Decimal(1_200_000)


def test_an_unknown_step_is_refused(editor: PlanEditor) -> None:
    with pytest.raises(RevertRefusedError, match="there is no step 9"):
        revert_edit(editor.session, 9)


def test_dotted_lines_and_scenario_names_go_back(editor: PlanEditor) -> None:
    ae, csm = by_title(editor, "Account Manager"), by_title(editor, "Customer Success Managers")
    editor.perform(requests.set_dotted_line(editor, ae, csm, True))
    assert len(editor.scenario.dotted_lines) == 1
    editor.perform(revert_edit(editor.session, 1))
    assert len(editor.scenario.dotted_lines) == 0
    editor.perform(revert_edit(editor.session, 2))  # the revert reverted: the line is back
    assert [(d.from_position_id, d.to_position_id) for d in editor.scenario.dotted_lines] == [
        (ae, csm)
    ]
    editor.perform(requests.rename_scenario(editor, editor.scenario_id, "Board"))
    editor.perform(revert_edit(editor.session, 4))
    assert editor.scenario.name == "Base"


def test_a_copied_scenario_goes_unless_something_was_changed_in_it(editor: PlanEditor) -> None:
    names = ("{name} (copy)", "{name} (copy {number})")
    editor.perform(requests.copy_scenario(editor, names, "Lean"))
    editor.perform(requests.copy_scenario(editor, names, "Lean 2"))
    editor.perform(requests.set_target(editor, "goal", Decimal(900_000)))  # in Lean 2
    with pytest.raises(RevertRefusedError) as refused:
        revert_edit(editor.session, 2)
    assert refused.value.later is not None and refused.value.later.id == 3
    editor.perform(revert_edit(editor.session, 1))
    assert [s.name for s in editor.scenarios()] == ["Base", "Lean 2"]


def test_a_state_restored_as_a_new_scenario_is_one_edit(editor: PlanEditor) -> None:
    base = editor.scenario_id
    editor.perform(requests.set_target(editor, "goal", Decimal(1_200_000)))
    # As the log's replay would give it: a snapshot with fresh ids.
    snapshot = copy_scenario_rows(editor.session, base, "whatever")
    with pytest.raises(PlanEditError, match="already"):
        restore_edit(editor.session, snapshot, "Base", 1, base)
    edit = restore_edit(editor.session, snapshot, "  Board plan  ", 1, base)
    editor.apply(edit)
    assert [s.name for s in editor.scenarios()] == ["Base", "Board plan"]
    assert editor.scenario.name == "Board plan"  # shown once made
    assert editor.scenario.targets.goal == Decimal(1_200_000)
    newest = page(editor.session, StepFilter(), limit=1)[0]
    assert newest.text.english() == "Restore step 1 as Board plan"
    editor.revert(edit)
    assert [s.name for s in editor.scenarios()] == ["Base"]
