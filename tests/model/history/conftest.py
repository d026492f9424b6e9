"""An editor on the demo plan that records every edit by "Ana", one day after another."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from revorg.model.document import PlanDocument
from revorg.model.editing import PlanEditor
from revorg.model.history.recording import ChangeRecorder


class Clock:
    """UTC times handed to the recorder: each step on the next day, at 09:30."""

    def __init__(self) -> None:
        self.day = 1

    def __call__(self) -> str:
        at = f"2027-01-{self.day:02d}T09:30:00Z"
        self.day += 1
        return at


class Who:
    def __init__(self) -> None:
        self.name = "Ana"

    def __call__(self) -> str:
        return self.name


@pytest.fixture
def who() -> Who:
    return Who()


@pytest.fixture
def editor(who: Who) -> Iterator[PlanEditor]:
    document = PlanDocument.from_template("demo", 2027)
    editor = PlanEditor(document)
    editor.add_recorder(ChangeRecorder(editor, who, Clock()))
    yield editor
    document.close()


def by_title(editor: PlanEditor, title: str) -> int:
    return next(row.id for row in editor.positions().values() if row.title == title)
