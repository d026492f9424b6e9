"""The plan images kept on the team server (revorg.model.team.images): a machine without a
cached copy opens the image of its reading role and takes in the log's steps after it. Each
open is compared with a fresh read of every row, every table; an image that is not a checked
plan of the server's log as it is now, or a viewers' image with a salary in it, is refused and
the plan read whole."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import revorg.model.team.cache_open as cache_open
from revorg.model.editing import requests
from revorg.model.team.cache import USER_CACHE, cache_folder
from tests.conftest import CliRunner
from tests.model.history.conftest import by_title
from tests.team.conftest import TeamServer
from tests.team.logins import PASSWORD, new_viewer, url_as
from tests.team.test_team_cache import (
    assert_same,
    cached_files,
    fresh,
    name_hints,
    opened,
    publish_demo,
    teammate,
)
from tests.team.test_without_salaries import salaries_in


@pytest.fixture
def published(team: TeamServer, plan_name: str, demo_file: Path) -> str:
    return publish_demo(team, plan_name, demo_file)


def new_machine() -> None:
    """Another machine of the same user: nothing in the cache folder."""
    USER_CACHE.settle()
    shutil.rmtree(cache_folder(), ignore_errors=True)


def images(team: TeamServer, plan_name: str) -> dict[bool, tuple[int, bytes]]:
    """The plan's images as the server keeps them (read as its administrator)."""
    rows = team.admin(
        "SELECT i.salaries, i.version, i.image FROM revorg.plan_images i "
        f"JOIN revorg.plans p ON p.id = i.plan_id WHERE p.name = '{plan_name}'"
    )
    return {bool(row[0]): (int(str(row[1])), bytes(row[2])) for row in rows}  # type: ignore[call-overload]


def _changed(image: bytes, sql: str, *values: object) -> bytes:
    """The image with one statement run on it, its constraints not checked (as a forger's)."""
    plan = sqlite3.connect(":memory:")
    plan.deserialize(image)
    plan.execute("PRAGMA ignore_check_constraints = ON")
    with plan:
        plan.execute(sql, values)
    data = plan.serialize()
    plan.close()
    return data


def _with_damaged_log(image: bytes) -> bytes:
    """The image with the first page of its change log's table overwritten: the rest reads."""
    plan = sqlite3.connect(":memory:")
    plan.deserialize(image)
    (root,) = plan.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'history_changes'"
    ).fetchone()
    (size,) = plan.execute("PRAGMA page_size").fetchone()
    plan.close()
    start = (root - 1) * size
    return image[:start] + b"\xff" * 16 + image[start + 16 :]


def test_the_first_open_on_a_machine_is_the_servers_image(
    team: TeamServer,
    plan_name: str,
    published: str,
    whole_reads: list[str],
    image_reads: list[str],
) -> None:
    opened(published)  # read whole: the editor's RevOrg writes the two images
    assert sorted(images(team, plan_name)) == [False, True]
    new_machine()
    first = opened(published)
    assert (len(whole_reads), len(image_reads)) == (1, 1)  # no row copied
    assert_same(first, fresh(published))
    new_machine()  # for editing: the rows' versions read in the same snapshot
    assert_same(opened(published, for_editing=True), fresh(published, for_editing=True))
    assert len(image_reads) == 2


def test_a_machine_without_a_copy_gets_the_image_with_the_first_question(
    team: TeamServer,
    plan_name: str,
    published: str,
    image_reads: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened(published)  # read whole: the images written, and a copy kept here
    apart: list[int] = []  # the images asked for in a question of their own
    read_image = cache_open.read_image

    def counted(driver: Any, plan_id: int, **options: Any) -> Any:
        apart.append(plan_id)
        return read_image(driver, plan_id, **options)

    monkeypatch.setattr(cache_open, "read_image", counted)
    new_machine()  # no copy, no hint: the image comes with the facts
    assert_same(opened(published), fresh(published))
    assert (len(image_reads), apart) == (1, [])
    hints = name_hints()
    assert len(hints) == 1  # written with the copy kept
    # A hint, but the copy gone (dropped as stale): the image asked for apart, as before.
    for path in cached_files():
        path.unlink()
    assert_same(opened(published), fresh(published))
    assert (len(image_reads), len(apart)) == (2, 1)
    # A copy but no hint (kept by an older RevOrg): the image came, the copy is taken.
    hints[0].unlink()
    with teammate(published) as (_, bo):
        bo.perform(requests.edit_fields(bo, by_title(bo, "VP Sales"), {"title": "CSO"}))
    assert_same(opened(published), fresh(published))
    assert (len(image_reads), len(apart)) == (2, 1)
    assert hints[0].exists()


def test_teammates_steps_after_the_image_are_taken_in_and_an_edit_lands(
    team: TeamServer, plan_name: str, published: str, image_reads: list[str]
) -> None:
    opened(published)
    with teammate(published) as (_, bo):
        vp = by_title(bo, "VP Sales")
        bo.perform(requests.edit_fields(bo, vp, {"title": "CSO", "annual_cost": Decimal(131000)}))
        bo.perform(requests.add_role(bo, "sdr", by_title(bo, "SDR Manager")))
        bo.perform(requests.delete(bo, [by_title(bo, "SDR")], keep_reports=False))
    new_machine()
    taken = opened(published, for_editing=True)
    assert len(image_reads) >= 1
    assert taken["version"] == 3
    assert_same(taken, fresh(published, for_editing=True))
    new_machine()
    with teammate(published, "Ana") as (document, ana):  # opened from the image, edits
        assert document.version == 3
        ana.perform(requests.edit_fields(ana, by_title(ana, "CSO"), {"title": "CRO 2"}))
    assert opened(published)["version"] == 4


def test_an_image_far_behind_the_log_is_written_again(
    team: TeamServer, plan_name: str, published: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache_open, "REFRESH_AFTER_STEPS", 2)
    opened(published)
    assert {version for version, _ in images(team, plan_name).values()} == {0}
    with teammate(published) as (_, bo):
        bo.perform(requests.edit_fields(bo, by_title(bo, "VP Sales"), {"title": "One"}))
    opened(published)  # one step behind: left as it is
    assert {version for version, _ in images(team, plan_name).values()} == {0}
    with teammate(published) as (_, bo):
        bo.perform(requests.edit_fields(bo, by_title(bo, "One"), {"title": "Two"}))
    opened(published)  # two steps behind: written again
    assert {version for version, _ in images(team, plan_name).values()} == {2}


def test_a_psql_update_after_the_image_reads_the_plan_whole_and_mends_it(
    team: TeamServer,
    plan_name: str,
    published: str,
    whole_reads: list[str],
    image_reads: list[str],
) -> None:
    opened(published)
    schema = team.admin(f"SELECT schema_name FROM revorg.plans WHERE name = '{plan_name}'")[0][0]
    team.admin(f"UPDATE \"{schema}\".positions SET title = 'Changed by psql' WHERE id = 2")
    new_machine()
    # The image is checked while the server works out its marks, then not taken: the marks
    # it was written with are not the server's any more. The plan is read whole.
    after = opened(published)
    assert (len(whole_reads), len(image_reads)) == (2, 1)
    assert any(row["title"] == "Changed by psql" for row in after["positions"])
    new_machine()
    assert_same(opened(published), fresh(published))  # the image written again, taken
    assert (len(whole_reads), len(image_reads)) == (3, 2)


@pytest.mark.parametrize(
    "damage",
    ["bytes", "cut", "not a plan", "log pages", "a bad value", "a bad log", "another plan"],
)
def test_a_damaged_or_forged_image_is_refused_and_written_again(
    team: TeamServer,
    plan_name: str,
    published: str,
    whole_reads: list[str],
    image_reads: list[str],
    damage: str,
) -> None:
    opened(published)
    _, image = images(team, plan_name)[True]
    if damage == "bytes":  # inside the pages: the integrity check finds it
        forged = image[:20000] + b"\xa5" * 4000 + image[24000:]
    elif damage == "cut":
        forged = image[: len(image) // 2]
    elif damage == "not a plan":
        forged = b"SQLite format 3\x00" + b"\x00" * 4080
    elif damage == "log pages":  # a file opens without a damaged log; an image is refused
        forged = _with_damaged_log(image)
    elif damage == "a bad value":  # sound pages, refused by the value check after the steps
        forged = _changed(image, "UPDATE positions SET annual_cost = 'lots' WHERE id = 2")
    elif damage == "a bad log":  # a chain row RevOrg never writes, read before the values
        forged = _changed(
            image,
            "INSERT OR REPLACE INTO history_chain (id, anchor, head, dropped, last_dropped_id) "
            "VALUES (1, 'not bytes', 'x', 0, 'lots')",
        )
    else:  # a valid plan of other content at the same version: a forger needs the log's head
        forged = _changed(
            image, "UPDATE positions SET title = 'VP Forged' WHERE title = ?", "VP Sales"
        )
    team.admin(
        f"UPDATE revorg.plan_images SET image = '\\x{forged.hex()}'::bytea WHERE salaries "
        f"AND plan_id = (SELECT id FROM revorg.plans WHERE name = '{plan_name}')"
    )
    new_machine()
    taken = opened(published)
    if damage == "another plan":  # nothing tells it from the plan: an editor's right (docs)
        assert any(row["title"] == "VP Forged" for row in taken["positions"])
        return
    assert_same(taken, fresh(published))
    assert len(whole_reads) == 3  # refused: read whole, and the image written again
    assert images(team, plan_name)[True][1] != forged
    new_machine()
    assert_same(opened(published), fresh(published))
    assert len(image_reads) == 2


def test_a_viewer_reads_the_image_without_salaries_and_never_the_other(
    run_cli: CliRunner,
    team: TeamServer,
    published: str,
    plan_name: str,
    make_user: Callable[[str], str],
    image_reads: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    vera = new_viewer(run_cli, make_user, published)
    as_vera = url_as(team, vera, plan_name)
    monkeypatch.setattr(cache_open, "REFRESH_AFTER_STEPS", 1)
    with teammate(published) as (_, bo):  # a salary's change in the log
        ae = by_title(bo, "Account Executive")
        bo.perform(requests.edit_fields(bo, ae, {"annual_cost": Decimal(123457)}))
    opened(published)  # an editor's open a step after the images: written again
    kept = images(team, plan_name)
    assert {version for version, _ in kept.values()} == {1}
    assert salaries_in(kept[False][1].decode("latin-1")) == []
    assert salaries_in(kept[True][1].decode("latin-1")) != []

    new_machine()
    monkeypatch.setenv("PGPASSWORD", PASSWORD)  # Vera from here on
    seen = opened(as_vera)
    assert len(image_reads) == 1
    assert {row["annual_cost"] for row in seen["positions"]} == {Decimal(0)}
    assert_same(seen, fresh(as_vera))

    # With psql: the viewer sees only the image without salaries, and may write neither.
    import psycopg

    with psycopg.connect(as_vera.split("?")[0], password=PASSWORD, autocommit=True) as psql:
        assert psql.execute("SELECT salaries FROM revorg.plan_images").fetchall() == [(False,)]
        # Row-level security: the rows are not hers to change (none changed) nor to add.
        assert psql.execute("UPDATE revorg.plan_images SET image = 'x'").rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            psql.execute(
                "INSERT INTO revorg.plan_images (plan_id, salaries, version, marks, image) "
                "SELECT plan_id, true, version + 1, marks, image FROM revorg.plan_images"
            )
    assert images(team, plan_name) == kept


def test_a_viewer_refuses_a_viewers_image_that_holds_salaries(
    run_cli: CliRunner,
    team: TeamServer,
    published: str,
    plan_name: str,
    make_user: Callable[[str], str],
    whole_reads: list[str],
    image_reads: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    vera = new_viewer(run_cli, make_user, published)
    opened(published)
    # An editor's buggy (or spiteful) RevOrg stores the editors' image as the viewers' one.
    team.admin(
        "UPDATE revorg.plan_images v SET image = e.image FROM revorg.plan_images e "
        "WHERE v.plan_id = e.plan_id AND e.salaries AND NOT v.salaries"
    )
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    as_vera = url_as(team, vera, plan_name)
    new_machine()
    seen = opened(as_vera)
    assert (len(whole_reads), len(image_reads)) == (2, 1)  # checked, refused, read whole
    assert {row["annual_cost"] for row in seen["positions"]} == {Decimal(0)}
    USER_CACHE.settle()
    cached = "\n".join(path.read_bytes().decode("latin-1") for path in cache_folder().iterdir())
    assert salaries_in(cached) == []
