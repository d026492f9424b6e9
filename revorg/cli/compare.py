"""`revorg compare`: two scenarios of a plan side by side; either may be a snapshot, named
"snapshot:NAME"."""

from __future__ import annotations

import argparse
import json

from revorg.cli.parsing import Commands
from revorg.cli.plans import open_for_reading, plan_location


def register(commands: Commands) -> None:
    compare = commands.add_parser(
        "compare", help='compare two scenarios of a plan (or a snapshot: "snapshot:NAME")'
    )
    compare.add_argument("file", type=plan_location, help="a .revorg file or a team plan's URL")
    compare.add_argument(
        "--scenarios",
        nargs=2,
        required=True,
        metavar=("A", "B"),
        help="the scenario to compare against (A) and the one compared (B); a snapshot as "
        '"snapshot:NAME"',
    )
    compare.add_argument("--json", action="store_true", help="print JSON")


def run(options: argparse.Namespace) -> int:
    from revorg.model.comparison import compare_scenarios
    from revorg.model.reports import format_comparison
    from revorg.model.snapshots import resolve_compared

    name_a, name_b = options.scenarios
    with open_for_reading(options.file) as document:
        plan = document.plan
        a, b = resolve_compared(plan, name_a), resolve_compared(plan, name_b)
        comparison = compare_scenarios(document.session, a, b)
        if options.json:
            print(json.dumps(comparison.to_json(), indent=2, ensure_ascii=False))
        else:
            print(format_comparison(comparison))
    return 0
