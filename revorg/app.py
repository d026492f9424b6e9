"""Command line and start-up: parses arguments and hands over to the model, io or gui layers.

Commands run headless and import no Qt; only opening the window imports revorg.gui.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from revorg import __version__
from revorg.model.comparison import compare_scenarios
from revorg.model.document import PlanDocument
from revorg.model.errors import RevOrgError
from revorg.model.reports import format_comparison, format_summary
from revorg.model.summary import summarize
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
    new.add_argument(
        "--lang", choices=LANGUAGE_CHOICES, default="en", help="language of the plan and card names"
    )
    new.add_argument("--force", action="store_true", help="overwrite an existing file")

    templates = commands.add_parser("templates", help="list the plan templates")
    templates.add_argument("--json", action="store_true", help="print JSON")

    summary = commands.add_parser("summary", help="print a plan's targets, headcount and cost")
    summary.add_argument("file", type=Path)
    summary.add_argument("--scenario", help="scenario name (default: the first)")
    summary.add_argument("--json", action="store_true", help="print JSON")

    compare = commands.add_parser("compare", help="compare two scenarios of a plan")
    compare.add_argument("file", type=Path)
    compare.add_argument(
        "--scenarios",
        nargs=2,
        required=True,
        metavar=("A", "B"),
        help="the scenario to compare against (A) and the one compared (B)",
    )
    compare.add_argument("--json", action="store_true", help="print JSON")

    export = commands.add_parser(
        "export", help="export a plan: Excel workbook with live formulas, chart images"
    )
    export.add_argument("file", type=Path)
    export.add_argument("--scenario", help="scenario name (default: the first)")
    export.add_argument("--xlsx", type=Path, metavar="OUT", help="Excel workbook")
    export.add_argument("--png", type=Path, metavar="OUT", help="chart as a PNG image")
    export.add_argument("--svg", type=Path, metavar="OUT", help="chart as an SVG drawing")
    export.add_argument("--pdf", type=Path, metavar="OUT", help="chart as a PDF document")
    export.add_argument(
        "--dpi", type=int, default=150, help="PNG resolution in dots per inch (default 150)"
    )
    export.add_argument(
        "--pages",
        choices=("fit", "split"),
        default="fit",
        help="PDF: the chart on one page (fit) or over several pages at a readable size (split)",
    )
    export.add_argument("--lang", choices=LANGUAGE_CHOICES, default="en", help="language")
    export.add_argument("--force", action="store_true", help="overwrite existing files")

    imports = commands.add_parser(
        "import", help="make a plan from a RevOrg workbook or an HR roster (.xlsx, .csv)"
    )
    imports.add_argument("input", type=Path, help="the workbook or roster to read")
    imports.add_argument("-o", "--output", required=True, type=Path, help="the .revorg to write")
    imports.add_argument(
        "--template", default="demo", help="targets for a roster from this template (default demo)"
    )
    imports.add_argument("--year", type=fiscal_year, help="fiscal year (default: next year)")
    imports.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="FIELD=HEADING",
        help="read the roster column HEADING as FIELD (id, name, surname, title, manager, "
        "department, start, cost, email), e.g. --map title=positionName; FIELD= reads none",
    )
    imports.add_argument(
        "--root",
        metavar="PERSON",
        help="import only this person (id, email or name) and everyone under them",
    )
    imports.add_argument("--force", action="store_true", help="overwrite an existing file")
    return parser


def build_open_parser() -> CommandLineParser:
    parser = CommandLineParser(
        prog="revorg",
        usage="revorg [FILE] [--lang {en,es,zh}]\n"
        "       revorg {new,templates,summary,compare,export,import} ...",
        description="Open the RevOrg window on FILE (else the last plan, else the demo plan). "
        "Commands: new, templates, summary, compare, export, import (`revorg COMMAND --help`).",
    )
    parser.add_argument("file", nargs="?", type=Path, help="a .revorg plan to open")
    parser.add_argument("--lang", choices=LANGUAGE_CHOICES, help="interface language")
    parser.add_argument("--version", action="version", version=f"RevOrg {__version__}")
    return parser


COMMANDS = ("new", "templates", "summary", "compare", "export", "import")


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
    except BrokenPipeError:
        # `revorg summary plan.revorg | head`: the reader left; nothing went wrong here.
        # Python would report the pipe again while flushing stdout at exit: point it elsewhere.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def run_command(options: argparse.Namespace) -> int:
    if options.command == "new":
        return command_new(options)
    if options.command == "templates":
        return command_templates(options)
    if options.command == "compare":
        return command_compare(options)
    if options.command == "export":
        return command_export(options)
    if options.command == "import":
        return command_import(options)
    return command_summary(options)


def check_output(path: Path, force: bool) -> None:
    """An output path the user may write: refuse to overwrite without --force."""
    if path.exists() and path.is_dir():
        raise UsageError(f"{path} is a folder")
    if path.exists() and not force:
        raise UsageError(f"{path} already exists; add --force to overwrite it")
    if not path.absolute().parent.is_dir():
        raise UsageError(f"folder does not exist: {path.absolute().parent}")


def command_export(options: argparse.Namespace) -> int:
    images = {kind: getattr(options, kind) for kind in ("png", "svg", "pdf")}
    images = {kind: path for kind, path in images.items() if path is not None}
    if options.xlsx is None and not images:
        raise UsageError("say what to export: --xlsx, --png, --svg and/or --pdf")
    for path in [options.xlsx, *images.values()]:
        if path is not None:
            check_output(path, options.force)
    if not 30 <= options.dpi <= 1200:
        raise UsageError(f"--dpi must be between 30 and 1200, not {options.dpi}")
    with PlanDocument.open(options.file, for_editing=False) as document:
        scenario = document.scenario(options.scenario)
        if options.xlsx is not None:
            from revorg.io.xlsx_export import export_workbook

            export_workbook(document, scenario, options.xlsx, options.lang)
            print(f"wrote {options.xlsx}")
        if images:
            # Drawing the chart needs Qt (offscreen without a display), never a window.
            from revorg.gui.chart.export import export_chart_files

            for path in export_chart_files(
                document, scenario, images, dpi=options.dpi, pages=options.pages,
                language=options.lang,
            ):  # fmt: skip
                print(f"wrote {path}")
    return 0


def command_import(options: argparse.Namespace) -> int:
    from revorg.io.importers import import_plan
    from revorg.io.report import ImportRefusedError
    from revorg.io.roster import RosterOptionError, RosterOptions, column_mapping

    check_output(options.output, options.force)
    try:
        roster = RosterOptions(column_mapping(options.map), options.root)
    except ValueError as error:
        raise UsageError(str(error)) from None
    try:
        document, report = import_plan(options.input, options.template, options.year, roster)
    except RosterOptionError as error:
        raise UsageError(f"{options.input.name}: {error}") from None
    except ImportRefusedError as refused:
        print(f"error: {refused}", file=sys.stderr)
        for finding in refused.report.findings:
            print(f"  {finding}", file=sys.stderr)
        return EXIT_USAGE
    with document:
        for finding in report.findings:
            print(f"  {finding}", file=sys.stderr)
        document.save_as(options.output)
        positions = len(document.scenario().positions)
        print(f"wrote {options.output} ({positions} positions from {options.input.name})")
    return 0


def command_new(options: argparse.Namespace) -> int:
    output: Path = options.output
    if output.exists() and not options.force:
        raise UsageError(f"{output} already exists; add --force to overwrite it")
    if output.exists() and output.is_dir():
        raise UsageError(f"{output} is a folder")
    if not output.absolute().parent.is_dir():
        raise UsageError(f"folder does not exist: {output.absolute().parent}")
    with PlanDocument.from_template(options.template, options.year, options.lang) as document:
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


def command_compare(options: argparse.Namespace) -> int:
    name_a, name_b = options.scenarios
    with PlanDocument.open(options.file, for_editing=False) as document:
        a, b = document.scenario(name_a), document.scenario(name_b)
        comparison = compare_scenarios(document.session, a, b)
        if options.json:
            print(json.dumps(comparison.to_json(), indent=2, ensure_ascii=False))
        else:
            print(format_comparison(comparison))
    return 0


def open_window(options: argparse.Namespace) -> int:
    """Start the desktop app (imported here so that commands never load Qt)."""
    if options.file is not None:
        # Check the file before any window appears: a bad file is one clear line.
        PlanDocument.open(options.file, for_editing=False).close()
    from revorg.gui.application import run_application

    return run_application(options.file, options.lang)
