"""What runs in the child processes of the benchmark, one size at a time.

`measure_size` generates the plan and its roster files, then times every measure and its peer.
`memory_session` runs in a process of its own (so that peaks of different sizes stay apart):
it opens the saved plan in the window, moves a team and undoes it, repaints zoomed out, saves
and exports, and reports the peak resident memory of the whole process.

The GUI runs headless (Qt's offscreen platform) with Qt's test locations, so nothing is read
from or written to the user's settings.
"""

from __future__ import annotations

import csv
import gc
import os
import resource
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from benchmarks import peers

LONG_RUN_S = 10.0  # a measure whose first run takes longer is not repeated
PAINT_WAIT_S = 120.0  # give up waiting for a paint after this long


def progress(size: int, text: str) -> None:
    print(f"progress: {size:,} positions: {text}", file=sys.stderr, flush=True)


# --- timing -----------------------------------------------------------------------------------


def timed(
    action: Callable[[Any], object],
    repeat: int,
    prepare: Callable[[], Any] | None = None,
    cleanup: Callable[[Any], object] | None = None,
) -> dict[str, Any]:
    """Run `action` `repeat` times, each on a fresh state from `prepare` (not timed); the
    median and every run. A first run longer than LONG_RUN_S is not repeated."""
    runs: list[float] = []
    for _ in range(repeat):
        state = prepare() if prepare is not None else None
        gc.collect()
        start = time.perf_counter()
        action(state)
        runs.append(time.perf_counter() - start)
        if cleanup is not None:
            cleanup(state)
        if runs[0] > LONG_RUN_S:
            break
    return seconds(runs)


def seconds(runs: list[float]) -> dict[str, Any]:
    return {"value": statistics.median(runs), "unit": "s", "runs": [round(r, 6) for r in runs]}


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (ru_maxrss is in KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6


def current_rss_mb() -> float:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


# --- the GUI, headless ------------------------------------------------------------------------


def start_gui() -> Any:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QStandardPaths

    QStandardPaths.setTestModeEnabled(True)
    from revorg.gui.application import make_application

    app = make_application()
    app.setOrganizationName("RevOrgBenchmark")
    return app


class Gui:
    """Opens plans in main windows and waits for their chart to be painted."""

    def __init__(self) -> None:
        from PySide6.QtCore import QEvent, QObject

        self.app = start_gui()
        gui = self

        class PaintWatcher(QObject):
            def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802 (Qt)
                if event.type() == QEvent.Type.Paint:
                    gui.paints += 1
                return False

        self.paints = 0
        self.watcher = PaintWatcher()

    def open_window(self, plan_file: Path) -> tuple[Any, dict[str, float]]:
        """Open the file and show it as `revorg FILE` does (window, first view at the top
        levels, first paint); the window and the time of each phase."""
        from PySide6.QtWidgets import QMessageBox

        from revorg.gui.window.main_window import MainWindow
        from revorg.model.document import PlanDocument

        start = time.perf_counter()
        document = PlanDocument.open(plan_file)
        opened = time.perf_counter()
        window = MainWindow(document, first_views=True)
        built = time.perf_counter()
        window.files.ask_unsaved = lambda *_args: QMessageBox.StandardButton.Discard
        window.view.viewport().installEventFilter(self.watcher)
        self.paints = 0
        window.show()
        window.show_first_view()
        self.wait_for_paint()
        painted = time.perf_counter()
        return window, {
            "open_read": opened - start,
            "open_window": built - opened,
            "open_paint": painted - built,
            "open": painted - start,
        }

    def wait_for_paint(self) -> None:
        """Process events until the chart's viewport has been painted (a paint is done when
        processEvents returns: the event filter sees it just before it is drawn)."""
        deadline = time.perf_counter() + PAINT_WAIT_S
        while self.paints == 0:
            self.app.processEvents()
            if time.perf_counter() > deadline:
                raise RuntimeError("the chart was never painted")

    def settle(self) -> None:
        """After an edit: let the window handle what the edit posted, up to the repaint."""
        self.paints = 0
        self.app.processEvents()
        for _ in range(3):  # a scene change posts its viewport update one round later
            if self.paints:
                break
            self.app.processEvents()

    def close_window(self, window: Any) -> None:
        from PySide6.QtCore import QEvent

        window.close()
        window.deleteLater()
        self.app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.app.processEvents()
        gc.collect()


# --- the move of a team -----------------------------------------------------------------------


@dataclass(frozen=True)
class MovePlan:
    position_id: int
    old_manager: int | None
    new_manager: int
    subtree: int  # positions moved


def choose_move(tree: Any, size: int) -> MovePlan:
    """A mid-size team (its size nearest max(10, positions / 200)) and a manager far from it
    in the chart to move it under."""
    order = tree.preorder()
    below: dict[int, int] = {}
    for position_id in reversed(order):
        below[position_id] = 1 + sum(below[r] for r in tree.reports(position_id))
    wanted = max(10, size // 200)
    candidates = [p for p in order if tree.parent.get(p) is not None and tree.reports(p)]
    root = min(candidates, key=lambda p: (abs(below[p] - wanted), p))
    moved = set(tree.subtree(root))
    old_manager = tree.parent.get(root)
    index = {p: i for i, p in enumerate(order)}
    managers = [p for p in order if tree.reports(p) and p not in moved and p != old_manager]
    new_manager = max(managers, key=lambda p: (abs(index[p] - index[root]), -p))
    return MovePlan(root, old_manager, new_manager, below[root])


# --- the measures of one size -----------------------------------------------------------------


def plan_file_of(workdir: Path, size: int) -> Path:
    return workdir / f"plan-{size}.revorg"


def prepare_plan(size: int, workdir: Path) -> dict[str, Any]:
    from revorg.model.generator import generate_plan

    start = time.perf_counter()
    document = generate_plan(size)
    generated = time.perf_counter() - start
    path = plan_file_of(workdir, size)
    path.unlink(missing_ok=True)
    document.save_as(path)
    document.close()
    return {"generate": {"value": generated, "unit": "s", "runs": [round(generated, 6)]}}


ROSTER_HEADER = ("Name", "Title", "Manager", "Department", "Cost")


def roster_rows(document: Any) -> list[tuple[Any, ...]]:
    """One roster row per position (a headcount group is one row): the same people, with the
    manager by name (every manager is a named person in a generated plan)."""
    from revorg.model.entities import Department
    from revorg.model.summary import scenario_positions

    session = document.session
    names = {d.key: d.name("en") for d in session.query(Department)}
    positions = scenario_positions(session, document.scenario())
    by_id = {p.id: p for p in positions}
    rows = []
    for position in positions:
        manager = by_id.get(position.manager_id) if position.manager_id else None
        rows.append(
            (
                position.person_name or "",
                position.title,
                (manager.person_name or "") if manager is not None else "",
                names.get(position.department_key, ""),
                int(position.annual_cost),
            )
        )
    return rows


def write_rosters(document: Any, workdir: Path, size: int) -> tuple[Path, Path]:
    rows = roster_rows(document)
    csv_path = workdir / f"roster-{size}.csv"
    with csv_path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(ROSTER_HEADER)
        writer.writerows(rows)
    xlsx_path = workdir / f"roster-{size}.xlsx"
    peers.write_roster_workbook(ROSTER_HEADER, rows, xlsx_path)
    return csv_path, xlsx_path


def measure_size(size: int, repeat: int, workdir: Path, dot_timeout: float) -> dict[str, Any]:
    """Every timed measure and peer of one plan size (peak memory is measured apart). Each
    group runs in a function of its own, so that nothing it loaded (a window, a plan's
    objects) stays alive to slow the next ones down."""
    results: dict[str, Any] = {}
    notes: list[str] = []
    progress(size, "generating the plan")
    results.update(prepare_plan(size, workdir))
    results.update(measure_window(size, repeat, workdir))
    gc.collect()
    results.update(measure_layout(size, repeat, workdir, dot_timeout, notes))
    gc.collect()
    results.update(measure_files(size, repeat, workdir))
    for leftover in workdir.glob(f"*-{size}-*"):
        leftover.unlink()
    return {"measures": results, "notes": notes}


def measure_window(size: int, repeat: int, workdir: Path) -> dict[str, Any]:
    """In the window: open to first paint, a move and its undo, a repaint zoomed out."""
    from PySide6.QtCore import QPointF

    from revorg.model.document import PlanDocument

    results: dict[str, Any] = {}
    progress(size, "open to first paint")
    gui = Gui()
    warm_up = workdir / "warm-up.revorg"
    if not warm_up.exists():
        demo = PlanDocument.from_template("demo", 2027)
        demo.save_as(warm_up)
        demo.close()
    window, _phases = gui.open_window(warm_up)  # imports, fonts and caches are loaded once
    gui.close_window(window)
    phases: dict[str, list[float]] = {}
    window = None
    for _ in range(repeat):
        if window is not None:
            gui.close_window(window)
            window = None
        gc.collect()
        window, timings = gui.open_window(plan_file_of(workdir, size))
        for name, value in timings.items():
            phases.setdefault(name, []).append(value)
        if phases["open"][0] > LONG_RUN_S:
            break
    for name, runs in phases.items():
        results[name] = seconds(runs)
    assert window is not None
    results.update(measure_expansion(gui, window, repeat))

    progress(size, "relayout after a move, and its undo")
    controller, view = window.controller, window.view
    move = choose_move(controller.editor.tree(), size)
    results["move_subtree"] = {"value": move.subtree, "unit": "positions"}
    view.resetTransform()
    view.centerOn(QPointF(*window.scene.layout.centres[move.position_id]))
    gui.settle()
    move_runs, undo_runs = [], []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        controller.move(move.position_id, move.new_manager)
        gui.settle()
        move_runs.append(time.perf_counter() - start)
        assert controller.editor.tree().parent[move.position_id] == move.new_manager
        gc.collect()
        start = time.perf_counter()
        controller.undo_stack.undo()
        gui.settle()
        undo_runs.append(time.perf_counter() - start)
        assert controller.editor.tree().parent[move.position_id] == move.old_manager
        if move_runs[0] > LONG_RUN_S:
            break
    results["move"] = seconds(move_runs)
    results["undo"] = seconds(undo_runs)
    results.update(measure_edits(gui, window, size, repeat))

    progress(size, "repaint zoomed out")
    view.fit()
    gui.settle()
    results["fit_zoom"] = {"value": view.zoom(), "unit": "scale"}
    results["repaint_zoomed_out"] = timed(lambda _state: view.viewport().grab(), repeat)
    gui.close_window(window)
    return results


# --- expanding, collapsing, focus ----------------------------------------------------------


def measure_expansion(gui: Gui, window: Any, repeat: int) -> dict[str, Any]:
    """From the first view: expand all, back to two levels, a collapsed team opened by a
    click, and the focus on a team and back; each up to the repaint. Leaves the chart whole,
    as the edits after it are measured on it."""
    from revorg.gui.chart.collapse import ALL_LEVELS

    scene = window.scene
    runs: dict[str, list[float]] = {}
    for _ in range(repeat):
        window.expand_to_level(2)
        gui.settle()
        if not scene.collapsed:
            break  # a chart two levels deep: nothing to expand
        team = max(scene.collapsed, key=lambda i: (scene.rollup_of(i).positions, -i))
        runs.setdefault("expand_team", []).append(
            timed_step(gui, partial(scene.toggle_collapsed, team))
        )
        runs.setdefault("expand_all", []).append(
            timed_step(gui, partial(window.expand_to_level, ALL_LEVELS))
        )
        runs.setdefault("collapse_to_level", []).append(
            timed_step(gui, partial(window.expand_to_level, 2))
        )
        scene.select_only([team])
        runs.setdefault("focus_team", []).append(timed_step(gui, window.focus_selected_team))
        runs.setdefault("focus_leave", []).append(timed_step(gui, window.show_whole_organisation))
    window.expand_to_level(ALL_LEVELS)
    gui.settle()
    return {key: seconds(values) for key, values in runs.items()}


# --- the other edits ------------------------------------------------------------------------


@dataclass(frozen=True)
class EditTargets:
    manager: int  # where roles are dropped: a manager in the middle of the chart
    member: int  # a team member (a card without reports) of that manager's line, to edit
    leaf: int  # another one, to delete


def choose_edit_targets(tree: Any) -> EditTargets:
    """A manager halfway through the chart (in pre-order) and two of the cards without reports
    that follow it: where a user at work on the middle of a large chart drops and edits."""
    order = tree.preorder()
    middle = len(order) // 2
    manager = next(p for p in order[middle:] + order if tree.reports(p))
    start = order.index(manager)
    leaves = [p for p in order[start:] + order if not tree.reports(p)]
    return EditTargets(manager, leaves[0], leaves[1])


def timed_step(gui: Gui, action: Callable[[], object]) -> float:
    """One interaction, from the call to the repaint that shows it."""
    gc.collect()
    start = time.perf_counter()
    action()
    gui.settle()
    return time.perf_counter() - start


def measure_edits(gui: Gui, window: Any, size: int, repeat: int) -> dict[str, Any]:
    """The interactions of a working session besides a move, each up to the repaint at zoom
    1:1 on the cards concerned, through the window's own handlers where the user's action
    has one. Each is undone before the next run (not timed), but the undo of a delete."""
    from PySide6.QtCore import QPointF

    controller, scene, view = window.controller, window.scene, window.view
    targets = choose_edit_targets(controller.editor.tree())
    view.resetTransform()
    view.centerOn(QPointF(*scene.layout.centres[targets.manager]))
    gui.settle()
    undo = controller.undo_stack.undo
    runs: dict[str, list[float]] = {}

    def run(key: str, action: Callable[[], object], then: Callable[[], object] | None) -> None:
        runs.setdefault(key, []).append(timed_step(gui, action))
        if then is not None:
            then()
            gui.settle()

    progress(size, "edits: a field, a role dropped, a delete and its undo, a target, hires")
    headcount = controller.editor.positions()[targets.member].headcount
    goal = controller.editor.scenario.targets.goal
    for index in range(repeat):
        edit = {"headcount": headcount + 1 + index}
        run("edit_field", partial(window.edits.apply_inspector_edit, targets.member, edit), undo)
        run("add_role", partial(window.edits.add_role, "ae", targets.manager), undo)
        scene.select_only([targets.leaf])
        gui.settle()
        run("delete_member", window.edits.delete_selected, None)
        run("delete_undo", undo, None)
        new_goal = goal + 1000 * (index + 1)
        run("set_target", partial(controller.set_target, "goal", new_goal), undo)
        controller.end_typing_session()
        run("apply_hires", window.edits.apply_suggested_hires, undo)
        if runs["edit_field"][0] > LONG_RUN_S:
            break
    assert targets.leaf in controller.editor.positions()  # every edit was undone
    results = {key: seconds(values) for key, values in runs.items()}
    results["hires_added"] = {
        "value": sum(controller.editor.summary().capacity.hires_needed.values()),
        "unit": "positions",
    }

    progress(size, "copy the scenario")
    first = controller.editor.scenario_id
    copy_runs = []
    for index in range(repeat):
        copy_runs.append(timed_step(gui, partial(controller.copy_scenario, f"Copy {index + 1}")))
        undo()  # back to the first scenario, without the copy
        gui.settle()
        assert controller.editor.scenario_id == first
        if copy_runs[0] > LONG_RUN_S:
            break
    results["copy_scenario"] = seconds(copy_runs)
    return results


def measure_layout(
    size: int, repeat: int, workdir: Path, dot_timeout: float, notes: list[str]
) -> dict[str, Any]:
    """Layout alone, as ChartScene.relayout calls it, and dot on the same tree; the roster
    files are written from the same positions."""
    from revorg.gui.chart.layout import compute_layout
    from revorg.gui.chart.layout_result import LayoutMetrics
    from revorg.model.document import PlanDocument
    from revorg.model.org_tree import OrgTree
    from revorg.model.summary import scenario_positions

    results: dict[str, Any] = {}
    progress(size, "layout")
    document = PlanDocument.open(plan_file_of(workdir, size), for_editing=False)
    positions = scenario_positions(document.session, document.scenario())
    tree = OrgTree.build(positions)
    metrics = LayoutMetrics()
    results["layout"] = timed(
        lambda _state: compute_layout(tree.children, metrics, collapsed=set(), compact=True),
        repeat,
    )
    if peers.dot_path() is None:
        notes.append("Graphviz dot is not installed: the layout peer is skipped")
    else:
        progress(size, "dot -Tplain on the same tree")
        dot_file = workdir / f"tree-{size}.dot"
        peers.write_dot(tree.parent, dot_file)
        dot_runs: list[float] = []
        for _ in range(repeat):
            run = peers.run_dot(dot_file, dot_timeout)
            if run.seconds is None:
                results["dot"] = {"value": None, "at_least": run.limit, "unit": "s", "runs": []}
                notes.append(f"dot did not finish within {run.limit:g} s at {size:,} positions")
                break
            dot_runs.append(run.seconds)
            if dot_runs[0] > LONG_RUN_S:
                break
        if dot_runs:
            results["dot"] = seconds(dot_runs)
    write_rosters(document, workdir, size)
    document.close()
    return results


def measure_files(size: int, repeat: int, workdir: Path) -> dict[str, Any]:
    """Save, Excel export, roster import and summary, each on a freshly opened plan, with
    their peers."""
    from revorg.io.importers import import_plan
    from revorg.io.xlsx_export import export_workbook
    from revorg.model.document import PlanDocument
    from revorg.model.summary import summarize

    results: dict[str, Any] = {}
    plan_file = plan_file_of(workdir, size)
    counter = iter(range(1_000_000))

    def fresh_document() -> Any:
        return PlanDocument.open(plan_file, for_editing=False)

    def close(document: Any) -> None:
        document.close()

    progress(size, "save, and sqlite3 executemany")
    results["save"] = timed(
        lambda document: document.save_as(workdir / f"saved-{size}-{next(counter)}.revorg"),
        repeat,
        fresh_document,
        close,
    )
    rows = peers.plan_rows(plan_file)
    results["sqlite_rows"] = {"value": rows.row_count, "unit": "rows"}
    results["sqlite"] = timed(
        lambda _state: peers.sqlite_write(rows, workdir / f"sqlite-{size}-{next(counter)}.db"),
        repeat,
    )

    progress(size, "Excel export, and openpyxl write-only")
    exported: list[Path] = []

    def export(document: Any) -> None:
        path = workdir / f"export-{size}-{next(counter)}.xlsx"
        export_workbook(document, document.scenario(), path)
        exported.append(path)

    results["export"] = timed(export, repeat, fresh_document, close)
    sheets = peers.workbook_cells(exported[-1])
    results["export_cells"] = {"value": peers.count_cells(sheets), "unit": "cells"}
    results["openpyxl_write"] = timed(
        lambda _state: peers.write_only_workbook(
            sheets, workdir / f"openpyxl-{size}-{next(counter)}.xlsx"
        ),
        repeat,
    )

    progress(size, "roster import, and openpyxl read-only")
    roster_csv, roster_xlsx = workdir / f"roster-{size}.csv", workdir / f"roster-{size}.xlsx"

    def import_roster(path: Path) -> Callable[[Any], None]:
        def run(_state: Any) -> None:
            document, _report = import_plan(path)
            document.close()

        return run

    results["import_csv"] = timed(import_roster(roster_csv), repeat)
    results["import_xlsx"] = timed(import_roster(roster_xlsx), repeat)
    results["openpyxl_read"] = timed(lambda _state: peers.read_only_workbook(roster_xlsx), repeat)

    progress(size, "summary")
    results["summary"] = timed(
        lambda document: summarize(document.session, document.scenario()),
        repeat,
        fresh_document,
        close,
    )
    return results


def memory_session(size: int, workdir: Path, started_wall: float) -> dict[str, Any]:
    """A user's session in a process of its own: start, open the plan, move a team and undo
    it, repaint zoomed out, save and export. Its peak resident memory, its resident memory
    before the plan was opened, and the time from the process's start to the first paint."""
    gui = Gui()
    from revorg.io.xlsx_export import export_workbook

    base = current_rss_mb()
    window, _phases = gui.open_window(plan_file_of(workdir, size))
    cold = time.time() - started_wall
    controller = window.controller
    window.expand_to_level(0)  # the whole chart, as the session before the first view
    gui.settle()
    move = choose_move(controller.editor.tree(), size)
    controller.move(move.position_id, move.new_manager)
    gui.settle()
    controller.undo_stack.undo()
    gui.settle()
    window.view.fit()
    window.view.viewport().grab()
    controller.document.save_as(workdir / f"memory-{size}.revorg")
    export_workbook(
        controller.document, controller.editor.scenario, workdir / f"memory-{size}.xlsx"
    )
    peak = peak_rss_mb()
    gui.close_window(window)
    for leftover in workdir.glob(f"memory-{size}.*"):
        leftover.unlink()
    return {
        "peak_memory": {"value": peak, "unit": "MB"},
        "start_memory": {"value": base, "unit": "MB"},
        "cold_open": {"value": cold, "unit": "s", "runs": [round(cold, 6)]},
    }
