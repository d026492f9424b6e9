"""Staff of a manager in the window (issue 19, item 4): an assistant dropped under the VP Sales
is drawn beside the VP, the team row keeps its places; the inspector's check box and the chart
menu put it back in the row and undo brings it back; a card at the top cannot be staff."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QAction

from revorg.gui.window.main_window import MainWindow
from tests.gui.conftest import demo_window_in

# The chart's cards: 244 wide with 28 between, 100 high with 56 between (LayoutMetrics).
BESIDE_X = (244 + 28) / 2  # a staff card's centre, right of its manager's line
ROW = 100 + 56
VP_SALES = {"en": "VP Sales", "es": "VP de Ventas", "zh": "销售副总裁"}  # the demo's, by language


def by_title(window: MainWindow, title: str) -> int:
    return next(r.id for r in window.controller.editor.positions().values() if r.title == title)


def centre(window: MainWindow, position_id: int) -> tuple[float, float]:
    card = window.scene.cards[position_id]
    assert card.isVisible()
    return (card.pos().x(), card.pos().y())


def test_an_assistant_sits_beside_the_vp_and_the_inspector_moves_it_to_the_row(
    window: MainWindow, qtbot
) -> None:  # type: ignore[no-untyped-def]
    vp = by_title(window, "VP Sales")
    team = list(window.controller.editor.tree().reports(vp))
    before = {i: centre(window, i) for i in team}
    vp_x, vp_y = centre(window, vp)

    assistant = window.controller.add_role("executive_assistant", vp)

    assert centre(window, assistant) == (vp_x + BESIDE_X, vp_y + ROW)
    # The team row: the same places across, one row lower (the assistant's row above it).
    for report in team:
        x, y = before[report]
        assert centre(window, report) == (x, y + ROW)
    assert window.scene.layout.staff[vp] == [assistant]

    window.scene.select_only([assistant])
    check = window.inspector.staff_check
    assert check.isEnabled() and check.isChecked()
    assert check.text() == "Staff of the manager (drawn beside)"
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton)

    assert not window.controller.editor.positions()[assistant].staff
    assert window.controller.undo_stack.undoText() == "Put Executive Assistant in the team row"
    # In the team row now: at the row's height again, last of the VP's reports.
    assert centre(window, assistant)[1] == before[team[0]][1]
    assert vp not in window.scene.layout.staff

    window.controller.undo_stack.undo()
    assert window.controller.editor.positions()[assistant].staff
    assert centre(window, assistant) == (vp_x + BESIDE_X, vp_y + ROW)
    assert window.inspector.staff_check.isChecked()


def test_the_chart_menu_marks_a_card_and_the_top_card_cannot_be_staff(
    window: MainWindow,
) -> None:
    cro = by_title(window, "Chief Revenue Officer")
    sdr_manager = by_title(window, "SDR Manager")
    window.scene.select_only([sdr_manager])
    action = window.edits.staff_action(window)
    assert isinstance(action, QAction) and action.text() == "Mark as staff"
    action.trigger()
    assert window.controller.editor.positions()[sdr_manager].staff
    # The SDR manager leads a team: it stays in the row, where its team has room.
    assert sdr_manager not in {i for staff in window.scene.layout.staff.values() for i in staff}
    window.scene.select_only([sdr_manager])
    again = window.edits.staff_action(window)
    assert again is not None and again.text() == "Put in the team row"

    window.scene.select_only([cro])
    top = window.edits.staff_action(window)
    assert top is not None and not top.isEnabled()
    assert not window.inspector.staff_check.isEnabled()


def test_an_assistant_in_a_collapsed_team_is_revealed_and_shown_in_focus(
    window: MainWindow,
) -> None:
    vp = by_title(window, "VP Sales")
    assistant = window.controller.add_role("executive_assistant", vp)
    window.scene.toggle_collapsed(vp)
    assert not window.scene.cards[assistant].isVisible()
    rollup = window.scene.rollup_of(vp)
    assert rollup.positions == 7  # the SDR manager, 2 SDRs, 3 AEs and the assistant

    window.scene.reveal(assistant)
    vp_x, vp_y = centre(window, vp)
    assert centre(window, assistant) == (vp_x + BESIDE_X, vp_y + ROW)

    window.scene.set_focus(vp)  # the VP's team alone: the VP at the top, its assistant beside
    vp_x, vp_y = centre(window, vp)
    assert vp_y == 0.0 and centre(window, assistant) == (vp_x + BESIDE_X, ROW)
    assert not window.scene.cards[by_title(window, "Chief Revenue Officer")].isVisible()


@pytest.mark.parametrize("language", ["en", "es", "zh"])
def test_screenshots_of_the_demo_with_an_executive_assistant(
    language: str, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    texts = {
        "en": "Staff of the manager (drawn beside)",
        "es": "Staff del responsable (junto a él)",
        "zh": "上级的幕僚（画在上级旁边）",
    }
    with demo_window_in(language, qtbot, (1600, 960)) as window:
        vp = by_title(window, VP_SALES[language])
        assistant = window.controller.add_role("executive_assistant", vp)
        window.scene.select_only([assistant])
        assert window.inspector.staff_check.text() == texts[language]
        assert window.inspector.staff_check.isChecked()
        window.view.centerOn(QPointF(*window.scene.layout.centres[vp]))
        qtbot.wait(50)
        assert window.grab().save(str(tmp_path / f"staff_{language}.png"))


def test_the_slides_draw_the_assistant_beside_the_vp_with_a_glued_connector(
    tmp_path: Path,
) -> None:
    from pptx import Presentation

    from revorg.gui.slides import export_slides_file
    from revorg.model.document import PlanDocument
    from revorg.model.editing import PlanEditor, requests
    from tests.gui.test_slides import cards, connectors, glue

    with PlanDocument.from_template("demo", 2027) as document:
        editor = PlanEditor(document)
        vp = next(r.id for r in editor.positions().values() if r.title == "VP Sales")
        assistant = editor.perform(requests.add_role(editor, "executive_assistant", vp))
        staff_id = assistant.rows.added[0]
        path = export_slides_file(document, document.scenario(), tmp_path / "deck.pptx")
    deck = Presentation(str(path))
    slide = next(s for s in deck.slides if staff_id in cards(s) and vp in cards(s))
    shapes = cards(slide)
    manager, staff = shapes[vp], shapes[staff_id]
    team = [shapes[i] for i in shapes if i not in (vp, staff_id) and shapes[i].top > manager.top]
    # Right of the VP's middle, between the VP's row and the team row.
    assert staff.left > manager.left + manager.width // 2
    assert manager.top + manager.height < staff.top
    assert min(card.top for card in team) > staff.top + staff.height
    # Glued from the VP's bottom (site 2) into the assistant's left side (site 1).
    ends = {(g[0], g[1], g[2], g[3]) for g in map(glue, connectors(slide))}
    assert (manager.shape_id, 2, staff.shape_id, 1) in ends
