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


def add_who_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--who", metavar="NAME", help="the name the change log gives (default: the system user)"
    )


@contextlib.contextmanager
def open_for_editing(path: Path, who: str | None) -> Iterator[tuple[PlanDocument, PlanEditor]]:
    """The plan, locked for editing, and an editor whose every edit (`editor.perform`) is one
    step of the log; the caller saves (`document.save()`), or nothing reaches the file."""
    from revorg.model.document import PlanDocument
    from revorg.model.editing import PlanEditor
    from revorg.model.history.recording import attach_recorder

    with PlanDocument.open(path) as document:
        editor = PlanEditor(document)
        attach_recorder(editor, (who or "").strip() or None)
        yield document, editor
