"""`scripts/bench --history`: the cost of the change log (issue 16).

    python -m benchmarks.run --history [--repeat 3] [--json]

Measures, on the demo plan: the time to record one edit (the same edits timed with and without
the recorder: the difference), the file's growth per 1,000 recorded edits (a field of a card, a
target and an assumption in turn, as a working session makes them) and for 100,000, and the time
to open a plan (PlanDocument.open) with no log and with 100,000 steps. The 100,000 steps are the
1,000 recorded ones repeated, each with its own id, time and hash, written in bulk (recording
them one by one would take minutes and measure the same thing).

The replay (revorg.model.history.replay), on a generated plan of 10,000 positions: the time of
`state_after` and `scenario_after` for a step with 1,000 steps after it (card edits, moves, cards
added and deleted, targets, undos and redos, a copy of the scenario and its deletion), and what
a copy and a deletion of that scenario add to the log.
"""

from __future__ import annotations

import itertools
import statistics
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

EDITS = 1_000
LOGGED_STEPS = 100_000
GOALS = {"record_edit_ms": 2.0, "growth_100k_mb": 30.0}
REPLAY_POSITIONS = 10_000
REPLAY_STEPS = 1_000


def _edits(editor: Any, count: int) -> Callable[[int], None]:
    from revorg.model.editing import requests

    card = next(iter(editor.positions()))
    assumption = editor.scenario.assumptions[0].id

    def one(index: int) -> None:
        kind = index % 3
        if kind == 0:
            edit = requests.set_target(editor, "goal", Decimal(1_000_000 + index), typing=index)
        elif kind == 1:
            edit = requests.edit_fields(editor, card, {"headcount": 2 + index % 5})
        else:
            edit = requests.set_assumption(editor, assumption, Decimal(index % 90 + 1) / 100)
        if edit is not None:
            editor.perform(edit)

    return one


def _time_edits(recording: bool, count: int) -> tuple[float, Any]:
    from revorg.model.document import PlanDocument
    from revorg.model.editing import PlanEditor
    from revorg.model.history.recording import attach_recorder

    document = PlanDocument.from_template("demo", 2027)
    editor = PlanEditor(document)
    if recording:
        attach_recorder(editor, "bench")
    one = _edits(editor, count)
    started = time.perf_counter()
    for index in range(count):
        one(index)
    return time.perf_counter() - started, document


def _multiply_log(document: Any, steps: int) -> None:
    """Repeat the recorded steps until the log holds `steps`, chained as the recorder would."""
    from sqlalchemy import text

    from revorg.model.history.chain import StoredChange, step_hash, stored_steps

    session = document.session
    recorded = stored_steps(session)
    session.execute(text("DELETE FROM history_changes"))
    session.execute(text("DELETE FROM history_steps"))
    previous = bytes(32)
    step_rows, change_rows = [], []
    for number in range(1, steps + 1):
        model = recorded[(number - 1) % len(recorded)]
        at = f"2027-{1 + number * 12 // (steps + 1):02d}-15T10:00:00Z"
        changes = tuple(StoredChange(*c.__dict__.values()) for c in model.changes)
        digest = step_hash(
            previous, number, at, model.who, model.scenario_id, model.text,
            model.text_values, model.direction, changes,
        )  # fmt: skip
        step_rows.append(
            (number, at, model.who, model.scenario_id, model.text, model.text_values,
             model.direction, previous, digest)
        )  # fmt: skip
        change_rows += [
            (number, c.scenario_id, c.record, c.record_id, c.field, c.old, c.new) for c in changes
        ]
        previous = digest
    connection = session.connection()
    connection.exec_driver_sql("INSERT INTO history_steps VALUES (?,?,?,?,?,?,?,?,?)", step_rows)
    connection.exec_driver_sql(
        "INSERT INTO history_changes (step_id, scenario_id, record, record_id, field, old, new) "
        "VALUES (?,?,?,?,?,?,?)",
        change_rows,
    )
    connection.exec_driver_sql("UPDATE history_chain SET head = ? WHERE id = 1", (previous,))


def _open_time(path: Path, repeat: int) -> float:
    from revorg.model.document import PlanDocument

    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        document = PlanDocument.open(path, for_editing=False)
        runs.append(time.perf_counter() - started)
        document.close()
    return statistics.median(runs)


def _first_log_read_time(path: Path, repeat: int) -> float:
    """The log's rows left in the file at open (store.stored_log), read in on first use."""
    from revorg.model.document import PlanDocument
    from revorg.model.history.reading import step_count

    runs = []
    for _ in range(repeat):
        document = PlanDocument.open(path, for_editing=False)
        started = time.perf_counter()
        step_count(document.session)
        runs.append(time.perf_counter() - started)
        document.close()
    return statistics.median(runs)


def measure_history(repeat: int, steps: int = LOGGED_STEPS) -> dict[str, Any]:
    from revorg.model.history.chain import verify

    bare_runs, logged_runs = [], []
    for _ in range(repeat):
        bare, bare_document = _time_edits(False, EDITS)
        logged, document = _time_edits(True, EDITS)
        bare_runs.append(bare)
        logged_runs.append(logged)
        bare_document.close()
        if _ < repeat - 1:
            document.close()
    record_ms = (statistics.median(logged_runs) - statistics.median(bare_runs)) / EDITS * 1000
    with tempfile.TemporaryDirectory(prefix="revorg-bench-history-") as folder:
        workdir = Path(folder)
        empty, logged_path, big = (
            workdir / n for n in ("empty.revorg", "1k.revorg", "100k.revorg")
        )
        from revorg.model.document import PlanDocument

        with PlanDocument.from_template("demo", 2027) as fresh:
            fresh.save_as(empty)
        document.save_as(logged_path)
        growth = logged_path.stat().st_size - empty.stat().st_size
        _multiply_log(document, steps)
        document.save_as(big)
        started = time.perf_counter()
        problem = verify(document.session)
        verify_s = time.perf_counter() - started
        document.close()
        growth_100k = big.stat().st_size - empty.stat().st_size
        open_empty = _open_time(empty, repeat)
        open_big = _open_time(big, repeat)
        first_read = _first_log_read_time(big, repeat)
    # A smaller plan for the replay when the run is a short one (the smoke test's).
    replay = measure_replay(repeat, REPLAY_POSITIONS if steps == LOGGED_STEPS else 1_000)
    return {
        **replay,
        "record_edit_ms": record_ms,
        "edit_without_log_ms": statistics.median(bare_runs) / EDITS * 1000,
        "growth_per_1k_kb": growth / 1024,
        "growth_100k_mb": growth_100k / 1024 / 1024 * LOGGED_STEPS / steps,
        "steps": steps,
        "open_no_log_ms": open_empty * 1000,
        "open_100k_ms": open_big * 1000,
        "verify_100k_ms": verify_s * 1000,
        "first_log_read_100k_ms": first_read * 1000,
        "verified": problem is None,
        "repeat": repeat,
    }


def _replay_session(editor: Any, steps: int) -> dict[str, int]:
    """`steps` recorded steps of a working session on a large plan; the log's bytes of the
    scenario copy and of its deletion."""

    from revorg.model.editing import requests

    ids = sorted(editor.positions())
    done: list[Any] = []
    sizes = {}
    for turn in itertools.count():
        made = _step_count(editor.session) - 1
        if made >= steps:
            break
        kind = turn % 50
        card = ids[(turn * 7919) % len(ids)]
        if kind == 10 and made < steps - 2 and "copy" not in sizes:
            edit = requests.copy_scenario(editor, ("{name} (copy)", "{name} (copy {number})"))
            editor.perform(edit)
            copy_id = editor.scenario_id
            sizes["copy"] = _step_bytes(editor.session)
            editor.perform(requests.delete_scenario(editor, copy_id))
            sizes["delete"] = _step_bytes(editor.session)
            continue
        if kind == 40 and done:
            editor.revert(done[-1])  # an undo, then its redo
            editor.apply(done[-1])
            continue
        present = card in editor.positions()
        if kind == 20 and present:
            edit = requests.delete(editor, [card], keep_reports=True)
        elif kind == 30 and present:
            edit = requests.add_role(editor, "sdr", card)
        elif kind % 3 == 0:
            edit = requests.set_target(editor, "leads", 300 + turn)
        elif kind % 3 == 1 and present:
            edit = requests.edit_fields(editor, card, {"headcount": 1 + turn % 4})
        else:
            edit = requests.set_target(editor, "expansion", Decimal(100_000 + turn))
        if edit is not None:  # None: the card already had that value
            editor.apply(edit)
            done.append(edit)
    return {**sizes, "steps": _step_count(editor.session)}


def _step_count(session: Any) -> int:
    from sqlalchemy import text

    return int(session.execute(text("SELECT count(*) FROM history_steps")).scalar() or 0)


def _step_bytes(session: Any) -> int:
    from sqlalchemy import text

    query = text(
        "SELECT sum(length(old) + length(new) + length(record_id) + length(field)) "
        "FROM history_changes WHERE step_id = (SELECT max(id) FROM history_steps)"
    )
    return int(session.execute(query).scalar() or 0)


def measure_replay(repeat: int, positions: int = REPLAY_POSITIONS, steps: int = REPLAY_STEPS
                   ) -> dict[str, Any]:  # fmt: skip
    from decimal import Decimal

    from revorg.model.editing import PlanEditor, requests
    from revorg.model.generator import generate_plan
    from revorg.model.history.recording import attach_recorder
    from revorg.model.history.replay import scenario_after, state_after

    document = generate_plan(positions)
    try:
        editor = PlanEditor(document)
        attach_recorder(editor, "bench")
        editor.perform(requests.set_target(editor, "goal", Decimal(1_234_567)))  # step 1
        session = _replay_session(editor, steps)
        rewind_runs, restore_runs = [], []
        for _ in range(repeat):
            started = time.perf_counter()
            with state_after(document.session, 1) as then:
                rewind_runs.append(time.perf_counter() - started)
                goal = then.scenario().targets.goal
            started = time.perf_counter()
            scenario_after(document.session, 1, name="Restored")
            restore_runs.append(time.perf_counter() - started)
    finally:
        document.close()
    return {
        "replay_positions": positions,
        "replay_steps_after": session["steps"] - 1,
        "state_after_ms": statistics.median(rewind_runs) * 1000,
        "scenario_after_ms": statistics.median(restore_runs) * 1000,
        "rewound_goal_ok": goal == Decimal(1_234_567),
        "copy_log_bytes": session.get("copy", 0),
        "delete_log_kb": session.get("delete", 0) / 1024,
    }


def render(result: dict[str, Any]) -> str:
    rows = [
        ("record one edit (with log - without), ms", "record_edit_ms", "< 2 ms"),
        ("  one edit without the log, ms", "edit_without_log_ms", ""),
        ("file growth per 1,000 edits, KB", "growth_per_1k_kb", ""),
        ("file growth for 100,000 edits, MB", "growth_100k_mb", "<= 30 MB"),
        ("open a plan without a log, ms", "open_no_log_ms", ""),
        (f"open the same plan with {result['steps']:,} steps, ms", "open_100k_ms", "the same"),
        (
            f"first read of the {result['steps']:,} steps left in the file, ms",
            "first_log_read_100k_ms",
            "once, when asked",
        ),
        (f"verify the chain of {result['steps']:,} steps, ms", "verify_100k_ms", ""),
    ]
    lines = [f"{'measure':<44}{'value':>10}  goal"]
    for label, key, goal in rows:
        lines.append(f"{label:<44}{result[key]:>10.2f}  {goal}")
    lines.append(f"chain of {result['steps']:,} steps verified: {result['verified']}")
    if result["steps"] != LOGGED_STEPS:
        lines.append(f"growth for 100,000 edits: extrapolated from {result['steps']:,} steps")
    lines.append(f"medians of {result['repeat']} runs; {EDITS:,} edits: a card's headcount, the "
                 "goal, an assumption in turn")  # fmt: skip
    if "state_after_ms" in result:
        size = f"{result['replay_positions']:,} positions, {result['replay_steps_after']:,} steps"
        replay_rows = [
            (f"state_after ({size} after it), ms", "state_after_ms"),
            ("scenario_after (the same, renumbered), ms", "scenario_after_ms"),
            ("log bytes of a copy of that scenario", "copy_log_bytes"),
            ("log KB of its deletion (every row kept)", "delete_log_kb"),
        ]
        for label, key in replay_rows:
            lines.append(f"{label:<44}{result[key]:>10.2f}")
        lines.append(f"the rewound plan has the goal of step 1: {result['rewound_goal_ok']}")
    return "\n".join(lines) + "\n"
