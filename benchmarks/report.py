"""The benchmark's report: ratios to the peers, the issue's goals, the table and the JSON."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

GOAL_SIZES = (10_000, 50_000)


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    kind: str  # "time" (shown in ms), "ratio", "MB", "count"


@dataclass(frozen=True)
class Ratio:
    key: str
    ours: str
    peer: str


RATIOS = (
    Ratio("layout_vs_dot", "layout", "dot"),
    Ratio("save_vs_sqlite", "save", "sqlite"),
    Ratio("export_vs_openpyxl", "export", "openpyxl_write"),
    Ratio("import_xlsx_vs_openpyxl", "import_xlsx", "openpyxl_read"),
)

ROWS = (
    Row("open", "open to first paint, ms", "time"),
    Row("open_read", "  read the file (PlanDocument.open)", "time"),
    Row("open_window", "  build the window (MainWindow)", "time"),
    Row("open_paint", "  show, first view, first paint", "time"),
    Row("cold_open", "  from a cold start (new process, 1 run)", "time"),
    Row("layout", "layout (compute_layout, compact)", "time"),
    Row("dot", "  peer: dot -Tplain, same tree", "time"),
    Row("layout_vs_dot", "  ratio layout / dot", "ratio"),
    Row("expand_team", "open the largest collapsed team (click), ms", "time"),
    Row("expand_all", "expand all from two levels, ms", "time"),
    Row("collapse_to_level", "back to two levels, ms", "time"),
    Row("focus_team", "focus a team, ms", "time"),
    Row("focus_leave", "back to the whole chart, ms", "time"),
    Row("move", "move a team + relayout + repaint, ms", "time"),
    Row("move_subtree", "  positions in the team moved", "count"),
    Row("undo", "undo of that move, ms", "time"),
    Row("edit_field", "edit a card's field (headcount), ms", "time"),
    Row("add_role", "add a role (drop) + relayout, ms", "time"),
    Row("delete_member", "delete a team member + relayout, ms", "time"),
    Row("delete_undo", "undo of that delete, ms", "time"),
    Row("set_target", "change a target (the goal), ms", "time"),
    Row("apply_hires", "apply the suggested hires, ms", "time"),
    Row("hires_added", "  open positions added", "count"),
    Row("copy_scenario", "copy the scenario and show it, ms", "time"),
    Row("repaint_zoomed_out", "repaint zoomed out (fit), ms", "time"),
    Row("save", "save (save_as to a new file), ms", "time"),
    Row("sqlite", "  peer: sqlite3 executemany, same rows", "time"),
    Row("save_vs_sqlite", "  ratio save / sqlite3", "ratio"),
    Row("export", "Excel export, ms", "time"),
    Row("openpyxl_write", "  peer: openpyxl write-only, same cells", "time"),
    Row("export_vs_openpyxl", "  ratio export / openpyxl", "ratio"),
    Row("import_csv", "roster import, CSV, ms", "time"),
    Row("import_xlsx", "roster import, XLSX, ms", "time"),
    Row("openpyxl_read", "  peer: openpyxl read-only, same roster", "time"),
    Row("import_xlsx_vs_openpyxl", "  ratio import XLSX / openpyxl", "ratio"),
    Row("summary", "summary (summarize), ms", "time"),
    Row("peak_memory", "peak memory, MB", "MB"),
    Row("start_memory", "  of which before the plan is opened", "MB"),
)


@dataclass(frozen=True)
class Goal:
    key: str
    size: int
    limit: float
    text: str


GOALS = (
    Goal("open", 10_000, 0.3, "<= 300 ms"),
    Goal("layout_vs_dot", 10_000, 0.05, "<= 0.05 (20x faster)"),
    Goal("move", 10_000, 0.05, "<= 50 ms"),
    Goal("undo", 10_000, 0.05, "<= 50 ms"),
    Goal("save_vs_sqlite", 10_000, 2.0, "<= 2"),
    Goal("export_vs_openpyxl", 10_000, 1.3, "<= 1.3"),
    Goal("import_csv", 10_000, 0.5, "<= 500 ms"),
    Goal("import_xlsx", 10_000, 0.5, "<= 500 ms"),
    Goal("peak_memory", 10_000, 250.0, "<= 250 MB"),
    Goal("open", 50_000, 1.5, "<= 1,500 ms"),
    Goal("move", 50_000, 0.2, "<= 200 ms"),
    Goal("undo", 50_000, 0.2, "<= 200 ms"),
    Goal("repaint_zoomed_out", 50_000, 0.2, "<= 200 ms"),
    # "Every interaction 200 ms or less" at 50,000 (issue 6); copying a scenario is a command
    # that makes 50,000 rows, shown without a goal.
    *(
        Goal(key, 50_000, 0.2, "<= 200 ms")
        for key in (
            "expand_team",
            "expand_all",
            "collapse_to_level",
            "focus_team",
            "focus_leave",
            "edit_field",
            "add_role",
            "delete_member",
            "delete_undo",
            "set_target",
            "apply_hires",
        )
    ),
)


def add_ratios(measures: dict[str, Any]) -> None:
    """ours / peer's for each pair measured; an upper bound when the peer did not finish."""
    for ratio in RATIOS:
        ours, peer = measures.get(ratio.ours), measures.get(ratio.peer)
        if not ours or not peer or ours.get("value") is None:
            continue
        if peer.get("value"):
            measures[ratio.key] = {"value": ours["value"] / peer["value"], "unit": "x"}
        elif peer.get("at_least"):
            measures[ratio.key] = {
                "value": ours["value"] / peer["at_least"],
                "unit": "x",
                "upper_bound": True,
            }


def evaluate_goals(results: dict[int, dict[str, Any]]) -> list[dict[str, Any]]:
    evaluated = []
    for goal in GOALS:
        entry = results.get(goal.size, {}).get("measures", {}).get(goal.key)
        value = entry.get("value") if entry else None
        met: bool | None = None
        if value is not None:
            met = value <= goal.limit
            if not met and entry and entry.get("upper_bound"):
                met = None  # only a bound is known
        evaluated.append(
            {
                "measure": goal.key,
                "size": goal.size,
                "goal": goal.text,
                "limit": goal.limit,
                "value": value,
                "met": met,
            }
        )
    return evaluated


# --- the table --------------------------------------------------------------------------------


def format_value(entry: dict[str, Any] | None, kind: str) -> str:
    if not entry:
        return "-"
    value = entry.get("value")
    if value is None:
        if entry.get("at_least"):
            return f"> {entry['at_least'] * 1000:,.0f}"
        return "-"
    if kind == "time":
        milliseconds = value * 1000
        return f"{milliseconds:,.1f}" if milliseconds < 100 else f"{milliseconds:,.0f}"
    if kind == "ratio":
        text = f"{value:.2g}" if value < 0.1 else f"{value:.2f}"
        return ("< " if entry.get("upper_bound") else "") + text
    if kind == "MB":
        return f"{value:,.0f}"
    return f"{value:,}"


def _verdict(met: bool | None, measured: bool) -> str:
    if not measured:
        return "not run"
    return {True: "yes", False: "NO", None: "?"}[met]


def table(results: dict[int, dict[str, Any]], goals: list[dict[str, Any]]) -> list[str]:
    sizes = sorted(results)
    by_row: dict[tuple[str, int], dict[str, Any]] = {(g["measure"], g["size"]): g for g in goals}
    header = ["measure", *(f"{size:,}" for size in sizes)]
    for goal_size in GOAL_SIZES:
        header += [f"goal at {goal_size:,}", "met"]
    lines = [header]
    for row in ROWS:
        cells = [row.label]
        cells += [format_value(results[size]["measures"].get(row.key), row.kind) for size in sizes]
        for goal_size in GOAL_SIZES:
            goal = by_row.get((row.key, goal_size))
            if goal is None:
                cells += ["", ""]
            else:
                cells += [goal["goal"], _verdict(goal["met"], goal_size in results)]
        lines.append(cells)
    return aligned(lines)


def not_met(goals: Sequence[dict[str, Any]]) -> list[str]:
    labels = {row.key: row.label.split(",")[0].strip() for row in ROWS}
    missed = []
    for goal in goals:
        if goal["met"] is False:
            value = goal["value"]
            shown = format_value({"value": value}, _kind(goal["measure"]))
            unit = {"time": " ms", "ratio": "", "MB": " MB"}.get(_kind(goal["measure"]), "")
            label = f"{labels[goal['measure']]} at {goal['size']:,}"
            missed.append(f"{label}: {shown}{unit} (goal {goal['goal']})")
    return missed


def _kind(key: str) -> str:
    return next(row.kind for row in ROWS if row.key == key)


def aligned(lines: Sequence[Sequence[str]]) -> list[str]:
    """Rows of cells as a text table: the first column left, the others right, a rule under
    the heading row (the benchmark's tables all look alike)."""
    widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]))]
    text = []
    for number, line in enumerate(lines):
        parts = [line[0].ljust(widths[0])]
        parts += [cell.rjust(width) for cell, width in zip(line[1:], widths[1:], strict=True)]
        text.append("  ".join(parts).rstrip())
        if number == 0:
            text.append("  ".join("-" * width for width in widths))
    return text
