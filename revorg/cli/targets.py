"""`revorg targets`: set a scenario's driver inputs and balance them to the goal.

The edits go through a PlanEditor, so the command line keeps the rules of the Targets panel:
`--set` and `--goal` first (one step), then `--balance` (another). A refusal leaves the file as
it was; `--dry-run` prints the same and never writes.
"""

from __future__ import annotations

import argparse
import contextlib
import json
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

from revorg.cli.editing import add_expect_version_argument, add_who_argument, open_for_editing
from revorg.cli.parsing import Commands, UsageError
from revorg.cli.plans import plan_location
from revorg.model.balance import BalanceDriver
from revorg.model.edits import RATE_FIELDS, TARGET_FIELDS
from revorg.model.errors import NumberError
from revorg.model.money import json_number, parse_decimal, parse_rate
from revorg.model.planning import plain_decimal

if TYPE_CHECKING:
    from revorg.model.document import PlanDocument
    from revorg.model.editing import PlanEditor
    from revorg.model.editing.reading import PlanReading


def register(commands: Commands) -> None:
    targets = commands.add_parser(
        "targets", help="set a plan's targets and balance its drivers to the goal"
    )
    targets.add_argument("file", type=plan_location, help="a .revorg file or a team plan's URL")
    targets.add_argument("--scenario", help="scenario name (default: the first)")
    targets.add_argument("--goal", help="the company revenue goal")
    targets.add_argument(
        "--set",
        nargs="+",
        action="extend",
        default=[],
        metavar="FIELD=VALUE",
        help=f"set driver inputs ({', '.join(TARGET_FIELDS)}); rates as 12%% or 0.12",
    )
    targets.add_argument(
        "--seasonality",
        metavar="SHAPE|WEIGHTS",
        help="the seasonality of bookings: a shape (flat, back_loaded_quarters, growing_year, "
        "year_end_push) or twelve monthly weights in percent adding up to 100, e.g. "
        "5,7.5,12.5,5,7.5,12.5,5,7.5,12.5,5,7.5,12.5",
    )
    targets.add_argument(
        "--balance",
        choices=[driver.value for driver in BalanceDriver],
        help="close the gap to the goal through this driver (after --set and --goal)",
    )
    targets.add_argument("--dry-run", action="store_true", help="print the changes, save nothing")
    add_who_argument(targets)
    add_expect_version_argument(targets)
    targets.add_argument("--json", action="store_true", help="print JSON")


def run(options: argparse.Namespace) -> int:
    from revorg.model.editing import requests
    from revorg.model.seasonality import Seasonality

    values = requested_values(options.set, options.goal)
    # Checked before the file is opened: weights that do not make a year change nothing.
    seasonality = None if options.seasonality is None else Seasonality.parse(options.seasonality)
    with _opened(options) as (document, editor):
        editor.switch_scenario(document.scenario(options.scenario).id)
        before = current_targets(editor)
        season_before = seasonality_text(editor)
        # A refused request raises before anything is saved: the file stays as it was.
        if values:
            edit = requests.set_targets(editor, values)
            if edit is not None:
                editor.perform(edit)
        if seasonality is not None:
            edit = requests.set_seasonality(editor, seasonality)
            if edit is not None:
                editor.perform(edit)
        if options.balance:
            edit = requests.balance_to_goal(editor, options.balance)
            if edit is not None:
                editor.perform(edit)
        after = current_targets(editor)
        changes = {name: (before[name], new) for name, new in after.items() if before[name] != new}
        season_after = seasonality_text(editor)
        season_change = (season_before, season_after) if season_before != season_after else None
        outcome = editor.summary().outcome
        changed = bool(changes) or season_change is not None
        if changed and not options.dry_run:
            document.save()
    if options.json:
        report = {
            "changes": {
                **{
                    name: {"old": json_number(old), "new": json_number(new)}
                    for name, (old, new) in changes.items()
                },
                **(
                    {"seasonality": {"old": season_change[0], "new": season_change[1]}}
                    if season_change
                    else {}
                ),
            },
            "targets": {name: json_number(value) for name, value in after.items()},
            "new_business": json_number(outcome.new_business),
            "retained": json_number(outcome.retained),
            "total": json_number(outcome.total),
            "gap": json_number(outcome.gap),
            "seasonality": season_after,
            "saved": changed and not options.dry_run,
        }
        print(json.dumps(report, indent=2))
        return 0
    print(format_changes(changes, season_change, outcome.total, outcome.gap, options.dry_run))
    return 0


def seasonality_text(editor: PlanReading) -> str:
    """The scenario's seasonality as a user names it: its shape, or its twelve weights."""
    from revorg.model.summary import scenario_seasonality

    seasonality = scenario_seasonality(editor.scenario)
    shape = seasonality.shape()
    return shape if shape != "custom" else seasonality.to_text() or "flat"


@contextlib.contextmanager
def _opened(options: argparse.Namespace) -> Iterator[tuple[PlanDocument, PlanEditor]]:
    """The plan with an editor: recording each step in the plan's change log, or, for a dry
    run, read only and recording nothing."""
    from revorg.cli.plans import open_for_reading
    from revorg.model.editing import PlanEditor

    if not options.dry_run:
        with open_for_editing(options.file, options.who, options.expect_version) as opened:
            yield opened
        return
    with open_for_reading(options.file) as document:
        yield document, PlanEditor(document)


def requested_values(assignments: list[str], goal: str | None) -> dict[str, Decimal | int]:
    """FIELD=VALUE pairs and --goal as the model stores them; each value is checked by the
    request (revorg.model.edits.validated_target), the text here."""
    pairs = [_split(assignment) for assignment in assignments]
    if goal is not None:
        pairs.append(("goal", goal))
    return {name: _number(name, text) for name, text in pairs}


def _split(assignment: str) -> tuple[str, str]:
    name, equals, text = assignment.partition("=")
    name = name.strip()
    if not equals:
        raise UsageError(f"--set takes FIELD=VALUE, not {assignment!r}")
    if name not in TARGET_FIELDS:
        raise UsageError(
            f"unknown target field {name!r}; the fields are {', '.join(TARGET_FIELDS)}"
        )
    return name, text


def _number(name: str, text: str) -> Decimal | int:
    try:
        value = parse_rate(text) if name in RATE_FIELDS else parse_decimal(text)
    except NumberError as error:
        raise UsageError(f"{name.replace('_', ' ')}: {error}") from None
    if name == "leads":
        if value != value.to_integral_value():
            raise UsageError(f"leads must be a whole number, not {text.strip()}")
        return int(value)
    return value


def current_targets(editor: PlanReading) -> dict[str, Decimal | int]:
    targets = editor.scenario.targets
    return {name: getattr(targets, name) for name in TARGET_FIELDS}


def format_changes(
    changes: dict[str, tuple[Decimal | int, Decimal | int]],
    season_change: tuple[str, str] | None,
    total: Decimal,
    gap: Decimal,
    dry_run: bool,
) -> str:
    lines = ["Changes:" if changes or season_change else "No change."]
    for name, (old, new) in changes.items():
        lines.append(f"  {name.replace('_', ' '):<14}{_shown(name, old)} -> {_shown(name, new)}")
    if season_change:
        lines.append(f"  {'seasonality':<14}{season_change[0]} -> {season_change[1]}")
    lines.append(f"  {'total':<14}{total:,.2f}")
    state = "short" if gap > 0 else "above the goal" if gap < 0 else "on goal"
    lines.append(f"  {'gap':<14}{gap:,.2f} ({state})")
    if (changes or season_change) and dry_run:
        lines.append("Dry run: the file was not changed.")
    return "\n".join(lines)


def _shown(name: str, value: Decimal | int) -> str:
    if name in RATE_FIELDS:
        return f"{plain_decimal(Decimal(value) * 100)}%"
    if name == "leads":
        return f"{value:,}"
    return f"{value:,.2f}"
