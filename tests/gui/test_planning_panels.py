"""Targets, capacity, hiring plan, cost and assumptions as a user drives them in the window."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTableWidget

from revorg.gui.mime import ROLE_MIME_TYPE
from revorg.gui.window.main_window import MainWindow
from revorg.model.months import YearMonth
from tests.gui.conftest import card_point, choose_tab, drop, mime_with

VP_CS, CSM_GROUP, SEO_OPEN, AE_OPEN = 13, 15, 4, 12


def type_into(window: MainWindow, name: str, text: str) -> None:
    """Select all of a target field and type `text` key by key, as a user does."""
    field = window.targets_panel.fields[name]
    field.setFocus()
    field.selectAll()
    QTest.keyClicks(field, text)


def result(window: MainWindow, name: str) -> str:
    return window.targets_panel.results[name].text()


def table_texts(table: QTableWidget) -> list[list[str]]:
    return [
        [table.item(row, column).text() for column in range(table.columnCount())]
        for row in range(table.rowCount())
    ]


def capacity_row(window: MainWindow, driver: str) -> list[str]:
    rows = table_texts(window.capacity_panel.table)
    return next(row for row in rows if row[1] == driver)


def test_the_panels_are_named_and_show_the_seed_plan(window: MainWindow) -> None:
    for name in ("targetsPanel", "capacityChart"):
        assert window.findChild(object, name) is not None, name
    # The hidden tabs' panels are made as their tab is first chosen (speed.md, cold start).
    tabs = window.plan_tabs
    for index, name in enumerate(
        ("hiringPlan", "yearPlan", "actuals", "costPanel", "assumptionsPanel"), 1
    ):
        assert window.findChild(object, name) is None, name
        tabs.setCurrentIndex(index)
        assert window.findChild(object, name).isVisible(), name
    assert result(window, "new_customers") == "30"
    assert result(window, "new_business") == "€360,000"
    assert result(window, "retained") == "€640,000"
    assert result(window, "total") == "€1,000,000"
    assert result(window, "gap") == "on goal"


def test_typing_a_target_updates_the_results_live_and_undoes_in_one_step(
    window: MainWindow,
) -> None:
    stack = window.controller.undo_stack
    before = stack.count()
    type_into(window, "leads", "400")
    # Each keystroke recomputed: 400 leads x 10 % = 40 customers x 12,000 = 480,000.
    assert result(window, "new_customers") == "40"
    assert result(window, "new_business") == "€480,000"
    assert result(window, "gap") == "€120,000 above"
    assert window.controller.editor.scenario.targets.leads == 400
    assert stack.count() == before + 1  # "4", "40", "400" merged into one step
    assert window.isWindowModified()
    stack.undo()
    assert window.controller.editor.scenario.targets.leads == 300
    assert window.targets_panel.fields["leads"].text() == "300"
    assert result(window, "gap") == "on goal"


def test_leaving_a_field_starts_a_new_undo_step(window: MainWindow) -> None:
    stack = window.controller.undo_stack
    type_into(window, "close_rate", "12")
    window.targets_panel.fields["goal"].setFocus()  # leave the field
    window.targets_panel._left_field()
    type_into(window, "close_rate", "15")
    assert window.controller.editor.scenario.targets.close_rate == Decimal("0.15")
    stack.undo()
    assert window.controller.editor.scenario.targets.close_rate == Decimal("0.12")
    stack.undo()
    assert window.controller.editor.scenario.targets.close_rate == Decimal("0.1")


def test_bad_target_input_is_marked_and_keeps_the_last_good_value(window: MainWindow) -> None:
    stack = window.controller.undo_stack
    before = stack.count()
    type_into(window, "retention", "150")  # "1" and "15" are fine on the way; "150" is not
    field = window.targets_panel.fields["retention"]
    assert "border" in field.styleSheet()
    assert "100 %" in window.statusBar().currentMessage()
    assert window.controller.editor.scenario.targets.retention == Decimal("0.15")
    window.targets_panel._left_field()
    assert field.text() == "15"  # leaving the field shows what the plan holds
    assert field.styleSheet() == ""
    assert stack.count() == before + 1
    stack.undo()
    assert window.controller.editor.scenario.targets.retention == Decimal("0.9")


def test_capacity_shows_the_short_department_and_marks_its_cards(window: MainWindow) -> None:
    row = capacity_row(window, "Revenue to retain (CSM books)")
    # Two CSMs' 500,000 of book, less what leavers cost: 477,314.81 (80 % of 600,000).
    assert row[2:6] == ["€600,000", "€477,315", "80%", "● short"]
    assert row[6] == "1 × CSM"
    assert window.capacity_panel.apply_button.isEnabled()
    assert window.scene.cards[VP_CS].coverage_mark == "red"
    assert window.scene.cards[1].coverage_mark is None  # the CRO: executive has no target
    assert capacity_row(window, "Leads")[5] == "● covered"


def test_one_click_adds_the_hires_and_closes_the_gap_undoably(window: MainWindow) -> None:
    count = len(window.controller.editor.positions())
    window.capacity_panel.apply_button.click()
    positions = window.controller.editor.positions()
    assert len(positions) == count + 1
    hire = positions[max(positions)]
    assert (hire.role_key, hire.is_open, hire.manager_id) == ("csm", True, VP_CS)
    assert hire.start_month == YearMonth(2027, 1)
    summary = window.controller.editor.summary()
    assert summary.capacity.hires_needed == {}
    assert summary.capacity.departments["customer_success"].status == "green"
    assert window.scene.cards[VP_CS].coverage_mark is None
    assert not window.capacity_panel.apply_button.isEnabled()
    window.controller.undo_stack.undo()
    assert len(window.controller.editor.positions()) == count
    assert window.scene.cards[VP_CS].coverage_mark == "red"


def test_chart_edits_update_the_capacity_at_once(window: MainWindow) -> None:
    drop(window, mime_with(ROLE_MIME_TYPE, "csm"), card_point(window, VP_CS))
    # A new open CSM without a start month starts in month 1 and ramps over 3 months: 218,287.04
    # with its leavers, beside the two CSMs' 477,314.81.
    assert capacity_row(window, "Revenue to retain (CSM books)")[3] == "€695,602"
    assert window.scene.cards[VP_CS].coverage_mark is None
    window.controller.edit(CSM_GROUP, {"headcount": 1})
    assert capacity_row(window, "Revenue to retain (CSM books)")[3] == "€456,944"


def test_editing_an_assumption_changes_capacity_and_undoes(window: MainWindow) -> None:
    table = window.assumptions_panel.table
    row = next(
        r
        for r in range(table.rowCount())
        if table.item(r, 0).text().startswith("Customer Success Manager")
        and table.item(r, 1).text() == "Book of business per CSM"
    )
    assert "Planning default" in table.item(row, 3).text()
    table.item(row, 2).setText("320000")  # 2 x 320,000 x (12 - 49/90) / 12, leavers counted
    assert capacity_row(window, "Revenue to retain (CSM books)")[3] == "€610,963"
    assert capacity_row(window, "Revenue to retain (CSM books)")[5] == "● covered"
    window.controller.undo_stack.undo()
    assert capacity_row(window, "Revenue to retain (CSM books)")[3] == "€477,315"
    assert table.item(row, 2).text() == "250,000"
    table.item(row, 2).setText("lots")
    assert "not a number" in window.statusBar().currentMessage()
    assert table.item(row, 2).text() == "250,000"


def test_dragging_a_hire_on_the_timeline_moves_its_start(window: MainWindow) -> None:
    choose_tab(window, window.hiring_plan)
    timeline = window.hiring_plan.timeline
    timeline.resize(900, timeline.sizeHint().height())
    cost_before = window.controller.editor.summary().total.cost
    start = timeline.bar_centre(AE_OPEN)  # Feb 2027
    target = QPoint(timeline.month_x(5) + 5, start.y())  # Jun 2027
    QTest.mousePress(timeline, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(timeline, target)
    QTest.mouseRelease(timeline, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, target)
    assert window.controller.editor.position(AE_OPEN).start_month == YearMonth(2027, 6)
    # In seat 7 months instead of 11 of an AE's EUR 65,000 a year (each rounded to cents).
    assert window.controller.editor.summary().total.cost == (
        cost_before - Decimal("59583.33") + Decimal("37916.67")
    )
    assert "Jun 2027" in window.scene.cards[AE_OPEN].content.person_line
    window.controller.undo_stack.undo()
    assert window.controller.editor.position(AE_OPEN).start_month == YearMonth(2027, 2)


def test_hiring_table_shows_heads_capacity_and_cost_by_month(window: MainWindow) -> None:
    panel = window.hiring_plan
    choose_tab(window, panel)  # the monthly plan is computed when shown
    rows = table_texts(panel.table)
    ae = next(row for row in rows if row[1] == "Account Executive (AE)")
    assert ae[2:4] == ["2", "3"]  # Jan: two AEs; Feb: the open one starts
    assert ae[-1] == "3"
    panel.metric_combo.setCurrentIndex(2)  # cost
    ae = next(row for row in table_texts(panel.table) if row[1] == "Account Executive (AE)")
    assert ae[2] == "10,833"  # 2 x 65,000 / 12
    assert ae[-1] == "189,583"  # 130,000 + 11/12 of 65,000
    choose_tab(window, window.cost_panel)
    window.controller.edit(AE_OPEN, {"start_month": YearMonth(2027, 7)})
    choose_tab(window, panel)  # an edit made while hidden shows on return
    ae = next(row for row in table_texts(panel.table) if row[1] == "Account Executive (AE)")
    assert ae[-1] == "162,500"  # 130,000 + 6/12 of 65,000


def test_cost_panel_shows_cac_and_the_cro_view(window: MainWindow) -> None:
    values = window.cost_panel.values
    summary = window.controller.editor.summary()
    acquisition = sum(
        (d.staffing.cost for d in summary.departments if d.key in ("sales", "marketing")),
        Decimal(0),
    )
    expected_cac = (acquisition / 30).quantize(Decimal(1))
    assert values["cac"].text() == f"€{expected_cac:,.0f}"
    assert values["cro_cost"].text() == "€170,000"
    assert values["cro_uplift"].text() == "€100,000 (10% of the goal)"
    assert values["cro_net"].text() == "-€70,000"


def test_an_amount_too_large_for_the_plan_is_refused_and_leaves_no_step(
    window: MainWindow,
) -> None:
    stack = window.controller.undo_stack
    before = stack.count()
    type_into(window, "goal", "12345678901234567890")
    assert "at most" in window.statusBar().currentMessage()
    assert window.controller.editor.scenario.targets.goal == Decimal("123456789012")  # last good
    window.controller.undo_stack.undo()
    assert window.controller.editor.scenario.targets.goal == Decimal("1000000")
    assert stack.count() == before + 1


def test_a_failing_edit_leaves_the_plan_and_the_stack_as_they_were(window: MainWindow) -> None:
    from revorg.model.editing import Edit, StepText
    from revorg.model.editing.steps import SetTarget

    stack = window.controller.undo_stack
    before = stack.count()
    # An edit the model refuses only as it runs (its scenario is gone): nothing stays of it.
    gone = SetTarget(999, "leads", 300, 310, typing=-1)
    window.controller.push(
        Edit(StepText("Edit %1", ("leads",)), window.controller.editor.scenario_id, gone)
    )
    assert stack.count() == before
    assert window.controller.editor.scenario.targets.leads == 300
    assert "no targets for scenario 999" in window.statusBar().currentMessage()
    type_into(window, "leads", "310")  # the plan stays editable
    assert window.controller.editor.scenario.targets.leads == 310


def test_assumptions_are_checked_by_what_they_measure(window: MainWindow) -> None:
    controller = window.controller
    by_metric = {(a.role_key, a.metric): a for a in controller.editor.scenario.assumptions}
    for key, value, message in (
        (("ae", "ramp_months"), Decimal("2.5"), "whole number"),
        (("*", "hire_start_month"), Decimal(13), "from 1 to 12"),
        (("*", "meeting_to_win_rate"), Decimal(5), "100 %"),
        (("ae", "annual_quota"), Decimal("1e27"), "at most"),
    ):
        window.assumptions_panel.error.emit("")
        try:
            controller.set_assumption(by_metric[key].id, value)
        except Exception as error:  # PlanEditError, shown by the panel
            assert message in str(error)
        else:
            raise AssertionError(f"{key} accepted {value}")


def test_a_gap_no_hire_can_close_is_said_plainly(window: MainWindow) -> None:
    controller = window.controller
    book = next(a for a in controller.editor.scenario.assumptions if a.metric == "book_of_business")
    controller.set_assumption(book.id, Decimal(0))
    label = window.capacity_panel.hires_label.text()
    assert "No hire this year can close: Revenue to retain (CSM books)" in label
    assert "cover every target" not in label
    # Only the account manager's 106,718.75 of expansion is left of 640,000.
    assert "Customer Success 17%" in window.capacity_panel.department_marks.text()


def test_hiring_plan_year_totals_equal_the_cost_panel(window: MainWindow) -> None:
    choose_tab(window, window.hiring_plan)
    window.hiring_plan.metric_combo.setCurrentIndex(2)
    assert not window.hiring_plan.grab().isNull()  # drawing the panel works
    rows = window.controller.editor.hiring_timeline()
    summary = window.controller.editor.summary()
    for department in summary.departments:
        year = sum((r.year_cost for r in rows if r.department_key == department.key), Decimal(0))
        assert year == department.staffing.cost
    csm = next(r for r in rows if r.role_key == "csm")
    assert csm.year_capacity == Decimal("477314.81")  # leavers counted
    # 500,000 / 12 less January's leavers (a sixtieth, losing the whole month), rounded once.
    assert csm.capacity[0] == Decimal("40972.22")


def test_the_compare_dialog_follows_edits_and_is_freed(window: MainWindow) -> None:
    window.scenario_commands.ask_name = lambda *_args: "Plan B"
    window.scenario_commands.copy_current()
    dialog = window.scenario_commands.compare()
    type_into(window, "goal", "1500000")
    goal = next(r for r in table_texts(dialog.table) if r[0].strip() == "Revenue goal")
    assert goal[1:] == ["1,000,000", "1,500,000", "+500,000"]
    assert dialog.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.close()
