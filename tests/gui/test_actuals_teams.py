"""Emails in the inspector (one undo step each, a bad one refused) and the Actuals tab's team
table: the demo plan's people given their emails, against a report whose owners are written
otherwise; each manager above quota carriers with booked, target to date and the mark."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QTableWidget

from revorg.gui.numbers import format_money, format_percent
from revorg.gui.panels.actuals import ActualsPanel
from revorg.gui.panels.capacity import STATUS_COLOURS
from revorg.gui.theme import readable
from revorg.gui.window.main_window import MainWindow
from revorg.io.crm import read_deals
from revorg.io.report import ImportReport
from revorg.model.actuals.deals import Deal
from tests.gui.conftest import choose_tab, demo_window_in

EXPORT = Path(__file__).parents[1] / "io" / "crm_exports" / "salesforce_owner_emails.csv"
EMAILS = {
    "Marta Sánchez": "marta.sanchez@ruizlabs.example",
    "Raúl Jiménez": "Raul.Jimenez@RuizLabs.example",
    "Beatriz Ramos": "beatriz.ramos@ruizlabs.example",
}


def export_deals() -> list[Deal]:
    read = read_deals(EXPORT, ImportReport("emails"), plan_currency="EUR")
    assert read is not None
    return read.deals


def people(window: MainWindow) -> dict[str, int]:
    rows = window.controller.editor.positions().values()
    return {row.person_name: row.id for row in rows if row.person_name}


def type_email(window: MainWindow, position_id: int, email: str) -> None:
    window.scene.select_only([position_id])
    window.inspector.email_edit.setText(email)
    window.inspector.email_edit.editingFinished.emit()


def texts(table: QTableWidget) -> list[list[str]]:
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def shown_panel(window: MainWindow, qtbot) -> ActualsPanel:  # type: ignore[no-untyped-def]
    choose_tab(window, window.actuals_panel)
    panel = window.actuals_panel
    qtbot.waitExposed(panel)
    return panel


def test_the_inspector_edits_an_email_as_one_undo_step(window: MainWindow) -> None:
    marta = people(window)["Marta Sánchez"]
    stack = window.controller.undo_stack
    type_email(window, marta, "  Marta.Sanchez@RuizLabs.example ")
    assert window.controller.editor.position(marta).email == "Marta.Sanchez@RuizLabs.example"
    assert stack.count() == 1
    type_email(window, marta, "marta at ruizlabs")
    assert "is not an email address" in window.statusBar().currentMessage()
    assert stack.count() == 1  # refused: nothing changed, the field shows the plan's value
    assert window.inspector.email_edit.text() == "Marta.Sanchez@RuizLabs.example"
    stack.undo()
    assert window.controller.editor.position(marta).email is None
    assert window.inspector.email_edit.text() == ""


def test_the_team_table_shows_each_managers_team(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    ids = people(window)
    for name, email in EMAILS.items():
        type_email(window, ids[name], email)
    window.controller.import_actuals(export_deals(), EXPORT.name, "salesforce")
    panel = shown_panel(window, qtbot)
    assert panel.teams.isVisible()
    eur = [format_money(Decimal(v), "EUR") for v in ("57900", "147500.02", "50400", "110000.02",
                                                      "7500", "37500")]  # fmt: skip
    # In chart order: the CRO (both teams), VP Sales (the three AEs: Marta 38,400 and Raúl
    # 12,000 matched by their emails, the February hire 0), VP Customer Success (the account
    # manager's 7,500 of expansion).
    assert texts(panel.teams) == [
        ["Elena Ruiz (Chief Revenue Officer)", eur[0], eur[1], "● 39%"],
        ["Carmen López (VP Sales)", eur[2], eur[3], "● 46%"],
        ["Sofía Castro (VP Customer Success)", eur[4], eur[5], "● 20%"],
    ]
    red = readable(STATUS_COLOURS["red"])
    assert {panel.teams.item(r, 3).foreground().color().name() for r in range(3)} == {red.name()}
    # Jorge Ortega's 30,000 counted for Marta by hand: her team and the CRO's grow.
    window.controller.match_owner("Jorge Ortega", ids["Marta Sánchez"])
    carmen = texts(panel.teams)[1]
    assert carmen[1:] == [format_money(Decimal(80400), "EUR"), eur[3],
                          "● " + format_percent(Decimal("0.7309"))]  # fmt: skip
    # Undo the hand match and Raúl's email: his deals are nobody's, the team has Marta's only.
    window.controller.undo_stack.undo()
    window.controller.undo_stack.undo()  # the import
    window.controller.undo_stack.undo()  # Beatriz's email
    window.controller.undo_stack.undo()  # Raúl's email
    window.controller.import_actuals(export_deals(), EXPORT.name, "salesforce")
    rows = {row[0]: row for row in texts(panel.teams)}
    assert rows["Carmen López (VP Sales)"][1] == format_money(Decimal(38400), "EUR")
    assert "Sofía Castro (VP Customer Success)" in rows  # a team with nothing booked: 0 %
    assert rows["Sofía Castro (VP Customer Success)"][3] == "● 0%"


@pytest.mark.parametrize("language", ["en", "es", "zh"])
def test_screenshot_of_the_teams(language: str, qtbot) -> None:  # type: ignore[no-untyped-def]
    with demo_window_in(language, qtbot, (1500, 900)) as window:
        ids = people(window)
        for name, email in EMAILS.items():
            type_email(window, ids[name], email)
        window.controller.import_actuals(export_deals(), EXPORT.name, "salesforce")
        window.controller.match_owner("Jorge Ortega", ids["Marta Sánchez"])
        panel = shown_panel(window, qtbot)
        qtbot.wait(50)
        assert panel.teams.rowCount() == 3
        assert panel.grab().save(f"/tmp/actuals-teams-{language}.png")
        window.grab().save(f"/tmp/actuals-window-{language}.png")
        window.scene.select_only([ids["Marta Sánchez"]])
        assert window.inspector.email_edit.text() == EMAILS["Marta Sánchez"]
        assert window.inspector.grab().save(f"/tmp/inspector-email-{language}.png")
