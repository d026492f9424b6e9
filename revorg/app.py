"""Start-up: the command line (revorg.cli) or the window, and the one way errors end a run.

Commands run headless and import no Qt; only opening the window imports revorg.gui.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from revorg import __version__
from revorg.cli.commands import COMMANDS, build_command_parser, run_command
from revorg.cli.parsing import EXIT_USAGE, LANGUAGE_CHOICES, CommandLineParser
from revorg.cli.plans import plan_location
from revorg.model.errors import RevOrgError

__all__ = ["COMMANDS", "build_command_parser", "build_open_parser", "main"]


def build_open_parser() -> CommandLineParser:
    names = ",".join(COMMANDS)
    parser = CommandLineParser(
        prog="revorg",
        usage=f"revorg [FILE] [--lang {{en,es,zh}}]\n       revorg {{{names}}} ...",
        description="Open the RevOrg window on FILE (else the last plan, else the demo plan). "
        f"Commands: {', '.join(COMMANDS)} (`revorg COMMAND --help`).",
    )
    parser.add_argument(
        "file",
        nargs="?",
        type=plan_location,
        help="a .revorg plan to open, or a team plan's URL (postgresql://…?plan=NAME)",
    )
    parser.add_argument("--lang", choices=LANGUAGE_CHOICES, help="interface language")
    parser.add_argument("--version", action="version", version=f"RevOrg {__version__}")
    return parser


# Start-up makes some 300,000 objects that live as long as the process (SQLAlchemy, the ORM's
# mappings, Qt's wrappers), and Python's collector walks them again every 700 new objects: 60 to
# 110 ms of a 450 ms `revorg summary`. Commands run with a collection every 100,000 new objects
# instead (memory stays bounded on big imports); the window goes back to Python's default once
# it is painted (revorg.gui.application).
START_GC_THRESHOLD = (100_000, 50, 100)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    default_threshold = gc.get_threshold()
    gc.set_threshold(*START_GC_THRESHOLD)
    try:
        if arguments and arguments[0] in COMMANDS:
            options = build_command_parser([arguments[0]]).parse_args(arguments)
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
    finally:
        gc.set_threshold(*default_threshold)


def open_window(options: argparse.Namespace) -> int:
    """Start the desktop app (imported here so that commands never load Qt)."""
    from revorg.model.document import PlanDocument

    if options.file is not None and not isinstance(options.file, Path):
        # A team plan's URL: opened once the app exists (its user name is a preference).
        from revorg.gui.application import run_application

        return run_application(None, options.lang, team_address=options.file)
    # The file is opened before any window appears (a bad file is one clear line), and only
    # once: the window takes it (reading a 10,000-position plan twice cost 80 ms of the start).
    document = PlanDocument.open(options.file) if options.file is not None else None
    from revorg.gui.application import run_application

    return run_application(options.file, options.lang, document)
