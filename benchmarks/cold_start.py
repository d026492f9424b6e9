"""Cold starts: whole new processes from the command line, as a user starts them, beside the
floors no RevOrg change can go below (Python itself; Python with SQLAlchemy).

Each row is the median of --repeat new processes, bytecode cached (one unmeasured run first
writes it). A command counts until its process has ended; the window counts from the process's
start until its chart is first painted (a driver script runs `revorg FILE` through
revorg.app.main and prints a line from that paint, then ends the process).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.report import aligned

WINDOW_SIZE = 10_000

# `revorg FILE` until the first paint of the chart's viewport. The driver imports nothing of Qt
# before RevOrg does: a module imported after PySide6 passes through PySide6's import hook (its
# `__feature__` check reads the module's source), so importing Qt first made SQLAlchemy's 200
# modules cost the window some 60 ms that a user's start does not pay. The watcher is installed
# on the QApplication as revorg.gui.application makes it.
WINDOW_DRIVER = """
import importlib.abc, importlib.util, os, sys

def watch_first_paint(application_module):
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QGraphicsView

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and isinstance(watched.parent(), QGraphicsView):
                QTimer.singleShot(0, done)
            return False

    make_application = application_module.make_application
    watcher = FirstPaint()

    def watched_application(*arguments):
        app = make_application(*arguments)
        app.installEventFilter(watcher)
        return app

    application_module.make_application = watched_application

class WhenImported(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name != "revorg.gui.application":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        load = spec.loader.exec_module

        def exec_module(module):
            load(module)
            watch_first_paint(module)

        spec.loader.exec_module = exec_module
        return spec

def done():
    sys.stdout.write("painted\\n")
    sys.stdout.flush()
    os._exit(0)

sys.meta_path.insert(0, WhenImported())
from revorg.app import main
sys.exit(main(sys.argv[1:]))
"""


@dataclass(frozen=True)
class ColdRow:
    key: str
    label: str
    goal: float | None  # seconds
    command: tuple[str, ...]
    until_line: str | None = None  # count up to this line of stdout, not the process's end


def rows(
    python: str, revorg: str, demo_plan: Path, big_plan: Path, size: int
) -> tuple[ColdRow, ...]:
    return (
        ColdRow("python", "  floor: python -c pass", None, (python, "-c", "pass")),
        ColdRow(
            "sqlalchemy",
            "  floor: python -c 'import sqlalchemy'",
            None,
            (python, "-c", "import sqlalchemy"),
        ),
        ColdRow(
            "sqlalchemy_orm",
            "  floor: python -c 'import sqlalchemy.orm'",
            None,
            (python, "-c", "import sqlalchemy.orm"),
        ),
        ColdRow("version", "revorg --version", 0.1, (revorg, "--version")),
        ColdRow("summary", "revorg summary (demo plan)", 0.35, (revorg, "summary", str(demo_plan))),
        ColdRow(
            "window",
            f"revorg FILE, {size:,} positions: first paint",
            1.0 if size == WINDOW_SIZE else None,
            (python, "-c", WINDOW_DRIVER, str(big_plan)),
            until_line="painted",
        ),
        ColdRow(
            "pyside",
            "  floor: import QtWidgets, one QApplication",
            None,
            (python, "-c", "from PySide6.QtWidgets import QApplication; QApplication([])"),
        ),
    )


def run_once(row: ColdRow, environment: dict[str, str]) -> tuple[float, float]:
    """The wall time, and the CPU time of the process (user + system: what the start costs
    when no other process competes for the cores)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        row.command,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    ended: float | None = None
    for line in process.stdout:
        if row.until_line is not None and line.strip() == row.until_line:
            ended = time.perf_counter()
    _pid, status, usage = os.wait4(process.pid, 0)
    process.returncode = code = os.waitstatus_to_exitcode(status)
    if ended is None:
        if row.until_line is not None:
            raise RuntimeError(f"{' '.join(row.command[:3])} never printed {row.until_line!r}")
        ended = time.perf_counter()
    if code != 0:
        raise RuntimeError(f"{' '.join(row.command[:3])} failed (exit {code})")
    return ended - start, usage.ru_utime + usage.ru_stime


def measure(
    environment: dict[str, str], workdir: Path, repeat: int, big_plan: Path, size: int
) -> dict[str, Any]:
    """Every cold-start row: median, runs and goal (the window's goal is at 10,000)."""
    environment = dict(environment)
    environment.pop("PYTHONDONTWRITEBYTECODE", None)  # users run with bytecode cached
    bin_folder = Path(sys.executable).parent
    python, revorg = str(bin_folder / "python"), str(bin_folder / "revorg")
    demo_plan = workdir / "cold-demo.revorg"
    demo_plan.unlink(missing_ok=True)
    subprocess.run(
        [revorg, "new", "-o", str(demo_plan)], env=environment, check=True, capture_output=True
    )
    results: dict[str, Any] = {}
    for row in rows(python, revorg, demo_plan, big_plan, size):
        print(f"cold start: {row.label.strip()}", file=sys.stderr, flush=True)
        run_once(row, environment)  # writes the bytecode; not counted
        runs = [run_once(row, environment) for _ in range(max(repeat, 3))]
        value = statistics.median(wall for wall, _cpu in runs)
        results[row.key] = {
            "label": row.label,
            "value": value,
            "cpu": statistics.median(cpu for _wall, cpu in runs),
            "unit": "s",
            "runs": [round(wall, 4) for wall, _cpu in runs],
            "goal": row.goal,
            "met": None if row.goal is None else value <= row.goal,
        }
    return results


def table(results: dict[str, Any]) -> list[str]:
    lines = [["cold start (new process, median)", "ms", "cpu ms", "goal", "met"]]
    for entry in results.values():
        goal = entry["goal"]
        lines.append(
            [
                entry["label"],
                f"{entry['value'] * 1000:,.0f}",
                f"{entry['cpu'] * 1000:,.0f}",
                "" if goal is None else f"<= {goal * 1000:,.0f} ms",
                "" if goal is None else ("yes" if entry["met"] else "NO"),
            ]
        )
    return aligned(lines)


def not_met(results: dict[str, Any]) -> Sequence[str]:
    return [
        f"{entry['label']}: {entry['value'] * 1000:,.0f} ms "
        f"(goal <= {entry['goal'] * 1000:,.0f} ms)"
        for entry in results.values()
        if entry["met"] is False
    ]


def main() -> int:
    """`python -m benchmarks.cold_start PLAN_OF_10000`: the cold-start table alone."""
    import tempfile

    from benchmarks.run import child_environment

    with tempfile.TemporaryDirectory(prefix="revorg-cold-") as folder:
        workdir = Path(folder)
        big_plan = Path(sys.argv[1]) if len(sys.argv) > 1 else make_plan(workdir)
        results = measure(child_environment(workdir), workdir, 5, big_plan, WINDOW_SIZE)
    print("\n".join(table(results)))
    return 0


def make_plan(workdir: Path) -> Path:
    from revorg.model.generator import generate_plan

    path = workdir / f"plan-{WINDOW_SIZE}.revorg"
    document = generate_plan(WINDOW_SIZE)
    document.save_as(path)
    document.close()
    return path


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    raise SystemExit(main())
