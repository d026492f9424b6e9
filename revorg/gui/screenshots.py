"""The README's screenshots: the main window on the demo plan, in each language, and in
workshop mode. `scripts/screenshots` writes them into docs/; the tests write them to a
temporary folder and check them.

Run as `python -m revorg.gui.screenshots FOLDER` (offscreen is fine).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

SIZE = (1600, 960)
VP_SALES = 6  # selected, so the inspector shows a position


def window_image(language: str, workshop: bool = False) -> QImage:
    """The demo plan's main window drawn in `language` (the language is switched for it)."""
    from revorg.gui.i18n import apply_language
    from revorg.gui.window.main_window import MainWindow
    from revorg.model.document import PlanDocument

    apply_language(language)
    window = MainWindow(PlanDocument.from_template("demo", 2027, language=language), language)
    try:
        window.resize(*SIZE)
        window.show()
        window.scene.select_only([VP_SALES])
        window.view.fit()
        if workshop:
            window.workshop.enter()
        QApplication.processEvents()
        return window.grab().toImage()
    finally:
        window.workshop.leave()
        window.controller.undo_stack.clear()
        window.close()
        window.deleteLater()


def write_screenshots(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for language, name in (("en", "screenshot.png"), ("es", "screenshot-es.png"),
                           ("zh", "screenshot-zh.png")):  # fmt: skip
        path = folder / name
        if not window_image(language).save(str(path)):
            raise OSError(f"cannot write {path}")
        written.append(path)
    path = folder / "screenshot-workshop.png"
    if not window_image("en", workshop=True).save(str(path)):
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
        return _write(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs"))


def _write(folder: Path) -> int:
    from revorg.gui.application import make_application

    make_application()
    for path in write_screenshots(folder):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
