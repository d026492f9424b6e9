"""What every command shares: the parser that reports one `error:` line, argument types and
the check of an output path."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import NoReturn, TypeAlias

from revorg.model.errors import RevOrgError

EXIT_USAGE = 2
LANGUAGE_CHOICES = ("en", "es", "zh")


class UsageError(RevOrgError):
    """Arguments that do not make sense."""


class CommandLineParser(argparse.ArgumentParser):
    """Reports bad arguments as one `error:` line (argparse would print usage and a traceback-free
    second line); main() turns it into exit code 2."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see --help)")


# What `register` adds its subcommand to.
Commands: TypeAlias = "argparse._SubParsersAction[CommandLineParser]"


def fiscal_year(text: str) -> int:
    """argparse type: a four-digit year."""
    if not text.strip().isdigit() or not 1900 <= int(text) <= 9998:
        raise argparse.ArgumentTypeError(f"not a fiscal year (1900 to 9998): {text!r}")
    return int(text)


def check_output(path: Path, force: bool) -> None:
    """An output path the user may write: refuse to overwrite without --force."""
    if path.exists() and path.is_dir():
        raise UsageError(f"{path} is a folder")
    if path.exists() and not force:
        raise UsageError(f"{path} already exists; add --force to overwrite it")
    if not path.absolute().parent.is_dir():
        raise UsageError(f"folder does not exist: {path.absolute().parent}")
