"""`revorg new`: a plan file from a template."""

from __future__ import annotations

import argparse
from pathlib import Path

from revorg.cli.parsing import LANGUAGE_CHOICES, Commands, UsageError, fiscal_year


def register(commands: Commands) -> None:
    new = commands.add_parser("new", help="create a plan file from a template")
    new.add_argument("--template", default="demo", help="template key (see `templates`)")
    new.add_argument("-o", "--output", required=True, type=Path, help="the .revorg file to write")
    new.add_argument("--year", type=fiscal_year, help="fiscal year (default: next year)")
    new.add_argument("--name", help="plan name (default: the template's)")
    new.add_argument("--currency", help="ISO 4217 code of the plan's amounts (default: EUR)")
    new.add_argument("--fiscal-start", help="the fiscal year's first month, 1 to 12 (default: 1)")
    new.add_argument(
        "--lang", choices=LANGUAGE_CHOICES, default="en", help="language of the plan and card names"
    )
    new.add_argument("--force", action="store_true", help="overwrite an existing file")


def run(options: argparse.Namespace) -> int:
    from revorg.model.document import PlanDocument
    from revorg.model.editing.requests import checked_plan_settings

    # Checked before the file is looked at: bad input leaves everything as it was.
    settings = checked_plan_settings(
        name=options.name,
        currency=options.currency,
        fiscal_start_month=options.fiscal_start,
    )
    output: Path = options.output
    if output.exists() and not options.force:
        raise UsageError(f"{output} already exists; add --force to overwrite it")
    if output.exists() and output.is_dir():
        raise UsageError(f"{output} is a folder")
    if not output.absolute().parent.is_dir():
        raise UsageError(f"folder does not exist: {output.absolute().parent}")
    with PlanDocument.from_template(
        options.template,
        options.year,
        options.lang,
        currency=settings.get("currency"),
        fiscal_start_month=settings.get("fiscal_start_month"),
    ) as document:
        if "name" in settings:
            document.plan.name = settings["name"]
        document.save_as(output)
        plan = document.plan
        print(
            f"wrote {output} ({options.template}, fiscal year {plan.fiscal_year}"
            f" from month {plan.fiscal_start_month}, {plan.currency})"
        )
    return 0
