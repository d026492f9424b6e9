"""The History panel's reading of the log: pages newest first, by key, filtered by person,
scenario, card (by lineage, across copies of a scenario) and time."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import text

from revorg.model.editing import PlanEditor, requests
from revorg.model.history.browse import (
    ChainCheck,
    StepFilter,
    card_steps,
    newest_id,
    page,
    people,
)
from revorg.model.history.chain import verify
from tests.model.history.conftest import Who, by_title

COPY_NAMES = ("{name} (copy)", "{name} (copy {number})")


def make_steps(editor: PlanEditor, who: Who) -> None:
    """1 goal (Ana), 2 SDR headcount (Ana), 3 copy of Base (Luis), 4 SDR title in the copy
    (Luis), 5 AE cost in Base (Ana), 6 leads in Base (Ana)."""
    base = editor.scenario_id
    sdr = by_title(editor, "SDR Manager")
    editor.perform(requests.set_target(editor, "goal", Decimal(1_200_000)))
    editor.perform(requests.edit_fields(editor, sdr, {"headcount": 2}))
    who.name = "Luis"
    editor.perform(requests.copy_scenario(editor, COPY_NAMES))
    copy_sdr = by_title(editor, "SDR Manager")
    editor.perform(requests.edit_fields(editor, copy_sdr, {"title": "SDR Lead"}))
    who.name = "Ana"
    editor.switch_scenario(base)
    ae = next(p.id for p in editor.positions().values() if p.title == "Account Executive")
    editor.perform(requests.edit_fields(editor, ae, {"annual_cost": Decimal(70_000)}))
    editor.perform(requests.set_target(editor, "leads", 320))


def test_pages_are_newest_first_and_continue_after_the_last_id(
    editor: PlanEditor, who: Who
) -> None:
    make_steps(editor, who)
    first = page(editor.session, StepFilter(), limit=4)
    assert [s.id for s in first] == [6, 5, 4, 3]
    rest = page(editor.session, StepFilter(), before=first[-1].id, limit=4)
    assert [s.id for s in rest] == [2, 1]
    assert page(editor.session, StepFilter(), before=1) == []
    assert newest_id(editor.session) == 6
    assert [(c.field, c.old, c.new) for c in first[0].changes] == [("leads", 300, 320)]


def test_filters_by_person_scenario_and_time(editor: PlanEditor, who: Who) -> None:
    make_steps(editor, who)
    session = editor.session
    assert people(session) == ["Ana", "Luis"]
    assert [s.id for s in page(session, StepFilter(who="Luis"))] == [4, 3]
    copy = max(s.id for s in editor.scenarios())
    # The copy: the step that made it and the edit made in it.
    assert [s.id for s in page(session, StepFilter(scenario_id=copy))] == [4, 3]
    base = min(s.id for s in editor.scenarios())
    assert [s.id for s in page(session, StepFilter(scenario_id=base))] == [6, 5, 3, 2, 1]
    # Steps 2 to 4 were recorded on 2 to 4 January (UTC); the end is excluded.
    days = StepFilter(since="2027-01-02T00:00:00Z", until="2027-01-05T00:00:00Z")
    assert [s.id for s in page(session, days)] == [4, 3, 2]
    both = StepFilter(who="Ana", since="2027-01-02T00:00:00Z", until="2027-01-05T00:00:00Z")
    assert [s.id for s in page(session, both)] == [2]


def test_a_card_is_followed_into_the_copies_of_its_scenario(editor: PlanEditor, who: Who) -> None:
    make_steps(editor, who)
    sdr = by_title(editor, "SDR Manager")
    lineage = editor.position(sdr).lineage
    assert lineage is not None
    steps = card_steps(editor.session, lineage)
    # The copy's title (step 4) and the headcount in Base (step 2); not the goal nor the AE.
    assert [s.id for s in steps] == [4, 2]
    assert [(c.field, c.old, c.new) for c in steps[0].changes] == [
        ("title", "SDR Manager", "SDR Lead")
    ]
    assert [(c.field, c.old, c.new) for c in steps[1].changes] == [("headcount", 1, 2)]
    only_luis = page(editor.session, StepFilter(who="Luis", lineage=lineage))
    assert [s.id for s in only_luis] == [4]


def test_a_card_that_was_never_changed_has_no_steps(editor: PlanEditor, who: Who) -> None:
    make_steps(editor, who)
    cro = editor.position(by_title(editor, "Chief Revenue Officer"))
    assert cro.lineage is not None
    assert card_steps(editor.session, cro.lineage) == []


def test_the_check_in_slices_says_what_verify_says(editor: PlanEditor, who: Who) -> None:
    make_steps(editor, who)
    session = editor.session
    check = ChainCheck(session, slice_steps=2)
    slices = 1
    while not check.advance():
        slices += 1
    assert (check.problem, slices) == (None, 4)  # 6 steps, 2 at a time, then the ends
    session.execute(text("UPDATE history_steps SET who = 'Eve' WHERE id = 3"))
    check = ChainCheck(session, slice_steps=2)
    while not check.advance():
        pass
    assert check.problem == verify(session)
    assert check.problem is not None and check.problem.step_id == 3
