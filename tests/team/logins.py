"""Login roles for the team-plan tests: a user's URL, the CLI and plain SQL as that user."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

import psycopg
import pytest

from tests.conftest import CliResult, CliRunner
from tests.team.conftest import TeamServer

PASSWORD = "Login-Pw-1"  # every test user's
USERS = itertools.count(1)  # roles are global to the cluster: each test makes new names


def url_as(team: TeamServer, user: str, plan: str) -> str:
    from urllib.parse import quote

    return team.url(plan).replace("revorg@", f"{quote(user, safe='')}@", 1)


def new_viewer(run_cli: CliRunner, make_user: Callable[[str], str], url: str) -> str:
    """A new login, made viewer of the plan at `url` by its owner (the server's administrator)."""
    name = make_user("vera")
    assert run_cli("team", "grant", url, "--user", name, "--role", "viewer").code == 0
    return name


def as_user(
    run_cli: CliRunner, monkeypatch: pytest.MonkeyPatch, *arguments: str | Path
) -> CliResult:
    """`revorg ...` with the test users' password (PGPASSWORD wins over the pgpass file)."""
    with monkeypatch.context() as patched:
        patched.setenv("PGPASSWORD", PASSWORD)
        return run_cli(*arguments)


def psql_as(team: TeamServer, user: str) -> psycopg.Connection[tuple[object, ...]]:
    """The user's own connection, as with psql: no RevOrg in between."""
    return psycopg.connect(
        host="127.0.0.1", port=team.port, user=user, password=PASSWORD, dbname="revorg",
        autocommit=True,
    )  # fmt: skip
