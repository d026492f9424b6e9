"""`revorg import`: a plan from a RevOrg workbook or an HR roster."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from revorg.cli.editing import add_who_argument
from revorg.cli.parsing import EXIT_USAGE, Commands, UsageError, check_output, fiscal_year
from revorg.cli.plans import plan_location, shown_location

if TYPE_CHECKING:
    from revorg.model.document import PlanDocument


def register(commands: Commands) -> None:
    imports = commands.add_parser(
        "import", help="make a plan from a RevOrg workbook or an HR roster (.xlsx, .csv)"
    )
    imports.add_argument("input", type=Path, help="the workbook or roster to read")
    imports.add_argument(
        "-o",
        "--output",
        required=True,
        type=plan_location,
        help="the .revorg to write, or a team plan's URL to publish the plan as (a new plan)",
    )
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
        "department, start, cost, email, photo), e.g. --map title=positionName; FIELD= reads none",
    )
    imports.add_argument(
        "--root",
        metavar="PERSON",
        help="import only this person (id, email or name) and everyone under them",
    )
    imports.add_argument("--force", action="store_true", help="overwrite an existing file")
    add_who_argument(imports)


def run(options: argparse.Namespace) -> int:
    from revorg.io.importers import import_plan
    from revorg.io.report import ImportRefusedError
    from revorg.io.roster import RosterOptionError, RosterOptions, column_mapping
    from revorg.model.history.recording import record_import

    if isinstance(options.output, Path):
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
        # --force over a file: the photos of the plan it replaces stay.
        if isinstance(options.output, Path) and options.output.exists():
            _carry_photos(options.output, document)
        # The new plan's log starts with the import, one step ("Import roster.csv: 40 positions").
        record_import(document.session, options.input.name, (options.who or "").strip() or None)
        positions = len(document.scenario().positions)
        if isinstance(options.output, Path):
            document.save_as(options.output)
        else:  # a new team plan, its log the import's one step
            from revorg.model.team.transfer import publish

            document.commit()
            publish(document.connection, options.output)
        shown = shown_location(options.output)
        print(f"wrote {shown} ({positions} positions from {options.input.name})")
    return 0


def _carry_photos(path: Path, document: PlanDocument) -> None:
    """The photos of the plan at `path` (about to be overwritten) for the people the import
    keeps (same lineage: a workbook exported from it); a file that is no plan gives none."""
    from revorg.model.document import PlanDocument
    from revorg.model.errors import RevOrgError
    from revorg.model.photos import carry_photos

    try:
        with PlanDocument.open(path, for_editing=False) as existing:
            carry_photos(existing.session, document.session)
    except RevOrgError:
        return
