"""Teammates' steps taken into an open team plan (revorg.model.team.live), on a real server:
the copy in memory, its History and its row versions follow the server; the user's next edit
of the same card lands; undo is refused once a teammate changed the field; a copy that cannot
take a step is left whole and asks for a reload."""

from __future__ import annotations

import select
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import text

from revorg.model.editing import PlanEditor, requests
from revorg.model.history.reading import read_steps
from revorg.model.team.address import TeamPlanAddress, parse_plan_url
from revorg.model.team.document import TeamPlanDocument
from revorg.model.team.editing import open_team_editor
from revorg.model.team.live import CatchUp, LivePlan
from tests.conftest import CliRunner
from tests.team.conftest import TeamServer
from tests.team.logins import PASSWORD, url_as
from tests.team.test_team_editing import COPY_NAMES, by_title, server_tables, tables


@pytest.fixture
def address(run_cli: CliRunner, team: TeamServer, plan_name: str, demo_file: Path
            ) -> TeamPlanAddress:  # fmt: skip
    url = team.url(plan_name)
    assert run_cli("push", demo_file, url).code == 0
    return parse_plan_url(url)


@pytest.fixture
def ana(address: TeamPlanAddress) -> Iterator[tuple[TeamPlanDocument, PlanEditor, LivePlan]]:
    """Ana's open plan, listening, as her window has it."""
    with open_team_editor(address, "Ana") as (document, editor):
        live = LivePlan(document)
        live.watch(editor)
        try:
            yield document, editor, live
        finally:
            live.close()


def notified(live: LivePlan) -> bool:
    """Wait (up to 5 s: a loaded CI machine) for the server's notice of a step."""
    ready, _, _ = select.select([live.listener.fileno()], [], [], 5)
    return bool(ready) and live.listener.has_steps(live.listener.notices())


def caught_up(live: LivePlan, editor: PlanEditor) -> CatchUp:
    assert notified(live)
    return live.catch_up(editor)


def test_a_teammates_edit_is_taken_in_and_the_users_next_edit_of_that_card_lands(
    ana: tuple[TeamPlanDocument, PlanEditor, LivePlan], address: TeamPlanAddress
) -> None:
    document, editor, live = ana
    card = by_title(editor, "VP Sales")
    editor.tree()  # the chart has drawn: its rows are cached and updated in place
    with open_team_editor(address, "Bo") as (_, bo):
        bo.perform(requests.edit_fields(bo, card, {"title": "Chief Sales Officer"}))

    done = caught_up(live, editor)

    assert done.change is not None and not done.reload
    assert done.change.rows.edited == (card,) and not done.change.anew
    assert editor.positions()[card].title == "Chief Sales Officer"
    assert editor.position(card).title == "Chief Sales Officer"  # the ORM read it again
    newest = read_steps(document.session)[0]
    assert (newest.who, [c.field for c in newest.changes]) == ("Bo", ["title"])
    assert document.version == 1
    # Her edit of the same card is no false conflict: the row's version moved with the step.
    editor.perform(requests.edit_fields(editor, card, {"title": "CSO"}))
    titles = {row[2] for row in server_tables(address)["positions"]}
    assert "CSO" in titles and "Chief Sales Officer" not in titles
    # Her own step comes back as a notice: skipped, not applied twice.
    again = caught_up(live, editor)
    assert again.change is None and document.version == 2
    assert [s.who for s in read_steps(document.session)] == ["Ana", "Bo"]


def test_a_teammates_goal_changes_the_numbers(
    ana: tuple[TeamPlanDocument, PlanEditor, LivePlan], address: TeamPlanAddress
) -> None:
    _document, editor, live = ana
    assert editor.summary().inputs.goal == Decimal(1_000_000)
    with open_team_editor(address, "Bo") as (_, bo):
        bo.perform(requests.set_target(bo, "goal", Decimal(1_250_000)))
    done = caught_up(live, editor)
    assert done.change is not None and done.change.targets == ("goal",)
    assert editor.summary().inputs.goal == Decimal(1_250_000)


def test_cards_added_and_removed_and_a_scenario_copied_are_taken_in(
    ana: tuple[TeamPlanDocument, PlanEditor, LivePlan], address: TeamPlanAddress
) -> None:
    document, editor, live = ana
    editor.tree()
    vp_sales, vp_marketing = by_title(editor, "VP Sales"), by_title(editor, "VP Marketing")
    reports = [r.id for r in editor.positions().values() if r.manager_id == vp_marketing]
    assert len(reports) == 3  # the demo: content, SEO and acquisition under marketing
    with open_team_editor(address, "Bo") as (_, bo):
        bo.perform(requests.add_role(bo, "sdr", vp_sales))
        bo.perform(requests.delete(bo, [vp_marketing], keep_reports=False))
        bo.perform(requests.copy_scenario(bo, COPY_NAMES, "Stretch"))

    assert notified(live)
    done = live.catch_up(editor)

    assert done.change is not None and len(done.steps) == 3
    rows = done.change.rows
    assert len(rows.added) == 1 and set(rows.removed) == {vp_marketing, *reports}
    assert done.change.scenarios
    assert tables(document.session) == server_tables(address)
    assert [s.name for s in document.plan.scenarios][-1] == "Stretch"
    assert len(editor.positions()) == 19 + 1 - 4
    # A card of the copy, edited by her, lands: the copy's rows have their versions.
    copy = max(s.id for s in document.plan.scenarios)
    editor.switch_scenario(copy)
    editor.perform(requests.edit_fields(editor, by_title(editor, "VP Sales"), {"title": "X"}))
    assert tables(document.session) == server_tables(address)


def test_undo_is_refused_once_a_teammates_change_of_the_same_field_was_taken_in(
    ana: tuple[TeamPlanDocument, PlanEditor, LivePlan], address: TeamPlanAddress
) -> None:
    _document, editor, live = ana
    vp, cmo = by_title(editor, "VP Sales"), by_title(editor, "VP Marketing")
    renamed = requests.edit_fields(editor, vp, {"title": "CSO"})
    other = requests.edit_fields(editor, cmo, {"title": "CMO"})
    assert renamed is not None and other is not None
    editor.perform(renamed)
    editor.perform(other)
    assert live.undo_refusal(renamed) is None
    with open_team_editor(address, "Bo") as (_, bo):
        bo.perform(requests.edit_fields(bo, vp, {"title": "Chief Sales Officer"}))
    caught_up(live, editor)

    refusal = live.undo_refusal(renamed)
    assert refusal is not None
    assert str(refusal).startswith(f"Bo changed position {vp} since your edit (at 20")
    assert live.undo_refusal(other) is None  # nobody else touched that card
    editor.revert(other)
    # Without the check the server would take the undo (the versions are current now):
    # that is exactly why the window asks first.
    assert editor.position(vp).title == "Chief Sales Officer"


def test_a_step_the_copy_cannot_take_leaves_it_whole_and_asks_for_a_reload(
    ana: tuple[TeamPlanDocument, PlanEditor, LivePlan], address: TeamPlanAddress
) -> None:
    document, editor, live = ana
    vp = by_title(editor, "VP Sales")
    # The copy damaged (by hand): Bo's step will not find the title it changed.
    document.session.execute(
        text("UPDATE positions SET title = 'Tampered' WHERE id = :id"), {"id": vp}
    )
    before = tables(document.session)
    steps_before = len(read_steps(document.session))
    with open_team_editor(address, "Bo") as (_, bo):
        bo.perform(requests.add_role(bo, "sdr", vp))
        bo.perform(requests.edit_fields(bo, vp, {"title": "CSO"}))

    done = caught_up(live, editor)

    assert done.reload and done.change is None
    assert tables(document.session) == before  # not the first step alone
    assert len(read_steps(document.session)) == steps_before
    assert live.seen == 0


def test_a_gap_in_the_servers_steps_asks_for_a_reload(
    ana: tuple[TeamPlanDocument, PlanEditor, LivePlan], address: TeamPlanAddress,
    team: TeamServer,
) -> None:  # fmt: skip
    document, editor, live = ana
    vp = by_title(editor, "VP Sales")
    with open_team_editor(address, "Bo") as (_, bo):
        bo.perform(requests.edit_fields(bo, vp, {"title": "CSO"}))
        bo.perform(requests.edit_fields(bo, vp, {"person_name": "Dana"}))
    # Step 1 gone from the server's log (a compaction there): the copy cannot know what it did.
    schema = document.registered.schema
    team.admin(f"DELETE FROM {schema}.history_changes WHERE step_id = 1")
    team.admin(f"DELETE FROM {schema}.history_steps WHERE id = 1")

    done = caught_up(live, editor)

    assert done.reload and done.change is None
    assert editor.position(vp).title == "VP Sales" and live.seen == 0


def test_a_viewers_copy_takes_in_steps_with_salaries_withheld(
    address: TeamPlanAddress, team: TeamServer, run_cli: CliRunner,
    make_user: Callable[[str], str], monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    vera = make_user("vera")
    url = team.url(address.plan)
    assert run_cli("team", "grant", url, "--user", vera, "--role", "viewer").code == 0
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    document = TeamPlanDocument(parse_plan_url(url_as(team, vera, address.plan)))
    live = LivePlan(document)
    monkeypatch.delenv("PGPASSWORD")
    try:
        editor = PlanEditor(document)
        editor.tree()
        vp = by_title(editor, "VP Sales")
        with open_team_editor(address, "Ana") as (_, ana):
            ana.perform(requests.edit_fields(ana, vp, {"annual_cost": Decimal(151_234)}))
            ana.perform(requests.add_role(ana, "sdr", vp))
            ana.perform(requests.edit_fields(ana, vp, {"title": "CSO"}))

        done = caught_up(live, editor)

        assert not done.reload and len(done.steps) == 3
        assert editor.position(vp).title == "CSO"
        added = [r for r in editor.positions().values() if r.manager_id == vp and r.id > 19]
        assert len(added) == 1
        costs = {editor.position(i).annual_cost for i in (vp, added[0].id)}
        assert costs == {Decimal(0)}  # the viewer still has no salaries
        log = document.session.execute(text("SELECT old, new FROM history_changes")).all()
        assert "151234" not in str(tables(document.session)) + str(log)
    finally:
        live.close()
        document.close()
