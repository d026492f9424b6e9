"""The window of a team plan with live updates (revorg.gui.team.live_updates) on a real
server: a teammate's edit appears in the chart and the numbers within a second, the user's
next edit of that card lands, undo is refused once a teammate changed the field, and the Team
dock lists who has the plan open and on which scenario, one of them leaving."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from revorg.gui.settings import AppSettings
from revorg.gui.team import leaving
from revorg.gui.team.live_updates import LiveUpdates, attach_team_live
from revorg.gui.window.main_window import MainWindow
from revorg.model.editing import requests
from revorg.model.team.address import TeamPlanAddress, parse_plan_url
from revorg.model.team.document import TeamPlanDocument
from revorg.model.team.editing import TeamLink, TeamRecorder, open_team_editor
from revorg.model.team.presence import Presence
from tests.conftest import CliRunner
from tests.gui.conftest import isolated_qt_locations  # noqa: F401 - settings out of $HOME
from tests.team.conftest import TeamServer
from tests.team.test_team_editing import server_tables

ACCOUNT_EXECUTIVE = 12  # the demo's third Account Executive, EUR 65,000


@pytest.fixture
def address(run_cli: CliRunner, team: TeamServer, plan_name: str, demo_file: Path
            ) -> TeamPlanAddress:  # fmt: skip
    url = team.url(plan_name)
    assert run_cli("push", demo_file, url).code == 0
    return parse_plan_url(url)


OpenWindow = Callable[[str], tuple[MainWindow, LiveUpdates]]


@pytest.fixture
def open_window(qtbot, address: TeamPlanAddress) -> Iterator[OpenWindow]:  # type: ignore[no-untyped-def]
    """A window on the team plan as the window engineer's File > Open team plan makes it:
    each edit sent as it is made, then attach_team_live."""
    made: list[tuple[MainWindow, TeamLink]] = []

    def open_as(name: str) -> tuple[MainWindow, LiveUpdates]:
        AppSettings().set_user_name(name)
        document = TeamPlanDocument(address, for_editing=True)
        window = MainWindow(document)
        window.files.ask_unsaved = lambda *_args: QMessageBox.StandardButton.Discard
        link = TeamLink(document)
        editor = window.controller.editor
        editor.add_recorder(TeamRecorder(editor, link, lambda: name))
        live = attach_team_live(window, document)
        window.show()
        qtbot.waitExposed(window)
        made.append((window, link))
        return window, live

    yield open_as
    for window, link in made:
        window.close()
        link.close()
        window.deleteLater()


def test_a_teammates_edit_shows_in_the_chart_and_numbers_and_the_next_edit_lands(
    qtbot,
    open_window: OpenWindow,
    address: TeamPlanAddress,  # type: ignore[no-untyped-def]
) -> None:
    window, _live = open_window("Ana")
    card = window.scene.cards[ACCOUNT_EXECUTIVE]
    assert card.content.cost_line.startswith("€65,000")
    assert "€1,350,083 cost" in window.totals_label.text()
    with open_team_editor(address, "Bo") as (_, bo):
        bo.perform(requests.edit_fields(bo, ACCOUNT_EXECUTIVE, {"annual_cost": Decimal(70_000)}))

    qtbot.waitUntil(lambda: card.content.cost_line.startswith("€70,000"), timeout=1000)
    # The third AE is hired in the year's second month: 11/12 of the EUR 5,000 raise,
    # 1,350,083.33 + 4,583.33 = 1,354,666.67.
    assert "€1,354,667 cost" in window.totals_label.text()
    assert window.statusBar().currentMessage() == "Bo changed Account Executive's annual cost"
    assert window.controller.undo_stack.count() == 0  # not the user's edit to undo

    window.controller.edit(ACCOUNT_EXECUTIVE, {"annual_cost": Decimal(72_000)})
    assert window.controller.undo_stack.count() == 1  # landed, no conflict refused it
    rows = {row[0]: row for row in server_tables(address)["positions"]}
    assert 7_200_000 in rows[ACCOUNT_EXECUTIVE]  # cents


def test_undo_is_refused_with_the_teammates_name_after_their_change(
    qtbot,
    open_window: OpenWindow,
    address: TeamPlanAddress,  # type: ignore[no-untyped-def]
) -> None:
    window, live = open_window("Ana")
    controller = window.controller
    controller.edit(ACCOUNT_EXECUTIVE, {"title": "Enterprise AE"})
    controller.edit(10, {"title": "Mid-market AE"})
    renamed = controller.undo_stack.command(0).edit  # type: ignore[attr-defined]
    other = controller.undo_stack.command(1).edit  # type: ignore[attr-defined]
    with open_team_editor(address, "Bo") as (_, bo):
        bo.perform(requests.edit_fields(bo, ACCOUNT_EXECUTIVE, {"title": "Strategic AE"}))
    card = window.scene.cards[ACCOUNT_EXECUTIVE]
    qtbot.waitUntil(lambda: card.content.title == "Strategic AE", timeout=1000)

    assert live.undo_refusal(other) is None
    refusal = live.undo_refusal(renamed)
    assert refusal is not None
    assert refusal.startswith(f"Bo changed position {ACCOUNT_EXECUTIVE} since your edit")


def test_the_team_dock_lists_both_users_their_scenarios_and_one_leaving(
    qtbot,
    open_window: OpenWindow,  # type: ignore[no-untyped-def]
) -> None:
    ana_window, ana = open_window("Ana")
    bo_window, bo = open_window("Bo")
    base = ana_window.controller.editor.scenario.name
    ana_window.controller.copy_scenario("Stretch")  # shown at once: Ana is on the copy

    qtbot.waitUntil(
        lambda: bo.panel.names() == [("Ana", "Stretch"), ("Bo (you)", base)], timeout=2000
    )
    qtbot.waitUntil(
        lambda: ana.panel.names() == [("Ana (you)", "Stretch"), ("Bo", base)], timeout=2000
    )
    assert ana.panel.summary.text() == "Others with this plan open: 1"
    # The copy reached Bo's window too: his scenario picker offers it.
    assert [s.name for s in bo_window.controller.editor.scenarios()] == [base, "Stretch"]
    assert "&Team" in [a.text() for m in ana_window.menuBar().actions() if m.menu()
                       for a in m.menu().actions()]  # fmt: skip

    bo_window.close()
    qtbot.waitUntil(lambda: ana.panel.names() == [("Ana (you)", "Stretch")], timeout=2000)
    assert ana.panel.summary.text() == "Nobody else has this plan open."


def test_the_listening_connection_lost_is_said_and_the_next_beat_catches_up(
    qtbot,
    open_window: OpenWindow,
    address: TeamPlanAddress,
    team: TeamServer,  # type: ignore[no-untyped-def]
) -> None:
    window, live = open_window("Ana")
    pid = live.live.listener.connection.info.backend_pid
    team.admin(f"SELECT pg_terminate_backend({pid})")  # as a server restart does to it
    qtbot.waitUntil(lambda: "team server" in window.statusBar().currentMessage(), timeout=2000)
    with open_team_editor(address, "Bo") as (_, bo):
        bo.perform(requests.edit_fields(bo, ACCOUNT_EXECUTIVE, {"title": "Strategic AE"}))

    live.beat()  # the heartbeat's next tick: listen again, then read what was missed
    # The new connection is made on a worker thread: the window goes on meanwhile.
    assert live.listening_again.running
    live.beat()  # a beat while it runs does nothing more
    qtbot.waitUntil(lambda: not live.listening_again.running, timeout=15_000)

    card = window.scene.cards[ACCOUNT_EXECUTIVE]
    assert card.content.title == "Strategic AE"
    assert [p.name for p in live.presence.present()] == ["Ana"]
    with open_team_editor(address, "Bo") as (_, bo):  # and it listens again
        bo.perform(requests.edit_fields(bo, ACCOUNT_EXECUTIVE, {"title": "Key AE"}))
    qtbot.waitUntil(lambda: card.content.title == "Key AE", timeout=1000)


def held_until_answered(monkeypatch: pytest.MonkeyPatch, statement: str) -> threading.Event:
    """`Presence.<statement>` waits until the event returned is set (a server not answering)."""
    answered = threading.Event()
    original = getattr(Presence, statement)

    def waiting(presence: Presence) -> None:
        assert answered.wait(10)
        original(presence)

    monkeypatch.setattr(Presence, statement, waiting)
    return answered


def test_the_heartbeat_waits_for_the_server_off_the_windows_thread(
    qtbot,
    open_window: OpenWindow,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    window, live = open_window("Ana")
    # A host that drops packets: the beat's statements wait (here until released).
    answered = held_until_answered(monkeypatch, "beat")
    live.beat()
    assert live.beating.running  # the window's thread goes on meanwhile
    assert not live.notifier.isEnabled()  # the connection is the worker's until it answers
    window.controller.copy_scenario("Stretch")  # an edit made while the beat waits
    live.beat()  # the next tick while the last beat waits does nothing more
    assert not live.notifier.isEnabled()
    # The window's own use of the connection waits for the beat's answer, not for the lock.
    assert live._owed == {"announce"}
    live.catch_up()
    assert live._owed == {"announce", "catch_up"}
    answered.set()
    qtbot.waitUntil(lambda: not live.beating.running, timeout=5000)
    assert live.notifier.isEnabled() and live._owed == set()
    qtbot.waitUntil(lambda: live.panel.names() == [("Ana (you)", "Stretch")], timeout=2000)


def test_the_window_closes_at_once_while_its_leave_waits_for_the_server(
    qtbot,
    open_window: OpenWindow,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    ana_window, _ana = open_window("Ana")
    bo_window, bo = open_window("Bo")
    qtbot.waitUntil(lambda: len(bo.panel.names()) == 2, timeout=2000)
    # A host that drops packets: Ana's leave waits (here until released).
    answered = held_until_answered(monkeypatch, "leave")
    started = time.monotonic()
    ana_window.close()
    qtbot.waitUntil(lambda: any(t.name == "revorg-presence-leave" for t in threading.enumerate()))
    assert time.monotonic() - started < 2  # closed without waiting for the server
    assert len(bo.panel.names()) == 2
    answered.set()  # the server answers: her row goes, Bo's list says so at once
    bo.beat()
    qtbot.waitUntil(
        lambda: bo.panel.names() == [("Bo (you)", bo_window.controller.editor.scenario.name)],
        timeout=5000,
    )
    leaving.finish_leaving(5)
    assert not [t for t in threading.enumerate() if t.name == "revorg-presence-leave"]


def test_after_the_plan_is_read_again_teammates_edits_still_arrive(
    qtbot,
    open_window: OpenWindow,
    address: TeamPlanAddress,  # type: ignore[no-untyped-def]
) -> None:
    window, live = open_window("Ana")
    with open_team_editor(address, "Bo") as (_, bo):
        bo.perform(requests.edit_fields(bo, 10, {"title": "Mid-market AE"}))
    # The window's reload (after a refused edit): a new copy, at version 1.
    window.controller.replace_document(TeamPlanDocument(address, for_editing=True))
    assert live.live.seen == 1
    with open_team_editor(address, "Bo") as (_, bo):
        bo.perform(requests.edit_fields(bo, ACCOUNT_EXECUTIVE, {"title": "Strategic AE"}))
    card = window.scene.cards[ACCOUNT_EXECUTIVE]
    qtbot.waitUntil(lambda: card.content.title == "Strategic AE", timeout=1000)
    assert window.scene.cards[10].content.title == "Mid-market AE"


def test_cards_a_teammate_adds_and_removes_appear_and_go_in_the_chart(
    qtbot,
    open_window: OpenWindow,
    address: TeamPlanAddress,  # type: ignore[no-untyped-def]
) -> None:
    window, _live = open_window("Ana")
    vp_sales, vp_marketing = 6, 2  # the demo's; marketing has three reports (3, 4, 5)
    with open_team_editor(address, "Bo") as (_, bo):
        bo.perform(requests.add_role(bo, "sdr", vp_sales))
        bo.perform(requests.delete(bo, [vp_marketing], keep_reports=False))

    cards = window.scene.cards
    qtbot.waitUntil(lambda: 20 in cards and vp_marketing not in cards, timeout=1000)
    assert not {3, 4, 5} & cards.keys()
    assert len(cards) == 19 + 1 - 4
    assert "16 positions" in window.totals_label.text()
    assert window.statusBar().currentMessage() == "Bo made 2 changes"
