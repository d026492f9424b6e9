"""`revorg export`: the plan as an Excel workbook with live formulas, chart images, and slides."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from revorg.cli.parsing import LANGUAGE_CHOICES, Commands, UsageError, check_output
from revorg.cli.plans import open_for_reading, plan_location, shown_location
from revorg.cli.without_salaries import add_option, prepare_copy

if TYPE_CHECKING:
    from revorg.model.rows import PositionRow

ALL_LEVELS = 0  # as revorg.gui.chart.collapse says "every level" (not imported: it is the gui)
IDS_NAMED = 8  # an ambiguous title names at most this many of its positions' ids


def register(commands: Commands) -> None:
    export = commands.add_parser(
        "export", help="export a plan: Excel workbook with live formulas, chart images"
    )
    export.add_argument("file", type=plan_location, help="a .revorg file or a team plan's URL")
    export.add_argument("--scenario", help="scenario name (default: the first)")
    export.add_argument("--xlsx", type=Path, metavar="OUT", help="Excel workbook")
    export.add_argument(
        "--snapshot",
        action="append",
        default=[],
        metavar="NAME",
        help="with --xlsx: add this snapshot's figures beside the scenario's (repeatable)",
    )
    export.add_argument("--png", type=Path, metavar="OUT", help="chart as a PNG image")
    export.add_argument("--svg", type=Path, metavar="OUT", help="chart as an SVG drawing")
    export.add_argument("--pdf", type=Path, metavar="OUT", help="chart as a PDF document")
    export.add_argument(
        "--pptx",
        type=Path,
        metavar="OUT",
        help="PowerPoint slides: the chart's top levels, a slide per team, targets and capacity",
    )
    export.add_argument(
        "--dpi", type=int, default=150, help="PNG resolution in dots per inch (default 150)"
    )
    export.add_argument(
        "--pages",
        choices=("fit", "split"),
        default="fit",
        help="PDF: the chart on one page (fit) or over several pages at a readable size (split)",
    )
    export.add_argument(
        "--levels",
        type=chart_levels,
        default=ALL_LEVELS,
        metavar="N",
        help="PNG, SVG, PDF: the top N levels, the teams below collapsed with their roll-ups "
        "(default: all)",
    )
    export.add_argument(
        "--team",
        metavar="ID",
        help="PNG, SVG, PDF, slides: this position's team alone (its id, or its title when unique)",
    )
    export.add_argument("--lang", choices=LANGUAGE_CHOICES, default="en", help="language")
    export.add_argument("--force", action="store_true", help="overwrite existing files")
    add_option(export)


def chart_levels(text: str) -> int:
    """argparse type: a number of levels from 1, or "all"."""
    if text.strip().casefold() == "all":
        return ALL_LEVELS
    if not text.strip().isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"a number of levels from 1, or all: {text!r}")
    return int(text)


def find_team(rows: Sequence[PositionRow], wanted: str, scenario: str) -> int:
    """The position `--team` names: its id, else the one position with that title (any case)."""
    text = wanted.strip()
    if text.isdigit() and any(row.id == int(text) for row in rows):
        return int(text)
    matches = [row.id for row in rows if row.title.casefold() == text.casefold()]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise UsageError(
            f"--team: no position of scenario {scenario!r} has the id or title {wanted!r}"
        )
    ids = ", ".join(str(i) for i in matches[:IDS_NAMED]) + (
        ", ..." if len(matches) > IDS_NAMED else ""
    )
    raise UsageError(
        f"--team: {len(matches)} positions are titled {wanted!r} (ids {ids}); give one id"
    )


def run(options: argparse.Namespace) -> int:
    from revorg.model.snapshots import find_snapshot

    images = {kind: getattr(options, kind) for kind in ("png", "svg", "pdf")}
    images = {kind: path for kind, path in images.items() if path is not None}
    if options.xlsx is None and options.pptx is None and not images:
        raise UsageError("say what to export: --xlsx, --png, --svg, --pdf and/or --pptx")
    for path in [options.xlsx, *images.values(), options.pptx]:
        if path is not None:
            check_output(path, options.force)
    if options.snapshot and options.xlsx is None:
        raise UsageError("--snapshot adds figures to the workbook: give --xlsx too")
    if not 30 <= options.dpi <= 1200:
        raise UsageError(f"--dpi must be between 30 and 1200, not {options.dpi}")
    chosen = options.levels != ALL_LEVELS or options.team is not None
    if chosen and not images and options.pptx is None:
        raise UsageError(
            "--levels and --team choose what the chart shows: give --png, --svg, --pdf or --pptx"
        )
    if options.levels != ALL_LEVELS and options.pptx is not None:
        # The deck chooses its levels itself: the top levels that fit a slide, then a slide for
        # each team cut off there, linked from its collapsed card.
        raise UsageError(
            "--levels applies to --png, --svg and --pdf; the slides choose their levels "
            "themselves (a slide per team): export them in a run of their own"
        )
    with open_for_reading(options.file) as document:
        prepare_copy(document, options.without_salaries, shown_location(options.file))
        scenario = document.scenario(options.scenario)
        team = None
        if options.team is not None:
            from revorg.model.rows import position_rows

            rows = position_rows(document.session, scenario.id)
            team = find_team(rows, options.team, scenario.name)
        # Looked up before anything is written: an unknown name leaves no file behind.
        snapshots = [find_snapshot(document.plan, name) for name in dict.fromkeys(options.snapshot)]
        if options.xlsx is not None:
            from revorg.io.xlsx_export import export_workbook

            export_workbook(document, scenario, options.xlsx, options.lang, snapshots)
            print(f"wrote {options.xlsx}")
        if images:
            # Drawing the chart needs Qt (offscreen without a display), never a window.
            from revorg.gui.chart.export import ChartExpansion, export_chart_files

            expansion = ChartExpansion(options.levels, team)
            for path in export_chart_files(
                document, scenario, images, dpi=options.dpi, pages=options.pages,
                language=options.lang, expansion=expansion,
            ):  # fmt: skip
                print(f"wrote {path}")
        if options.pptx is not None:
            # python-pptx is imported here only: no other command loads it.
            from revorg.gui.slides import export_slides_file

            export_slides_file(document, scenario, options.pptx, options.lang, team)
            print(f"wrote {options.pptx}")
    return 0
