"""What every command that edits a plan shares: the plan opened for editing, with an editor that
records each edit in the plan's change log, by `--who` or the system user."""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from revorg.model.document import PlanDocument
    from revorg.model.editing import PlanEditor
    from revorg.model.team.address import TeamPlanAddress


def add_who_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--who", metavar="NAME", help="the name the change log gives (default: the system user)"
    )


def add_expect_version_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--expect-version",
        type=_version,
        metavar="N",
        help="refuse the change unless the plan is at version N (summary --json's version)",
    )


def _version(text: str) -> int:
    from revorg.cli.parsing import UsageError

    if not text.strip().isdigit():
        raise UsageError(f"--expect-version takes a whole number, not {text!r}")
    return int(text)


@contextlib.contextmanager
def open_for_editing(
    location: Path | TeamPlanAddress, who: str | None, expected_version: int | None = None
) -> Iterator[tuple[PlanDocument, PlanEditor]]:
    """The plan, locked for editing, and an editor whose every edit (`editor.perform`) is one
    step of the log; the caller saves (`document.save()`), or nothing reaches the file. A team
    plan's URL: every edit is one step on the server as it is made (revorg.model.team.editing);
    with `expected_version`, refused unless the plan is at that version."""
    if not isinstance(location, Path):
        from revorg.model.team.editing import open_team_editor

        with open_team_editor(location, who, expected_version) as opened:
            yield opened
        return
    from revorg.model.document import PlanDocument
    from revorg.model.editing import PlanEditor
    from revorg.model.history.recording import attach_recorder

    with PlanDocument.open(location) as document:
        if expected_version is not None:
            _check_version(document, expected_version)
        editor = PlanEditor(document)
        attach_recorder(editor, (who or "").strip() or None)
        yield document, editor


def _check_version(document: PlanDocument, expected: int) -> None:
    from revorg.cli.parsing import UsageError
    from revorg.model.history.version import plan_version

    version = plan_version(document.session)
    if version != expected:
        from sqlalchemy import text

        rows = document.session.execute(
            text("SELECT who, at FROM history_steps WHERE id > :after ORDER BY id"),
            {"after": expected},
        ).all()
        people = ", ".join(dict.fromkeys(str(row[0]) for row in rows)) or "?"
        last = str(rows[-1][1]) if rows else "?"
        raise UsageError(
            f"the plan is at version {version}, not {expected}: changed since by {people} "
            f"(last at {last}); nothing was changed"
        )
