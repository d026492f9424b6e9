"""An edit the server committed although its answer never came (the connection broke during
COMMIT): the window keeps it waiting, and the retry takes the step the server has instead of
sending it again, which the server would refuse against the user's own step, told as a
teammate's conflict naming the user (revorg.model.team.in_doubt). A real server; the lost
answer is a connection ended by the server right after the commit."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import text

from revorg.gui.team.live_updates import LiveUpdates
from revorg.model.editing import requests
from revorg.model.team.address import parse_plan_url
from revorg.model.team.editing import TeamLink, open_team_editor
from revorg.model.team.errors import TeamPlanError
from revorg.model.team.live import PlanListener
from revorg.model.team.server import server_errors
from revorg.model.team.session import SessionLink
from revorg.model.team.step_rows import StepToSend
from tests.team.conftest import TeamServer
from tests.team.window_helpers import by_title, isolate_qt, server_titles, team_window


@pytest.fixture(scope="module", autouse=True)
def qt_locations() -> None:
    isolate_qt()


@pytest.fixture
def answer_lost(monkeypatch: pytest.MonkeyPatch, team: TeamServer) -> list[int]:
    """The next step sent is committed by the server, whose answer is then lost: the ids of
    the steps so committed."""
    original: Callable[..., int] = TeamLink._send_now
    committed: list[int] = []

    def send_and_lose_the_answer(self: TeamLink, step: StepToSend, expected: Any) -> int:
        step_id = original(self, step, expected)
        if committed:
            return step_id
        committed.append(step_id)
        connection = self._connection
        assert connection is not None
        pid = connection.connection.driver_connection.info.backend_pid
        team.admin(f"SELECT pg_terminate_backend({pid})")
        with server_errors(self.address):  # the driver finds the connection gone
            connection.execute(text("SELECT 1"))
        raise AssertionError("the server ended the connection: it cannot answer")

    monkeypatch.setattr(TeamLink, "_send_now", send_and_lose_the_answer)
    return committed


def listener_broken(monkeypatch: pytest.MonkeyPatch) -> None:
    """The window's listening connection neither hears nor reads the server's steps."""
    monkeypatch.setattr(PlanListener, "notices", lambda _self: [])
    monkeypatch.setattr(LiveUpdates, "catch_up", lambda _self: None)


def steps_on_server(team: TeamServer, schema: str, title: str) -> int:
    rows = team.admin(
        f"SELECT count(*) FROM \"{schema}\".history_changes WHERE field = 'title' "
        f"AND new = '{title}'"  # the log's values are JSON texts
    )
    return int(rows[0][0])  # type: ignore[call-overload]


@pytest.mark.parametrize("listening", [True, False], ids=["heard live", "not heard"])
@pytest.mark.parametrize("teammate_after", [False, True], ids=["alone", "teammate after"])
def test_an_edit_the_server_committed_without_answering_is_not_sent_twice(
    listening: bool,
    teammate_after: bool,
    published: str,
    team: TeamServer,
    answer_lost: list[int],
    monkeypatch: pytest.MonkeyPatch,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    if not listening:  # the server stopped: the listener neither hears nor reads the step
        listener_broken(monkeypatch)
    with team_window(published, "Ana", qtbot) as ana:
        editor = ana.controller.editor
        card, other = by_title(editor, "VP Sales"), by_title(editor, "VP Marketing")
        said: list[str] = []
        ana.statusBar().messageChanged.connect(said.append)
        schema = ana.controller.document.registered.schema
        ana.controller.edit(card, {"title": "Chief Sales Officer"})
        assert answer_lost, "the step reached the server"
        # Not known to have landed: kept waiting, as when unsent.
        qtbot.waitUntil(ana.team.unreachable.isVisible)
        ana.controller.edit(card, {"annual_cost": Decimal(140_000)})  # waits behind it
        final = "Chief Sales Officer"
        if teammate_after:  # Bo, who reads the plan with Ana's step, changes the same field
            with open_team_editor(parse_plan_url(published), "Bo") as (_, bo):
                bo.perform(requests.edit_fields(bo, card, {"title": "Head of Sales"}))
            final = "Head of Sales"
        ana.team.resending.retry()  # "Try now"
        # Found on the server: not sent again, no refusal naming Ana herself, nothing of
        # Bo's written over; the copy takes the steps in from the log.
        qtbot.waitUntil(lambda: not ana.team.unreachable.isVisible(), timeout=15_000)
        # Taken in from the log before the waiting cost was made on the copy: no refusal.
        assert editor.positions()[card].title == final
        assert editor.positions()[card].annual_cost == Decimal(140_000)
        assert not ana.team.refused.isVisible()
        assert steps_on_server(team, schema, '"Chief Sales Officer"') == 1
        assert server_titles(published)[card] == final
        assert "2 changes sent" in ana.statusBar().currentMessage()
        # Her own step, taken in from the log: never announced as a teammate's.
        assert not [message for message in said if message.startswith("Ana ")]
        # Nothing is left in doubt: her next edit lands.
        ana.controller.edit(other, {"title": "CMO"})
        assert server_titles(published)[other] == "CMO"
        assert not ana.team.refused.isVisible()


def test_a_look_up_the_server_refuses_is_said_and_never_leaves_the_edit_stuck(
    published: str,
    team: TeamServer,
    answer_lost: list[int],
    monkeypatch: pytest.MonkeyPatch,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    # The server answers but refuses the look-up (a role revoked meanwhile): said once; the
    # edit is sent again, and the rows' versions refuse the duplicate of what had landed.
    def refused(_link: SessionLink) -> int | None:
        raise TeamPlanError("permission denied: {who} may not do this", who="Ana")

    monkeypatch.setattr(SessionLink, "settle_doubt", refused)
    listener_broken(monkeypatch)  # the step not heard
    with team_window(published, "Ana", qtbot) as ana:
        card = by_title(ana.controller.editor, "VP Sales")
        schema = ana.controller.document.registered.schema
        ana.controller.edit(card, {"title": "Chief Sales Officer"})
        qtbot.waitUntil(ana.team.unreachable.isVisible)
        ana.team.resending.retry()
        qtbot.waitUntil(lambda: not ana.team.unreachable.isVisible(), timeout=15_000)
        assert ana.team.refused.isVisible()  # the duplicate refused, told as a conflict
        assert session_link(ana).in_doubt is None
        assert steps_on_server(team, schema, '"Chief Sales Officer"') == 1


def session_link(window: Any) -> SessionLink:
    session = window.team.session
    assert session is not None
    return session.link
