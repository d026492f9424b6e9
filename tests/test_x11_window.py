"""The window in a real X11 display (Xvfb), not offscreen: Qt's xcb platform plugin loads (the
system libraries scripts/setup installs are there), the main window is mapped, and a screenshot
of the display shows it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

PROBE = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from revorg.app import main

app = QApplication(sys.argv[:1])
shot = sys.argv.pop()

def report():
    window = next(w for w in QApplication.topLevelWidgets() if type(w).__name__ == "MainWindow")
    if not window.isVisible() or not window.windowHandle().isExposed():
        QTimer.singleShot(100, report)
        return
    picture = QGuiApplication.primaryScreen().grabWindow(0)  # the whole X11 screen
    picture.save(shot)
    image = picture.toImage()
    colours = {image.pixel(x, y) for x in range(0, image.width(), 8)
               for y in range(0, image.height(), 8)}
    print(json.dumps({
        "platform": QGuiApplication.platformName(),
        "title": window.windowTitle(),
        "size": [picture.width(), picture.height()],
        "colours": len(colours),
        "native": bool(window.winId()),
    }))
    app.quit()

QTimer.singleShot(300, report)
sys.exit(main(sys.argv[1:]))
"""


@pytest.fixture
def display() -> Iterator[str]:
    """A new Xvfb server; its display name (":N")."""
    if shutil.which("Xvfb") is None:
        pytest.fail("Xvfb is not installed; run scripts/system-packages")
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as numbers:
        number = numbers.readline().strip()
    try:
        assert number, "Xvfb did not start"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_the_window_opens_in_a_real_x11_display(
    display: str, demo_file: Path, tmp_path: Path
) -> None:
    shot = tmp_path / "x11.png"
    environment = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": display}
    completed = subprocess.run(
        [sys.executable, "-c", PROBE, str(demo_file), str(shot)],
        cwd=REPO_ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    seen = json.loads(completed.stdout.splitlines()[-1])
    assert seen["platform"] == "xcb"
    assert "RevOrg" in seen["title"]
    assert seen["size"] == [1280, 800]
    assert seen["colours"] > 20  # the chart, menus and panels; an empty screen has one colour
    assert shot.stat().st_size > 10_000
    if os.environ.get("REVORG_SCREENSHOTS"):  # for a person to look at: REVORG_SCREENSHOTS=dir
        shutil.copy(shot, Path(os.environ["REVORG_SCREENSHOTS"]) / "x11-window.png")
