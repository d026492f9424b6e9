"""`revorg restore`: a new scenario made from an earlier state of the plan.

Each source of an earlier state is one entry of SOURCES: its option, and the request that
makes the edit. `--snapshot NAME` restores a snapshot, `--step ID` the scenario a step of the
change log was made in, as it was right after that step.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from revorg.cli.editing import add_who_argument, open_for_editing
from revorg.cli.parsing import Commands, UsageError
from revorg.cli.plans import plan_location, shown_location

if TYPE_CHECKING:
    from revorg.model.editing import Edit, PlanEditor


@dataclass(frozen=True)
class Source:
    """Where a restored scenario comes from: an option of the command and the edit it makes
    (`restore(editor, value, name)`; raises a RevOrgError, nothing changed, when refused)."""

    option: str
    metavar: str
    help: str
    restore: Callable[[PlanEditor, str, str], Edit]
    described: Callable[[str], str]  # "snapshot 'Board plan'"


def _from_snapshot(editor: PlanEditor, name: str, as_name: str) -> Edit:
    from revorg.model.editing import requests
    from revorg.model.snapshots import find_snapshot

    snapshot = find_snapshot(editor.document.plan, name)
    return requests.restore_snapshot(editor, snapshot.id, as_name)


def _from_step(editor: PlanEditor, step: str, as_name: str) -> Edit:
    """The scenario a step of the change log was made in, as it was right after that step."""
    from revorg.model.history.replay import scenario_after
    from revorg.model.history.revert import restore_edit

    if not step.strip().isdigit():
        raise UsageError(f"--step takes a step's number (revorg history lists them), not {step!r}")
    step_id = int(step)
    snapshot = scenario_after(editor.session, step_id, name=as_name)
    return restore_edit(editor.session, snapshot, as_name, step_id, editor.scenario_id)


SOURCES = (
    Source(
        "snapshot",
        "NAME",
        "the snapshot to restore",
        _from_snapshot,
        lambda name: f"snapshot {name!r}",
    ),
    Source(
        "step",
        "ID",
        "a step of the history (revorg history): its scenario as it was right after it",
        _from_step,
        lambda step: f"step {step}",
    ),
)


def register(commands: Commands) -> None:
    restore = commands.add_parser(
        "restore", help="make a new scenario from a snapshot or a step of the plan's history"
    )
    restore.add_argument("file", type=plan_location, help="a .revorg file or a team plan's URL")
    sources = restore.add_mutually_exclusive_group(required=True)
    for source in SOURCES:
        sources.add_argument(f"--{source.option}", metavar=source.metavar, help=source.help)
    restore.add_argument(
        "--as", dest="as_name", required=True, metavar="NAME", help="the new scenario's name"
    )
    add_who_argument(restore)


def run(options: argparse.Namespace) -> int:
    chosen = [s for s in SOURCES if getattr(options, s.option) is not None]
    if len(chosen) != 1:  # argparse's group already says so; kept for a source added later
        raise UsageError("say what to restore: " + ", ".join(f"--{s.option}" for s in SOURCES))
    source, value = chosen[0], getattr(options, chosen[0].option)
    with open_for_editing(options.file, options.who) as (document, editor):
        edit = source.restore(editor, value, options.as_name)
        editor.perform(edit)
        document.save()
    print(
        f"restored {source.described(value)} as scenario {options.as_name.strip()!r} "
        f"in {shown_location(options.file)}"
    )
    return 0
