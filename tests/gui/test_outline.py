"""View > Outline: the org as a tree table beside the chart, edited in place through the undo
stack, sorted, filtered, its selection in step with the chart; and what assistive technology
reads of the chart, the outline and the panels."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QComboBox, QStyleOptionViewItem, QWidget

from revorg.gui.panels.outline_model import OutlineModel
from revorg.gui.panels.outline_texts import Column
from revorg.gui.settings import AppSettings
from revorg.gui.window.main_window import MainWindow
from revorg.model.document import PlanDocument

# The demo plan's ids (revorg/resources/templates: demo): CRO 1; VP Marketing 2, VP Sales 6,
# VP Customer Success 13, Head of RevOps 18; under VP Sales the SDR Manager 7 (SDRs Ana Gil 8
# and Luis Romero 9) and three Account Executives 10, 11, 12 (the last one open).
CRO, VP_MARKETING, VP_SALES, VP_CS, REVOPS = 1, 2, 6, 13, 18
SDR_MANAGER, LUIS = 7, 9


@pytest.fixture(autouse=True)
def outline_closed_afterwards() -> Iterator[None]:
    """Windows of other tests open without the outline, as on a first run."""
    yield
    AppSettings().set_outline_shown(False)


def outline_of(window: MainWindow) -> OutlineModel:
    window.outline.show()
    return window.outline.panel.model


def cell(model: OutlineModel, position_id: int, column: Column) -> QModelIndex:
    index = model.index_of(position_id, column)
    assert index.isValid(), position_id
    return index


def titles(model: OutlineModel, parent: int) -> list[str]:
    positions = model.controller.editor.positions()
    return [positions[i].title for i in model.shown_ids(parent)]


def accessible(widget: QWidget) -> tuple[str, str]:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return interface.text(QAccessible.Text.Name), interface.text(QAccessible.Text.Description)


def test_the_outline_shows_the_org_by_manager_with_every_column(window: MainWindow) -> None:
    model = outline_of(window)
    assert window.outline.dock.isVisible()
    assert titles(model, 0) == ["Chief Revenue Officer"]
    assert titles(model, CRO) == ["VP Marketing", "VP Sales", "VP Customer Success",
                                  "Head of RevOps"]  # fmt: skip
    texts = [model.data(cell(model, 4, column)) for column in Column]
    # The open SEO Specialist: no person, starts March 2027, 45,000 a head, under VP Marketing.
    assert texts[Column.TITLE] == "SEO Specialist"
    assert texts[Column.PERSON] == "Open"
    assert texts[Column.DEPARTMENT] == "Marketing"
    assert texts[Column.HEADCOUNT] == "1"
    assert texts[Column.START] == "Mar 2027"
    assert texts[Column.COST] == "€45,000"
    assert texts[Column.MANAGER] == "VP Marketing"
    # The CS pod is two heads at 50,000 each.
    assert model.data(cell(model, 15, Column.HEADCOUNT)) == "2"
    assert model.data(cell(model, 15, Column.COST)) == "€50,000"


def test_a_cell_edited_in_place_is_one_undo_step_and_the_card_follows(
    window: MainWindow,
) -> None:
    model = outline_of(window)
    stack = window.controller.undo_stack
    before = stack.count()
    assert model.setData(cell(model, LUIS, Column.TITLE), "Senior SDR")
    assert model.setData(cell(model, LUIS, Column.COST), "41,500")
    assert model.setData(cell(model, LUIS, Column.HEADCOUNT), "3")
    assert model.setData(cell(model, 4, Column.PERSON), "Nora Díaz")
    assert model.setData(cell(model, 4, Column.START), "")  # already in seat
    assert stack.count() == before + 5
    editor = window.controller.editor
    luis = editor.positions()[LUIS]
    assert (luis.title, luis.annual_cost, luis.headcount) == ("Senior SDR", Decimal("41500"), 3)
    assert model.data(cell(model, LUIS, Column.TITLE)) == "Senior SDR"
    assert model.data(cell(model, LUIS, Column.COST)) == "€41,500"
    assert window.scene.cards[LUIS].content.title == "Senior SDR"
    assert window.scene.cards[LUIS].content.cost_line == "€124,500 / yr"  # 3 x 41,500
    seo = editor.positions()[4]
    assert (seo.person_name, seo.start_month) == ("Nora Díaz", None)
    assert model.data(cell(model, 4, Column.START)) == "In seat"

    for _ in range(5):
        stack.undo()
    luis = editor.positions()[LUIS]
    assert (luis.title, luis.annual_cost, luis.headcount) == ("SDR", Decimal("38000"), 1)
    assert model.data(cell(model, LUIS, Column.TITLE)) == "SDR"
    assert model.data(cell(model, 4, Column.PERSON)) == "Open"
    assert model.data(cell(model, 4, Column.START)) == "Mar 2027"


def test_a_manager_renamed_in_the_outline_is_renamed_in_its_reports_manager_column(
    window: MainWindow,
) -> None:
    model = outline_of(window)
    model.setData(cell(model, SDR_MANAGER, Column.TITLE), "SDR Lead")
    assert model.data(cell(model, LUIS, Column.MANAGER)) == "SDR Lead"


def test_bad_input_in_a_cell_says_what_the_inspector_says_and_changes_nothing(
    window: MainWindow,
) -> None:
    model = outline_of(window)
    stack = window.controller.undo_stack
    before = stack.count()
    # What the inspector says of a negative cost.
    window.scene.select_only([LUIS])
    window.inspector.cost_edit.setText("-5")
    window.inspector.cost_edit.editingFinished.emit()
    inspector_says = window.statusBar().currentMessage()
    window.statusBar().clearMessage()
    assert inspector_says

    model.setData(cell(model, LUIS, Column.COST), "-5")
    assert window.statusBar().currentMessage() == inspector_says
    model.setData(cell(model, LUIS, Column.HEADCOUNT), "many")
    assert "many" in window.statusBar().currentMessage()  # the number reader's message
    model.setData(cell(model, LUIS, Column.HEADCOUNT), "0")
    assert "1 or more" in window.statusBar().currentMessage()
    assert stack.count() == before
    luis = window.controller.editor.positions()[LUIS]
    assert (luis.annual_cost, luis.headcount) == (Decimal("38000"), 1)
    assert model.data(cell(model, LUIS, Column.COST)) == "€38,000"


def test_sorting_orders_each_managers_reports_and_follows_edits(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    model = outline_of(window)
    tree = window.outline.panel.tree
    tree.sortByColumn(Column.COST, Qt.SortOrder.DescendingOrder)
    # 125,000 / 115,000 / 110,000 / 95,000 a head.
    assert titles(model, CRO) == ["VP Sales", "VP Marketing", "VP Customer Success",
                                  "Head of RevOps"]  # fmt: skip
    # Within VP Sales: three AEs at 65,000, then the SDR Manager at 62,000.
    assert titles(model, VP_SALES)[-1] == "SDR Manager"
    tree.sortByColumn(Column.TITLE, Qt.SortOrder.AscendingOrder)
    assert titles(model, CRO) == ["Head of RevOps", "VP Customer Success", "VP Marketing",
                                  "VP Sales"]  # fmt: skip
    # A new report goes to its place in the order.
    window.controller.add_role("revops_lead", CRO)
    assert titles(model, CRO)[:2] == ["Head of Revenue Operations", "Head of RevOps"]
    # An edit that changes the order moves the row; the selection stays on it.
    window.outline.panel.select_position(REVOPS)
    model.setData(cell(model, REVOPS, Column.TITLE), "Zeta RevOps")
    assert titles(model, CRO)[-1] == "Zeta RevOps"
    assert window.outline.panel.selected_id() == REVOPS
    # Clicks on a heading: ascending, descending, then the chart's order again.
    header = tree.header()
    position = header.sectionViewportPosition(Column.HEADCOUNT) + 5
    for _ in range(2):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(position, 5))
    assert model.sort_column == Column.HEADCOUNT and model.descending
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(position, 5))
    assert model.sort_column is None
    assert titles(model, CRO) == ["VP Marketing", "VP Sales", "VP Customer Success",
                                  "Zeta RevOps", "Head of Revenue Operations"]  # fmt: skip


def test_the_filter_shows_matches_with_their_chain_of_managers(window: MainWindow) -> None:
    model = outline_of(window)
    panel = window.outline.panel
    panel.filter_box.setText("luis")
    assert titles(model, 0) == ["Chief Revenue Officer"]
    assert titles(model, CRO) == ["VP Sales"]
    assert titles(model, VP_SALES) == ["SDR Manager"]
    assert titles(model, SDR_MANAGER) == ["SDR"]
    assert panel.tree.isExpanded(cell(model, SDR_MANAGER, Column.TITLE))
    # Any column: "Revenue Operations" is the RevOps department's name.
    panel.filter_box.setText("Revenue Operations")
    assert titles(model, CRO) == ["Head of RevOps"]
    assert titles(model, REVOPS) == ["Data / BI Analyst"]
    # Edits while filtered: a row that stops matching goes, and comes back with the undo.
    panel.filter_box.setText("luis")
    model.setData(cell(model, LUIS, Column.PERSON), "Ana Gil")
    assert model.shown_ids() == []
    window.controller.undo_stack.undo()
    assert titles(model, SDR_MANAGER) == ["SDR"]
    panel.filter_box.setText("")
    assert len(model.shown_ids(CRO)) == 4


def test_a_new_filter_or_none_closes_the_rows_the_last_one_opened(window: MainWindow) -> None:
    model = outline_of(window)
    panel = window.outline.panel
    panel.filter_box.setText("Revenue Operations")
    assert panel.tree.isExpanded(cell(model, REVOPS, Column.TITLE))
    panel.filter_box.setText("luis")
    assert panel.tree.isExpanded(cell(model, SDR_MANAGER, Column.TITLE))
    panel.tree.setCurrentIndex(cell(model, LUIS, Column.TITLE))
    panel.filter_box.setText("")
    # Back to the top level open and the chosen row shown under its managers, nothing else.
    assert panel.selected_id() == LUIS
    assert panel.tree.isExpanded(cell(model, CRO, Column.TITLE))
    assert panel.tree.isExpanded(cell(model, SDR_MANAGER, Column.TITLE))
    assert not panel.tree.isExpanded(cell(model, REVOPS, Column.TITLE))
    assert model.hasChildren(cell(model, REVOPS, Column.TITLE))
    assert not model.hasChildren(cell(model, LUIS, Column.TITLE))
    # The CRO's name is in no report's texts: the CRO alone, with no rows under it.
    panel.filter_box.setText(str(window.controller.editor.positions()[CRO].person_name))
    assert model.shown_ids() == [CRO] and model.shown_ids(CRO) == []
    assert not model.hasChildren(cell(model, CRO, Column.TITLE))


def test_selection_is_kept_in_step_with_the_chart_both_ways(window: MainWindow) -> None:
    model = outline_of(window)
    panel = window.outline.panel
    window.scene.toggle_collapsed(VP_SALES)  # the SDR's card hidden in a collapsed team
    assert not window.scene.cards[LUIS].isVisible()
    panel.tree.setCurrentIndex(cell(model, LUIS, Column.TITLE))
    assert window.scene.selected_ids() == [LUIS]
    assert window.scene.cards[LUIS].isVisible()  # the teams above it opened
    assert window.inspector.title_edit.text() == "SDR"
    window.scene.select_only([VP_CS])
    assert panel.selected_id() == VP_CS
    window.scene.select_only([LUIS])
    assert panel.selected_id() == LUIS
    assert panel.tree.isExpanded(cell(model, SDR_MANAGER, Column.TITLE))


def test_positions_added_and_removed_show_without_rebuilding_the_outline(
    window: MainWindow, qtbot
) -> None:  # type: ignore[no-untyped-def]
    model = outline_of(window)
    with qtbot.assertNotEmitted(model.modelReset):
        new_id = window.controller.add_role("sdr", SDR_MANAGER)
        assert titles(model, SDR_MANAGER)[-1] == "Sales Development Representative (SDR)"
        window.controller.delete([LUIS], keep_reports=False)
        assert LUIS not in model.shown_ids(SDR_MANAGER)
        window.controller.move(new_id, CRO)
        assert new_id in model.shown_ids(CRO)
        assert new_id not in model.shown_ids(SDR_MANAGER)
    window.controller.undo_stack.undo()
    window.controller.undo_stack.undo()
    assert model.shown_ids(SDR_MANAGER) == [8, LUIS, new_id]


def test_the_outline_stays_open_or_closed_across_runs(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert not window.outline.dock.isVisible()  # closed on a first run
    window.outline.action.trigger()  # View > Outline
    assert window.outline.dock.isVisible()
    assert AppSettings().outline_shown()
    second = MainWindow(PlanDocument.from_template("demo", 2027))
    qtbot.addWidget(second)
    second.show()
    assert second.outline.dock.isVisible()
    second.outline.dock.close()
    assert not AppSettings().outline_shown()
    third = MainWindow(PlanDocument.from_template("demo", 2027))
    qtbot.addWidget(third)
    third.show()
    assert not third.outline.dock.isVisible()
    assert window.outline.action.shortcut().toString() == "Ctrl+Shift+O"


def test_assistive_technology_reads_the_selected_card_the_outline_and_the_panels(
    window: MainWindow,
) -> None:
    name, description = accessible(window.view)
    assert name == "Organisation chart"
    assert description.startswith("No card selected")
    window.scene.select_only([LUIS])
    _name, description = accessible(window.view)
    # Title, person, role, cost, and Sales' coverage (the demo's new business: 105 %).
    assert description.startswith("SDR. Luis Romero. SDR. €38,000 / yr. coverage ")
    assert "%" in description
    window.controller.edit(LUIS, {"person_name": "Luisa Romero"})
    assert accessible(window.view)[1].startswith("SDR. Luisa Romero. SDR.")

    model = outline_of(window)
    name, description = accessible(window.outline.panel.tree)
    assert name == "Organisation outline"
    assert "Luisa Romero" in description and "Cost per head: €38,000" in description
    assert model.data(cell(model, LUIS, Column.TITLE), Qt.ItemDataRole.ToolTipRole).startswith(
        "Title: SDR; Person: Luisa Romero"
    )
    model.setData(cell(model, LUIS, Column.COST), "39,000")
    assert "Cost per head: €39,000" in accessible(window.outline.panel.tree)[1]
    assert accessible(window.outline.panel.filter_box)[0] == "Filter the outline"
    assert accessible(window.cost_panel.table)[0] == "Cost by department"
    assert accessible(window.capacity_panel.table)[0] == "Capacity against target by department"
    assert accessible(window.find_bar.box)[0] == "Find a card by title, person or role"
    # The inspector's fields are named by their labels (QFormLayout's buddies).
    assert accessible(window.inspector.cost_edit)[0] == "Annual cost per head"


def test_another_scenario_shows_its_own_positions_and_edits_stay_in_it(window: MainWindow) -> None:
    model = outline_of(window)
    base_id = window.controller.editor.scenario_id
    copy_id = window.controller.copy_scenario("Lean")
    assert window.controller.editor.scenario_id == copy_id
    positions = window.controller.editor.positions()
    (top,) = model.shown_ids()
    assert positions[top].title == "Chief Revenue Officer" and top != CRO  # the copy's rows
    assert len(model.shown_ids(top)) == 4
    vp_sales = next(i for i in model.shown_ids(top) if positions[i].title == "VP Sales")
    model.setData(cell(model, vp_sales, Column.PERSON), "")  # the VP leaves: open
    assert model.data(cell(model, vp_sales, Column.PERSON)) == "Open"
    window.controller.show_scenario(base_id)
    assert model.shown_ids() == [CRO]
    assert model.data(cell(model, VP_SALES, Column.PERSON)) == "Carmen López"


def test_an_expanded_team_stays_open_through_edits_elsewhere(window: MainWindow) -> None:
    model = outline_of(window)
    tree = window.outline.panel.tree
    assert not tree.isExpanded(cell(model, VP_SALES, Column.TITLE))  # the top two levels show
    tree.expand(cell(model, VP_SALES, Column.TITLE))
    tree.expand(cell(model, SDR_MANAGER, Column.TITLE))
    window.controller.add_role("ae", VP_SALES)
    window.controller.delete([4], keep_reports=False)  # the SEO Specialist, under VP Marketing
    assert tree.isExpanded(cell(model, SDR_MANAGER, Column.TITLE))
    assert tree.isExpanded(cell(model, VP_SALES, Column.TITLE))
    assert len(model.shown_ids(VP_SALES)) == 5


def test_the_start_month_is_chosen_from_the_months_around_the_fiscal_year(
    window: MainWindow,
) -> None:
    model = outline_of(window)
    tree = window.outline.panel.tree
    index = cell(model, 4, Column.START)  # the SEO Specialist, starting March 2027
    delegate = tree.itemDelegateForColumn(Column.START)
    editor = delegate.createEditor(tree.viewport(), QStyleOptionViewItem(), index)
    assert isinstance(editor, QComboBox)
    delegate.setEditorData(editor, index)
    assert editor.currentText() == "Mar 2027"
    assert editor.itemText(0) == "Already in seat / at year start"
    editor.setCurrentIndex(editor.findData("2027-06"))
    delegate.setModelData(editor, model, index)
    assert str(window.controller.editor.positions()[4].start_month) == "2027-06"
    assert model.data(index) == "Jun 2027"


def test_in_a_large_plan_the_filter_applies_once_typing_pauses(qtbot) -> None:  # type: ignore[no-untyped-def]
    from revorg.model.generator import generate_plan

    window = MainWindow(generate_plan(2_000))
    qtbot.addWidget(window)
    window.show()
    model = outline_of(window)
    window.outline.panel.filter_box.setText("s")
    window.outline.panel.filter_box.setText("sdr")
    assert model.needle == ""  # not at each keystroke
    qtbot.waitUntil(lambda: model.needle == "sdr")
    positions = window.controller.editor.positions()
    texts = model.texts
    matches = {
        i
        for i, row in positions.items()
        if any("sdr" in texts.text(row, c).casefold() for c in Column)
    }
    shown = set(model._shown or ())
    assert matches and matches <= shown
    window.controller.undo_stack.clear()
