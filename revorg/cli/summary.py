"""`revorg summary`: a scenario's targets, headcount, cost and capacity."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from revorg.cli.parsing import Commands
from revorg.cli.plans import open_for_reading, plan_location
from revorg.cli.without_salaries import salaries_hidden


def register(commands: Commands) -> None:
    summary = commands.add_parser("summary", help="print a plan's targets, headcount and cost")
    summary.add_argument("file", type=plan_location, help="a .revorg file or a team plan's URL")
    summary.add_argument("--scenario", help="scenario name (default: the first)")
    summary.add_argument("--json", action="store_true", help="print JSON")


def run(options: argparse.Namespace) -> int:
    from revorg.model.reports import format_summary
    from revorg.model.rows import position_rows
    from revorg.model.summary import summarize

    if isinstance(options.file, Path) and not options.json:
        return print_file_summary(options.file, options.scenario)
    with open_for_reading(options.file) as document:
        scenario = document.scenario(options.scenario)
        rows = position_rows(document.session, scenario.id)  # read once for both
        summary = summarize(document.session, scenario, positions=rows)
        # A viewer of a team plan reads no salaries: its costs are not available, never 0.
        without_salaries = salaries_hidden(document)
        if options.json:
            from revorg.model.actuals.summary import progress_json, scenario_actuals
            from revorg.model.history.version import plan_version

            report = summary.to_json()
            report["version"] = plan_version(document.session)
            if not isinstance(options.file, Path):  # a team plan: its URL, never its password
                report["url"] = options.file.shown()
            progress = scenario_actuals(document.session, scenario, summary, rows)
            if progress is not None:
                report["actuals"] = progress_json(progress)
            if without_salaries:
                from revorg.model.team.salaries import withhold_costs

                report = withhold_costs(report)
                report["salaries"] = "not available"
            print(json.dumps(report, indent=2, ensure_ascii=False))
        else:
            print(format_summary(summary, without_salaries=without_salaries))
    return 0


def print_file_summary(path: Path, scenario_name: str | None) -> int:
    """The text summary of a plan file, read with plain SQL: neither SQLAlchemy's ORM nor the
    session is loaded (0.5 s -> about 0.15 s from the command line; docs/speed.md, "Cold
    start"). The numbers come from the same summarize() as the window's and --json's."""
    from revorg.model.plan_reader import PlanReader
    from revorg.model.reports import format_summary
    from revorg.model.store import open_read_only
    from revorg.model.summary import summarize

    # Resolved as PlanDocument.open resolves it: messages name the same file.
    with open_read_only(path.resolve()) as connection:
        reader = PlanReader(connection)
        summary = summarize(reader, reader.scenario(scenario_name))
    print(format_summary(summary))
    return 0
