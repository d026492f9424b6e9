"""Editing a team plan on a real server: each edit one step, sent as it is made, refused when a
teammate changed the same row since it was read (who and when said), never silently lost."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from revorg.model.document import PlanDocument
from revorg.model.editing import PlanEditor, requests
from revorg.model.history.replay import replay
from revorg.model.team.address import TeamPlanAddress, parse_plan_url
from revorg.model.team.conflicts import TeamConflictError
from revorg.model.team.document import open_team_plan
from revorg.model.team.editing import open_team_editor

COPY_NAMES = ("{name} (copy)", "{name} (copy {number})")
PLAN_TABLES = ("plan", "scenarios", "targets", "positions", "dotted_lines", "assumptions")


def tables(session: Session) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the plan's tables, as stored, in key order."""
    session.flush()
    return {
        table: [tuple(row) for row in session.execute(text(f"SELECT * FROM {table} ORDER BY 1"))]
        for table in PLAN_TABLES
    }


def by_title(editor: PlanEditor, title: str) -> int:
    return next(row.id for row in editor.positions().values() if row.title == title)


@pytest.fixture
def address(published: str) -> TeamPlanAddress:
    return parse_plan_url(published)


def server_tables(address: TeamPlanAddress) -> dict[str, list[tuple[Any, ...]]]:
    with open_team_plan(address) as document:
        return tables(document.session)


@pytest.fixture
def two_editors(
    address: TeamPlanAddress,
) -> Iterator[tuple[PlanEditor, PlanEditor]]:
    with (
        open_team_editor(address, "Ana") as (_, ana),
        open_team_editor(address, "Bo") as (_, bo),
    ):
        yield ana, bo


def test_two_editors_of_the_same_card_one_lands_the_other_is_refused_with_who(
    two_editors: tuple[PlanEditor, PlanEditor], address: TeamPlanAddress
) -> None:
    ana, bo = two_editors
    card = by_title(ana, "VP Sales")
    ana.perform(requests.edit_fields(ana, card, {"title": "Chief Sales Officer"}))

    with pytest.raises(TeamConflictError) as refused:
        bo.perform(requests.edit_fields(bo, card, {"title": "Head of Sales"}))
    message = str(refused.value)
    assert f"position {card} was changed by Ana at " in message and "(step 1)" in message
    # Bo's plan is as he read it (the edit rolled back), the server has Ana's title.
    assert bo.position(card).title == "VP Sales"
    with open_team_plan(address) as now:
        assert now.version == 1
        titles = {p.title for p in now.scenario().positions}
        assert "Chief Sales Officer" in titles and "Head of Sales" not in titles
    # Ana's own second edit of the card lands: she has its version.
    ana.perform(requests.edit_fields(ana, card, {"title": "CSO"}))
    with open_team_plan(address) as now:
        assert now.version == 2
        assert [s.who for s in _steps(now)] == ["Ana", "Ana"]


def test_edits_of_different_cards_both_land(
    two_editors: tuple[PlanEditor, PlanEditor], address: TeamPlanAddress
) -> None:
    ana, bo = two_editors
    vp, cfo = by_title(ana, "VP Sales"), by_title(ana, "VP Marketing")
    ana.perform(requests.edit_fields(ana, vp, {"title": "Chief Sales Officer"}))
    bo.perform(requests.edit_fields(bo, cfo, {"title": "Chief Marketing Officer"}))
    bo.perform(requests.set_target(bo, "goal", Decimal(1_500_000)))
    with open_team_plan(address) as now:
        titles = {p.title for p in now.scenario().positions}
        assert {"Chief Sales Officer", "Chief Marketing Officer"} <= titles
        assert now.scenario().targets.goal == Decimal(1_500_000)
        assert now.version == 3
        assert [(s.who, s.id) for s in _steps(now)] == [("Ana", 1), ("Bo", 2), ("Bo", 3)]


def test_adding_removing_and_copying_records_reach_the_server(
    address: TeamPlanAddress, demo_file: Path
) -> None:
    with open_team_editor(address, "Ana") as (document, ana):
        ana.perform(requests.add_role(ana, "sdr", by_title(ana, "VP Sales")))
        ana.perform(requests.delete(ana, [by_title(ana, "VP Marketing")], keep_reports=False))
        ana.perform(requests.copy_scenario(ana, COPY_NAMES, "Stretch; DROP TABLE plan; --"))
        ana.perform(requests.set_target(ana, "goal", Decimal(2_000_000)))  # in the copy
        ours = tables(document.session)
        first = document.scenario().id
    assert server_tables(address) == ours
    with open_team_editor(address, "Bo") as (_, bo):
        bo.perform(requests.delete_scenario(bo, first))
    with open_team_plan(address) as now:
        assert [s.name for s in now.plan.scenarios] == ["Stretch; DROP TABLE plan; --"]
        assert now.scenario().targets.goal == Decimal(2_000_000)
        # The server's log replays, from the published file, to the server's plan.
        with (
            PlanDocument.open(demo_file, for_editing=False) as start,
            replay(start.session, now.session) as again,
        ):
            assert tables(again.session) == tables(now.session)


def test_a_card_a_teammate_deleted_cannot_be_edited_and_a_new_one_under_it_is_refused(
    two_editors: tuple[PlanEditor, PlanEditor], address: TeamPlanAddress
) -> None:
    ana, bo = two_editors
    vp = by_title(ana, "VP Marketing")
    ana.perform(requests.delete(ana, [vp], keep_reports=False))
    with pytest.raises(TeamConflictError, match="changed by Ana"):
        bo.perform(requests.edit_fields(bo, vp, {"title": "CMO"}))
    with pytest.raises(TeamConflictError):
        bo.perform(requests.add_role(bo, "sdr", vp))  # its manager is gone
    with open_team_plan(address) as now:
        assert now.version == 1
        assert "VP Marketing" not in {p.title for p in now.scenario().positions}


def test_removing_a_scenario_a_teammate_changed_is_refused(
    two_editors: tuple[PlanEditor, PlanEditor], address: TeamPlanAddress
) -> None:
    ana, bo = two_editors
    base = ana.scenario_id
    ana.perform(requests.copy_scenario(ana, COPY_NAMES, "Stretch"))
    bo.perform(requests.set_target(bo, "goal", Decimal(900_000)))  # in the base scenario
    # Ana read the base scenario before Bo's goal: removing it would lose his edit.
    with pytest.raises(TeamConflictError, match="changed by Bo"):
        ana.perform(requests.delete_scenario(ana, base))
    assert len(server_tables(address)["scenarios"]) == 2


def _steps(document: PlanDocument) -> list[Any]:
    from revorg.model.history.reading import read_steps

    return list(reversed(read_steps(document.session)))


def test_undo_is_sent_too_and_refused_when_a_teammate_changed_the_field_since(
    address: TeamPlanAddress,
) -> None:
    with open_team_editor(address, "Ana") as (_, ana):
        vp, cmo = by_title(ana, "VP Sales"), by_title(ana, "VP Marketing")
        renamed = requests.edit_fields(ana, vp, {"title": "CSO"})
        other = requests.edit_fields(ana, cmo, {"title": "CMO"})
        assert renamed is not None and other is not None
        ana.perform(renamed)
        ana.perform(other)
        with open_team_editor(address, "Bo") as (_, bo):
            bo.perform(requests.edit_fields(bo, vp, {"title": "Chief Sales Officer"}))
        with pytest.raises(TeamConflictError, match="changed by Bo"):
            ana.revert(renamed)
        assert ana.position(vp).title == "CSO"  # her undo rolled back, not applied
        ana.revert(other)  # nobody touched that card: her undo lands
    with open_team_plan(address) as now:
        titles = {p.title for p in now.scenario().positions}
        assert {"Chief Sales Officer", "VP Marketing"} <= titles and "CMO" not in titles
        assert [(s.who, s.direction) for s in _steps(now)] == [
            ("Ana", "do"), ("Ana", "do"), ("Bo", "do"), ("Ana", "undo"),
        ]  # fmt: skip


def test_an_edit_read_from_a_removed_card_never_lands_on_a_new_card_given_its_id(
    address: TeamPlanAddress, demo_file: Path
) -> None:
    """Ids are reused: after Bo removes the newest card, Cy's new card takes its id. Ana read
    the removed card (version 0, as published) and edits it: refused, because the new row's
    version is the id of Cy's step, not a count restarting at 0 (the race that made the five
    clients' plan differ from its log's replay once on PostgreSQL 17)."""
    with open_team_editor(address, "Ana") as (_, ana):
        newest = max(row.id for row in ana.positions().values())
        assert not ana.tree().reports(newest)  # a leaf: removed alone
        with open_team_editor(address, "Bo") as (_, bo):
            bo.perform(requests.delete(bo, [newest], keep_reports=False))
        with open_team_editor(address, "Cy") as (_, cy):
            manager = by_title(cy, "VP Sales")
            cy.perform(requests.add_role(cy, "sdr", manager))
            assert newest in cy.positions()  # the id came back, on Cy's new card
        with pytest.raises(TeamConflictError) as refused:
            ana.perform(requests.edit_fields(ana, newest, {"title": "Renamed"}))
        assert f"position {newest} was changed by " in str(refused.value)
    with open_team_plan(address) as now:
        card = next(p for p in now.scenario().positions if p.id == newest)
        assert card.title != "Renamed" and card.manager_id == manager
        with (
            PlanDocument.open(demo_file, for_editing=False) as start,
            replay(start.session, now.session) as again,
        ):
            assert tables(again.session) == tables(now.session)
