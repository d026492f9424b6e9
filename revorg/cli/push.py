"""`revorg push FILE URL`: publish a local plan, its change log included, as a new team plan;
or, when the plan exists and FILE is a copy pulled from it, send the copy's offline steps back
(revorg.model.team.offline): those that apply land in order, the others are listed field by
field and kept in a scenario of their own."""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from revorg.cli.editing import add_who_argument
from revorg.cli.parsing import EXIT_USAGE, Commands
from revorg.cli.plans import team_address

if TYPE_CHECKING:
    from revorg.model.team.offline import PushResult


def register(commands: Commands) -> None:
    push = commands.add_parser(
        "push",
        help="publish a plan file as a new team plan, or send a pulled copy's edits back",
    )
    push.add_argument("file", type=Path)
    push.add_argument("url", type=team_address, help="postgresql://user@host:5432/revorg?plan=NAME")
    add_who_argument(push)


def run(options: argparse.Namespace) -> int:
    from revorg.model.document import PlanDocument
    from revorg.model.history.recording import system_user
    from revorg.model.team.offline import push_back
    from revorg.model.team.transfer import PlanExistsError, publish

    with PlanDocument.open(options.file, for_editing=False) as document:
        try:
            publish(document.connection, options.url)
        except PlanExistsError:
            pass  # a copy pulled from it: its steps go back
        else:
            print(f"published {options.file} as {options.url.shown()}")
            return 0
        keeper = (options.who or "").strip() or system_user()
        day = datetime.datetime.now(datetime.UTC).date().isoformat()
        result = push_back(document, options.url, keeper, day)
    print(report(options.file, options.url.shown(), result))
    if result.refused and not result.sent:
        print(
            f"error: none of the {len(result.refused)} offline steps could be sent "
            f"(kept in {', '.join(repr(k) for k in result.kept) or 'no scenario'})",
            file=sys.stderr,
        )
        return EXIT_USAGE
    return 0


def report(file: Path, url: str, result: PushResult) -> str:
    total = len(result.sent) + len(result.refused)
    if not total:
        return f"{file}: nothing to send (a copy of version {result.base}, unchanged)"
    lines = [
        f"sent {len(result.sent)} of {total} offline steps of {file} to {url} "
        f"(pulled at version {result.base}; now version {result.version})"
    ]
    if result.refused:
        kept = ", ".join(repr(name) for name in result.kept) or "no scenario"
        lines.append(f"conflicts, kept in {kept} (pull a fresh copy before working offline again):")
    for step, conflicts in result.refused:
        lines.append(f"  step {step.id} by {step.who} at {step.at}:")
        for conflict in conflicts:
            by = f" (changed by {conflict.who} at {conflict.at})" if conflict.who else ""
            lines.append(
                f"    {conflict.record} {conflict.field}: server {conflict.server!r}{by}, "
                f"yours {conflict.yours!r}"
            )
        if not conflicts:
            lines.append("    it depends on a step that was not sent")
    return "\n".join(lines)
