"""Opening a team plan from the user's cache (revorg.model.team.cache*): the copy kept at the
last open, brought up to date with the log's steps since, must be exactly what reading the plan
whole gives; whatever the log cannot explain (a psql UPDATE, a gap, a damaged or foreign
copy, another role) reads it whole. Each open is compared with a fresh read, every table."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from revorg.model.document import PlanDocument
from revorg.model.editing import requests
from revorg.model.team.address import parse_plan_url
from revorg.model.team.cache import USER_CACHE, cache_folder
from revorg.model.team.document import TeamPlanDocument
from revorg.model.team.editing import open_team_editor
from revorg.model.team.transfer import publish
from tests.adversarial.plans import dump
from tests.conftest import CliRunner
from tests.model.history.conftest import by_title
from tests.team.conftest import TeamServer
from tests.team.logins import PASSWORD, new_viewer, url_as
from tests.team.test_roles import schema_of
from tests.team.test_without_salaries import salaries_in

LOG = ("history_steps", "history_changes", "history_chain")


def publish_demo(team: TeamServer, plan_name: str, demo_file: Path) -> str:
    """The demo plan published (by the server's administrator, an owner); its URL."""
    url = team.url(plan_name)
    with PlanDocument.open(demo_file, for_editing=False) as document:
        publish(document.connection, parse_plan_url(url))
    return url


@pytest.fixture
def published(team: TeamServer, plan_name: str, demo_file: Path) -> str:
    return publish_demo(team, plan_name, demo_file)


def opened(url: str, **options: Any) -> dict[str, Any]:
    """Every table of the plan as an open reads it (the log's rows too), and its version."""
    with TeamPlanDocument(parse_plan_url(url), **options) as document:
        tables: dict[str, Any] = dict(dump(document))
        for table in LOG:
            rows = document.session.connection().exec_driver_sql(f"SELECT * FROM {table}")
            tables[table] = sorted(map(tuple, rows))
        tables["version"] = document.version
        tables["row_versions"] = dict(document.row_versions)
        return tables


def fresh(url: str, **options: Any) -> dict[str, Any]:
    return opened(url, cache=None, **options)


def assert_same(cached: dict[str, Any], whole: dict[str, Any]) -> None:
    differing = sorted(name for name in whole if cached.get(name) != whole[name])
    assert cached == whole, differing


def cached_files() -> list[Path]:
    """The cache's entries (description first, then image), without the names' hints."""
    USER_CACHE.settle()  # the entry is written by a thread of its own
    files = [path for path in cache_folder().iterdir() if path.suffix != ".named"]
    return sorted(files, key=lambda path: path.suffix)


def name_hints() -> list[Path]:
    """The files saying a plan of that name was kept (PlanCache.knows_name)."""
    USER_CACHE.settle()
    return sorted(cache_folder().glob("*.named"))


def teammate(url: str, who: str = "Bo") -> Any:
    return open_team_editor(parse_plan_url(url), who)


def test_a_second_open_is_the_cached_copy_and_equals_a_fresh_read(
    published: str, whole_reads: list[str]
) -> None:
    first = opened(published)
    assert len(whole_reads) == 1
    files = cached_files()
    assert [path.suffix for path in files] == [".json", ".revorg"]
    assert [path.stat().st_mode & 0o777 for path in files] == [0o600, 0o600]
    assert [path.stat().st_mode & 0o777 for path in name_hints()] == [0o600]
    assert cache_folder().stat().st_mode & 0o777 == 0o700

    second = opened(published)
    assert len(whole_reads) == 1  # nothing copied from the server
    assert_same(second, first)
    assert_same(second, fresh(published))
    # For editing, the rows' versions are read in the same snapshot as the steps.
    assert_same(opened(published, for_editing=True), fresh(published, for_editing=True))
    assert len(whole_reads) == 3  # the two fresh reads only


def test_teammates_steps_between_opens_are_taken_in_from_the_log(
    published: str, whole_reads: list[str]
) -> None:
    opened(published)
    with teammate(published) as (_, bo):
        vp = by_title(bo, "VP Sales")
        changed = {"title": "Chief Sales", "annual_cost": Decimal(131000)}
        bo.perform(requests.edit_fields(bo, vp, changed))
        bo.perform(requests.add_role(bo, "sdr", by_title(bo, "SDR Manager")))
        bo.perform(requests.delete(bo, [by_title(bo, "SDR")], keep_reports=False))
        bo.perform(requests.set_target(bo, "goal", Decimal(1_250_000)))
    reads_before = len(whole_reads)
    cached = opened(published, for_editing=True)
    assert len(whole_reads) == reads_before
    assert cached["version"] == 4
    assert any(row["title"] == "Chief Sales" for row in cached["positions"])
    assert_same(cached, fresh(published, for_editing=True))

    # The copy was kept again at version 4, and its row versions let Ana's edit of the card
    # Bo changed land (no false conflict).
    with teammate(published, "Ana") as (document, ana):
        assert document.version == 4
        ana.perform(requests.edit_fields(ana, by_title(ana, "Chief Sales"), {"title": "CSO"}))
    assert len(whole_reads) == reads_before + 1  # the fresh read above, nothing else
    assert opened(published)["version"] == 5


def test_a_psql_update_between_opens_is_seen(
    team: TeamServer, plan_name: str, published: str, whole_reads: list[str]
) -> None:
    opened(published)
    schema = schema_of(team, plan_name)
    # An editor's change with psql: no step, no new version.
    team.admin(f"UPDATE \"{schema}\".positions SET title = 'Changed by psql' WHERE id = 2")
    after = opened(published)
    assert len(whole_reads) == 2
    assert any(row["title"] == "Changed by psql" for row in after["positions"])
    assert_same(after, fresh(published))
    # Read whole once: the next open is from the copy kept then.
    opened(published)
    assert len(whole_reads) == 3


def test_a_change_of_the_tables_or_a_disabled_trigger_reads_the_plan_whole(
    team: TeamServer, plan_name: str, published: str, whole_reads: list[str]
) -> None:
    opened(published)
    schema = schema_of(team, plan_name)
    # A rewrite by DDL fires no trigger: the table's storage changed.
    team.admin(f'ALTER TABLE "{schema}".positions ALTER COLUMN title TYPE text USING upper(title)')
    assert any(row["title"] == "VP SALES" for row in opened(published)["positions"])
    assert len(whole_reads) == 2
    team.admin(f'ALTER TABLE "{schema}".positions DISABLE TRIGGER note_outside_write')
    opened(published)
    opened(published)
    assert len(whole_reads) == 4  # no copy is trusted, nor kept
    assert cached_files() == []
    team.admin(f'ALTER TABLE "{schema}".positions ENABLE TRIGGER note_outside_write')
    team.admin(f'DROP TABLE "{schema}".outside_writes')
    assert_same(opened(published), fresh(published))
    assert len(whole_reads) == 6
    assert cached_files() == []


def test_a_viewers_cache_never_holds_salaries(
    run_cli: CliRunner,
    team: TeamServer,
    published: str,
    plan_name: str,
    make_user: Callable[[str], str],
    whole_reads: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    vera = new_viewer(run_cli, make_user, published)
    as_vera = url_as(team, vera, plan_name)

    def vera_opens(read: Callable[..., dict[str, Any]] = opened) -> dict[str, Any]:
        with monkeypatch.context() as patched:
            patched.setenv("PGPASSWORD", PASSWORD)
            return read(as_vera)

    def cached_text() -> str:
        return "\n".join(path.read_bytes().decode("latin-1") for path in cached_files())

    assert vera_opens()["positions"]
    assert salaries_in(cached_text()) == []
    with teammate(published) as (_, bo):
        ae = by_title(bo, "Account Executive")
        bo.perform(requests.edit_fields(bo, ae, {"annual_cost": Decimal(123457)}))
        bo.perform(requests.add_role(bo, "sdr", by_title(bo, "SDR Manager")))
    reads = len(whole_reads)
    cached = vera_opens()
    assert len(whole_reads) == reads  # the two steps taken in
    assert_same(cached, vera_opens(fresh))
    assert salaries_in(cached_text()) == []
    assert {row["annual_cost"] for row in cached["positions"]} == {Decimal(0)}

    # Made editor: the copy without salaries is dropped, the plan read whole with them.
    assert run_cli("team", "revoke", published, "--user", vera).code == 0
    assert run_cli("team", "grant", published, "--user", vera, "--role", "editor").code == 0
    assert Decimal(123457) in {row["annual_cost"] for row in vera_opens()["positions"]}
    assert salaries_in(cached_text()) != []  # as a pulled file would hold them
    # Made viewer again: the copy with salaries leaves the disk at the next open.
    assert run_cli("team", "revoke", published, "--user", vera).code == 0
    assert run_cli("team", "grant", published, "--user", vera, "--role", "viewer").code == 0
    assert_same(vera_opens(), vera_opens(fresh))
    assert salaries_in(cached_text()) == []


@pytest.mark.parametrize("damage", ["bytes", "cut", "description"])
def test_a_damaged_cache_is_dropped_and_the_servers_image_taken(
    published: str, whole_reads: list[str], image_reads: list[str], damage: str
) -> None:
    opened(published)
    description, image = cached_files()
    if damage == "bytes":
        data = bytearray(image.read_bytes())
        data[5000:5400] = b"\xa5" * 400
        image.write_bytes(bytes(data))
    elif damage == "cut":
        image.write_bytes(image.read_bytes()[:8192])
    else:
        description.write_text("{not json")
    assert_same(opened(published), fresh(published))
    # No row copied: the plan's image on the server (revorg.model.team.images) instead.
    assert (len(whole_reads), len(image_reads)) == (2, 1)


def test_a_gap_in_the_log_reads_the_plan_whole(
    team: TeamServer, plan_name: str, published: str, whole_reads: list[str]
) -> None:
    opened(published)
    with teammate(published) as (_, bo):
        # Three cards: the last step alone would replay on the copy without complaint.
        for card, title in (
            ("VP Sales", "One"),
            ("VP Marketing", "Two"),
            ("Head of RevOps", "Three"),
        ):
            bo.perform(requests.edit_fields(bo, by_title(bo, card), {"title": title}))
    schema = schema_of(team, plan_name)
    # A compaction on the server (as RevOrg might one day make it): steps 1 and 2 dropped, and
    # not marked as a change made outside RevOrg, so only the gap tells.
    team.admin(
        f'BEGIN; DELETE FROM "{schema}".history_changes WHERE step_id <= 2; '
        f'DELETE FROM "{schema}".history_steps WHERE id <= 2; '
        f'DELETE FROM "{schema}".outside_writes WHERE txid = txid_current(); COMMIT'
    )
    reads = len(whole_reads)
    assert_same(opened(published), fresh(published))
    assert len(whole_reads) == reads + 2


def test_a_cache_written_by_another_version_of_revorg_is_dropped(
    published: str, whole_reads: list[str], image_reads: list[str]
) -> None:
    opened(published)
    description = cached_files()[0]
    description.write_text(description.read_text().replace('"program": "', '"program": "0.0.'))
    assert_same(opened(published), fresh(published))
    assert (len(whole_reads), len(image_reads)) == (2, 1)
    assert len(cached_files()) == 2  # the old entry's image removed, the new one kept
