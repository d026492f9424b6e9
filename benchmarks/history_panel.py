"""The History panel on a long log (issue 16: "history panel open at 100,000 steps", goal
under 200 ms).

    python -m benchmarks.history_panel [--steps 100000] [--repeat 5] [--json]

Makes the demo plan's log of 100,000 steps as benchmarks/history.py does (1,000 recorded edits
repeated, each with its own id, time and hash), opens the window on it (headless, Qt's test
locations), then times View > History until the panel has painted its first page; the same
again with a filter by person and by card (a page read by key, never by offset); one more page
as the view scrolls; and the check of the log's chain, run in slices between events (its total,
and its longest slice: how long the window can be unresponsive).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from collections.abc import Callable, Sequence
from typing import Any

from benchmarks.report import aligned

GOAL_OPEN_MS = 200.0


def _log(steps: int) -> Any:
    from benchmarks.history import EDITS, _multiply_log, _time_edits

    _, document = _time_edits(True, EDITS)
    _multiply_log(document, steps)
    return document


def _median_ms(runs: Sequence[float]) -> float:
    return statistics.median(runs) * 1000


def measure_panel(steps: int, repeat: int) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QModelIndex, QStandardPaths

    QStandardPaths.setTestModeEnabled(True)
    from revorg.gui.application import make_application

    app = make_application()
    from revorg.gui.window.main_window import MainWindow

    document = _log(steps)
    window = MainWindow(document)
    window.files.ask_unsaved = lambda *_args: None  # type: ignore[assignment,return-value]
    window.show()
    app.processEvents()
    panel = window.history_panel

    def timed(action: Callable[[], None]) -> float:
        started = time.perf_counter()
        action()
        app.processEvents()  # layout and first paint of what changed
        return time.perf_counter() - started

    open_runs, who_runs, card_runs, more_runs = [], [], [], []
    lineage = next(iter(window.controller.editor.positions().values())).lineage
    for _ in range(repeat):
        window.history_dock.hide()
        panel.check_timer.stop()
        panel.check = None
        panel._dirty = True  # as on the first View > History of a session
        app.processEvents()
        open_runs.append(timed(window.menus.history_action.trigger))
        panel.check_timer.stop()
        assert panel.model.rowCount() > 0
        panel.person_combo.refill()
        who_runs.append(timed(lambda: panel.person_combo.setCurrentIndex(1)))
        panel.person_combo.setCurrentIndex(0)
        card_runs.append(timed(lambda: panel.set_card(lineage, "card")))
        panel.set_card(None)
        more_runs.append(timed(lambda: panel.model.fetchMore(QModelIndex())))
    # The chain's check, slice by slice, as the panel's timer runs it.
    panel.start_check()
    panel.check_timer.stop()
    assert panel.check is not None
    slices = []
    started = time.perf_counter()
    while True:
        begun = time.perf_counter()
        done = panel.check.advance()
        slices.append(time.perf_counter() - begun)
        if done:
            break
    check_total = time.perf_counter() - started
    verified = panel.check.problem is None
    rows = panel.model.rowCount()
    window.controller.undo_stack.clear()
    window.close()
    document.close()
    return {
        "steps": steps,
        "open_ms": _median_ms(open_runs),
        "filter_person_ms": _median_ms(who_runs),
        "filter_card_ms": _median_ms(card_runs),
        "next_page_ms": _median_ms(more_runs),
        "check_total_ms": check_total * 1000,
        "check_longest_slice_ms": max(slices) * 1000,
        "check_slices": len(slices),
        "verified": verified,
        "rows_after_one_more_page": rows,
        "repeat": repeat,
    }


def render(result: dict[str, Any]) -> str:
    steps = f"{result['steps']:,}"
    table = [
        ("measure", "ms", "goal"),
        (f"View > History at {steps} steps, to first paint", "open_ms", f"< {GOAL_OPEN_MS:g}"),
        ("  filter by person", "filter_person_ms", ""),
        ("  filter by card (lineage)", "filter_card_ms", ""),
        ("  the next page as the list scrolls", "next_page_ms", ""),
        ("check of the chain, in slices: total", "check_total_ms", ""),
        ("  its longest slice (the window waits)", "check_longest_slice_ms", ""),
    ]
    lines = [list(table[0])] + [
        [label, f"{result[key]:.1f}", goal] for label, key, goal in table[1:]
    ]
    text = aligned(lines)
    text.append(
        f"chain verified: {result['verified']} ({result['check_slices']} slices); medians of "
        f"{result['repeat']} runs"
    )
    return "\n".join(text) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.history_panel")
    parser.add_argument("--steps", type=int, default=100_000, metavar="N")
    parser.add_argument("--repeat", type=int, default=5, metavar="N")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = measure_panel(args.steps, args.repeat)
    print(json.dumps(result, indent=2) if args.json else render(result), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
