"""The plan's settings: name, currency (ISO 4217) and fiscal year, as one undoable edit."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest

from revorg.model.currencies import checked_currency, currencies, currency_symbol
from revorg.model.document import PlanDocument
from revorg.model.editing import Change, FieldChange, PlanEditor, RecordKind, requests
from revorg.model.errors import PlanEditError
from revorg.model.months import YearMonth
from revorg.model.summary import summarize


@pytest.fixture
def editor() -> Iterator[PlanEditor]:
    document = PlanDocument.from_template("demo", 2027)
    yield PlanEditor(document)
    document.close()


def starts(editor: PlanEditor) -> dict[str, YearMonth | None]:
    return {row.title: row.start_month for row in editor.positions().values() if row.start_month}


def test_currency_codes_are_iso_4217_whatever_the_case() -> None:
    assert checked_currency("USD") == "USD"
    assert checked_currency(" cny ") == "CNY"
    assert currencies()["JPY"].digits == 0 and currencies()["USD"].digits == 2
    assert currencies()["CNY"].name("es") == "yuan"
    # Symbols from CLDR, distinct within one language: US$ is not CA$, CN¥ is not JP¥.
    assert currency_symbol("USD", "en") == "US$"
    assert currency_symbol("CNY", "zh") == "¥" and currency_symbol("JPY", "zh") == "JP¥"
    assert currency_symbol("CNY", "en") == "CN¥"
    for language in ("en", "es", "zh"):
        symbols = [c.symbol(language) for c in currencies().values()]
        assert len(symbols) == len(set(symbols))


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("XYZ", "'XYZ' is not an ISO 4217 currency code (USD, EUR, CNY...)"),
        ("EURO", "'EURO' is not an ISO 4217 currency code (USD, EUR, CNY...)"),
        ("", "the currency is empty: give an ISO 4217 code (USD)"),
    ],
)
def test_anything_else_is_refused_with_a_reason(code: str, message: str) -> None:
    with pytest.raises(PlanEditError) as refused:
        checked_currency(code)
    assert str(refused.value) == message


def test_another_currency_converts_nothing_and_undo_puts_eur_back(editor: PlanEditor) -> None:
    seen: list[Change] = []
    editor.subscribe(seen.append)
    goal, cost = editor.summary().inputs.goal, editor.summary().total.cost

    edit = requests.plan_settings(editor, currency="usd")
    assert edit is not None and edit.text.english() == "Plan settings"
    change = editor.perform(edit)

    plan_id = editor.document.plan.id
    assert change.records == (
        FieldChange(editor.scenario_id, RecordKind.PLAN, plan_id, "currency", "EUR", "USD"),
    )
    assert change.plan and change.anew  # every view redraws
    assert editor.summary().plan.currency == "USD"
    assert editor.summary().inputs.goal == goal == Decimal(1000000)
    assert editor.summary().total.cost == cost

    editor.revert(edit)
    assert editor.document.plan.currency == "EUR"
    assert seen[-1].undone and seen[-1].plan


def test_an_april_year_moves_open_starts_so_each_keeps_its_month_of_the_year(
    editor: PlanEditor,
) -> None:
    # The demo's FY2027 starts in January; the SEO specialist starts in March (month 3).
    before = starts(editor)
    assert before["SEO Specialist"] == YearMonth(2027, 3)
    cost = editor.summary().total.cost

    edit = requests.plan_settings(editor, fiscal_start_month=4)
    assert edit is not None
    change = editor.perform(edit)

    # April 2027 to March 2028: month 3 of that year is June 2027, three months on.
    after = starts(editor)
    assert after == {title: start.plus_months(3) for title, start in before.items() if start}
    assert after["SEO Specialist"] == YearMonth(2027, 6)
    assert editor.document.plan.fiscal_start_month == 4
    moved = [r for r in change.records if r.record == RecordKind.POSITION]
    assert len(moved) == len(before) and all(r.field == "start_month" for r in moved)
    # Every hire still has as many months in the year, so the year costs the same...
    assert editor.summary().total.cost == cost
    # ... and the cached numbers are those a fresh computation gives.
    assert summarize(editor.session, editor.scenario).total.cost == cost

    editor.revert(edit)
    assert starts(editor) == before
    assert editor.document.plan.fiscal_start_month == 1


def test_the_fiscal_year_moves_starts_in_every_scenario(editor: PlanEditor) -> None:
    editor.perform(requests.copy_scenario(editor, ("{name} (copy)", "{name} (copy {number})")))
    copy_id = editor.scenario_id
    edit = requests.plan_settings(editor, fiscal_year=2028, name="Plan 2028")
    assert edit is not None
    editor.perform(edit)
    assert starts(editor)["SEO Specialist"] == YearMonth(2028, 3)
    editor.switch_scenario(editor.scenarios()[0].id)
    assert starts(editor)["SEO Specialist"] == YearMonth(2028, 3)
    assert editor.document.plan.name == "Plan 2028"
    editor.switch_scenario(copy_id)
    editor.revert(edit)
    assert starts(editor)["SEO Specialist"] == YearMonth(2027, 3)
    assert editor.document.plan.fiscal_year == 2027


def test_a_filled_seat_keeps_its_start(editor: PlanEditor) -> None:
    seo = next(r.id for r in editor.positions().values() if r.title == "SEO Specialist")
    editor.perform(requests.edit_fields(editor, seo, {"person_name": "Ana"}))  # type: ignore[arg-type]
    editor.perform(requests.plan_settings(editor, fiscal_start_month=7))  # type: ignore[arg-type]
    assert editor.positions()[seo].start_month == YearMonth(2027, 3)


def test_settings_as_they_are_make_no_edit(editor: PlanEditor) -> None:
    plan = editor.document.plan
    assert requests.plan_settings(editor, plan.name, "eur", 2027, 1) is None


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"name": "  "}, "the plan needs a name"),
        ({"currency": "XYZ"}, "'XYZ' is not an ISO 4217 currency code (USD, EUR, CNY...)"),
        ({"fiscal_start_month": 13}, "the fiscal year's first month must be 1 to 12, not '13'"),
        ({"fiscal_start_month": 0}, "the fiscal year's first month must be 1 to 12, not '0'"),
        ({"fiscal_year": 12027}, "the fiscal year must be 1900 to 9998, not '12027'"),
        ({"fiscal_year": "next"}, "the fiscal year must be 1900 to 9998, not 'next'"),
    ],
)
def test_bad_settings_are_refused_and_change_nothing(
    editor: PlanEditor, settings: dict[str, object], message: str
) -> None:
    with pytest.raises(PlanEditError) as refused:
        requests.plan_settings(editor, **settings)  # type: ignore[arg-type]
    assert str(refused.value) == message
    plan = editor.document.plan
    assert (plan.currency, plan.fiscal_year, plan.fiscal_start_month) == ("EUR", 2027, 1)
