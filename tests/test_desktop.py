"""`revorg install-desktop --user`: the menu entry is valid, `.revorg` files are RevOrg plans to
the desktop (by name and by content), the icon is there in every size; uninstall takes it all
back. Checked with the desktop's own tools, in the temporary home of the tests."""

from __future__ import annotations

import shutil
import sqlite3
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from revorg.io.desktop import ICON_SIZES, DesktopFiles, desktop_exec

REVORG = Path(sys.executable).parent / "revorg"
TOOLS = ("desktop-file-validate", "xdg-mime", "update-mime-database")


def run(*command: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(part) for part in command], capture_output=True, text=True, check=False
    )


def file_type(path: Path) -> str:
    return run("xdg-mime", "query", "filetype", path).stdout.strip()


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


@pytest.fixture
def tools() -> None:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:  # scripts/system-packages installs them (desktop-file-utils, xdg-utils, ...)
        pytest.fail(f"missing desktop tools: {', '.join(missing)}; run scripts/system-packages")


def test_install_desktop_registers_the_entry_the_type_and_the_icons(
    tools: None, private_home: Path, tmp_path: Path
) -> None:
    data_home = private_home / ".local" / "share"
    files = DesktopFiles(data_home)
    plan = tmp_path / "demo.revorg"
    assert run(REVORG, "new", "-o", plan).returncode == 0
    renamed = tmp_path / "plan-sent-by-mail"  # a plan whose name lost its extension
    shutil.copy(plan, renamed)
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as connection:
        connection.execute("create table t (x)")
    assert file_type(plan) != "application/x-revorg"  # before: the desktop does not know it

    installed = run(REVORG, "install-desktop", "--user")
    assert installed.returncode == 0, installed.stderr
    assert installed.stdout.startswith(f"installed 20 files under {data_home}")

    validated = run("desktop-file-validate", files.desktop_entry)
    assert validated.returncode == 0, validated.stdout + validated.stderr
    entry = files.desktop_entry.read_text(encoding="utf-8")
    assert f"Exec={REVORG} %f\n" in entry
    assert "MimeType=application/x-revorg;\n" in entry
    assert file_type(plan) == "application/x-revorg"
    assert file_type(renamed) == "application/x-revorg"  # by content: RevOrg's application_id
    assert file_type(other) == "application/vnd.sqlite3"  # other SQLite files stay SQLite
    for size in ICON_SIZES:
        assert png_size(files.app_icon(size)) == (size, size)
        assert png_size(files.mime_icon(size)) == (size, size)
    assert files.app_icon(None).read_text(encoding="utf-8").startswith("<svg")

    removed = run(REVORG, "uninstall-desktop", "--user")
    assert removed.returncode == 0, removed.stderr
    assert removed.stdout.startswith("removed 20 files")
    assert not [path for path in files.all_files() if path.exists()]
    assert file_type(renamed) == "application/vnd.sqlite3"


def test_uninstall_when_nothing_is_installed_removes_nothing(private_home: Path) -> None:
    removed = run(REVORG, "uninstall-desktop", "--user")
    assert removed.returncode == 0, removed.stderr
    assert removed.stdout == f"removed 0 files under {private_home / '.local' / 'share'}\n"


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        (["/opt/revorg/revorg"], "/opt/revorg/revorg"),
        (["/home/ana/My Apps/revorg"], '"/home/ana/My Apps/revorg"'),
        (["/opt/a$b/revorg", "--lang", "es"], '"/opt/a\\$b/revorg" --lang es'),
        (["/opt/100%/revorg"], "/opt/100%%/revorg"),
    ],
)
def test_exec_lines_quote_as_the_desktop_entry_spec_asks(command: list[str], expected: str) -> None:
    assert desktop_exec(command) == expected
