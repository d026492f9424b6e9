"""`revorg push FILE URL`: publish a local plan, its change log included, as a new team plan."""

from __future__ import annotations

import argparse
from pathlib import Path

from revorg.cli.parsing import Commands
from revorg.cli.plans import team_address


def register(commands: Commands) -> None:
    push = commands.add_parser(
        "push", help="publish a plan file as a new team plan on a PostgreSQL server"
    )
    push.add_argument("file", type=Path)
    push.add_argument("url", type=team_address, help="postgresql://user@host:5432/revorg?plan=NAME")


def run(options: argparse.Namespace) -> int:
    from revorg.model.document import PlanDocument
    from revorg.model.team.transfer import publish

    with PlanDocument.open(options.file, for_editing=False) as document:
        publish(document.connection, options.url)
    print(f"published {options.file} as {options.url.shown()}")
    return 0
