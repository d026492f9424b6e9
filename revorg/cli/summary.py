"""`revorg summary`: a scenario's targets, headcount, cost and capacity."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from revorg.cli.parsing import Commands


def register(commands: Commands) -> None:
    summary = commands.add_parser("summary", help="print a plan's targets, headcount and cost")
    summary.add_argument("file", type=Path)
    summary.add_argument("--scenario", help="scenario name (default: the first)")
    summary.add_argument("--json", action="store_true", help="print JSON")


def run(options: argparse.Namespace) -> int:
    from revorg.model.document import PlanDocument
    from revorg.model.reports import format_summary
    from revorg.model.rows import position_rows
    from revorg.model.summary import summarize

    with PlanDocument.open(options.file, for_editing=False) as document:
        scenario = document.scenario(options.scenario)
        rows = position_rows(document.session, scenario.id)  # read once for both
        summary = summarize(document.session, scenario, positions=rows)
        if options.json:
            from revorg.model.actuals.summary import progress_json, scenario_actuals

            report = summary.to_json()
            progress = scenario_actuals(document.session, scenario, summary, rows)
            if progress is not None:
                report["actuals"] = progress_json(progress)
            print(json.dumps(report, indent=2, ensure_ascii=False))
        else:
            print(format_summary(summary))
    return 0
