"""`revorg install-desktop` and `revorg uninstall-desktop`: RevOrg in the Linux desktop's menu,
its icon, and `.revorg` files opened with it (revorg.io.desktop does the work)."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from revorg.cli.parsing import Commands, UsageError

NAMES = ("install-desktop", "uninstall-desktop")


def register(commands: Commands) -> None:
    if NAMES[0] in commands.choices:  # one module serves both names; register once
        return
    for name, verb in zip(NAMES, ("add", "remove"), strict=True):
        parser = commands.add_parser(
            name,
            help=f"{verb} RevOrg's menu entry, icon and .revorg file type (Linux desktops)",
        )
        parser.add_argument(
            "--user",
            action="store_true",
            help="for this user only (~/.local/share); default: every user (/usr/local/share)",
        )


def launcher() -> list[str]:
    """The command a double-click runs: the bundle's program, else the `revorg` script."""
    if getattr(sys, "frozen", False):  # the PyInstaller bundle
        return [str(Path(sys.executable).resolve())]
    started = Path(sys.argv[0])
    if started.name == "revorg" and started.is_file():
        return [str(started.resolve())]
    found = shutil.which("revorg")
    if found is None:
        raise UsageError("cannot find the `revorg` command to register: install RevOrg first")
    return [str(Path(found).resolve())]


def run(options: argparse.Namespace) -> int:
    from revorg.io import desktop

    if not sys.platform.startswith("linux"):
        raise UsageError(f"{options.command} is for Linux desktops (freedesktop.org)")
    files = desktop.DesktopFiles(desktop.data_home_for(options.user))
    try:
        if options.command == "install-desktop":
            from revorg.gui.icons import app_icon_png  # Qt draws the PNG sizes of the icon

            outcome = desktop.install(files, launcher(), app_icon_png)
            print(f"installed {len(outcome.files)} files under {files.data_home}")
        else:
            outcome = desktop.uninstall(files)
            print(f"removed {len(outcome.files)} files under {files.data_home}")
    except PermissionError as error:
        hint = "" if options.user else " (add --user, or run as root)"
        raise UsageError(f"cannot write {error.filename}{hint}") from None
    if outcome.refreshed:
        print(f"refreshed: {', '.join(outcome.refreshed)}")
    return 0
