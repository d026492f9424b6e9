"""Who has a team plan open (revorg.model.team.presence), on a real server: two users and
their scenarios, one leaving, a window that died dropping out, the notice the others get, and
the server's refusals (outsiders see nothing; nobody writes another's row)."""

from __future__ import annotations

import select
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest

from revorg.model.team.address import TeamPlanAddress, parse_plan_url
from revorg.model.team.document import TeamPlanDocument
from revorg.model.team.live import PlanListener
from revorg.model.team.presence import Presence
from tests.conftest import CliRunner
from tests.team.conftest import TeamServer
from tests.team.logins import psql_as


@pytest.fixture
def url(run_cli: CliRunner, team: TeamServer, plan_name: str, demo_file: Path) -> str:
    url = team.url(plan_name)
    assert run_cli("push", demo_file, url).code == 0
    return url


@pytest.fixture
def viewer(run_cli: CliRunner, url: str, make_user: Callable[[str], str]) -> str:
    name = make_user("vera")
    assert run_cli("team", "grant", url, "--user", name, "--role", "viewer").code == 0
    return name


@pytest.fixture
def ana(url: str) -> Iterator[tuple[TeamPlanDocument, PlanListener, Presence]]:
    """Ana's window: the plan, its listener and her row in the list."""
    document = TeamPlanDocument(parse_plan_url(url), for_editing=True)
    listener = PlanListener(document)
    presence = Presence(listener.connection, document.address, document.registered.id, "Ana")
    try:
        yield document, listener, presence
    finally:
        listener.close()
        document.close()


def vera_presence(team: TeamServer, viewer: str, url: str) -> tuple[psycopg.Connection, Presence]:
    address = parse_plan_url(url)
    connection = psql_as(team, viewer)
    return connection, Presence(connection, address, _plan_id(team, address), "Vera Núñez")


def _plan_id(team: TeamServer, address: TeamPlanAddress) -> int:
    found = team.admin(f"SELECT id FROM revorg.plans WHERE name = '{address.plan}'")
    return int(str(found[0][0]))


def presence_notice(listener: PlanListener) -> bool:
    ready, _, _ = select.select([listener.fileno()], [], [], 5)
    return bool(ready) and listener.has_presence(listener.notices())


def test_two_users_see_each_other_and_their_scenarios_and_one_leaving(
    ana: tuple[TeamPlanDocument, PlanListener, Presence], team: TeamServer, viewer: str,
    url: str,
) -> None:  # fmt: skip
    document, listener, mine = ana
    base = document.scenario()
    mine.announce(base.id, base.name)
    presence_notice(listener)  # her own announcement
    connection, vera = vera_presence(team, viewer, url)
    with connection:
        vera.announce(base.id + 100, "Stretch")
        assert presence_notice(listener)  # Ana's list hears of Vera at once
        seen = [(p.name, p.scenario_name, p.you, p.login) for p in mine.present()]
        assert seen == [
            ("Ana", base.name, True, "revorg"),
            ("Vera Núñez", "Stretch", False, viewer),
        ]
        # Vera (a viewer) sees the same list, herself marked.
        assert [(p.name, p.you) for p in vera.present()] == [("Ana", False), ("Vera Núñez", True)]
        vera.beat()  # a beat announces nothing
        vera.announce(base.id, base.name)  # another scenario does
        assert presence_notice(listener)
        assert [p.scenario_name for p in mine.present()] == [base.name, base.name]
        vera.leave()
        assert presence_notice(listener)
        assert [p.name for p in mine.present()] == ["Ana"]


def test_a_window_that_died_drops_out_after_30_seconds_and_a_beat_removes_it(
    ana: tuple[TeamPlanDocument, PlanListener, Presence], team: TeamServer, viewer: str,
    url: str,
) -> None:  # fmt: skip
    _document, _listener, mine = ana
    mine.announce(None, None)
    connection, vera = vera_presence(team, viewer, url)
    with connection:
        vera.announce(None, None)
    # Her window died 31 seconds ago: no leave, no beat since.
    team.admin(
        "UPDATE revorg.presence SET last_seen = now() - interval '31 seconds' "
        f"WHERE session_id = '{vera.session_id}'"
    )
    assert [p.name for p in mine.present()] == ["Ana"]
    mine.beat()
    assert team.admin(f"SELECT count(*) FROM revorg.presence WHERE plan_id = {mine.plan_id}") == [
        (1,)
    ]
    # Ana's own row removed meanwhile (her laptop slept): her next beat puts it back.
    team.admin(f"DELETE FROM revorg.presence WHERE session_id = '{mine.session_id}'")
    mine.beat()
    assert [p.name for p in mine.present()] == ["Ana"]


def test_outsiders_see_nobody_and_nobody_writes_anothers_row(
    ana: tuple[TeamPlanDocument, PlanListener, Presence], team: TeamServer, viewer: str,
    url: str, make_user: Callable[[str], str],
) -> None:  # fmt: skip
    document, _listener, mine = ana
    mine.announce(None, None)
    outsider = make_user("otto")
    with psql_as(team, outsider) as connection:
        assert connection.execute("SELECT count(*) FROM revorg.presence").fetchone() == (0,)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute(
                "INSERT INTO revorg.presence (session_id, plan_id, name) VALUES ('x', %s, 'O')",
                (document.registered.id,),
            )
    with psql_as(team, viewer) as connection:
        changed = connection.execute(
            "UPDATE revorg.presence SET name = 'Mallory' WHERE session_id = %s",
            (mine.session_id,),
        )
        assert changed.rowcount == 0  # not her row: the policy hides it from UPDATE
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute(
                "INSERT INTO revorg.presence (session_id, plan_id, login, name) "
                "VALUES ('y', %s, 'revorg', 'Ana')",
                (document.registered.id,),
            )
    assert [p.name for p in mine.present()] == ["Ana"]
