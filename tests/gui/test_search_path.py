"""Find opens the path to a match, not the whole teams above it: a search in a collapsed
division of a large plan shows the managers on the way and their teams closed beside it.

The demo plan: the CRO (1) over VP Marketing (2: reports 3, 4, 5), VP Sales (6: the SDR
Manager 7 with the SDRs 8 and 9, and the AEs 10, 11, 12), VP Customer Success (13: 14 to 17)
and Head of RevOps (18: 19).
"""

from __future__ import annotations

from revorg.gui.chart.collapse import beside_path
from revorg.gui.window.main_window import MainWindow
from revorg.model.org_tree import OrgTree


def shown(window: MainWindow) -> set[int]:
    return {i for i, card in window.scene.cards.items() if card.isVisible()}


def test_a_search_from_the_top_card_opens_the_path_to_the_sdr(window: MainWindow) -> None:
    window.expand_to_level(1)
    assert shown(window) == {1}
    window.find_bar.open()
    window.find_bar.box.setText("Ana Gil")
    assert window.find_bar.matches == [8]
    # The path (CRO, VP Sales, SDR Manager, Ana) and the cards beside it, the other VPs
    # closed into their roll-ups; no one of VP Marketing's or VP Customer Success's teams.
    assert shown(window) == {1, 2, 6, 13, 18, 7, 10, 11, 12, 8, 9}
    assert window.scene.collapsed == {2, 13, 18}
    # A second search in a closed team opens that path too, and leaves the first one open.
    window.find_bar.box.setText("Irene Molina")
    assert {13, 14, 15, 16, 17} <= shown(window)
    assert 8 in shown(window) and 3 not in shown(window)


def test_a_manager_found_shows_closed_with_its_team_summed(window: MainWindow) -> None:
    window.expand_to_level(1)
    window.find_bar.box.setText("Diego Martín")  # the SDR Manager
    assert window.find_bar.matches == [7]
    assert 7 in shown(window) and 7 in window.scene.collapsed
    assert not {8, 9} & shown(window)


def test_beside_path_is_the_teams_off_the_way_down() -> None:
    links = [(1, None), (2, 1), (3, 2), (4, 2), (5, 4), (6, 1), (7, 6), (8, 4), (9, 8)]
    tree = OrgTree.of_links(links)
    # From 1 down to 9: the path 1, 2, 4, 8; beside it 6 (a team), 3 and 5 (no team).
    assert beside_path(tree.children, tree.parent, 1, 9) == {6}
    assert beside_path(tree.children, tree.parent, 2, 5) == {8}  # 4's other report, 8
    assert beside_path(tree.children, tree.parent, 1, 4) == {4, 6}


def test_find_sees_an_edit_and_its_undo(window: MainWindow) -> None:
    find = window.find_bar
    assert find.search("Ana Gil") == [8]
    window.controller.edit(8, {"person_name": "Ana Torres"})
    assert find.search("Ana Gil") == []
    assert find.search("ana torres") == [8]
    window.controller.undo_stack.undo()
    assert find.search("Ana Gil") == [8]
    added = window.controller.add_role("sdr", 7)  # an open SDR: found by its role
    assert added in find.search("sdr")
