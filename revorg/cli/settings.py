"""`revorg settings`: a plan's name, currency and fiscal year, shown or changed."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from revorg.cli.editing import add_expect_version_argument, add_who_argument, open_for_editing
from revorg.cli.parsing import Commands
from revorg.cli.plans import plan_location, shown_location

if TYPE_CHECKING:
    from revorg.model.document import PlanDocument


def register(commands: Commands) -> None:
    settings = commands.add_parser(
        "settings",
        help="show or change a plan's name, currency and fiscal year",
        description=(
            "Without options, print the plan's settings. A new currency converts no amount: "
            "the numbers stay as they are, in the new currency. A new fiscal year or first "
            "month moves open positions' start months so that each keeps its month of the year."
        ),
    )
    settings.add_argument("file", type=plan_location, help="a .revorg file or a team plan's URL")
    settings.add_argument("--name", help="the plan's name")
    settings.add_argument("--currency", help="ISO 4217 code (USD, EUR, CNY...); not converted")
    settings.add_argument("--fiscal-year", help="the fiscal year (1900 to 9998)")
    settings.add_argument("--fiscal-start", help="the fiscal year's first month, 1 to 12")
    add_who_argument(settings)
    add_expect_version_argument(settings)


def run(options: argparse.Namespace) -> int:
    from revorg.cli.plans import open_for_reading
    from revorg.model.editing import requests

    changes = (options.name, options.currency, options.fiscal_year, options.fiscal_start)
    shown = shown_location(options.file)
    if all(value is None for value in changes):
        with open_for_reading(options.file) as document:
            print(describe(document))
        return 0
    with open_for_editing(options.file, options.who, options.expect_version) as (
        document,
        editor,
    ):
        currency_before = document.plan.currency
        # Validated in full before anything changes: a refusal leaves the file as it was.
        edit = requests.plan_settings(editor, *changes)
        if edit is None:
            print(f"{shown}: nothing to change")
            print(describe(document))
            return 0
        change = editor.perform(edit)
        document.save()
        moved = sum(1 for r in change.records if r.field == "start_month")
        print(f"{shown}: saved")
        print(describe(document))
        if document.plan.currency != currency_before:
            print(
                f"amounts not converted: they were {currency_before} "
                f"and are now read as {document.plan.currency}"
            )
        if moved:
            print(f"start months of {moved} open positions moved with the fiscal year")
    return 0


def describe(document: PlanDocument) -> str:
    """The settings as lines of text (English, as the command line speaks)."""
    from revorg.model.currencies import find_currency
    from revorg.model.months import FiscalYear

    plan = document.plan
    currency = find_currency(plan.currency)
    fiscal = FiscalYear.of(plan.fiscal_year, plan.fiscal_start_month)
    return "\n".join(
        (
            f"name: {plan.name}",
            f"currency: {plan.currency}" + (f" ({currency.name()})" if currency else ""),
            f"fiscal year: {plan.fiscal_year} ({fiscal.first.label()} to {fiscal.last.label()})",
            f"fiscal start month: {plan.fiscal_start_month}",
        )
    )
