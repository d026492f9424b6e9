"""The commands, by name, and the parser made from their modules.

A new command is a module in this package with `register(commands)` and `run(options)`, and
one line in COMMAND_MODULES.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Sequence
from types import ModuleType

from revorg import __version__
from revorg.cli.parsing import CommandLineParser

COMMAND_MODULES = {
    "new": "revorg.cli.new",
    "templates": "revorg.cli.templates",
    "summary": "revorg.cli.summary",
    "compare": "revorg.cli.compare",
    "export": "revorg.cli.export",
    "import": "revorg.cli.importing",
    "settings": "revorg.cli.settings",
    "targets": "revorg.cli.targets",
    "install-desktop": "revorg.cli.desktop",
    "uninstall-desktop": "revorg.cli.desktop",
    "history": "revorg.cli.history",
    "snapshot": "revorg.cli.snapshot",
    "snapshots": "revorg.cli.snapshots",
    "restore": "revorg.cli.restore",
    "actuals": "revorg.cli.actuals",
    "push": "revorg.cli.push",
    "pull": "revorg.cli.pull",
    "team": "revorg.cli.team",
}
COMMANDS = tuple(COMMAND_MODULES)


def command_module(name: str) -> ModuleType:
    return importlib.import_module(COMMAND_MODULES[name])


def build_command_parser(names: Sequence[str] = COMMANDS) -> CommandLineParser:
    """The parser of `names` (all commands by default; `revorg NAME ...` builds only NAME's:
    each command's parser costs about 1 ms of every start)."""
    parser = CommandLineParser(
        prog="revorg",
        description="RevOrg: design a revenue organisation and its plan.",
        epilog="Without a command, `revorg [FILE]` opens the app on FILE.",
    )
    parser.add_argument("--version", action="version", version=f"RevOrg {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=CommandLineParser)
    for name in names:
        command_module(name).register(commands)
    return parser


def run_command(options: argparse.Namespace) -> int:
    result: int = command_module(options.command).run(options)
    return result
