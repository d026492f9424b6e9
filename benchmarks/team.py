"""`scripts/bench --team SERVER_URL`: a team plan against the same plan in a file (issue 17).

    python -m benchmarks.run --team postgresql://revorg@127.0.0.1:5433/revorg [--repeat 3]

The password comes as for any team plan (PGPASSWORD, PGPASSFILE: `scripts/team-server start`
prints it). On a generated plan of 10,000 positions, published under a new name: opening it
from the server (read in one snapshot, checked, row versions included) beside opening its
file, and one edit (a card's title) until it is committed: on the server (one transaction:
chain lock, guarded UPDATE, the step) beside the file (the edit, then its save). Goals: open at
most 1.5 times the file, an edit under 50 ms.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

POSITIONS = 10_000
EDITS = 20
GOALS = {"open_ratio": 1.5, "edit_ms": 50.0}


def measure_team(server_url: str, repeat: int, positions: int = POSITIONS) -> dict[str, Any]:
    from revorg.cli.editing import open_for_editing
    from revorg.model.document import PlanDocument
    from revorg.model.editing import requests
    from revorg.model.generator import generate_plan
    from revorg.model.team.address import parse_plan_url
    from revorg.model.team.document import TeamPlanDocument
    from revorg.model.team.editing import open_team_editor
    from revorg.model.team.transfer import publish

    name = f"bench {positions} {time.strftime('%Y%m%d-%H%M%S')}"
    address = parse_plan_url(f"{server_url}?plan={name.replace(' ', '%20')}")
    with tempfile.TemporaryDirectory(prefix="revorg-bench-team-") as folder:
        path = Path(folder) / "plan.revorg"
        with generate_plan(positions) as document:
            document.save_as(path)
            publish(document.connection, address)

        open_file, open_team, open_edit = [], [], []
        for _ in range(repeat):
            started = time.perf_counter()
            with PlanDocument.open(path, for_editing=False):
                open_file.append(time.perf_counter() - started)
            started = time.perf_counter()
            with TeamPlanDocument(address):
                open_team.append(time.perf_counter() - started)
            started = time.perf_counter()  # for editing: the row versions too
            with TeamPlanDocument(address, for_editing=True):
                open_edit.append(time.perf_counter() - started)

        edit_team: list[float] = []
        with open_team_editor(address, "bench") as (_, editor):
            cards = sorted(editor.positions())
            for number in range(EDITS):
                edit = requests.edit_fields(editor, cards[number], {"title": f"Team {number}"})
                assert edit is not None
                started = time.perf_counter()
                editor.perform(edit)
                edit_team.append(time.perf_counter() - started)
        edit_file: list[float] = []
        with open_for_editing(path, "bench") as (document, editor):
            cards = sorted(editor.positions())
            for number in range(min(EDITS, 5)):  # each save writes the whole file
                edit = requests.edit_fields(editor, cards[number], {"title": f"File {number}"})
                assert edit is not None
                started = time.perf_counter()
                editor.perform(edit)
                document.save()
                edit_file.append(time.perf_counter() - started)
    file_s, team_s = statistics.median(open_file), statistics.median(open_team)
    return {
        "positions": positions,
        "open_file_s": round(file_s, 3),
        "open_team_s": round(team_s, 3),
        "open_ratio": round(team_s / file_s, 2),
        "open_team_for_editing_s": round(statistics.median(open_edit), 3),
        "edit_team_ms": round(statistics.median(edit_team) * 1000, 1),
        "edit_file_with_save_ms": round(statistics.median(edit_file) * 1000, 1),
        "goals": GOALS,
    }


def render(result: dict[str, Any]) -> str:
    goals = result["goals"]
    ratio_ok = "ok" if result["open_ratio"] <= goals["open_ratio"] else "MISSED"
    edit_ok = "ok" if result["edit_team_ms"] < goals["edit_ms"] else "MISSED"
    return (
        f"team plan of {result['positions']:,} positions against its file\n"
        f"  open: file {result['open_file_s']:.3f} s, team {result['open_team_s']:.3f} s, "
        f"{result['open_ratio']:.2f}x (goal <= {goals['open_ratio']}x: {ratio_ok}); "
        f"for editing {result['open_team_for_editing_s']:.3f} s\n"
        f"  one edit committed: team {result['edit_team_ms']:.1f} ms "
        f"(goal < {goals['edit_ms']:g} ms: {edit_ok}); file, edit and save "
        f"{result['edit_file_with_save_ms']:.1f} ms\n"
    )


LIVE_GOAL_MS = 1000.0  # a teammate's edit visible in the open window within a second


def measure_live(server_url: str, repeat: int, positions: int = POSITIONS) -> dict[str, Any]:
    """A teammate's edit visible (`scripts/bench --team-live SERVER_URL`): from the moment the
    teammate's edit starts until the user's open plan has taken it in (the server's notice
    arrived, the step read, played on the copy, the cached rows, tree and sums updated): what
    the window then redraws is one card and the numbers. `repeat` x 10 edits, the median."""
    import select

    from revorg.model.editing import requests
    from revorg.model.generator import generate_plan
    from revorg.model.team.address import parse_plan_url
    from revorg.model.team.editing import open_team_editor
    from revorg.model.team.live import LivePlan
    from revorg.model.team.transfer import publish

    name = f"bench live {positions} {time.strftime('%Y%m%d-%H%M%S')}"
    address = parse_plan_url(f"{server_url}?plan={name.replace(' ', '%20')}")
    with generate_plan(positions) as document:
        publish(document.connection, address)
    visible: list[float] = []
    with (
        open_team_editor(address, "Ana") as (ana_document, ana),
        open_team_editor(address, "Bo") as (_, bo),
    ):
        live = LivePlan(ana_document)
        live.watch(ana)
        ana.tree()  # the chart drawn: its rows cached, updated in place
        ana.summary()
        cards = sorted(bo.positions())
        try:
            for number in range(repeat * 10):
                edit = requests.edit_fields(bo, cards[number], {"title": f"Live {number}"})
                assert edit is not None
                started = time.perf_counter()
                bo.perform(edit)
                select.select([live.listener.fileno()], [], [], 10)
                live.listener.notices()
                done = live.catch_up(ana)
                ana.summary()
                visible.append(time.perf_counter() - started)
                assert done.change is not None and ana.positions()[cards[number]].title == (
                    f"Live {number}"
                )
        finally:
            live.close()
    return {
        "positions": positions,
        "edits": len(visible),
        "visible_ms": round(statistics.median(visible) * 1000, 1),
        "visible_max_ms": round(max(visible) * 1000, 1),
        "goal_ms": LIVE_GOAL_MS,
    }


def render_live(result: dict[str, Any]) -> str:
    ok = "ok" if result["visible_ms"] < result["goal_ms"] else "MISSED"
    return (
        f"team plan of {result['positions']:,} positions, {result['edits']} teammate edits\n"
        f"  a teammate's edit taken into the open plan: median {result['visible_ms']:.1f} ms, "
        f"slowest {result['visible_max_ms']:.1f} ms (goal < {result['goal_ms']:g} ms: {ok})\n"
    )
