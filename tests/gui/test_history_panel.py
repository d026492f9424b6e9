"""The History panel (View > History): the steps newest first, filtered, a step's changes in
words, Revert this step, a damaged log said in a line; and a position's history from the
inspector."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QDateTime, QLocale, QModelIndex, Qt
from sqlalchemy import text

from revorg.gui.dialogs.position_history import PositionHistoryDialog
from revorg.gui.dialogs.step_preview import StepPreviewDialog
from revorg.gui.panels.history import STEP, WHO, HistoryPanel
from revorg.gui.settings import AppSettings
from revorg.gui.window.main_window import MainWindow
from revorg.model.document import PlanDocument
from revorg.model.editing import requests
from revorg.model.history.browse import PAGE, StepFilter, page
from tests.gui.conftest import demo_window_in


def card(window: MainWindow, title: str) -> int:
    rows = window.controller.editor.positions().values()
    return next(row.id for row in rows if row.title == title)


def shown(panel: HistoryPanel, column: int = STEP) -> list[str]:
    model = panel.model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def open_history(window: MainWindow, qtbot) -> HistoryPanel:  # type: ignore[no-untyped-def]
    window.menus.history_action.trigger()
    panel = window.history_panel
    qtbot.waitUntil(lambda: panel.check is not None and panel.check.done)
    return panel


def select(panel: HistoryPanel, row: int) -> None:
    panel.view.selectRow(row)


def make_steps(window: MainWindow) -> None:
    """Ana sets the goal, Luis moves the SDR Manager under the CRO and undoes it."""
    controller = window.controller
    AppSettings().set_user_name("Ana")
    controller.set_target("goal", Decimal(1_200_000))
    controller.end_typing_session()
    AppSettings().set_user_name("Luis")
    controller.move(card(window, "SDR Manager"), card(window, "Chief Revenue Officer"))
    window.menus.undo_action.trigger()
    AppSettings().set_user_name("")


def test_the_panel_is_hidden_until_view_history(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert not window.history_dock.isVisible()
    make_steps(window)
    panel = open_history(window, qtbot)
    assert window.history_dock.isVisible()
    assert shown(panel) == [
        "Undo: Move SDR Manager",
        "Move SDR Manager",
        "Edit Company revenue goal",
    ]
    assert shown(panel, WHO) == ["Luis", "Luis", "Ana"]
    assert not panel.warning.isVisible()


def test_a_step_shows_its_changes_in_words_and_local_time(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    make_steps(window)
    panel = open_history(window, qtbot)
    select(panel, 2)
    assert [panel.details.item(i).text() for i in range(panel.details.count())] == [
        "Company revenue goal: €1,000,000 → €1,200,000"
    ]
    select(panel, 1)
    assert panel.details.item(0).text() == (
        "SDR Manager · Manager: VP Sales → Chief Revenue Officer"
    )
    step = panel.model.steps[1]
    utc = QDateTime.fromString(step.at, Qt.DateFormat.ISODate)
    expected = QLocale().toString(utc.toLocalTime(), QLocale.FormatType.ShortFormat)
    assert panel.model.index(1, 0).data() == expected


def test_filters_by_person_and_card(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    make_steps(window)
    panel = open_history(window, qtbot)
    panel.person_combo.refill()  # as when it is opened
    assert [panel.person_combo.itemText(i) for i in range(panel.person_combo.count())] == [
        "Everyone", "Ana", "Luis"
    ]  # fmt: skip
    panel.person_combo.setCurrentIndex(1)
    assert shown(panel) == ["Edit Company revenue goal"]
    panel.person_combo.setCurrentIndex(0)
    sdr = window.controller.editor.position(card(window, "SDR Manager"))
    panel.set_card(sdr.lineage, sdr.title)
    assert shown(panel) == ["Undo: Move SDR Manager", "Move SDR Manager"]


def test_the_list_follows_new_edits(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = open_history(window, qtbot)
    assert shown(panel) == []
    window.controller.set_target("leads", 320)
    qtbot.waitUntil(lambda: shown(panel) == ["Edit Marketing: leads"])


def test_revert_this_step_and_undo_it(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    make_steps(window)
    panel = open_history(window, qtbot)
    select(panel, 2)  # the goal
    goal_step = shown(panel)[2]
    panel.revert_button.click()
    targets = window.controller.editor.scenario.targets
    assert targets.goal == Decimal(1_000_000)
    # Named after the step it reverts, in the reader's language.
    qtbot.waitUntil(lambda: shown(panel)[0] == f"Revert “{goal_step}”")
    assert panel.selected_step() is not None and panel.selected_step().id == 1  # type: ignore[union-attr]
    assert panel.message.text() == "Step 1 reverted: Edit > Undo takes it back."
    window.menus.undo_action.trigger()
    assert window.controller.editor.scenario.targets.goal == Decimal(1_200_000)


def test_a_revert_refused_names_the_later_step(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    make_steps(window)
    panel = open_history(window, qtbot)
    select(panel, 1)  # the move, undone since by Luis
    panel.revert_button.click()
    undo = panel.model.steps[0]
    assert panel.message.text() == (
        f"Changed again by Luis at {panel.model.index(0, 0).data()}: Undo: Move SDR Manager"
    )
    assert undo.direction == "undo"
    assert window.controller.undo_stack.count() == 2  # nothing pushed


def test_a_damaged_log_is_said_and_still_shown(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    make_steps(window)
    session = window.controller.editor.session
    session.execute(text("UPDATE history_steps SET who = 'Eve' WHERE id = 2"))
    panel = open_history(window, qtbot)
    assert panel.warning.isVisible()
    assert "changed outside RevOrg at step 2" in panel.warning.text()
    assert shown(panel, WHO) == ["Luis", "Eve", "Ana"]


def test_a_long_log_is_read_a_page_at_a_time(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = window.controller.editor
    for leads in range(301, 301 + PAGE + 50):  # recorded steps, not on the undo stack
        edit = requests.set_target(editor, "leads", leads)
        assert edit is not None
        editor.perform(edit)
    panel = open_history(window, qtbot)
    assert panel.model.rowCount() == PAGE
    assert panel.model.canFetchMore(QModelIndex())
    panel.model.fetchMore(QModelIndex())
    assert panel.model.rowCount() == PAGE + 50
    assert not panel.model.canFetchMore(QModelIndex())
    assert panel.model.steps[-1].id == 1


def test_a_positions_history_from_the_inspector(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    AppSettings().set_user_name("Ana")
    sdr = card(window, "SDR Manager")
    controller = window.controller
    controller.edit(sdr, {"headcount": 2})
    controller.edit(sdr, {"annual_cost": Decimal(64_000)})
    controller.copy_scenario("Lean")
    copy_sdr = card(window, "SDR Manager")
    controller.edit(copy_sdr, {"title": "SDR Lead"})
    controller.set_target("goal", Decimal(900_000))  # not the card's
    AppSettings().set_user_name("")
    window.scene.clearSelection()
    window.scene.cards[copy_sdr].setSelected(True)
    window.inspector.history_button.click()
    dialog = window.findChild(PositionHistoryDialog)
    assert isinstance(dialog, PositionHistoryDialog)
    assert dialog.windowTitle() == "History of SDR Lead"
    assert [row[1:] for row in dialog.rows()] == [
        ["Ana", "Lean", "Title: SDR Manager → SDR Lead"],
        ["Ana", "Base", "Annual cost: €62,000 → €64,000"],
        ["Ana", "Base", "Headcount: 1 → 2"],
    ]
    dialog.close()


def test_changes_in_spanish_words_and_numbers(qtbot) -> None:  # type: ignore[no-untyped-def]
    with demo_window_in("es", qtbot) as window:
        controller = window.controller
        controller.set_target("goal", Decimal(1_200_000))
        controller.end_typing_session()
        controller.set_target("close_rate", Decimal("0.125"))
        panel = open_history(window, qtbot)
        assert shown(panel) == [
            "Editar Ventas: tasa de cierre (%)",
            "Editar Objetivo de ingresos de la empresa",
        ]
        select(panel, 1)
        assert panel.details.item(0).text() == (
            "Objetivo de ingresos de la empresa: 1.000.000\u00a0€ → 1.200.000\u00a0€"
        )
        select(panel, 0)
        assert panel.details.item(0).text() == (
            "Ventas: tasa de cierre (%): 10\u00a0% → 12,5\u00a0%"
        )


def test_typing_into_a_field_shows_as_one_step_with_the_last_value(
    window: MainWindow,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    panel = open_history(window, qtbot)
    controller = window.controller
    controller.set_target("leads", 3)
    qtbot.waitUntil(lambda: len(shown(panel)) == 1)
    controller.set_target("leads", 32)
    controller.set_target("leads", 320)  # the same typing: folded into step 1
    qtbot.waitUntil(lambda: panel.model.steps[0].changes[0].new == 320)
    assert shown(panel) == ["Edit Marketing: leads"]


def test_a_preview_shows_the_plan_as_it_was_and_leaves_nothing_behind(
    window: MainWindow,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    controller = window.controller
    editor = controller.editor
    controller.set_target("goal", Decimal(1_200_000))
    controller.end_typing_session()
    controller.delete([card(window, "Support Engineer")], keep_reports=False)
    controller.set_target("goal", Decimal(1_500_000))
    panel = open_history(window, qtbot)
    assert panel.preview_button.isVisible() and panel.restore_button.isVisible()
    steps_before = page(editor.session, StepFilter())
    select(panel, 2)  # step 1: the goal at 1,200,000, every card still there
    with qtbot.waitSignal(panel.preview_requested):
        panel.preview_button.click()
    dialog = window.findChild(StepPreviewDialog)
    assert isinstance(dialog, StepPreviewDialog)
    assert dialog.values["Scenario"].text() == "Base"
    assert dialog.values["Company revenue goal"].text() == "€1,200,000"
    assert dialog.values["Positions"].text().startswith("19 positions · 20 people · 3 open")
    # The plan on screen is as it is now, with nothing added to its history.
    assert editor.scenario.targets.goal == Decimal(1_500_000)
    assert len(editor.positions()) == 18
    assert [s.name for s in editor.scenarios()] == ["Base"]
    assert page(editor.session, StepFilter()) == steps_before
    dialog.close()


def test_restore_as_new_scenario_asks_a_name_and_is_one_undo_step(
    window: MainWindow,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    controller = window.controller
    editor = controller.editor
    controller.set_target("goal", Decimal(1_200_000))
    controller.end_typing_session()
    controller.delete([card(window, "Support Engineer")], keep_reports=False)
    asked: list[str] = []

    def answer(_parent: object, _title: str, suggested: str) -> str:
        asked.append(suggested)
        return "Base"  # taken

    window.scenario_commands.ask_name = answer  # type: ignore[assignment]
    panel = open_history(window, qtbot)
    select(panel, 1)  # step 1
    panel.restore_button.click()
    assert asked == ["Base after step 1"]
    assert "already" in window.statusBar().currentMessage()
    window.scenario_commands.ask_name = lambda *_args: "Before the cut"
    added = window.restore_step(1)
    assert added is not None and editor.scenario_id == added
    assert [s.name for s in editor.scenarios()] == ["Base", "Before the cut"]
    assert editor.scenario.targets.goal == Decimal(1_200_000)
    assert len(editor.positions()) == 19  # the Support Engineer is there
    assert window.menus.undo_action.text() == "&Undo Restore step 1 as Before the cut"
    window.menus.undo_action.trigger()
    assert [s.name for s in editor.scenarios()] == ["Base"]


def test_another_plan_opened_shows_its_own_history(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    make_steps(window)
    panel = open_history(window, qtbot)
    assert len(shown(panel)) == 3
    window.controller.replace_document(PlanDocument.from_template("demo", 2027))
    qtbot.waitUntil(lambda: shown(panel) == [])
    window.controller.set_target("leads", 320)
    qtbot.waitUntil(lambda: shown(panel) == ["Edit Marketing: leads"])


def test_an_import_of_deals_shows_each_deal_it_wrote(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The log keeps an import's deals in the import's own record
    (revorg.model.actuals.logged); the panel lists them one by one all the same."""
    import datetime

    from revorg.model.actuals.deals import Deal, DealKind, DealStatus

    def deal(crm_id: str, amount: int) -> Deal:
        return Deal(crm_id, "Jorge Ortega", Decimal(amount), datetime.date(2027, 2, 1),
                    DealStatus.WON, DealKind.NEW_BUSINESS, name=f"Deal {crm_id}")  # fmt: skip

    window.controller.import_actuals([deal("a", 100), deal("b", 200)], "jan.csv", "generic")
    window.controller.import_actuals([deal("a", 150)], "feb.csv", "generic")
    panel = open_history(window, qtbot)
    assert shown(panel) == [
        "Import actuals feb.csv: 0 new, 1 changed",
        "Import actuals jan.csv: 2 new, 0 changed",
    ]
    select(panel, 0)
    assert [panel.details.item(i).text() for i in range(panel.details.count())] == [
        "feb.csv",
        "Deal a (won 100) → Deal a (won 150)",
    ]
    select(panel, 1)
    assert panel.details.count() == 3
    panel.grab().save("/tmp/act/history_import.png")
