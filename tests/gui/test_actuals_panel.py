"""The Actuals panel: the demo against a Salesforce report of its first quarter, imported as one
undoable step; bookings by month, attainment with its marks, an unmatched owner matched from
the panel."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QTableWidget

from revorg.gui.numbers import format_money
from revorg.gui.panels.actuals import ActualsPanel
from revorg.gui.window.main_window import MainWindow
from revorg.io.crm import read_deals
from revorg.io.report import ImportReport
from revorg.model.actuals.deals import Deal
from tests.gui.conftest import choose_tab, demo_window_in

Q1 = Path(__file__).parents[1] / "io" / "crm_exports" / "salesforce_opportunities_q1.csv"


def q1_deals() -> list[Deal]:
    read = read_deals(Q1, ImportReport("q1"), plan_currency="EUR")
    assert read is not None
    return read.deals


def texts(table: QTableWidget) -> list[list[str]]:
    return [
        [table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def shown_panel(window: MainWindow, qtbot) -> ActualsPanel:  # type: ignore[no-untyped-def]
    panel = ActualsPanel(window.controller)
    qtbot.addWidget(panel)
    panel.resize(1400, 700)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_the_plan_against_the_first_quarter(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = shown_panel(window, qtbot)
    assert panel.headline.text().startswith("No actuals yet.")
    assert not panel.months.isVisible()
    planned = window.controller.import_actuals(q1_deals(), Q1.name, "salesforce")
    assert (planned.added, planned.changed) == (9, 0)
    assert window.controller.undo_stack.undoText().startswith("Import actuals")
    months = texts(panel.months)
    # New business booked: 36,000 in January, 18,000 in February, 44,400 in March; later
    # months are not reported yet; the target is 30,000 a month.
    money = [format_money(Decimal(value), "EUR") for value in (36000, 18000, 44400)]
    assert months[0][:6] == ["New business", "Booked", *money, ""]
    assert months[1][2] == format_money(Decimal(30000), "EUR")
    attainment = {row[0]: row for row in texts(panel.attainment)}
    assert attainment["Sales"][1:] == [
        format_money(Decimal(98400), "EUR"), format_money(Decimal(90000), "EUR"), "● 109%",
    ]  # fmt: skip
    assert attainment["Marta Sánchez (Account Executive)"][3] == "● 77%"
    assert texts(panel.unmatched) == [
        ["Jorge Ortega", "1", format_money(Decimal(30000), "EUR"), ""]
    ]
    # 98,400 + 6,000 + 20,000 booked by the end of March
    booked = format_money(Decimal(124400), "EUR")
    assert panel.headline.text().startswith(f"Through Mar 2027: {booked} booked")


def test_an_owner_matched_from_the_panel_counts_for_that_person(
    window: MainWindow,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    panel = shown_panel(window, qtbot)
    window.controller.import_actuals(q1_deals(), Q1.name, "salesforce")
    combo = panel.unmatched.cellWidget(0, 3)
    assert isinstance(combo, QComboBox)
    index = combo.findText("Raúl Jiménez (Account Executive)")
    assert index > 0
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    assert panel.unmatched.rowCount() == 0
    attainment = {row[0]: row for row in texts(panel.attainment)}
    assert attainment["Raúl Jiménez (Account Executive)"][1] == format_money(Decimal(60000), "EUR")
    window.controller.undo_stack.undo()
    assert panel.unmatched.rowCount() == 1


@pytest.mark.parametrize("language", ["en", "es", "zh"])
def test_screenshot(language: str, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with demo_window_in(language, qtbot) as window:
        window.controller.import_actuals(q1_deals(), Q1.name, "salesforce")
        panel = shown_panel(window, qtbot)
        qtbot.wait(50)
        path = Path("/tmp") / f"actuals-panel-{language}.png"
        assert panel.grab().save(str(path))
        assert panel.chart is not None and panel.chart.isVisible()


def test_the_window_has_an_actuals_tab_and_menu_entry(window: MainWindow) -> None:
    tabs = window.plan_tabs
    assert "Actuals" in [tabs.tabText(i) for i in range(tabs.count())]
    texts_of_file_menu = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "Import a&ctuals…" in texts_of_file_menu
    window.controller.import_actuals(q1_deals(), Q1.name, "salesforce")
    choose_tab(window, window.actuals_panel)  # drawn when shown
    assert window.actuals_panel.headline.text().startswith("Through Mar 2027")
    window.controller.undo_stack.undo()
    assert window.actuals_panel.headline.text().startswith("No actuals yet.")


@pytest.mark.parametrize("language", ["en", "es", "zh"])
def test_quota_carriers_cards_show_their_attainment(language: str, qtbot) -> None:  # type: ignore[no-untyped-def]
    with demo_window_in(language, qtbot, (1600, 960)) as window:
        scene = window.scene
        marta = next(
            p.id for p in window.controller.editor.positions().values()
            if p.person_name == "Marta Sánchez"
        )  # fmt: skip
        assert scene.attainment_of(marta) is None  # no actuals: no badge
        window.controller.import_actuals(q1_deals(), Q1.name, "salesforce")
        # 38,400 of 50,000.01 to date: 77 %, red (below the amber line of the coverage marks)
        status, ratio = scene.attainment_of(marta)  # type: ignore[misc]
        assert (status, str(ratio)) == ("red", "0.7680")
        window.view.centerOn(scene.cards[marta])
        qtbot.wait(50)
        assert window.view.grab().save(f"/tmp/actuals-cards-{language}.png")
        window.controller.undo_stack.undo()
        assert scene.attainment_of(marta) is None


def test_a_hire_faster_than_assumed_is_said(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    import datetime

    from revorg.model.actuals.deals import DealKind, DealStatus

    panel = shown_panel(window, qtbot)
    hire = next(
        p.id for p in window.controller.editor.positions().values()
        if p.person_name is None and p.title == "Account Executive"
    )  # fmt: skip
    nora = Deal("n1", "Nora Vidal", Decimal("16666.67"), datetime.date(2027, 3, 20),
                DealStatus.WON, DealKind.NEW_BUSINESS)  # fmt: skip
    window.controller.import_actuals([*q1_deals(), nora], Q1.name, "salesforce")
    window.controller.match_owner("Nora Vidal", hire)
    assert panel.ramps.isVisible()
    assert panel.ramps.text() == (
        "Account Executive (AE) hired this year: 0%, 100% of a full month in their first months "
        "in seat; the plan assumes 20%, 40% (a 5-month ramp). A 3-month ramp fits better."
    )


def test_a_stage_read_as_won_from_the_rules_dialog(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    from revorg.gui.dialogs.deal_rules import DealRulesDialog

    panel = window.actuals_panel
    choose_tab(window, panel)
    window.controller.import_actuals(q1_deals(), Q1.name, "salesforce")
    dialogs: list[DealRulesDialog] = []
    window.files.run_deal_rules = lambda dialog: dialogs.append(dialog) or 0  # type: ignore[method-assign,func-returns-value]
    panel.rules_button.click()
    (dialog,) = dialogs
    stages = {dialog.stages.item(r, 0).text(): r for r in range(dialog.stages.rowCount())}
    combo = dialog.stages.cellWidget(stages["Negotiation/Review"], 2)
    assert isinstance(combo, QComboBox)
    assert combo.currentText() == "As by default (Open)"
    combo.setCurrentIndex(combo.findText("Won"))
    combo.activated.emit(combo.currentIndex())
    # Costa Foods' 15,000 now counts as won new business in March: 44,400 + 15,000.
    assert texts(panel.months)[0][4] == format_money(Decimal(59400), "EUR")
    dialog.grab().save("/tmp/deal-rules-en.png")
    window.controller.undo_stack.undo()
    assert texts(panel.months)[0][4] == format_money(Decimal(44400), "EUR")
