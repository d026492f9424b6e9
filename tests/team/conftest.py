"""A real PostgreSQL server for the team-plan tests: one throwaway cluster per test run, made by
scripts/team-server in a temporary folder (initdb, a free port on 127.0.0.1, run as an
unprivileged user when the tests run as root), stopped and removed at the end. The newest
PostgreSQL installed, or the one in REVORG_POSTGRESQL_BIN (scripts/team-server-versions runs
the tests on other versions that way).

Without PostgreSQL's programs the tests are skipped with the reason, unless
REVORG_REQUIRE_POSTGRESQL=1 (CI: .ci/run sets it, and scripts/test installs the packages
through scripts/system-packages), where they fail instead.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

import revorg.model.team.cache_open as cache_open
import revorg.model.team.transfer as transfer
from tests.conftest import REPO_ROOT, CliRunner

REQUIRE_POSTGRESQL = os.environ.get("REVORG_REQUIRE_POSTGRESQL") == "1"
SCRIPT = REPO_ROOT / "scripts" / "team-server"


def postgresql_programs() -> Path | None:
    """The folder of the programs scripts/team-server runs: REVORG_POSTGRESQL_BIN when set (the
    script refuses one without them, so such a run fails rather than skips), else the newest
    PostgreSQL installed."""
    chosen = os.environ.get("REVORG_POSTGRESQL_BIN")
    if chosen:
        return Path(chosen)
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: p.parts)
    if found:
        return found[-1].parent
    pg_ctl = shutil.which("pg_ctl")
    return Path(pg_ctl).parent if pg_ctl else None


@dataclass(frozen=True)
class TeamServer:
    """The running test cluster: its port, and the pgpass file holding the superuser's
    password (the tests point PGPASSFILE at it, as a user would)."""

    folder: Path
    port: int
    pgpass: Path

    @property
    def password(self) -> str:
        return self.pgpass.read_text().strip().rsplit(":", 1)[1]

    def server_url(self, database: str = "revorg", user: str = "revorg") -> str:
        return f"postgresql://{user}@127.0.0.1:{self.port}/{database}"

    def url(self, plan: str, database: str = "revorg") -> str:
        return f"{self.server_url(database)}?plan={quote(plan, safe='')}"

    def admin(self, sql: str, database: str = "revorg") -> list[tuple[object, ...]]:
        """Run SQL as the superuser (autocommit), as an administrator with psql would."""
        import psycopg

        with psycopg.connect(
            host="127.0.0.1",
            port=self.port,
            user="revorg",
            password=self.password,
            dbname=database,
            autocommit=True,
        ) as connection:
            cursor = connection.execute(sql)
            return list(cursor.fetchall()) if cursor.description else []


@pytest.fixture(scope="session")
def team_server() -> Iterator[TeamServer]:
    if postgresql_programs() is None:
        if REQUIRE_POSTGRESQL:
            pytest.fail(
                "REVORG_REQUIRE_POSTGRESQL=1 but PostgreSQL (pg_ctl, initdb) is not installed"
            )
        pytest.skip("PostgreSQL is not installed (scripts/system-packages installs it)")
    # Not under pytest's own temporary folder: it is private to this user, and the server's
    # user (postgres, when the tests run as root) must reach the cluster.
    folder = Path(tempfile.mkdtemp(prefix="revorg-team-server-"))
    folder.chmod(0o755)
    environment = {**os.environ, "TEAM_SERVER_DIR": str(folder)}
    started = subprocess.run(
        [str(SCRIPT), "start"], env=environment, capture_output=True, text=True, check=False
    )
    try:
        if started.returncode != 0:
            pytest.fail(f"scripts/team-server start failed: {started.stderr.strip()}")
        yield TeamServer(folder, int((folder / "port").read_text()), folder / "pgpass")
    finally:
        subprocess.run([str(SCRIPT), "stop"], env=environment, capture_output=True, check=False)
        shutil.rmtree(folder, ignore_errors=True)


_names = itertools.count(1)


@pytest.fixture
def team(team_server: TeamServer, monkeypatch: pytest.MonkeyPatch) -> TeamServer:
    """The server, with this test's password source: the cluster's pgpass file (PGPASSFILE)."""
    monkeypatch.setenv("PGPASSFILE", str(team_server.pgpass))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    # No desktop keyring in a test: asking one would reach the developer's own.
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    return team_server


@pytest.fixture
def plan_name() -> str:
    """A plan name no other test of this run uses (the server lives for the whole run)."""
    return f"Plan {next(_names)} FY27"


@pytest.fixture
def published(run_cli: CliRunner, team: TeamServer, plan_name: str, demo_file: Path) -> str:
    """The demo plan published with `revorg push` by the server's administrator (who becomes
    its owner); its URL."""
    url = team.url(plan_name)
    assert run_cli("push", demo_file, url).code == 0
    return url


@pytest.fixture
def make_user(team: TeamServer) -> Iterator[Callable[[str], str]]:
    """A login role on the test server (name made unique for the run: roles are global)."""
    from psycopg import sql

    from tests.team.logins import PASSWORD, USERS

    made: list[str] = []

    def make(base: str) -> str:
        name = f"{base}{next(USERS)}"
        team.admin(
            sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}")
            .format(sql.Identifier(name), sql.Literal(PASSWORD))
            .as_string(None)
        )
        made.append(name)
        return name

    yield make
    for name in made:  # the plans' roles stay granted to nobody
        team.admin(sql.SQL("DROP OWNED BY {}").format(sql.Identifier(name)).as_string(None))
        team.admin(sql.SQL("DROP ROLE {}").format(sql.Identifier(name)).as_string(None))


@pytest.fixture
def whole_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The plans read whole (every row copied from the server), by schema."""
    reads: list[str] = []
    copy_plan = transfer.copy_plan

    def counted(connection: Any, memory: Any, schema: str, **options: Any) -> Any:
        reads.append(schema)
        return copy_plan(connection, memory, schema, **options)

    monkeypatch.setattr(transfer, "copy_plan", counted)
    return reads


@pytest.fixture
def image_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The server's images taken by an open (checked, then brought up to date), by label."""
    reads: list[str] = []
    checked_image = cache_open.checked_image

    def counted(image: Any, label: str, **options: Any) -> Any:
        reads.append(label)
        return checked_image(image, label, **options)

    monkeypatch.setattr(cache_open, "checked_image", counted)
    return reads
