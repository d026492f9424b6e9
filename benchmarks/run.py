"""`scripts/bench`: RevOrg's speed on generated plans, beside its peers and the issue's goals.

    python -m benchmarks.run [--sizes 1000 10000 50000] [--repeat 3] [--json] [--out FILE]
    python -m benchmarks.run --history [--repeat 3] [--json]   (the change log)
    python -m benchmarks.run --actuals [--repeat 3] [--json]   (CRM deals against the plan)
    python -m benchmarks.run --outline [--sizes ...] [--json]  (View > Outline on large plans)
    python -m benchmarks.run --interactions [--sizes 10000 50000] [--json]   (expand, focus...)
    python -m benchmarks.run --team SERVER_URL [--repeat 3]   (a team plan against its file, and
                                                           a teammate's edit visible)
    python -m benchmarks.run --team-live SERVER_URL           (a teammate's edit visible)
    python -m benchmarks.run --team-reload SERVER_URL         (the window after a refused edit)

For each size a child process generates the plan (revorg.model.generator), saves it, and times
every measure and its peer; a second child process, started fresh, opens the saved plan in the
window, edits, saves and exports it, and reports its peak memory (so that the peaks of two sizes
never mix). Times are medians of --repeat runs; a measure whose first run takes over 10 s runs
once. The GUI runs headless (Qt's offscreen platform), in a temporary home folder.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks import cold_start, report
from benchmarks.machine import describe_machine, machine_lines

DEFAULT_SIZES = (1_000, 10_000, 50_000)
DEFAULT_DOT_TIMEOUT = 60.0
REPO_ROOT = Path(__file__).resolve().parent.parent


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="scripts/bench",
        description="Time RevOrg on generated plans against its peers and the goals of issue 6.",
    )
    parser.add_argument(
        "--sizes",
        nargs="+",
        type=int,
        default=list(DEFAULT_SIZES),
        metavar="N",
        help="plan sizes in positions (default: 1000 10000 50000)",
    )
    parser.add_argument(
        "--repeat", type=int, default=3, metavar="N", help="runs per measure; the median counts"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of the table")
    parser.add_argument("--out", type=Path, metavar="FILE", help="also write the report here")
    parser.add_argument(
        "--dot-timeout",
        type=float,
        default=DEFAULT_DOT_TIMEOUT,
        metavar="SECONDS",
        help=f"stop one dot run after this long (default {DEFAULT_DOT_TIMEOUT:g})",
    )
    parser.add_argument(
        "--history",
        action="store_true",
        help="instead: the change log's cost (record an edit, file growth, open with a log)",
    )
    parser.add_argument(
        "--history-steps", type=int, default=100_000, metavar="N", help=argparse.SUPPRESS
    )
    parser.add_argument(
        "--actuals",
        action="store_true",
        help="instead: the cost of actuals (import 50,000 deals, the summary with actuals)",
    )
    parser.add_argument(
        "--outline",
        action="store_true",
        help="instead: View > Outline at each size (open, sort, filter, choose a row, edit)",
    )
    parser.add_argument(
        "--interactions",
        action="store_true",
        help="instead: first view, expand to a level, focus, fit, search, map, export by level",
    )
    parser.add_argument(
        "--team",
        metavar="SERVER_URL",
        help="instead: a 10,000-position team plan on this PostgreSQL server against its file, "
        "and a teammate's edit taken into it (the server's URL, without ?plan=)",
    )
    parser.add_argument(
        "--team-live",
        metavar="SERVER_URL",
        help="instead: a teammate's edit taken into an open 10,000-position team plan",
    )
    parser.add_argument(
        "--team-reload",
        metavar="SERVER_URL",
        help="instead: the window on a 10,000-position team plan after a refused edit",
    )
    # Internal: what one child process does.
    parser.add_argument("--child", choices=("measure", "memory"), help=argparse.SUPPRESS)
    parser.add_argument("--workdir", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--started", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if any(size < 10 for size in args.sizes):
        parser.error("sizes must be at least 10 positions")
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    return args


# --- child processes --------------------------------------------------------------------------


def child_main(args: argparse.Namespace) -> int:
    from benchmarks import measure

    (size,) = args.sizes
    if args.child == "measure":
        result = measure.measure_size(size, args.repeat, args.workdir, args.dot_timeout)
    else:
        result = measure.memory_session(size, args.workdir, args.started)
    args.result.write_text(json.dumps(result), encoding="utf-8")
    return 0


def child_environment(workdir: Path) -> dict[str, str]:
    """Headless Qt, and a home folder of the benchmark's own: no user settings are read."""
    home = workdir / "home"
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home))
    for variable, folder in (
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_STATE_HOME", ".local/state"),
    ):
        (home / folder).mkdir(parents=True, exist_ok=True)
        environment[variable] = str(home / folder)
    environment.pop("XDG_RUNTIME_DIR", None)
    return environment


def run_child(kind: str, size: int, args: argparse.Namespace, workdir: Path) -> dict[str, Any]:
    result = workdir / f"result-{kind}-{size}.json"
    started = time.time()
    command = [
        sys.executable,
        "-m",
        "benchmarks.run",
        "--child",
        kind,
        "--sizes",
        str(size),
        "--repeat",
        str(args.repeat),
        "--dot-timeout",
        str(args.dot_timeout),
        "--workdir",
        str(workdir),
        "--result",
        str(result),
        "--started",
        repr(started),
    ]
    process = subprocess.Popen(
        command,
        cwd=REPO_ROOT,
        env=child_environment(workdir),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    other: list[str] = []
    try:
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith("progress: "):
                print(line.removeprefix("progress: "), end="", file=sys.stderr, flush=True)
            else:
                other.append(line)
        code = process.wait()
    except BaseException:
        process.kill()
        process.wait()
        raise
    if code != 0 or not result.exists():
        sys.stderr.write("".join(other))
        raise SystemExit(f"error: the {kind} run at {size:,} positions failed (exit {code})")
    loaded: dict[str, Any] = json.loads(result.read_text(encoding="utf-8"))
    return loaded


# --- the whole run ----------------------------------------------------------------------------


def run_all(args: argparse.Namespace) -> dict[str, Any]:
    machine = describe_machine()
    results: dict[int, dict[str, Any]] = {}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="revorg-bench-") as folder:
        workdir = Path(folder)
        for size in sorted(set(args.sizes)):
            measured = run_child("measure", size, args, workdir)
            print(f"{size:,} positions: peak memory (a new process)", file=sys.stderr, flush=True)
            memory = run_child("memory", size, args, workdir)
            measured["measures"].update(memory)
            report.add_ratios(measured["measures"])
            results[size] = measured
        # The window's cold start on the 10,000-position plan (its goal's size) when measured,
        # else on the largest plan measured.
        cold_size = cold_start.WINDOW_SIZE if cold_start.WINDOW_SIZE in results else max(results)
        cold_plan = workdir / f"plan-{cold_size}.revorg"  # as measure.plan_file_of names it
        cold = cold_start.measure(
            child_environment(workdir), workdir, args.repeat, cold_plan, cold_size
        )
    goals = report.evaluate_goals(results)
    notes = [note for size in sorted(results) for note in results[size]["notes"]]
    notes += [
        f"times are medians of {args.repeat} run{'s' if args.repeat != 1 else ''} (a measure "
        "whose first run took over 10 s ran once; the JSON lists every run)",
        "open to first paint: in a running app (Python start and imports are not counted; "
        "the first window, on the demo plan, is not timed); the cold start is a new process "
        "from its start to the first paint",
        "move: a mid-size team (positions / 200, at least 10) moved under a manager far away, "
        "at zoom 1:1, up to the repaint; undo likewise",
        "edits, at zoom 1:1 on a manager halfway through the chart, each up to the repaint and "
        "undone before the next run: the headcount of a card of its line (the inspector's "
        "edit), an AE dropped under it, a card without reports deleted and the delete undone, "
        "the goal changed, the suggested hires applied; the copy of the scenario is shown "
        "(the chart switches to it) and undone",
        "dot runs with straight edges (splines=line), its cheapest setting; the workbook peer "
        "writes the same values and formulas without styles, tables, validations or chart",
        "roster: one row per position (Name, Title, Manager by name, Department, Cost)",
        "cold start: new processes with bytecode cached, medians of at least 3 runs; a "
        "command until its process ends, the window until its chart's first paint; the floors "
        "are Python alone, with SQLAlchemy, and with Qt's widgets",
        "peak memory: the ru_maxrss of a new process that opens the plan in the window, moves a "
        "team and undoes it, repaints zoomed out, saves and exports",
    ]
    return {
        "machine": machine,
        "settings": {
            "sizes": sorted(results),
            "repeat": args.repeat,
            "dot_timeout_s": args.dot_timeout,
            "duration_s": round(time.perf_counter() - started, 1),
        },
        "results": {str(size): value for size, value in results.items()},
        "goals": goals,
        "cold_start": cold,
        "not_met": report.not_met(goals),
        "notes": notes,
    }


def render_text(data: dict[str, Any]) -> str:
    results = {int(size): value for size, value in data["results"].items()}
    lines = machine_lines(data["machine"])
    settings = data["settings"]
    lines.append(
        f"run:     sizes {', '.join(f'{s:,}' for s in settings['sizes'])}; "
        f"repeat {settings['repeat']}; {settings['duration_s']:.0f} s in all"
    )
    lines.append("")
    lines += report.table(results, data["goals"])
    lines.append("")
    lines += cold_start.table(data["cold_start"])
    lines.append("")
    missed = [*data["not_met"], *cold_start.not_met(data["cold_start"])]
    if missed:
        lines.append("goals not yet met:")
        lines += [f"  - {line}" for line in missed]
    elif any(goal["met"] is not None for goal in data["goals"]):
        lines.append("every goal measured is met")
    lines.append("notes:")
    lines += [f"  - {note}" for note in data["notes"]]
    return "\n".join(lines) + "\n"


def _write(text: str, out: Path | None) -> int:
    sys.stdout.write(text)
    if out is not None:
        out.write_text(text, encoding="utf-8")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.child:
        return child_main(args)
    if args.history:
        from benchmarks import history

        result = history.measure_history(args.repeat, args.history_steps)
        text = json.dumps(result, indent=2) + "\n" if args.json else history.render(result)
        sys.stdout.write(text)
        if args.out is not None:
            args.out.write_text(text, encoding="utf-8")
        return 0
    server = args.team or args.team_live or args.team_reload
    if server and "?" in server:  # the benchmarks publish plans of their own on the server
        print(f"error: give the server's URL without ?plan=…: {server.split('?')[0]}",
              file=sys.stderr)  # fmt: skip
        return 2
    if args.team:
        from benchmarks import team

        # The three goals in one report: the opens and an edit, then a teammate's edit.
        result = team.measure_team(args.team, args.repeat)
        result["live"] = team.measure_live(args.team, args.repeat)
        text = (
            json.dumps(result, indent=2) + "\n"
            if args.json
            else team.render(result) + team.render_live(result["live"])
        )
        return _write(text, args.out)
    if args.team_live:
        from benchmarks import team

        result = team.measure_live(args.team_live, args.repeat)
        text = json.dumps(result, indent=2) + "\n" if args.json else team.render_live(result)
        return _write(text, args.out)
    if args.team_reload:
        from benchmarks import team_reload

        result = team_reload.measure_reload(args.team_reload, args.repeat)
        text = json.dumps(result, indent=2) + "\n" if args.json else team_reload.render(result)
        return _write(text, args.out)
    if args.actuals:
        from benchmarks import actuals

        result = actuals.measure_actuals(args.repeat)
        text = json.dumps(result, indent=2) + "\n" if args.json else actuals.render(result)
        sys.stdout.write(text)
        if args.out is not None:
            args.out.write_text(text, encoding="utf-8")
        return 0
    if args.outline:
        from benchmarks import outline

        result = outline.measure_outline(args.sizes, args.repeat)
        text = json.dumps(result, indent=2) + "\n" if args.json else outline.render(result)
        return _write(text, args.out)
    if args.interactions:
        from benchmarks import interactions

        sizes = args.sizes if args.sizes != list(DEFAULT_SIZES) else interactions.SIZES
        result = interactions.measure_interactions(sizes, args.repeat)
        text = json.dumps(result, indent=2) + "\n" if args.json else interactions.render(result)
        return _write(text, args.out)
    data = run_all(args)
    output = json.dumps(data, indent=2) + "\n" if args.json else render_text(data)
    sys.stdout.write(output)
    if args.out is not None:
        args.out.write_text(output, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
