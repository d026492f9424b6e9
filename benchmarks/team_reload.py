"""`python -m benchmarks.run --team-reload SERVER_URL`: the window after a refused edit (issue 17).

    PGPASSFILE=... python -m benchmarks.run --team-reload postgresql://revorg@127.0.0.1:5433/revorg

A generated plan of 10,000 positions is published under a new name and opened in a headless
window as `revorg URL` opens it (first view, first paint). Each round, a teammate (Bo, the
command line's editor) changes a card's title; the window's user then changes the same card
before the teammate's notice was read, so the server refuses it. Timed: the reload, from the
refused edit's return until the refused bar is shown and the window shows the plan as the
server has it (the card carries Bo's title), the repaint included; and apart, the refused edit
itself (sent, refused, who and when read from the server's log). Wall and CPU (this process)
times, medians.

The benchmark drives the window only through what a user does (an edit, the event loop), so
the same file measures any commit's window (run it beside an older checkout to compare).
"""

from __future__ import annotations

import statistics
import time
from typing import Any

POSITIONS = 10_000
ROUNDS = 5
GOAL_MS = 200.0  # the reload after a refusal feels like an edit, not like opening the plan


def measure_reload(server_url: str, repeat: int, positions: int = POSITIONS) -> dict[str, Any]:
    from PySide6.QtWidgets import QMessageBox

    from benchmarks.measure import Gui
    from revorg.gui.window.main_window import MainWindow
    from revorg.model.editing import requests
    from revorg.model.generator import generate_plan
    from revorg.model.team.address import parse_plan_url
    from revorg.model.team.editing import open_team_editor
    from revorg.model.team.session import TeamSession
    from revorg.model.team.transfer import publish

    gui = Gui()
    name = f"bench reload {positions} {time.strftime('%Y%m%d-%H%M%S')}"
    address = parse_plan_url(f"{server_url}?plan={name.replace(' ', '%20')}")
    with generate_plan(positions) as document:
        publish(document.connection, address)
    session = TeamSession.open(address, "Ana")
    window = MainWindow(session.document, first_views=True)
    window.files.ask_unsaved = lambda *_args: QMessageBox.StandardButton.Discard
    window.team.show_session(session)
    window.view.viewport().installEventFilter(gui.watcher)
    gui.paints = 0
    window.show()
    window.show_first_view()
    gui.wait_for_paint()
    walls: list[float] = []
    cpus: list[float] = []
    pushes: list[float] = []
    try:
        with open_team_editor(address, "Bo") as (_, bo):
            cards = sorted(bo.positions())[1 : 1 + repeat * ROUNDS]
            for number, card in enumerate(cards):
                title = f"Bo {number}"
                edit = requests.edit_fields(bo, card, {"title": title})
                assert edit is not None
                bo.perform(edit)  # its notice is not read: no event is processed until Ana's
                pushed = time.perf_counter()
                window.controller.edit(card, {"title": f"Ana {number}"})
                wall, cpu = time.perf_counter(), time.process_time()
                pushes.append(wall - pushed)
                deadline = wall + 60
                while not (
                    window.team.refused.isVisible()
                    and window.controller.editor.positions()[card].title == title
                ):
                    gui.app.processEvents()
                    if time.perf_counter() > deadline:
                        raise RuntimeError("the refusal was never shown")
                gui.settle()
                walls.append(time.perf_counter() - wall)
                cpus.append(time.process_time() - cpu)
                window.team.refused.hide()
    finally:
        window.close()
        gui.app.processEvents()
    return {
        "positions": positions,
        "rounds": len(walls),
        "reload_ms": round(statistics.median(walls) * 1000, 1),
        "reload_cpu_ms": round(statistics.median(cpus) * 1000, 1),
        "reload_max_ms": round(max(walls) * 1000, 1),
        "refused_edit_ms": round(statistics.median(pushes) * 1000, 1),
        "goal_ms": GOAL_MS,
    }


def render(result: dict[str, Any]) -> str:
    ok = "ok" if result["reload_ms"] < result["goal_ms"] else "MISSED"
    return (
        f"team plan of {result['positions']:,} positions, {result['rounds']} refused edits\n"
        f"  reload: refused edit returned to the bar and the teammate's value on screen: median "
        f"{result['reload_ms']:.1f} ms wall, {result['reload_cpu_ms']:.1f} ms CPU, slowest "
        f"{result['reload_max_ms']:.1f} ms (goal < {result['goal_ms']:g} ms: {ok})\n"
        f"  the refused edit itself (before the reload): median "
        f"{result['refused_edit_ms']:.1f} ms wall\n"
    )
