"""Field changes of the history in words, as the History panel and a position's history show
them: labels of the window, amounts, rates and months in the locale, records by their names."""

from __future__ import annotations

from decimal import Decimal

from revorg.gui.history_words import ChangeWords
from revorg.gui.window.main_window import MainWindow
from revorg.model.editing import requests
from revorg.model.history.browse import StepFilter, page


def lines(window: MainWindow) -> list[str]:
    editor = window.controller.editor
    newest = page(editor.session, StepFilter(), limit=1)[0]
    return ChangeWords(editor).lines(newest)


def card(window: MainWindow, title: str) -> int:
    return next(p.id for p in window.controller.editor.positions().values() if p.title == title)


def test_each_kind_of_change_in_words(window: MainWindow) -> None:
    controller = window.controller
    editor = controller.editor
    seo = card(window, "SEO Specialist")
    controller.edit(seo, {"start_month": None, "annual_cost": Decimal("47500.5")})
    assert lines(window) == [
        "SEO Specialist · Start month: Mar 2027 → –",
        "SEO Specialist · Annual cost: €45,000 → €47,501",
    ]
    attainment = next(a for a in editor.scenario.assumptions if a.metric == "attainment")
    controller.set_assumption(attainment.id, Decimal("0.825"))
    role = editor.roles_by_key().get(attainment.role_key)
    label = "Quota attainment (%)" + (f" of {role.short('en')}" if role else "")
    assert lines(window) == [f"{label}: 75% → 82.5%"]
    controller.set_dotted_line(seo, card(window, "Content Creator"), True)
    assert lines(window) == ["Dotted line added: SEO Specialist → Content Creator"]
    controller.delete([seo], keep_reports=False)
    assert lines(window) == [
        "Dotted line removed: SEO Specialist → Content Creator",
        "Position removed: SEO Specialist",
    ]
    controller.change_plan_settings(name="Board plan", fiscal_start_month=4)
    assert lines(window)[:2] == [
        "Plan name: Revenue plan: EUR 1M → Board plan",
        "First month of the fiscal year: January → April",
    ]


def test_a_scenario_deleted_since_is_named_as_such(window: MainWindow) -> None:
    controller = window.controller
    editor = controller.editor
    copy = controller.copy_scenario("Lean")
    edit = requests.set_target(editor, "leads", 320)
    assert edit is not None
    controller.push(edit)
    controller.delete_scenario(copy)
    words = ChangeWords(editor)
    assert words.scenario_name(copy) == f"scenario {copy} (deleted)"
