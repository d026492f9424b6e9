"""`revorg snapshots`: a plan's snapshots, oldest first, with their main figures."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from revorg.cli.parsing import Commands
from revorg.cli.plans import open_for_reading, plan_location

if TYPE_CHECKING:
    from revorg.model.snapshots import SnapshotInfo
    from revorg.model.summary import ScenarioSummary


def register(commands: Commands) -> None:
    snapshots = commands.add_parser(
        "snapshots", help="list a plan's snapshots: when, by whom, of which scenario, figures"
    )
    snapshots.add_argument("file", type=plan_location, help="a .revorg file or a team plan's URL")
    snapshots.add_argument("--json", action="store_true", help="print JSON")


def run(options: argparse.Namespace) -> int:
    from revorg.model.snapshots import snapshot_info
    from revorg.model.summary import summarize

    with open_for_reading(options.file) as document:
        listed = [
            (snapshot_info(scenario), summarize(document.session, scenario))
            for scenario in document.plan.snapshots
        ]
        currency = document.plan.currency
    if options.json:
        report = {"currency": currency, "snapshots": [_json(*item) for item in listed]}
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        print("\n".join(_lines(listed, currency)))
    return 0


def _figures(summary: ScenarioSummary) -> dict[str, Any]:
    capacity = summary.capacity.departments.values()
    return {
        "goal": summary.inputs.goal,
        "total": summary.outcome.total,
        "gap": summary.outcome.gap,
        "headcount": summary.total.headcount,
        "cost": summary.total.cost,
        "target": sum((d.target for d in capacity), start=summary.inputs.goal * 0),
        "capacity": sum((d.capacity for d in capacity), start=summary.inputs.goal * 0),
    }


def _json(info: SnapshotInfo, summary: ScenarioSummary) -> dict[str, Any]:
    from revorg.model.money import json_number

    figures = _figures(summary)
    return {
        **info.to_json(),
        **{
            name: value if isinstance(value, int) else json_number(value)
            for name, value in figures.items()
        },
    }


def _lines(listed: list[tuple[SnapshotInfo, ScenarioSummary]], currency: str) -> list[str]:
    if not listed:
        return ["no snapshots; take one with `revorg snapshot FILE --name NAME`"]
    lines = []
    for info, summary in listed:
        figures = _figures(summary)
        at = info.taken_at.replace("T", " ").replace("Z", " UTC")
        lines.append(f"{info.name}  (of {info.source}, {at}, by {info.taken_by})")
        lines.append(
            f"    goal {figures['goal']:,.0f}  forecast {figures['total']:,.0f}  "
            f"gap {figures['gap']:,.0f} {currency}"
        )
        lines.append(
            f"    headcount {figures['headcount']}  cost {figures['cost']:,.0f}  "
            f"capacity {figures['capacity']:,.0f} of {figures['target']:,.0f} {currency}"
        )
    return lines
