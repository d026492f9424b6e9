"""`revorg history`: the plan's change log, newest first, and its compaction."""

from __future__ import annotations

import argparse
import datetime
import json
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from revorg.cli.parsing import Commands, UsageError
from revorg.cli.plans import open_for_reading, plan_location

if TYPE_CHECKING:
    from revorg.model.history.chain import LogProblem
    from revorg.model.history.reading import LoggedStep


def day(text: str) -> datetime.date:
    """argparse type: a day as YYYY-MM-DD (the log's times are UTC)."""
    try:
        return datetime.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def positive(text: str) -> int:
    if not text.strip().isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"not a whole number of 1 or more: {text!r}")
    return int(text)


def register(commands: Commands) -> None:
    history = commands.add_parser(
        "history",
        help="list a plan's changes, newest first (who, when, each value before and after)",
        description=(
            "Every edit, undo and redo saved in the plan, newest first, with its field changes, "
            "and whether the log is as RevOrg wrote it (its hash chain). --compact-before drops "
            "the steps recorded before a day and saves the plan."
        ),
    )
    history.add_argument("file", type=plan_location, help="a .revorg file or a team plan's URL")
    history.add_argument("--scenario", metavar="S", help="only the steps of this scenario")
    history.add_argument("--since", type=day, metavar="DATE", help="only from this day (UTC)")
    history.add_argument("--limit", type=positive, metavar="N", help="at most N steps")
    history.add_argument("--json", action="store_true", help="print JSON")
    history.add_argument(
        "--compact-before",
        type=day,
        metavar="DATE",
        help="drop the steps recorded before this day (UTC), keep the rest verifiable, save",
    )


def run(options: argparse.Namespace) -> int:
    if options.compact_before is not None:
        if options.scenario or options.since or options.limit or options.json:
            raise UsageError("--compact-before takes no other option")
        if not isinstance(options.file, Path):
            raise UsageError("--compact-before works on a plan file, not on a team plan")
        return _compact(options.file, options.compact_before)
    with open_for_reading(options.file) as document:
        from sqlalchemy.exc import SQLAlchemyError

        from revorg.model.history.chain import verify
        from revorg.model.history.reading import read_steps

        scenario_id = None
        if options.scenario is not None:
            scenario_id = document.scenario(options.scenario).id
        problem = verify(document.session)
        try:
            steps = read_steps(document.session, scenario_id, options.since, options.limit)
        except (sqlite3.Error, SQLAlchemyError):  # damaged pages: the check says so below
            steps = []
        if options.json:
            print(json.dumps(_json(steps, problem), indent=2, ensure_ascii=False))
        else:
            names = {s.id: s.name for s in document.plan.scenarios}
            for line in _lines(steps, problem, names):
                print(line)
    return 0


def _json(steps: list[LoggedStep], problem: LogProblem | None) -> dict[str, Any]:
    return {
        "steps": [step.to_json() for step in steps],
        "verified": problem is None,
        "first_bad_step": None if problem is None else problem.step_id,
        "problem": None if problem is None else str(problem),
    }


def _lines(steps: list[LoggedStep], problem: LogProblem | None, names: dict[int, str]) -> list[str]:
    from revorg.model.history.values import whole_label

    lines = []
    for step in steps:
        scenario = names.get(step.scenario_id, f"scenario {step.scenario_id}, deleted")
        at = step.at.replace("T", " ").replace("Z", " UTC")
        lines.append(
            f"#{step.id}  {at}  {step.who}  {step.direction}  {step.text.english()}  ({scenario})"
        )
        for change in step.changes:
            record = f"{change.record} {change.record_id}"
            if change.field == "*" and change.old is not None and change.new is not None:
                old, new = whole_label(change.old), whole_label(change.new)  # a deal re-imported
                lines.append(f"    {record} replaced: {_shown(old)} -> {_shown(new)}")
            elif change.field == "*":
                what = "added" if change.old is None else "removed"
                lines.append(f"    {record} {what}: {_shown(whole_label(change.whole))}")
            else:
                lines.append(
                    f"    {record} {change.field}: {_shown(change.old)} -> {_shown(change.new)}"
                )
    if not steps:
        lines.append("no steps recorded")
    if problem is None:
        lines.append("log verified: as RevOrg recorded it")
    else:
        lines.append(f"log NOT verified, changed outside RevOrg or damaged: {problem}")
    return lines


def _shown(value: object) -> str:
    from revorg.model.history.values import photo_size

    photo = photo_size(value)
    if photo is not None:  # a person's photo: its kind and size, not its bytes
        return f"{photo[0]} photo, {photo[1]:,} bytes"
    return "none" if value is None else str(value)


def _compact(path: Path, before: datetime.date) -> int:
    from revorg.model.document import PlanDocument
    from revorg.model.history.chain import verify
    from revorg.model.history.compaction import compact_before

    with PlanDocument.open(path) as document:
        problem = verify(document.session)
        if problem is not None:
            # Dropping steps could drop the evidence: the log stays as it is.
            raise UsageError(f"{path}: the log is not as RevOrg recorded it ({problem}); "
                             "not compacted")  # fmt: skip
        result = compact_before(document.session, before)
        document.save()
    print(f"{path}: {result.dropped} steps before {before.isoformat()} dropped, {result.kept} kept")
    return 0
