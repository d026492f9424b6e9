"""`revorg pull URL -o FILE`: a local copy of a team plan (for a workshop without a network)."""

from __future__ import annotations

import argparse
from pathlib import Path

from revorg.cli.parsing import Commands, check_output
from revorg.cli.plans import team_address
from revorg.cli.without_salaries import add_option, prepare_copy


def register(commands: Commands) -> None:
    pull = commands.add_parser("pull", help="write a local copy of a team plan to a file")
    pull.add_argument("url", type=team_address, help="postgresql://user@host:5432/revorg?plan=NAME")
    pull.add_argument("-o", "--output", type=Path, required=True, help="the .revorg file")
    pull.add_argument("--force", action="store_true", help="overwrite an existing file")
    add_option(pull)


def run(options: argparse.Namespace) -> int:
    from revorg.model.store import write_plan_file
    from revorg.model.team.document import open_team_plan

    check_output(options.output, options.force)
    with open_team_plan(options.url) as document:
        document.commit()
        prepare_copy(document, options.without_salaries, options.url.shown())
        write_plan_file(document.connection, options.output)
        version = document.version
    without = ", without salaries" if options.without_salaries else ""
    print(f"wrote {options.output} (version {version} of {options.url.shown()}{without})")
    return 0
