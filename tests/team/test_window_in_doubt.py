"""An edit the server committed although its answer never came (the connection broke during
COMMIT): the window keeps it waiting, and the retry takes the step the server has instead of
sending it again, which the server would refuse against the user's own step, told as a
teammate's conflict naming the user (revorg.model.team.in_doubt). A real server; the lost
answer is a connection ended by the server right after the commit."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import text

from revorg.model.team.editing import TeamLink
from revorg.model.team.live import PlanListener
from revorg.model.team.server import server_errors
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


def steps_on_server(team: TeamServer, schema: str, title: str) -> int:
    rows = team.admin(
        f"SELECT count(*) FROM \"{schema}\".history_changes WHERE field = 'title' "
        f"AND new = '{title}'"  # the log's values are JSON texts
    )
    return int(rows[0][0])  # type: ignore[call-overload]


@pytest.mark.parametrize("listening", [True, False], ids=["heard live", "not heard"])
def test_an_edit_the_server_committed_without_answering_is_taken_not_sent_twice(
    listening: bool,
    published: str,
    team: TeamServer,
    answer_lost: list[int],
    monkeypatch: pytest.MonkeyPatch,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    if not listening:  # the server stopped: no notice of the step comes before the resend
        monkeypatch.setattr(PlanListener, "notices", lambda _self: [])
    with team_window(published, "Ana", qtbot) as ana:
        card = by_title(ana.controller.editor, "VP Sales")
        schema = ana.controller.document.registered.schema
        ana.controller.edit(card, {"title": "Chief Sales Officer"})
        assert answer_lost, "the step reached the server"
        # Not known to have landed: rolled back here and kept waiting, as when unsent.
        qtbot.waitUntil(ana.team.unreachable.isVisible)
        # The retry finds it on the server: no second step, no refusal naming Ana herself.
        qtbot.waitUntil(lambda: not ana.team.unreachable.isVisible(), timeout=15_000)
        assert not ana.team.refused.isVisible()
        assert ana.controller.editor.positions()[card].title == "Chief Sales Officer"
        assert steps_on_server(team, schema, '"Chief Sales Officer"') == 1
        assert ana.controller.document.version == answer_lost[0]
        # It is her own edit: her undo sends the undo, which is not refused either.
        ana.controller.undo_stack.undo()
        qtbot.waitUntil(lambda: server_titles(published)[card] == "VP Sales")
        assert not ana.team.refused.isVisible()
        assert ana.controller.editor.positions()[card].title == "VP Sales"
