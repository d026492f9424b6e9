"""The README's screenshots: the main window on the demo plan, in each language, and in
workshop mode, and on a 300-position plan, each as the window opens it. `scripts/screenshots`
writes them into docs/; the tests write them to a temporary folder and check them.

Run as `python -m revorg.gui.screenshots FOLDER [TEAM_SERVER_URL]` (offscreen is fine). With a
team server's URL (`postgresql://revorg@127.0.0.1:PORT/revorg`, its password from PGPASSFILE),
the team plan's screenshots too, from a real run: Ana publishes the demo plan from her window,
Bo opens it in his, Ana makes a copy of the scenario and changes VP Sales's cost, and Bo's
change of the same card, made on the plan as he read it, is refused.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

SIZE = (1600, 960)
VP_SALES = 6  # selected, so the inspector shows a position


def window_image(language: str, workshop: bool = False, positions: int | None = None) -> QImage:
    """The main window drawn in `language` (the language is switched for it) as it opens a
    plan: the demo plan, or a generated one of `positions` (a mid-size org: its top levels,
    the teams below them collapsed into their roll-ups)."""
    from revorg.gui.i18n import apply_language
    from revorg.gui.window.main_window import MainWindow
    from revorg.model.document import PlanDocument
    from revorg.model.generator import generate_plan

    apply_language(language)
    document = (
        PlanDocument.from_template("demo", 2027, language=language)
        if positions is None
        else generate_plan(positions)
    )
    window = MainWindow(document, language, first_views=True)
    try:
        window.resize(*SIZE)
        window.show()
        if positions is None:
            window.scene.select_only([VP_SALES])  # so the inspector shows a position
        window.view.first_view()  # the view the window opens at: names readable
        if workshop:
            window.workshop.enter()
        QApplication.processEvents()
        return window.grab().toImage()
    finally:
        window.workshop.leave()
        window.controller.undo_stack.clear()
        window.close()
        window.deleteLater()


TEAM_SIZE = (1440, 860)  # the PNGs stay under 300 KB
TEAM_PLAN = "Acme FY27"


def _wait(milliseconds: int) -> None:
    """Let the windows take in the server's notices (the presence list, teammates' steps)."""
    from PySide6.QtCore import QDeadlineTimer, QEventLoop

    deadline = QDeadlineTimer(milliseconds)
    while not deadline.hasExpired():
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def team_images(server_url: str, language: str = "en") -> tuple[QImage, QImage]:
    """Bo's window on a team plan, from a real run on the server at `server_url`: (the refused
    stale edit, the Team dock listing Ana and Bo and their scenarios). Publishes the demo plan
    under a new name on that server."""
    from datetime import UTC, datetime
    from urllib.parse import quote

    from PySide6.QtWidgets import QMessageBox

    from revorg.gui.i18n import apply_language
    from revorg.gui.settings import AppSettings
    from revorg.gui.window.main_window import MainWindow
    from revorg.model.document import PlanDocument

    apply_language(language)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    url = f"{server_url.split('?')[0]}?plan={quote(f'{TEAM_PLAN} {stamp}')}"
    settings = AppSettings()
    kept_name, kept_outline = settings.user_name(), settings.outline_shown()
    settings.set_outline_shown(False)  # the Roles list at the left: the chart at its widest
    windows: list[MainWindow] = []

    def window_of(name: str) -> MainWindow:
        settings.set_user_name(name)  # as in Edit > Preferences (one process: named per step)
        plan = PlanDocument.from_template("demo", 2027, language=language)
        # As the app opens plans: at the top levels with readable names (revorg.gui.application).
        window = MainWindow(plan, language, first_views=True)
        window.files.ask_unsaved = lambda *_args: QMessageBox.StandardButton.Discard
        window.resize(*TEAM_SIZE)
        window.show()
        windows.append(window)
        return window

    try:
        ana = window_of("Ana")
        if not ana.team.publish_to(url):  # File > Publish to team server…
            raise OSError(f"cannot publish to {url}")
        bo = window_of("Bo")
        if not bo.team.open_url(url):  # File > Open team plan…
            raise OSError(f"cannot open {url}")
        _wait(1500)
        settings.set_user_name("Ana")
        ana.controller.edit(VP_SALES, {"annual_cost": Decimal("195000")})
        # Bo's change, on the plan as he read it before Ana's arrived: refused.
        settings.set_user_name("Bo")
        bo.scene.select_only([VP_SALES])
        bo.controller.edit(VP_SALES, {"annual_cost": Decimal("190000")})
        settings.set_user_name("Ana")
        ana.controller.copy_scenario("Hiring freeze")  # the Team dock shows who is on which
        _wait(1500)
        live = bo.team.live
        if live is not None:  # View > Team
            live.dock.show()
            live.dock.raise_()
        _wait(300)
        bo.view.fit()
        _wait(200)
        refused = bo.grab().toImage()
        bo.team.refused.hide()
        _wait(200)
        return refused, bo.grab().toImage()
    finally:
        settings.set_user_name(kept_name)
        settings.set_outline_shown(kept_outline)
        for window in windows:
            window.controller.undo_stack.clear()
            window.close()
            window.deleteLater()


def write_team_screenshots(folder: Path, server_url: str) -> list[Path]:
    """The team plan's screenshots into `folder`/images (as the README shows them)."""
    (folder / "images").mkdir(parents=True, exist_ok=True)
    written = []
    refused, presence = team_images(server_url)
    for image, name in ((refused, "team-refused-edit.png"), (presence, "team-presence.png")):
        path = folder / "images" / name
        if not image.save(str(path)):
            raise OSError(f"cannot write {path}")
        written.append(path)
    return written


def write_screenshots(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for language, name in (("en", "screenshot.png"), ("es", "screenshot-es.png"),
                           ("zh", "screenshot-zh.png")):  # fmt: skip
        path = folder / name
        if not window_image(language).save(str(path)):
            raise OSError(f"cannot write {path}")
        written.append(path)
    for name, image in (
        ("screenshot-workshop.png", window_image("en", workshop=True)),
        ("screenshot-300.png", window_image("en", positions=300)),
    ):
        path = folder / name
        if not image.save(str(path)):
            raise OSError(f"cannot write {path}")
        written.append(path)
    return written


# A 1280 x 720 screen, as on a common projector: workshop mode fills it.
PROJECTOR_SCREEN = {
    "synchronousWindowSystemEvents": False,
    "windowFrameMargins": False,
    "screens": [{"name": "projector", "x": 0, "y": 0, "width": 1280, "height": 720,
                 "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}],
}  # fmt: skip


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        config = Path(folder) / "offscreen.json"
        config.write_text(json.dumps(PROJECTOR_SCREEN), encoding="utf-8")
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
        output = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs")
        return _write(output, sys.argv[2] if len(sys.argv) > 2 else None)


def _write(folder: Path, server_url: str | None = None) -> int:
    from revorg.gui.application import make_application

    make_application()
    written = write_screenshots(folder)
    if server_url:
        written += write_team_screenshots(folder, server_url)
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
