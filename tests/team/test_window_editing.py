"""Two windows on one team plan (a real server): edits land, a stale edit is refused and
reloaded with who changed what, the user's value is offered again, and undo is refused after a
teammate's change. Nothing is silently lost."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QDockWidget

from tests.conftest import CliRunner
from tests.team.conftest import TeamServer
from tests.team.logins import PASSWORD, new_viewer, url_as
from tests.team.window_helpers import (
    by_title,
    isolate_qt,
    server_titles,
    team_window,
    two_steps_with_a_gap,
)


@pytest.fixture(scope="module", autouse=True)
def qt_locations() -> None:
    isolate_qt()


def test_two_windows_edit_the_same_card_one_lands_the_other_is_refused_reloaded_and_offered(
    published: str,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    with team_window(published, "Ana", qtbot) as ana, team_window(published, "Bo", qtbot) as bo:
        card = by_title(ana.controller.editor, "VP Sales")
        bo.scene.select_only([card])
        ana.controller.edit(card, {"title": "Chief Sales Officer"})
        assert not ana.team.refused.isVisible()

        bo.controller.edit(card, {"title": "Head of Sales"})
        qtbot.waitUntil(bo.team.refused.isVisible)
        text = bo.team.refused.label.text()
        # Who changed which card's field, named as the reloaded plan shows the card.
        assert "Ana changed Chief Sales Officer’s title at " in text
        assert "Your change was not sent" in text
        assert text.endswith(" Yours: title Head of Sales.")  # what applying it again makes
        # Reloaded: Bo's window shows Ana's title, the selection kept, and the plan editable.
        assert bo.controller.editor.positions()[card].title == "Chief Sales Officer"
        assert bo.scene.selected_ids() == [card]
        assert server_titles(published)[card] == "Chief Sales Officer"

        # Bo's own value, offered again, is sent on the fresh plan as a new undoable step.
        assert bo.team.refused.action_button.text() == "Apply my change again"
        bo.team.refused.action_button.click()
        assert not bo.team.refused.isVisible()
        assert bo.controller.editor.positions()[card].title == "Head of Sales"
        assert server_titles(published)[card] == "Head of Sales"
        assert bo.controller.undo_stack.count() == 1


def test_a_refusal_takes_the_teammates_step_in_from_the_log_keeping_document_view_and_undo(
    published: str,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    with team_window(published, "Ana", qtbot) as ana, team_window(published, "Bo", qtbot) as bo:
        sales = by_title(bo.controller.editor, "VP Sales")
        marketing = by_title(bo.controller.editor, "VP Marketing")
        bo.controller.edit(marketing, {"title": "Chief Marketing Officer"})
        bo.scene.select_only([sales])
        bo.view.scale(1.5, 1.5)
        transform = bo.view.transform()
        document = bo.controller.document

        ana.controller.edit(sales, {"title": "Chief Sales Officer"})
        bo.controller.edit(sales, {"title": "Head of Sales"})  # before Ana's notice is read
        qtbot.waitUntil(bo.team.refused.isVisible)
        assert "Ana changed Chief Sales Officer’s title at " in bo.team.refused.label.text()
        # Caught up, not read again: the same copy, Ana's title in it, Bo's own step still
        # undoable, the selection and the zoom as they were.
        assert bo.controller.document is document
        assert bo.controller.editor.positions()[sales].title == "Chief Sales Officer"
        assert bo.controller.undo_stack.count() == 1
        assert bo.scene.selected_ids() == [sales]
        qtbot.wait(10)
        assert bo.view.transform() == transform
        card = bo.scene.cards[sales]
        assert card.content.title == "Chief Sales Officer"  # the card redrawn

        bo.team.refused.action_button.click()
        assert server_titles(published)[sales] == "Head of Sales"
        bo.controller.undo_stack.undo()  # his value undone: Ana's comes back
        bo.controller.undo_stack.undo()  # and his earlier step, on the server too
        qtbot.wait(0)
        assert not bo.team.refused.isVisible()
        titles = server_titles(published)
        assert titles[sales] == "Chief Sales Officer"
        assert titles[marketing] == "VP Marketing"


def test_a_refusal_reads_the_plan_again_when_the_log_has_a_gap(
    published: str,
    team: TeamServer,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    with team_window(published, "Ana", qtbot) as ana, team_window(published, "Bo", qtbot) as bo:
        sales = by_title(bo.controller.editor, "VP Sales")
        marketing = by_title(bo.controller.editor, "VP Marketing")
        document = bo.controller.document
        two_steps_with_a_gap(ana, team.admin)

        bo.controller.edit(sales, {"title": "Head of Sales"})
        qtbot.waitUntil(bo.team.refused.isVisible)
        assert bo.controller.document is not document  # read again whole
        positions = bo.controller.editor.positions()
        assert positions[sales].title == "Chief Sales Officer"
        assert positions[marketing].title == "Chief Marketing Officer"
        assert bo.team.refused.action_button.isVisible()


def test_edits_of_different_cards_from_two_windows_both_land(
    published: str,
    plan_name: str,
    team: TeamServer,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    server = f"127.0.0.1:{team.port}/revorg"
    with team_window(published, "Ana", qtbot) as ana, team_window(published, "Bo", qtbot) as bo:
        sales = by_title(ana.controller.editor, "VP Sales")
        marketing = by_title(ana.controller.editor, "VP Marketing")
        ana.controller.edit(sales, {"title": "Chief Sales Officer"})
        bo.controller.edit(marketing, {"title": "Chief Marketing Officer"})
        qtbot.wait(0)  # a refusal would be told once the event loop runs
        assert not ana.team.refused.isVisible() and not bo.team.refused.isVisible()
        titles = server_titles(published)
        assert titles[sales] == "Chief Sales Officer"
        assert titles[marketing] == "Chief Marketing Officer"
        # Each window has its own edit (it does not reload to see the other's).
        assert bo.controller.editor.positions()[marketing].title == "Chief Marketing Officer"
        # The title names the plan, its name on the server and the server; nothing to save.
        name = ana.controller.document.plan.name
        title = f"{name} (team plan {plan_name} on {server})[*] - RevOrg"
        assert ana.windowTitle() == title
        assert not ana.isWindowModified()


def test_undo_is_refused_with_the_reason_after_a_teammate_changed_the_same_field(
    published: str,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    with team_window(published, "Ana", qtbot) as ana:
        card = by_title(ana.controller.editor, "VP Sales")
        ana.controller.edit(card, {"title": "Chief Sales Officer"})
        with team_window(published, "Bo", qtbot) as bo:
            bo.controller.edit(card, {"title": "Head of Sales"})
            assert server_titles(published)[card] == "Head of Sales"

        ana.controller.undo_stack.undo()
        qtbot.waitUntil(ana.team.refused.isVisible)
        text = ana.team.refused.label.text()
        assert text.startswith("Undo refused: Bo changed Head of Sales’s title at ")
        assert not ana.team.refused.action_button.isVisible()  # nothing to apply again
        # Bo's change stands, on the server and in Ana's reloaded window.
        assert server_titles(published)[card] == "Head of Sales"
        assert ana.controller.editor.positions()[card].title == "Head of Sales"


def test_an_undo_of_the_users_own_step_still_works_on_a_team_plan(
    published: str,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    with team_window(published, "Ana", qtbot) as ana:
        card = by_title(ana.controller.editor, "VP Sales")
        ana.controller.edit(card, {"title": "Chief Sales Officer"})
        ana.controller.undo_stack.undo()
        qtbot.wait(0)
        assert not ana.team.refused.isVisible()
        assert server_titles(published)[card] == "VP Sales"


def test_teammates_edits_arrive_live_and_undo_then_never_overwrites_them(
    published: str,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    """The two halves together: opened through the window's own path, each window takes the
    other's steps in (no false conflict after them), and an undo of a field a teammate changed
    since is refused with their name, the server keeping their value."""
    with team_window(published, "Ana", qtbot) as ana, team_window(published, "Bo", qtbot) as bo:
        card = by_title(ana.controller.editor, "VP Sales")
        bo.controller.edit(card, {"title": "Head of Sales"})
        qtbot.waitUntil(lambda: ana.controller.editor.positions()[card].title == "Head of Sales")
        assert ana.findChild(QDockWidget, "presenceDock") is not None

        ana.controller.edit(card, {"title": "Chief Sales Officer"})  # on the fresh row version
        assert not ana.team.refused.isVisible()
        qtbot.waitUntil(
            lambda: bo.controller.editor.positions()[card].title == "Chief Sales Officer"
        )

        bo.controller.undo_stack.undo()
        qtbot.waitUntil(bo.team.refused.isVisible)
        assert "Ana" in bo.team.refused.label.text()
        assert server_titles(published)[card] == "Chief Sales Officer"
        assert bo.controller.editor.positions()[card].title == "Chief Sales Officer"


def test_a_viewers_window_shows_no_cost_as_0(
    run_cli: CliRunner,
    published: str,
    team: TeamServer,
    plan_name: str,
    make_user: Callable[[str], str],
    monkeypatch: pytest.MonkeyPatch,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    vera = new_viewer(run_cli, make_user, published)
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    with team_window(url_as(team, vera, plan_name), "Vera", qtbot) as window:
        assert window.controller.document.without_salaries
        vp_sales = by_title(window.controller.editor, "VP Sales")
        card = window.scene.cards[vp_sales]
        assert card.content.cost_line == ""  # the server gave 0: no "EUR 0 / year"
        window.scene.select_only([vp_sales])
        cost_field = window.inspector.cost_edit
        assert (cost_field.text(), cost_field.placeholderText()) == ("", "not available")
        assert cost_field.isReadOnly()
        totals = window.totals_label.text()
        assert "cost not available" in totals and "0 cost" not in totals
        costs = window.cost_panel  # the Cost tab: no figure made from salaries
        texts = {name: label.text() for name, label in costs.values.items()}
        for name in ("total", "share", "cro_cost", "cro_net"):
            assert texts[name] == "not available", name
        assert {costs.table.item(row, 2).text() for row in range(costs.table.rowCount())} == {
            "not available"
        }
    monkeypatch.delenv("PGPASSWORD")
    with team_window(published, "Ana", qtbot) as window:  # an editor sees the figures
        vp_sales = by_title(window.controller.editor, "VP Sales")
        assert "125,000" in window.scene.cards[vp_sales].content.cost_line
        window.scene.select_only([vp_sales])
        assert window.inspector.cost_edit.text() == "125,000"
        assert not window.inspector.cost_edit.isReadOnly()
        assert "cost not available" not in window.totals_label.text()
        assert window.cost_panel.values["cro_cost"].text() == "€170,000"  # the demo CRO's
