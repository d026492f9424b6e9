"""File > Plan settings as a user drives it: another currency and fiscal year in one undo step,
shown at once in the title, the status bar and the panels."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox

from revorg.gui.dialogs.plan_settings import PlanSettingsDialog
from revorg.gui.window.main_window import MainWindow
from revorg.model.months import YearMonth

SEO_OPEN = 4


def menu_action(window: MainWindow, text: str):  # type: ignore[no-untyped-def]
    file_menu = window.menuBar().actions()[0].menu()
    return next(a for a in file_menu.actions() if a.text() == text)


def run_with(window: MainWindow, fill: Callable[[PlanSettingsDialog], None]) -> list[str]:
    """Open the dialog from the menu, fill it and press OK; the errors it showed, if any."""
    seen: list[str] = []

    def run(dialog: QDialog) -> int:
        assert isinstance(dialog, PlanSettingsDialog)
        fill(dialog)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        if dialog.error_label.isVisibleTo(dialog):
            seen.append(dialog.error_label.text())
        return dialog.result()

    window.files.run_plan_settings = run  # type: ignore[method-assign]
    menu_action(window, "Plan se&ttings…").trigger()
    return seen


def usd_from_april(dialog: PlanSettingsDialog) -> None:
    dialog.name_edit.setText("US plan")
    dialog.currency_combo.setEditText("usd")
    dialog.month_combo.setCurrentIndex(3)  # April


def test_usd_and_april_show_everywhere_and_undo_restores_euros(window: MainWindow) -> None:
    stack = window.controller.undo_stack
    before = stack.count()
    cost_total = window.cost_panel.values["total"].text()
    assert cost_total.startswith("€")

    assert run_with(window, usd_from_april) == []

    assert stack.count() == before + 1 and stack.undoText() == "Plan settings"
    plan = window.controller.document.plan
    assert (plan.name, plan.currency, plan.fiscal_start_month) == ("US plan", "USD", 4)
    assert window.windowTitle().startswith("US plan (")
    assert "US$" in window.totals_label.text() and "€" not in window.totals_label.text()
    # Not converted: the same number, now in dollars.
    assert window.cost_panel.values["total"].text() == "US$" + cost_total.removeprefix("€")
    assert window.targets_panel.results["total"].text() == "US$1,000,000"
    # Every card, not only those whose start moved: the CRO's cost is in dollars too.
    cards = [card.content.cost_line for card in window.scene.cards.values()]
    assert "US$170,000 / yr" in cards and not [line for line in cards if "€" in line]
    # The SEO hire started in month 3 of a January year; June is month 3 of an April year.
    assert window.controller.editor.positions()[SEO_OPEN].start_month == YearMonth(2027, 6)

    stack.undo()
    plan = window.controller.document.plan
    assert (plan.currency, plan.fiscal_start_month) == ("EUR", 1)
    assert window.cost_panel.values["total"].text() == cost_total
    assert window.targets_panel.results["total"].text() == "€1,000,000"
    cards = [card.content.cost_line for card in window.scene.cards.values()]
    assert "€170,000 / yr" in cards and not [line for line in cards if "US$" in line]
    assert window.controller.editor.positions()[SEO_OPEN].start_month == YearMonth(2027, 3)
    assert not window.windowTitle().startswith("US plan")


def test_a_bad_currency_keeps_the_dialog_open_with_the_reason(window: MainWindow) -> None:
    stack = window.controller.undo_stack
    before = stack.count()

    def bad(dialog: PlanSettingsDialog) -> None:
        dialog.currency_combo.setEditText("XYZ")

    errors = run_with(window, bad)
    assert errors == ["'XYZ' is not an ISO 4217 currency code (USD, EUR, CNY...)"]
    assert stack.count() == before
    assert window.controller.document.plan.currency == "EUR"


def test_the_plans_currency_comes_first_and_entries_give_their_code(window: MainWindow) -> None:
    dialog = PlanSettingsDialog(window.controller, window)
    assert dialog.currency_combo.itemText(0) == "EUR – Euro"
    assert dialog.currency_combo.itemText(1).startswith("AED")
    dialog.currency_combo.setCurrentIndex(dialog.currency_combo.findData("CNY"))
    assert dialog.chosen_currency() == "CNY"
    assert dialog.month_combo.currentText() == "January"
    assert dialog.month_combo.count() == 12
    dialog.reject()
    assert dialog.result() == QDialog.DialogCode.Rejected
    dialog.deleteLater()
