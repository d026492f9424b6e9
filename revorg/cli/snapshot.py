"""`revorg snapshot`: take a snapshot, a named frozen copy of a scenario (revorg.model.snapshots).

The snapshot is an edit through the edit core, so it is one step of the plan's change log, by
`--who` or the system user, who is also named as the snapshot's author.
"""

from __future__ import annotations

import argparse

from revorg.cli.editing import add_who_argument, open_for_editing
from revorg.cli.parsing import Commands
from revorg.cli.plans import plan_location, shown_location


def register(commands: Commands) -> None:
    snapshot = commands.add_parser(
        "snapshot",
        help="take a snapshot: a named, frozen copy of a scenario",
        description=(
            'Keep a scenario as it is now under a name ("Board plan FY27"), with the date and '
            "who took it. A snapshot is never edited; compare it with `compare --scenarios A "
            "snapshot:NAME`, list them with `snapshots`, bring one back with `restore`."
        ),
    )
    snapshot.add_argument("file", type=plan_location, help="a .revorg file or a team plan's URL")
    snapshot.add_argument("--name", required=True, help="the snapshot's name")
    snapshot.add_argument("--scenario", help="the scenario to keep (default: the first)")
    add_who_argument(snapshot)


def run(options: argparse.Namespace) -> int:
    from revorg.model.editing import requests
    from revorg.model.history.recording import system_user, utc_now

    who = (options.who or "").strip() or system_user()
    with open_for_editing(options.file, who) as (document, editor):
        scenario = document.scenario(options.scenario)
        editor.switch_scenario(scenario.id)
        # A taken name or an empty one is refused here, before anything is saved.
        edit = requests.take_snapshot(editor, options.name, who, utc_now())
        editor.perform(edit)
        document.save()
    print(
        f"took snapshot {options.name.strip()!r} of {scenario.name!r} "
        f"in {shown_location(options.file)}"
    )
    return 0
