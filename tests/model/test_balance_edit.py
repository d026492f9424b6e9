"""Balancing to the goal is one edit through PlanEditor: applied, it sets the drivers the
proposal gives; undone, the old values come back exactly."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest

from revorg.model.balance import BalanceDriver, BalanceRefusedError
from revorg.model.document import PlanDocument
from revorg.model.editing import PlanEditor, requests
from revorg.model.editing.steps import Macro
from revorg.model.errors import PlanEditError

D = Decimal


@pytest.fixture
def editor() -> Iterator[PlanEditor]:
    document = PlanDocument.from_template("demo", 2027)
    yield PlanEditor(document)
    document.close()


def targets(editor: PlanEditor) -> dict[str, object]:
    row = editor.scenario.targets
    names = ("goal", "leads", "close_rate", "average_deal", "retention", "expansion")
    return {name: getattr(row, name) for name in names}


def raise_goal(editor: PlanEditor, goal: int) -> None:
    edit = requests.set_targets(editor, {"goal": D(goal)})
    assert edit is not None
    editor.perform(edit)


def test_balancing_through_leads_sets_717_and_undo_gives_300_back(editor: PlanEditor) -> None:
    raise_goal(editor, 1_500_000)
    before = targets(editor)
    assert editor.summary().outcome.gap == D("500000.00")

    edit = requests.balance_to_goal(editor, BalanceDriver.LEADS)
    assert edit is not None
    assert edit.text.english() == "Balance to goal through leads"
    change = editor.apply(edit)

    assert change.targets == ("leads",)
    assert editor.scenario.targets.leads == 717
    assert editor.summary().outcome.total == D("1500400.00")
    editor.revert(edit)
    assert targets(editor) == before
    assert editor.scenario.targets.leads == 300
    assert editor.summary().outcome.gap == D("500000.00")


def test_proportional_changes_two_drivers_in_one_step(editor: PlanEditor) -> None:
    raise_goal(editor, 1_500_000)
    before = targets(editor)
    edit = requests.balance_to_goal(editor, "proportional")
    assert edit is not None and isinstance(edit.step, Macro)
    assert not edit.merge(edit)  # never merged with the typing of a target field
    assert edit.text.english() == "Balance to goal through new business and expansion"

    change = editor.apply(edit)

    assert set(change.targets) == {"leads", "expansion"}
    assert (editor.scenario.targets.leads, editor.scenario.targets.expansion) == (
        627,
        D("207600.00"),
    )
    assert editor.summary().outcome.gap == 0
    editor.revert(edit)
    assert targets(editor) == before


def test_a_balanced_plan_needs_no_edit(editor: PlanEditor) -> None:
    assert requests.balance_to_goal(editor, BalanceDriver.CLOSE_RATE) is None


def test_a_refused_balance_raises_and_changes_nothing(editor: PlanEditor) -> None:
    raise_goal(editor, 1_500_000)
    before = targets(editor)
    with pytest.raises(BalanceRefusedError, match=r"173\.4 %, above 100 %"):
        requests.balance_to_goal(editor, BalanceDriver.RETENTION)
    assert targets(editor) == before


def test_set_targets_sets_several_fields_as_one_step(editor: PlanEditor) -> None:
    edit = requests.set_targets(editor, {"leads": 720, "close_rate": D("0.12"), "goal": D(1)})
    assert edit is not None and edit.text.english() == "Edit targets"
    editor.perform(edit)
    assert (editor.scenario.targets.leads, editor.scenario.targets.close_rate) == (720, D("0.12"))
    editor.revert(edit)
    assert (editor.scenario.targets.leads, editor.scenario.targets.close_rate) == (300, D("0.1"))
    assert requests.set_targets(editor, {"leads": 300}) is None


def test_set_targets_refuses_a_rate_above_one_as_a_whole(editor: PlanEditor) -> None:
    with pytest.raises(PlanEditError, match="between 0 % and 100 %"):
        requests.set_targets(editor, {"leads": 720, "retention": D("1.2")})
    assert editor.scenario.targets.leads == 300
