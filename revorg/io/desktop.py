"""Desktop integration on Linux (freedesktop.org): a menu entry, the icon in the sizes the icon
theme expects, and the file type `application/x-revorg`, so that a file manager shows plans with
RevOrg's icon and opens them with RevOrg.

The file type is known by its extension and by its content: a plan is an SQLite file whose header
carries RevOrg's application_id (the big-endian integer at offset 68, see
revorg.model.store.database.APPLICATION_ID), so a plan renamed without `.revorg` is still a plan,
while other SQLite files stay SQLite.

No Qt here: the PNG sizes of the icon are drawn by the caller (the command line asks the gui),
and the desktop's caches are refreshed with its own tools when they are installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from revorg.model.store.database import APPLICATION_ID

APP_ID = "revorg"
MIME_TYPE = "application/x-revorg"
MIME_ICON = MIME_TYPE.replace("/", "-")  # the icon theme's name for the type's icon
EXTENSION = ".revorg"
# What the icon theme (hicolor) expects of an application: these PNG sizes, and the SVG.
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256)
SYSTEM_DATA_HOME = Path("/usr/local/share")

DESKTOP_ENTRY = """[Desktop Entry]
Type=Application
Version=1.4
Name=RevOrg
GenericName=Revenue organisation planner
GenericName[es]=Planificador de la organización de ingresos
GenericName[zh_CN]=收入组织规划
Comment=Design a revenue organisation and its plan: org chart, targets, capacity, cost
Comment[es]=Diseña una organización de ingresos y su plan: organigrama, objetivos, capacidad, coste
Comment[zh_CN]=设计收入组织及其计划：组织架构图、目标、产能、成本
Exec={exec} %f
Icon={app_id}
Terminal=false
Categories=Office;ProjectManagement;
MimeType={mime_type};
Keywords=org chart;sales;revenue;headcount;quota;
Keywords[es]=organigrama;ventas;ingresos;plantilla;cuota;
Keywords[zh_CN]=组织架构图;销售;收入;人员编制;配额;
StartupWMClass=revorg
"""

MIME_PACKAGE = """<?xml version="1.0" encoding="UTF-8"?>
<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">
  <mime-type type="{mime_type}">
    <comment>RevOrg plan</comment>
    <comment xml:lang="es">Plan de RevOrg</comment>
    <comment xml:lang="zh_CN">RevOrg 计划</comment>
    <sub-class-of type="application/vnd.sqlite3"/>
    <icon name="{mime_icon}"/>
    <glob pattern="*{extension}"/>
    <!-- Above SQLite's own magic (priority 50): an SQLite header with RevOrg's id at 68. -->
    <magic priority="80">
      <match type="string" offset="0" value="SQLite format 3\\000">
        <match type="big32" offset="68" value="0x{application_id:08X}"/>
      </match>
    </magic>
  </mime-type>
</mime-info>
"""

IconRenderer = Callable[[int], bytes]  # a size in pixels -> the app icon as PNG bytes


@dataclass(frozen=True)
class DesktopFiles:
    """Where the integration's files go under one XDG data folder (~/.local/share for a
    user, /usr/local/share for everyone)."""

    data_home: Path

    @property
    def desktop_entry(self) -> Path:
        return self.data_home / "applications" / f"{APP_ID}.desktop"

    @property
    def mime_package(self) -> Path:
        return self.data_home / "mime" / "packages" / f"{APP_ID}.xml"

    @property
    def icon_theme(self) -> Path:
        return self.data_home / "icons" / "hicolor"

    def app_icon(self, size: int | None) -> Path:
        """The PNG of one size, or the SVG (size None)."""
        if size is None:
            return self.icon_theme / "scalable" / "apps" / f"{APP_ID}.svg"
        return self.icon_theme / f"{size}x{size}" / "apps" / f"{APP_ID}.png"

    def mime_icon(self, size: int | None) -> Path:
        if size is None:
            return self.icon_theme / "scalable" / "mimetypes" / f"{MIME_ICON}.svg"
        return self.icon_theme / f"{size}x{size}" / "mimetypes" / f"{MIME_ICON}.png"

    def all_files(self) -> list[Path]:
        sizes: list[int | None] = [None, *ICON_SIZES]
        return [
            self.desktop_entry,
            self.mime_package,
            *(self.app_icon(size) for size in sizes),
            *(self.mime_icon(size) for size in sizes),
        ]


def user_data_home() -> Path:
    """$XDG_DATA_HOME, else ~/.local/share (the XDG base directory rule)."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if Path(value).is_absolute() else Path.home() / ".local" / "share"


def data_home_for(user: bool) -> Path:
    return user_data_home() if user else SYSTEM_DATA_HOME


def desktop_exec(command: Sequence[str]) -> str:
    """The Exec value of a command: each argument quoted as the desktop entry spec asks when
    it holds a space or a reserved character."""
    reserved = set(" \t\n\"'\\><~|&;$*?#()`")
    parts = []
    for argument in command:
        if any(character in reserved for character in argument):
            escaped = "".join(
                "\\" + character if character in '"`$\\' else character for character in argument
            )
            parts.append(f'"{escaped}"')
        else:
            parts.append(argument.replace("%", "%%"))
    return " ".join(parts)


def desktop_entry_text(command: Sequence[str]) -> str:
    return DESKTOP_ENTRY.format(exec=desktop_exec(command), app_id=APP_ID, mime_type=MIME_TYPE)


def mime_package_text() -> str:
    return MIME_PACKAGE.format(
        mime_type=MIME_TYPE,
        mime_icon=MIME_ICON,
        extension=EXTENSION,
        application_id=APPLICATION_ID,
    )


def app_icon_svg() -> bytes:
    return resources.files("revorg").joinpath("resources/icons/revorg.svg").read_bytes()


@dataclass(frozen=True)
class Outcome:
    """What an install or uninstall did: the files written or removed, and the tools run."""

    files: list[Path]
    refreshed: list[str]


def install(files: DesktopFiles, command: Sequence[str], render: IconRenderer) -> Outcome:
    """Write the entry, the MIME package and the icons, then refresh the desktop's caches."""
    svg = app_icon_svg()
    written: dict[Path, bytes] = {
        files.desktop_entry: desktop_entry_text(command).encode(),
        files.mime_package: mime_package_text().encode(),
        files.app_icon(None): svg,
        files.mime_icon(None): svg,
    }
    for size in ICON_SIZES:
        png = render(size)
        written[files.app_icon(size)] = png
        written[files.mime_icon(size)] = png
    for path, content in written.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return Outcome(list(written), refresh(files))


def uninstall(files: DesktopFiles) -> Outcome:
    removed = [path for path in files.all_files() if path.exists()]
    for path in removed:
        path.unlink()
    return Outcome(removed, refresh(files) if removed else [])


def refresh(files: DesktopFiles) -> list[str]:
    """Rebuild the MIME database, the desktop entries' cache and the icon cache, with the tools
    that are installed (a desktop without them reads the files themselves)."""
    commands = [
        ["update-mime-database", str(files.data_home / "mime")],
        ["update-desktop-database", "-q", str(files.desktop_entry.parent)],
    ]
    if (files.icon_theme / "index.theme").exists():  # the cache needs the theme's index
        commands.append(["gtk-update-icon-cache", "-q", "-f", "-t", str(files.icon_theme)])
    ran = []
    for command in commands:
        if shutil.which(command[0]) is None or not Path(command[-1]).is_dir():
            continue
        subprocess.run(command, check=False, capture_output=True)
        ran.append(command[0])
    return ran
