"""An unexpected exception never ends the app: it is logged, and a dialog names the log file.

The plan stays open and editable: each edit runs in its own savepoint, so a failing edit is
rolled back alone (see PlanEditor._run in revorg.model.editing.editor).
"""

from __future__ import annotations

import logging
import logging.handlers
import platform
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication, QMessageBox

from revorg.gui.i18n import fill

logger = logging.getLogger("revorg")
# The log rotates: at most LOG_BYTES in revorg.log, then revorg.log.1 ... .LOG_BACKUPS.
LOG_BYTES = 512 * 1024
LOG_BACKUPS = 3


def log_file_path() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    folder = Path(base)
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "revorg.log"


def install_crash_guard() -> Path:
    path = log_file_path()
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    from revorg import __version__

    logger.info(
        "RevOrg %s started (Python %s, PySide6 %s, Qt %s, %s)",
        __version__,
        platform.python_version(),
        pyside_version,
        qVersion(),
        platform.platform(),
    )

    def report(
        kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        details = "".join(traceback.format_exception(kind, error, trace))
        logger.error("unexpected error\n%s", details)
        window = QApplication.activeWindow()
        QMessageBox.critical(
            window,
            QApplication.translate("CrashGuard", "Something went wrong"),
            fill(
                QApplication.translate(
                    "CrashGuard",
                    "RevOrg hit an unexpected problem: %1\n\nYour plan is still open; save it to "
                    "keep your work. Details are in %2",
                ),
                str(error) or kind.__name__,
                str(path),
            ),
        )

    sys.excepthook = report
    return path
