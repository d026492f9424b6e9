"""Before Qt loads its X11 plugin, the app names every Debian package the plugin still needs,
in one line with the command to run (Qt itself names one library per try, then aborts)."""

from __future__ import annotations

from pathlib import Path

import pytest

from revorg.gui import platform_libraries
from revorg.gui.platform_libraries import XCB_PACKAGES, missing_packages_message


@pytest.fixture
def libraries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A library folder holding every library the plugin needs, and only this folder."""
    folder = tmp_path / "lib"
    folder.mkdir()
    for name in XCB_PACKAGES:
        (folder / name).touch()
    monkeypatch.setattr(platform_libraries, "library_folders", lambda: [folder])
    monkeypatch.setattr(platform_libraries.sys, "platform", "linux")
    monkeypatch.setattr(platform_libraries, "DPKG_STATUS", folder / "libxcb.so.1")  # Debian
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    return folder


def test_the_missing_packages_are_named_with_the_command_to_install_them(libraries: Path) -> None:
    assert missing_packages_message() is None
    for name in ("libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"):
        (libraries / name).unlink()
    assert missing_packages_message() == (
        "the window cannot open: Qt's X11 support needs libxcb-cursor0, libxcb-icccm4, "
        "libxcb-keysyms1 (missing libxcb-cursor.so.0, libxcb-icccm.so.4, "
        "libxcb-keysyms.so.1); install them with: "
        "sudo apt-get install -y libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1"
    )


@pytest.mark.parametrize("platform", ["offscreen", "wayland", "minimal"])
def test_other_platforms_need_no_x11_library(
    libraries: Path, monkeypatch: pytest.MonkeyPatch, platform: str
) -> None:
    (libraries / "libxcb-cursor.so.0").unlink()
    monkeypatch.setenv("QT_QPA_PLATFORM", platform)
    assert missing_packages_message() is None


def test_a_wayland_session_does_not_ask_for_x11_libraries(
    libraries: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (libraries / "libxcb-cursor.so.0").unlink()
    monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    assert missing_packages_message() is None
    monkeypatch.delenv("WAYLAND_DISPLAY")
    assert missing_packages_message() is not None  # an X11 session, by default
