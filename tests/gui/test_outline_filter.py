"""The outline's filter on a generated plan: the positions it matches are those with the words
in the text of any column as the outline shows it, cell by cell, through edits, undo and a new
currency (the filter compares each distinct value's text once, not each cell's)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QMessageBox

from revorg.gui.panels.outline_model import OutlineModel
from revorg.gui.panels.outline_texts import Column
from revorg.gui.settings import AppSettings
from revorg.gui.window.main_window import MainWindow
from revorg.model.generator import generate_plan


@pytest.fixture
def model(qtbot) -> Iterator[OutlineModel]:  # type: ignore[no-untyped-def]
    window = MainWindow(generate_plan(400))
    qtbot.addWidget(window)
    # The changes left must not block on the "save changes?" question.
    window.files.ask_unsaved = lambda *_args: QMessageBox.StandardButton.Discard
    window.show()
    window.outline.show()
    yield window.outline.panel.model
    window.close()
    AppSettings().set_outline_shown(False)


def cell_by_cell(model: OutlineModel, needle: str) -> set[int]:
    """The matches read from every cell's text, as the outline shows it."""
    positions = model.controller.editor.positions()
    return {
        i
        for i, row in positions.items()
        if any(needle in model.texts.text(row, column).casefold() for column in Column)
    }


def needles(model: OutlineModel) -> list[str]:
    """Pieces of texts of every column, from a few positions (open ones included)."""
    positions = model.controller.editor.positions()
    rows = list(positions.values())[::37] + [r for r in positions.values() if r.is_open][:2]
    found = {"open", "sdr", "meetings", "leads", "€", "zzz"}
    for row in rows:
        for column in Column:
            text = model.texts.text(row, column).casefold()
            if text:
                found |= {text, text[: max(1, len(text) // 2)], text[len(text) // 3 :]}
    return sorted(found)


def test_the_filter_matches_what_the_cells_show_in_any_column(model: OutlineModel) -> None:
    words = needles(model)
    assert len(words) > 40
    columns_matched = set()
    for needle in words:
        expected = cell_by_cell(model, needle)
        assert model.search.matches(needle) == expected, needle
        positions = model.controller.editor.positions()
        for column in Column:
            if any(needle in model.texts.text(positions[i], column).casefold() for i in expected):
                columns_matched.add(column)
    assert columns_matched == set(Column)  # every column's texts were compared


def test_edits_undo_and_a_new_currency_change_what_the_filter_matches(
    model: OutlineModel,
) -> None:
    controller = model.controller
    positions = controller.editor.positions()
    manager = next(i for i in controller.editor.tree().children if i is not None)
    reports = set(controller.editor.tree().reports(manager))
    assert model.search.matches("quokka") == set()
    # The manager's new title shows in its own Title column and in its reports' Manager column.
    controller.edit(manager, {"title": "Quokka lead"})
    assert model.search.matches("quokka") == {manager} | reports == cell_by_cell(model, "quokka")
    someone = next(i for i in positions if i not in reports and i != manager)
    controller.edit(someone, {"person_name": "Ana Quokka"})
    assert model.search.matches("quokka") == {manager, someone} | reports
    controller.undo_stack.undo()
    controller.undo_stack.undo()
    assert model.search.matches("quokka") == set()
    assert model.search.matches("€") == cell_by_cell(model, "€") != set()
    controller.change_plan_settings(currency="USD")
    assert model.search.matches("€") == set()
    assert model.search.matches("us$") == cell_by_cell(model, "us$") != set()


def test_moves_additions_and_removals_change_what_the_filter_matches(model: OutlineModel) -> None:
    controller = model.controller
    tree = controller.editor.tree()
    first = next(i for i in tree.children if i is not None and tree.parent.get(i))
    report = next(i for i in tree.parent if not tree.reports(i) and tree.parent[i] != first)
    controller.edit(first, {"title": "Quokka lead"})
    assert model.search.matches("quokka") == {first, *tree.reports(first)}
    controller.move(report, first)  # its Manager column now names the first
    assert report in model.search.matches("quokka") == cell_by_cell(model, "quokka")
    added = controller.add_role("sdr", first)
    assert added in model.search.matches("quokka") == cell_by_cell(model, "quokka")
    controller.delete([added, report], keep_reports=False)
    assert model.search.matches("quokka") == {first, *controller.editor.tree().reports(first)}
    assert model.search.matches("quokka") == cell_by_cell(model, "quokka")


def test_what_the_filter_reads_is_made_once_the_outline_is_left_alone_and_kept_through_edits(
    model: OutlineModel, qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: model.search.prepared)
    reads: list[int] = []
    read = model.search._read
    monkeypatch.setattr(model.search, "_read", lambda: reads.append(1) or read())
    controller = model.controller
    # Added, removed with its team, and back by undo: the snapshot follows, never read whole.
    added = controller.add_role("sdr", None)
    assert model.search.prepared
    assert added in model.search.matches("sdr") == cell_by_cell(model, "sdr")
    tree = controller.editor.tree()
    team = next(i for i in tree.children if i is not None and tree.reports(i))
    gone = set(tree.subtree(team))
    assert len(gone) > 1
    controller.delete([team], keep_reports=False)
    for needle in ("sdr", "open", "€", controller.editor.positions()[added].title.casefold()):
        assert model.search.matches(needle) == cell_by_cell(model, needle), needle
    assert not gone & model.search.matches("")
    controller.undo_stack.undo()
    controller.undo_stack.undo()
    assert added not in model.search.matches("sdr") == cell_by_cell(model, "sdr")
    assert team in model.search.matches("")
    for needle in needles(model):
        assert model.search.matches(needle) == cell_by_cell(model, needle), needle
    assert reads == []
