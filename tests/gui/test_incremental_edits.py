"""Edits of positions update the editor's rows, tree, numbers, cards and layout in place (what
keeps a 50,000-position chart quick): after any sequence of adds, duplicates, deletes, edits,
moves, suggested hires and their undo and redo, the window shows what a fresh start shows."""

from __future__ import annotations

import random
from collections.abc import Iterator
from decimal import Decimal

import pytest
from PySide6.QtWidgets import QMessageBox

from revorg.gui.chart.card import COVERAGE_MARK_COLOURS
from revorg.gui.chart.layout import IncrementalLayout, compute_layout
from revorg.gui.chart.lines import ChartGeometry, ConnectorsItem
from revorg.gui.window.main_window import MainWindow
from revorg.model.generator import generate_plan
from revorg.model.months import YearMonth
from revorg.model.org_tree import OrgTree
from revorg.model.rows import position_rows
from revorg.model.scenario_rows import RowsChange
from revorg.model.summary import summarize
from tests.gui.test_layout import METRICS, Node, random_tree


@pytest.fixture
def large_window(qtbot) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    main_window = MainWindow(generate_plan(250, seed=4))
    main_window.files.ask_unsaved = lambda *_args: QMessageBox.StandardButton.Discard
    main_window.show()
    qtbot.waitExposed(main_window)
    main_window.view.resetTransform()  # cards drawn in full, lines by team
    yield main_window
    main_window.close()
    main_window.deleteLater()


def assert_as_after_a_fresh_start(window: MainWindow) -> None:
    controller, scene = window.controller, window.scene
    fresh = position_rows(controller.editor.session, controller.editor.scenario_id)
    assert list(controller.editor.positions().values()) == fresh  # the same rows, in id order
    tree = OrgTree.build(fresh)
    assert controller.editor.tree() == tree
    expected = summarize(
        controller.editor.session, controller.editor.scenario, controller.language, fresh
    )
    summary = controller.editor.summary()
    assert repr(summary.departments) == repr(expected.departments)  # digits and exponents
    assert repr(summary.capacity) == repr(expected.capacity)
    assert summary.to_json() == expected.to_json()
    # One card per position, with its texts, colour and coverage mark.
    assert scene.cards.keys() == {row.id for row in fresh}
    colours = {key: d.color for key, d in controller.editor.departments_by_key().items()}
    statuses = {key: d.status for key, d in summary.capacity.departments.items()}
    for row in fresh:
        card = scene.cards[row.id]
        assert card.position_id == row.id
        assert card.content.title == row.title and card.colour == colours[row.department_key]
        status = statuses.get(row.department_key)
        assert card.coverage_mark == (status if status in COVERAGE_MARK_COLOURS else None)
    # Placed where a full layout puts them; the cards of collapsed teams hidden.
    layout = compute_layout(
        tree.children, scene.metrics, collapsed=scene.collapsed, compact=scene.compact
    )
    assert scene.layout.centres == layout.centres
    for position_id, card in scene.cards.items():
        centre = layout.centres.get(position_id)
        assert card.isVisible() == (centre is not None), position_id
        if centre is not None:
            assert (card.pos().x(), card.pos().y()) == centre
    # The reporting lines' boxes, kept from layout to layout, are those boxed afresh.
    fresh_lines = ConnectorsItem(scene.connector_item.geometry)
    assert boxes(scene.connector_item) == boxes(fresh_lines)


def boxes(item: ConnectorsItem) -> list[tuple[object, ...]]:
    return sorted((*box[:5], tuple(box[5])) for box in item.boxes())


class Session:
    """A user editing the chart at random through the controller."""

    def __init__(self, window: MainWindow, seed: int) -> None:
        self.window = window
        self.controller = window.controller
        self.rng = random.Random(seed)
        self.changes: list[RowsChange] = []
        self.controller.rows_changed.connect(self.changes.append)

    def ids(self) -> list[int]:
        return list(self.controller.editor.positions())

    def step(self) -> str:
        rng, controller = self.rng, self.controller
        action = rng.choice(
            [
                *("add", "duplicate", "delete", "delete_keep", "delete_some", "edit", "move"),
                *("undo", "undo", "redo", "collapse", "target", "hires"),
            ]
        )
        ids, tree = self.ids(), controller.editor.tree()
        managers = [i for i in ids if tree.reports(i)]
        if action == "add":
            controller.add_role(rng.choice(["ae", "sdr", "csm", "vp_sales"]), rng.choice(ids))
        elif action == "duplicate":
            controller.duplicate(rng.choice(ids))
        elif action == "delete":
            controller.delete([rng.choice(ids)], keep_reports=False)
        elif action == "delete_keep":
            controller.delete([rng.choice(managers)], keep_reports=True)
        elif action == "delete_some":  # a manager and some of its team, some kept
            manager = rng.choice(managers)
            team = tree.subtree(manager)
            controller.delete([manager, *rng.sample(team, min(3, len(team)))], True)
        elif action == "edit":
            controller.edit(rng.choice(ids), self.some_change())
        elif action == "move":
            mover, manager = rng.choice(ids), rng.choice(managers)
            if controller.move_refusal(mover, manager) is None:
                controller.move(mover, manager)
        elif action == "undo":
            controller.undo_stack.undo()
        elif action == "redo":
            controller.undo_stack.redo()
        elif action == "collapse":
            self.window.scene.toggle_collapsed(rng.choice(managers))
        elif action == "target":
            controller.set_target("goal", Decimal(rng.randint(1, 90)) * 100000)
            controller.end_typing_session()
        elif action == "hires":
            controller.apply_suggested_hires()
        return action

    def some_change(self) -> dict[str, object]:
        return self.rng.choice(
            [
                {"headcount": self.rng.randint(1, 9)},
                {"annual_cost": Decimal(self.rng.randint(1000, 300000))},
                {"person_name": None, "start_month": YearMonth(2027, self.rng.randint(1, 12))},
                {"person_name": "New Person"},
                {"title": f"Title {self.rng.randint(1, 99)}"},
                {"role_key": "csm", "department_key": "customer_success"},
                {"capacity_override": Decimal("250000")},
            ]
        )


@pytest.mark.parametrize("seed", range(4))
def test_random_edits_and_undo_show_what_a_fresh_start_shows(
    large_window: MainWindow, seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    if seed % 2:  # lines boxed again team by team, however many cards an edit moves
        monkeypatch.setattr(ConnectorsItem, "rebox_all_above", 2.0)
    session = Session(large_window, seed)
    large_window.controller.editor.summary()  # numbers on screen before the first edit
    done = set()
    for _ in range(40):
        done.add(session.step())
        assert_as_after_a_fresh_start(large_window)
    assert {"add", "edit", "undo"} <= done and {"delete", "delete_keep", "delete_some"} & done
    # The edits went the incremental way: the scene heard of them one change at a time.
    assert any(change.added for change in session.changes)
    assert any(change.removed for change in session.changes)
    assert any(change.edited for change in session.changes)


def test_undo_and_redo_of_a_delete_keep_the_ids(large_window: MainWindow) -> None:
    controller = large_window.controller
    tree = controller.editor.tree()
    manager = next(i for i in controller.editor.positions() if len(tree.subtree(i)) > 5)
    team = tree.subtree(manager)
    controller.delete([manager], keep_reports=False)
    assert not set(team) & controller.editor.positions().keys()
    controller.undo_stack.undo()
    assert set(team) <= controller.editor.positions().keys()
    assert controller.editor.tree().subtree(manager) == team
    assert_as_after_a_fresh_start(large_window)
    controller.undo_stack.redo()
    assert not set(team) & large_window.scene.cards.keys()
    assert_as_after_a_fresh_start(large_window)


def test_a_copied_scenario_reuses_the_cards_and_shows_the_copy(large_window: MainWindow) -> None:
    controller, scene = large_window.controller, large_window.scene
    first = controller.editor.scenario_id
    leaf = next(i for i in controller.editor.positions() if not controller.editor.tree().reports(i))
    scene.select_only([leaf])
    controller.edit(leaf, {"title": "Only in the first scenario"})
    scene.cards[leaf].set_highlighted(True)  # found by a search
    scene.toggle_collapsed(controller.editor.tree().roots()[0])  # all but the top hidden
    cards = set(scene.cards.values())
    copy_id = controller.copy_scenario()
    assert controller.editor.scenario_id == copy_id != first
    assert set(scene.cards.values()) == cards  # the same items, showing the copy's positions
    assert not scene.selected_ids() and not scene.collapsed
    assert not any(card.highlighted or card.hidden_reports for card in cards)
    assert_as_after_a_fresh_start(large_window)
    controller.add_role(
        "ae", next(iter(controller.editor.positions()))
    )  # one card more than before
    controller.undo_stack.undo()
    controller.undo_stack.undo()  # the copy goes: the first scenario is back
    assert controller.editor.scenario_id == first
    assert_as_after_a_fresh_start(large_window)
    assert scene.cards[leaf].content.title == "Only in the first scenario"


@pytest.mark.parametrize("seed", range(12))
def test_lines_boxed_team_by_team_are_the_lines_boxed_afresh(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Wide teams of managers too (not compact): a team whose reports spread or close up
    around a manager that stays is boxed again."""
    monkeypatch.setattr(ConnectorsItem, "rebox_all_above", 2.0)
    rng = random.Random(seed)
    _nodes, tree = random_tree(rng, 60)
    layouter = IncrementalLayout(METRICS, compact=seed % 3 == 0)
    layout = layouter.update(tree.children, tree.parent, set())
    lines = ConnectorsItem(ChartGeometry(layout, tree.children, set(), METRICS, parent=tree.parent))
    lines.boxes()
    next_id = 1000
    for _ in range(25):
        ids = list(tree.parent)
        if rng.random() < 0.4:
            new = [Node(next_id, rng.choice(ids), rng.randint(0, 5))]
            next_id += 1
            tree.insert(new)
        elif rng.random() < 0.3:
            tree.remove(tree.subtree(rng.choice(ids)))
        else:
            mover, manager = rng.choice(ids), rng.choice(ids)
            if not tree.would_create_cycle(mover, manager):
                tree.move(mover, manager, rng.randint(0, 5))
        layout = layouter.update(tree.children, tree.parent, set())
        geometry = ChartGeometry(layout, tree.children, set(), METRICS, parent=tree.parent)
        lines.set_geometry(geometry, [*layout.changed, *layout.dropped, *layout.regrouped])
        assert boxes(lines) == boxes(ConnectorsItem(geometry))


def test_a_chart_emptied_and_filled_again_shows_what_a_fresh_start_shows(
    large_window: MainWindow,
) -> None:
    controller, scene = large_window.controller, large_window.scene
    controller.delete(list(controller.editor.tree().roots()), keep_reports=False)
    assert not controller.editor.positions() and not scene.cards
    assert scene.connector_item.boxes() == []
    assert_as_after_a_fresh_start(large_window)
    controller.undo_stack.undo()
    assert len(scene.cards) == 250
    assert_as_after_a_fresh_start(large_window)
    first = controller.editor.scenario_id
    controller.copy_scenario("Empty")
    controller.delete(list(controller.editor.tree().roots()), keep_reports=False)
    controller.show_scenario(first)  # from an empty chart to a full one, and back
    assert_as_after_a_fresh_start(large_window)
    controller.show_scenario(controller.editor.scenarios()[-1].id)
    assert scene.connector_item.boxes() == [] and not scene.cards


def test_the_capacity_report_is_kept_when_an_edit_cannot_change_it(
    large_window: MainWindow,
) -> None:
    """The capacity panel redraws its chart only for a new report (half a move's time on a
    small chart): a move or a new title keeps the report, a new headcount makes one."""
    controller = large_window.controller
    tree = controller.editor.tree()
    rows = controller.editor.positions()
    ae = next(i for i, row in rows.items() if row.role_key == "ae")
    manager = next(i for i in rows if tree.reports(i) and i != tree.parent[ae] and i != ae)
    shown = controller.editor.summary().capacity
    controller.move(ae, manager)
    assert controller.editor.summary().capacity is shown
    controller.edit(ae, {"title": "Senior AE", "person_name": "Someone Else"})
    assert controller.editor.summary().capacity is shown
    controller.edit(ae, {"headcount": 4})
    assert controller.editor.summary().capacity is not shown
    assert_as_after_a_fresh_start(large_window)
