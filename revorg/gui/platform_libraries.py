"""The system libraries Qt's X11 platform plugin (xcb) needs, and the Debian packages that
bring them.

PySide6's wheels carry Qt but not the X11 client libraries. Without, say, libxcb-cursor0, Qt
stops the process with its own message ("xcb-cursor0 or libxcb-cursor0 is needed to load the Qt
xcb platform plugin", then the same for the next library), one library per try. Here the whole
list is known before Qt starts: the app names every missing package in one line, and
`scripts/setup` (`python -m revorg.gui.platform_libraries --install`) installs them when it may.

No Qt import: this runs before Qt loads its platform plugin.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import sysconfig
from collections.abc import Sequence
from pathlib import Path

# The libraries the xcb plugin loads (ldd of libqxcb.so and libQt6XcbQpa.so.6, plus
# libxcb-cursor, which Qt 6.5+ opens itself), and their Debian and Ubuntu packages.
XCB_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
}
DPKG_STATUS = Path("/var/lib/dpkg/status")


def qt_folder() -> Path | None:
    """PySide6's Qt folder (libraries and plugins), found without importing PySide6."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent / "Qt"


def xcb_plugin() -> Path | None:
    folder = qt_folder()
    plugin = folder / "plugins" / "platforms" / "libqxcb.so" if folder else None
    return plugin if plugin is not None and plugin.is_file() else None


def library_folders() -> list[Path]:
    """Where the dynamic loader looks on a Debian-like system, LD_LIBRARY_PATH first."""
    folders = [Path(p) for p in os.environ.get("LD_LIBRARY_PATH", "").split(":") if p]
    bundled = getattr(sys, "_MEIPASS", None)  # the desktop bundle carries its own X11 libraries
    if bundled is not None:
        folders.insert(0, Path(bundled))
    multiarch = sysconfig.get_config_var("MULTIARCH") or "x86_64-linux-gnu"
    for base in ("/lib", "/usr/lib", "/usr/local/lib"):
        folders += [Path(base) / multiarch, Path(base)]
    folder = qt_folder()
    if folder is not None:
        folders.append(folder / "lib")
    return folders


def missing_by_name() -> list[str]:
    """The sonames of XCB_PACKAGES found in no library folder (a few stat calls: fast enough
    for every start)."""
    folders = library_folders()
    return [
        name for name in XCB_PACKAGES if not any((folder / name).exists() for folder in folders)
    ]


def missing_by_ldd(plugin: Path) -> list[str]:
    """What the dynamic loader cannot find for the plugin (ldd), plus libxcb-cursor."""
    missing: list[str] = []
    folder = plugin.parent.parent.parent / "lib"
    for target in (plugin, folder / "libQt6XcbQpa.so.6"):
        if not target.exists():
            continue
        listed = subprocess.run(["ldd", str(target)], capture_output=True, text=True, check=False)
        for line in listed.stdout.splitlines():
            name, _, where = line.strip().partition(" => ")
            if where.strip() == "not found" and name not in missing:
                missing.append(name)
    if "libxcb-cursor.so.0" in missing_by_name():
        missing.insert(0, "libxcb-cursor.so.0")
    return missing


def packages_for(libraries: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(XCB_PACKAGES.get(name, name) for name in libraries))


def install_command(packages: Sequence[str]) -> list[str]:
    return ["apt-get", "install", "-y", *packages]


def uses_xcb() -> bool:
    """Whether Qt will load its X11 plugin: on Linux, asked for by name or by default on an X11
    session (Wayland sessions load the wayland plugin, offscreen runs load none)."""
    if not sys.platform.startswith("linux"):
        return False
    asked = os.environ.get("QT_QPA_PLATFORM", "")
    if asked:
        return asked.split(":")[0].split(";")[0] == "xcb"
    return not os.environ.get("WAYLAND_DISPLAY")


def missing_packages_message() -> str | None:
    """One line for the user when the X11 plugin cannot load, naming the packages to install;
    None when it can (or when this is not a Debian-like system, where the names would be
    guesses)."""
    if not uses_xcb() or not DPKG_STATUS.exists() or xcb_plugin() is None:
        return None
    missing = missing_by_name()
    if not missing:
        return None
    packages = packages_for(missing)
    return (
        f"the window cannot open: Qt's X11 support needs {', '.join(packages)} "
        f"(missing {', '.join(missing)}); install them with: "
        f"sudo {' '.join(install_command(packages))}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m revorg.gui.platform_libraries [--install]`: scripts/setup's check. Installs
    with apt-get as root; else prints the command. Exit 0 when nothing is missing (or installed
    now), 1 when something still is."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    plugin = xcb_plugin()
    if plugin is None or not sys.platform.startswith("linux"):
        return 0
    packages = packages_for(missing_by_ldd(plugin))
    if not packages:
        return 0
    command = install_command(packages)
    may_install = os.geteuid() == 0 and shutil.which("apt-get") is not None
    if "--install" in arguments and may_install:
        print(f"installing the X11 libraries Qt needs: {' '.join(packages)}", file=sys.stderr)
        environment = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=False, env=environment)
        done = subprocess.run(
            [*command, "-qq"], check=False, env=environment, stdout=subprocess.DEVNULL
        )
        return 0 if done.returncode == 0 and not missing_by_ldd(plugin) else 1
    print(
        f"note: Qt's X11 platform plugin cannot load; the window needs: sudo {' '.join(command)}",
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
