"""Five client processes edit one team plan at once: every edit is either on the server or was
refused to its client, and the server's plan is exactly the replay of its log."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import pytest

from revorg.model.document import PlanDocument
from revorg.model.editing import requests
from revorg.model.entities import Position
from revorg.model.history.reading import read_steps
from revorg.model.history.replay import replay
from revorg.model.team.address import parse_plan_url
from revorg.model.team.conflicts import TeamConflictError
from revorg.model.team.document import open_team_plan
from revorg.model.team.editing import TeamEditing
from tests.conftest import CliRunner
from tests.team.concurrent_client import run_client
from tests.team.conftest import TeamServer
from tests.team.test_team_editing import tables

CLIENTS = 5
# The 1,000 edits each. A refused edit brings the client's copy up to the server's plan
# from the log over its one connection (TeamEditing.refresh), not by reading the plan again
# with two new logins: 5 x 1,000 went from 392 s to about 100 s here (docs/team-plans.md).
# REVORG_CONCURRENT_EDITS sets another count.
EDITS = int(os.environ.get("REVORG_CONCURRENT_EDITS", "1000"))


def test_five_clients_editing_at_once_lose_nothing_and_the_plan_is_its_logs_replay(
    run_cli: CliRunner, team: TeamServer, plan_name: str, demo_file: Path
) -> None:
    url = team.url(plan_name)
    assert run_cli("push", demo_file, url).code == 0
    context = multiprocessing.get_context("spawn")
    with context.Pool(CLIENTS) as pool:
        results = pool.starmap(
            run_client,
            [(url, str(team.pgpass), f"client {n}", n, EDITS) for n in range(CLIENTS)],
        )

    tried = [t for t, _, _, _ in results]
    sent = [s for _, s, _, _ in results]
    refused = [r for _, _, r, _ in results]
    # Every edit a client tried was either sent or refused to it: none vanished.
    assert [s + r for s, r in zip(sent, refused, strict=True)] == tried
    # One login per client for the whole run: the plan read, its edits sent and every refresh
    # after a refusal go over the same connection.
    assert [logins for _, _, _, logins in results] == [1] * CLIENTS
    with open_team_plan(parse_plan_url(url)) as final:
        steps = read_steps(final.session)
        by_client = {f"client {n}": 0 for n in range(CLIENTS)}
        for step in steps:
            by_client[step.who] += 1
        # Each client's steps on the server are exactly the edits it was told were sent.
        assert [by_client[f"client {n}"] for n in range(CLIENTS)] == sent
        assert final.version == len(steps) == sum(sent)
        # Clients edited the same cards at once: some edits were refused, and said so.
        assert sum(refused) > 0
        assert all(s > 0 for s in sent)
        with (
            PlanDocument.open(demo_file, for_editing=False) as start,
            replay(start.session, final.session) as again,
        ):
            assert tables(again.session) == tables(final.session)


def test_a_refused_edit_is_taken_in_from_the_log_and_made_again_without_a_new_login(
    run_cli: CliRunner, team: TeamServer, plan_name: str, demo_file: Path
) -> None:
    url = team.url(plan_name)
    assert run_cli("push", demo_file, url).code == 0
    address = parse_plan_url(url)
    ana, ben = TeamEditing(address, "ana"), TeamEditing(address, "ben")
    try:
        card = sorted(ana.editor.positions())[0]
        start = ana.document.version
        ana.editor.perform(requests.edit_fields(ana.editor, card, {"title": "Chief Revenue"}))
        with pytest.raises(TeamConflictError):
            ben.editor.perform(requests.edit_fields(ben.editor, card, {"title": "CRO"}))
        assert ben.editor.positions()[card].title != "Chief Revenue"  # not seen yet
        ben.refresh()
        # Ana's step was played on Ben's copy: no reading of the plan again.
        assert (ben.caught_up, ben.read_again) == (1, 0)
        assert ben.editor.positions()[card].title == "Chief Revenue"
        ben.editor.perform(requests.edit_fields(ben.editor, card, {"title": "CRO"}))
        assert ben.document.version == start + 2
    finally:
        ana.close()
        ben.close()
    with open_team_plan(address) as final:
        newest = [(s.who, s.id) for s in read_steps(final.session, limit=2)]
        assert newest == [("ben", start + 2), ("ana", start + 1)]
        assert final.session.get(Position, card).title == "CRO"
