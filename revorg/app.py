"""Command line and start-up: parses arguments and hands over to the model, io or gui layers.

Commands run headless and import no Qt; only opening the window imports revorg.gui.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from revorg import __version__
from revorg.model.document import PlanDocument
from revorg.model.errors import RevOrgError
from revorg.model.summary import ScenarioSummary, summarize
from revorg.model.templates import template_infos

EXIT_USAGE = 2
LANGUAGE_CHOICES = ("en", "es", "zh")


class UsageError(RevOrgError):
    """Arguments that do not make sense."""


class CommandLineParser(argparse.ArgumentParser):
    """Reports bad arguments as one `error:` line (argparse would print usage and a traceback-free
    second line); main() turns it into exit code 2."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see --help)")


def fiscal_year(text: str) -> int:
    """argparse type: a four-digit year."""
    if not text.strip().isdigit() or not 1900 <= int(text) <= 9998:
        raise argparse.ArgumentTypeError(f"not a fiscal year (1900 to 9998): {text!r}")
    return int(text)


def build_command_parser() -> CommandLineParser:
    parser = CommandLineParser(
        prog="revorg",
        description="RevOrg: design a revenue organisation and its plan.",
        epilog="Without a command, `revorg [FILE]` opens the app on FILE.",
    )
    parser.add_argument("--version", action="version", version=f"RevOrg {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=CommandLineParser)

    new = commands.add_parser("new", help="create a plan file from a template")
    new.add_argument("--template", default="demo", help="template key (see `templates`)")
    new.add_argument("-o", "--output", required=True, type=Path, help="the .revorg file to write")
    new.add_argument("--year", type=fiscal_year, help="fiscal year (default: next year)")
    new.add_argument("--name", help="plan name (default: the template's)")
    new.add_argument("--force", action="store_true", help="overwrite an existing file")

    templates = commands.add_parser("templates", help="list the plan templates")
    templates.add_argument("--json", action="store_true", help="print JSON")

    summary = commands.add_parser("summary", help="print a plan's targets, headcount and cost")
    summary.add_argument("file", type=Path)
    summary.add_argument("--scenario", help="scenario name (default: the first)")
    summary.add_argument("--json", action="store_true", help="print JSON")
    return parser


def build_open_parser() -> CommandLineParser:
    parser = CommandLineParser(
        prog="revorg",
        usage="revorg [FILE] [--lang {en,es,zh}]\n       revorg {new,templates,summary} ...",
        description="Open the RevOrg window on FILE (else the last plan, else the demo plan). "
        "Commands: new, templates, summary (`revorg COMMAND --help`).",
    )
    parser.add_argument("file", nargs="?", type=Path, help="a .revorg plan to open")
    parser.add_argument("--lang", choices=LANGUAGE_CHOICES, help="interface language")
    parser.add_argument("--version", action="version", version=f"RevOrg {__version__}")
    return parser


COMMANDS = ("new", "templates", "summary")


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        if arguments and arguments[0] in COMMANDS:
            options = build_command_parser().parse_args(arguments)
            return run_command(options)
        return open_window(build_open_parser().parse_args(arguments))
    except RevOrgError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


def run_command(options: argparse.Namespace) -> int:
    if options.command == "new":
        return command_new(options)
    if options.command == "templates":
        return command_templates(options)
    return command_summary(options)


def command_new(options: argparse.Namespace) -> int:
    output: Path = options.output
    if output.exists() and not options.force:
        raise UsageError(f"{output} already exists; add --force to overwrite it")
    if output.exists() and output.is_dir():
        raise UsageError(f"{output} is a folder")
    if not output.absolute().parent.is_dir():
        raise UsageError(f"folder does not exist: {output.absolute().parent}")
    with PlanDocument.from_template(options.template, options.year) as document:
        if options.name:
            document.plan.name = options.name
        document.save_as(output)
        print(f"wrote {output} ({options.template}, fiscal year {document.plan.fiscal_year})")
    return 0


def command_templates(options: argparse.Namespace) -> int:
    infos = template_infos()
    if options.json:
        rows = [{"key": i.key, "name": i.name(), "description": i.description()} for i in infos]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    width = max(len(info.key) for info in infos)
    for info in infos:
        print(f"{info.key:<{width}}  {info.name()}: {info.description()}")
    return 0


def command_summary(options: argparse.Namespace) -> int:
    with PlanDocument.open(options.file, for_editing=False) as document:
        summary = summarize(document.session, document.scenario(options.scenario))
        if options.json:
            print(json.dumps(summary.to_json(), indent=2, ensure_ascii=False))
        else:
            print(format_summary(summary))
    return 0


def format_summary(summary: ScenarioSummary) -> str:
    """A plain-text report for the terminal."""
    plan, inputs, outcome = summary.plan, summary.inputs, summary.outcome
    currency = plan.currency
    lines = [
        f"{plan.name}: scenario {summary.scenario.name!r}, fiscal year {plan.fiscal_year}",
        "",
        f"  {'Goal':<28}{inputs.goal:>16,.2f} {currency}",
        f"  {'Marketing leads':<28}{inputs.leads:>16,}",
        f"  {'Close rate':<28}{inputs.close_rate * 100:>15.4g}%",
        f"  {'Average deal':<28}{inputs.average_deal:>16,.2f} {currency}",
        f"  {'New customers':<28}{outcome.new_customers:>16,}",
        f"  {'New business':<28}{outcome.new_business:>16,.2f} {currency}",
        f"  {'Base revenue':<28}{inputs.base_revenue:>16,.2f} {currency}",
        f"  {'Retention':<28}{inputs.retention * 100:>15.4g}%",
        f"  {'Expansion':<28}{inputs.expansion:>16,.2f} {currency}",
        f"  {'Retained':<28}{outcome.retained:>16,.2f} {currency}",
        f"  {'Total revenue':<28}{outcome.total:>16,.2f} {currency}",
        f"  {'Gap to goal':<28}{outcome.gap:>16,.2f} {currency}",
        "",
        f"  {'Department':<24}{'Positions':>10}{'Headcount':>10}{'Open':>6}{'Cost':>16}",
    ]
    for department in [*summary.departments]:
        staffing = department.staffing
        lines.append(
            f"  {department.name:<24}{staffing.positions:>10}{staffing.headcount:>10}"
            f"{staffing.open_positions:>6}{staffing.cost:>16,.2f}"
        )
    total = summary.total
    lines.append(
        f"  {'Total':<24}{total.positions:>10}{total.headcount:>10}"
        f"{total.open_positions:>6}{total.cost:>16,.2f}"
    )
    for manager, reports, limit in summary.too_wide_spans:
        lines.append(f"  warning: {manager.title} has {reports} direct reports (over {limit})")
    return "\n".join(lines)


def open_window(options: argparse.Namespace) -> int:
    """Start the desktop app (imported here so that commands never load Qt)."""
    if options.file is not None:
        # Check the file before any window appears: a bad file is one clear line.
        PlanDocument.open(options.file, for_editing=False).close()
    from revorg.gui.application import run_application

    return run_application(options.file, options.lang)
